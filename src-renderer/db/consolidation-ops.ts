/**
 * Consolidation ("Tổng hợp") and completeness ("Tình hình nộp báo cáo") for one plan
 * and period, read in ONE transaction so the figures agree with each other:
 *
 *   const data = await loadConsolidation({ planId, period, exportedBy, appVersion });
 *   data.result.report               // the ConsolidatedReport (exchange/spec.ts) to export
 *   await setReportDeadline(planId, period.key, '2025-06-20');
 *
 * What is read: the active submissions of the plan and period (their stored reports), the own
 * unit's report for the period (report-query.ts buildUnitReport; it contributes only when it has
 * an activity, a status or a non-zero indicator), the expected units (active units directly
 * under the own unit, domain/units.ts isDirectlyUnder; every other active unit when the own
 * unit is unknown) and the deadline
 * stored for the plan and period (setting `reportDeadlines`, key "planId|periodKey"). The rules
 * are in domain/consolidate.ts.
 */
import { isDirectlyUnder, unitIdentity } from '@domain/units';
import { knownUnitKinds } from './unit-ops';
import { consolidate, isLate, submissionTime, type ConsolidateInput, type ConsolidationResult, type Contribution, type ExpectedUnit, type SubmittedSource } from '@domain/consolidate';
import { consolidateDigests, overviewDigestOf, type ActivityTally, type DigestContribution } from '@domain/overview-digest';
import { digestsOf, OVERVIEW_DIGEST_TABLES } from './overview-digests';
import { isValidIsoDate, type IsoDate, type Period } from '@domain/periods';
import { planFingerprint } from '@domain/plan-tree';
import { compareInstants } from '@domain/merge';
import type { CompletenessState, UnitReport } from '@domain/report';
import { ACTIVITY_TABLES } from './activity-read';
import { db } from './db';
import { OperationError } from './errors';
import { getSetting } from './settings-ops';
import { planReportItems } from '@exchange/plan-items';
import { buildUnitReport } from './report-query';
import type { SubmissionRecord, UnitRecord } from './types';
import { vnOrder } from '@domain/vn-text';

/** The settings key of a plan's period deadline. */
export function deadlineKey(planId: string, periodKey: string): string {
  return `${planId}|${periodKey}`;
}

/** The deadline stored for a plan and period ('' when none). */
export async function getReportDeadline(planId: string, periodKey: string): Promise<IsoDate | ''> {
  const all = (await getSetting('reportDeadlines')) ?? {};
  return all[deadlineKey(planId, periodKey)] ?? '';
}

/** Stores (or with '' removes) the deadline of a plan and period, in one transaction. */
export async function setReportDeadline(planId: string, periodKey: string, deadline: IsoDate | ''): Promise<void> {
  const value = deadline.trim();
  if (value !== '' && !isValidIsoDate(value)) throw new OperationError(`Hạn nộp: «${deadline}» không phải là ngày hợp lệ.`, 'deadline');
  await db.transaction('rw', db.settings, async () => {
    const all = { ...((await getSetting('reportDeadlines')) ?? {}) };
    if (value === '') delete all[deadlineKey(planId, periodKey)];
    else all[deadlineKey(planId, periodKey)] = value;
    await db.settings.put({ key: 'reportDeadlines', value: all });
  });
}

/**
 * When a submission counts as handed in (domain/consolidate.ts submissionTime): the export
 * instant of an app-made report; for a hand-filled template the «Ngày lập báo cáo» typed in it,
 * else its import instant (its export time is when the blank template was made).
 */
export function submittedAt(s: Pick<SubmissionRecord, 'exportedAt' | 'importedAt' | 'report'>): string {
  return submissionTime(s).at;
}

interface DirectoryRead {
  own: UnitRecord | undefined;
  expected: UnitRecord[];
  /** Each unit's parent as the directory records it (code → parent code). */
  parents: Map<string, string>;
  deadline: IsoDate | '';
}

interface ScopeRead extends DirectoryRead {
  active: SubmissionRecord[];
}

/** Expected units and the deadline (inside the caller's transaction). */
async function readDirectory(planId: string, periodKey: string): Promise<DirectoryRead> {
  const ownCode = await getSetting('ownUnitCode');
  const own = ownCode ? await db.units.get(ownCode) : undefined;
  const units = await db.units.toArray();
  const parents = new Map(units.map((u) => [u.code, u.parentCode ?? '']));
  const expected = units
    .filter((u) => u.active && u.code !== ownCode && (own === undefined || isDirectlyUnder(u, own)))
    .sort((a, b) => vnOrder.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
  const deadline = await getReportDeadline(planId, periodKey);
  return { own, expected, parents, deadline };
}

const activeSubmissions = (planId: string, periodKey: string) => db.submissions.where('[planId+periodKey+state]').equals([planId, periodKey, 'active']);

/** Expected units, active submissions and the deadline (inside the caller's transaction). */
async function readScope(planId: string, periodKey: string): Promise<ScopeRead> {
  const directory = await readDirectory(planId, periodKey);
  return { ...directory, active: await activeSubmissions(planId, periodKey).toArray() };
}

export interface LoadConsolidationInput {
  planId: string;
  period: Pick<Period, 'key' | 'name' | 'start' | 'end'>;
  exportedBy?: string;
  appVersion?: string;
  /** The export instant (default: now). */
  now?: Date;
}

export interface ConsolidationData {
  result: ConsolidationResult;
  deadline: IsoDate | '';
  /** Active submissions of the plan and period. */
  submissions: number;
  /** The own unit's data is one of the contributions. */
  ownIncluded: boolean;
}

function hasData(r: UnitReport): boolean {
  return r.activities.length > 0 || r.items.some((i) => i.status !== null) || r.indicators.some((i) => i.value !== 0);
}

const CONSOLIDATION_TABLES = () => [db.plans, db.units, db.itemStatuses, ...ACTIVITY_TABLES(), db.indicatorAdjustments, db.indicatorTargets, db.settings, db.submissions];

/** What a consolidation is made of besides the submissions: read inside the caller's transaction. */
async function consolidationFrame(input: LoadConsolidationInput, at: Date, directory: DirectoryRead) {
  const { planId, period } = input;
  const plan = await db.plans.get(planId);
  if (!plan) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
  const own = directory.own;
  if (!own) throw new OperationError('Chưa chọn đơn vị của máy này (Cài đặt → Đơn vị của máy này).', 'ownUnitCode');
  const ownReport = await buildUnitReport({
    planId,
    unitCode: own.code,
    period,
    exportedBy: input.exportedBy ?? '',
    appVersion: input.appVersion ?? '',
    now: at,
  });
  const frame: Omit<ConsolidateInput, 'contributions'> = {
    unit: unitIdentity(own, await knownUnitKinds()),
    plan: { id: plan.id, number: plan.number, title: plan.title, fingerprint: planFingerprint(plan.plan) },
    items: planReportItems(plan.plan),
    period: { key: period.key, name: period.name, start: period.start, end: period.end },
    indicators: ownReport.indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, target: i.target })),
    expectedUnits: directory.expected.map((u): ExpectedUnit => ({ code: u.code, name: u.name, level: u.level })),
    deadline: directory.deadline,
    exportedAt: at.toISOString(),
    exportedBy: input.exportedBy ?? '',
    appVersion: input.appVersion ?? '',
  };
  /** The contribution of a submission (its report or its digest apart), in consolidation order. */
  const contributionsOf = <T extends { unitCode: string; importedAt: string }>(subs: readonly T[], time: (s: T) => { at: string; source: SubmittedSource }) =>
    subs
      .filter((s) => s.unitCode !== own.code)
      .sort((a, b) => compareInstants(a.importedAt, b.importedAt))
      .map((s) => {
        const { at: submittedAt, source } = time(s);
        const parentCode = directory.parents.get(s.unitCode) ?? '';
        return { s, submittedAt, submittedSource: source, ...(parentCode ? { parentCode } : {}) };
      });
  return { frame, ownReport, ownIncluded: hasData(ownReport), contributionsOf };
}

/** Everything for a plan and period, read in one transaction, consolidated. */
export async function loadConsolidation(input: LoadConsolidationInput): Promise<ConsolidationData> {
  const { planId, period } = input;
  const at = input.now ?? new Date();
  return db.transaction('r', CONSOLIDATION_TABLES(), async () => {
    const scope = await readScope(planId, period.key);
    const { frame, ownReport, ownIncluded, contributionsOf } = await consolidationFrame(input, at, scope);
    const contributions: Contribution[] = contributionsOf(scope.active, submissionTime).map(({ s, ...c }) => ({
      report: s.report,
      ...c,
      submissionId: s.id,
      fileHash: s.fileHash,
      planId: s.planId,
    }));
    if (ownIncluded) contributions.push({ report: ownReport, submittedAt: ownReport.exportedAt, own: true });
    const result = consolidate({ ...frame, contributions });
    return { result, deadline: scope.deadline, submissions: scope.active.length, ownIncluded };
  });
}

export interface OverviewFigures {
  /**
   * The consolidation's figures, exactly loadConsolidation's; its activities, rows and ids are
   * not (domain/overview-digest.ts): only `activities` counts them.
   */
  result: ConsolidationResult;
  activities: ActivityTally;
}

/** Every table loadOverviewFigures reads. */
export const OVERVIEW_TABLES = () => [...CONSOLIDATION_TABLES(), ...OVERVIEW_DIGEST_TABLES()];

/**
 * What «Tổng quan» shows of a plan and period: loadConsolidation's figures, from the submissions'
 * digests (db/overview-digests.ts) and the own unit's live data, without reading every report.
 */
export async function loadOverviewFigures(input: LoadConsolidationInput): Promise<OverviewFigures> {
  const { planId, period } = input;
  const at = input.now ?? new Date();
  return db.transaction('r', OVERVIEW_TABLES(), async () => {
    const directory = await readDirectory(planId, period.key);
    const digests = await digestsOf(planId, period.key, await activeSubmissions(planId, period.key).primaryKeys());
    const { frame, ownReport, ownIncluded, contributionsOf } = await consolidationFrame(input, at, directory);
    const contributions: DigestContribution[] = contributionsOf(
      digests,
      (d) => ({ at: d.submittedAt, source: d.submittedSource }),
    ).map(({ s, ...c }) => ({ digest: s.digest, ...c, submissionId: s.submissionId, planId: s.planId }));
    if (ownIncluded) contributions.push({ digest: overviewDigestOf(ownReport), submittedAt: ownReport.exportedAt, own: true });
    return consolidateDigests({ ...frame, contributions });
  });
}

// ---------------------------------------------------------------------------------------------
// Completeness (Tình hình nộp báo cáo), with the database records behind each row.

// The states and their labels are the report model's (domain/report.ts COMPLETENESS_STATE_LABELS).
export type { CompletenessState } from '@domain/report';

export interface CompletenessRow {
  unit: UnitRecord;
  state: CompletenessState;
  /** The active submission (null: chưa nộp). */
  submission: SubmissionRecord | null;
  /** The instant compared with the deadline (see submittedAt); null when not submitted. */
  submittedAt: string | null;
}

export interface Completeness {
  rows: CompletenessRow[];
  counts: Record<CompletenessState, number> & { total: number };
  /** The deadline applied ('' when none). */
  deadline: IsoDate | '';
}

/**
 * Every active unit directly under this installation's own unit (isDirectlyUnder; every active
 * unit but the own one when that is unknown) with đã nộp / nộp muộn / chưa nộp for the period.
 * `deadline` is a calendar day, inclusive, Vietnam time (default: the one stored for the plan and
 * period); without one nothing is late. Same rule as consolidate() (domain/consolidate.ts).
 */
export async function completeness(planId: string, period: { key: string }, deadline?: IsoDate | ''): Promise<Completeness> {
  return db.transaction('r', [db.units, db.settings, db.submissions], async () => {
    const scope = await readScope(planId, period.key);
    const applied = deadline ?? scope.deadline;
    const active = new Map(scope.active.map((s) => [s.unitCode, s]));
    const rows = scope.expected.map((unit): CompletenessRow => {
      const submission = active.get(unit.code) ?? null;
      if (!submission) return { unit, state: 'chua-nop', submission: null, submittedAt: null };
      const at = submittedAt(submission);
      return { unit, state: isLate(at, applied) ? 'nop-muon' : 'da-nop', submission, submittedAt: at };
    });
    const counts = { 'da-nop': 0, 'nop-muon': 0, 'chua-nop': 0, total: rows.length };
    for (const r of rows) counts[r.state]++;
    return { rows, counts, deadline: applied };
  });
}
