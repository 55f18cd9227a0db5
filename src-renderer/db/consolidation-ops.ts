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
import { consolidate, isLate, submissionTime, type ConsolidationResult, type Contribution, type ExpectedUnit } from '@domain/consolidate';
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

interface ScopeRead {
  own: UnitRecord | undefined;
  expected: UnitRecord[];
  /** Each unit's parent as the directory records it (code → parent code). */
  parents: Map<string, string>;
  active: SubmissionRecord[];
  deadline: IsoDate | '';
}

/** Expected units, active submissions and the deadline (inside the caller's transaction). */
async function readScope(planId: string, periodKey: string): Promise<ScopeRead> {
  const ownCode = await getSetting('ownUnitCode');
  const own = ownCode ? await db.units.get(ownCode) : undefined;
  const units = await db.units.toArray();
  const parents = new Map(units.map((u) => [u.code, u.parentCode ?? '']));
  const expected = units
    .filter((u) => u.active && u.code !== ownCode && (own === undefined || isDirectlyUnder(u, own)))
    .sort((a, b) => vnOrder.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
  const active = await db.submissions.where('[planId+periodKey+state]').equals([planId, periodKey, 'active']).toArray();
  const deadline = await getReportDeadline(planId, periodKey);
  return { own, expected, parents, active, deadline };
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

/** Everything for a plan and period, read in one transaction, consolidated. */
export async function loadConsolidation(input: LoadConsolidationInput): Promise<ConsolidationData> {
  const { planId, period } = input;
  const at = input.now ?? new Date();
  return db.transaction(
    'r',
    [db.plans, db.units, db.itemStatuses, ...ACTIVITY_TABLES(), db.indicatorAdjustments, db.indicatorTargets, db.settings, db.submissions],
    async () => {
      const plan = await db.plans.get(planId);
      if (!plan) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
      const scope = await readScope(planId, period.key);
      if (!scope.own) throw new OperationError('Chưa chọn đơn vị của máy này (Cài đặt → Đơn vị của máy này).', 'ownUnitCode');
      const ownReport = await buildUnitReport({
        planId,
        unitCode: scope.own.code,
        period,
        exportedBy: input.exportedBy ?? '',
        appVersion: input.appVersion ?? '',
        now: at,
      });
      const contributions: Contribution[] = scope.active
        .filter((s) => s.unitCode !== scope.own!.code)
        .sort((a, b) => compareInstants(a.importedAt, b.importedAt))
        .map((s) => {
          const time = submissionTime(s);
          const parentCode = scope.parents.get(s.unitCode) ?? '';
          return { report: s.report, submittedAt: time.at, submittedSource: time.source, submissionId: s.id, fileHash: s.fileHash, planId: s.planId, ...(parentCode ? { parentCode } : {}) };
        });
      const ownIncluded = hasData(ownReport);
      if (ownIncluded) contributions.push({ report: ownReport, submittedAt: ownReport.exportedAt, own: true });
      const expected: ExpectedUnit[] = scope.expected.map((u) => ({ code: u.code, name: u.name, level: u.level }));
      const result = consolidate({
        unit: unitIdentity(scope.own, await knownUnitKinds()),
        plan: { id: plan.id, number: plan.number, title: plan.title, fingerprint: planFingerprint(plan.plan) },
        items: planReportItems(plan.plan),
        period: { key: period.key, name: period.name, start: period.start, end: period.end },
        indicators: ownReport.indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, target: i.target })),
        expectedUnits: expected,
        deadline: scope.deadline,
        contributions,
        exportedAt: at.toISOString(),
        exportedBy: input.exportedBy ?? '',
        appVersion: input.appVersion ?? '',
      });
      return { result, deadline: scope.deadline, submissions: scope.active.length, ownIncluded };
    },
  );
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
