/**
 * The toolkit both readers (reader-v1.ts for unit reports and templates, reader-consolidated.ts)
 * read sheets with: the problem sink, tables located by their header row, a cell taken through
 * its parser with the problem said at the cell, the rows of "Thông tin", item ids of item rows,
 * the indicator columns of "Hoạt động", and what a sheet holds outside the cells a reader looks
 * at (noteSheetCells):
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
import { isPlanItemId } from '@domain/ids';
import { MAX_ACTIVITY_VALUE, STANDARD_INDICATORS } from '@domain/indicators';
import { formatCount } from '@domain/fields';
import { periodName, type PeriodRef } from '@domain/periods';
import { cellText, formulaNote, parseCellCount, type CellParse } from './cell-values';
import { problemAt, type Problem, type ProblemDetail, type ProblemPlace, type ProblemSeverity } from './problems';
import type { Grid, LocatedSheet } from './reader-sheets';
import { colLetter, headerKey, INFO_FIELDS, MACHINE_INDICATOR_PREFIX, type InfoFieldKey } from './spec';
import { type ReportIndicator } from '@domain/report';

/** What a reader of one kind of workbook is given (reader.ts located the sheets). */
export interface ReaderInput<K extends string> {
  file: string;
  version: number;
  /** Key/value rows of "_sokh", or null when the sheet is gone. */
  machine: Map<string, string> | null;
  sheets: Partial<Record<K, LocatedSheet>>;
  date1904: boolean;
  expectedPlan?: ExpectedPlan;
}

/** What the importer expects, to compare with the file (optional). */
export interface ExpectedPlan {
  id?: string;
  fingerprint?: string;
  /** Every item id of the plan (activities may link any of them). */
  itemIds?: readonly string[];
}

/** The problem sink of a reader: a severity, a place in the file and what is wrong there. */
export type Add = (severity: ProblemSeverity, place: Omit<ProblemPlace, 'file'>, detail: ProblemDetail) => void;

export function adderOf(file: string, problems: Problem[]): Add {
  return (severity, place, detail) => problems.push(problemAt(severity, { file, ...place }, detail));
}

export function countRejected(problems: readonly Problem[], sheet: LocatedSheet | undefined): number {
  if (!sheet) return 0;
  const rows = new Set<number>();
  for (const p of problems) if (p.severity === 'error' && p.sheet === sheet.grid.name && p.row !== undefined) rows.add(p.row);
  return rows.size;
}


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

// ---------------------------------------------------------------------------------------------
// Tables.

export interface InfoRead<K extends string = InfoFieldKey> {
  values: Map<K, unknown>;
  rows: Map<K, number>;
}

/** The label/value rows of "Thông tin" (labels of `fields`, accents and case ignored). */
export function readInfo<K extends string = InfoFieldKey>(
  sheet: LocatedSheet | undefined,
  fields: readonly { key: K; label: string }[] = INFO_FIELDS as unknown as readonly { key: K; label: string }[],
): InfoRead<K> {
  const out: InfoRead<K> = { values: new Map(), rows: new Map() };
  if (!sheet) return out;
  const { grid, header } = sheet;
  const labelCol = header?.columns.get('label') ?? 1;
  const valueCol = header?.columns.get('value') ?? 2;
  const byLabel = new Map(fields.map((f) => [headerKey(f.label), f.key]));
  for (let r = (header?.row ?? 0) + 1; r <= grid.rowCount; r++) {
    const key = byLabel.get(headerKey(cellText(grid.value(r, labelCol))));
    if (!key || out.values.has(key)) continue;
    out.values.set(key, grid.value(r, valueCol));
    out.rows.set(key, r);
  }
  return out;
}

export interface Table {
  sheet: LocatedSheet;
  grid: Grid;
  firstRow: number;
  col: (key: string) => number | undefined;
  headerOf: (col: number) => string;
}

export function table(sheet: LocatedSheet | undefined): Table | null {
  if (!sheet?.header || sheet.header.missing.length > 0) return null;
  const h = sheet.header;
  return {
    sheet,
    grid: sheet.grid,
    firstRow: h.row + 1,
    col: (key) => h.columns.get(key),
    headerOf: (col) => h.headers.get(col) ?? '',
  };
}

/** Report a parse failure at a cell; returns the value or undefined when it failed. */
export function take<T>(t: Table, row: number, col: number, parsed: CellParse<T>, add: Add): T | null | undefined {
  if (parsed.ok) {
    if (parsed.note !== undefined) add('warning', { sheet: t.grid.name, row, column: t.headerOf(col) }, parsed.note);
    return parsed.value;
  }
  add('error', { sheet: t.grid.name, row, column: t.headerOf(col) }, parsed);
  return undefined;
}


/**
 * A count of one activity or adjustment at a cell: as `take`, plus an error when its size is
 * above MAX_ACTIVITY_VALUE (undefined then, like any cell that failed).
 */
export function takeCapped(t: Table, row: number, col: number, signed: boolean, what: string, add: Add): number | null | undefined {
  const v = take(t, row, col, parseCellCount(t.grid.value(row, col), signed), add);
  if (v === undefined || v === null || Math.abs(v) <= MAX_ACTIVITY_VALUE) return v;
  add('error', { sheet: t.grid.name, row, column: t.headerOf(col) }, { code: 'count-over-limit', shown: cellText(t.grid.value(row, col)), limit: formatCount(MAX_ACTIVITY_VALUE), what });
  return undefined;
}

export function rowIsBlank(t: Table, row: number, cols: readonly number[]): boolean {
  return cols.every((c) => cellText(t.grid.value(row, c)) === '');
}

/**
 * A row left out for having none of its `substantive` cells, said when another column of the
 * table holds something (an "STT" left behind, a task typed without its id): the officer learns
 * the row was not read. `quiet`: columns whose content alone means nothing (the hidden "Mã dòng"
 * of a row whose activity was cleared); `needs` what such a row lacks, e.g. "mã nhiệm vụ và trạng thái".
 */
export function noteSkippedRow(t: Table, row: number, substantive: readonly number[], quiet: ReadonlySet<number>, needs: string, add: Add): void {
  const skip = new Set(substantive);
  const filled: number[] = [];
  for (const c of t.sheet.header!.headers.keys()) {
    if (!skip.has(c) && !quiet.has(c) && cellText(t.grid.value(row, c)) !== '') filled.push(c);
  }
  if (filled.length === 0) return;
  filled.sort((a, b) => a - b);
  add('warning', { sheet: t.grid.name, row, column: t.headerOf(filled[0]!) }, { code: 'row-partial', filled: filled.map((c) => t.headerOf(c)), needs });
}

/**
 * The plan item id of an item row (upper case, a trailing dot forgiven), recorded in `seen`; null
 * with an error when it is missing, not an item id, or already on an earlier row.
 */
export function itemRowId(t: Table, r: number, col: number, seen: Map<string, number>, of: 'statuses' | 'figures', add: Add): string | null {
  const rawId = cellText(t.grid.value(r, col));
  const id = rawId.toUpperCase().replace(/\.+$/, '');
  const place = { sheet: t.grid.name, row: r, column: t.headerOf(col) };
  if (id === '') {
    add('error', place, { code: 'item-id-missing', of });
    return null;
  }
  if (!isPlanItemId(id)) {
    add('error', place, { code: 'item-id-invalid', shown: rawId });
    return null;
  }
  if (seen.has(id)) {
    add('error', place, { code: 'item-id-duplicate', id, first: seen.get(id)! });
    return null;
  }
  seen.set(id, r);
  return id;
}


export interface IndicatorCol {
  col: number;
  code: string;
}

/**
 * Which indicator each extra column of "Hoạt động" carries: by "_sokh" (indicator:<code> →
 * header), else by the names and codes of "Chỉ tiêu", else by the standard list's names, else a
 * header that is itself a code. Two indicators with the same header are taken in column order.
 * Any other column is ignored with a warning.
 */
export function mapIndicatorColumns(
  input: { machine: ReadonlyMap<string, string> | null },
  known: readonly Pick<ReportIndicator, 'code' | 'name'>[],
  headers: ReadonlyMap<number, string>,
  fixed: ReadonlySet<number>,
  t: Table,
  add: Add,
): IndicatorCol[] {
  const byHeader = new Map<string, string[]>();
  const push = (header: string, code: string) => {
    const k = headerKey(header);
    const list = byHeader.get(k) ?? [];
    if (!list.includes(code)) list.push(code);
    byHeader.set(k, list);
  };
  if (input.machine) {
    for (const [k, v] of input.machine) if (k.startsWith(MACHINE_INDICATOR_PREFIX)) push(v, k.slice(MACHINE_INDICATOR_PREFIX.length));
  }
  const fallback = new Map<string, string>();
  for (const ind of known) {
    if (ind.name !== '') fallback.set(headerKey(ind.name), ind.code);
    fallback.set(headerKey(ind.code), ind.code);
  }
  for (const d of STANDARD_INDICATORS) {
    if (!fallback.has(headerKey(d.name))) fallback.set(headerKey(d.name), d.code);
    if (!fallback.has(headerKey(d.code))) fallback.set(headerKey(d.code), d.code);
  }
  const out: IndicatorCol[] = [];
  const used = new Set<string>();
  const cols = [...headers.keys()].filter((c) => !fixed.has(c)).sort((a, b) => a - b);
  for (const c of cols) {
    const key = headerKey(headers.get(c) ?? '');
    const code = (byHeader.get(key) ?? []).find((x) => !used.has(x)) ?? (fallback.get(key) && !used.has(fallback.get(key)!) ? fallback.get(key) : undefined) ?? (/^x-[a-z0-9-]+$/.test(key) && !used.has(key) ? key : undefined);
    if (!code) {
      add('warning', { sheet: t.grid.name, row: t.firstRow - 1, column: headers.get(c) ?? '' }, { code: 'column-unknown' });
      continue;
    }
    used.add(code);
    out.push({ col: c, code });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Identity from text.

/** "6 tháng đầu năm 2025", "Năm 2025", "Quý II năm 2025" → their period (names of periods.ts). */
export function periodRefOfName(name: string): PeriodRef | null {
  const key = headerKey(name);
  const year = /(\d{4})\s*$/.exec(key)?.[1];
  if (!year) return null;
  const y = Number(year);
  const candidates: PeriodRef[] = [{ kind: 'half', year: y }, { kind: 'year', year: y }, ...[1, 2, 3, 4].map((q): PeriodRef => ({ kind: 'quarter', year: y, quarter: q }))];
  return candidates.find((ref) => headerKey(periodName(ref)) === key) ?? null;
}

