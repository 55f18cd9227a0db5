/**
 * Cells a table's own reading does not look at, and formula cells, said at the cell: no value
 * typed into a sheet's table area is dropped without a word.
 *
 *   noteSheetCells(sheet, add) — for every cell below the header row of a located sheet:
 *     - a formula: read as its computed value (warning), or refused when the file holds none
 *       (error) — cell-values.ts formulaNote decides;
 *     - a value in a column without a header (outside the table): not read (warning, one per
 *       column, naming its rows).
 *
 * Pure module over reader-sheets.ts Grid: the ExcelJS path and any other way of obtaining cells
 * share these rules as long as they give cells the same shapes.
 */
import { cellText, formulaNote } from './cell-values';
import type { LocatedSheet } from './reader-sheets';
import type { Add } from './reader-v1';
import { colLetter } from './writer-layout';

/** Formula warnings shown per sheet before one line counts the rest. */
const MAX_FORMULA_NOTES = 20;
/** Rows named in the message about a column outside the table. */
const MAX_ROWS_NAMED = 5;

export function noteSheetCells(sheet: LocatedSheet, add: Add): void {
  const { grid, header } = sheet;
  if (!header) return;
  const stray = new Map<number, number[]>();
  let formulas = 0;
  let formulaRows = 0;
  for (let r = header.row + 1; r <= grid.rowCount; r++) {
    for (let c = 1; c <= grid.columnCount; c++) {
      const v = grid.value(r, c);
      if (v === null || v === undefined) continue;
      const headed = header.headers.has(c);
      if (typeof v === 'object') {
        const note = formulaNote(v);
        if (note) {
          if (note.severity === 'error' || formulas < MAX_FORMULA_NOTES) {
            add(note.severity, { sheet: grid.name, row: r, column: headed ? header.headers.get(c)! : colLetter(c) }, note.detail);
            if (note.severity === 'warning') formulas++;
          } else formulaRows++;
        }
      }
      if (!headed && cellText(v) !== '') {
        const rows = stray.get(c) ?? [];
        rows.push(r);
        stray.set(c, rows);
      }
    }
  }
  if (formulaRows > 0) {
    add('warning', { sheet: grid.name }, { code: 'formulas-more', count: formulaRows });
  }
  for (const [c, rows] of stray) {
    const named = rows.slice(0, MAX_ROWS_NAMED).join(', ') + (rows.length > MAX_ROWS_NAMED ? ` và ${rows.length - MAX_ROWS_NAMED} dòng khác` : '');
    add(
      'warning',
      { sheet: grid.name, row: rows[0]!, column: colLetter(c) },
      { code: 'column-outside-table', column: colLetter(c), rows: named },
    );
  }
}
