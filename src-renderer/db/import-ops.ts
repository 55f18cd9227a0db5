/**
 * Import of units' workbooks: preview, apply, withdraw, history (completeness: consolidation-ops.ts).
 * The rules themselves are pure (domain/merge.ts); this file reads and writes the database.
 *
 *   const { report } = await readWorkbook(bytes, { fileName });          // exchange/reader.ts
 *   const preview = await previewImport(report, bytes, fileName);        // no writes
 *   // show preview.plan.decision / reason / activityDiff / statusDiff, preview.mismatches …
 *   const result = await applySubmission(preview, { addUnit: true });    // ONE transaction
 *   await withdrawSubmission(result.submission!.id);                     // ONE transaction
 *   await applyBatch([{ preview, options }], { onProgress, signal });    // ONE transaction for all
 *
 * Scope = unit + plan + period. At most one submission per scope is 'active'; its data is the
 * scope's data: its activities (derived from its report, db/activity-read.ts), and every status and
 * indicator adjustment of the scope (the unit's report is authoritative for its own statuses and
 * corrections: one the officer typed for that unit and period is replaced too). Activities the
 * officer logged by hand for that unit (no submissionId) are kept.
 *
 * applySubmission re-plans inside its transaction (the database may have changed since the
 * preview, e.g. a newer file of the same unit applied earlier in the same batch), so the order
 * files are applied in never matters: the newest export ends up active.
 *
 * A consolidated report (kind 'consolidated', a district's or province's workbook) is imported
 * the same way with the lower body as the scope's unit: its activities are stored, each keeping
 * its own unitCode (the CĐCS that did it), so they appear in the activity log; no statuses and no
 * indicator adjustments are written for it (its figures are submission.report.consolidation).
 */
import { Dexie } from 'dexie';
import { sha256Hex } from '@domain/hash';
import { planFingerprint } from '@domain/plan-tree';
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
import type { UnitReport } from '@domain/report';
import { activitiesOfSubmissions } from './activity-read';
import { LOG_ROW_TABLES, storeDerivedRows } from './log-rows';
import { db } from './db';
import { submissionUnitCodes } from '@domain/report';
import { OperationError } from './errors';
import { getSetting } from './settings-ops';
import { now } from './write-helpers';
import { resolveImportUnit, unitRecordFromFile } from './import-unit';
import { blockersOf, blockerText, type BlockerOptions, type ImportBlocker, type ImportBlockerCode, type ImportFacts } from '@domain/import-blockers';
import { doubleCountNotes } from './double-count-ops';
import { isSettledMatch, type UnitMatch } from '@domain/unit-match';
import { indicatorKeyOf } from './indicator-ops';
import type { ItemStatusKey } from './schema';
import type { ActivityRecord, IndicatorAdjustmentRecord, ItemStatusRecord, PlanRecord, SubmissionRecord, UnitRecord } from './types';


export interface ImportPreview {
  /** The report as it would be filed (its unit's code, when the file's is an alias: db/import-unit.ts). */
  report: UnitReport;
  /** The report as the file holds it. */
  fileReport: UnitReport;
  /** Which directory unit the file is (domain/unit-match.ts); 'name' is only a proposal to confirm. */
  unitMatch: UnitMatch<UnitRecord>;
  /** Each unit counted once: what the officer must know (domain/double-count.ts), Vietnamese. */
  countingNotes: string[];
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
   * When the plan is unknown: a plan here with the same items (fingerprint), else the same
   * number, to offer first in "Nhập vào kế hoạch" (the officer still confirms); null otherwise.
   */
  suggestedPlanId: string | null;
  /**
   * Why applying would be refused as things stand (domain/import-blockers.ts), none when it
   * would not; the options of applySubmission lift some of these (addUnit, acceptMismatches,
   * allowOlderAsHistory).
   */
  blocks: ImportBlocker[];
  /** The sentences of `blocks` (Vietnamese), in the same order. */
  blockers: string[];
}

export interface PreviewOptions {
  /** File the data under this plan instead of the report's own plan id. */
  planId?: string;
}

interface ScopeRecords {
  submissions: SubmissionRecord[];
  statuses: ItemStatusRecord[];
  adjustments: IndicatorAdjustmentRecord[];
}

interface ScopeData extends ScopeRecords {
  /** The active submission's activities. */
  activities: ActivityRecord[];
}

/** What is stored for a scope, read in one round trip. */
async function scopeRecords(scope: SubmissionScope): Promise<ScopeRecords> {
  const { unitCode, planId, periodKey } = scope;
  const [submissions, statuses, adjustments] = await Promise.all([
    db.submissions.where('[unitCode+planId+periodKey]').equals([unitCode, planId, periodKey]).toArray(),
    db.itemStatuses.where('[planId+unitCode+periodKey]').equals([planId, unitCode, periodKey]).toArray(),
    // Primary key [planId+unitCode+periodKey+indicatorCode]: the scope's own keys only.
    db.indicatorAdjustments.where(':id').between([planId, unitCode, periodKey, ''], [planId, unitCode, periodKey, '\uffff'], true, true).toArray(),
  ]);
  return { submissions, statuses, adjustments };
}

/** The scope's records and its activities (the active submission's, derived from its report): what the merge rules compare. */
async function scopeData(scope: SubmissionScope): Promise<ScopeData> {
  const records = await scopeRecords(scope);
  return { ...records, activities: activitiesOfSubmissions(records.submissions.filter((s) => s.state === 'active')) };
}

function countsOf(report: UnitReport): ImportPreview['counts'] {
  return { items: report.items.length, activities: report.activities.length, indicators: report.indicators.length };
}

/**
 * What importing this file would do: reads the database, writes nothing. `report` is the
 * reader's (non-null) report for `fileBytes`.
 */
export async function previewImport(report: UnitReport, fileBytes: Uint8Array, fileName: string, options: PreviewOptions = {}): Promise<ImportPreview> {
  return previewOf(report, await sha256Hex(fileBytes), fileName, options);
}

/** previewImport of a file already hashed (sha256Hex; the import screen's reader hashes as it reads). */
export function previewImportHashed(report: UnitReport, fileHash: string, fileName: string, options: PreviewOptions = {}): Promise<ImportPreview> {
  return previewOf(report, fileHash, fileName, options);
}

/** The same file previewed again, filed under `planId` (the officer's choice in "Nhập vào kế hoạch"). */
export function previewImportAs(preview: ImportPreview, planId: string): Promise<ImportPreview> {
  return previewOf(preview.fileReport, preview.fileHash, preview.fileName, { planId });
}

async function previewOf(fileReport: UnitReport, fileHash: string, fileName: string, options: PreviewOptions): Promise<ImportPreview> {
  return db.transaction('r', [db.submissions, db.itemStatuses, db.indicatorAdjustments, db.units, db.plans, db.settings], async () => {
    const { report, match: unitMatch } = await resolveImportUnit(fileReport);
    const scope = scopeOf(report, options.planId);
    const plan = planSubmission(report, fileHash, await scopeData(scope), options.planId);
    const unitKnown = isSettledMatch(unitMatch);
    const isOwnUnit = (await getSetting('ownUnitCode')) === report.unit.code;
    const planRecord = await db.plans.get(scope.planId);
    const mismatches = planRecord ? planMismatches(report, planRecord) : null;
    let suggestedPlanId: string | null = null;
    if (!planRecord) {
      const plans = await db.plans.toArray();
      const byItems = plans.find((p) => planFingerprint(p.plan) === report.plan.fingerprint);
      const byNumber = report.plan.number.trim() === '' ? undefined : plans.find((p) => p.number.trim() === report.plan.number.trim());
      suggestedPlanId = (byItems ?? byNumber)?.id ?? null;
    }
    const blocks = blockersOf({
      periodKey: report.period.key,
      ownUnit: isOwnUnit,
      unit: report.unit,
      unitMatch,
      planKnown: planRecord !== undefined,
      itemsMatch: mismatches?.allMatched ?? false,
      decision: plan.decision,
      reason: plan.reason,
    });
    return {
      report,
      fileReport,
      unitMatch,
      countingNotes: await doubleCountNotes(report, scope),
      fileName,
      fileHash,
      plan,
      unitKnown,
      isOwnUnit,
      planKnown: planRecord !== undefined,
      mismatches,
      counts: countsOf(report),
      suggestedPlanId,
      blocks,
      blockers: blocks.map(blockerText),
    };
  });
}

/** allowOlderAsHistory keeps an older export as history (state 'superseded', no data written). */
export interface ApplyOptions extends BlockerOptions {
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

const statusKey = (s: { planId: string; unitCode: string; periodKey: string; itemId: string }) => [s.planId, s.unitCode, s.periodKey, s.itemId] as ItemStatusKey;

/**
 * Replaces the scope's statuses and indicator adjustments (`old`, as scopeData read them) with
 * `submission`'s, or removes them (null). Its activities need no writing: they are derived from
 * the submission's report (db/activity-read.ts), so what the scope shows follows which
 * submission is active. Every request is issued at once: the records removed are those the new
 * data does not overwrite, so no put depends on a delete.
 */
function writeScopeData(scope: SubmissionScope, submission: SubmissionRecord | null, old: Pick<ScopeRecords, 'statuses' | 'adjustments'>): Promise<unknown> {
  // A consolidated report has neither (see domain/merge.ts materialize).
  const data = submission ? materialize(submission.report, submission.fileHash, scope, submission.importedAt, { activities: false }) : null;
  const statuses = (data?.statuses ?? []).map((s): ItemStatusRecord => ({ ...s, submissionId: submission!.id }));
  const adjustments = (data?.adjustments ?? []).map((a): IndicatorAdjustmentRecord => ({ ...a, submissionId: submission!.id }));
  const kept = (keys: readonly (readonly string[])[]) => new Set(keys.map((k) => k.join('\u0000')));
  const newStatuses = kept(statuses.map(statusKey));
  const newAdjustments = kept(adjustments.map(indicatorKeyOf));
  const goneStatuses = old.statuses.map(statusKey).filter((k) => !newStatuses.has(k.join('\u0000')));
  const goneAdjustments = old.adjustments.map(indicatorKeyOf).filter((k) => !newAdjustments.has(k.join('\u0000')));
  return Promise.all([
    goneStatuses.length > 0 ? db.itemStatuses.bulkDelete(goneStatuses) : 0,
    goneAdjustments.length > 0 ? db.indicatorAdjustments.bulkDelete(goneAdjustments) : 0,
    statuses.length > 0 ? db.itemStatuses.bulkPut(statuses) : 0,
    adjustments.length > 0 ? db.indicatorAdjustments.bulkPut(adjustments) : 0,
  ]);
}

/** Every table an import writes or checks (one list, so a batch and a single file lock the same). */
const APPLY_TABLES = () => [db.submissions, db.itemStatuses, db.indicatorAdjustments, db.units, db.plans, db.settings, ...LOG_ROW_TABLES()];

/**
 * What stays the same for every file of one transaction: the own unit and the plans (an import
 * writes neither). Promises, so that files share one read.
 */
export interface TxCache {
  own?: Promise<string | undefined>;
  plans: Map<string, Promise<PlanRecord | undefined>>;
}
const newTxCache = (): TxCache => ({ plans: new Map() });

/** An expected refusal: nothing was written for the file. `refused` is its sentence (Vietnamese). */
export interface Refusal {
  code: ImportBlockerCode;
  refused: string;
  field?: string;
}

/** The input a refusal names, for the form that shows it. */
const REFUSAL_FIELD: Partial<Record<ImportBlockerCode, string>> = { 'unit-unknown': 'unitCode', 'plan-unknown': 'planId' };

const refusalOf = (b: ImportBlocker): Refusal => ({ code: b.code, refused: blockerText(b), ...(REFUSAL_FIELD[b.code] ? { field: REFUSAL_FIELD[b.code] } : {}) });

/** What filing a submission needs of its preview (a merged backup's stored submission gives the same). */
export type SubmissionToFile = Pick<ImportPreview, 'report' | 'fileHash' | 'fileName'> & { plan: Pick<SubmissionPlan, 'scope'> };

/**
 * One file, INSIDE a rw transaction over APPLY_TABLES. Every refusal is decided before the first
 * write, so a refused file has written nothing and the transaction can go on with the next one.
 * Restoring a backup with «Gộp» files the backup's submissions through it too (db/backup-merge.ts).
 */
export async function applyInTransaction(preview: SubmissionToFile, options: ApplyOptions, cache: TxCache = newTxCache()): Promise<ApplyResult | Refusal> {
  const { report, fileHash } = preview;
  const scope = preview.plan.scope;
  cache.own ??= getSetting('ownUnitCode');
  if (!cache.plans.has(scope.planId)) cache.plans.set(scope.planId, db.plans.get(scope.planId));
  const [own, planRecord, existing, unitRecord] = await Promise.all([cache.own, cache.plans.get(scope.planId)!, scopeData(scope), db.units.get(report.unit.code)]);
  const plan = planSubmission(report, fileHash, existing, scope.planId);
  const active = existing.submissions.find((s) => s.state === 'active') ?? null;
  const unitKnown = unitRecord !== undefined;
  // The same rules as the preview's (blockersOf); the unit is looked up by code only, an alias
  // having been resolved by the preview.
  const facts: ImportFacts = {
    periodKey: report.period.key,
    ownUnit: own === report.unit.code,
    unit: report.unit,
    unitMatch: unitRecord ? { kind: 'code', unit: unitRecord } : { kind: 'unknown' },
    planKnown: planRecord !== undefined,
    itemsMatch: planRecord !== undefined && planMismatches(report, planRecord).allMatched,
    decision: plan.decision,
    reason: plan.reason,
  };
  const refusal = blockersOf(facts, options)[0];
  if (refusal) return refusalOf(refusal);
  if (plan.decision === 'identical') return { outcome: 'unchanged', decision: plan.decision, submission: active, superseded: null };

  // Writes from here on.
  const t = options.at ?? now();
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
    unitCodes: submissionUnitCodes(scope.unitCode, report),
    report,
  };
  const addUnit = unitKnown ? 0 : unitRecordFromFile(report, t).then((u) => db.units.add(u));
  if (plan.decision === 'older') {
    const history: SubmissionRecord = { ...submission, state: 'superseded', supersededBy: active!.id };
    await Promise.all([addUnit, db.submissions.add(history), storeDerivedRows(history)]);
    return { outcome: 'history', decision: plan.decision, submission: history, superseded: null };
  }
  let superseded: SubmissionRecord | null = null;
  if (active) {
    superseded = { ...active, state: 'superseded', supersededBy: submission.id };
    submission.supersedes = active.id;
  }
  // Independent writes, issued together (different keys): one round trip for the whole file.
  await Promise.all([
    addUnit,
    superseded ? db.submissions.put(superseded) : 0,
    db.submissions.add(submission),
    writeScopeData(scope, submission, existing),
    storeDerivedRows(submission),
  ]);
  return { outcome: 'applied', decision: plan.decision, submission, superseded };
}

/**
 * Applies a previewed file in ONE transaction: all of it lands or none. 'identical' writes
 * nothing; 'new' and 'supersedes' write the submission and replace the scope's data with the
 * report's; 'older' throws OperationError unless { allowOlderAsHistory }, then only records it
 * as history. Throws OperationError (Vietnamese) for anything the preview's blockers name.
 */
export async function applySubmission(preview: ImportPreview, options: ApplyOptions = {}): Promise<ApplyResult> {
  return db.transaction('rw', APPLY_TABLES(), async () => {
    const r = await applyInTransaction(preview, options);
    if ('refused' in r) throw new OperationError(r.refused, r.field, r.code);
    return r;
  });
}

// ---------------------------------------------------------------------------------------------
// Batch (many files, one transaction, cancellable).

export interface BatchEntry {
  preview: ImportPreview;
  options?: ApplyOptions;
}

export interface BatchProgress {
  /** Files finished so far (0 … total). */
  done: number;
  total: number;
  /** The file being imported now ('' once all are done). */
  fileName: string;
}

export interface BatchOptions {
  /** Called before each file and once at the end (done === total), inside the transaction. */
  onProgress?: (progress: BatchProgress) => void;
  /** Aborting it cancels the whole batch: nothing of it is stored. */
  signal?: AbortSignal;
  /** Test hook: the import instant of every file. */
  at?: string;
  /** Test hook: runs after each file's writes, inside the transaction (inject a failure). */
  afterFile?: (index: number) => void;
}

export type BatchFileResult =
  | { index: number; fileName: string; ok: true; result: ApplyResult }
  /** Refused (e.g. an older export, an unknown unit not to be added): nothing written for it. */
  | { index: number; fileName: string; ok: false; message: string };

export interface BatchResult {
  /** 'cancelled': the signal was aborted before the transaction committed; nothing was stored. */
  status: 'done' | 'cancelled';
  /** One per entry, in order ('done' only; empty when cancelled). */
  files: BatchFileResult[];
}

class BatchCancelled extends Error {
  constructor() {
    super('Đã hủy nhập: dữ liệu giữ nguyên như trước.');
    this.name = 'BatchCancelled';
  }
}

/**
 * Applies every entry in order inside ONE rw transaction: the batch lands whole or not at all.
 * - A file the rules refuse (OperationError cases: older without allowOlderAsHistory, unknown
 *   unit without addUnit, …) is reported in `files` with its message; it wrote nothing, and the
 *   others go on.
 * - Anything unexpected (a database error, a crash) rejects, and the transaction is aborted:
 *   the database is exactly as before the batch.
 * - `signal` is checked between files; aborting it aborts the transaction (same: nothing stored)
 *   and resolves { status: 'cancelled' }.
 * - A window closed (or a renderer crashed) mid-batch never commits: IndexedDB aborts a
 *   transaction that has not completed when its connection goes away, so the batch is lost whole.
 *
 * Responsiveness: the work per file is a few IndexedDB requests; each request's completion is a
 * separate task of the event loop, so the browser renders (progress, the Hủy button) between
 * them. The transaction must not await anything but Dexie (a setTimeout would let IndexedDB
 * commit it early), so there is no explicit yield here.
 */
export async function applyBatch(entries: readonly BatchEntry[], batch: BatchOptions = {}): Promise<BatchResult> {
  const { onProgress, signal } = batch;
  const total = entries.length;
  if (signal?.aborted) return { status: 'cancelled', files: [] };
  try {
    const files = await db.transaction('rw', APPLY_TABLES(), async () => {
      const out: BatchFileResult[] = [];
      const cache = newTxCache();
      for (let i = 0; i < total; i++) {
        if (signal?.aborted) throw new BatchCancelled();
        const { preview, options = {} } = entries[i]!;
        onProgress?.({ done: i, total, fileName: preview.fileName });
        const r = await applyInTransaction(preview, { ...options, ...(batch.at !== undefined ? { at: batch.at } : {}) }, cache);
        out.push('refused' in r ? { index: i, fileName: preview.fileName, ok: false, message: r.refused } : { index: i, fileName: preview.fileName, ok: true, result: r });
        batch.afterFile?.(i);
      }
      if (signal?.aborted) throw new BatchCancelled();
      onProgress?.({ done: total, total, fileName: '' });
      return out;
    });
    return { status: 'done', files };
  } catch (error) {
    if (error instanceof BatchCancelled || (error instanceof Error && error.name === 'BatchCancelled')) return { status: 'cancelled', files: [] };
    throw error;
  }
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
  return db.transaction('rw', [db.submissions, db.itemStatuses, db.indicatorAdjustments], async () => {
    const sub = await db.submissions.get(id);
    if (!sub) throw new OperationError('Không tìm thấy lần nhập này.', 'id');
    if (sub.state === 'withdrawn') throw new OperationError('Lần nhập này đã được rút trước đó.', 'id');
    const withdrawn: SubmissionRecord = { ...sub, state: 'withdrawn', withdrawnAt: options.at ?? now(), unitCodes: [] };
    delete withdrawn.supersededBy;
    await db.submissions.put(withdrawn);
    if (sub.state !== 'active') return { withdrawn, restored: null };

    const scope: SubmissionScope = { unitCode: sub.unitCode, planId: sub.planId, periodKey: sub.periodKey };
    const existing = await scopeRecords(scope);
    const all = existing.submissions;
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
    await writeScopeData(scope, restored, existing);
    return { withdrawn, restored };
  });
}

/** Every submission of a plan (of one period when given), newest import first. */
export async function listSubmissions(planId: string, periodKey?: string): Promise<SubmissionRecord[]> {
  const index = db.submissions.where('[planId+periodKey+state]');
  const rows = await (periodKey === undefined
    ? index.between([planId, Dexie.minKey, Dexie.minKey], [planId, Dexie.maxKey, Dexie.maxKey])
    : index.between([planId, periodKey, Dexie.minKey], [planId, periodKey, Dexie.maxKey])
  ).toArray();
  return rows.sort((a, b) => compareInstants(b.importedAt, a.importedAt));
}
