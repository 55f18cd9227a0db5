/**
 * Fills that stay apart in colour, for colour-blind readers (blue / orange from the
 * Okabe–Ito set, ColorBrewer "Blues" for shares) and in greyscale print (different lightness,
 * and a pattern — stripes, dots, hatching — on every fill but the darkest). ECharts draws the
 * patterns ("decals") itself.
 */

export interface Fill {
  color: string;
  /** ECharts decal (pattern over the colour); undefined = plain. */
  decal?: { symbol: string; symbolSize: number; color: string; dashArrayX: number[] | number[][]; dashArrayY: number[]; rotation: number };
  /** Text drawn on the fill. */
  ink: string;
  /** Outline, for fills close to white. */
  border?: string;
}

const stripes = (color: string) => ({ symbol: 'rect', symbolSize: 1, color, dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: Math.PI / 4 });
const hatch = (color: string) => ({ symbol: 'rect', symbolSize: 1, color, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4 });
const dots = (color: string) => ({ symbol: 'circle', symbolSize: 0.7, color, dashArrayX: [[6, 6]], dashArrayY: [6, 0], rotation: 0 });

export const FILLS = {
  /** Darkest: done, handed in, this period. */
  strong: { color: '#0b4f8a', ink: '#ffffff' },
  /** Orange with stripes: in progress, late. */
  middle: { color: '#e69f00', decal: stripes('rgba(0, 0, 0, 0.35)'), ink: '#000000' },
  /** Pale yellow with dots: not started (most items, most of the time: a quiet fill). */
  light: { color: '#fbefc0', decal: dots('rgba(0, 0, 0, 0.4)'), ink: '#000000', border: '#9a8a3c' },
  /** Grey with hatching: not applicable. */
  neutral: { color: '#bdbdbd', decal: hatch('rgba(0, 0, 0, 0.4)'), ink: '#000000' },
  /** White with grey stripes: nothing reported. */
  empty: { color: '#ffffff', decal: stripes('rgba(0, 0, 0, 0.3)'), ink: '#000000', border: '#6b6b6b' },
  /** Vermillion with hatching: not handed in. */
  alarm: { color: '#d55e00', decal: hatch('rgba(255, 255, 255, 0.55)'), ink: '#000000' },
  /** Grey with stripes: the comparison (the same period a year earlier). */
  past: { color: '#9e9e9e', decal: stripes('rgba(0, 0, 0, 0.35)'), ink: '#000000' },
} satisfies Record<string, Fill>;

/** A share from 0 to 100 %, light to dark (ColorBrewer Blues, 5 classes), with its text colour. */
export const SHARE_STEPS: readonly { min: number; max: number; color: string; ink: string }[] = [
  { min: 0, max: 24, color: '#eff3ff', ink: '#000000' },
  { min: 25, max: 49, color: '#bdd7e7', ink: '#000000' },
  { min: 50, max: 74, color: '#6baed6', ink: '#000000' },
  { min: 75, max: 99, color: '#3182bd', ink: '#ffffff' },
  { min: 100, max: 100, color: '#08519c', ink: '#ffffff' },
];

/** The ECharts item style of a fill. */
export function fillStyle(fill: Fill): { color: string; decal?: Fill['decal']; borderColor?: string; borderWidth?: number } {
  return { color: fill.color, ...(fill.decal ? { decal: fill.decal } : {}), ...(fill.border ? { borderColor: fill.border, borderWidth: 1 } : {}) };
}
