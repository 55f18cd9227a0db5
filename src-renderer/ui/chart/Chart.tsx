/**
 * One chart on screen: an ECharts instance (SVG renderer) in a box of the given height and the
 * width of its container. The box is an image to assistive technology (role="img", its name
 * the sentence `label`); the figures themselves are in the table beside it. A click on a bar
 * or a cell reports its series and data index.
 */
import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';
import './chart.css';

export interface ChartProps {
  option: ChartOption;
  height: number;
  /** What the chart shows, in one sentence (its accessible name). */
  label: string;
  /** A bar, a column or a cell was clicked (or activated). */
  onItemClick?: (seriesIndex: number, dataIndex: number) => void;
}

export function Chart({ option, height, label, onItemClick }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);
  const click = useRef(onItemClick);
  useEffect(() => {
    click.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, null, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => {
      // The tooltip would stay over the dialog the click opens.
      c.dispatchAction({ type: 'hideTip' });
      if (typeof p.dataIndex === 'number') click.current?.(p.seriesIndex ?? 0, p.dataIndex);
    });
    // The container's width follows the window (and the page when printed).
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="chart-box" style={{ height }} role="img" aria-label={label} />;
}
