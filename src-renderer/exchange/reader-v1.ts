/**
 * Reads a version-1 workbook (a unit report or a filled template) from its grids into a
 * UnitReport plus problems. Called by reader.ts after the guards, the load and the version
 * check; a later format version gets its own reader-vN.ts (or an adapter onto this one).
 *
 * Pure module. Decisions (see also reader.ts):
 * - Identity comes from the machine sheet "_sokh" when present; "Thông tin" supplies what only
 *   it has (names, titles, exportedBy) and stands in for "_sokh" when a program lost it. In a
 *   template, what the officer typed in "Thông tin" (unit name and code) wins over "_sokh",
 *   because the template's unit may be a placeholder.
 * - Row identity: "Mã dòng". A row without one, or with something that is not a UUID, is a new
 *   activity: its `id` is '' and the importer assigns one. A UUID seen a second time (a copied
 *   row) makes that later row new as well (a warning says so).
 * - A row with an error is left out of the report (its problems say why); the rest is read.
 * - A blank "Mã đơn vị" in "Hoạt động" means the report's unit.
 * - Sane limits, the same as the activity form's (domain/activity.ts): an activity's counts
 *   ("Số lượt người", each indicator column) are at most MAX_ACTIVITY_VALUE (1,000,000) and its
 *   text cells at most ACTIVITY_TEXT_LIMITS characters; an adjustment ("Điều chỉnh" of "Chỉ
 *   tiêu") at most 1,000,000 either way. Over a limit: error at that cell, row left out. A
 *   "Kết quả" is a sum and only has the hard limit (Number.MAX_SAFE_INTEGER).
 */
import { parseActivityType, ACTIVITY_TEXT_LIMITS, ACTIVITY_TYPES, type ActivityType } from '../domain/activity';
import {
  activitySums,
  DIRECT_RESULT_REASON_REPORT,
  DIRECT_RESULT_REASON_TEMPLATE,
  formatCount,
  MAX_ACTIVITY_VALUE,
  normalizeIndicatorCode,
  resolveTypedResult,
  STANDARD_INDICATORS,
} from '../domain/indicators';
import { isValidIsoDate, parsePeriodKey, periodKey, periodName, type PeriodRef } from '../domain/periods';
import { planFingerprint } from '../domain/plan-tree';
import type { PlanNode } from '../domain/plan-types';
import { levelNameOf, normalizeUnitCode, parseUnitLevel, UNIT_LEVEL_LABELS, type UnitLevel } from '../domain/units';
import {
  cellText,
  parseCellCount,
  parseCellDate,
  parseItemIds,
  parseLabel,
  type CellParse,
  type LabelOption,
} from './cell-values';
import { problemAt, type Problem, type ProblemDetail, type ProblemPlace, type ProblemSeverity } from './problems';
import { type Grid, type LocatedSheet } from './reader-sheets';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_ROW_ID_COLUMN,
  formatInstantVn,
  headerKey,
  INFO_FIELDS,
  MACHINE_INDICATOR_PREFIX,
  MACHINE_KEYS,
  PROGRESS_LABEL_COLUMN,
  SHEET_NAMES,
  TEMPLATE_REPORT_DATE_FIELD,
  WORKBOOK_STATUS_LABELS,
  WORKBOOK_STATUSES,
  type ColumnDef,
  type InfoFieldKey,
  type ReadableSheetKey,
  type ReportActivity,
  type ReportIndicator,
  type ReportItem,
  type UnitReport,
  type WorkbookKind,
  type WorkbookStatus,
} from './spec';

export interface V1Input {
  file: string;
  kind: WorkbookKind;
  version: number;
  /** Key/value rows of "_sokh", or null when the sheet is gone. */
  machine: Map<string, string> | null;
  sheets: Partial<Record<ReadableSheetKey, LocatedSheet>>;
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

export interface V1Output {
  report: UnitReport;
  /** Sheet row of each activity of report.activities, same order. */
  activityRows: number[];
}

/** Status labels as people write them: the official ones plus short forms. */
const STATUS_OPTIONS: LabelOption<WorkbookStatus>[] = WORKBOOK_STATUSES.map((code) => ({
  code,
  label: WORKBOOK_STATUS_LABELS[code],
  aliases: {
    chua: ['Chưa', 'Chưa làm'],
    dang: ['Đang', 'Đang làm'],
    xong: ['Xong', 'Hoàn thành', 'Đã thực hiện', 'Đã xong'],
    'khong-ap-dung': ['Không áp dụng (KAD)', 'KAD', 'N/A'],
  }[code],
}));

const TYPE_OPTIONS: LabelOption<ActivityType>[] = ACTIVITY_TYPES.map((t) => ({ code: t.code, label: t.label }));

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The problem sink of a reader: a severity, a place in the file and what is wrong there. */
export type Add = (severity: ProblemSeverity, place: Omit<ProblemPlace, 'file'>, detail: ProblemDetail) => void;

export function adderOf(file: string, problems: Problem[]): Add {
  return (severity, place, detail) => problems.push(problemAt(severity, { file, ...place }, detail));
}

export function readV1(input: V1Input, problems: Problem[]): V1Output {
  const { sheets, machine } = input;
  const add = adderOf(input.file, problems);
  const m = (key: string) => machine?.get(key) ?? '';
  const report = readIdentity(input, add);
  const template = input.kind === 'template';

  // -------------------------------------------------------------------------------------------
  // Tiến độ.
  const itemsRead = readItems(sheets.progress, add);
  report.items = itemsRead.items;
  if (input.expectedPlan?.fingerprint && report.plan.fingerprint !== '' && input.expectedPlan.fingerprint !== report.plan.fingerprint) {
    add('warning', {}, { code: 'plan-version-differs' });
  }
  if (input.expectedPlan?.id && report.plan.id !== '' && input.expectedPlan.id !== report.plan.id) {
    add('warning', {}, { code: 'plan-other' });
  }
  // Only a complete list can be compared with the fingerprint written beside it.
  if (report.plan.fingerprint !== '' && report.items.length > 0 && itemsRead.complete && !template) {
    const nodes: PlanNode[] = report.items.map((it) => ({ id: it.id, kind: 'item', label: null, text: it.text, trackable: true, children: [] }));
    if (planFingerprint(nodes) !== report.plan.fingerprint) {
      add('warning', { sheet: sheets.progress?.grid.name ?? SHEET_NAMES.progress }, { code: 'items-edited', read: 'statuses' });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Chỉ tiêu (before activities: its names map indicator columns to codes in a file without "_sokh").
  const indicatorRows = readIndicators(sheets.indicators, add);
  report.indicators = indicatorRows.map((r) => r.indicator);

  // -------------------------------------------------------------------------------------------
  // Hoạt động.
  const knownIds = new Set<string>([...itemsRead.ids, ...(input.expectedPlan?.itemIds ?? [])]);
  const { activities, rows, readable } = readActivities(input, report, knownIds, add);
  report.activities = activities;
  const activitiesComplete = readable && countRejected(problems, sheets.activities) === 0;
  report.indicators = resolveResults(indicatorRows, report, sheets.indicators?.grid.name ?? SHEET_NAMES.indicators, activitiesComplete, add);
  const written = Number(m(MACHINE_KEYS.activityCount));
  if (!template && machine && readable && Number.isInteger(written) && rows.length + countRejected(problems, sheets.activities) < written) {
    add('warning', { sheet: sheets.activities?.grid.name ?? SHEET_NAMES.activities }, { code: 'activities-deleted', written, now: rows.length });
  }
  return { report, activityRows: rows };
}

/**
 * Unit, plan, period and export of a workbook: "_sokh" first, "Thông tin" for what only it has
 * (or in its place when "_sokh" is gone; in a template, what the officer typed wins). The
 * report's items, activities and indicators are left empty.
 */
export function readIdentity(input: V1Input, add: Add): UnitReport {
  const { sheets, machine } = input;
  const m = (key: string) => machine?.get(key) ?? '';

  // -------------------------------------------------------------------------------------------
  // Thông tin.
  const info = readInfo(sheets.info);
  const infoPlace = (key: InfoFieldKey): Omit<ProblemPlace, 'file'> => ({
    sheet: sheets.info?.grid.name ?? SHEET_NAMES.info,
    ...(info.rows.get(key) !== undefined ? { row: info.rows.get(key) } : {}),
    column: sheets.info?.header?.headers.get(sheets.info.header.columns.get('value') ?? 0) ?? 'Nội dung',
  });
  const infoText = (key: InfoFieldKey) => cellText(info.values.get(key));

  const template = input.kind === 'template';
  const pick = (machineValue: string, infoValue: string) =>
    template ? infoValue || machineValue : machineValue || infoValue;

  const rawCode = pick(m(MACHINE_KEYS.unitCode), infoText('unitCode'));
  const unitCode = normalizeUnitCode(rawCode);
  if (unitCode === '') add('error', infoPlace('unitCode'), { code: 'unit-code-missing' });
  let level: UnitLevel | null = parseUnitLevel(m(MACHINE_KEYS.unitLevel));
  if (!level || (template && infoText('unitLevel') !== '')) level = parseUnitLevel(infoText('unitLevel')) ?? level;
  if (!level) {
    const shown = infoText('unitLevel');
    add('error', infoPlace('unitLevel'), shown === '' ? { code: 'unit-level-missing' } : { code: 'unit-level-invalid', shown });
  }

  // Period: "_sokh" keys, else the name and dates of "Thông tin".
  let pKey = m(MACHINE_KEYS.periodKey);
  let pStart = m(MACHINE_KEYS.periodStart);
  let pEnd = m(MACHINE_KEYS.periodEnd);
  let pName = infoText('periodName');
  if (!machine || template) {
    const start = parseCellDate(info.values.get('periodStart'), input.date1904);
    const end = parseCellDate(info.values.get('periodEnd'), input.date1904);
    if (start.ok && start.value) pStart = start.value;
    else if (!start.ok) add('error', infoPlace('periodStart'), start);
    if (end.ok && end.value) pEnd = end.value;
    else if (!end.ok) add('error', infoPlace('periodEnd'), end);
    const fromName = periodRefOfName(pName);
    if (fromName) pKey = periodKey(fromName);
  }
  if (pName === '' && pKey !== '') {
    const ref = parsePeriodKey(pKey);
    if (ref) pName = periodName(ref);
  }
  if (pStart !== '' && !isValidIsoDate(pStart)) pStart = '';
  if (pEnd !== '' && !isValidIsoDate(pEnd)) pEnd = '';

  const exportedAt = m(MACHINE_KEYS.exportedAt) || instantOfVnText(infoText('exportedAt')) || '';
  const report: UnitReport = {
    kind: input.kind,
    formatVersion: input.version,
    unit: { code: unitCode, name: infoText('unitName'), level: level ?? 'grassroots', ...levelNameOf(infoText('unitLevel'), level), parentName: infoText('parentName') },
    plan: {
      id: m(MACHINE_KEYS.planId),
      number: pick(m(MACHINE_KEYS.planNumber), infoText('planNumber')),
      title: infoText('planTitle'),
      fingerprint: m(MACHINE_KEYS.planFingerprint),
    },
    period: { key: pKey, name: pName, start: pStart, end: pEnd },
    exportedAt,
    exportedBy: infoText('exportedBy'),
    appVersion: m(MACHINE_KEYS.appVersion) || infoText('appVersion'),
    items: [],
    activities: [],
    indicators: [],
  };
  if (report.unit.name === '') add(template ? 'error' : 'warning', infoPlace('unitName'), { code: 'unit-name-missing' });
  if (template) readReportDate(sheets.info, input.date1904, report, add);

  // What "_sokh" decides, changed by hand in "Thông tin": not used, and said so at the cell.
  if (machine) {
    const used: [InfoFieldKey, string, boolean][] = [
      ['exportedAt', exportedAt === '' ? '' : formatInstantVn(exportedAt), sameMinute(infoText('exportedAt'), exportedAt)],
      ['appVersion', report.appVersion, infoText('appVersion') === report.appVersion],
      ['formatVersion', m(MACHINE_KEYS.version), Number(infoText('formatVersion')) === Number(m(MACHINE_KEYS.version))],
    ];
    if (!template) {
      const dateAgrees = (key: 'periodStart' | 'periodEnd', iso: string) => {
        const d = parseCellDate(info.values.get(key), input.date1904);
        return !d.ok || d.value === null || d.value === iso;
      };
      const typedPeriod = periodRefOfName(pName);
      const keyPeriod = parsePeriodKey(pKey);
      used.push(
        ['unitCode', unitCode, normalizeUnitCode(infoText('unitCode')) === unitCode],
        ['unitLevel', level ? UNIT_LEVEL_LABELS[level] : '', parseUnitLevel(infoText('unitLevel')) === level],
        ['planNumber', report.plan.number, infoText('planNumber') === report.plan.number],
        ['periodName', keyPeriod ? periodName(keyPeriod) : '', typedPeriod === null || periodKey(typedPeriod) === pKey],
        ['periodStart', pStart === '' ? '' : vnDate(pStart), dateAgrees('periodStart', pStart)],
        ['periodEnd', pEnd === '' ? '' : vnDate(pEnd), dateAgrees('periodEnd', pEnd)],
      );
    }
    for (const [key, value, same] of used) {
      if (same || infoText(key) === '' || value === '') continue;
      add('warning', infoPlace(key), { code: 'machine-differs', shown: infoText(key), used: value });
    }
  }
  return report;
}

/** A template's «Ngày lập báo cáo» (TEMPLATE_REPORT_DATE_FIELD), typed by the unit: its report's handing-in day. */
function readReportDate(sheet: LocatedSheet | undefined, date1904: boolean, report: UnitReport, add: Add): void {
  const info = readInfo(sheet, [TEMPLATE_REPORT_DATE_FIELD]);
  const date = parseCellDate(info.values.get('reportDate'), date1904);
  if (date.ok && date.value) report.reportDate = date.value;
  else if (!date.ok) {
    const place = { sheet: sheet?.grid.name ?? SHEET_NAMES.info, ...(info.rows.has('reportDate') ? { row: info.rows.get('reportDate') } : {}) };
    add('warning', place, { code: 'report-date-invalid', cause: date, shown: date.shown });
  }
}

/** True when a "dd/mm/yyyy hh:mm …" text shows the minute of `iso` in Vietnam (or is not such a text). */
function sameMinute(text: string, iso: string): boolean {
  const at = instantOfVnText(text);
  return at === '' || iso === '' || formatInstantVn(at) === formatInstantVn(iso);
}

export function countRejected(problems: readonly Problem[], sheet: LocatedSheet | undefined): number {
  if (!sheet) return 0;
  const rows = new Set<number>();
  for (const p of problems) if (p.severity === 'error' && p.sheet === sheet.grid.name && p.row !== undefined) rows.add(p.row);
  return rows.size;
}

// ---------------------------------------------------------------------------------------------
// Sheet helpers.

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

// ---------------------------------------------------------------------------------------------
// Tiến độ.

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
  if (!/^[IVXLCDM]+(?:\.\d+)*$/.test(id)) {
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

interface ItemsRead {
  items: ReportItem[];
  /** Every item id on the sheet, rows with errors included (activities may still link them). */
  ids: Set<string>;
  /** False when some item row had an error and was left out. */
  complete: boolean;
}

function readItems(sheet: LocatedSheet | undefined, add: Add): ItemsRead {
  const t = table(sheet);
  if (!t) return { items: [], ids: new Set(), complete: false };
  const col = (k: string) => t.col(k);
  const cId = col('itemId')!;
  const cStatus = col('status')!;
  const substantive = ['itemId', 'status', 'note', 'evidence'].map(col).filter((c): c is number => c !== undefined);
  // "Số mục" and the attribute columns (progressColumns): every header that is not a fixed column.
  const header = sheet!.header!;
  const fixed = new Set(header.columns.values());
  let cLabel: number | undefined;
  const attributeCols: [number, string][] = [];
  for (const [c, text] of header.headers) {
    if (fixed.has(c)) continue;
    if (headerKey(text) === headerKey(PROGRESS_LABEL_COLUMN.header)) cLabel = c;
    else attributeCols.push([c, text]);
  }
  const items: ReportItem[] = [];
  const seen = new Map<string, number>();
  let failed = 0;
  for (let r = t.firstRow; r <= t.grid.rowCount; r++) {
    if (rowIsBlank(t, r, substantive)) {
      noteSkippedRow(t, r, substantive, new Set<number>(), 'mã nhiệm vụ và trạng thái', add);
      continue;
    }
    const id = itemRowId(t, r, cId, seen, 'statuses', add);
    if (id === null) {
      failed++;
      continue;
    }
    const status = take(t, r, cStatus, parseLabel(t.grid.value(r, cStatus), STATUS_OPTIONS), add);
    if (status === undefined) {
      failed++;
      continue;
    }
    const text = (k: string, multiline = false) => {
      const c = col(k);
      return c === undefined ? '' : cellText(t.grid.value(r, c), multiline);
    };
    const cCount = col('activityCount');
    const count = cCount === undefined ? null : parseCellCount(t.grid.value(r, cCount));
    const item: ReportItem = {
      id,
      groupTitle: text('groupTitle'),
      text: text('text'),
      status,
      note: text('note', true),
      evidence: text('evidence', true),
      activityCount: count?.ok ? (count.value ?? 0) : 0,
    };
    const label = cLabel === undefined ? '' : cellText(t.grid.value(r, cLabel));
    if (label !== '') item.label = label;
    const attributes: Record<string, string> = {};
    for (const [c, name] of attributeCols) {
      const value = cellText(t.grid.value(r, c));
      if (value !== '') attributes[name] = value;
    }
    if (Object.keys(attributes).length > 0) item.attributes = attributes;
    items.push(item);
  }
  return { items, ids: new Set(seen.keys()), complete: failed === 0 };
}


// ---------------------------------------------------------------------------------------------
// Chỉ tiêu.

/** An indicator row as typed, before its "Kết quả" is weighed against the activities. */
interface IndicatorRowRead {
  indicator: ReportIndicator;
  /** "Kết quả" as typed (null: blank or no such column). */
  result: number | null;
  row: number;
  resultColumn: string;
  reasonColumn: string | null;
}

function readIndicators(sheet: LocatedSheet | undefined, add: Add): IndicatorRowRead[] {
  const t = table(sheet);
  if (!t) return [];
  const col = (k: string) => t.col(k);
  const substantive = ['code', 'name', 'value', 'target', 'adjustment', 'adjustmentReason'].map(col).filter((c): c is number => c !== undefined);
  const out: IndicatorRowRead[] = [];
  const seen = new Map<string, number>();
  const standardByName = new Map(STANDARD_INDICATORS.map((d) => [headerKey(d.name), d.code]));
  for (let r = t.firstRow; r <= t.grid.rowCount; r++) {
    if (rowIsBlank(t, r, substantive)) {
      noteSkippedRow(t, r, substantive, new Set<number>(), 'mã chỉ tiêu và số liệu', add);
      continue;
    }
    const text = (k: string, multiline = false) => {
      const c = col(k);
      return c === undefined ? '' : cellText(t.grid.value(r, c), multiline);
    };
    const name = text('name');
    let code = text('code');
    const cCode = col('code')!;
    if (code === '') code = standardByName.get(headerKey(name)) ?? normalizeIndicatorCode(name);
    if (code === '') {
      add('error', { sheet: t.grid.name, row: r, column: t.headerOf(cCode) }, { code: 'indicator-code-missing' });
      continue;
    }
    if (seen.has(code)) {
      add('error', { sheet: t.grid.name, row: r, column: t.headerOf(cCode) }, { code: 'indicator-code-duplicate', indicator: code, first: seen.get(code)! });
      continue;
    }
    seen.set(code, r);
    const num = (k: string, signed: boolean) => {
      const c = col(k);
      return c === undefined ? null : take(t, r, c, parseCellCount(t.grid.value(r, c), signed), add);
    };
    const value = num('value', true);
    const target = num('target', false);
    const cAdjustment = col('adjustment');
    const adjustment = cAdjustment === undefined ? null : takeCapped(t, r, cAdjustment, true, 'cho một lần điều chỉnh, tăng hay giảm', add);
    if (value === undefined || target === undefined || adjustment === undefined) continue;
    const cReason = col('adjustmentReason');
    out.push({
      indicator: {
        code,
        name,
        unit: text('unit'),
        value: value ?? 0,
        target,
        adjustment: adjustment ?? 0,
        adjustmentReason: text('adjustmentReason', true),
      },
      result: value,
      row: r,
      resultColumn: t.headerOf(col('value')!),
      reasonColumn: cReason === undefined ? null : t.headerOf(cReason),
    });
  }
  return out;
}

/**
 * Each indicator's "Kết quả" weighed against what the file's activities add up to (in the
 * report's period), by domain/indicators.ts resolveTypedResult: a typed "Kết quả" that differs
 * becomes the unit's total through its adjustment, so that nothing typed there is lost and the
 * totals above equal it. Said at the cell when it contradicts a typed "Điều chỉnh", when a report
 * the app wrote was changed by hand, or when the difference is beyond one adjustment's sane
 * limit (error, row left out). `sheet` is the indicator sheet's name in the file.
 */
function resolveResults(
  rows: readonly IndicatorRowRead[],
  report: UnitReport,
  sheet: string,
  activitiesComplete: boolean,
  add: Add,
): ReportIndicator[] {
  const { start, end } = report.period;
  const sums = activitySums(report.activities, start !== '' && end !== '' ? { start, end } : undefined);
  const template = report.kind === 'template';
  const reason = template ? DIRECT_RESULT_REASON_TEMPLATE : DIRECT_RESULT_REASON_REPORT;
  const out: ReportIndicator[] = [];
  for (const row of rows) {
    const ind = row.indicator;
    const fromActivities = sums[ind.code] ?? 0;
    const resolved = resolveTypedResult({ fromActivities, adjustment: ind.adjustment, reason: ind.adjustmentReason, result: row.result }, reason);
    const place = { sheet, row: row.row, column: row.resultColumn };
    if (resolved.fromResult && Math.abs(resolved.adjustment) > MAX_ACTIVITY_VALUE) {
      add('error', place, { code: 'result-adjustment-too-big', result: formatCount(row.result!), fromActivities: formatCount(fromActivities), limit: formatCount(MAX_ACTIVITY_VALUE), sheet: SHEET_NAMES.activities });
      continue;
    }
    // Only a complete activity list can be said to disagree with the result.
    if (resolved.fromResult && activitiesComplete && (!template || ind.adjustment !== 0)) {
      const typedAdj = ind.adjustment === 0 ? '' : ` và «Điều chỉnh» ${signed(ind.adjustment)}`;
      const used = resolved.adjustment === 0 ? 'không điều chỉnh' : `điều chỉnh ${signed(resolved.adjustment)} với lý do «${resolved.reason}»`;
      add('warning', place, { code: 'result-differs', edited: !template, result: formatCount(row.result!), fromActivities: formatCount(fromActivities), typedAdjustment: typedAdj, used });
    }
    if (ind.adjustment === 0 && ind.adjustmentReason.trim() !== '' && !resolved.fromResult && row.reasonColumn !== null) {
      add('warning', { sheet, row: row.row, column: row.reasonColumn }, { code: 'adjustment-reason-unused' });
    }
    out.push({ ...ind, value: resolved.value, adjustment: resolved.adjustment, adjustmentReason: resolved.adjustment === 0 ? '' : resolved.reason });
  }
  return out;
}

/** "+5", "-3", "0". */
function signed(n: number): string {
  return n > 0 ? `+${formatCount(n)}` : formatCount(n);
}

// ---------------------------------------------------------------------------------------------
// Hoạt động.

export function readActivities(
  input: V1Input,
  report: UnitReport,
  knownItemIds: ReadonlySet<string>,
  add: Add,
  itemsSheet: string = SHEET_NAMES.progress,
): { activities: ReportActivity[]; rows: number[]; readable: boolean } {
  const sheet = input.sheets.activities;
  const t = table(sheet);
  if (!t) return { activities: [], rows: [], readable: false };
  const col = (k: string) => t.col(k);
  const header = sheet!.header!;

  // Row identity: "Mã dòng" by header (it is not part of ACTIVITY_COLUMNS).
  let cRowId: number | undefined;
  for (const [c, text] of header.headers) if (headerKey(text) === headerKey(ACTIVITY_ROW_ID_COLUMN.header)) cRowId = c;

  // Indicator columns: every other header after the fixed ones.
  const fixed = new Set<number>([...header.columns.values(), ...(cRowId ? [cRowId] : [])]);
  const indicatorCols = mapIndicatorColumns(input, report.indicators, header.headers, fixed, t, add);

  const substantive = (ACTIVITY_COLUMNS as readonly ColumnDef[]).filter((d) => !d.derived && d.key !== 'unitCode')
    .map((d) => col(d.key))
    .filter((c): c is number => c !== undefined)
    .concat(indicatorCols.map((ic) => ic.col));

  const activities: ReportActivity[] = [];
  const rows: number[] = [];
  const seenIds = new Map<string, number>();
  const directTypes = new Map<string, ActivityType | null>();
  const unitCodes = new Map<string, string>();
  for (let r = t.firstRow; r <= t.grid.rowCount; r++) {
    if (rowIsBlank(t, r, substantive)) {
      noteSkippedRow(t, r, substantive, cRowId === undefined ? new Set<number>() : new Set([cRowId]), 'ngày, nhiệm vụ, loại và tên hoạt động', add);
      continue;
    }
    let failed = false;
    const at = (key: string) => col(key)!;
    const need = <T>(key: string, parsed: CellParse<T>, missing: ProblemDetail): T | null => {
      const v = take(t, r, at(key), parsed, add);
      if (v === undefined) {
        failed = true;
        return null;
      }
      if (v === null || (Array.isArray(v) && v.length === 0)) {
        add('error', { sheet: t.grid.name, row: r, column: t.headerOf(at(key)) }, missing);
        failed = true;
        return null;
      }
      return v;
    };
    const v = (key: string) => t.grid.value(r, at(key));

    const date = need('date', parseCellDate(v('date'), input.date1904), { code: 'date-missing' });
    const itemIds = need('itemIds', parseItemIds(v('itemIds')), { code: 'item-ids-missing', itemsSheet });
    if (itemIds && knownItemIds.size > 0) {
      const unknown = itemIds.filter((id) => !knownItemIds.has(id));
      if (unknown.length > 0) {
        add('error', { sheet: t.grid.name, row: r, column: t.headerOf(at('itemIds')) }, { code: 'item-ids-unknown', ids: unknown, itemsSheet });
        failed = true;
      }
    }
    const typeCell = v('type');
    const typeText = cellText(typeCell);
    // A sheet holds a handful of distinct type labels: each is parsed once (parseActivityType
    // folds every label it compares with).
    let direct = directTypes.get(typeText);
    if (direct === undefined) {
      direct = parseActivityType(typeText);
      directTypes.set(typeText, direct);
    }
    const typeParse: CellParse<ActivityType> = direct ? { ok: true, value: direct } : parseLabel(typeCell, TYPE_OPTIONS);
    const type = need('type', typeParse, { code: 'type-missing' });
    const title = cellText(v('title'));
    if (title === '') {
      add('error', { sheet: t.grid.name, row: r, column: t.headerOf(at('title')) }, { code: 'title-missing' });
      failed = true;
    }
    // Text cells as the form limits them (ACTIVITY_TEXT_LIMITS): a longer one is refused.
    const texts: Record<LimitedText, string> = { title, content: '', location: '', evidenceDoc: '', evidenceFile: '' };
    for (const key of LIMITED_TEXTS) {
      const c = col(key);
      if (c === undefined) continue;
      if (key !== 'title') texts[key] = cellText(t.grid.value(r, c), key === 'content');
      const max = ACTIVITY_TEXT_LIMITS[key];
      if (texts[key].length > max) {
        add('error', { sheet: t.grid.name, row: r, column: t.headerOf(c) }, { code: 'text-too-long', shown: texts[key], length: formatCount(texts[key].length), max: formatCount(max) });
        failed = true;
      }
    }
    const text = (key: string, multiline = false) => {
      const c = col(key);
      return c === undefined ? '' : cellText(t.grid.value(r, c), multiline);
    };
    let participants: number | null = null;
    const cPart = col('participants');
    if (cPart !== undefined) {
      const p = takeCapped(t, r, cPart, false, 'cho một hoạt động', add);
      if (p === undefined) failed = true;
      else participants = p;
    }
    const indicators: Record<string, number> = {};
    for (const ic of indicatorCols) {
      const n = takeCapped(t, r, ic.col, false, 'cho một hoạt động', add);
      if (n === undefined) failed = true;
      else if (n !== null && n !== 0) indicators[ic.code] = n;
    }
    const unitText = text('unitCode');
    let unitCode = report.unit.code;
    if (unitText !== '') {
      // A sheet holds a few distinct unit codes: each is normalized (folded) once.
      let code = unitCodes.get(unitText);
      if (code === undefined) {
        code = normalizeUnitCode(unitText);
        unitCodes.set(unitText, code);
      }
      unitCode = code;
      // A unit's report is about that unit: an activity is counted for it whatever code the row
      // gives (a consolidated report lists every unit's activities under their own codes).
      if (input.kind !== 'consolidated' && code !== report.unit.code && report.unit.code !== '') {
        add('warning', { sheet: t.grid.name, row: r, column: t.headerOf(at('unitCode')) }, { code: 'activity-unit-differs', shown: unitText, unit: report.unit.code });
      }
    }

    // Identity.
    let id = '';
    if (cRowId !== undefined) {
      const raw = cellText(t.grid.value(r, cRowId));
      const place = { sheet: t.grid.name, row: r, column: t.headerOf(cRowId) };
      if (raw !== '' && !UUID_RE.test(raw)) {
        add('warning', place, { code: 'row-id-invalid', shown: raw });
      } else if (raw !== '') {
        const lower = raw.toLowerCase();
        const first = seenIds.get(lower);
        if (first !== undefined) {
          add('warning', place, { code: 'row-id-duplicate', first });
        } else {
          seenIds.set(lower, r);
          id = lower;
        }
      }
    }
    if (failed || !date || !itemIds || !type) continue;

    if (report.period.start !== '' && report.period.end !== '' && (date < report.period.start || date > report.period.end)) {
      add('warning', { sheet: t.grid.name, row: r, column: t.headerOf(at('date')) }, { code: 'date-outside-period', date: vnDate(date), start: vnDate(report.period.start), end: vnDate(report.period.end) });
    }
    activities.push({
      id,
      date,
      unitCode,
      itemIds,
      type,
      title,
      content: texts.content,
      location: texts.location,
      participants,
      evidenceDoc: texts.evidenceDoc,
      evidenceFile: texts.evidenceFile,
      indicators,
    });
    rows.push(r);
  }
  // A unit report whose "Mã dòng" column was deleted (or lost when the rows were copied into
  // another file): no activity can be matched with what an earlier import of this report holds.
  if (input.kind !== 'template' && cRowId === undefined && activities.length > 0) {
    add('warning', { sheet: t.grid.name }, { code: 'row-id-column-missing', header: ACTIVITY_ROW_ID_COLUMN.header, count: activities.length });
  }
  return { activities, rows, readable: true };
}

type LimitedText = keyof typeof ACTIVITY_TEXT_LIMITS;
const LIMITED_TEXTS = Object.keys(ACTIVITY_TEXT_LIMITS) as LimitedText[];

export function vnDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
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
  input: Pick<V1Input, 'machine'>,
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

/** "14/06/2025 09:30 (giờ Việt Nam)" → the ISO instant (UTC+7), or '' when it is not that. */
export function instantOfVnText(text: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})/.exec(text.trim());
  if (!m) return '';
  const t = Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]) - 7, Number(m[5]));
  return Number.isNaN(t) ? '' : new Date(t).toISOString();
}
