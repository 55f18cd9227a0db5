/**
 * A chart as a PNG file: the same option drawn by an off-screen canvas instance of ECharts,
 * with a title on top, at twice the pixel density (sharp in a Word document or a slide), on
 * white. ECharts' own getDataURL does the drawing; this only decodes its base64.
 */
import { echarts, type ChartOption } from './echarts';

export interface PngTitle {
  text: string;
  subtext?: string;
}

/** Room above the plot for the title and its second line (px). */
const TITLE_ROOM = 56;

function withTitle(option: ChartOption, title: PngTitle): ChartOption {
  const grids = option.grid === undefined ? [] : Array.isArray(option.grid) ? option.grid : [option.grid];
  const shift = (top: unknown) => (typeof top === 'number' ? top + TITLE_ROOM : TITLE_ROOM + 20);
  const legends = option.legend === undefined ? [] : Array.isArray(option.legend) ? option.legend : [option.legend];
  return {
    ...option,
    animation: false,
    title: { text: title.text, subtext: title.subtext ?? '', left: 12, top: 8, textStyle: { fontSize: 16 }, subtextStyle: { fontSize: 12, color: '#333' } },
    grid: grids.map((g) => ({ ...g, top: shift(g.top) })),
    legend: legends.map((l) => (typeof l.top === 'number' ? { ...l, top: l.top + TITLE_ROOM } : l)),
  };
}

/** Longest an off-screen chart is kept waiting for its painter to finish (ms). */
const DISPOSE_AT_LATEST = 10_000;

export function chartPng(option: ChartOption, size: { width: number; height: number }, title: PngTitle): Uint8Array {
  const height = size.height + TITLE_ROOM;
  const chart = echarts.init(document.createElement('div'), null, { renderer: 'canvas', width: size.width, height });
  // getDataURL draws everything at once; the instance's own painter may still be drawing its
  // canvas over the next frames (it splits long paints), and disposing under it throws: it is
  // disposed once it has finished.
  const dispose = () => {
    clearTimeout(timer);
    if (!chart.isDisposed()) chart.dispose();
  };
  const timer = setTimeout(dispose, DISPOSE_AT_LATEST);
  chart.on('finished', () => {
    setTimeout(dispose, 0);
  });
  try {
    chart.setOption(withTitle(option, title));
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    const binary = atob(url.slice(url.indexOf(',') + 1));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch (error) {
    dispose();
    throw error;
  }
}
