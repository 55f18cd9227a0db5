/**
 * Import of units' workbooks (issue 5): preview, apply, withdraw, history, completeness.
 * The rules themselves are pure (domain/merge.ts); this file reads and writes the database.
 *
 *   const { report } = await readWorkbook(bytes, { fileName });          // exchange/reader.ts
 *   const preview = await previewImport(report, bytes, fileName);        // no writes
 *   // show preview.plan.decision / reason / activityDiff / statusDiff, preview.mismatches …
 *   const result = await applySubmission(preview, { addUnit: true });    // ONE transaction
 *   await withdrawSubmission(result.submission!.id);                     // ONE transaction
 *
 * Scope = unit + plan + period. At most one submission per scope is 'active'; its data is the
 * scope's data: activities with `submissionId` of the scope's submissions, and every status and
 * indicator adjustment of the scope (the unit's report is authoritative for its own statuses and
 * corrections: one the officer typed for that unit and period is replaced too). Activities the
 * officer logged by hand for that unit (no submissionId) are kept.
 *
 * applySubmission re-plans inside its transaction (the database may have changed since the
 * preview, e.g. a newer file of the same unit applied earlier in the same batch), so the order
 * files are applied in never matters: the newest export ends up active.
 */
import {
  compareInstants,
  materialize,
  planMismatches,
  planSubmission,
  scopeOf,
  type PlanMismatches,
  type SubmissionPlan,
  type SubmissionScope,
} from '@domain/merge';
import type { UnitReport } from '../exchange/spec';
import { db } from './db';
import { OperationError } from './errors';
import { EMPTY_UNIT_DETAILS, getSetting, now } from './operations';
import type { ActivityRecord, IndicatorAdjustmentRecord, ItemStatusRecord, SubmissionRecord, UnitRecord } from './types';


/** SHA-256 of the bytes, lower-case hex (the file's identity in the history). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ImportPreview {
  report: UnitReport;
  fileName: string;
  fileHash: string;
  /** The decision and the diffs (domain/merge.ts). */
  plan: SubmissionPlan;
  /** The directory has the file's unit; if not, applySubmission needs { addUnit: true }. */
  unitKnown: boolean;
  /** The file is this installation's own unit's report (refused: its data is entered here). */
  isOwnUnit: boolean;
  /** The plan the data is filed under exists here; if not, choose one (previewImport's planId). */
  planKnown: boolean;
  /** Item-by-item comparison with that plan (null when the plan is unknown). */
  mismatches: PlanMismatches | null;
  counts: { items: number; activities: number; indicators: number };
  /**
   * Why applying would be refused as things stand (Vietnamese), '' when it would not; the
   * options of applySubmission lift some of these (addUnit, acceptMismatches, allowOlderAsHistory).
   */
  blockers: string[];
}

export interface PreviewOptions {
  /** File the data under this plan instead of the report's own plan id. */
  planId?: string;
}

async function scopeData(scope: SubmissionScope): Promise<{
  submissions: SubmissionRecord[];
  activities: ActivityRecord[];
  statuses: ItemStatusRecord[];
}> {
  const submissions = await db.submissions
    .where('[unitCode+planId+periodKey]')
    .equals([scope.unitCode, scope.planId, scope.periodKey])
    .toArray();
  const ids = new Set(submissions.map((s) => s.id));
  const activities =
    ids.size === 0
      ? []
      : await db.activities
          .where('[planId+unitCode]')
          .equals([scope.planId, scope.unitCode])
          .filter((a) => a.submissionId !== undefined && ids.has(a.submissionId))
          .toArray();
  const statuses = await db.itemStatuses.where('[planId+unitCode+periodKey]').equals([scope.planId, scope.unitCode, scope.periodKey]).toArray();
  return { submissions, activities, statuses };
}

function countsOf(report: UnitReport): ImportPreview['counts'] {
  return { items: report.items.length, activities: report.activities.length, indicators: report.indicators.length };
}

/**
 * What importing this file would do: reads the database, writes nothing. `report` is the
 * reader's (non-null) report for `fileBytes`.
 */
export async function previewImport(report: UnitReport, fileBytes: Uint8Array, fileName: string, options: PreviewOptions = {}): Promise<ImportPreview> {
  const fileHash = await sha256Hex(fileBytes);
  return db.transaction('r', [db.submissions, db.activities, db.itemStatuses, db.units, db.plans, db.settings], async () => {
    const scope = scopeOf(report, options.planId);
    const plan = planSubmission(report, fileHash, await scopeData(scope), options.planId);
    const unitKnown = (await db.units.get(report.unit.code)) !== undefined;
    const isOwnUnit = (await getSetting('ownUnitCode')) === report.unit.code;
    const planRecord = await db.plans.get(scope.planId);
    const mismatches = planRecord ? planMismatches(report, planRecord) : null;
    const blockers: string[] = [];
    if (report.period.key === '') blockers.push('Tệp chưa ghi kỳ báo cáo: không nhập được.');
    if (isOwnUnit) blockers.push('Tệp là báo cáo của chính đơn vị này: dữ liệu của đơn vị mình được nhập trực tiếp, không nhập từ tệp.');
    if (!unitKnown) blockers.push(`Đơn vị ${report.unit.code} (${report.unit.name}) chưa có trong danh sách đơn vị.`);
    if (!planRecord) blockers.push('Chưa có kế hoạch của tệp này trong ứng dụng: chọn kế hoạch để nhập vào.');
    else if (!mismatches!.allMatched) blockers.push('Nhiệm vụ trong tệp khác với kế hoạch: cần kiểm tra từng nhiệm vụ trước khi nhập.');
    if (plan.decision === 'older') blockers.push(plan.reason);
    return { report, fileName, fileHash, plan, unitKnown, isOwnUnit, planKnown: planRecord !== undefined, mismatches, counts: countsOf(report), blockers };
  });
}

export interface ApplyOptions {
  /** Keep an older export as history (state 'superseded', no data written) instead of refusing it. */
  allowOlderAsHistory?: boolean;
  /** Add the file's unit to the directory when it is not there. */
  addUnit?: boolean;
  /** The officer checked the item mismatches and files the data anyway. */
  acceptMismatches?: boolean;
  /** Test hook: the import instant. */
  at?: string;
}

export type ApplyOutcome = 'unchanged' | 'applied' | 'history';

export interface ApplyResult {
  /** 'unchanged': identical file, nothing written. 'history': older file kept as history only. */
  outcome: ApplyOutcome;
  decision: SubmissionPlan['decision'];
  /** The submission written ('unchanged': the active one it matched). */
  submission: SubmissionRecord | null;
  /** The submission it replaced ('applied' with decision 'supersedes'). */
  superseded: SubmissionRecord | null;
}

async function writeScopeData(scope: SubmissionScope, submission: SubmissionRecord | null, oldSubmissionIds: readonly string[]): Promise<void> {
  const old = new Set(oldSubmissionIds);
  if (old.size > 0) {
    await db.activities
      .where('[planId+unitCode]')
      .equals([scope.planId, scope.unitCode])
      .filter((a) => a.submissionId !== undefined && old.has(a.submissionId))
      .delete();
  }
  await db.itemStatuses.where('[planId+unitCode+periodKey]').equals([scope.planId, scope.unitCode, scope.periodKey]).delete();
  await db.indicatorAdjustments
    .where('[planId+periodKey]')
    .equals([scope.planId, scope.periodKey])
    .filter((a) => a.unitCode === scope.unitCode)
    .delete();
  if (!submission) return;
  const data = materialize(submission.report, submission.fileHash, scope, submission.importedAt);
  await db.activities.bulkPut(data.activities.map((a): ActivityRecord => ({ ...a, submissionId: submission.id })));
  await db.itemStatuses.bulkPut(data.statuses.map((s): ItemStatusRecord => ({ ...s, submissionId: submission.id })));
  await db.indicatorAdjustments.bulkPut(data.adjustments.map((a): IndicatorAdjustmentRecord => ({ ...a, submissionId: submission.id })));
}

function unitFromReport(report: UnitReport, t: string): UnitRecord {
  return { code: report.unit.code, name: report.unit.name, level: report.unit.level, parentName: report.unit.parentName, ...EMPTY_UNIT_DETAILS, active: true, createdAt: t, updatedAt: t };
}

/**
 * Applies a previewed file in ONE transaction: all of it lands or none. 'identical' writes
 * nothing; 'new' and 'supersedes' write the submission and replace the scope's data with the
 * report's; 'older' throws OperationError unless { allowOlderAsHistory }, then only records it
 * as history. Throws OperationError (Vietnamese) for anything the preview's blockers name.
 */
export async function applySubmission(preview: ImportPreview, options: ApplyOptions = {}): Promise<ApplyResult> {
  const { report, fileHash } = preview;
  const scope = preview.plan.scope;
  if (report.period.key === '') throw new OperationError('Tệp chưa ghi kỳ báo cáo: không nhập được.');
  return db.transaction('rw', [db.submissions, db.activities, db.itemStatuses, db.indicatorAdjustments, db.units, db.plans, db.settings], async () => {
    if ((await getSetting('ownUnitCode')) === report.unit.code) {
      throw new OperationError('Tệp là báo cáo của chính đơn vị này: không nhập từ tệp.');
    }
    const planRecord = await db.plans.get(scope.planId);
    if (!planRecord) throw new OperationError('Chưa có kế hoạch của tệp này trong ứng dụng: chọn kế hoạch để nhập vào.', 'planId');
    if (!planMismatches(report, planRecord).allMatched && !options.acceptMismatches) {
      throw new OperationError('Nhiệm vụ trong tệp khác với kế hoạch: hãy kiểm tra các nhiệm vụ khác nhau rồi xác nhận nhập.');
    }
    const existing = await scopeData(scope);
    const plan = planSubmission(report, fileHash, existing, scope.planId);
    const active = existing.submissions.find((s) => s.state === 'active') ?? null;
    if (plan.decision === 'identical') return { outcome: 'unchanged', decision: plan.decision, submission: active, superseded: null };
    if (plan.decision === 'older' && !options.allowOlderAsHistory) throw new OperationError(plan.reason);

    const t = options.at ?? now();
    if (!(await db.units.get(report.unit.code))) {
      if (!options.addUnit) throw new OperationError(`Đơn vị ${report.unit.code} (${report.unit.name}) chưa có trong danh sách đơn vị.`, 'unitCode');
      await db.units.add(unitFromReport(report, t));
    }
    const submission: SubmissionRecord = {
      id: crypto.randomUUID(),
      fileName: preview.fileName,
      fileHash,
      unitCode: scope.unitCode,
      unitName: report.unit.name,
      level: report.unit.level,
      planId: scope.planId,
      planNumber: report.plan.number,
      planFingerprint: report.plan.fingerprint,
      periodKey: scope.periodKey,
      exportedAt: report.exportedAt,
      importedAt: t,
      state: 'active',
      counts: countsOf(report),
      report,
    };
    if (plan.decision === 'older') {
      const history: SubmissionRecord = { ...submission, state: 'superseded', supersededBy: active!.id };
      await db.submissions.add(history);
      return { outcome: 'history', decision: plan.decision, submission: history, superseded: null };
    }
    let superseded: SubmissionRecord | null = null;
    if (active) {
      superseded = { ...active, state: 'superseded', supersededBy: submission.id };
      submission.supersedes = active.id;
      await db.submissions.put(superseded);
    }
    await db.submissions.add(submission);
    await writeScopeData(scope, submission, existing.submissions.map((s) => s.id));
    return { outcome: 'applied', decision: plan.decision, submission, superseded };
  });
}

export interface WithdrawResult {
  withdrawn: SubmissionRecord;
  /** The submission whose data is back (null: the unit is now unreported, or nothing changed). */
  restored: SubmissionRecord | null;
}

/**
 * Withdraws a submission in ONE transaction. An active one: its data is removed and the newest
 * remaining (not withdrawn) submission of the scope becomes active again, its data rebuilt from
 * its stored report; with none left the unit is unreported for that period. A submission that
 * is only history is marked withdrawn; the data does not change.
 */
export async function withdrawSubmission(id: string, options: { at?: string } = {}): Promise<WithdrawResult> {
  return db.transaction('rw', [db.submissions, db.activities, db.itemStatuses, db.indicatorAdjustments], async () => {
    const sub = await db.submissions.get(id);
    if (!sub) throw new OperationError('Không tìm thấy lần nhập này.', 'id');
    if (sub.state === 'withdrawn') throw new OperationError('Lần nhập này đã được rút trước đó.', 'id');
    const withdrawn: SubmissionRecord = { ...sub, state: 'withdrawn', withdrawnAt: options.at ?? now() };
    delete withdrawn.supersededBy;
    await db.submissions.put(withdrawn);
    if (sub.state !== 'active') return { withdrawn, restored: null };

    const scope: SubmissionScope = { unitCode: sub.unitCode, planId: sub.planId, periodKey: sub.periodKey };
    const all = await db.submissions.where('[unitCode+planId+periodKey]').equals([scope.unitCode, scope.planId, scope.periodKey]).toArray();
    const candidates = all
      .filter((s) => s.id !== id && s.state !== 'withdrawn')
      .sort((a, b) => compareInstants(b.exportedAt, a.exportedAt) || compareInstants(b.importedAt, a.importedAt));
    let restored: SubmissionRecord | null = null;
    if (candidates[0]) {
      restored = { ...candidates[0], state: 'active' };
      delete restored.supersededBy;
      await db.submissions.put(restored);
      // The others point at the restored one now (they stay history).
      for (const other of candidates.slice(1)) {
        if (other.supersededBy === id) await db.submissions.put({ ...other, supersededBy: restored.id });
      }
    }
    await writeScopeData(scope, restored, all.map((s) => s.id));
    return { withdrawn, restored };
  });
}

/** Every submission of a plan (of one period when given), newest import first. */
export async function listSubmissions(planId: string, periodKey?: string): Promise<SubmissionRecord[]> {
  const rows = await db.submissions.filter((s) => s.planId === planId && (periodKey === undefined || s.periodKey === periodKey)).toArray();
  return rows.sort((a, b) => compareInstants(b.importedAt, a.importedAt));
}

// ---------------------------------------------------------------------------------------------
// Completeness (Tình hình nộp báo cáo) lives in consolidation-ops.ts, beside the consolidation
// that reads the same data; re-exported here for callers of the import operations.

export { completeness, submittedAt, COMPLETENESS_LABELS } from './consolidation-ops';
export type { Completeness, CompletenessRow, CompletenessState } from './consolidation-ops';
