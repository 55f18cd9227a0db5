/**
 * One chart on screen: an ECharts instance (SVG renderer) in a box of the given height and the
 * width of its container. The box is an image to assistive technology (role="img", its name
 * the sentence `label`); the figures themselves are in the table beside it. A click on a bar
 * or a cell reports its series and data index.
 *
 * A chart is drawn when its box comes near the window, each in a task of its own, so a screen
 * of several charts (a district's grid is 700 cells) shows at once and never holds the page
 * for long; before printing every chart is drawn.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { echarts, type ChartOption } from './echarts';
import './chart.css';

export interface ChartProps {
  option: ChartOption;
  height: number;
  /** What the chart shows, in one sentence (its accessible name). */
  label: string;
  /** A bar, a column or a cell was clicked. */
  onItemClick?: (seriesIndex: number, dataIndex: number) => void;
}

/** How far below the window a chart is already drawn. */
const AHEAD = '0px 0px 100px 0px';

/** Charts not drawn yet, drawn at once when the page is about to print. */
const pending = new Set<() => void>();
function drawAllPending(): void {
  for (const draw of [...pending]) draw();
}
if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', drawAllPending);
  window.matchMedia?.('print').addEventListener?.('change', (e) => {
    if (e.matches) drawAllPending();
  });
}

export function Chart({ option, height, label, onItemClick }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);
  const click = useRef(onItemClick);
  const [near, setNear] = useState(false);
  useEffect(() => {
    click.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    if (near) return;
    const el = box.current!;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const draw = () => {
      pending.delete(draw);
      clearTimeout(timer);
      flushSync(() => setNear(true));
    };
    pending.add(draw);
    const seen = new IntersectionObserver(
      (entries) => {
        // Its own task: charts coming into view together are drawn one after the other.
        if (entries.some((e) => e.isIntersecting)) timer = setTimeout(draw, 0);
      },
      { rootMargin: AHEAD },
    );
    seen.observe(el);
    return () => {
      seen.disconnect();
      clearTimeout(timer);
      pending.delete(draw);
    };
  }, [near]);

  // A layout effect: drawn in the same task as the render that made it near (and before a print).
  useLayoutEffect(() => {
    if (!near) return;
    const el = box.current!;
    const c = echarts.init(el, null, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => {
      if (typeof p.dataIndex === 'number') click.current?.(p.seriesIndex ?? 0, p.dataIndex);
      // The tooltip (shown again by the click itself) would stay over the dialog the click opens.
      setTimeout(() => {
        if (!c.isDisposed()) c.dispatchAction({ type: 'hideTip' });
      }, 0);
    });
    // The container's width follows the window (and the page when printed).
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [near]);

  useLayoutEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, near]);

  return <div ref={box} className="chart-box" style={{ height }} role="img" aria-label={label} aria-busy={near ? undefined : true} />;
}
