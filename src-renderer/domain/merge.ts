/**
 * Merge rules of the import: what one unit's workbook does to the data already stored
 * for the same unit, plan and period ("the scope"). Pure module: db/import-ops.ts reads the
 * database, calls planSubmission for the preview, and applies the result in one transaction.
 *
 * Decisions (planSubmission), always against the scope's ACTIVE submission (at most one):
 * - 'identical': same file bytes (SHA-256), or the same exportedAt and the same content. Nothing
 *   to do; re-importing a file changes nothing, not even the history.
 * - 'new': the scope has no active submission (never imported, or every one was withdrawn).
 * - 'supersedes': exported later than the active one, or at the same instant with different
 *   content (a hand-filled template keeps the template's export time, so a corrected copy of the
 *   same template must still be able to replace the first). The active one stays as history.
 * - 'older': exported before the active one. It never overwrites newer data; it can only be kept
 *   as history (applySubmission with { allowOlderAsHistory: true }). Its diffs therefore show
 *   nothing new, changed or gone: every stored activity and status stays unchanged.
 *
 * Row identity: an activity is identified by its "Mã dòng" UUID (`sourceId`). A row without one
 * ('' from the reader, a row added by hand) gets an id derived from the file's hash and the row's
 * position (rowIdFor), so re-importing the same file gives the same ids and changes nothing.
 * The STORED id is derived again from the scope and the sourceId (importedActivityId): the same
 * activity reported for H1 and for the year is two records, each counted in its own period only.
 *
 * Statuses are identified by plan item id; an item whose status cell is empty has no status.
 * The report's indicator adjustments (Điều chỉnh) are materialized too, so that a unit's totals
 * summed here (sumIndicators over its activities + adjustments) equal the totals it reported.
 *
 * A consolidated report (kind 'consolidated': a district's or province's workbook) follows the
 * same rules with the lower body as the scope's unit; its activities keep their own unitCode
 * (the CĐCS that did each), and it materializes no statuses and no adjustments (its figures are
 * in report.consolidation, read by the consolidation itself).
 *
 * planMismatches compares the file's items with the plan it is filed under, item by item (id and
 * text): the officer resolves what differs; nothing is guessed.
 */
import { activitySearchText, type Activity } from './activity';
import type { IndicatorAdjustment } from './indicators';
import type { ParsedPlan } from './plan-types';
import { planFingerprint, trackableItems } from './plan-tree';
import { isConsolidated, reportActivityOf, type ReportActivity, type UnitReport, type WorkbookStatus } from './report';
import { fnv1a64Hex, type Limbs } from './hash';
import { formatInstantVn } from './vn-time';

// ---------------------------------------------------------------------------------------------
// Ids.

/**
 * Ids already computed, by text. An import computes each activity's id when it previews the
 * file and again when it applies it (re-planned inside the transaction, then materialized):
 * remembering them makes the apply step's ids a lookup. A pure function's results, so never
 * stale; emptied whole when it grows past the bound (a few hundred files' activities).
 */
const idMemo = new Map<string, string>();
const ID_MEMO_MAX = 200_000;

/** A UUID-shaped id (version 8, "custom") from 128 bits of two FNV-1a hashes of `text`. */
export function deterministicUuid(text: string): string {
  const known = idMemo.get(text);
  if (known !== undefined) return known;
  if (idMemo.size >= ID_MEMO_MAX) idMemo.clear();
  const id = uuidOf(text);
  idMemo.set(text, id);
  return id;
}

/** 0x84222325cbf29ce4 (the standard basis with its halves swapped), low limb first. */
const SWAPPED_OFFSET: Limbs = [0x9ce4, 0xcbf2, 0x2325, 0x8422];
const utf8 = new TextEncoder();

function uuidOf(text: string): string {
  const bytes = utf8.encode(text);
  const hex = fnv1a64Hex(bytes) + fnv1a64Hex(bytes, SWAPPED_OFFSET);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The id of a row that had no "Mã dòng" (or a repeated one): from the file hash and its index. */
export function rowIdFor(fileHash: string, rowIndex: number): string {
  return deterministicUuid(`row\u0000${fileHash}\u0000${rowIndex}`);
}

/** Unit + plan + period: what one submission reports on. */
export interface SubmissionScope {
  unitCode: string;
  planId: string;
  periodKey: string;
}

/** The stored id of an imported activity: one record per scope and source row. */
export function importedActivityId(scope: SubmissionScope, sourceId: string): string {
  return deterministicUuid(`activity\u0000${scope.unitCode}\u0000${scope.planId}\u0000${scope.periodKey}\u0000${sourceId}`);
}

/** The scope of a report; `planId` overrides the report's own plan (filed under another plan). */
export function scopeOf(report: UnitReport, planId?: string): SubmissionScope {
  return { unitCode: report.unit.code, planId: planId ?? report.plan.id, periodKey: report.period.key };
}

// ---------------------------------------------------------------------------------------------
// Inputs and outputs.

/** What the rules need of a stored submission (db SubmissionRecord satisfies it). */
export interface PriorSubmission {
  id: string;
  fileHash: string;
  exportedAt: string;
  importedAt: string;
  state: 'active' | 'superseded' | 'withdrawn';
  report: UnitReport;
}

/** An activity's content fields, as compared. */
type ActivityContent = Pick<
  Activity,
  'unitCode' | 'date' | 'itemIds' | 'type' | 'title' | 'content' | 'location' | 'participants' | 'evidenceDoc' | 'evidenceFile' | 'indicators'
>;

/** A stored imported activity (db ActivityRecord satisfies it). */
export type StoredActivity = ActivityContent & { id: string; sourceId?: string };

/** A stored status (db ItemStatusRecord satisfies it). */
export interface StoredStatus {
  itemId: string;
  status: WorkbookStatus;
  note: string;
  evidence: string;
}

export interface ExistingScopeData {
  /** Every submission of the scope, any state. */
  submissions: readonly PriorSubmission[];
  /** The scope's imported activities as stored now. */
  activities: readonly StoredActivity[];
  /** The scope's statuses as stored now. */
  statuses: readonly StoredStatus[];
}

export type SubmissionDecision = 'identical' | 'new' | 'supersedes' | 'older';

/** Keys (activity sourceIds, or item ids) in each class of the preview. */
export interface Diff {
  new: string[];
  changed: string[];
  unchanged: string[];
  gone: string[];
}

/** An activity of the report with its identities assigned. */
export interface IncomingActivity extends ReportActivity {
  /** Index in report.activities (the reader's activityRows[index] is its sheet row). */
  index: number;
  /** Its identity in the unit's data: the file's UUID, or rowIdFor(fileHash, index). */
  sourceId: string;
  /** The id it is stored under: importedActivityId(scope, sourceId). */
  storedId: string;
}

export interface SubmissionPlan {
  decision: SubmissionDecision;
  /** Vietnamese, one sentence: why this decision (shown in the preview). */
  reason: string;
  scope: SubmissionScope;
  fileHash: string;
  /** The scope's active submission, if any (the one replaced, matched, or newer). */
  active: PriorSubmission | null;
  activities: IncomingActivity[];
  /** By sourceId, against the stored activities of the scope. */
  activityDiff: Diff;
  /** By item id, against the stored statuses of the scope. */
  statusDiff: Diff;
}

// ---------------------------------------------------------------------------------------------
// Comparison.

function sortedIndicators(ind: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(ind)
    .filter(([, v]) => v !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function activityKey(a: ActivityContent): string {
  return JSON.stringify([
    a.unitCode,
    a.date,
    a.itemIds,
    a.type,
    a.title,
    a.content,
    a.location,
    a.participants,
    a.evidenceDoc,
    a.evidenceFile,
    sortedIndicators(a.indicators),
  ]);
}

function statusKey(s: { status: WorkbookStatus | null; note: string; evidence: string }): string {
  return JSON.stringify([s.status, s.note, s.evidence]);
}

/** Same items, activities (ids and content) and indicators: what "same content" means. */
export function sameContent(a: UnitReport, b: UnitReport): boolean {
  const body = (r: UnitReport) =>
    JSON.stringify([
      r.unit.code,
      r.plan.id,
      r.period.key,
      r.items.map((i) => [i.id, i.status, i.note, i.evidence]),
      r.activities.map((x) => [x.id, activityKey(x)]),
      r.indicators.map((i) => [i.code, i.value, i.target, i.adjustment, i.adjustmentReason]),
      r.kind === 'consolidated' ? (r.consolidation ?? null) : null,
    ]);
  return body(a) === body(b);
}

function diffOf<T>(incoming: Map<string, T>, stored: Map<string, T>, key: (v: T) => string): Diff {
  const out: Diff = { new: [], changed: [], unchanged: [], gone: [] };
  for (const [id, value] of incoming) {
    const old = stored.get(id);
    if (old === undefined) out.new.push(id);
    else if (key(old) === key(value)) out.unchanged.push(id);
    else out.changed.push(id);
  }
  for (const id of stored.keys()) if (!incoming.has(id)) out.gone.push(id);
  return out;
}

/** The report's activities with sourceId (file UUID or derived; a repeated UUID counts as new) and stored id. */
export function incomingActivities(report: UnitReport, fileHash: string, scope: SubmissionScope): IncomingActivity[] {
  const seen = new Set<string>();
  // A unit's report is about that unit; a consolidated one lists every contributor's activities.
  const keepUnit = isConsolidated(report);
  return report.activities.map((a, index) => {
    let sourceId = a.id;
    if (sourceId === '' || seen.has(sourceId)) sourceId = rowIdFor(fileHash, index);
    seen.add(sourceId);
    const unitCode = keepUnit && a.unitCode !== '' ? a.unitCode : scope.unitCode;
    return { ...a, unitCode, index, sourceId, storedId: importedActivityId(scope, sourceId) };
  });
}

/** Export instants compared as instants (an unparsable one sorts first: it never wins). */
export function compareInstants(a: string, b: string): number {
  const x = Date.parse(a);
  const y = Date.parse(b);
  const xs = Number.isNaN(x) ? -Infinity : x;
  const ys = Number.isNaN(y) ? -Infinity : y;
  return xs < ys ? -1 : xs > ys ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What importing `report` (file bytes hashed to `fileHash`) would do to its scope, and the diff
 * the preview shows. `existing` is the scope's data as stored; `planId` files it under another
 * plan than the report's own (after the officer resolved planMismatches).
 */
export function planSubmission(report: UnitReport, fileHash: string, existing: ExistingScopeData, planId?: string): SubmissionPlan {
  const scope = scopeOf(report, planId);
  const activities = incomingActivities(report, fileHash, scope);
  const storedActs = new Map(existing.activities.map((a) => [a.sourceId ?? a.id, a as ActivityContent]));
  const activityDiff = diffOf(new Map(activities.map((a) => [a.sourceId, a as ActivityContent])), storedActs, activityKey);
  const incomingStatuses = new Map(
    report.items.filter((i) => i.status !== null).map((i) => [i.id, { status: i.status, note: i.note, evidence: i.evidence }]),
  );
  const storedStatuses = new Map(existing.statuses.map((s) => [s.itemId, { status: s.status as WorkbookStatus | null, note: s.note, evidence: s.evidence }]));
  const statusDiff = diffOf(incomingStatuses, storedStatuses, statusKey);

  const active = existing.submissions.find((s) => s.state === 'active') ?? null;
  const base = { scope, fileHash, active, activities, activityDiff, statusDiff };
  const { decision, reason } = submissionDecision(report, fileHash, active);
  // Applying an older file changes no data (at most it is kept as history): its diffs say so.
  if (decision === 'older') return { ...base, activityDiff: unchangedDiff(storedActs.keys()), statusDiff: unchangedDiff(storedStatuses.keys()), decision, reason };
  return { ...base, decision, reason };
}

/**
 * The decision alone, against the scope's active submission (null: none): what applying a file
 * needs, without the diffs the preview shows.
 */
export function submissionDecision(report: UnitReport, fileHash: string, active: PriorSubmission | null): { decision: SubmissionDecision; reason: string } {
  if (!active) return { decision: 'new', reason: 'Đơn vị chưa có báo cáo nào được nhập cho kế hoạch và kỳ này.' };
  if (active.fileHash === fileHash || (compareInstants(active.exportedAt, report.exportedAt) === 0 && sameContent(active.report, report))) {
    return { decision: 'identical', reason: 'Tệp này đã được nhập (cùng nội dung): không có gì thay đổi.' };
  }
  if (compareInstants(report.exportedAt, active.exportedAt) < 0) {
    return {
      decision: 'older',
      reason: `Tệp này được xuất trước báo cáo đang dùng của đơn vị (bản đang dùng xuất lúc ${formatInstantVn(active.exportedAt)}, tệp này ${formatInstantVn(report.exportedAt)}): không ghi đè dữ liệu mới hơn, chỉ có thể lưu vào lịch sử.`,
    };
  }
  return {
    decision: 'supersedes',
    reason:
      compareInstants(report.exportedAt, active.exportedAt) === 0
        ? 'Cùng thời điểm xuất nhưng nội dung khác (bản điền tay được sửa lại): thay báo cáo đang dùng, bản cũ giữ trong lịch sử.'
        : 'Tệp mới hơn báo cáo đang dùng của đơn vị: thay bản cũ, bản cũ giữ trong lịch sử.',
  };
}

/** The diff of an import that changes nothing: every stored key stays as it is. */
function unchangedDiff(stored: Iterable<string>): Diff {
  return { new: [], changed: [], unchanged: [...stored], gone: [] };
}

/** Counts of a diff, for the preview's one-line summary. */
export function diffCounts(d: Diff): { new: number; changed: number; unchanged: number; gone: number } {
  return { new: d.new.length, changed: d.changed.length, unchanged: d.unchanged.length, gone: d.gone.length };
}

// ---------------------------------------------------------------------------------------------
// Materialization: the records a submission stands for.

/** An activity as an import stores it (the db adds nothing else but submissionId). */
export type MaterializedActivity = Activity & { searchText: string; sourceId: string };

export interface MaterializedStatus {
  planId: string;
  unitCode: string;
  periodKey: string;
  itemId: string;
  status: WorkbookStatus;
  note: string;
  evidence: string;
  updatedAt: string;
}

/**
 * The activities a report stands for, filed under `scope`, stamped `at`, without their folded
 * search text (materialize adds it; a reader may fold only when a search needs it).
 */
export function materializeActivities(report: UnitReport, fileHash: string, scope: SubmissionScope, at: string): (Activity & { sourceId: string })[] {
  return incomingActivities(report, fileHash, scope).map((a) => ({
    ...reportActivityOf(a),
    id: a.storedId,
    planId: scope.planId,
    unitCode: a.unitCode,
    indicators: Object.fromEntries(sortedIndicators(a.indicators)),
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    sourceId: a.sourceId,
  }));
}

/**
 * The activities and statuses a report stands for, filed under `scope`, stamped `at` (the
 * import instant). Deterministic: the same report and hash give the same ids.
 */
export function materialize(
  report: UnitReport,
  fileHash: string,
  scope: SubmissionScope,
  at: string,
  /** activities: false skips them (the import writes only statuses and adjustments). */
  options: { activities?: boolean } = {},
): { activities: MaterializedActivity[]; statuses: MaterializedStatus[]; adjustments: IndicatorAdjustment[] } {
  const activities =
    options.activities === false
      ? []
      : materializeActivities(report, fileHash, scope, at).map((a): MaterializedActivity => ({ ...a, searchText: activitySearchText(a) }));
  // A consolidated report's statuses are counts and its units' corrections are inside their
  // values (report.consolidation): nothing of the kind is the lower body's own.
  if (isConsolidated(report)) return { activities, statuses: [], adjustments: [] };
  const statuses = report.items
    .filter((i): i is typeof i & { status: WorkbookStatus } => i.status !== null)
    .map((i): MaterializedStatus => ({ ...scope, itemId: i.id, status: i.status, note: i.note, evidence: i.evidence, updatedAt: at }));
  // The unit's manual corrections travel in "Chỉ tiêu" (Điều chỉnh): without them its totals
  // here would differ from the totals it reported.
  const adjustments = report.indicators
    .filter((i) => i.adjustment !== 0)
    .map((i): IndicatorAdjustment => ({ ...scope, indicatorCode: i.code, delta: i.adjustment, reason: i.adjustmentReason, updatedAt: at }));
  return { activities, statuses, adjustments };
}

// ---------------------------------------------------------------------------------------------
// Plan mismatches.

export type ItemMatch = 'matched' | 'missing-in-plan' | 'missing-in-file' | 'text-changed';

export interface ItemMismatch {
  itemId: string;
  match: ItemMatch;
  /** The item's text in the file ('' when missing in the file). */
  fileText: string;
  /** The item's text in the plan ('' when missing in the plan). */
  planText: string;
}

export interface PlanMismatches {
  /** The file names this plan (same id). */
  samePlanId: boolean;
  /** The file's plan fingerprint equals this plan's. */
  sameFingerprint: boolean;
  /** Every item of the file and the plan, file order first, then the plan's items missing in the file. */
  items: ItemMismatch[];
  /** True when every item matched (nothing for the officer to resolve). */
  allMatched: boolean;
}

const textKey = (t: string): string => t.normalize('NFC').replace(/\s+/g, ' ').trim();

/** What planMismatches reads of a plan, computed once for every file of a batch filed under it. */
export interface PlanItemIndex {
  /** Trackable item id → its text, in the plan's order. */
  items: ReadonlyMap<string, string>;
  fingerprint: string;
}

export function planItemIndex(plan: Pick<ParsedPlan, 'sections'>): PlanItemIndex {
  return { items: new Map(trackableItems(plan).map((n) => [n.id, n.text])), fingerprint: planFingerprint(plan) };
}

/**
 * The file's items against a plan's trackable items, by id, then by text. Never guesses a
 * pairing. `index`: the plan's planItemIndex, when the caller compares many files with it.
 */
export function planMismatches(report: UnitReport, plan: { id: string; plan: Pick<ParsedPlan, 'sections'> }, index: PlanItemIndex = planItemIndex(plan.plan)): PlanMismatches {
  const planItems = index.items;
  const items: ItemMismatch[] = [];
  const inFile = new Set<string>();
  for (const it of report.items) {
    inFile.add(it.id);
    const planText = planItems.get(it.id);
    if (planText === undefined) items.push({ itemId: it.id, match: 'missing-in-plan', fileText: it.text, planText: '' });
    // A hand-filled template may leave the text column empty: then the id alone matches.
    // The same text (a file the app wrote) needs no folding to compare.
    else if (it.text !== planText && it.text.trim() !== '' && textKey(it.text) !== textKey(planText)) items.push({ itemId: it.id, match: 'text-changed', fileText: it.text, planText });
    else items.push({ itemId: it.id, match: 'matched', fileText: it.text, planText });
  }
  for (const [id, text] of planItems) if (!inFile.has(id)) items.push({ itemId: id, match: 'missing-in-file', fileText: '', planText: text });
  return {
    samePlanId: report.plan.id === plan.id,
    sameFingerprint: report.plan.fingerprint === index.fingerprint,
    items,
    allMatched: items.every((i) => i.match === 'matched'),
  };
}
