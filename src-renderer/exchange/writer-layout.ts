/**
 * The one description of a written workbook: which sheets, which rows, which styles. The
 * in-memory writer (writer.ts, browser worker and Node) and the streaming writer
 * (writer-stream.ts, desktop main process) both build `SheetPlan`s here and hand them to
 * `writeSheets`, which uses only the part of the ExcelJS worksheet API that the in-memory
 * Worksheet and the streaming WorksheetWriter share, adding rows strictly in order and
 * committing each one. So both produce the same cells, styles and settings.
 *
 * Pure module (ExcelJS is used through its types and the workbook handed in).
 */
import type ExcelJS from 'exceljs';
import { ACTIVITY_TYPE_LABELS } from '../domain/activity';
import { formatCount } from '@domain/fields';
import { toNfc } from '../domain/vn-text';
import { UNIT_LEVEL_LABELS } from '../domain/units';
import {
  BODY_SIZE,
  firstPageColumns,
  FONT_NAME,
  HEADER_BLOCK_ROWS,
  HEADER_ROW_HEIGHTS,
  officialHeaderCells,
  placeAndDateLine,
  printHeaderFooter,
  printPageSetup,
  type OfficialHeaderText,
  type Orientation,
} from './print';
import { MAX_CELL_CHARS, numberCell, TEXT_NUMFMT, textCell as safeTextCell } from './safe-cell';
import {
  ACTIVITY_COLUMNS,
  activitySheetColumns,
  ATTRIBUTE_COLUMN_PREFIX,
  CALENDAR_DATE_NUMFMT,
  calendarDateToCell,
  formatIds,
  indicatorColumns,
  INDICATOR_COLUMNS,
  INFO_COLUMNS,
  INFO_FIELDS,
  MACHINE_COLUMNS,
  machineRows,
  PROGRESS_LABEL_COLUMN,
  progressColumns,
  SHEET_NAMES,
  type ColumnDef,
  type IndicatorColumn,
  type InfoFieldKey,
  type SheetKey,
} from './spec';
import { WORKBOOK_STATUS_LABELS, type ReportActivity, type UnitReport } from '@domain/report';
import { formatInstantVn, vnDayOf } from '@domain/vn-time';

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
   * Called for each text cell that was longer than Excel allows and was cut (see textCell), with
   * its place, so the caller can tell the officer which cells of the file are incomplete.
   */
  onTextCut?: (cut: TextCut) => void;
}

/** A text cell cut at Excel's limit: where it is and how long the whole text was. */
export interface TextCut {
  sheet: string;
  row: number;
  column: string;
  /** Characters of the whole text (NFC), before the cut. */
  length: number;
}

export const PROGRESS_EVERY = 1000;

// ---------------------------------------------------------------------------------------------
// Text longer than a cell holds.

/** Opens the note that ends a cut text; a cut cell is the only one ending with CUT_NOTE_END. */
export const CUT_NOTE_START = ' … [ĐÃ CẮT BỚT:';
const CUT_NOTE_END = ' ký tự]';

/** The visible note at the end of a text cut at Excel's cell limit. */
export function cutNote(fullLength: number): string {
  return `${CUT_NOTE_START} một ô chỉ chứa được ${formatCount(MAX_CELL_CHARS)} ký tự, bản đầy đủ dài ${formatCount(fullLength)}${CUT_NOTE_END}`;
}

// The characters safeText (safe-cell.ts) drops; the same expression, to measure the whole text.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Characters of the text as a cell would hold it with no limit (NFC, XML-safe, LF line ends). */
export function fullCellLength(text: string): number {
  return toNfc(text).replace(XML_ILLEGAL, '').replace(/\r\n?/g, '\n').length;
}

/**
 * A text cell's value (safe-cell.ts textCell: formula-safe, NFC, null when empty). Text longer
 * than Excel's 32,767 characters per cell cannot be written whole: it is cut, and instead of
 * silently, its end is replaced by a visible note ("… [ĐÃ CẮT BỚT: một ô chỉ chứa được 32.767
 * ký tự, bản đầy đủ dài 40.000 ký tự]") that anyone opening the file reads, and writeSheets
 * reports the cell through WriteOptions.onTextCut. The app's own forms keep every field far
 * below the limit (domain/activity.ts ACTIVITY_TEXT_LIMITS); this is for data from elsewhere.
 */
export function textCell(text: string | null | undefined): string | null {
  const s = safeTextCell(text);
  // safeText's result is at most MAX_CELL_CHARS long, one less when it would have cut an astral
  // character in half: only such a result can have been cut. Nearly every cell stops here.
  if (s === null || s.length < MAX_CELL_CHARS - 1) return s;
  const full = fullCellLength(text!);
  if (full <= s.length) return s;
  const note = cutNote(full);
  let kept = s.slice(0, MAX_CELL_CHARS - note.length);
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return kept + note;
}

/** The whole length a cut cell's note gives, or null when the value is not a cut text. */
export function cutLengthOf(value: unknown): number | null {
  if (typeof value !== 'string' || value.length < MAX_CELL_CHARS - 200 || !value.endsWith(CUT_NOTE_END)) return null;
  const at = value.lastIndexOf(CUT_NOTE_START);
  if (at < 0) return null;
  const m = /bản đầy đủ dài ([\d.]+) ký tự\]$/.exec(value.slice(at));
  return m ? Number(m[1]!.replace(/\./g, '')) : null;
}

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

// ---------------------------------------------------------------------------------------------
// Sheet plans of a unit report (template.ts adds to these).

export const SHEET_CAPTIONS: Readonly<Record<'info' | 'progress' | 'activities' | 'indicators', string>> = {
  info: 'THÔNG TIN CHUNG',
  progress: 'Biểu 1. TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ',
  activities: 'Biểu 2. DANH SÁCH HOẠT ĐỘNG',
  indicators: 'Biểu 3. KẾT QUẢ CÁC CHỈ TIÊU',
};

export function reportSubject(report: Pick<UnitReport, 'plan' | 'period'>): string {
  const plan = report.plan.number.trim() !== '' ? `Kế hoạch số ${report.plan.number}` : report.plan.title || 'Kế hoạch';
  return report.period.name.trim() !== '' ? `Kết quả thực hiện ${plan} — ${report.period.name}` : `Kết quả thực hiện ${plan}`;
}

function headerText(report: UnitReport, options: WriteOptions, caption: string): OfficialHeaderText {
  const date = options.documentDate ?? (report.kind === 'template' ? null : vnDayOf(report.exportedAt));
  const number = options.documentNumber?.trim() ?? '';
  return {
    parentBody: textCell(report.unit.parentName) ?? '',
    unitName: textCell(report.unit.name) ?? '',
    documentNumberLine: number === '' ? '' : `Số: ${textCell(number) ?? ''}`,
    placeAndDate: placeAndDateLine(textCell(options.place ?? '') ?? '', date),
    documentType: 'BÁO CÁO',
    subject: textCell(reportSubject(report)) ?? '',
    caption,
  };
}

/** A calendar date cell ('' → empty). */
export function dateCell(date: string): Date | null {
  return date === '' ? null : calendarDateToCell(date);
}

/** The values of the "Thông tin" rows every report has (a consolidated one adds its own). */
export function infoValues(report: UnitReport): Record<InfoFieldKey, CellValue> {
  return {
    unitName: textCell(report.unit.name),
    unitCode: textCell(report.unit.code),
    unitLevel: textCell(report.unit.levelName || (UNIT_LEVEL_LABELS[report.unit.level] ?? report.unit.level)),
    parentName: textCell(report.unit.parentName),
    planNumber: textCell(report.plan.number),
    planTitle: textCell(report.plan.title),
    periodName: textCell(report.period.name),
    periodStart: dateCell(report.period.start),
    periodEnd: dateCell(report.period.end),
    exportedAt: report.exportedAt === '' ? null : formatInstantVn(report.exportedAt) + ' (giờ Việt Nam)',
    exportedBy: textCell(report.exportedBy),
    appVersion: textCell(report.appVersion),
    formatVersion: report.formatVersion,
  };
}

function basePlan(key: SheetKey, columns: ColumnDef[]): Omit<SheetPlan, 'rowCount' | 'rows' | 'header' | 'orientation'> {
  return {
    key,
    name: SHEET_NAMES[key],
    state: 'visible',
    columns,
    tableHeader: true,
    blankRows: 0,
    validations: [],
    editableCols: null,
    hiddenCols: new Set(),
    freezeHeader: true,
    autoFilter: true,
  };
}

/** "STT" and "Ngày": what names an activity's row on the second page across of its sheet. */
export const ACTIVITY_TITLE_COLS = 2;

/** The sheets of a unit report, in workbook order. */
export function reportSheetPlans(report: UnitReport, options: WriteOptions = {}): SheetPlan[] {
  const info: SheetPlan = {
    ...basePlan('info', [...INFO_COLUMNS]),
    header: headerText(report, options, SHEET_CAPTIONS.info),
    orientation: 'portrait',
    autoFilter: false,
    rowCount: INFO_FIELDS.length,
    rows: function* () {
      const values = infoValues(report);
      for (const f of INFO_FIELDS) yield [f.label, values[f.key]];
    },
    rowBold: () => false,
  };

  // "Số mục" and the attribute columns only when the plan printed numbers or attributes.
  const progressCols = progressColumns(report.items);
  const withLabels = progressCols.some((c) => c.key === PROGRESS_LABEL_COLUMN.key);
  const attributeNames = progressCols.filter((c) => c.key.startsWith(ATTRIBUTE_COLUMN_PREFIX)).map((c) => c.header);
  const progress: SheetPlan = {
    ...basePlan('progress', progressCols),
    header: headerText(report, options, SHEET_CAPTIONS.progress),
    orientation: 'landscape',
    rowCount: report.items.length,
    rows: function* () {
      for (const it of report.items) {
        yield [
          textCell(it.id),
          ...(withLabels ? [textCell(it.label ?? '')] : []),
          textCell(it.groupTitle),
          textCell(it.text),
          it.status ? WORKBOOK_STATUS_LABELS[it.status] : null,
          textCell(it.note),
          textCell(it.evidence),
          report.kind === 'template' ? null : numberCell(it.activityCount),
          ...attributeNames.map((name) => textCell(it.attributes?.[name] ?? '')),
        ];
      }
    },
  };

  // indicatorColumns looks at every activity: once here, then the columns from its result (the
  // same columns activitySheetColumns(report) gives: a report of exactly these indicators and no
  // activity yields exactly these indicator columns).
  const indCols = indicatorColumns(report);
  const activityColumns = activitySheetColumns({
    indicators: indCols.map((c) => ({ code: c.code, name: c.header, unit: '', value: 0, target: null, adjustment: 0, adjustmentReason: '' })),
    activities: [],
  });
  const activities: SheetPlan = {
    ...basePlan('activities', activityColumns),
    header: headerText(report, options, SHEET_CAPTIONS.activities),
    orientation: 'landscape',
    hiddenCols: new Set([activityColumns.length]),
    printTitleCols: ACTIVITY_TITLE_COLS,
    rowCount: report.activities.length,
    rows: () => activitySheetRows(report.activities, indCols),
  };

  const indicators: SheetPlan = {
    ...basePlan('indicators', [...INDICATOR_COLUMNS]),
    header: headerText(report, options, SHEET_CAPTIONS.indicators),
    orientation: 'landscape',
    rowCount: report.indicators.length,
    rows: function* () {
      const template = report.kind === 'template';
      for (const ind of report.indicators) {
        yield [
          textCell(ind.code),
          textCell(ind.name),
          textCell(ind.unit),
          template ? null : numberCell(ind.value),
          numberCell(ind.target),
          template ? null : numberCell(ind.adjustment),
          textCell(ind.adjustmentReason),
        ];
      }
    },
  };

  return [info, progress, activities, indicators, machineSheetPlan(report)];
}

/**
 * The rows of a "Hoạt động" sheet, in the columns of ACTIVITY_COLUMNS: STT, date, unit code,
 * then — only when `unitName` is given (the consolidated report) — the unit's name, then item
 * ids, type, title, content, location, participants, document, file; one cell per indicator
 * column; "Mã dòng" last.
 */
export function* activitySheetRows(
  activities: readonly ReportActivity[],
  indCols: readonly IndicatorColumn[],
  unitName?: (unitCode: string) => string,
): Generator<RowValues> {
  // Indicator code → its index in a row (after the fixed columns, before "Mã dòng").
  const firstIndicator = ACTIVITY_COLUMNS.length + (unitName ? 1 : 0);
  const indIndex = new Map(indCols.map((c, k) => [c.code, firstIndicator + k]));
  let n = 0;
  // One Date per calendar day: a period has a few hundred days and ExcelJS only reads them.
  const dates = new Map<string, Date>();
  for (const a of activities) {
    n++;
    let date = dates.get(a.date);
    if (date === undefined) {
      date = calendarDateToCell(a.date);
      dates.set(a.date, date);
    }
    const row: RowValues = [n, date, textCell(a.unitCode)];
    if (unitName) row.push(textCell(unitName(a.unitCode)));
    row.push(
      textCell(formatIds(a.itemIds)),
      ACTIVITY_TYPE_LABELS[a.type] ?? textCell(a.type),
      textCell(a.title),
      textCell(a.content),
      textCell(a.location),
      numberCell(a.participants),
      textCell(a.evidenceDoc),
      textCell(a.evidenceFile),
    );
    // Indicator columns: empty, then the activity's few values put in place (an activity
    // has 0–4 of them; looking each column up in every activity's object costs more).
    for (let k = 0; k < indCols.length; k++) row.push(null);
    for (const code in a.indicators) {
      const at = indIndex.get(code);
      if (at !== undefined) row[at] = numberCell(a.indicators[code]);
    }
    row.push(textCell(a.id));
    yield row;
  }
}

export function machineSheetPlan(report: UnitReport): SheetPlan {
  const rows = machineRows(report);
  return {
    ...basePlan('machine', [...MACHINE_COLUMNS]),
    state: 'veryHidden',
    header: null,
    orientation: 'portrait',
    freezeHeader: false,
    autoFilter: false,
    rowCount: rows.length,
    rows: function* () {
      for (const [k, v] of rows) yield [textCell(k), textCell(v)];
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Applying plans to a workbook (in memory or streaming).

export interface ProgressCounter {
  written: number;
  total: number;
  onProgress?: (written: number, total: number) => void;
  signal?: AbortSignal;
  /** Told about each cut text cell (WriteOptions.onTextCut). */
  onTextCut?: (cut: TextCut) => void;
}

export function totalRows(plans: readonly SheetPlan[]): number {
  return plans.reduce((s, p) => s + p.rowCount + p.blankRows, 0);
}

function tick(progress: ProgressCounter): void {
  progress.written++;
  if (progress.written % PROGRESS_EVERY === 0) {
    progress.signal?.throwIfAborted();
    progress.onProgress?.(progress.written, progress.total);
  }
}

/** Column letters of a 1-based column ("A", "Z", "AA"). */
export function colLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
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
    writeSheet(wb, plan, progress);
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

function writeSheet(wb: ExcelJS.Workbook, plan: SheetPlan, progress: ProgressCounter): void {
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
    tick(progress);
  }
  for (let b = 0; b < plan.blankRows; b++) {
    const row = ws.getRow(r);
    for (let i = 0; i < n; i++) row.getCell(i + 1).style = styles[i]!;
    row.commit();
    r++;
    tick(progress);
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
