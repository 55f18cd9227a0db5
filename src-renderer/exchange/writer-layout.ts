/**
 * The one description of a written workbook: which sheets, which rows, which styles. The
 * in-memory writer (writer.ts, browser worker and Node) and the streaming writer
 * (writer-stream.ts, desktop main process) both build `SheetPlan`s here and hand them to
 * `writeSheets`, which uses only the part of the ExcelJS worksheet API that the in-memory
 * Worksheet and the streaming WorksheetWriter share, adding rows strictly in order and
 * committing each one. So both produce the same cells, styles and settings. The plans of a
 * unit report are writer-plans.ts; a text too long for a cell is cut by writer-text.ts and a
 * wrapped row's height estimated by writer-row-height.ts.
 *
 * Pure module (ExcelJS is used through its types and the workbook handed in).
 */
import type ExcelJS from 'exceljs';
import {
  BODY_SIZE,
  firstPageColumns,
  FONT_NAME,
  HEADER_BLOCK_ROWS,
  HEADER_ROW_HEIGHTS,
  officialHeaderCells,
  printHeaderFooter,
  printPageSetup,
  type OfficialHeaderText,
  type Orientation,
} from './print';
import { MAX_CELL_CHARS, TEXT_NUMFMT } from './safe-cell';
import { CALENDAR_DATE_NUMFMT, colLetter, type ColumnDef, type SheetKey } from './spec';
import { cutLengthOf, type TextCut } from './writer-text';
import { dataRowHeight, wrapLimits } from './writer-row-height';

export type CellValue = string | number | Date | null;
export type RowValues = CellValue[];

/** Options shared by every writer. */
export interface WriteOptions {
  /** Place on the date line, e.g. "Dương Minh Châu" (blank dots when absent). */
  place?: string;
  /** Date on the header, 'YYYY-MM-DD'; defaults to the export day in Vietnam. */
  documentDate?: string;
  /** "12/BC-CĐCS": printed as "Số: 12/BC-CĐCS" under the unit's name. */
  documentNumber?: string;
  /** Called with rows written so far and the total, at most every PROGRESS_EVERY rows and at the end. */
  onProgress?: (written: number, total: number) => void;
  /** Stops writing between rows; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Awaited every PROGRESS_EVERY rows. The streaming writer in the desktop main process lets its
   * event loop run there: the zip takes the rows written so far (so they do not pile up in
   * memory), IPC is served (a cancel arrives) and the window stays responsive.
   */
  pause?: () => Promise<void>;
  /**
   * Called for each text cell that was longer than Excel allows and was cut (see textCell), with
   * its place, so the caller can tell the officer which cells of the file are incomplete.
   */
  onTextCut?: (cut: TextCut) => void;
}

export const PROGRESS_EVERY = 1000;

export interface DataValidationPlan {
  /** 1-based column the validation covers over all data rows (incl. blank rows). */
  col: number;
  validation: ExcelJS.DataValidation;
}

export interface SheetPlan {
  key: SheetKey;
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  columns: ColumnDef[];
  /** The official header above the table; null for sheets not meant for printing. */
  header: OfficialHeaderText | null;
  orientation: Orientation;
  /** Write a header row with the columns' headers (bold, bordered). */
  tableHeader: boolean;
  /** Number of rows `rows()` yields (for progress). */
  rowCount: number;
  rows: () => Iterable<RowValues>;
  /** Empty, pre-formatted rows after the data (template). */
  blankRows: number;
  /** Rows rendered bold (the guide's headings). */
  rowBold?: (index: number, values: RowValues) => boolean;
  validations: DataValidationPlan[];
  /** When set, the sheet is protected (no password) and only these 1-based columns stay editable. */
  editableCols: ReadonlySet<number> | null;
  /** On a protected sheet, single cells that stay editable too: (0-based data row, 1-based column). */
  editableCells?: (index: number, col: number) => boolean;
  /** 1-based columns hidden on screen and in print ("Mã dòng"). */
  hiddenCols: ReadonlySet<number>;
  /** Leading columns repeated on each page across when the sheet is wider than a page (print.ts). */
  printTitleCols?: number;
  freezeHeader: boolean;
  autoFilter: boolean;
}

// ---------------------------------------------------------------------------------------------
// Styles: one frozen object per (sheet, column) so ExcelJS maps each to one style id quickly.

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: BODY_SIZE };

function dataStyle(col: ColumnDef, bordered: boolean, locked: boolean | null): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = { font: BODY_FONT };
  if (bordered) style.border = BORDER;
  if (col.kind === 'date') {
    style.numFmt = CALENDAR_DATE_NUMFMT;
    style.alignment = { vertical: 'top', horizontal: 'center' };
  } else if (col.kind === 'int') {
    style.numFmt = '0';
    style.alignment = { vertical: 'top', horizontal: col.derived ? 'center' : 'right' };
  } else {
    style.numFmt = TEXT_NUMFMT;
    style.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
  }
  // Hidden, but LibreOffice still puts its text in a PDF (clipped): never smaller than the rest.
  if (col.key === 'rowId') style.font = { name: FONT_NAME, size: BODY_SIZE, color: { argb: 'FF808080' } };
  if (locked !== null) style.protection = { locked };
  return Object.freeze(style);
}

const HEADER_STYLE_BASE: Partial<ExcelJS.Style> = {
  font: { name: FONT_NAME, size: BODY_SIZE, bold: true },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  border: BORDER,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } },
};

// ---------------------------------------------------------------------------------------------
// Applying plans to a workbook (in memory or streaming).

export interface ProgressCounter {
  written: number;
  total: number;
  onProgress?: (written: number, total: number) => void;
  signal?: AbortSignal;
  pause?: () => Promise<void>;
  /** Told about each cut text cell (WriteOptions.onTextCut). */
  onTextCut?: (cut: TextCut) => void;
}

export function totalRows(plans: readonly SheetPlan[]): number {
  return plans.reduce((s, p) => s + p.rowCount + p.blankRows, 0);
}

/** Counts a row; every PROGRESS_EVERY rows, the moment to report, check the signal and pause. */
function tick(progress: ProgressCounter): boolean {
  progress.written++;
  if (progress.written % PROGRESS_EVERY !== 0) return false;
  progress.signal?.throwIfAborted();
  progress.onProgress?.(progress.written, progress.total);
  return progress.pause !== undefined;
}

/** Row number of the table header of a plan (after the official header block, if any). */
export function headerRowOf(plan: Pick<SheetPlan, 'header'>): number {
  return plan.header ? HEADER_BLOCK_ROWS + 1 : 1;
}

/**
 * Write every plan to `wb`, rows strictly in order, each row committed once complete. Returns
 * when the last row is added; the caller serializes (writeBuffer) or commits (streaming).
 */
export async function writeSheets(wb: ExcelJS.Workbook, plans: readonly SheetPlan[], progress: ProgressCounter): Promise<void> {
  for (const plan of plans) {
    await writeSheet(wb, plan, progress);
    // Let a worker's message loop breathe (progress messages, cancellation) between sheets.
    await Promise.resolve();
  }
  progress.onProgress?.(progress.written, progress.total);
}

/** What addWorksheet gets for a plan: state, frozen header, print setup, default row height. */
export function worksheetOptions(plan: SheetPlan): Partial<ExcelJS.AddWorksheetOptions> {
  const headerRow = headerRowOf(plan);
  const firstData = plan.tableHeader ? headerRow + 1 : headerRow;
  const printable = plan.header !== null;
  return {
    state: plan.state,
    views: plan.freezeHeader
      ? [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${firstData}`, activeCell: `A${firstData}` }]
      : [{ state: 'normal' }],
    pageSetup: printable
      ? printPageSetup(plan.orientation, headerRow, plan.printTitleCols ?? 0)
      : plan.state === 'visible'
        ? { ...printPageSetup(plan.orientation, headerRow), printTitlesRow: undefined }
        : { paperSize: 9, orientation: plan.orientation },
    headerFooter: plan.state === 'visible' ? printHeaderFooter() : {},
    properties: { defaultRowHeight: 16 },
  };
}

/** The worksheet's columns: widths and hidden flags. */
export function worksheetColumns(plan: SheetPlan): Partial<ExcelJS.Column>[] {
  return plan.columns.map((c, i) => ({ width: c.width, hidden: plan.hiddenCols.has(i + 1) }));
}

/**
 * The style objects of a sheet's cells, one frozen object per column (and per variant), shared
 * by every cell of that column: ExcelJS's style manager remembers a style object it has seen
 * (a WeakMap by identity), so each cell costs one lookup instead of a style comparison.
 */
export interface SheetStyles {
  data: readonly Partial<ExcelJS.Style>[];
  /** The data style of a cell left editable on a protected sheet (SheetPlan.editableCells). */
  unlocked: readonly Partial<ExcelJS.Style>[];
  /** Bold variant (the guide's headings). */
  bold: readonly Partial<ExcelJS.Style>[];
  /** For a Date in the column (a text column holding a date keeps its look, with a date format). */
  date: readonly Partial<ExcelJS.Style>[];
  /** The table header's cells. */
  tableHeader: Partial<ExcelJS.Style>;
}

export function sheetStyles(plan: SheetPlan): SheetStyles {
  const printable = plan.header !== null;
  const protectedSheet = plan.editableCols !== null;
  const data = plan.columns.map((c, i) =>
    dataStyle(c, printable || plan.tableHeader, protectedSheet ? !plan.editableCols!.has(i + 1) : null),
  );
  const bold = data.map((s) => Object.freeze({ ...s, font: { ...s.font, bold: true } }));
  const unlocked = data.map((s) => (s.protection?.locked === false ? s : Object.freeze({ ...s, protection: { locked: false } })));
  const date = data.map((s, i) => (plan.columns[i]!.kind === 'date' ? s : Object.freeze({ ...s, numFmt: CALENDAR_DATE_NUMFMT })));
  const tableHeader = Object.freeze(
    printable
      ? protectedSheet
        ? { ...HEADER_STYLE_BASE, protection: { locked: true } }
        : HEADER_STYLE_BASE
      : { font: { name: FONT_NAME, size: BODY_SIZE, bold: true } },
  );
  return { data, unlocked, bold, date, tableHeader };
}

/** One row of the official header block as written: its height, styled cells and merges. */
export interface HeaderBlockRow {
  row: number;
  height: number;
  cells: { col: number; value: string | null; style: Partial<ExcelJS.Style> }[];
  /** Ranges to merge ("A1:C1"), before the row is committed. */
  merges: string[];
}

export function headerBlockRows(plan: SheetPlan): HeaderBlockRow[] {
  if (!plan.header) return [];
  const protectedSheet = plan.editableCols !== null;
  // Over the columns of the first page across only, so that a wide sheet's header is never cut
  // in two; and after the columns repeated on every page across, which would otherwise carry a
  // slice of it onto the next pages.
  const from = plan.printTitleCols ?? 0;
  const to = firstPageColumns(plan.columns, plan.orientation, plan.hiddenCols);
  const cells = officialHeaderCells(plan.columns.slice(from, Math.max(to, from + 1)), plan.header).map((c) => ({ ...c, fromCol: c.fromCol + from, toCol: c.toCol + from }));
  const out: HeaderBlockRow[] = [];
  for (let r = 1; r <= HEADER_BLOCK_ROWS; r++) {
    const row: HeaderBlockRow = { row: r, height: 0, cells: [], merges: [] };
    let lines = 1;
    for (const c of cells) {
      if (c.row !== r) continue;
      row.cells.push({
        col: c.fromCol,
        value: c.text === '' ? null : c.text,
        style: {
          font: c.font,
          alignment: { horizontal: c.align, vertical: 'middle', wrapText: true },
          ...(protectedSheet ? { protection: { locked: true } } : {}),
        },
      });
      let width = 0;
      for (let k = c.fromCol; k <= c.toCol; k++) width += plan.columns[k - 1]!.width;
      lines = Math.max(lines, Math.ceil((c.text.length * ((c.font.size ?? 12) / 11)) / Math.max(1, width * 0.95)));
      if (c.toCol > c.fromCol) {
        const range = `${colLetter(c.fromCol)}${r}:${colLetter(c.toCol)}${r}`;
        if (!row.merges.includes(range)) row.merges.push(range);
      }
    }
    row.height = Math.max(HEADER_ROW_HEIGHTS[r - 1] ?? 18, lines * 17);
    out.push(row);
  }
  return out;
}

/** Height of the table header row (points), or undefined for the default. */
export function tableHeaderHeight(plan: SheetPlan): number | undefined {
  if (plan.header === null) return undefined;
  let lines = 1;
  for (const col of plan.columns) lines = Math.max(lines, Math.ceil(col.header.length / Math.max(1, col.width * 0.9)));
  return Math.max(20, lines * 16);
}

async function writeSheet(wb: ExcelJS.Workbook, plan: SheetPlan, progress: ProgressCounter): Promise<void> {
  const n = plan.columns.length;
  const headerRow = headerRowOf(plan);
  const firstData = plan.tableHeader ? headerRow + 1 : headerRow;
  const lastRow = Math.max(firstData + plan.rowCount + plan.blankRows - 1, headerRow);
  const protectedSheet = plan.editableCols !== null;

  const ws = wb.addWorksheet(plan.name, worksheetOptions(plan));
  ws.columns = worksheetColumns(plan);
  const { data: styles, unlocked: unlockedStyles, bold: boldStyles, date: dateStyles, tableHeader } = sheetStyles(plan);
  const editableCell = plan.editableCells;

  // The official header block.
  for (const h of headerBlockRows(plan)) {
    const row = ws.getRow(h.row);
    for (const c of h.cells) {
      const cell = row.getCell(c.col);
      cell.value = c.value;
      cell.style = c.style;
    }
    row.height = h.height;
    // Merge before committing: the streaming writer cannot touch a committed row.
    for (const range of h.merges) ws.mergeCells(range);
    row.commit();
  }

  // The table header.
  if (plan.tableHeader) {
    const row = ws.getRow(headerRow);
    for (let i = 0; i < n; i++) {
      const cell = row.getCell(i + 1);
      cell.value = plan.columns[i]!.header;
      cell.style = tableHeader;
    }
    const height = tableHeaderHeight(plan);
    if (height !== undefined) row.height = height;
    row.commit();
  }

  // Data rows, then blank pre-formatted rows. Each row is new, so its cells are already empty:
  // only values that are not null are set.
  const limits = wrapLimits(plan.columns);
  const rowBold = plan.rowBold;
  let r = firstData;
  let index = 0;
  for (const values of plan.rows()) {
    const row = ws.getRow(r);
    const bold = rowBold !== undefined && rowBold(index, values);
    const rowStyles = bold ? boldStyles : styles;
    for (let i = 0; i < n; i++) {
      const v = values[i] ?? null;
      const cell = row.getCell(i + 1);
      const open = editableCell !== undefined && editableCell(index, i + 1);
      if (v === null) {
        cell.style = open ? unlockedStyles[i]! : rowStyles[i]!;
      } else {
        cell.value = v;
        cell.style = open ? (v instanceof Date ? { ...dateStyles[i]!, protection: { locked: false } } : unlockedStyles[i]!) : v instanceof Date ? dateStyles[i]! : rowStyles[i]!;
        // Only a string of nearly 32,767 characters can be a cut one: one comparison per cell.
        if (typeof v === 'string' && v.length >= MAX_CELL_CHARS - 200 && progress.onTextCut) {
          const length = cutLengthOf(v);
          if (length !== null) progress.onTextCut({ sheet: plan.name, row: r, column: plan.columns[i]!.header, length });
        }
      }
    }
    const height = dataRowHeight(values, limits);
    if (height !== undefined) row.height = height;
    row.commit();
    r++;
    index++;
    if (tick(progress)) await progress.pause!();
  }
  for (let b = 0; b < plan.blankRows; b++) {
    const row = ws.getRow(r);
    for (let i = 0; i < n; i++) row.getCell(i + 1).style = styles[i]!;
    row.commit();
    r++;
    if (tick(progress)) await progress.pause!();
  }

  if (plan.autoFilter && plan.tableHeader) {
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: n } };
  }
  for (const v of plan.validations) {
    if (lastRow < firstData) continue;
    const range = `${colLetter(v.col)}${firstData}:${colLetter(v.col)}${lastRow}`;
    // Present on both worksheet kinds, missing from ExcelJS's type declarations.
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      range,
      v.validation,
    );
  }
  if (protectedSheet) {
    // No password: the protection guards against slips, not people. Formatting, resizing and
    // filtering stay allowed so the file remains comfortable in Excel, LibreOffice and WPS.
    void ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
      sort: false,
      insertRows: false,
      deleteRows: false,
    });
  }
  // Streaming: finish the sheet now. ExcelJS zips sheets one after another, so an open sheet
  // holds back every later one, which would wait in memory until the workbook is committed.
  // (The in-memory worksheet has no commit.)
  (ws as unknown as { commit?: () => void }).commit?.();
}
