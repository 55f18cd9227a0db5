/**
 * The figures of «Tổng quan», shaped for its charts and tables (pure: no React, Dexie or DOM).
 *
 * Everything is computed from ONE consolidation (domain/consolidate.ts, read by
 * db/consolidation-ops.ts loadConsolidation), the same one «Tổng hợp» shows, so a chart and the
 * table it summarises can never disagree:
 * - progress per task group: the consolidated items' status counts summed over the group's items;
 * - unit × task group: each contributor's share of those counts (itemShares);
 * - completeness: the consolidation's «Tình hình nộp báo cáo»;
 * - indicators: the consolidated indicators (value, the body's own target);
 * - activities and participants per month: the consolidated activities, split by calendar month
 *   within the period (an NĐ 09/2019 half year 15/12–14/06 gives 7 months, the first and the
 *   last partial), beside the same months of the same period one year earlier.
 *
 * Two scopes: 'consolidated' (a district or a province: every report it holds, its own data
 * included) and 'unit' (a grassroots union looking at its own data). In the unit scope an item
 * without a status counts as «Chưa thực hiện», as on «Kế hoạch» (db/progress.ts progressOf);
 * in the consolidated scope it is «Chưa báo cáo», as on «Tổng hợp».
 */
import { completenessCounts, type ConsolidationResult } from '@domain/consolidate';
import { activityParticipants, indicatorProgressOf, type IndicatorProgress } from '@domain/indicators';
import { daysInMonth, isoDate, type IsoDate, type Period, type PeriodRef } from '@domain/periods';
import { walkPlan, type PlanLike } from '@domain/plan-tree';
import type { PlanNode } from '@domain/plan-types';
import { percentDone } from '@db/progress';
import {
  emptyStatusCounts,
  STATUS_COUNT_KEYS,
  type CompletenessState,
  type ReportActivity,
  type ReportIndicator,
  type StatusCountKey,
  type StatusCounts,
} from '@domain/report';
import { vnOrder } from '@domain/vn-text';
import type { ActivityTally } from '@domain/overview-digest';

export type OverviewScope = 'unit' | 'consolidated';

// ---------------------------------------------------------------------------------------------
// Task groups.

/** A task group of the plan ("III.1" … "III.6", or a section such as "IV" whose items sit directly under it). */
export interface TaskGroup {
  /** The group's node id, also its short label ("III.1", "IV"). */
  id: string;
  title: string;
  /** Its trackable items (subitems included), in plan order. */
  itemIds: string[];
}

/**
 * The task groups of a plan in document order: for every trackable node, the nearest group
 * above it, or its section when it has no group (a trackable section is its own group).
 */
export function taskGroupsOf(plan: PlanLike): TaskGroup[] {
  const groups = new Map<string, TaskGroup>();
  const containerOf = new Map<string, PlanNode>();
  walkPlan(plan, (node, parent) => {
    const inherited = parent ? containerOf.get(parent.id) : undefined;
    const container = node.kind === 'group' || node.kind === 'section' ? node : (inherited ?? node);
    containerOf.set(node.id, container);
    if (!node.trackable) return;
    let group = groups.get(container.id);
    if (!group) groups.set(container.id, (group = { id: container.id, title: container.text, itemIds: [] }));
    group.itemIds.push(node.id);
  });
  return [...groups.values()];
}

// ---------------------------------------------------------------------------------------------
// Progress per task group.

/** Counts of item statuses (reports × items) and the share done. */
export interface ProgressFigure {
  counts: StatusCounts;
  /** Sum of the counts. */
  total: number;
  /** total − không áp dụng. */
  applicable: number;
  done: number;
  /** 0..100 (db/progress.ts percentDone); null when nothing is applicable. */
  percent: number | null;
}

export interface GroupProgress extends ProgressFigure {
  group: TaskGroup;
}

export interface ProgressOverview {
  /** The status keys shown, in legend order (the unit scope has no «Chưa báo cáo»). */
  keys: readonly StatusCountKey[];
  groups: GroupProgress[];
  overall: ProgressFigure;
}

export const UNIT_PROGRESS_KEYS: readonly StatusCountKey[] = ['xong', 'dang', 'chua', 'khong-ap-dung'];
export const CONSOLIDATED_PROGRESS_KEYS: readonly StatusCountKey[] = STATUS_COUNT_KEYS;

export function progressFigure(counts: StatusCounts): ProgressFigure {
  const total = STATUS_COUNT_KEYS.reduce((s, k) => s + counts[k], 0);
  const applicable = total - counts['khong-ap-dung'];
  return { counts, total, applicable, done: counts.xong, percent: applicable > 0 ? percentDone(counts.xong, applicable) : null };
}

function addCounts(into: StatusCounts, from: StatusCounts): void {
  for (const k of STATUS_COUNT_KEYS) into[k] += from[k];
}

/**
 * The status counts of each item. Consolidated: as «Tổng hợp» counts them. Unit: one per item,
 * in the status recorded, «Chưa thực hiện» when none (or when the unit has no data at all).
 */
function itemCounts(result: ConsolidationResult, scope: OverviewScope): Map<string, StatusCounts> {
  const out = new Map<string, StatusCounts>();
  for (const it of result.report.consolidation.items) {
    if (scope === 'consolidated') {
      out.set(it.id, it.counts);
      continue;
    }
    const counts = emptyStatusCounts();
    const recorded = (['xong', 'dang', 'khong-ap-dung'] as const).find((k) => it.counts[k] > 0);
    counts[recorded ?? 'chua'] = 1;
    out.set(it.id, counts);
  }
  return out;
}

/**
 * The stored statuses a progress figure of `key` stands for: in the unit scope «Chưa thực hiện»
 * also counts the items without a status (the consolidation's «Chưa báo cáo»).
 */
export function statusesBehind(progress: Pick<ProgressOverview, 'keys'>, key: StatusCountKey): StatusCountKey[] {
  return progress.keys.includes('none') || key !== 'chua' ? [key] : ['chua', 'none'];
}

export function groupProgress(groups: readonly TaskGroup[], result: ConsolidationResult, scope: OverviewScope): ProgressOverview {
  const byItem = itemCounts(result, scope);
  const overall = emptyStatusCounts();
  const rows = groups.map((group): GroupProgress => {
    const counts = emptyStatusCounts();
    for (const id of group.itemIds) {
      const c = byItem.get(id);
      if (c) addCounts(counts, c);
    }
    addCounts(overall, counts);
    return { group, ...progressFigure(counts) };
  });
  return { keys: scope === 'unit' ? UNIT_PROGRESS_KEYS : CONSOLIDATED_PROGRESS_KEYS, groups: rows, overall: progressFigure(overall) };
}

// ---------------------------------------------------------------------------------------------
// Unit × task group.

/** 'own': this installation's own data; 'other': a contributor that is not an expected unit. */
export type GridRowState = CompletenessState | 'own' | 'other';

export interface GridRow {
  unitCode: string;
  unitName: string;
  state: GridRowState;
  /** Per task group (same order as the groups); null for a unit that has not reported. */
  cells: (ProgressFigure | null)[];
  /** Over every group; null for a unit that has not reported. */
  overall: ProgressFigure | null;
}

/**
 * One row per contributor and per expected unit: the own data first, then the expected units in
 * «Tình hình nộp báo cáo» order (those that have not reported keep their row, with no figures),
 * then any other contributor by name.
 */
export function unitGroupGrid(groups: readonly TaskGroup[], result: ConsolidationResult): GridRow[] {
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.itemIds.forEach((id) => groupOf.set(id, i)));
  const perUnit = new Map<string, StatusCounts[]>();
  for (const c of result.contributors) perUnit.set(c.unitCode, groups.map(emptyStatusCounts));
  for (const [itemId, shares] of Object.entries(result.itemShares)) {
    const g = groupOf.get(itemId);
    if (g === undefined) continue;
    for (const key of STATUS_COUNT_KEYS) {
      for (const share of shares[key]) {
        const cells = perUnit.get(share.unitCode);
        if (cells) cells[g]![key] += share.count;
      }
    }
  }
  const figures = (code: string) => {
    const cells = perUnit.get(code);
    if (!cells) return { cells: groups.map(() => null), overall: null };
    const overall = emptyStatusCounts();
    for (const c of cells) addCounts(overall, c);
    return { cells: cells.map(progressFigure), overall: progressFigure(overall) };
  };
  const rows: GridRow[] = [];
  const seen = new Set<string>();
  for (const c of result.contributors.filter((x) => x.own)) {
    rows.push({ unitCode: c.unitCode, unitName: c.unitName, state: 'own', ...figures(c.unitCode) });
    seen.add(c.unitCode);
  }
  for (const e of result.report.consolidation.completeness) {
    if (seen.has(e.unitCode)) continue;
    rows.push({ unitCode: e.unitCode, unitName: e.unitName, state: e.state, ...figures(e.unitCode) });
    seen.add(e.unitCode);
  }
  for (const c of result.contributors) {
    if (seen.has(c.unitCode)) continue;
    rows.push({ unitCode: c.unitCode, unitName: c.unitName, state: 'other', ...figures(c.unitCode) });
  }
  return rows;
}

/** 'name', 'overall' (the share done over every group) or a task group's id. */
export type GridSortKey = string;
export type SortDirection = 'asc' | 'desc';

/**
 * The rows sorted by name or by a share done (the direction applies to the name or the figure;
 * equal figures by name). Units that have not reported always come last (by name), and so do,
 * in a figure's order, units with nothing applicable in the group.
 */
export function sortGridRows(rows: readonly GridRow[], groups: readonly TaskGroup[], key: GridSortKey, dir: SortDirection): GridRow[] {
  const byName = (a: GridRow, b: GridRow) => vnOrder.compare(a.unitName, b.unitName) || (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0);
  const sign = dir === 'asc' ? 1 : -1;
  if (key === 'name') {
    return [...rows].sort((a, b) => (a.overall === null) !== (b.overall === null) ? (a.overall === null ? 1 : -1) : a.overall === null ? byName(a, b) : sign * byName(a, b));
  }
  const index = groups.findIndex((g) => g.id === key);
  const figure = (r: GridRow) => (key === 'overall' ? r.overall : index >= 0 ? r.cells[index] : null)?.percent ?? null;
  return [...rows].sort((a, b) => {
    const fa = figure(a);
    const fb = figure(b);
    if (fa === null || fb === null) return fa === fb ? byName(a, b) : fa === null ? 1 : -1;
    return sign * (fa - fb) || byName(a, b);
  });
}

// ---------------------------------------------------------------------------------------------
// Indicators against their targets.

export interface IndicatorOverview {
  rows: IndicatorProgress[];
  /** The indicators with a target above 0: the chart's bars. */
  withTarget: IndicatorProgress[];
  /** The indicators whose target is not set (or is 0). */
  withoutTarget: IndicatorProgress[];
}

export function indicatorOverview(indicators: readonly ReportIndicator[]): IndicatorOverview {
  const rows = indicators.map(indicatorProgressOf);
  return { rows, withTarget: rows.filter((r) => r.percent !== null), withoutTarget: rows.filter((r) => r.percent === null) };
}

// ---------------------------------------------------------------------------------------------
// Activities and participants per month.

/** One calendar month of a period, cut to the period's days. */
export interface MonthBucket {
  /** 'YYYY-MM'. */
  key: string;
  start: IsoDate;
  end: IsoDate;
  /** 'MM/YYYY'. */
  label: string;
}

/** The calendar months of [start, end], the first and the last cut to the period. */
export function monthBuckets(period: Pick<Period, 'start' | 'end'>): MonthBucket[] {
  const out: MonthBucket[] = [];
  let year = Number(period.start.slice(0, 4));
  let month = Number(period.start.slice(5, 7));
  const lastKey = period.end.slice(0, 7);
  for (;;) {
    const first = isoDate(year, month, 1);
    const last = isoDate(year, month, daysInMonth(year, month));
    const key = first.slice(0, 7);
    out.push({
      key,
      start: first < period.start ? period.start : first,
      end: last > period.end ? period.end : last,
      label: `${String(month).padStart(2, '0')}/${year}`,
    });
    if (key >= lastKey) return out;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

export interface MonthFigure {
  bucket: MonthBucket;
  activities: number;
  /** Lượt người tham gia of the month's activities (the indicator's rule: activityParticipants). */
  participants: number;
}

/** Activities dated outside the period are not counted (the consolidation leaves them out anyway). */
export function monthlySeries(period: Pick<Period, 'start' | 'end'>, activities: readonly Pick<ReportActivity, 'date' | 'participants' | 'indicators'>[]): MonthFigure[] {
  const buckets = monthBuckets(period);
  const figures = buckets.map((bucket): MonthFigure => ({ bucket, activities: 0, participants: 0 }));
  const index = new Map(buckets.map((b, i) => [b.key, i]));
  for (const a of activities) {
    if (a.date < period.start || a.date > period.end) continue;
    const f = figures[index.get(a.date.slice(0, 7))!]!;
    f.activities += 1;
    f.participants += activityParticipants(a);
  }
  return figures;
}

/** The same period one year earlier ("cùng kỳ năm trước"): its months line up with this one's. */
export function sameTimeLastYear(ref: PeriodRef): PeriodRef {
  return ref.kind === 'quarter' ? { kind: 'quarter', year: ref.year - 1, quarter: ref.quarter ?? 1 } : { kind: ref.kind, year: ref.year - 1 };
}

export interface MonthlyOverview {
  current: MonthFigure[];
  /** The same months one year earlier (by position); null when that period has no activity. */
  previous: MonthFigure[] | null;
  previousName: string;
}

export function monthlyOverview(
  period: Pick<Period, 'start' | 'end'>,
  activities: readonly ReportActivity[],
  previous: { period: Pick<Period, 'start' | 'end' | 'name'>; activities: readonly ReportActivity[] } | null,
): MonthlyOverview {
  const current = monthlySeries(period, activities);
  const before = previous && previous.activities.length > 0 ? monthlySeries(previous.period, previous.activities) : null;
  return { current, previous: before, previousName: previous?.period.name ?? '' };
}

// ---------------------------------------------------------------------------------------------
// Everything at once.

export interface OverviewInput {
  scope: OverviewScope;
  groups: readonly TaskGroup[];
  period: Pick<Period, 'start' | 'end'>;
  result: ConsolidationResult;
  /** The consolidation of the same period one year earlier, when it was read. */
  previous: { period: Pick<Period, 'start' | 'end' | 'name'>; result: ConsolidationResult } | null;
}

export interface Overview {
  scope: OverviewScope;
  progress: ProgressOverview;
  /** Consolidated scope only. */
  grid: GridRow[] | null;
  completeness: Record<CompletenessState, number> & { total: number };
  indicators: IndicatorOverview;
  monthly: MonthlyOverview;
  activityCount: number;
  participants: number;
  /** Reports behind the figures (contributors, a lower body counting for its units). */
  reports: number;
}

export function buildOverview(input: OverviewInput): Overview {
  const { result, period, previous } = input;
  const monthly = monthlyOverview(period, result.report.activities, previous ? { period: previous.period, activities: previous.result.report.activities } : null);
  return overviewOf(input, monthly, result.report.activities.length);
}

/**
 * The per-month series of a tally (domain/overview-digest.ts): the same figures monthlySeries
 * gives for the activities tallied.
 */
export function monthlySeriesOfTally(period: Pick<Period, 'start' | 'end'>, tally: ActivityTally): MonthFigure[] {
  const buckets = monthBuckets(period);
  const figures = buckets.map((bucket): MonthFigure => ({ bucket, activities: 0, participants: 0 }));
  const index = new Map(buckets.map((b, i) => [b.key, i]));
  for (const [date, activities, participants] of tally.days) {
    if (date < period.start || date > period.end) continue;
    const f = figures[index.get(date.slice(0, 7))!]!;
    f.activities += activities;
    f.participants += participants;
  }
  return figures;
}

export interface TalliedOverviewInput extends Omit<OverviewInput, 'previous'> {
  /** The activities of `result`, tallied (its own list is not used). */
  activities: ActivityTally;
  previous: { period: Pick<Period, 'start' | 'end' | 'name'>; activities: ActivityTally } | null;
}

/** buildOverview from a consolidation whose activities come as a tally (db/consolidation-ops.ts loadOverviewFigures). */
export function buildTalliedOverview(input: TalliedOverviewInput): Overview {
  const { period, previous, activities } = input;
  const monthly: MonthlyOverview = {
    current: monthlySeriesOfTally(period, activities),
    previous: previous && previous.activities.count > 0 ? monthlySeriesOfTally(previous.period, previous.activities) : null,
    previousName: previous?.period.name ?? '',
  };
  return overviewOf(input, monthly, activities.count);
}

function overviewOf({ result, scope, groups }: Pick<OverviewInput, 'result' | 'scope' | 'groups'>, monthly: MonthlyOverview, activityCount: number): Overview {
  return {
    scope,
    progress: groupProgress(groups, result, scope),
    grid: scope === 'consolidated' ? unitGroupGrid(groups, result) : null,
    completeness: completenessCounts(result.report.consolidation.completeness),
    indicators: indicatorOverview(result.report.indicators),
    monthly,
    activityCount,
    participants: monthly.current.reduce((s, m) => s + m.participants, 0),
    reports: result.contributors.reduce((s, c) => s + c.reports, 0),
  };
}
