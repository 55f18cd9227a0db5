/**
 * Reads a consolidated report (kind 'consolidated', format version 2) from its grids into a
 * ConsolidatedReport plus problems. Called by reader.ts after the guards, the load and the
 * version check; identity ("_sokh", "Thông tin") and "Hoạt động" are read as in a unit report
 * (reader-v1.ts), the other sheets here.
 *
 * Pure module. Decisions (FORMAT.md says the same):
 * - Sheets and columns are found by name or header, never by position; rows may be reordered.
 *   "Tổng cộng" and "Chỉ tiêu giao" rows of "Chỉ tiêu theo đơn vị" are found by their label in
 *   "Tên đơn vị" (with "Mã đơn vị" blank), wherever they are.
 * - Counts are whole numbers ≥ 0 (digits stored as text accepted); a blank count is 0, a blank
 *   indicator cell of a unit row means no value. A row with a bad cell is left out (error).
 * - "Số báo cáo" of an item row ≠ the sum of its status counts: warning (the counts are read).
 * - The status counts of an item row (the five columns, "Chưa báo cáo" included) must add up to
 *   the number of unit reports the file consolidates: "Số báo cáo" of the "Tổng cộng" row of
 *   "Chỉ tiêu theo đơn vị" (without that row, the sum of the unit rows). Otherwise ERROR on that
 *   item row (at its "Số báo cáo", else "Chưa báo cáo"), for the same reason as the totals
 *   below; consolidate() makes every item add up to it at every level. Not checked when that
 *   number is unknown (no "Tổng cộng" and some unit row left out).
 * - "Tổng cộng" ≠ the sum of the unit rows: ERROR at that cell. The totals are what the lower
 *   body declared and the unit rows are what a higher body adds up; a file where they disagree
 *   was edited after export and must be exported again. Not checked when a unit row was left out
 *   (its own error says why). An indicator's value is the "Tổng cộng" cell; without that row,
 *   the sum of the unit rows (with a warning).
 * - An item row whose id is not in the importer's plan (ExpectedPlan.itemIds): error, row left out.
 * - "Thời điểm nộp" is Vietnam time to the minute; "_sokh" keeps the exact instant, used while
 *   the cell still shows the same minute.
 */
import { STANDARD_INDICATORS } from '@domain/indicators';
import { isValidIsoDate } from '@domain/periods';
import { planFingerprint } from '@domain/plan-tree';
import type { PlanNode } from '@domain/plan-types';
import { normalizeUnitCode, parseUnitLevel, type UnitLevel } from '@domain/units';
import { cellText, parseCellCount, parseCellDate, parseLabel, unwrapCell, type LabelOption } from './cell-values';
import type { Problem } from './problems';
import type { LocatedSheet } from './reader-sheets';
import { readActivities } from './reader-activities';
import { formatInstantVn, instantOfVnText, VN_UTC_OFFSET_MS } from '@domain/vn-time';
import {
  adderOf,
  countRejected,
  itemRowId,
  mapIndicatorColumns,
  readInfo,
  rowIsBlank,
  table,
  take,
  type Add,
  type ExpectedPlan,
  type ReaderInput,
  type Table,
} from './reader-cells';
import { readIdentity } from './reader-v1';
import {
  CONSOLIDATED_INFO_FIELDS,
  CONSOLIDATED_MACHINE_KEYS,
  headerKey,
  MACHINE_INDICATOR_UNIT_PREFIX,
  MACHINE_KEYS,
  MACHINE_SUBMITTED_PREFIX,
  SHEET_NAMES,
  statusCountColumnKey,
  UNIT_INDICATOR_TARGET_LABEL,
  UNIT_INDICATOR_TOTAL_LABEL,
  type ConsolidatedSheetKey,
} from './spec';
import {
  COMPLETENESS_STATE_LABELS,
  STATUS_COUNT_KEYS,
  type CompletenessEntry,
  type CompletenessState,
  type ConsolidatedItem,
  type ConsolidatedReport,
  type ConsolidatedUnitRow,
  type ReportIndicator,
  type StatusCounts,
} from '@domain/report';

export type ConsolidatedInput = ReaderInput<ConsolidatedSheetKey>;

export interface ConsolidatedOutput {
  report: ConsolidatedReport;
  activityRows: number[];
}

const STATE_OPTIONS: LabelOption<CompletenessState>[] = (Object.keys(COMPLETENESS_STATE_LABELS) as CompletenessState[]).map((code) => ({
  code,
  label: COMPLETENESS_STATE_LABELS[code],
  aliases: { 'da-nop': ['Đúng hạn', 'Nộp đúng hạn'], 'nop-muon': ['Muộn', 'Quá hạn'], 'chua-nop': ['Chưa'] }[code],
}));


export function readConsolidated(input: ConsolidatedInput, problems: Problem[]): ConsolidatedOutput {
  const { file, sheets, machine } = input;
  const add = adderOf(file, problems);
  const m = (key: string) => machine?.get(key) ?? '';
  const v1 = { file, kind: 'consolidated' as const, version: input.version, machine, sheets: { info: sheets.info, activities: sheets.activities }, date1904: input.date1904, expectedPlan: input.expectedPlan };
  const base = readIdentity(v1, add);

  // Deadline: "_sokh", else "Hạn nộp" of "Thông tin".
  let deadline = m(CONSOLIDATED_MACHINE_KEYS.deadline);
  if (!machine) {
    const info = readInfo(sheets.info, CONSOLIDATED_INFO_FIELDS);
    const parsed = parseCellDate(info.values.get('deadline'), input.date1904);
    if (parsed.ok) deadline = parsed.value ?? '';
    else add('error', { sheet: sheets.info!.grid.name, row: info.rows.get('deadline')!, column: 'Nội dung' }, { code: 'deadline-invalid', cause: parsed, shown: parsed.shown });
  }
  if (deadline !== '' && !isValidIsoDate(deadline)) deadline = '';

  // Tổng hợp theo nhiệm vụ.
  const itemsRead = readItemSummary(sheets.itemSummary, input.expectedPlan, add);
  if (input.expectedPlan?.fingerprint && base.plan.fingerprint !== '' && input.expectedPlan.fingerprint !== base.plan.fingerprint) {
    add('warning', {}, { code: 'plan-version-differs' });
  }
  if (input.expectedPlan?.id && base.plan.id !== '' && input.expectedPlan.id !== base.plan.id) {
    add('warning', {}, { code: 'plan-other' });
  }
  // Rows sorted by a person are fine: the list matches in sheet order or in the plan's id order.
  if (base.plan.fingerprint !== '' && itemsRead.items.length > 0 && itemsRead.complete) {
    const fingerprintOf = (items: readonly ConsolidatedItem[]) =>
      planFingerprint(items.map((it): PlanNode => ({ id: it.id, kind: 'item', label: null, text: it.text, trackable: true, children: [] })));
    const sorted = [...itemsRead.items].sort((a, b) => compareItemIds(a.id, b.id));
    if (fingerprintOf(itemsRead.items) !== base.plan.fingerprint && fingerprintOf(sorted) !== base.plan.fingerprint) {
      add('warning', { sheet: sheets.itemSummary?.grid.name ?? SHEET_NAMES.itemSummary }, { code: 'items-edited', read: 'figures' });
    }
  }

  // Chỉ tiêu theo đơn vị (before activities: its indicators map the activity columns too).
  const unitsRead = readUnitIndicators(input, sheets.unitIndicators, add);
  checkItemReports(itemsRead, unitsRead, sheets.unitIndicators?.grid.name ?? SHEET_NAMES.unitIndicators, add);

  const report: ConsolidatedReport = {
    ...base,
    kind: 'consolidated',
    items: itemsRead.items.map((it) => ({ id: it.id, groupTitle: it.groupTitle, text: it.text, status: null, note: '', evidence: '', activityCount: it.activityCount })),
    indicators: unitsRead.indicators,
    consolidation: { deadline, items: itemsRead.items, units: unitsRead.units, completeness: [], unitNames: {} },
  };

  // Hoạt động.
  const knownIds = new Set<string>([...itemsRead.ids, ...(input.expectedPlan?.itemIds ?? [])]);
  const itemsSheet = sheets.itemSummary?.grid.name ?? SHEET_NAMES.itemSummary;
  const { activities, rows, readable } = readActivities(v1, report, knownIds, add, itemsSheet);
  report.activities = activities;
  const written = Number(m(MACHINE_KEYS.activityCount));
  if (machine && readable && Number.isInteger(written) && rows.length + countRejected(problems, sheets.activities) < written) {
    add('warning', { sheet: sheets.activities?.grid.name ?? SHEET_NAMES.activities }, { code: 'activities-deleted', written, now: rows.length });
  }
  const nameCol = sheets.activities?.header?.columns.get('unitName');
  if (nameCol !== undefined) {
    activities.forEach((a, i) => {
      if (report.consolidation.unitNames[a.unitCode] !== undefined) return;
      const name = cellText(sheets.activities!.grid.value(rows[i]!, nameCol));
      if (name !== '') report.consolidation.unitNames[a.unitCode] = name;
    });
  }

  // Tình hình nộp báo cáo.
  report.consolidation.completeness = readCompleteness(input, sheets.completeness, add);
  return { report, activityRows: rows };
}

// ---------------------------------------------------------------------------------------------
// Tổng hợp theo nhiệm vụ.

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

function romanValue(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN[text[i]!] ?? 0;
    const next = ROMAN[text[i + 1] ?? ''] ?? 0;
    n += v < next ? -v : v;
  }
  return n;
}

/** Plan order of item ids: "II.3" before "III.1.2" before "III.1.10" (the plan numbers its items). */
export function compareItemIds(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const x = i === 0 ? romanValue(pa[i]!) : Number(pa[i]);
    const y = i === 0 ? romanValue(pb[i]!) : Number(pb[i]);
    if (x !== y) return x - y;
  }
  return 0;
}

interface ItemSummaryRead {
  items: ConsolidatedItem[];
  ids: Set<string>;
  complete: boolean;
  /** Sheet row and status-count sum of each item of `items`, same order. */
  sums: { row: number; sum: number }[];
  /** Where a wrong sum is reported: the sheet, and "Số báo cáo" (else "Chưa báo cáo"). */
  sheet: string;
  sumColumn: string;
}

/** Each item's status counts against the number of reports the file consolidates. */
function checkItemReports(itemsRead: ItemSummaryRead, unitsRead: UnitsRead, unitSheet: string, add: Add): void {
  let reports: number;
  let source: string;
  if (unitsRead.declaredReports !== null) {
    reports = unitsRead.declaredReports;
    source = `dòng «${UNIT_INDICATOR_TOTAL_LABEL}», cột «Số báo cáo» ở trang «${unitSheet}»`;
  } else if (unitsRead.complete && unitsRead.units.length > 0) {
    reports = unitsRead.units.reduce((s, u) => s + u.reports, 0);
    source = `cột «Số báo cáo» của các đơn vị ở trang «${unitSheet}» cộng lại`;
  } else return;
  for (const { row, sum } of itemsRead.sums) {
    if (sum === reports) continue;
    add('error', { sheet: itemsRead.sheet, row, column: itemsRead.sumColumn }, { code: 'status-sum-differs', sum, reports, source });
  }
}

function readItemSummary(sheet: LocatedSheet | undefined, expected: ExpectedPlan | undefined, add: Add): ItemSummaryRead {
  const t = table(sheet);
  if (!t) return { items: [], ids: new Set(), complete: false, sums: [], sheet: '', sumColumn: '' };
  const cId = t.col('itemId')!;
  const countCols = STATUS_COUNT_KEYS.map((k) => [k, t.col(statusCountColumnKey(k))!] as const);
  const cReports = t.col('reports');
  const cActivities = t.col('activityCount');
  const substantive = [cId, ...countCols.map(([, c]) => c), ...(cActivities ? [cActivities] : [])];
  const plan = expected?.itemIds && expected.itemIds.length > 0 ? new Set(expected.itemIds) : null;
  const items: ConsolidatedItem[] = [];
  const sums: ItemSummaryRead['sums'] = [];
  const seen = new Map<string, number>();
  let failed = 0;
  for (let r = t.firstRow; r <= t.grid.rowCount; r++) {
    if (rowIsBlank(t, r, substantive)) continue;
    const id = itemRowId(t, r, cId, seen, 'figures', add);
    if (id === null) {
      failed++;
      continue;
    }
    if (plan && !plan.has(id)) {
      add('error', { sheet: t.grid.name, row: r, column: t.headerOf(cId) }, { code: 'item-id-not-in-plan', id });
      failed++;
      continue;
    }
    let bad = false;
    const count = (c: number): number => {
      const v = take(t, r, c, parseCellCount(t.grid.value(r, c)), add);
      if (v === undefined) bad = true;
      return v ?? 0;
    };
    const counts = {} as StatusCounts;
    let sum = 0;
    for (const [k, c] of countCols) {
      counts[k] = count(c);
      sum += counts[k];
    }
    const activityCount = cActivities === undefined ? 0 : count(cActivities);
    const reportsParse = cReports === undefined ? null : parseCellCount(t.grid.value(r, cReports));
    if (bad) {
      failed++;
      continue;
    }
    if (reportsParse?.ok && reportsParse.value !== null && reportsParse.value !== sum) {
      add('warning', { sheet: t.grid.name, row: r, column: t.headerOf(cReports!) }, { code: 'reports-count-differs', reports: reportsParse.value, sum });
    }
    const text = (k: string) => {
      const c = t.col(k);
      return c === undefined ? '' : cellText(t.grid.value(r, c));
    };
    items.push({ id, groupTitle: text('groupTitle'), text: text('text'), counts, activityCount });
    sums.push({ row: r, sum });
  }
  const sumColumn = t.headerOf(cReports ?? countCols.find(([k]) => k === 'none')![1]);
  return { items, ids: new Set(seen.keys()), complete: failed === 0, sums, sheet: t.grid.name, sumColumn };
}

// ---------------------------------------------------------------------------------------------
// Chỉ tiêu theo đơn vị.

interface UnitsRead {
  units: ConsolidatedUnitRow[];
  indicators: ReportIndicator[];
  /** "Số báo cáo" of the "Tổng cộng" row, null when there is no such row or cell. */
  declaredReports: number | null;
  /** False when some unit row had an error and was left out. */
  complete: boolean;
}

function readUnitIndicators(input: ConsolidatedInput, sheet: LocatedSheet | undefined, add: Add): UnitsRead {
  const t = table(sheet);
  if (!t) return { units: [], indicators: [], declaredReports: null, complete: false };
  const header = sheet!.header!;
  const fixed = new Set<number>(header.columns.values());
  // The indicator columns: by "_sokh", else by the standard list's names and codes.
  const indCols = mapIndicatorColumns(input, [], header.headers, fixed, t, add);

  const cCode = t.col('unitCode')!;
  const cName = t.col('unitName');
  const cLevel = t.col('level');
  const cReports = t.col('reports')!;
  const cActivities = t.col('activityCount');
  const substantive = [cCode, ...(cName ? [cName] : []), cReports, ...(cActivities ? [cActivities] : []), ...indCols.map((ic) => ic.col)];

  const units: ConsolidatedUnitRow[] = [];
  const seen = new Map<string, number>();
  let failed = 0;
  let totals: { row: number; reports: number | null; activities: number | null; values: (number | null)[] } | null = null;
  let targets: (number | null)[] | null = null;
  const labelOf = (r: number) => (cName === undefined ? '' : headerKey(cellText(t.grid.value(r, cName))));

  for (let r = t.firstRow; r <= t.grid.rowCount; r++) {
    if (rowIsBlank(t, r, substantive)) continue;
    const code = cellText(t.grid.value(r, cCode));
    const label = labelOf(r);
    let bad = false;
    // An indicator's value may be below zero (a unit's negative adjustment, Điều chỉnh, can take
    // its result there, and the unit report carries it as is); counts and targets may not.
    const num = (c: number | undefined, allowNegative = false): number | null => {
      if (c === undefined) return null;
      const v = take(t, r, c, parseCellCount(t.grid.value(r, c), allowNegative), add);
      if (v === undefined) {
        bad = true;
        return null;
      }
      return v;
    };

    if (code === '' && (label === headerKey(UNIT_INDICATOR_TOTAL_LABEL) || label === headerKey(UNIT_INDICATOR_TARGET_LABEL))) {
      const isTotal = label === headerKey(UNIT_INDICATOR_TOTAL_LABEL);
      if ((isTotal && totals) || (!isTotal && targets)) {
        add('error', { sheet: t.grid.name, row: r, column: t.headerOf(cName!) }, { code: 'total-row-twice', label: isTotal ? UNIT_INDICATOR_TOTAL_LABEL : UNIT_INDICATOR_TARGET_LABEL });
        continue;
      }
      const values = indCols.map((ic) => num(ic.col, isTotal));
      if (isTotal) totals = { row: r, reports: num(cReports), activities: num(cActivities), values };
      else targets = values;
      continue;
    }

    const unitCode = normalizeUnitCode(code);
    const place = { sheet: t.grid.name, row: r, column: t.headerOf(cCode) };
    if (unitCode === '') {
      add('error', place, { code: 'row-unit-code-missing' });
      failed++;
      continue;
    }
    if (seen.has(unitCode)) {
      add('error', place, { code: 'unit-code-duplicate', unit: unitCode, first: seen.get(unitCode)! });
      failed++;
      continue;
    }
    seen.set(unitCode, r);
    let level: UnitLevel | null = null;
    if (cLevel !== undefined) {
      const shown = cellText(t.grid.value(r, cLevel));
      level = parseUnitLevel(shown);
      if (!level) {
        add('error', { sheet: t.grid.name, row: r, column: t.headerOf(cLevel) }, shown === '' ? { code: 'unit-level-missing' } : { code: 'unit-level-invalid', shown });
        bad = true;
      }
    }
    const reports = num(cReports) ?? 0;
    const activityCount = num(cActivities) ?? 0;
    const values: Record<string, number> = {};
    for (const ic of indCols) {
      const v = num(ic.col, true);
      if (v !== null) values[ic.code] = v;
    }
    if (bad) {
      failed++;
      continue;
    }
    units.push({ unitCode, unitName: cName === undefined ? '' : cellText(t.grid.value(r, cName)), level: level ?? 'grassroots', reports, activityCount, values });
  }

  // Totals: declared by the file, checked against the unit rows.
  const sumOf = (f: (u: ConsolidatedUnitRow) => number) => units.reduce((s, u) => s + f(u), 0);
  const found = totals as { row: number; reports: number | null; activities: number | null; values: (number | null)[] } | null;
  if (!found) {
    add('warning', { sheet: t.grid.name }, { code: 'total-row-missing', label: UNIT_INDICATOR_TOTAL_LABEL });
  } else if (failed === 0) {
    const check = (col: number | undefined, declared: number | null, sum: number) => {
      if (col === undefined || declared === null || declared === sum) return;
      add('error', { sheet: t.grid.name, row: found.row, column: t.headerOf(col) }, { code: 'total-differs', label: UNIT_INDICATOR_TOTAL_LABEL, declared, sum });
    };
    check(cReports, found.reports, sumOf((u) => u.reports));
    check(cActivities, found.activities, sumOf((u) => u.activityCount));
    indCols.forEach((ic, i) => check(ic.col, found.values[i] ?? null, sumOf((u) => u.values[ic.code] ?? 0)));
  }

  const standard = new Map(STANDARD_INDICATORS.map((d) => [d.code, d]));
  const targetRow = targets as (number | null)[] | null;
  const indicators: ReportIndicator[] = indCols.map((ic, i) => ({
    code: ic.code,
    name: header.headers.get(ic.col) ?? ic.code,
    unit: input.machine?.get(MACHINE_INDICATOR_UNIT_PREFIX + ic.code) ?? standard.get(ic.code)?.unit ?? '',
    value: found?.values[i] ?? sumOf((u) => u.values[ic.code] ?? 0),
    target: targetRow?.[i] ?? null,
    adjustment: 0,
    adjustmentReason: '',
  }));
  return { units, indicators, declaredReports: found?.reports ?? null, complete: failed === 0 };
}

// ---------------------------------------------------------------------------------------------
// Tình hình nộp báo cáo.

function readCompleteness(input: ConsolidatedInput, sheet: LocatedSheet | undefined, add: Add): CompletenessEntry[] {
  const t: Table | null = table(sheet);
  if (!t) return [];
  const cCode = t.col('unitCode')!;
  const cState = t.col('state')!;
  const cName = t.col('unitName');
  const cAt = t.col('submittedAt');
  const cActivities = t.col('activityCount');
  const substantive = [cCode, cState, ...(cAt ? [cAt] : [])];
  const out: CompletenessEntry[] = [];
  const seen = new Map<string, number>();
  for (let r = t.firstRow; r <= t.grid.rowCount; r++) {
    if (rowIsBlank(t, r, substantive)) continue;
    const unitCode = normalizeUnitCode(cellText(t.grid.value(r, cCode)));
    const place = { sheet: t.grid.name, row: r, column: t.headerOf(cCode) };
    if (unitCode === '') {
      add('error', place, { code: 'row-unit-code-missing' });
      continue;
    }
    if (seen.has(unitCode)) {
      add('error', place, { code: 'unit-code-duplicate', unit: unitCode, first: seen.get(unitCode)! });
      continue;
    }
    seen.set(unitCode, r);
    const state = take(t, r, cState, parseLabel(t.grid.value(r, cState), STATE_OPTIONS), add);
    if (state === undefined) continue;
    if (state === null) {
      add('error', { sheet: t.grid.name, row: r, column: t.headerOf(cState) }, { code: 'state-missing', options: STATE_OPTIONS.map((o) => o.label) });
      continue;
    }
    let submittedAt = '';
    if (cAt !== undefined) {
      const raw = unwrapCell(t.grid.value(r, cAt));
      const shown = cellText(raw);
      const exact = input.machine?.get(MACHINE_SUBMITTED_PREFIX + unitCode) ?? '';
      if (raw instanceof Date) submittedAt = new Date(raw.getTime() - VN_UTC_OFFSET_MS).toISOString();
      else if (shown !== '') {
        submittedAt = exact !== '' && formatInstantVn(exact) === shown ? exact : instantOfVnText(shown);
        if (submittedAt === '') {
          add('error', { sheet: t.grid.name, row: r, column: t.headerOf(cAt) }, { code: 'instant-invalid', shown });
          continue;
        }
      }
    }
    let activityCount = 0;
    if (cActivities !== undefined) {
      const n = take(t, r, cActivities, parseCellCount(t.grid.value(r, cActivities)), add);
      if (n === undefined) continue;
      activityCount = n ?? 0;
    }
    out.push({ unitCode, unitName: cName === undefined ? '' : cellText(t.grid.value(r, cName)), state, submittedAt, activityCount });
  }
  return out;
}
