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
import { activityParticipants } from './indicators';
import type { IsoDate } from './periods';
import { isConsolidated, type ReportActivity, type UnitReport } from './report';

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
  const byDay = new Map<string, DayTally>();
  let count = 0;
  for (const t of tallies) {
    count += t.count;
    for (const [date, n, p] of t.days) {
      const day = byDay.get(date);
      if (day) {
        day[1] += n;
        day[2] += p;
      } else byDay.set(date, [date, n, p]);
    }
  }
  return { count, days: [...byDay.values()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)) };
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
    // The values already hold the adjustments: the reduced report adds nothing of its own.
    const values = Object.fromEntries(Object.entries(alone.contributors[0]!.values).filter(([, v]) => v !== 0));
    reduced = {
      ...base,
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

/** A digest as stored (one JSON text: cheap to store and to read back). */
export function packOverviewDigest(d: OverviewDigest): string {
  return JSON.stringify(d);
}

/** A stored digest, or null when it is not one this version makes (the caller makes it again). */
export function unpackOverviewDigest(text: string): OverviewDigest | null {
  try {
    const d = JSON.parse(text) as OverviewDigest;
    return d && d.version === OVERVIEW_DIGEST_VERSION && Array.isArray(d.days) && typeof d.report === 'object' && d.report !== null ? d : null;
  } catch {
    return null;
  }
}
