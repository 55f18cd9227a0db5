/**
 * The workbook exchange format ("so-ke-hoach-cong-doan", version 2): the one typed description
 * of how a unit's report workbook, the blank template (both unchanged since version 1) and the
 * consolidated report (version 2, at the end of this file) lay out the report model
 * (domain/report.ts) in sheets, columns, machine keys and file names, shared by the writers
 * (writer.ts, template.ts, writer-consolidated.ts) and the reader (reader*.ts). FORMAT.md says
 * the same in prose, in Vietnamese and English.
 *
 * Pure module: no React, Dexie, Electron, Node or DOM.
 *
 * Stability: once released, names here only grow. Never rename a header, a sheet, a machine key
 * or a status label; add aliases instead. A change a version-1 reader could misread bumps
 * FORMAT_VERSION, and readers keep accepting every earlier version (see FORMAT.md, "Versioning").
 *
 * Where things live (why the reader never depends on position, widths or styles):
 * - Readable sheets are found by name (accent- and case-insensitive), and when renamed, by their
 *   header row; columns are found by header text (accent-insensitive, `ColumnDef.header` or one
 *   of its `aliases`), never by position. The header row is the first row, among the first
 *   HEADER_SCAN_ROWS, holding the sheet's required headers; rows above it are the official
 *   document header (printing only).
 * - Row identity of an activity: the visible narrow last column "Mã dòng" holds the activity's
 *   UUID. It travels with its row when a person sorts, inserts, deletes or moves rows (a defined
 *   name per row would not: names point at cells, and sorting moves values, not names). A row
 *   with an empty "Mã dòng" is a new activity; a UUID seen twice (a copied row) is a new
 *   activity from its second occurrence on. Plan items are identified by their own id
 *   ("III.2.4", column "Mã nhiệm vụ"), which is visible and meaningful anyway.
 * - The machine sheet "_sokh" (veryHidden) holds key/value rows (MACHINE_KEYS): format id and
 *   version, kind, unit code and level, plan id, number and fingerprint, period key and dates,
 *   export instant, app version, the number of activity rows written, and which activity
 *   column carries which indicator code. The readable "Thông tin" sheet repeats the identity for
 *   people and for a file whose "_sokh" was lost (a reader may fall back to it).
 */
import { ACTIVITY_TYPES } from '@domain/activity';
import { asciiPart, periodFilePart, planFilePart, reportFileNameFor } from '@domain/file-names';
import { ATTRIBUTE_COLUMN_NAMES, ATTRIBUTE_KINDS, attributeColumnName } from '@domain/plan-attributes';
import type { IsoDate } from '@domain/periods';
import {
  STATUS_COUNT_KEYS,
  STATUS_COUNT_LABELS,
  WORKBOOK_STATUS_LABELS,
  WORKBOOK_STATUSES,
  type ConsolidatedReport,
  type ReportActivity,
  type ReportItem,
  type ReportPeriod,
  type ReportPlan,
  type ReportUnit,
  type StatusCountKey,
  type UnitReport,
  type WorkbookStatus,
} from '@domain/report';
import { foldedKey } from '@domain/vn-text';
import { indicatorCodesOf, type WithActivityRows } from './activity-pack';

// ---------------------------------------------------------------------------------------------
// Identity and versions.

export const FORMAT_ID = 'so-ke-hoach-cong-doan';
/**
 * The newest version this build reads and writes. Readers accept 1..FORMAT_VERSION and refuse
 * anything newer. Version 2 added the 'consolidated' kind; the unit report and the template are
 * unchanged since version 1.
 */
export const FORMAT_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// Cell vocabularies (the statuses and their labels are the report model's, domain/report.ts).

/** A status from its label or code, accents, case and extra spaces ignored; null if unknown. */
export function parseWorkbookStatus(text: string): WorkbookStatus | null {
  const key = headerKey(text);
  if (key === '') return null;
  for (const s of WORKBOOK_STATUSES) if (key === s || key === headerKey(WORKBOOK_STATUS_LABELS[s])) return s;
  return null;
}

/** Activity type labels as cells hold them (from domain/activity.ts; read with parseActivityType). */
export const ACTIVITY_TYPE_CELL_LABELS: readonly string[] = ACTIVITY_TYPES.map((t) => t.label);

/** "TongHop_63-KH-LDLD_LDLD-DMC_6T-2025.xlsx". */
export function consolidatedFileName(report: Pick<UnitReport, 'unit' | 'plan' | 'period'>): string {
  return reportFileNameFor('TongHop', report, 'xlsx');
}

// ---------------------------------------------------------------------------------------------
// Sheets.

export const SHEET_NAMES = Object.freeze({
  /** Instructions, template only, first sheet. */
  guide: 'Hướng dẫn',
  info: 'Thông tin',
  progress: 'Tiến độ',
  activities: 'Hoạt động',
  indicators: 'Chỉ tiêu',
  /** Consolidated report (version 2): items × status counts. */
  itemSummary: 'Tổng hợp theo nhiệm vụ',
  /** Consolidated report: contributors × indicators, then "Tổng cộng". */
  unitIndicators: 'Chỉ tiêu theo đơn vị',
  /** Consolidated report and completeness workbook: expected units and whether they reported. */
  completeness: 'Tình hình nộp báo cáo',
  /** Machine sheet, veryHidden. */
  machine: '_sokh',
  /** Lists behind the template's drop-downs, hidden (template only). */
  lists: '_danhmuc',
} as const);

export type SheetKey = keyof typeof SHEET_NAMES;

/** Sheets a person reads and prints, in workbook order (after "Hướng dẫn" in a template). */
export const READABLE_SHEETS = ['info', 'progress', 'activities', 'indicators'] as const satisfies readonly SheetKey[];
export type ReadableSheetKey = (typeof READABLE_SHEETS)[number];

/** The header row is searched for in this many rows from the top of a readable sheet. */
export const HEADER_SCAN_ROWS = 40;

// ---------------------------------------------------------------------------------------------
// Columns.

/**
 * How a column's cells are written and read:
 * - text: a string cell (NFC; never a formula, see safe-cell.ts);
 * - date: a calendar date, written as an Excel date (CALENDAR_DATE_NUMFMT) at UTC midnight;
 *   a reader also accepts text "dd/mm/yyyy" (also d/m/yyyy, '.' or '-') and "yyyy-mm-dd";
 * - int: a whole number ≥ 0 (empty = none); a reader also accepts digits stored as text;
 * - list: text from a fixed vocabulary (status or activity type labels);
 * - ids: plan item ids separated by "; " (a reader also splits on ',' and line breaks).
 */
export type ColumnKind = 'text' | 'date' | 'int' | 'list' | 'ids';

export interface ColumnDef<K extends string = string> {
  key: K;
  /** Header text as written (Vietnamese). Readers compare with headerKey(). */
  header: string;
  /** Column width in characters, as written. */
  width: number;
  kind: ColumnKind;
  /** A reader reports a missing column as an error when true. */
  required?: boolean;
  /** Written for people, ignored by readers (e.g. "STT"). */
  derived?: boolean;
  /** Other header texts a reader accepts for this column. */
  aliases?: readonly string[];
}

/** "Thông tin": label/value rows. */
export const INFO_COLUMNS = [
  { key: 'label', header: 'Mục', width: 26, kind: 'text', required: true },
  { key: 'value', header: 'Nội dung', width: 56, kind: 'text', required: true },
] as const satisfies readonly ColumnDef[];

/** The rows of "Thông tin", found by their label (column "Mục"), in this order. */
export const INFO_FIELDS = [
  { key: 'unitName', label: 'Đơn vị' },
  { key: 'unitCode', label: 'Mã đơn vị' },
  { key: 'unitLevel', label: 'Cấp đơn vị' },
  { key: 'parentName', label: 'Đơn vị cấp trên' },
  { key: 'planNumber', label: 'Số kế hoạch' },
  { key: 'planTitle', label: 'Tên kế hoạch' },
  { key: 'periodName', label: 'Kỳ báo cáo' },
  { key: 'periodStart', label: 'Từ ngày' },
  { key: 'periodEnd', label: 'Đến ngày' },
  { key: 'exportedAt', label: 'Thời điểm xuất' },
  { key: 'exportedBy', label: 'Người xuất' },
  { key: 'appVersion', label: 'Phiên bản ứng dụng' },
  { key: 'formatVersion', label: 'Phiên bản định dạng' },
] as const satisfies readonly { key: string; label: string }[];
export type InfoFieldKey = (typeof INFO_FIELDS)[number]['key'];

/**
 * The one row of a template's "Thông tin" the unit fills in (the rest is protected): the day it
 * completed the report, which counts as its «Thời điểm nộp» (UnitReport.reportDate). Written
 * after INFO_FIELDS, in the template only.
 */
export const TEMPLATE_REPORT_DATE_FIELD = { key: 'reportDate', label: 'Ngày lập báo cáo' } as const;

/** "Tiến độ": one row per trackable plan item. */
export const PROGRESS_COLUMNS = [
  { key: 'itemId', header: 'Mã nhiệm vụ', width: 9, kind: 'text', required: true },
  { key: 'groupTitle', header: 'Nhóm nhiệm vụ', width: 20, kind: 'text' },
  { key: 'text', header: 'Nội dung nhiệm vụ', width: 40, kind: 'text' },
  { key: 'status', header: 'Trạng thái', width: 13, kind: 'list', required: true },
  { key: 'note', header: 'Đánh giá, ghi chú', width: 22, kind: 'text' },
  { key: 'evidence', header: 'Minh chứng', width: 15, kind: 'text' },
  { key: 'activityCount', header: 'Số hoạt động', width: 7, kind: 'int', derived: true },
] as const satisfies readonly ColumnDef[];

/**
 * "Hoạt động": one row per activity. After "Tệp minh chứng" come the indicator columns (one int
 * column per indicator, see indicatorColumns), then "Mã dòng" last.
 */
export const ACTIVITY_COLUMNS = [
  { key: 'stt', header: 'STT', width: 5, kind: 'int', derived: true },
  { key: 'date', header: 'Ngày', width: 10, kind: 'date', required: true },
  { key: 'unitCode', header: 'Mã đơn vị', width: 9, kind: 'text' },
  { key: 'itemIds', header: 'Nhiệm vụ', width: 9, kind: 'ids', required: true, aliases: ['Mã nhiệm vụ'] },
  { key: 'type', header: 'Loại hoạt động', width: 12, kind: 'list', required: true },
  { key: 'title', header: 'Tên hoạt động', width: 20, kind: 'text', required: true },
  { key: 'content', header: 'Nội dung', width: 22, kind: 'text' },
  { key: 'location', header: 'Địa điểm', width: 12, kind: 'text' },
  { key: 'participants', header: 'Số lượt người', width: 8, kind: 'int' },
  { key: 'evidenceDoc', header: 'Số, ký hiệu văn bản', width: 10, kind: 'text' },
  { key: 'evidenceFile', header: 'Tệp minh chứng', width: 10, kind: 'text' },
] as const satisfies readonly ColumnDef[];

/** The row-identity column, always the last of "Hoạt động". */
export const ACTIVITY_ROW_ID_COLUMN = {
  key: 'rowId',
  header: 'Mã dòng',
  width: 8,
  kind: 'text',
} as const satisfies ColumnDef;

/** Width of each indicator column of "Hoạt động". */
export const INDICATOR_COLUMN_WIDTH = 8;

/** "Chỉ tiêu": one row per indicator. */
export const INDICATOR_COLUMNS = [
  { key: 'code', header: 'Mã chỉ tiêu', width: 14, kind: 'text', required: true },
  { key: 'name', header: 'Tên chỉ tiêu', width: 30, kind: 'text' },
  { key: 'unit', header: 'Đơn vị tính', width: 10, kind: 'text' },
  { key: 'value', header: 'Kết quả', width: 9, kind: 'int', required: true },
  { key: 'target', header: 'Chỉ tiêu giao', width: 9, kind: 'int' },
  { key: 'adjustment', header: 'Điều chỉnh', width: 9, kind: 'int' },
  { key: 'adjustmentReason', header: 'Lý do điều chỉnh', width: 30, kind: 'text' },
] as const satisfies readonly ColumnDef[];

/** "Số mục": an item's number as printed in the plan, after "Mã nhiệm vụ" when an item has one. */
export const PROGRESS_LABEL_COLUMN = { key: 'label', header: 'Số mục', width: 8, kind: 'text' } as const satisfies ColumnDef;

/** Key prefix of the attribute columns of "Tiến độ" ("attribute:Thời gian thực hiện"). */
export const ATTRIBUTE_COLUMN_PREFIX = 'attribute:';
/** Width of each attribute column of "Tiến độ". */
export const ATTRIBUTE_COLUMN_WIDTH = 13;

/**
 * The attribute columns of "Tiến độ", in order: the usual kinds in their order (Thời gian thực
 * hiện, Đơn vị chủ trì, Phối hợp…, plan-attributes.ts), then any other name in order of first use.
 */
export function itemAttributeColumns(items: readonly Pick<ReportItem, 'attributes'>[]): string[] {
  const used = new Set<string>();
  for (const it of items) for (const name of Object.keys(it.attributes ?? {})) used.add(name);
  const known = ATTRIBUTE_KINDS.map((k) => ATTRIBUTE_COLUMN_NAMES[k]).filter((name) => used.has(name));
  return [...known, ...[...used].filter((name) => !known.includes(name))];
}

/**
 * The columns of "Tiến độ" for these items: PROGRESS_COLUMNS, with "Số mục" after "Mã nhiệm vụ"
 * when an item has a printed number and one column per attribute at the end. A plan without
 * either (the built-in plan) gives exactly PROGRESS_COLUMNS.
 */
export function progressColumns(items: readonly Pick<ReportItem, 'label' | 'attributes'>[]): ColumnDef[] {
  const [id, ...rest] = PROGRESS_COLUMNS;
  const labels = items.some((it) => (it.label ?? '') !== '');
  const attributes = itemAttributeColumns(items).map(
    (name): ColumnDef => ({ key: `${ATTRIBUTE_COLUMN_PREFIX}${name}`, header: name, width: ATTRIBUTE_COLUMN_WIDTH, kind: 'text' }),
  );
  return [id, ...(labels ? [PROGRESS_LABEL_COLUMN] : []), ...rest, ...attributes];
}

/**
 * The "Tiến độ" column an attribute of this name goes in: its kind's column (plan-attributes.ts),
 * or its own name, marked as the plan's when it reads like a column of the sheet itself.
 */
export function attributeColumnOf(name: string): string {
  const column = attributeColumnName(name);
  const taken = [...PROGRESS_COLUMNS, PROGRESS_LABEL_COLUMN].some((d) =>
    [d.header, ...('aliases' in d ? (d.aliases as readonly string[]) : [])].some((h) => headerKey(h) === headerKey(column)),
  );
  return taken ? `Kế hoạch – ${column}` : column;
}

export type ProgressColumnKey = (typeof PROGRESS_COLUMNS)[number]['key'];
export type ActivityColumnKey = (typeof ACTIVITY_COLUMNS)[number]['key'];
export type IndicatorColumnKey = (typeof INDICATOR_COLUMNS)[number]['key'];

/** The fixed columns of each table sheet (keyed by sheet). "Hoạt động" adds indicators + "Mã dòng". */
export const SHEET_COLUMNS = Object.freeze({
  info: INFO_COLUMNS,
  progress: PROGRESS_COLUMNS,
  activities: ACTIVITY_COLUMNS,
  indicators: INDICATOR_COLUMNS,
} as const satisfies Record<ReadableSheetKey, readonly ColumnDef[]>);

/** An indicator column of "Hoạt động": header = the indicator's name (its code when unnamed). */
export interface IndicatorColumn {
  code: string;
  header: string;
}

/**
 * The indicator columns of "Hoạt động", in order: the report's indicators in their order, then
 * any other code an activity uses, sorted. The mapping header → code is also stored in "_sokh"
 * (MACHINE_INDICATOR_PREFIX), and "Chỉ tiêu" maps names to codes for a file without it.
 */
export function indicatorColumns(report: Pick<UnitReport, 'indicators'> & { activities: Iterable<Pick<ReportActivity, 'indicators'>> }): IndicatorColumn[] {
  return indicatorColumnsUsing(report.indicators, indicatorCodesOf(report.activities));
}

/** The report's indicators in their order, then the other codes of `used`, sorted. */
function indicatorColumnsUsing(indicators: UnitReport['indicators'], used: ReadonlySet<string>): IndicatorColumn[] {
  const out: IndicatorColumn[] = [];
  const seen = new Set<string>();
  for (const ind of indicators) {
    if (seen.has(ind.code)) continue;
    seen.add(ind.code);
    out.push({ code: ind.code, header: ind.name.trim() === '' ? ind.code : ind.name });
  }
  const extra = [...used].filter((code) => !seen.has(code));
  for (const code of extra.sort()) out.push({ code, header: code });
  return out;
}

/** All columns of "Hoạt động" for a report: fixed, indicators, "Mã dòng". */
export function activitySheetColumns(report: Parameters<typeof indicatorColumns>[0]): ColumnDef[] {
  return [
    ...ACTIVITY_COLUMNS,
    ...indicatorColumns(report).map(
      (c): ColumnDef => ({ key: `indicator:${c.code}`, header: c.header, width: INDICATOR_COLUMN_WIDTH, kind: 'int' }),
    ),
    ACTIVITY_ROW_ID_COLUMN,
  ];
}

/**
 * The key a header (or a list label) is compared by: NFC, accents and case folded (đ → d),
 * runs of spaces and line breaks as one space, trimmed, a trailing ':' or '*' dropped.
 */
export function headerKey(text: string): string {
  return foldedKey(text).replace(/\s*[:*]+$/, '');
}

// ---------------------------------------------------------------------------------------------
// The machine sheet "_sokh": key/value rows, column A key, column B value (both text).

export const MACHINE_COLUMNS = [
  { key: 'key', header: 'key', width: 24, kind: 'text' },
  { key: 'value', header: 'value', width: 60, kind: 'text' },
] as const satisfies readonly ColumnDef[];

export const MACHINE_KEYS = Object.freeze({
  format: 'format',
  version: 'version',
  kind: 'kind',
  unitCode: 'unit.code',
  unitLevel: 'unit.level',
  planId: 'plan.id',
  planNumber: 'plan.number',
  planFingerprint: 'plan.fingerprint',
  periodKey: 'period.key',
  periodStart: 'period.start',
  periodEnd: 'period.end',
  exportedAt: 'exportedAt',
  appVersion: 'appVersion',
  /** Number of activity rows written (a reader can warn that rows were deleted by hand). */
  activityCount: 'activities.count',
} as const);

/** "indicator:<code>" → the header of that indicator's column in "Hoạt động". */
export const MACHINE_INDICATOR_PREFIX = 'indicator:';

/**
 * The machine rows of a report, in order (values are strings; dates 'YYYY-MM-DD'). `indicators`:
 * its indicatorColumns when the caller has them already (they look at every activity).
 */
export function machineRows(report: WithActivityRows<UnitReport>, indicators: readonly IndicatorColumn[] = indicatorColumns(report)): [string, string][] {
  return [
    [MACHINE_KEYS.format, FORMAT_ID],
    [MACHINE_KEYS.version, String(report.formatVersion)],
    [MACHINE_KEYS.kind, report.kind],
    [MACHINE_KEYS.unitCode, report.unit.code],
    [MACHINE_KEYS.unitLevel, report.unit.level],
    [MACHINE_KEYS.planId, report.plan.id],
    [MACHINE_KEYS.planNumber, report.plan.number],
    [MACHINE_KEYS.planFingerprint, report.plan.fingerprint],
    [MACHINE_KEYS.periodKey, report.period.key],
    [MACHINE_KEYS.periodStart, report.period.start],
    [MACHINE_KEYS.periodEnd, report.period.end],
    [MACHINE_KEYS.exportedAt, report.exportedAt],
    [MACHINE_KEYS.appVersion, report.appVersion],
    [MACHINE_KEYS.activityCount, String(report.activities.length)],
    ...indicators.map((c): [string, string] => [MACHINE_INDICATOR_PREFIX + c.code, c.header]),
  ];
}

// ---------------------------------------------------------------------------------------------
// Cell conventions shared by writer and reader.

/** Number format of date cells. */
export const CALENDAR_DATE_NUMFMT = 'dd/mm/yyyy';

/**
 * A calendar date as the Date ExcelJS writes: midnight UTC of that day. ExcelJS converts Dates to
 * serials as UTC, so the serial is the day itself in every time zone, and a reader takes the
 * UTC fields of the Date ExcelJS gives back (cellDateToCalendar).
 */
export function calendarDateToCell(date: IsoDate): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** The calendar date of a Date read from a cell (UTC fields; a time of day is dropped). */
export function cellDateToCalendar(d: Date): IsoDate {
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1, 2)}-${p(d.getUTCDate(), 2)}`;
}

/** Column letters of a 1-based column ("A", "Z", "AA"), as the reader's messages and the writer's ranges name them. */
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

/** Separator written between plan item ids ("III.2.4; III.3.1"). */
export const IDS_SEPARATOR = '; ';

export function formatIds(ids: readonly string[]): string {
  return ids.join(IDS_SEPARATOR);
}

/** Ids from a cell: split on ';', ',' and line breaks; trimmed; empties and repeats dropped. */
export function parseIds(text: string): string[] {
  return [...new Set(text.split(/[;,\n\r]+/).map((s) => s.trim()).filter((s) => s !== ''))];
}

// ---------------------------------------------------------------------------------------------
// File names (ASCII, safe on every file system and in email attachments).

/** "BaoCao_63-KH-LDLD_CDCS-0012_6T-2025.xlsx". */
export function reportFileName(report: Pick<UnitReport, 'unit' | 'plan' | 'period'>): string {
  return reportFileNameFor('BaoCao', report, 'xlsx');
}

/** "MauNhapLieu_63-KH-LDLD_CDCS-0012_6T-2025.xlsx" (period and unit parts only when known). */
export function templateFileName(input: {
  plan: Pick<ReportPlan, 'number' | 'title'>;
  unit?: Pick<ReportUnit, 'code'> | null;
  period?: Pick<ReportPeriod, 'key'> | null;
}): string {
  const parts = ['MauNhapLieu', planFilePart(input.plan)];
  const unit = input.unit ? asciiPart(input.unit.code, true) : '';
  if (unit) parts.push(unit);
  if (input.period) parts.push(periodFilePart(input.period.key));
  return `${parts.join('_')}.xlsx`;
}

// ---------------------------------------------------------------------------------------------
// The consolidated report's workbook (kind 'consolidated', version 2).
//
// Sheets, in order: "Thông tin" (CONSOLIDATED_INFO_FIELDS), "Tổng hợp theo nhiệm vụ"
// (ITEM_SUMMARY_COLUMNS), "Chỉ tiêu theo đơn vị" (UNIT_INDICATOR_COLUMNS + one column per
// indicator, then the rows "Tổng cộng" and, when some target is set, "Chỉ tiêu giao"), "Hoạt động"
// (consolidatedActivityColumns: the unit report's columns with "Tên đơn vị" after "Mã đơn vị"),
// "Tình hình nộp báo cáo" (COMPLETENESS_COLUMNS), "_sokh" (consolidatedMachineRows).
//
// How it maps back onto ConsolidatedReport:
// - `items` mirror `consolidation.items` (status null, note and evidence '');
// - `indicators`: one per indicator column of "Chỉ tiêu theo đơn vị": name = header, value = the
//   "Tổng cộng" cell, target = the "Chỉ tiêu giao" cell (null when blank), unit of measure from
//   "_sokh" (MACHINE_INDICATOR_UNIT_PREFIX), adjustment 0;
// - a blank indicator cell of a unit row means the unit gave no value for it (absent from
//   `values`); 0 is written as 0.

/** "Thông tin" of a consolidated report: the unit report's rows plus the deadline and counts. */
export const CONSOLIDATED_INFO_FIELDS = [
  ...INFO_FIELDS.slice(0, 9),
  { key: 'deadline', label: 'Hạn nộp' },
  { key: 'unitsExpected', label: 'Số đơn vị phải nộp' },
  { key: 'unitsOnTime', label: 'Số đơn vị đã nộp đúng hạn' },
  { key: 'unitsLate', label: 'Số đơn vị nộp muộn' },
  { key: 'unitsMissing', label: 'Số đơn vị chưa nộp' },
  { key: 'reportsSummed', label: 'Số báo cáo được tổng hợp' },
  ...INFO_FIELDS.slice(9),
] as const satisfies readonly { key: string; label: string }[];
export type ConsolidatedInfoFieldKey = (typeof CONSOLIDATED_INFO_FIELDS)[number]['key'];

/** The column key of a status count of "Tổng hợp theo nhiệm vụ". */
export function statusCountColumnKey(key: StatusCountKey): string {
  return `count:${key}`;
}

/** "Tổng hợp theo nhiệm vụ": one row per trackable item, no total row. */
export const ITEM_SUMMARY_COLUMNS: readonly ColumnDef[] = [
  { key: 'itemId', header: 'Mã nhiệm vụ', width: 9, kind: 'text', required: true },
  { key: 'groupTitle', header: 'Nhóm nhiệm vụ', width: 18, kind: 'text' },
  { key: 'text', header: 'Nội dung nhiệm vụ', width: 36, kind: 'text' },
  ...STATUS_COUNT_KEYS.map(
    (k): ColumnDef => ({ key: statusCountColumnKey(k), header: STATUS_COUNT_LABELS[k], width: 9, kind: 'int', required: true }),
  ),
  /** The sum of the status counts (a reader checks it). */
  { key: 'reports', header: 'Số báo cáo', width: 8, kind: 'int', derived: true },
  { key: 'activityCount', header: 'Số hoạt động', width: 8, kind: 'int' },
];

/** "Chỉ tiêu theo đơn vị": the fixed columns; one int column per indicator follows. */
export const UNIT_INDICATOR_COLUMNS = [
  { key: 'stt', header: 'STT', width: 5, kind: 'int', derived: true },
  { key: 'unitCode', header: 'Mã đơn vị', width: 10, kind: 'text', required: true },
  { key: 'unitName', header: 'Tên đơn vị', width: 24, kind: 'text' },
  { key: 'level', header: 'Cấp', width: 8, kind: 'list' },
  { key: 'reports', header: 'Số báo cáo', width: 8, kind: 'int', required: true },
  { key: 'activityCount', header: 'Số hoạt động', width: 8, kind: 'int' },
] as const satisfies readonly ColumnDef[];

/** Width of each indicator column of "Chỉ tiêu theo đơn vị" (names wrap in the header). */
export const UNIT_INDICATOR_VALUE_WIDTH = 10;

/** Labels (column "Tên đơn vị", "Mã đơn vị" blank) of the rows after the unit rows. */
export const UNIT_INDICATOR_TOTAL_LABEL = 'Tổng cộng';
export const UNIT_INDICATOR_TARGET_LABEL = 'Chỉ tiêu giao';

/** The unit-name column of the consolidated "Hoạt động", right after "Mã đơn vị". */
export const ACTIVITY_UNIT_NAME_COLUMN = { key: 'unitName', header: 'Tên đơn vị', width: 14, kind: 'text' } as const satisfies ColumnDef;

/** "Tình hình nộp báo cáo": one row per expected unit. */
export const COMPLETENESS_COLUMNS = [
  { key: 'stt', header: 'STT', width: 5, kind: 'int', derived: true },
  { key: 'unitCode', header: 'Mã đơn vị', width: 10, kind: 'text', required: true },
  { key: 'unitName', header: 'Tên đơn vị', width: 28, kind: 'text' },
  { key: 'state', header: 'Tình trạng', width: 11, kind: 'list', required: true },
  /** Vietnam time "dd/mm/yyyy hh:mm" (text); blank when chưa nộp. */
  { key: 'submittedAt', header: 'Thời điểm nộp', width: 16, kind: 'text' },
  { key: 'activityCount', header: 'Số hoạt động', width: 10, kind: 'int' },
] as const satisfies readonly ColumnDef[];

/** The indicator columns of a consolidated report: its indicators, then other codes sorted. */
export function consolidatedIndicatorColumns(report: WithActivityRows<ConsolidatedReport>): IndicatorColumn[] {
  const used = indicatorCodesOf(report.activities);
  for (const u of report.consolidation.units) for (const code in u.values) used.add(code);
  return indicatorColumnsUsing(report.indicators, used);
}

/** All columns of the consolidated "Hoạt động": the unit report's, "Tên đơn vị" after "Mã đơn vị". */
export function consolidatedActivityColumns(indicators: readonly IndicatorColumn[]): ColumnDef[] {
  const fixed: ColumnDef[] = [];
  for (const c of ACTIVITY_COLUMNS) {
    fixed.push(c);
    if (c.key === 'unitCode') fixed.push(ACTIVITY_UNIT_NAME_COLUMN);
  }
  return [
    ...fixed,
    ...indicators.map((c): ColumnDef => ({ key: `indicator:${c.code}`, header: c.header, width: CONSOLIDATED_INDICATOR_COLUMN_WIDTH, kind: 'int' })),
    ACTIVITY_ROW_ID_COLUMN,
  ];
}

/**
 * Width of each indicator column of the consolidated "Hoạt động": wider than a unit report's
 * (INDICATOR_COLUMN_WIDTH) so that a ten-digit figure prints instead of "###".
 */
export const CONSOLIDATED_INDICATOR_COLUMN_WIDTH = 8;

/** The readable sheets of a consolidated report, in workbook order, with their fixed columns. */
export const CONSOLIDATED_SHEET_COLUMNS = Object.freeze({
  info: INFO_COLUMNS,
  itemSummary: ITEM_SUMMARY_COLUMNS,
  unitIndicators: UNIT_INDICATOR_COLUMNS,
  activities: [...ACTIVITY_COLUMNS.slice(0, 3), ACTIVITY_UNIT_NAME_COLUMN, ...ACTIVITY_COLUMNS.slice(3)] as readonly ColumnDef[],
  completeness: COMPLETENESS_COLUMNS,
} as const satisfies Partial<Record<SheetKey, readonly ColumnDef[]>>);
export type ConsolidatedSheetKey = keyof typeof CONSOLIDATED_SHEET_COLUMNS;

/** Machine keys only a consolidated report (or a completeness workbook) has. */
export const CONSOLIDATED_MACHINE_KEYS = Object.freeze({
  deadline: 'deadline',
  /** Rows of "Chỉ tiêu theo đơn vị" written (without the total rows). */
  unitCount: 'units.count',
  /** Sum of "Số báo cáo" of the unit rows. */
  reportCount: 'reports.count',
  /** Rows of "Tình hình nộp báo cáo" written. */
  completenessCount: 'completeness.count',
} as const);

/** "indicator.unit:<code>" → the indicator's unit of measure (Đơn vị tính). */
export const MACHINE_INDICATOR_UNIT_PREFIX = 'indicator.unit:';
/**
 * "submitted:<unit code>" → the exact ISO instant of "Thời điểm nộp" (the cell shows minutes in
 * Vietnam time; a reader takes this value only while the cell still shows the same minute).
 */
export const MACHINE_SUBMITTED_PREFIX = 'submitted:';

/**
 * The machine kind of the completeness workbook (the "Tình hình nộp báo cáo" export of the
 * Tổng hợp screen). It is for people only, not a WorkbookKind: readers refuse it with a message
 * saying so.
 */
export const COMPLETENESS_MACHINE_KIND = 'completeness';

/** The machine rows of a consolidated report (or, with `kind`, of its completeness workbook). */
export function consolidatedMachineRows(report: WithActivityRows<ConsolidatedReport>, kind: string = report.kind): [string, string][] {
  const c = report.consolidation;
  // Without the unit report's indicator rows (no columns asked for, and filtered out).
  const base = machineRows(report, []).filter(([k]) => !k.startsWith(MACHINE_INDICATOR_PREFIX) && k !== MACHINE_KEYS.kind);
  const rows: [string, string][] = [];
  for (const row of base) {
    rows.push(row);
    if (row[0] === MACHINE_KEYS.version) rows.push([MACHINE_KEYS.kind, kind]);
  }
  rows.push(
    [CONSOLIDATED_MACHINE_KEYS.deadline, c.deadline],
    [CONSOLIDATED_MACHINE_KEYS.unitCount, String(c.units.length)],
    [CONSOLIDATED_MACHINE_KEYS.reportCount, String(c.units.reduce((s, u) => s + u.reports, 0))],
    [CONSOLIDATED_MACHINE_KEYS.completenessCount, String(c.completeness.length)],
  );
  if (kind === report.kind) {
    const units = new Map(report.indicators.map((i) => [i.code, i.unit]));
    for (const col of consolidatedIndicatorColumns(report)) {
      rows.push([MACHINE_INDICATOR_PREFIX + col.code, col.header]);
      const unit = units.get(col.code) ?? '';
      if (unit !== '') rows.push([MACHINE_INDICATOR_UNIT_PREFIX + col.code, unit]);
    }
  }
  for (const e of c.completeness) if (e.submittedAt !== '') rows.push([MACHINE_SUBMITTED_PREFIX + e.unitCode, e.submittedAt]);
  return rows;
}

/** "DanhSachNop_63-KH-LDLD_LDLD-DMC_6T-2025.xlsx" (the completeness workbook). */
export function completenessFileName(report: Pick<UnitReport, 'unit' | 'plan' | 'period'>): string {
  return reportFileNameFor('DanhSachNop', report, 'xlsx');
}
