/**
 * Import of units' workbooks: preview, apply, withdraw, history (completeness: consolidation-ops.ts).
 * The rules themselves are pure (domain/merge.ts); this file reads and writes the database.
 *
 *   const { report } = await readWorkbook(bytes, { fileName });          // exchange/reader.ts
 *   const preview = await previewImport(report, bytes, fileName);        // no writes
 *   const previews = await previewImports([{ report, fileHash, fileName }, …]); // many: one read
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
import {
  compareInstants,
  materialize,
  planItemIndex,
  planMismatches,
  planSubmission,
  scopeOf,
  submissionDecision,
  type PlanItemIndex,
  type PlanMismatches,
  type SubmissionPlan,
  type SubmissionScope,
} from '@domain/merge';
import { submissionUnitCodes, type UnitReport } from '@domain/report';
import { blockersOf, blockerText, type BlockerOptions, type ImportBlocker, type ImportBlockerCode, type ImportFacts } from '@domain/import-blockers';
import { isSettledMatch, type UnitMatch } from '@domain/unit-match';
import { activitiesOfSubmissions } from './activity-read';
import { LOG_ROW_TABLES, storeDerivedRows } from './log-rows';
import { OVERVIEW_DIGEST_TABLES, storeOverviewDigest } from './overview-digests';
import { db } from './db';
import { doubleCountNotes, sharedBodies } from './double-count-ops';
import { OperationError } from './errors';
import { parentUnits, resolveImportUnits, unitRecordUnder, type ParentUnits, type ResolvedUnit } from './import-unit';
import { indicatorKeyOf } from './indicator-ops';
import { getSetting } from './settings-ops';
import { now, timeSlicer } from './write-helpers';
import type { IndicatorKey, ItemStatusKey } from './schema';
import type { IndicatorAdjustmentRecord, ItemStatusRecord, PlanRecord, SubmissionRecord, UnitRecord } from './types';

/**
 * The decision and the diffs a card shows (domain/merge.ts SubmissionPlan without the incoming
 * activities and the active submission: a batch of 2,000 previews keeps only what is shown, and
 * applying decides again against the database anyway).
 */
export type PreviewPlan = Pick<SubmissionPlan, 'decision' | 'reason' | 'scope' | 'activityDiff' | 'statusDiff'>;

export interface ImportPreview {
  /** The report as it would be filed (its unit's code, when the file's is an alias: db/import-unit.ts). */
  report: UnitReport;
  /** The report as the file holds it (the same object unless the file's code is an alias). */
  fileReport: UnitReport;
  /** Which directory unit the file is (domain/unit-match.ts); 'name' is only a proposal to confirm. */
  unitMatch: UnitMatch<UnitRecord>;
  /** Each unit counted once: what the officer must know (domain/double-count.ts), Vietnamese. */
  countingNotes: string[];
  fileName: string;
  fileHash: string;
  /** The decision and the diffs. */
  plan: PreviewPlan;
  /** The directory has the file's unit; if not, applySubmission needs { addUnit: true }. */
  unitKnown: boolean;
  /** The file is this installation's own unit's report (refused: its data is entered here). */
  isOwnUnit: boolean;
  /** The plan the data is filed under exists here; if not, choose one (previewImport's planId). */
  planKnown: boolean;
  /**
   * Item-by-item comparison with that plan (null when the plan is unknown): `items` holds only
   * the items that differ (what the card lists).
   */
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

/** One file to preview: the reader's (non-null) report, the file's SHA-256 and name. */
export interface PreviewInput extends PreviewOptions {
  report: UnitReport;
  fileHash: string;
  fileName: string;
}

interface ScopeRecords {
  submissions: SubmissionRecord[];
  statuses: ItemStatusRecord[];
  adjustments: IndicatorAdjustmentRecord[];
}

const scopeKeyOf = (s: SubmissionScope): string => `${s.unitCode}\u0000${s.planId}\u0000${s.periodKey}`;

/** What is stored for a scope, read in one round trip. */
async function scopeRecords(scope: SubmissionScope): Promise<ScopeRecords> {
  const { unitCode, planId, periodKey } = scope;
  const [submissions, statuses, adjustments] = await Promise.all([
    db.submissions.where('[unitCode+planId+periodKey]').equals([unitCode, planId, periodKey]).toArray(),
    db.itemStatuses.where('[planId+unitCode+periodKey]').equals([planId, unitCode, periodKey]).toArray(),
    scopeAdjustments(scope),
  ]);
  return { submissions, statuses, adjustments };
}

/** The scope's indicator adjustments (primary key [planId+unitCode+periodKey+indicatorCode]: the scope's own keys only). */
function scopeAdjustments({ unitCode, planId, periodKey }: SubmissionScope): Promise<IndicatorAdjustmentRecord[]> {
  return db.indicatorAdjustments.where(':id').between([planId, unitCode, periodKey, ''], [planId, unitCode, periodKey, '\uffff'], true, true).toArray();
}

/**
 * The submissions and statuses (and, with `adjustments`, the indicator adjustments) of many
 * scopes, two queries for all of them: scope key → records.
 */
async function scopesRecords(scopes: readonly SubmissionScope[], adjustments: boolean): Promise<Map<string, ScopeRecords>> {
  const unique = new Map(scopes.map((s) => [scopeKeyOf(s), s]));
  const list = [...unique.values()];
  const [subs, statuses, adjs] = await Promise.all([
    db.submissions.where('[unitCode+planId+periodKey]').anyOf(list.map((s) => [s.unitCode, s.planId, s.periodKey])).toArray(),
    db.itemStatuses.where('[planId+unitCode+periodKey]').anyOf(list.map((s) => [s.planId, s.unitCode, s.periodKey])).toArray(),
    adjustments ? Promise.all(list.map(scopeAdjustments)) : [],
  ]);
  const out = new Map<string, ScopeRecords>();
  list.forEach((s, i) => out.set(scopeKeyOf(s), { submissions: [], statuses: [], adjustments: adjs[i] ?? [] }));
  for (const x of subs) out.get(scopeKeyOf(x))?.submissions.push(x);
  for (const x of statuses) out.get(scopeKeyOf(x))?.statuses.push(x);
  return out;
}

function countsOf(report: UnitReport): ImportPreview['counts'] {
  return { items: report.items.length, activities: report.activities.length, indicators: report.indicators.length };
}

/**
 * What importing this file would do: reads the database, writes nothing. `report` is the
 * reader's (non-null) report for `fileBytes`.
 */
export async function previewImport(report: UnitReport, fileBytes: Uint8Array, fileName: string, options: PreviewOptions = {}): Promise<ImportPreview> {
  return (await previewImports([{ report, fileHash: await sha256Hex(fileBytes), fileName, ...options }]))[0]!;
}

/** The same file previewed again, filed under `planId` (the officer's choice in "Nhập vào kế hoạch"). */
export async function previewImportAs(preview: ImportPreview, planId: string): Promise<ImportPreview> {
  return (await previewImports([inputOf(preview, planId)]))[0]!;
}

/** The input that previews `preview`'s file again, filed under `planId`. */
export const inputOf = (preview: ImportPreview, planId: string): PreviewInput => ({ report: preview.fileReport, fileHash: preview.fileHash, fileName: preview.fileName, planId });

/** What one preview batch read from the database (one read transaction). */
interface PreviewReads {
  resolved: ResolvedUnit[];
  scopes: SubmissionScope[];
  own: string | undefined;
  plans: Map<string, PlanRecord>;
  records: Map<string, ScopeRecords>;
  countingNotes: string[][];
}

/**
 * previewImport of many files: the database is read once for all of them (their units, scopes,
 * plans and counting notes, one read transaction), then each preview is computed outside the
 * transaction, yielding to the browser between slices so that no task holds the page for long.
 */
export async function previewImports(inputs: readonly PreviewInput[]): Promise<ImportPreview[]> {
  if (inputs.length === 0) return [];
  const reads = await db.transaction('r', [db.submissions, db.itemStatuses, db.indicatorAdjustments, db.units, db.plans, db.settings], async (): Promise<PreviewReads> => {
    const [resolved, own, planList] = await Promise.all([resolveImportUnits(inputs.map((i) => i.report)), getSetting('ownUnitCode'), db.plans.toArray()]);
    const scopes = inputs.map((input, i) => scopeOf(resolved[i]!.report, input.planId));
    const bodiesOf = sharedBodies();
    const [records, countingNotes] = await Promise.all([
      scopesRecords(scopes, false),
      Promise.all(scopes.map((scope, i) => doubleCountNotes(resolved[i]!.report, scope, bodiesOf))),
    ]);
    return { resolved, scopes, own, plans: new Map(planList.map((p) => [p.id, p])), records, countingNotes };
  });
  const indexes = new Map<string, PlanItemIndex>();
  const indexOf = (p: PlanRecord): PlanItemIndex => {
    let index = indexes.get(p.id);
    if (!index) indexes.set(p.id, (index = sharedIndex(p)));
    return index;
  };
  const due = timeSlicer();
  const out: ImportPreview[] = [];
  for (let i = 0; i < inputs.length; i++) {
    await due();
    out.push(previewOf(inputs[i]!, i, reads, indexOf));
  }
  return out;
}

/**
 * The item index of the plans previewed lately, by plan id and fingerprint (an edited plan has
 * another), so that every preview batch of an import shares the same item texts.
 */
const recentIndexes = new Map<string, PlanItemIndex>();

function sharedIndex(p: PlanRecord): PlanItemIndex {
  const index = planItemIndex(p.plan);
  const key = `${p.id}\u0000${index.fingerprint}`;
  const known = recentIndexes.get(key);
  if (known) return known;
  if (recentIndexes.size >= 8) recentIndexes.clear();
  recentIndexes.set(key, index);
  return index;
}

/**
 * The items whose text is the plan's take the plan's string (the same characters): a province's
 * 2,000 reports of one plan then hold its texts once, not 2,000 times (they are nearly half of a
 * unit report's memory while the batch waits to be applied).
 */
function shareItemTexts(report: UnitReport, index: PlanItemIndex): void {
  for (const item of report.items) {
    const text = index.items.get(item.id);
    if (text !== undefined && text === item.text) item.text = text;
    let group = groupTitles.get(item.groupTitle);
    if (group === undefined) {
      if (groupTitles.size >= 5_000) groupTitles.clear();
      groupTitles.set(item.groupTitle, (group = item.groupTitle));
    }
    item.groupTitle = group;
  }
}

/** Group titles seen lately, each kept once (the same for every report of a plan). */
const groupTitles = new Map<string, string>();

function previewOf(input: PreviewInput, i: number, reads: PreviewReads, indexOf: (p: PlanRecord) => PlanItemIndex): ImportPreview {
  const { report, match: unitMatch } = reads.resolved[i]!;
  const scope = reads.scopes[i]!;
  const key = scopeKeyOf(scope);
  const records = reads.records.get(key)!;
  // The active submission's activities, derived here (in the slices) rather than in the transaction.
  const activities = activitiesOfSubmissions(records.submissions.filter((s) => s.state === 'active'));
  const full = planSubmission(report, input.fileHash, { ...records, activities }, input.planId);
  const plan: PreviewPlan = { decision: full.decision, reason: full.reason, scope: full.scope, activityDiff: full.activityDiff, statusDiff: full.statusDiff };
  const unitKnown = isSettledMatch(unitMatch);
  const isOwnUnit = reads.own === report.unit.code;
  const planRecord = reads.plans.get(scope.planId);
  const compared = planRecord ? planMismatches(report, planRecord, indexOf(planRecord)) : null;
  if (planRecord) {
    shareItemTexts(report, indexOf(planRecord));
    if (input.report !== report) shareItemTexts(input.report, indexOf(planRecord));
  }
  const mismatches = compared && { ...compared, items: compared.items.filter((m) => m.match !== 'matched') };
  let suggestedPlanId: string | null = null;
  if (!planRecord) {
    const plans = [...reads.plans.values()];
    const byItems = plans.find((p) => indexOf(p).fingerprint === report.plan.fingerprint);
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
    fileReport: input.report,
    unitMatch,
    countingNotes: reads.countingNotes[i]!,
    fileName: input.fileName,
    fileHash: input.fileHash,
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

/** The writes that make a scope's statuses and indicator adjustments those of a submission. */
interface ScopeWrites {
  putStatuses: ItemStatusRecord[];
  putAdjustments: IndicatorAdjustmentRecord[];
  goneStatuses: ItemStatusKey[];
  goneAdjustments: IndicatorKey[];
}

/** A submission's statuses and indicator adjustments as stored (none for a consolidated report: domain/merge.ts materialize). */
function scopeRows(scope: SubmissionScope, submission: Pick<SubmissionRecord, 'id' | 'report' | 'fileHash' | 'importedAt'>): Pick<ScopeWrites, 'putStatuses' | 'putAdjustments'> {
  const data = materialize(submission.report, submission.fileHash, scope, submission.importedAt, { activities: false });
  return {
    putStatuses: data.statuses.map((s): ItemStatusRecord => ({ ...s, submissionId: submission.id })),
    putAdjustments: data.adjustments.map((a): IndicatorAdjustmentRecord => ({ ...a, submissionId: submission.id })),
  };
}

/**
 * Replaces the scope's statuses and indicator adjustments (`old`, as read) with `rows` (none:
 * removes them). Activities need no writing: they are derived from the active submission's
 * report (db/activity-read.ts). The records removed are those the new rows do not overwrite,
 * so no put depends on a delete and every request can be issued at once.
 */
function scopeWrites(rows: Pick<ScopeWrites, 'putStatuses' | 'putAdjustments'>, old: Pick<ScopeRecords, 'statuses' | 'adjustments'>): ScopeWrites {
  const kept = (keys: readonly (readonly string[])[]) => new Set(keys.map((k) => k.join('\u0000')));
  const newStatuses = kept(rows.putStatuses.map(statusKey));
  const newAdjustments = kept(rows.putAdjustments.map(indicatorKeyOf));
  return {
    ...rows,
    goneStatuses: old.statuses.map(statusKey).filter((k) => !newStatuses.has(k.join('\u0000'))),
    goneAdjustments: old.adjustments.map(indicatorKeyOf).filter((k) => !newAdjustments.has(k.join('\u0000'))),
  };
}

/** Every table an import writes or checks (one list, so a batch and a single file lock the same). */
const APPLY_TABLES = () => [db.submissions, db.itemStatuses, db.indicatorAdjustments, db.units, db.plans, db.settings, ...LOG_ROW_TABLES(), ...OVERVIEW_DIGEST_TABLES()];

/**
 * What stays the same for every file of one transaction: the own unit, the plans (an import
 * writes neither) and the parents a unit added from its file is placed under (the batch adds the
 * bodies it files to them). Promises, so that files share one read.
 */
export interface TxCache {
  own?: Promise<string | undefined>;
  plans: Map<string, Promise<PlanRecord | undefined>>;
  indexes?: Map<string, PlanItemIndex>;
  parents?: Promise<ParentUnits>;
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
 * A file made ready to be filed, before any transaction: the submission record it would write
 * (as active) and its statuses and adjustments. What is left for the transaction is deciding
 * against the records found there and writing.
 */
interface PreparedFile {
  fileName: string;
  options: ApplyOptions;
  scope: SubmissionScope;
  report: UnitReport;
  record: SubmissionRecord;
  rows: Pick<ScopeWrites, 'putStatuses' | 'putAdjustments'>;
}

function prepareFile(preview: SubmissionToFile, options: ApplyOptions): PreparedFile {
  const { report, fileHash } = preview;
  const scope = preview.plan.scope;
  const t = options.at ?? now();
  const record: SubmissionRecord = {
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
  return { fileName: preview.fileName, options, scope, report, record, rows: scopeRows(scope, record) };
}

/** Every write of a group of files, issued together once they are all decided. */
class Writes {
  units: UnitRecord[] = [];
  submissions: SubmissionRecord[] = [];
  /**
   * New submissions (active or history), whose log rows are stored beside them. Built here, one
   * group at a time (a group holds at most a few hundred activities), not with the prepared
   * files: 2,000 files' rows held until the transaction would multiply the import's memory.
   */
  logged: SubmissionRecord[] = [];
  scope: ScopeWrites = { putStatuses: [], putAdjustments: [], goneStatuses: [], goneAdjustments: [] };

  add(w: ScopeWrites): this {
    this.scope.putStatuses.push(...w.putStatuses);
    this.scope.putAdjustments.push(...w.putAdjustments);
    this.scope.goneStatuses.push(...w.goneStatuses);
    this.scope.goneAdjustments.push(...w.goneAdjustments);
    return this;
  }

  /** Different files of a group have different scopes (groupFiles), so no write here depends on another. */
  flush(): Promise<unknown> {
    const { putStatuses, putAdjustments, goneStatuses, goneAdjustments } = this.scope;
    return Promise.all([
      this.units.length > 0 ? db.units.bulkAdd(this.units) : 0,
      this.submissions.length > 0 ? db.submissions.bulkPut(this.submissions) : 0,
      goneStatuses.length > 0 ? db.itemStatuses.bulkDelete(goneStatuses) : 0,
      goneAdjustments.length > 0 ? db.indicatorAdjustments.bulkDelete(goneAdjustments) : 0,
      putStatuses.length > 0 ? db.itemStatuses.bulkPut(putStatuses) : 0,
      putAdjustments.length > 0 ? db.indicatorAdjustments.bulkPut(putAdjustments) : 0,
      ...this.logged.map((s) => storeDerivedRows(s)),
      ...this.logged.map((s) => storeOverviewDigest(s)),
    ]);
  }
}

/**
 * Files a group of prepared files INSIDE a rw transaction over APPLY_TABLES: reads what the
 * group's scopes hold (one round trip for all), decides each file against it with the same rules
 * as the preview's (blockersOf, submissionDecision), then issues every write of the group at
 * once. The files of a group have different scopes. A refused file writes nothing; the others
 * go on. `beforeFile` runs before each file is decided (progress, cancel).
 */
async function fileGroup(files: readonly PreparedFile[], cache: TxCache, beforeFile: (i: number) => void = () => {}): Promise<(ApplyResult | Refusal)[]> {
  cache.own ??= getSetting('ownUnitCode');
  cache.indexes ??= new Map();
  for (const f of files) if (!cache.plans.has(f.scope.planId)) cache.plans.set(f.scope.planId, db.plans.get(f.scope.planId));
  const codes = [...new Set(files.map((f) => f.report.unit.code))];
  const [own, plans, records, units] = await Promise.all([
    cache.own,
    Promise.all(files.map((f) => cache.plans.get(f.scope.planId)!)),
    scopesRecords(files.map((f) => f.scope), true),
    db.units.bulkGet(codes),
  ]);
  const known = new Map<string, UnitRecord>();
  for (const u of units) if (u) known.set(u.code, u);
  const writes = new Writes();
  const out: (ApplyResult | Refusal)[] = [];
  for (let i = 0; i < files.length; i++) {
    beforeFile(i);
    const f = files[i]!;
    const { report, options, record } = f;
    const existing = records.get(scopeKeyOf(f.scope))!;
    const planRecord = plans[i];
    const active = existing.submissions.find((s) => s.state === 'active') ?? null;
    const { decision, reason } = submissionDecision(report, record.fileHash, active);
    const unitRecord = known.get(report.unit.code);
    let index: PlanItemIndex | undefined;
    if (planRecord) {
      index = cache.indexes.get(planRecord.id);
      if (!index) cache.indexes.set(planRecord.id, (index = planItemIndex(planRecord.plan)));
    }
    // The same rules as the preview's (blockersOf); the unit is looked up by code only, an alias
    // having been resolved by the preview.
    const facts: ImportFacts = {
      periodKey: report.period.key,
      ownUnit: own === report.unit.code,
      unit: report.unit,
      unitMatch: unitRecord ? { kind: 'code', unit: unitRecord } : { kind: 'unknown' },
      planKnown: planRecord !== undefined,
      itemsMatch: planRecord !== undefined && planMismatches(report, planRecord, index).allMatched,
      decision,
      reason,
    };
    const refusal = blockersOf(facts, options)[0];
    if (refusal) {
      out.push(refusalOf(refusal));
      continue;
    }
    if (decision === 'identical') {
      out.push({ outcome: 'unchanged', decision, submission: active, superseded: null });
      continue;
    }
    if (!unitRecord) {
      cache.parents ??= parentUnits();
      const parents = await cache.parents;
      const unit = unitRecordUnder(report, record.importedAt, parents);
      writes.units.push(unit);
      known.set(unit.code, unit);
      // A body filed earlier in the batch is a parent for the units after it.
      if (unit.level !== 'grassroots') parents.units.push(unit);
    }
    if (decision === 'older') {
      const history: SubmissionRecord = { ...record, state: 'superseded', supersededBy: active!.id };
      writes.submissions.push(history);
      writes.logged.push(history);
      out.push({ outcome: 'history', decision, submission: history, superseded: null });
      continue;
    }
    const submission: SubmissionRecord = { ...record };
    let superseded: SubmissionRecord | null = null;
    if (active) {
      superseded = { ...active, state: 'superseded', supersededBy: submission.id };
      submission.supersedes = active.id;
      writes.submissions.push(superseded);
    }
    writes.submissions.push(submission);
    writes.logged.push(submission);
    writes.add(scopeWrites(f.rows, existing));
    out.push({ outcome: 'applied', decision, submission, superseded });
  }
  await writes.flush();
  return out;
}

/**
 * One file, INSIDE a rw transaction over APPLY_TABLES. Every refusal is decided before the first
 * write, so a refused file has written nothing and the transaction can go on with the next one.
 * Restoring a backup with «Gộp» files the backup's submissions through it too (db/backup-merge.ts).
 */
export async function applyInTransaction(preview: SubmissionToFile, options: ApplyOptions, cache: TxCache = newTxCache()): Promise<ApplyResult | Refusal> {
  return (await fileGroup([prepareFile(preview, options)], cache))[0]!;
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
  preview: SubmissionToFile;
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
  /** Test hook: files filed together (one read, one set of writes); GROUP_FILES otherwise. */
  groupFiles?: number;
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
 * Files filed together inside the transaction: one read and one set of writes for all. Bounded
 * by activities too, so that writing a group (IndexedDB copies every record when it is put) stays
 * a short task.
 */
const GROUP_FILES = 50;
const GROUP_ACTIVITIES = 500;

/** Consecutive files in groups: a group ends at the bounds, and before a scope it already holds (that file must see the first one's writes). */
function groupsOf(files: readonly PreparedFile[], maxFiles: number): number[][] {
  const groups: number[][] = [];
  let group: number[] = [];
  let scopes = new Set<string>();
  let activities = 0;
  files.forEach((f, i) => {
    const key = scopeKeyOf(f.scope);
    const size = f.report.activities.length;
    if (group.length > 0 && (group.length >= maxFiles || activities + size > GROUP_ACTIVITIES || scopes.has(key))) {
      groups.push(group);
      group = [];
      scopes = new Set();
      activities = 0;
    }
    group.push(i);
    scopes.add(key);
    activities += size;
  });
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * Applies every entry in order inside ONE rw transaction: the batch lands whole or not at all.
 * - A file the rules refuse (OperationError cases: older without allowOlderAsHistory, unknown
 *   unit without addUnit, …) is reported in `files` with its message; it wrote nothing, and the
 *   others go on.
 * - Anything unexpected (a database error, a crash) rejects, and the transaction is aborted:
 *   the database is exactly as before the batch.
 * - `signal` is checked before each file; aborting it aborts the transaction (same: nothing
 *   stored) and resolves { status: 'cancelled' }.
 * - A window closed (or a renderer crashed) mid-batch never commits: IndexedDB aborts a
 *   transaction that has not completed when its connection goes away, so the batch is lost whole.
 *
 * Responsiveness: the records are built first, outside the transaction, in slices that yield to
 * the browser. Inside it, files are filed in groups (one read and one set of bulk writes each);
 * each request's completion is a separate task, so the browser renders (progress, the Hủy
 * button) between them. The transaction must not await anything but Dexie (a setTimeout would
 * let IndexedDB commit it early), so there is no explicit yield inside.
 */
export async function applyBatch(entries: readonly BatchEntry[], batch: BatchOptions = {}): Promise<BatchResult> {
  const { onProgress, signal } = batch;
  const total = entries.length;
  if (signal?.aborted) return { status: 'cancelled', files: [] };
  const due = timeSlicer();
  const prepared: PreparedFile[] = [];
  for (const { preview, options = {} } of entries) {
    await due();
    if (signal?.aborted) return { status: 'cancelled', files: [] };
    prepared.push(prepareFile(preview, { ...options, ...(batch.at !== undefined ? { at: batch.at } : {}) }));
  }
  try {
    const files = await db.transaction('rw', APPLY_TABLES(), async () => {
      const out: BatchFileResult[] = [];
      const cache = newTxCache();
      for (const group of groupsOf(prepared, batch.groupFiles ?? GROUP_FILES)) {
        const results = await fileGroup(
          group.map((i) => prepared[i]!),
          cache,
          (k) => {
            const i = group[k]!;
            if (signal?.aborted) throw new BatchCancelled();
            onProgress?.({ done: i, total, fileName: prepared[i]!.fileName });
          },
        );
        results.forEach((r, k) => {
          const i = group[k]!;
          const fileName = prepared[i]!.fileName;
          out.push('refused' in r ? { index: i, fileName, ok: false, message: r.refused } : { index: i, fileName, ok: true, result: r });
          batch.afterFile?.(i);
        });
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
    await new Writes().add(scopeWrites(restored ? scopeRows(scope, restored) : { putStatuses: [], putAdjustments: [] }, existing)).flush();
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
