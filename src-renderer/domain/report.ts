/**
 * The report model: what one unit's report, a blank template and a consolidated report hold,
 * whatever carries them. The workbook format (exchange/spec.ts) maps these onto sheets and
 * columns; the database builds them (db/report-query.ts) and the consolidation sums them
 * (consolidate.ts). Sheet names in the comments say where a field is shown to people.
 *
 * Pure module: no React, Dexie, Electron, Node or DOM.
 */
import { activityFieldsOf, type Activity, type ActivityFields } from './activity';
import type { IsoDate } from './periods';
import type { UnitLevel } from './units';

// ---------------------------------------------------------------------------------------------
// Kinds and versions.

/**
 * What a workbook is: one unit's report, the blank template a unit without the app fills in, or
 * a district's / province's consolidation of the reports of the units below it (version 2).
 */
export type WorkbookKind = 'unit-report' | 'template' | 'consolidated';
export const WORKBOOK_KINDS: readonly WorkbookKind[] = ['unit-report', 'template', 'consolidated'];

/**
 * The version a workbook of this kind is written with: the OLDEST version whose reader can read
 * it, so that a CĐCS on a newer build still sends reports an older district build accepts.
 */
export function formatVersionFor(kind: WorkbookKind): number {
  return kind === 'consolidated' ? 2 : 1;
}

// ---------------------------------------------------------------------------------------------
// Status of a plan item.

/**
 * A plan item's status: the codes the database stores (db/types.ts ItemStatusValue is this type)
 * and the labels people read on screen and in a workbook's cells, where an empty cell means "no
 * status recorded" (null). Stored and exchanged: never rename a code or a label.
 */
export type WorkbookStatus = 'chua' | 'dang' | 'xong' | 'khong-ap-dung';
export const WORKBOOK_STATUSES: readonly WorkbookStatus[] = ['chua', 'dang', 'xong', 'khong-ap-dung'];
export const WORKBOOK_STATUS_LABELS: Readonly<Record<WorkbookStatus, string>> = Object.freeze({
  chua: 'Chưa thực hiện',
  dang: 'Đang thực hiện',
  xong: 'Đã hoàn thành',
  'khong-ap-dung': 'Không áp dụng',
});

// ---------------------------------------------------------------------------------------------
// The data a workbook carries.

export interface ReportUnit {
  /** Normalized unit code (domain/units.ts normalizeUnitCode), e.g. "CDCS-0012". */
  code: string;
  name: string;
  level: UnitLevel;
  /**
   * The unit's level as people name it, its kind («LĐLĐ huyện», «Công đoàn ngành»…, see
   * domain/units.ts UnitKind), printed in «Cấp đơn vị»; absent when it is the level's own label.
   */
  levelName?: string;
  /** Name of the body above ('' when unknown). */
  parentName: string;
}

export interface ReportPlan {
  id: string;
  /** "63/KH-LĐLĐ" ('' when the plan has none). */
  number: string;
  title: string;
  /** planFingerprint() of the plan's items, "fnv1a64:…". */
  fingerprint: string;
}

/** In a template made without a period, every field is '' (the reader then reports none). */
export interface ReportPeriod {
  /** "2025-H1", "2025-Y", "2025-Q1" (domain/periods.ts periodKey). */
  key: string;
  /** "6 tháng đầu năm 2025". */
  name: string;
  start: IsoDate;
  end: IsoDate;
}

export interface ReportItem {
  /** Plan item id, e.g. "III.2.4". */
  id: string;
  /** Text of the group the item belongs to ('' when none). */
  groupTitle: string;
  text: string;
  status: WorkbookStatus | null;
  /** Đánh giá. */
  note: string;
  /** Minh chứng. */
  evidence: string;
  /** Number of the unit's activities in the period linked to this item. */
  activityCount: number;
  /** The item's number as printed in the plan ("a)", "1.1."), in column "Số mục"; absent when none. */
  label?: string;
  /**
   * What the plan printed with the item, by "Tiến độ" column ("Thời gian thực hiện" → "Quý
   * I/2025", progressColumns); absent when none. Written for people; a reader gives it back.
   */
  attributes?: Record<string, string>;
}

/**
 * One row of "Hoạt động": the activity's own fields (domain/activity.ts), without the plan, the
 * record times or the trash flag. `id` is the row identity ("Mã dòng"): a UUID, or '' for a
 * row a person added by hand.
 */
export type ReportActivity = Pick<Activity, 'id'> & ActivityFields;

/** A row's fields copied out of an activity (or another row), lists and maps not shared. */
export function reportActivityOf(a: ReportActivity): ReportActivity {
  return { id: a.id, ...activityFieldsOf(a) };
}

export interface ReportIndicator {
  code: string;
  name: string;
  /** Đơn vị tính. */
  unit: string;
  /** The unit's result for the period: activities' sum plus the adjustment. */
  value: number;
  /** Chỉ tiêu giao, null when none was set. */
  target: number | null;
  /** Manual adjustment included in `value` (0 when none). */
  adjustment: number;
  adjustmentReason: string;
}

export interface UnitReport {
  kind: WorkbookKind;
  formatVersion: number;
  unit: ReportUnit;
  plan: ReportPlan;
  period: ReportPeriod;
  /** ISO instant, e.g. "2025-06-14T02:30:00.000Z". */
  exportedAt: string;
  /** Who exported ('' when unknown). */
  exportedBy: string;
  appVersion: string;
  items: ReportItem[];
  activities: ReportActivity[];
  indicators: ReportIndicator[];
  /** Present exactly when kind is 'consolidated' (see ConsolidatedReport). */
  consolidation?: Consolidation;
  /**
   * A hand-filled template only: the date the unit typed in «Ngày lập báo cáo»
   * (TEMPLATE_REPORT_DATE_FIELD); absent when it typed none.
   */
  reportDate?: IsoDate;
}

// ---------------------------------------------------------------------------------------------
// Consolidation (kind 'consolidated', format version 2).
//
// A consolidated report is a UnitReport whose `unit` is the consolidating body (a district or a
// province), with:
// - `items`: the plan's trackable items, `status` null, note/evidence '', `activityCount` the
//   number of activities of every contributor linked to the item;
// - `activities`: every contributor's activities, each keeping its own `unitCode` (the CĐCS that
//   did it, also at the province), `id` = the row identity as stored by the consolidating body;
// - `indicators`: the totals (value = sum over `consolidation.units`; target = the consolidating
//   body's own target, null when none; adjustment 0, the units' adjustments are inside their values);
// - `consolidation`: the figures below. Every number sums across levels: a province that imports
//   its districts' consolidated reports adds their counts, so its totals equal the sum of the
//   districts' totals, which equal the sums over their units.

/** Columns of "Tổng hợp theo nhiệm vụ": one per status plus 'none' (the unit gave no status). */
export type StatusCountKey = WorkbookStatus | 'none';
export const STATUS_COUNT_KEYS: readonly StatusCountKey[] = ['xong', 'dang', 'chua', 'khong-ap-dung', 'none'];
export const STATUS_COUNT_LABELS: Readonly<Record<StatusCountKey, string>> = Object.freeze({
  ...WORKBOOK_STATUS_LABELS,
  none: 'Chưa báo cáo',
});
export type StatusCounts = Record<StatusCountKey, number>;

export function emptyStatusCounts(): StatusCounts {
  return { xong: 0, dang: 0, chua: 0, 'khong-ap-dung': 0, none: 0 };
}

/** One row of "Tổng hợp theo nhiệm vụ". */
export interface ConsolidatedItem {
  id: string;
  groupTitle: string;
  text: string;
  /** How many unit reports give each status (a lower body's consolidated counts are added). */
  counts: StatusCounts;
  /** Activities of all contributors linked to the item. */
  activityCount: number;
}

/**
 * One row of "Chỉ tiêu theo đơn vị": a direct contributor (a unit whose report was imported,
 * a lower body whose consolidated report was imported, or the consolidating body's own data).
 */
export interface ConsolidatedUnitRow {
  unitCode: string;
  unitName: string;
  level: UnitLevel;
  /** How many unit reports the row stands for: 1 for a unit report, a lower body's own total. */
  reports: number;
  activityCount: number;
  /** Indicator code → the contributor's value for the period (activities' sum + adjustment). */
  values: Record<string, number>;
}

/** Tình hình nộp báo cáo. */
export type CompletenessState = 'da-nop' | 'nop-muon' | 'chua-nop';
export const COMPLETENESS_STATE_LABELS: Readonly<Record<CompletenessState, string>> = Object.freeze({
  'da-nop': 'Đã nộp',
  'nop-muon': 'Nộp muộn',
  'chua-nop': 'Chưa nộp',
});

/** One row of "Tình hình nộp báo cáo": an expected (active, direct subordinate) unit. */
export interface CompletenessEntry {
  unitCode: string;
  unitName: string;
  state: CompletenessState;
  /** ISO instant the report counts as handed in; '' when chưa nộp. */
  submittedAt: string;
  /** Activities in its report (0 when chưa nộp). */
  activityCount: number;
}

export interface Consolidation {
  /** The deadline set for the period ('YYYY-MM-DD', inclusive, Vietnam time), '' when none. */
  deadline: IsoDate | '';
  items: ConsolidatedItem[];
  units: ConsolidatedUnitRow[];
  completeness: CompletenessEntry[];
  /** Name of every unit code that appears in `activities` (for the "Tên đơn vị" column). */
  unitNames: Record<string, string>;
}

/** A UnitReport with kind 'consolidated' always carries its consolidation. */
export type ConsolidatedReport = UnitReport & { kind: 'consolidated'; consolidation: Consolidation };

export function isConsolidated(report: UnitReport): report is ConsolidatedReport {
  return report.kind === 'consolidated' && report.consolidation !== undefined;
}

/** The completeness counts "Thông tin" shows. */
export function completenessCounts(c: Pick<Consolidation, 'completeness'>): Record<CompletenessState, number> {
  const out: Record<CompletenessState, number> = { 'da-nop': 0, 'nop-muon': 0, 'chua-nop': 0 };
  for (const e of c.completeness) out[e.state]++;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rules about a report as a whole.

/**
 * The unit codes a submission files data under: the sender's own, and for a consolidated
 * report every CĐCS its activities came from (so a unit can be found, and kept from deletion,
 * by any report that carries its data).
 */
export function submissionUnitCodes(unitCode: string, report: UnitReport): string[] {
  const codes = new Set([unitCode]);
  if (isConsolidated(report)) for (const a of report.activities) if (a.unitCode) codes.add(a.unitCode);
  return [...codes];
}
