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
 * - Row identity ("Mã dòng") and the activities: reader-activities.ts.
 * - A row with an error is left out of the report (its problems say why); the rest is read.
 * - Sane limits, the same as the activity form's (domain/activity.ts): an activity's counts
 *   ("Số lượt người", each indicator column) are at most MAX_ACTIVITY_VALUE (1,000,000) and its
 *   text cells at most ACTIVITY_TEXT_LIMITS characters; an adjustment ("Điều chỉnh" of "Chỉ
 *   tiêu") at most 1,000,000 either way. Over a limit: error at that cell, row left out. A
 *   "Kết quả" is a sum and only has the hard limit (Number.MAX_SAFE_INTEGER).
 */
import { formatDateVn } from '@domain/periods';
import {
  activitySums,
  DIRECT_RESULT_REASON_REPORT,
  DIRECT_RESULT_REASON_TEMPLATE,
  MAX_ACTIVITY_VALUE,
  normalizeIndicatorCode,
  resolveTypedResult,
  STANDARD_INDICATORS,
} from '@domain/indicators';
import { isValidIsoDate, parsePeriodKey, periodKey, periodName } from '@domain/periods';
import { planFingerprint } from '@domain/plan-tree';
import type { PlanNode } from '@domain/plan-types';
import { levelNameOf, normalizeUnitCode, parseUnitLevel, UNIT_LEVEL_LABELS, type UnitLevel } from '@domain/units';
import {
  cellText,
  parseCellCount,
  parseCellDate,
  parseLabel,
  type LabelOption,
} from './cell-values';
import type { Problem, ProblemPlace } from './problems';
import { readActivities } from './reader-activities';
import {
  adderOf,
  countRejected,
  itemRowId,
  noteSkippedRow,
  periodRefOfName,
  readInfo,
  rowIsBlank,
  table,
  take,
  takeCapped,
 
  type Add,
  type ReaderInput,
} from './reader-cells';
import type { LocatedSheet } from './reader-sheets';
import {
  headerKey,
  MACHINE_KEYS,
  PROGRESS_LABEL_COLUMN,
  SHEET_NAMES,
  TEMPLATE_REPORT_DATE_FIELD,
  type InfoFieldKey,
  type ReadableSheetKey,
} from './spec';
import {
  WORKBOOK_STATUS_LABELS,
  WORKBOOK_STATUSES,
  type ReportIndicator,
  type ReportItem,
  type UnitReport,
  type WorkbookKind,
  type WorkbookStatus,
} from '@domain/report';
import { formatInstantVn, instantOfVnText } from '@domain/vn-time';
import { formatCount } from '@domain/fields';

export interface V1Input extends ReaderInput<ReadableSheetKey> {
  kind: WorkbookKind;
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
        ['periodStart', pStart === '' ? '' : formatDateVn(pStart), dateAgrees('periodStart', pStart)],
        ['periodEnd', pEnd === '' ? '' : formatDateVn(pEnd), dateAgrees('periodEnd', pEnd)],
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

// ---------------------------------------------------------------------------------------------
// Tiến độ.

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

