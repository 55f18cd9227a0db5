/**
 * Row heights of data rows, estimated from the text of their wrapped cells (see below).
 *
 * Pure module.
 */
import type { ColumnDef } from './spec';
import type { RowValues } from './writer-layout';

// ---------------------------------------------------------------------------------------------
// Row height: ExcelJS cannot measure text and Excel does not re-fit row heights when it opens a
// file, so a wrapped row gets an estimated height (LibreOffice re-fits anyway).

const LINE_HEIGHT = 15.75;
/**
 * Characters of Times New Roman 12 per unit of column width (a width unit is one '0' of the
 * default font). Measured on LibreOffice's rendering (about 1.45 for lower-case text, 1.2 for a
 * unit's name in capitals and diacritics, «CĐCS Ủy ban nhân dân xã …»); the lower one, so that
 * neither LibreOffice nor Excel, whose wrapping is a bit wider, cuts the last line.
 */
const CHARS_PER_WIDTH = 1.2;

function estimateLines(values: RowValues, limits: readonly number[]): number {
  let lines = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'string') continue;
    const limit = limits[i] ?? 10 * CHARS_PER_WIDTH;
    if (v.length <= limit && v.indexOf('\n') < 0) continue;
    let n = 0;
    let from = 0;
    const step = Math.max(1, limit);
    for (;;) {
      const nl = v.indexOf('\n', from);
      const len = (nl < 0 ? v.length : nl) - from;
      n += len === 0 ? 1 : Math.ceil(len / step);
      if (nl < 0) break;
      from = nl + 1;
    }
    if (n > lines) lines = n;
  }
  return Math.min(lines, 25);
}

/** Characters per line of each column (for the row-height estimate). */
export function wrapLimits(columns: readonly ColumnDef[]): number[] {
  return columns.map((c) => c.width * CHARS_PER_WIDTH);
}

/**
 * The height a data row gets (points), or undefined for one line (the sheet's default height).
 * `limits` is wrapLimits(the sheet's columns).
 */
export function dataRowHeight(values: RowValues, limits: readonly number[]): number | undefined {
  const lines = estimateLines(values, limits);
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}

