/**
 * Reading activities: the ones logged in this installation (table `activities`, one record each)
 * together with the ones of imported submissions. An imported unit's activities are not stored
 * as rows (schema v5): they are derived from the report its active submission holds, with the
 * same ids, unit codes and folded search text the import used to write (domain/merge.ts
 * materialize). Since schema v7 the import also stores them prepared, one pack per submission
 * (db/log-rows.ts): the readers take the pack, and derive from the report only when there is none.
 * Every reader of activities goes through here, so the log, the checklist counts, the
 * indicators and the reports see both alike.
 *
 * A submission's content never changes once stored, so its activities are also kept in memory
 * by submission id (LRU, bounded); which submissions a plan shows is kept until a submission is
 * written, so a later read of the same plan reads only the activities logged here.
 *
 * Inside a transaction, its table list must hold every table: spread ACTIVITY_TABLES() into it.
 * In a liveQuery they are observed, so an import or a withdrawal refreshes the views.
 */
import { Dexie } from 'dexie';
import { activitySearchText } from '@domain/activity';
import { materializeActivities } from '@domain/merge';
import { db } from './db';
import { leftOutSubmissions } from './double-count-ops';
import { LOG_ROW_TABLES, logHeadsOf, logRowsOfHeads, logRowsOfSubmissions } from './log-rows';
import type { LogHead } from '@domain/log-rows';
import type { ActivityRecord, SubmissionRecord } from './types';

/** The tables activities are read from (for a transaction's table list). */
export const ACTIVITY_TABLES = () => [db.activities, db.submissions, ...LOG_ROW_TABLES()];

// ---------------------------------------------------------------------------------------------
// Derived activities of a submission, remembered.

/**
 * Activities kept, counted over the submissions remembered: a district's 400 files × 500 or a
 * province's 2,000 files × 40 (80,000) fit whole, whatever the number of files. A plan with more
 * still reads whole; only its later reads derive some again.
 */
const DERIVED_MAX_ACTIVITIES = 200_000;
let derivedCount = 0;
/**
 * By submission id. Ids are random UUIDs given at import, and a stored submission's content is
 * never rewritten (only its state changes), so an id always stands for the same activities.
 * Emptied whenever the database (re)opens: a restore or a test may bring other records.
 */
const derived = new Map<string, readonly ActivityRecord[]>();
db.on('ready', () => forgetDerivedActivities(), true);

/**
 * Forgets every derived list: for the one operation that rewrites stored submissions (a unit's
 * code changing, db/unit-ops.ts), whose activities are then derived again under the new code.
 */
export function forgetDerivedActivities(): void {
  derived.clear();
  derivedCount = 0;
  forgetShown();
}

function remember(id: string, list: readonly ActivityRecord[]): void {
  const known = derived.get(id);
  if (known) {
    derived.delete(id);
    derivedCount -= known.length;
  }
  // The least recently used go first; the newest list stays even when it alone is over the bound.
  for (const [oldId, oldList] of derived) {
    if (derivedCount + list.length <= DERIVED_MAX_ACTIVITIES) break;
    derived.delete(oldId);
    derivedCount -= oldList.length;
  }
  derived.set(id, list);
  derivedCount += list.length;
}

/** The activities a stored submission stands for, as the log shows them (read-only). */
export function submissionActivities(s: SubmissionRecord): readonly ActivityRecord[] {
  const known = derived.get(s.id);
  if (known) {
    remember(s.id, known); // most recently used last
    return known;
  }
  const scope = { unitCode: s.unitCode, planId: s.planId, periodKey: s.periodKey };
  const list = materializeActivities(s.report, s.fileHash, scope, s.importedAt).map((a) => new ImportedActivity(a, s.id));
  remember(s.id, list);
  warmSearchText(list);
  return list;
}

/**
 * Folds the search text of derived activities while the renderer is idle, a slice at a time, so
 * that the officer's first search over a district's 50,000 activities does not fold them all
 * at once (about half a second). Only where the browser offers requestIdleCallback.
 */
const warmQueue: (readonly ActivityRecord[])[] = [];
let warming = false;

function warmSearchText(list: readonly ActivityRecord[]): void {
  if (typeof requestIdleCallback !== 'function') return;
  warmQueue.push(list);
  if (warming) return;
  warming = true;
  let index = 0;
  const step = (deadline: IdleDeadline) => {
    while (warmQueue.length > 0 && deadline.timeRemaining() > 2) {
      const current = warmQueue[0]!;
      const stop = Math.min(current.length, index + 200);
      for (; index < stop; index++) void current[index]!.searchText;
      if (index >= current.length) {
        warmQueue.shift();
        index = 0;
      }
    }
    if (warmQueue.length > 0) requestIdleCallback(step);
    else warming = false;
  };
  requestIdleCallback(step);
}

/**
 * An imported activity as the readers see it: the fields of materialize's record, with its
 * folded search text computed the first time a search reads it (folding 50,000 activities'
 * text is most of deriving them, and most views never search). Read-only by convention, like
 * every record a query returns.
 */
class ImportedActivity implements ActivityRecord {
  declare id: string;
  declare planId: string;
  declare unitCode: string;
  declare date: ActivityRecord['date'];
  declare itemIds: string[];
  declare type: ActivityRecord['type'];
  declare title: string;
  declare content: string;
  declare location: string;
  declare participants: number | null;
  declare evidenceDoc: string;
  declare evidenceFile: string;
  declare indicators: Record<string, number>;
  declare createdAt: string;
  declare updatedAt: string;
  declare deletedAt: string | null;
  declare sourceId: string;
  declare submissionId: string;

  constructor(fields: Omit<ActivityRecord, 'searchText' | 'submissionId'>, submissionId: string) {
    Object.assign(this, fields);
    this.submissionId = submissionId;
  }

  get searchText(): string {
    let text = foldedText.get(this);
    if (text === undefined) foldedText.set(this, (text = activitySearchText(this)));
    return text;
  }
}

/**
 * The folded text of each ImportedActivity once computed. Beside the object, not on it: an own
 * field would show in copies and comparisons, and the security scan's parser (electronegativity)
 * cannot read class private fields.
 */
const foldedText = new WeakMap<ImportedActivity, string>();

function flatten(lists: readonly (readonly ActivityRecord[])[], keep?: (a: ActivityRecord) => boolean): ActivityRecord[] {
  const out: ActivityRecord[] = [];
  for (const list of lists) for (const a of list) if (!keep || keep(a)) out.push(a);
  return out;
}

const READ_CHUNK = 8;
/** Prepared packs read per request: a district's 500-row packs are a few MB of JSON each 25. */
const PACK_CHUNK = 25;

// ---------------------------------------------------------------------------------------------
// Which submissions a plan shows, remembered until a submission is written.

/**
 * Every reader of activities starts with the plan's active submissions, found from index keys:
 * for a province's 2,000 that key scan costs Chromium's IndexedDB 100–200 ms, and the check for
 * reports counted twice (leftOutSubmissions) as much again. The answer changes only when a
 * submission is written, so it is kept per plan until then.
 *
 * Forgotten when a transaction that may write submissions starts and again when it ends (its
 * IndexedDB transaction's own events, which run before Dexie tells the live queries; Dexie's
 * storagemutated tells other windows' writes), and neither kept nor used while one runs.
 */
interface ShownIds {
  /** The plan's active submissions the log shows: not those a consolidated report covers. */
  shown: readonly string[];
  /** The imported activities of `shown`, in one list, once built whole (importedOfPlanFlat). */
  flat?: readonly ActivityRecord[];
  /** Their heads, once read (logHeadsOfPlan): the log opens again without reading the keys. */
  heads?: readonly (LogHead | ActivityRecord)[];
}
const shownByPlan = new Map<string, ShownIds>();
/** Bumped by every write to the submissions: an answer read across a write is not kept. */
let submissionsVersion = 0;
/** Transactions that may write submissions, still running. */
let submissionWrites = 0;

function forgetShown(): void {
  submissionsVersion++;
  shownByPlan.clear();
}

function watchSubmissionWrite(tx: IDBTransaction): void {
  submissionWrites++;
  forgetShown();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    submissionWrites--;
    forgetShown();
  };
  tx.addEventListener('complete', end);
  tx.addEventListener('abort', end);
}

db.use({
  stack: 'dbcore',
  name: 'shown-submissions',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      const tx = down.transaction(stores, mode, options);
      if (mode === 'readwrite' && stores.includes('submissions')) watchSubmissionWrite(tx as unknown as IDBTransaction);
      return tx;
    },
  }),
});
const SUBMISSIONS_PART = `idb://${db.name}/submissions/`;
Dexie.on('storagemutated', (parts) => {
  if (Object.keys(parts).some((part) => part.startsWith(SUBMISSIONS_PART))) forgetShown();
});
db.on('ready', () => forgetShown(), true);

/**
 * What a live query must observe to run again when the remembered answer changes, as the key
 * scan would have: the plan's active range of [planId+state] (a submission filed, withdrawn,
 * replaced or rewritten). One key read, not the 2,000.
 */
function observeShown(planId: string): Promise<unknown> {
  return db.submissions.where('[planId+state]').equals([planId, 'active']).limit(1).primaryKeys();
}

/** The ids of a plan's active submissions whose activities the log shows. */
async function shownOf(planId: string): Promise<ShownIds> {
  const known = submissionWrites === 0 ? shownByPlan.get(planId) : undefined;
  if (known) {
    await observeShown(planId);
    return known;
  }
  const version = submissionsVersion;
  // A unit's own report already inside a consolidated one is not read twice (db/double-count-ops.ts);
  // both key scans at once: the check reads the active ids itself only when a consolidated report exists.
  const [active, leftOut] = await Promise.all([
    db.submissions.where('[planId+state]').equals([planId, 'active']).primaryKeys(),
    leftOutSubmissions(planId),
  ]);
  const entry: ShownIds = { shown: leftOut.size === 0 ? active : active.filter((id) => !leftOut.has(id)) };
  if (submissionWrites === 0 && version === submissionsVersion) shownByPlan.set(planId, entry);
  return entry;
}

/**
 * The activities of these submissions, by id: remembered, else from their prepared packs, else
 * derived from the submission records (each holds a whole workbook).
 */
async function importedLists(ids: readonly string[]): Promise<Map<string, readonly ActivityRecord[]>> {
  // Taken here, not looked up at the end: a plan with more active submissions than the memory
  // keeps would otherwise lose some to eviction while the others are derived.
  const lists = new Map<string, readonly ActivityRecord[]>();
  /** Takes `id`'s list when there is one; false otherwise. */
  const take = (id: string, list: readonly ActivityRecord[] | undefined): boolean => {
    if (!list) return false;
    lists.set(id, list);
    remember(id, list);
    return true;
  };
  const missing = ids.filter((id) => !take(id, derived.get(id)));
  // A few at a time: each read's completion is its own task, so a province's 2,000 packs (or a
  // district's 100 reports) never hold the renderer for long (the log shows its first rows meanwhile).
  const unprepared: string[] = [];
  for (let i = 0; i < missing.length; i += PACK_CHUNK) {
    const chunk = missing.slice(i, i + PACK_CHUNK);
    const packs = await logRowsOfSubmissions(chunk);
    for (const id of chunk) if (!take(id, packs.get(id))) unprepared.push(id);
  }
  for (let i = 0; i < unprepared.length; i += READ_CHUNK) {
    for (const s of await db.submissions.bulkGet(unprepared.slice(i, i + READ_CHUNK))) if (s) lists.set(s.id, submissionActivities(s));
  }
  return lists;
}

/**
 * The activities of a plan's active submissions in one list, the same array until a submission
 * is written: the log's sorted orders are kept per array (features/activities/activity-query.ts),
 * so opening it again sorts nothing.
 */
async function importedOfPlanFlat(planId: string): Promise<readonly ActivityRecord[]> {
  const entry = await shownOf(planId);
  if (entry.flat) return entry.flat;
  const version = submissionsVersion;
  const lists = await importedLists(entry.shown);
  const flat = flatten(entry.shown.map((id) => lists.get(id) ?? []));
  if (submissionWrites === 0 && version === submissionsVersion && shownByPlan.get(planId) === entry) entry.flat = flat;
  return flat;
}

/** What the log's first screen chooses its rows from (db reads only, no activity derived). */
export interface LogHeads {
  /** The plan's activities logged here, live and deleted, whole. */
  own: ActivityRecord[];
  /**
   * Its imported activities: their heads, or whole records when already in memory (then the same
   * array as long as no submission is written).
   */
  imported: readonly (LogHead | ActivityRecord)[];
}

/**
 * The heads of a plan's activities: what the log needs to count and order them and to choose its
 * first rows, read from the prepared keys (a few MB for a province's 2,000 submissions) or
 * taken from memory. A submission with neither is derived from its report, as before v7.
 */
export async function logHeadsOfPlan(planId: string): Promise<LogHeads> {
  const [own, entry] = await Promise.all([db.activities.where('planId').equals(planId).toArray(), shownOf(planId)]);
  if (entry.flat) return { own, imported: entry.flat };
  const version = submissionsVersion;
  const imported: (LogHead | ActivityRecord)[] = [];
  const unknown: string[] = [];
  for (const id of entry.shown) {
    const known = derived.get(id);
    if (known) for (const a of known) imported.push(a);
    else unknown.push(id);
  }
  if (unknown.length === 0) {
    // Every list in memory: this is the whole list importedOfPlanFlat would build.
    if (submissionWrites === 0 && version === submissionsVersion && shownByPlan.get(planId) === entry) entry.flat = imported as ActivityRecord[];
    return { own, imported };
  }
  if (entry.heads) return { own, imported: entry.heads };
  const heads = await logHeadsOf(planId, unknown);
  const unprepared = unknown.filter((id) => !heads.has(id));
  for (const list of heads.values()) for (const h of list) imported.push(h);
  if (unprepared.length > 0) for (const list of (await importedLists(unprepared)).values()) for (const a of list) imported.push(a);
  if (submissionWrites === 0 && version === submissionsVersion && shownByPlan.get(planId) === entry) entry.heads = imported;
  return { own, imported };
}

const isWhole = (a: LogHead | ActivityRecord): a is ActivityRecord => 'title' in a;

/**
 * The whole records of these activities (heads from logHeadsOfPlan), in the same order: from
 * memory, else the stored pages they are on, else their submission read whole.
 */
export async function wholeActivities(heads: readonly (LogHead | ActivityRecord)[]): Promise<ActivityRecord[]> {
  const out: (ActivityRecord | undefined)[] = heads.map((h) => (isWhole(h) ? h : undefined));
  const pending = heads.flatMap((h, i) => (isWhole(h) ? [] : [{ head: h, i }]));
  const paged = await logRowsOfHeads(pending.map((p) => p.head));
  pending.forEach((p, k) => (out[p.i] = paged[k]));
  const unread = pending.filter((p) => out[p.i] === undefined);
  if (unread.length > 0) {
    const lists = await importedLists([...new Set(unread.map((p) => p.head.submissionId))]);
    for (const { head, i } of unread) {
      const a = lists.get(head.submissionId)?.[head.row];
      if (a?.id === head.id) out[i] = a;
    }
  }
  return out.filter((a): a is ActivityRecord => a !== undefined);
}

/**
 * Every activity of a plan, live and deleted, logged here or imported. Read-only: with none
 * logged here, it is the remembered list of imported ones itself (importedOfPlanFlat).
 */
export async function activitiesOfPlan(planId: string): Promise<readonly ActivityRecord[]> {
  const [own, imported] = await Promise.all([db.activities.where('planId').equals(planId).toArray(), importedOfPlanFlat(planId)]);
  return own.length === 0 ? imported : imported.length === 0 ? own : own.concat(imported);
}

/** Every activity of one unit in a plan (live and deleted). */
export async function activitiesOfUnit(planId: string, unitCode: string): Promise<ActivityRecord[]> {
  const [own, subs] = await Promise.all([
    db.activities.where('[planId+unitCode]').equals([planId, unitCode]).toArray(),
    db.submissions.where('unitCodes').equals(unitCode).filter((s) => s.state === 'active' && s.planId === planId).toArray(),
  ]);
  if (subs.length === 0) return own;
  // Only when the unit has reports here: finding what is counted elsewhere walks the plan's index.
  const leftOut = await leftOutSubmissions(planId);
  if (leftOut.size > 0) subs.splice(0, subs.length, ...subs.filter((s) => !leftOut.has(s.id)));
  return subs.length === 0 ? own : own.concat(flatten(subs.map(submissionActivities), (a) => a.unitCode === unitCode));
}

/** Every activity of a plan dated within [start, end] (ISO dates, both included), live and deleted. */
export async function activitiesInRange(planId: string, start: string, end: string): Promise<ActivityRecord[]> {
  const [own, imported] = await Promise.all([
    db.activities.where('[planId+date]').between([planId, start], [planId, end], true, true).toArray(),
    // The whole list, remembered: the log opened next takes it as it is.
    importedOfPlanFlat(planId),
  ]);
  const inRange = imported.filter((a) => start <= a.date && a.date <= end);
  return inRange.length === 0 ? own : own.concat(inRange);
}

/** The activities of these submissions (records already read). */
export function activitiesOfSubmissions(subs: readonly SubmissionRecord[]): ActivityRecord[] {
  return flatten(subs.map(submissionActivities));
}

/**
 * The code of every unit that has activities logged here, or that an imported submission (not
 * withdrawn: the history refers to it too) files data under. From the indexes' keys only.
 */
export async function unitCodesWithActivities(): Promise<Set<string>> {
  const [ownKeys, submittedCodes] = await Promise.all([
    db.activities.orderBy('[planId+unitCode]').uniqueKeys(),
    db.submissions.orderBy('unitCodes').uniqueKeys(),
  ]);
  const codes = new Set<string>();
  for (const key of ownKeys) if (Array.isArray(key) && typeof key[1] === 'string') codes.add(key[1]);
  for (const code of submittedCodes) if (typeof code === 'string') codes.add(code);
  return codes;
}

/** True when activities are logged under the unit's code, or a submission (not withdrawn) files data under it. */
export async function unitHasActivities(unitCode: string): Promise<boolean> {
  const [own, submitted] = await Promise.all([
    db.activities.filter((a) => a.unitCode === unitCode).count(),
    db.submissions.where('unitCodes').equals(unitCode).count(),
  ]);
  return own + submitted > 0;
}
