/**
 * Finding things in a workbook without trusting positions: sheets by name or by their header
 * row, the header row by its texts, columns by header (accent-insensitive, spec.headerKey).
 *
 * Pure module. It works on `Grid`, a small read-only view of a worksheet, so that the version
 * readers never touch ExcelJS objects and tests can feed plain arrays.
 */
import { cellText } from './cell-values';
import {
  CONSOLIDATED_SHEET_COLUMNS,
  HEADER_SCAN_ROWS,
  headerKey,
  SHEET_COLUMNS,
  SHEET_NAMES,
  type ColumnDef,
  type ConsolidatedSheetKey,
  type ReadableSheetKey,
  type SheetKey,
} from './spec';

/** A worksheet as the readers see it. Rows and columns are 1-based, as people count them. */
export interface Grid {
  name: string;
  /** 'visible' | 'hidden' | 'veryHidden'. */
  state: string;
  /** Last row that may hold something. */
  rowCount: number;
  /** Last column that may hold something. */
  columnCount: number;
  /** The raw cell value (ExcelJS shapes), null when empty. */
  value(row: number, col: number): unknown;
}

/** A grid over plain rows (tests, and a cheap copy of a worksheet). */
export function gridOfRows(name: string, rows: readonly (readonly unknown[])[], state = 'visible'): Grid {
  return {
    name,
    state,
    rowCount: rows.length,
    columnCount: rows.reduce((m, r) => Math.max(m, r.length), 0),
    value: (row, col) => rows[row - 1]?.[col - 1] ?? null,
  };
}

/** Where a table's header row is and which column holds each of its fields. */
export interface HeaderMatch {
  row: number;
  /** Column key → 1-based column number. */
  columns: Map<string, number>;
  /** Column number → header text as written in the file. */
  headers: Map<number, string>;
  /** Required columns of the definition that were not found. */
  missing: ColumnDef[];
}

/**
 * The keys a column definition's header and aliases fold to. The definitions are constants, so
 * each is folded once per run instead of once per cell of every scanned row (that folding was
 * most of the reader's fixed cost per file).
 */
const defKeysCache = new WeakMap<ColumnDef, ReadonlySet<string>>();
function defKeys(def: ColumnDef): ReadonlySet<string> {
  let keys = defKeysCache.get(def);
  if (!keys) {
    keys = new Set([headerKey(def.header), ...(def.aliases ?? []).map(headerKey)]);
    defKeysCache.set(def, keys);
  }
  return keys;
}

/**
 * headerKey of a cell's text, remembered: the header block and header rows of every file of a
 * batch hold the same few texts. Bounded, so a file of many distinct texts cannot grow it.
 */
const cellKeyCache = new Map<string, string>();
function cellHeaderKey(text: string): string {
  let key = cellKeyCache.get(text);
  if (key === undefined) {
    key = headerKey(text);
    if (cellKeyCache.size >= 4096) cellKeyCache.clear();
    cellKeyCache.set(text, key);
  }
  return key;
}

function matches(def: ColumnDef, key: string): boolean {
  return defKeys(def).has(key);
}

/**
 * The header row of a table: among the first HEADER_SCAN_ROWS rows, the first holding every
 * required header of `defs`; failing that, the row holding most of them (at least one), with
 * the others reported missing. Null when no row holds any required header.
 */
export function findHeaderRow(grid: Grid, defs: readonly ColumnDef[]): HeaderMatch | null {
  const required = defs.filter((d) => d.required);
  let best: HeaderMatch | null = null;
  let bestFound = 0;
  const last = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    const keys = new Map<number, string>();
    const headers = new Map<number, string>();
    for (let c = 1; c <= grid.columnCount; c++) {
      const text = cellText(grid.value(r, c));
      if (text === '') continue;
      keys.set(c, cellHeaderKey(text));
      headers.set(c, text);
    }
    if (keys.size === 0) continue;
    const columns = new Map<string, number>();
    const used = new Set<number>();
    for (const def of defs) {
      for (const [c, key] of keys) {
        if (!used.has(c) && matches(def, key)) {
          columns.set(def.key, c);
          used.add(c);
          break;
        }
      }
    }
    const found = required.filter((d) => columns.has(d.key)).length;
    if (found === 0) continue;
    const match: HeaderMatch = { row: r, columns, headers, missing: required.filter((d) => !columns.has(d.key)) };
    if (found === required.length) return match;
    if (found > bestFound) {
      best = match;
      bestFound = found;
    }
  }
  return best;
}

export interface LocatedSheet {
  grid: Grid;
  header: HeaderMatch | null;
  /** True when found by its header row rather than its name (it was renamed). */
  renamed: boolean;
}

/**
 * Each readable sheet: by its name (accent- and case-insensitive) first, then, for a sheet not
 * found by name, the unclaimed visible sheet whose header row holds all its required headers.
 */
export function locateSheets(grids: readonly Grid[]): Partial<Record<ReadableSheetKey, LocatedSheet>> {
  return locateSheetsOf(grids, SHEET_COLUMNS);
}

/** The sheets of a consolidated report (version 2), found the same way. */
export function locateConsolidatedSheets(grids: readonly Grid[]): Partial<Record<ConsolidatedSheetKey, LocatedSheet>> {
  return locateSheetsOf(grids, CONSOLIDATED_SHEET_COLUMNS);
}

/** Sheets named SHEET_NAMES[key] with the columns `columns[key]`, by name, else by header row. */
export function locateSheetsOf<K extends SheetKey>(grids: readonly Grid[], columns: Readonly<Record<K, readonly ColumnDef[]>>): Partial<Record<K, LocatedSheet>> {
  const out: Partial<Record<K, LocatedSheet>> = {};
  const claimed = new Set<Grid>();
  const keys = Object.keys(columns) as K[];
  for (const key of keys) {
    const want = headerKey(SHEET_NAMES[key]);
    const grid = grids.find((g) => !claimed.has(g) && headerKey(g.name) === want);
    if (!grid) continue;
    claimed.add(grid);
    out[key] = { grid, header: findHeaderRow(grid, columns[key]), renamed: false };
  }
  const machineNames = new Set([headerKey(SHEET_NAMES.machine), headerKey(SHEET_NAMES.lists), headerKey(SHEET_NAMES.guide)]);
  for (const key of keys) {
    if (out[key]) continue;
    for (const grid of grids) {
      if (claimed.has(grid) || machineNames.has(headerKey(grid.name))) continue;
      const header = findHeaderRow(grid, columns[key]);
      if (header && header.missing.length === 0) {
        claimed.add(grid);
        out[key] = { grid, header, renamed: true };
        break;
      }
    }
  }
  return out;
}

/** The machine sheet, by its exact name first, then accent- and case-insensitively. */
export function findMachineGrid(grids: readonly Grid[]): Grid | undefined {
  return grids.find((g) => g.name === SHEET_NAMES.machine) ?? grids.find((g) => headerKey(g.name) === headerKey(SHEET_NAMES.machine));
}

/** Key/value rows of a two-column sheet (machine sheet): column A key, column B value. */
export function keyValueRows(grid: Grid): Map<string, string> {
  const out = new Map<string, string>();
  for (let r = 1; r <= grid.rowCount; r++) {
    const key = cellText(grid.value(r, 1));
    if (key === '' || out.has(key)) continue;
    out.set(key, cellText(grid.value(r, 2)));
  }
  return out;
}
