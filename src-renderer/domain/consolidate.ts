/**
 * Consolidation ("Tổng hợp"): the pure function that turns the reports a district's or
 * a province's installation holds for one plan and period into ONE ConsolidatedReport
 * (report.ts, kind 'consolidated'), plus what the screen needs to open every figure.
 *
 * Pure module: no Dexie, React, DOM or clock. Same inputs → same output (the export instant is
 * an input), and the order of the contributions does not matter.
 *
 * Rules:
 * - A contribution is one report the consolidating body holds: a unit's report or hand-filled
 *   template (kind 'unit-report' / 'template'), a lower body's consolidated report (kind
 *   'consolidated'), or the body's OWN data (own: true; the caller passes it only when it has
 *   any activity, status or indicator value in the period). One contribution per unit code.
 * - "Theo nhiệm vụ" (consolidation.items): for every trackable item of the plan, in plan order,
 *   a unit report adds 1 to the column of its status for that item (null status, or an item the
 *   report does not list → 'none', "Chưa báo cáo"); a consolidated contribution adds its own
 *   counts for the item (an item it does not list adds its `reports` to 'none'). So for every
 *   item the counts sum to the number of unit reports behind the consolidation, at every level.
 *   Items a report carries that the plan does not have are ignored (the import showed them).
 * - activityCount of an item = the consolidated activities that list it.
 * - "Chỉ tiêu theo đơn vị" (consolidation.units): one row per contribution (own row first,
 *   then by name, then code). A unit report's or template's row: per indicator, the sum over its
 *   activities (activityIndicatorValues: the "lượt người" rule) plus its adjustment (Điều chỉnh)
 *   — exactly what the import stores and sums for that unit (domain/merge.ts), so a hand-filled
 *   template whose "Kết quả" cells are empty, or a file whose results were edited by hand,
 *   counts what its rows say; reports = 1. A lower body's row: its totals (its indicators'
 *   values), reports = the sum of its rows' reports. The own row (built by report-query from
 *   the same sums): reports = 1.
 * - indicators: the given definitions in order, then any other code a row carries (sorted),
 *   value = the sum of the rows' values, target = the consolidating body's own target (null
 *   when none), adjustment 0 (the units' adjustments are inside their values).
 * - A unit report's or template's activities dated outside its period (the reader warns about
 *   them) are left out, as the period's sums of the stored data leave them out.
 * - activities: every contributor's activities, each keeping its own unitCode (a unit report's
 *   rows get the report's unit code; a consolidated report's rows keep the CĐCS that did them),
 *   sorted by date, unit code, id. `id` is the row identity as stored here: for an imported
 *   submission with a known file hash, importedActivityId(scope, sourceId) as the import stores
 *   it (domain/merge.ts); else the row's own id (a row without one gets one derived from the
 *   contributor and its position). unitNames: a unit report's unit name; a consolidated
 *   report's own unitNames (its code when missing).
 * - each unit is counted once (domain/double-count.ts): a unit's own report that a consolidated
 *   contribution already covers is left out of every figure, activity and row (listed in
 *   `countedElsewhere`); two consolidated contributions covering one unit are listed in
 *   `coveredTwice`. Completeness still sees the unit's own report.
 * - completeness: every expected unit (active direct subordinates, in the given order), never
 *   the own unit: chưa nộp without a contribution; nộp muộn when its submittedAt is at or after
 *   00:00 Vietnam time (UTC+7) of the day after the deadline; else đã nộp. No deadline: never
 *   late. activityCount = the activities of its report.
 */
import {
  formatVersionFor,
  isConsolidated,
  reportActivityOf,
  STATUS_COUNT_KEYS,
  emptyStatusCounts,
  type CompletenessEntry,
  type ConsolidatedItem,
  type ConsolidatedReport,
  type ConsolidatedUnitRow,
  type ReportActivity,
  type ReportIndicator,
  type ReportItem,
  type ReportPeriod,
  type ReportPlan,
  type ReportUnit,
  type StatusCountKey,
  type UnitReport,
} from './report';
import { coveredUnits, findDoubleCounts, type CodeClash, type CountedElsewhere, type CoveredTwice } from './double-count';
import { activityIndicatorValues } from './indicators';
import { deterministicUuid, incomingActivities } from './merge';
import type { IsoDate } from './periods';
import type { UnitLevel } from './units';
import { VN_UTC_OFFSET_MS } from './vn-time';
import { vnOrder } from './vn-text';

/**
 * Where a report's «Thời điểm nộp» comes from: an app-made report's export instant (when it was
 * finished; the clerk may import a batch days later); for a hand-filled template (whose export
 * time is the blank template's) the «Ngày lập báo cáo» the unit typed in «Thông tin», that day at
 * 00:00 Vietnam time, else the instant it was imported here.
 */
export type SubmittedSource = 'exported' | 'report-date' | 'imported';

/** A report's «Thời điểm nộp» and where it comes from (see SubmittedSource). */
export function submissionTime(s: { report: Pick<UnitReport, 'kind' | 'reportDate'>; exportedAt: string; importedAt: string }): { at: string; source: SubmittedSource } {
  if (s.report.kind !== 'template') return { at: s.exportedAt, source: 'exported' };
  const d = s.report.reportDate;
  if (d && /^\d{4}-\d{2}-\d{2}$/.test(d)) return { at: new Date(deadlineEnd(d) - 86_400_000).toISOString(), source: 'report-date' };
  return { at: s.importedAt, source: 'imported' };
}

/** What the screens say beside a «Thời điểm nộp» that is not an export instant. */
export const SUBMITTED_SOURCE_NOTES: Record<SubmittedSource, string> = {
  exported: '',
  'report-date': 'ngày đơn vị ghi trong tệp',
  imported: 'lúc nhập tệp: mẫu điền tay không ghi «Ngày lập báo cáo»',
};

export interface ConsolidationIndicatorDef {
  code: string;
  name: string;
  /** Đơn vị tính. */
  unit: string;
  /** The consolidating body's own target for the period, null when none. */
  target: number | null;
}

export interface ExpectedUnit {
  code: string;
  name: string;
  level: UnitLevel;
}

export interface Contribution {
  report: UnitReport;
  /** ISO instant the report counts as handed in (see submissionTime). */
  submittedAt: string;
  /** Where submittedAt comes from (default 'exported'). */
  submittedSource?: SubmittedSource;
  submissionId?: string;
  /** SHA-256 of the imported file: the stored activity ids are derived from it. */
  fileHash?: string;
  /** The plan the submission is filed under (default: the consolidation's plan). */
  planId?: string;
  /** The consolidating body's own data. */
  own?: boolean;
  /** The unit's parent as the directory records it (tells a unit from another with its code). */
  parentCode?: string;
}

export interface ConsolidateInput {
  /** The consolidating body. */
  unit: ReportUnit;
  plan: ReportPlan;
  /** The plan's trackable items, in plan order. */
  items: readonly Pick<ReportItem, 'id' | 'groupTitle' | 'text'>[];
  period: ReportPeriod;
  indicators: readonly ConsolidationIndicatorDef[];
  expectedUnits: readonly ExpectedUnit[];
  /** Inclusive, Vietnam time; '' when none. */
  deadline: IsoDate | '';
  contributions: readonly Contribution[];
  exportedAt: string;
  exportedBy: string;
  appVersion: string;
}

/** A contribution as the screen shows it: one row of "Chỉ tiêu theo đơn vị" and its source. */
export interface Contributor {
  unitCode: string;
  unitName: string;
  level: UnitLevel;
  kind: UnitReport['kind'];
  own: boolean;
  submissionId: string | null;
  submittedAt: string;
  reports: number;
  activityCount: number;
  values: Record<string, number>;
}

/** Who stands behind one status figure of one item: a contributor and how many reports. */
export interface StatusShare {
  unitCode: string;
  count: number;
}

export interface ConsolidationResult {
  report: ConsolidatedReport;
  /** In the order of report.consolidation.units. */
  contributors: Contributor[];
  /** itemId → status → the contributors that add to it (count > 0 only), in contributor order. */
  itemShares: Record<string, Record<StatusCountKey, StatusShare[]>>;
  /** For each activity of report.activities (same index): the unit code of its contributor. */
  activityContributors: string[];
  /** Units' own reports left out because a consolidated contribution counts them (ids: contributor unit codes). */
  countedElsewhere: CountedElsewhere[];
  /** Units two consolidated contributions both cover (counted twice; ids: contributor unit codes). */
  coveredTwice: CoveredTwice[];
  /** Codes a consolidated contribution lists for another unit than the one reporting under it. */
  codeClashes: CodeClash[];
  /** Unit code → where its «Thời điểm nộp» comes from, for each contribution not exported by an app. */
  submittedSources: Record<string, SubmittedSource>;
}

/** The first instant after a deadline day (00:00 of the next day, Vietnam time). */
export function deadlineEnd(deadline: IsoDate): number {
  const [y, m, d] = deadline.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d + 1) - VN_UTC_OFFSET_MS;
}

/** Submitted after the deadline day (Vietnam time)? Never late without a deadline. */
export function isLate(submittedAt: string, deadline: IsoDate | ''): boolean {
  if (deadline === '') return false;
  return Date.parse(submittedAt) >= deadlineEnd(deadline);
}

const byName = (a: { unitName: string; unitCode: string }, b: { unitName: string; unitCode: string }) =>
  vnOrder.compare(a.unitName, b.unitName) || (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0);

/** A consolidation that cannot be made: `code` is stable, the message is the officer's (Vietnamese). */
export class ConsolidationError extends Error {
  constructor(
    readonly code: 'duplicate-contribution' | 'sum-too-large',
    /** The unit code, or what was summed. */
    readonly subject: string,
  ) {
    super(
      code === 'duplicate-contribution'
        ? `Không tổng hợp được: đơn vị ${subject} có hai báo cáo đang dùng cho cùng kế hoạch và kỳ. Hãy vào «Nhập dữ liệu» → «Lịch sử nhập» và rút một trong hai.`
        : `Không tổng hợp được: tổng «${subject}» quá lớn để tính.`,
    );
    this.name = 'ConsolidationError';
  }
}

function addSafe(a: number, b: number, what: string): number {
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new ConsolidationError('sum-too-large', what);
  return s;
}

/** How many unit reports a consolidated report stands for. */
export function reportsOf(report: UnitReport): number {
  if (!isConsolidated(report)) return 1;
  return report.consolidation.units.reduce((s, u) => s + u.reports, 0);
}

interface Prepared {
  contribution: Contribution;
  contributor: Contributor;
  activities: ReportActivity[];
  unitNames: Record<string, string>;
}

function prepare(c: Contribution, planId: string): Prepared {
  const r = c.report;
  const consolidated = isConsolidated(r);
  const scope = { unitCode: r.unit.code, planId: c.planId ?? planId, periodKey: r.period.key };
  const stored = c.fileHash !== undefined ? incomingActivities(r, c.fileHash, scope) : null;
  const seen = new Set<string>();
  const { start, end } = r.period;
  const inPeriod = (date: string) => consolidated || start === '' || end === '' || (start <= date && date <= end);
  const activities: ReportActivity[] = [];
  r.activities.forEach((a, index) => {
    const row = reportActivityOf(a);
    if (!consolidated || row.unitCode === '') row.unitCode = r.unit.code;
    if (stored) row.id = stored[index]!.storedId;
    else if (row.id === '' || seen.has(row.id)) row.id = deterministicUuid(`consolidated-row\u0000${r.unit.code}\u0000${index}`);
    seen.add(row.id);
    if (inPeriod(row.date)) activities.push(row);
  });
  const unitNames: Record<string, string> = {};
  for (const a of activities) {
    unitNames[a.unitCode] = consolidated ? (r.consolidation.unitNames[a.unitCode] ?? (a.unitCode === r.unit.code ? r.unit.name : a.unitCode)) : r.unit.name;
  }
  const values: Record<string, number> = {};
  if (consolidated) {
    for (const ind of r.indicators) values[ind.code] = addSafe(values[ind.code] ?? 0, ind.value, ind.code);
  } else {
    for (const ind of r.indicators) values[ind.code] = addSafe(values[ind.code] ?? 0, ind.adjustment, ind.code);
    for (const a of activities) {
      for (const [code, v] of Object.entries(activityIndicatorValues(a))) values[code] = addSafe(values[code] ?? 0, v, code);
    }
  }
  return {
    contribution: c,
    activities,
    unitNames,
    contributor: {
      unitCode: r.unit.code,
      unitName: r.unit.name,
      level: r.unit.level,
      kind: r.kind,
      own: c.own === true,
      submissionId: c.submissionId ?? null,
      submittedAt: c.submittedAt,
      reports: reportsOf(r),
      activityCount: activities.length,
      values,
    },
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function consolidate(input: ConsolidateInput): ConsolidationResult {
  const all = input.contributions.map((c) => prepare(c, input.plan.id));
  const codes = new Set<string>();
  for (const p of all) {
    if (codes.has(p.contributor.unitCode)) throw new ConsolidationError('duplicate-contribution', p.contributor.unitCode);
    codes.add(p.contributor.unitCode);
  }
  // One scope (this plan and period): ids are the contributors' unit codes, unique here.
  const { leftOut, coveredTwice, codeClashes } = findDoubleCounts(
    all.map((p) => ({
      id: p.contributor.unitCode,
      unitCode: p.contributor.unitCode,
      unitName: p.contributor.unitName,
      ...(p.contribution.parentCode ? { parentCode: p.contribution.parentCode } : {}),
      planId: input.plan.id,
      periodKey: input.period.key,
      covers: p.contributor.own ? new Map<string, string>() : coveredUnits(p.contribution.report),
    })),
  );
  const prepared = all.filter((p) => p.contributor.own || !leftOut.has(p.contributor.unitCode));
  prepared.sort((a, b) => Number(b.contributor.own) - Number(a.contributor.own) || byName(a.contributor, b.contributor));
  const contributors = prepared.map((p) => p.contributor);

  // Theo nhiệm vụ. Each report's rows by item id once (the first row of an id, as a search from
  // the top finds it): a province's 2,000 reports × the plan's items, not × the items again.
  const rowsById = prepared.map((p) => {
    const r = p.contribution.report;
    const byId = new Map<string, ConsolidatedItem | ReportItem>();
    for (const x of isConsolidated(r) ? r.consolidation.items : r.items) if (!byId.has(x.id)) byId.set(x.id, x);
    return byId;
  });
  const itemShares: ConsolidationResult['itemShares'] = {};
  const items: ConsolidatedItem[] = input.items.map((it) => {
    const counts = emptyStatusCounts();
    const shares = Object.fromEntries(STATUS_COUNT_KEYS.map((k) => [k, [] as StatusShare[]])) as Record<StatusCountKey, StatusShare[]>;
    prepared.forEach((p, i) => {
      const add = (key: StatusCountKey, n: number) => {
        if (n <= 0) return;
        counts[key] = addSafe(counts[key], n, 'reports');
        shares[key].push({ unitCode: p.contributor.unitCode, count: n });
      };
      const row = rowsById[i]!.get(it.id);
      if (isConsolidated(p.contribution.report)) {
        if (row) for (const k of STATUS_COUNT_KEYS) add(k, (row as ConsolidatedItem).counts[k]);
        else add('none', p.contributor.reports);
      } else {
        add((row as ReportItem | undefined)?.status ?? 'none', 1);
      }
    });
    itemShares[it.id] = shares;
    return { id: it.id, groupTitle: it.groupTitle, text: it.text, counts, activityCount: 0 };
  });

  // Hoạt động.
  const tagged = prepared.flatMap((p) => p.activities.map((a) => ({ a, by: p.contributor.unitCode })));
  tagged.sort((x, y) => cmp(x.a.date, y.a.date) || cmp(x.a.unitCode, y.a.unitCode) || cmp(x.a.id, y.a.id) || cmp(x.by, y.by));
  const activities = tagged.map((t) => t.a);
  const itemIndex = new Map(items.map((it) => [it.id, it]));
  for (const a of activities) for (const id of new Set(a.itemIds)) {
    const it = itemIndex.get(id);
    if (it) it.activityCount++;
  }
  const unitNames: Record<string, string> = {};
  for (const p of prepared) Object.assign(unitNames, p.unitNames);
  const sortedNames = Object.fromEntries(Object.entries(unitNames).sort(([a], [b]) => cmp(a, b)));

  // Chỉ tiêu theo đơn vị and totals.
  const units: ConsolidatedUnitRow[] = contributors.map((c) => ({
    unitCode: c.unitCode,
    unitName: c.unitName,
    level: c.level,
    reports: c.reports,
    activityCount: c.activityCount,
    values: { ...c.values },
  }));
  const defs = new Map(input.indicators.map((d) => [d.code, d]));
  const extraNames = new Map<string, { name: string; unit: string }>();
  for (const p of prepared) {
    for (const ind of p.contribution.report.indicators) {
      if (!defs.has(ind.code) && !extraNames.has(ind.code)) extraNames.set(ind.code, { name: ind.name, unit: ind.unit });
    }
  }
  const indicators: ReportIndicator[] = [
    ...input.indicators.map((d) => ({ code: d.code, name: d.name, unit: d.unit, target: d.target })),
    ...[...extraNames.keys()].sort(cmp).map((code) => ({ code, ...extraNames.get(code)!, target: null })),
  ].map((d) => ({
    code: d.code,
    name: d.name,
    unit: d.unit,
    value: units.reduce((s, u) => addSafe(s, u.values[d.code] ?? 0, d.code), 0),
    target: d.target,
    adjustment: 0,
    adjustmentReason: '',
  }));

  // Tình hình nộp báo cáo: a unit counted through a consolidated report still handed its own in.
  const byCode = new Map(all.filter((p) => !p.contributor.own).map((p) => [p.contributor.unitCode, p.contributor]));
  const completeness: CompletenessEntry[] = input.expectedUnits
    .filter((u) => u.code !== input.unit.code)
    .map((u) => {
      const c = byCode.get(u.code);
      if (!c) return { unitCode: u.code, unitName: u.name, state: 'chua-nop', submittedAt: '', activityCount: 0 };
      return {
        unitCode: u.code,
        unitName: u.name,
        state: isLate(c.submittedAt, input.deadline) ? 'nop-muon' : 'da-nop',
        submittedAt: c.submittedAt,
        activityCount: c.activityCount,
      };
    });

  const report: ConsolidatedReport = {
    kind: 'consolidated',
    formatVersion: formatVersionFor('consolidated'),
    unit: { ...input.unit },
    plan: { ...input.plan },
    period: { ...input.period },
    exportedAt: input.exportedAt,
    exportedBy: input.exportedBy,
    appVersion: input.appVersion,
    items: items.map((it) => ({ id: it.id, groupTitle: it.groupTitle, text: it.text, status: null, note: '', evidence: '', activityCount: it.activityCount })),
    activities,
    indicators,
    consolidation: { deadline: input.deadline, items, units, completeness, unitNames: sortedNames },
  };
  return {
    report,
    contributors,
    itemShares,
    activityContributors: tagged.map((t) => t.by),
    countedElsewhere: [...leftOut.values()],
    coveredTwice,
    codeClashes,
    submittedSources: Object.fromEntries(
      input.contributions.filter((c) => (c.submittedSource ?? 'exported') !== 'exported').map((c) => [c.report.unit.code, c.submittedSource!]),
    ),
  };
}

/** The completeness counts (Đã nộp · Nộp muộn · Chưa nộp, of total). */
export function completenessCounts(entries: readonly CompletenessEntry[]): Record<CompletenessEntry['state'], number> & { total: number } {
  const out = { 'da-nop': 0, 'nop-muon': 0, 'chua-nop': 0, total: entries.length };
  for (const e of entries) out[e.state]++;
  return out;
}
