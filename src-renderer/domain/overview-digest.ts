/**
 * What «Tổng quan» needs of one report, prepared once when the report is filed, so that the first
 * screen of a province never reads 2,000 whole reports and consolidates 80,000 activities at
 * start.
 *
 * A digest holds the report reduced to what consolidate() reads for the figures the overview
 * shows (item statuses or counts, indicator values by the consolidation's own rule, the units a
 * consolidated report covers, how many reports it stands for), plus the activities consolidate()
 * keeps of it counted by day. consolidateDigests() runs the real consolidate() over the reduced
 * reports, so every rule (double counting, late or on time, extra indicators, order) is the one
 * «Tổng hợp» applies; only the activities are tallied instead of listed.
 *
 * Pure: no Dexie, React or DOM.
 */
import { consolidate, type ConsolidateInput, type ConsolidationResult, type Contribution } from './consolidate';
import { ACTIVITY_TYPES } from './activity';
import { activityParticipants, STANDARD_INDICATORS } from './indicators';
import type { IsoDate } from './periods';
import { isConsolidated, STATUS_COUNT_KEYS, type ReportActivity, type StatusCounts, type UnitReport, type WorkbookStatus } from './report';
import type { UnitLevel } from './units';

/** Bumped whenever what a digest holds changes: an older one is made again from its report. */
export const OVERVIEW_DIGEST_VERSION = 1;

/** The activities of one day: how many, and their lượt người tham gia (activityParticipants). */
export type DayTally = [date: string, activities: number, participants: number];

export interface OverviewDigest {
  version: typeof OVERVIEW_DIGEST_VERSION;
  /**
   * The report as consolidate() needs it for the overview's figures; the whole report when it
   * cannot be reduced (a sum consolidate() refuses: it then refuses the reduced set alike).
   */
  report: UnitReport;
  /** The activities consolidate() keeps of the report (a unit's: those within its period), by day, sorted. */
  days: DayTally[];
  activityCount: number;
}

/** One report to consolidate from its digest: a Contribution whose report is the digest's. */
export interface DigestContribution extends Omit<Contribution, 'report'> {
  digest: OverviewDigest;
}

/** What the overview counts of a set of activities: their number, and per day what they add. */
export interface ActivityTally {
  count: number;
  /** Sorted by date. */
  days: DayTally[];
}

/** The tally of activities (all of them: the caller has chosen them). */
export function tallyActivities(activities: readonly Pick<ReportActivity, 'date' | 'participants' | 'indicators'>[]): ActivityTally {
  const byDay = new Map<string, DayTally>();
  for (const a of activities) {
    let day = byDay.get(a.date);
    if (!day) byDay.set(a.date, (day = [a.date, 0, 0]));
    day[1] += 1;
    day[2] += activityParticipants(a);
  }
  return { count: activities.length, days: [...byDay.values()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)) };
}

/** The tallies together. */
export function mergeTallies(tallies: readonly ActivityTally[]): ActivityTally {
  if (tallies.length === 1) return tallies[0]!;
  // A province's 2,000 tallies of a few dozen days each, at every start: plain loops, no tuple per step.
  const index = new Map<string, number>();
  const dates: string[] = [];
  const counts: number[] = [];
  const participants: number[] = [];
  let count = 0;
  for (const t of tallies) {
    count += t.count;
    const days = t.days;
    for (let i = 0; i < days.length; i++) {
      const day = days[i]!;
      let k = index.get(day[0]);
      if (k === undefined) {
        index.set(day[0], (k = dates.length));
        dates.push(day[0]);
        counts.push(0);
        participants.push(0);
      }
      counts[k]! += day[1];
      participants[k]! += day[2];
    }
  }
  const order = dates.map((_, i) => i).sort((x, y) => (dates[x]! < dates[y]! ? -1 : dates[x]! > dates[y]! ? 1 : 0));
  return { count, days: order.map((k): DayTally => [dates[k]!, counts[k]!, participants[k]!]) };
}

/** A row standing in for others: no text, no items, nothing counted unless `indicators` says so. */
function placeholder(id: string, unitCode: string, date: string, indicators: Record<string, number> = {}): ReportActivity {
  const type = ACTIVITY_TYPES[0]!.code;
  return { id, date: date as IsoDate, unitCode, itemIds: [], type, title: '', content: '', location: '', participants: null, evidenceDoc: '', evidenceFile: '', indicators };
}

/**
 * The digest of a report. The report's own consolidation (consolidate() over it alone) gives
 * exactly the values and activities the full consolidation takes of it; the reduced report
 * carries those values in one placeholder activity (a unit's report) or keeps its indicator
 * values (a consolidated one, which carries a placeholder per unit its rows name, for the units
 * it covers).
 */
export function overviewDigestOf(report: UnitReport): OverviewDigest {
  let alone: ConsolidationResult;
  try {
    alone = consolidate({
      unit: { ...report.unit, code: '' },
      plan: report.plan,
      items: [],
      period: report.period,
      indicators: [],
      expectedUnits: [],
      deadline: '',
      contributions: [{ report, submittedAt: report.exportedAt }],
      exportedAt: report.exportedAt,
      exportedBy: '',
      appVersion: '',
    });
  } catch {
    return { version: OVERVIEW_DIGEST_VERSION, report, days: [], activityCount: report.activities.length };
  }
  const { activities } = alone.report;
  const tally = tallyActivities(activities);
  const base = {
    ...report,
    items: report.items.map((it) => ({ ...it, groupTitle: '', text: '', note: '', evidence: '' })),
    indicators: report.indicators.map((i) => ({ ...i, adjustmentReason: '' })),
  } satisfies UnitReport;
  let reduced: UnitReport;
  if (isConsolidated(report)) {
    // coveredUnits() reads the rows' codes and the activities' codes (with their names), in order.
    const firsts = new Map<string, ReportActivity>();
    for (const a of report.activities) if (!firsts.has(a.unitCode)) firsts.set(a.unitCode, a);
    const unitNames: Record<string, string> = {};
    for (const code of firsts.keys()) if (Object.hasOwn(report.consolidation.unitNames, code)) unitNames[code] = report.consolidation.unitNames[code]!;
    reduced = {
      ...base,
      kind: report.kind,
      activities: [...firsts.values()].map((a, i) => placeholder(`p${i}`, a.unitCode, a.date)),
      consolidation: { ...report.consolidation, items: report.consolidation.items.map((it) => ({ ...it, groupTitle: '', text: '' })), unitNames },
    };
  } else {
    // An item without a status counts as one the report does not list; the values already hold
    // the adjustments: the reduced report adds nothing of its own.
    const values = Object.fromEntries(Object.entries(alone.contributors[0]!.values).filter(([, v]) => v !== 0));
    reduced = {
      ...base,
      items: base.items.filter((it) => it.status !== null),
      indicators: base.indicators.map((i) => ({ ...i, adjustment: 0 })),
      // Every date is within an empty period: the placeholder is never left out.
      period: { ...report.period, start: '', end: '' },
      activities: Object.keys(values).length > 0 ? [placeholder('p0', report.unit.code, report.period.start, values)] : [],
    };
  }
  return { version: OVERVIEW_DIGEST_VERSION, report: reduced, days: tally.days, activityCount: tally.count };
}

/**
 * consolidate() over digests: the figures are the full consolidation's (its activities, rows and
 * ids are not: only `activities` counts them).
 */
export function consolidateDigests(input: Omit<ConsolidateInput, 'contributions'> & { contributions: readonly DigestContribution[] }): {
  result: ConsolidationResult;
  activities: ActivityTally;
} {
  const result = consolidate({ ...input, contributions: input.contributions.map(({ digest, ...c }) => ({ ...c, report: digest.report })) });
  const byCode = new Map(input.contributions.map((c) => [c.digest.report.unit.code, c.digest]));
  const counted = result.contributors.map((c) => byCode.get(c.unitCode)!);
  return { result, activities: mergeTallies(counted.map((d) => ({ count: d.activityCount, days: d.days }))) };
}

/**
 * A digest as stored: one JSON text of columns, no field names and none of the report's texts
 * (a province's 2,000 are read at every start: about a kilobyte or two each, not six).
 */
type Packed = [
  version: number,
  kind: UnitReport['kind'],
  formatVersion: number,
  unit: [code: string, name: string, level: UnitLevel, parentName: string],
  period: [key: string, start: string, end: string],
  exportedAt: string,
  items: [id: string, status: WorkbookStatus | null][],
  /** Name and unit only when they are not the standard indicator's of that code. */
  indicators: ([code: string, value: number, target: number | null, adjustment: number] | [code: string, value: number, target: number | null, adjustment: number, name: string, unit: string])[],
  activities: [unitCode: string, date: string, indicators: Record<string, number>][],
  consolidation: null | [items: [id: string, counts: number[]][], units: [code: string, name: string, level: UnitLevel, reports: number][], unitNames: Record<string, string>],
  /** The days' tallies one after another: date, activities, participants, date… */
  days: (string | number)[],
  activityCount: number,
];

const STANDARD = new Map(STANDARD_INDICATORS.map((d) => [d.code, d]));

export function packOverviewDigest(d: OverviewDigest): string {
  const r = d.report;
  const packed: Packed = [
    d.version,
    r.kind,
    r.formatVersion,
    [r.unit.code, r.unit.name, r.unit.level, r.unit.parentName],
    [r.period.key, r.period.start, r.period.end],
    r.exportedAt,
    r.items.map((it) => [it.id, it.status]),
    r.indicators.map((i) => {
      const std = STANDARD.get(i.code);
      return std && std.name === i.name && std.unit === i.unit ? [i.code, i.value, i.target, i.adjustment] : [i.code, i.value, i.target, i.adjustment, i.name, i.unit];
    }),
    r.activities.map((a) => [a.unitCode, a.date, a.indicators]),
    r.consolidation
      ? [
          r.consolidation.items.map((it) => [it.id, STATUS_COUNT_KEYS.map((k) => it.counts[k])]),
          r.consolidation.units.map((u) => [u.unitCode, u.unitName, u.level, u.reports]),
          r.consolidation.unitNames,
        ]
      : null,
    d.days.flat(),
    d.activityCount,
  ];
  return JSON.stringify(packed);
}

/** A stored digest, or null when it is not one this version packed (the caller makes it again). */
export function unpackOverviewDigest(text: string): OverviewDigest | null {
  try {
    return unpacked(JSON.parse(text) as Packed);
  } catch {
    // Not JSON, or not of this shape.
    return null;
  }
}

function unpacked(p: Packed): OverviewDigest | null {
  if (!Array.isArray(p) || p.length !== 12 || p[0] !== OVERVIEW_DIGEST_VERSION) return null;
  const [, kind, formatVersion, [code, name, level, parentName], [key, start, end], exportedAt, items, indicators, activities, consolidation, days, activityCount] = p;
  const report: UnitReport = {
    kind,
    formatVersion,
    unit: { code, name, level, parentName },
    plan: { id: '', number: '', title: '', fingerprint: '' },
    period: { key, name: '', start: start as IsoDate, end: end as IsoDate },
    exportedAt,
    exportedBy: '',
    appVersion: '',
    items: items.map(([id, status]) => ({ id, groupTitle: '', text: '', status, note: '', evidence: '', activityCount: 0 })),
    activities: activities.map(([unitCode, date, values], i) => placeholder(`p${i}`, unitCode, date, values)),
    indicators: indicators.map(([code, value, target, adjustment, name, unit]) => {
      const std = name === undefined ? STANDARD.get(code) : undefined;
      if (name === undefined && !std) throw new Error(`indicator ${code} without a name`);
      return { code, name: std ? std.name : name!, unit: std ? std.unit : unit!, value, target, adjustment, adjustmentReason: '' };
    }),
  };
  if (consolidation) {
    const [cItems, units, unitNames] = consolidation;
    report.consolidation = {
      deadline: '',
      items: cItems.map(([id, counts]) => ({ id, groupTitle: '', text: '', counts: Object.fromEntries(STATUS_COUNT_KEYS.map((k, i) => [k, counts[i] ?? 0])) as StatusCounts, activityCount: 0 })),
      units: units.map(([unitCode, unitName, lvl, reports]) => ({ unitCode, unitName, level: lvl, reports, activityCount: 0, values: {} })),
      completeness: [],
      unitNames,
    };
  }
  const tallies: DayTally[] = [];
  for (let i = 0; i + 2 < days.length; i += 3) tallies.push([days[i] as string, days[i + 1] as number, days[i + 2] as number]);
  return { version: OVERVIEW_DIGEST_VERSION, report, days: tallies, activityCount };
}
