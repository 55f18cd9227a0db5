/**
 * The log's prepared rows of imported submissions (tables logRows and logKeys, schema v7): written
 * with the submission, read by db/activity-read.ts. They are a copy derived from the submission's
 * report, never the only one: a submission without them (stored before v7, restored from a
 * backup, or a pack this version cannot read) is read from its report, and fillMissingLogRows
 * prepares what is missing once the app has opened.
 */
import { LOG_PAGE_ROWS, logRowsOf, packLogKeys, packLogRows, unpackLogKeys, unpackLogRows, type LogHead, type LogRow } from '@domain/log-rows';
import type { MaterializedActivity } from '@domain/merge';
import { db } from './db';
import { fillMissingPerSubmission } from './prepared-per-submission';
import type { LogRowsRecord, SubmissionRecord } from './types';

/** The tables a transaction that stores submissions must also hold. */
export const LOG_ROW_TABLES = () => [db.logRows, db.logKeys];

/** The log's rows of a stored submission, built from its report. */
export function derivedRowsOf(s: SubmissionRecord): MaterializedActivity[] {
  return logRowsOf(s.report, s.fileHash, { unitCode: s.unitCode, planId: s.planId, periodKey: s.periodKey }, s.importedAt);
}

/**
 * Stores the log's rows of `submission` (`rows`: derivedRowsOf it, when the caller has them
 * already), replacing any stored before. Inside the caller's rw transaction, which must hold
 * LOG_ROW_TABLES: they land with the submission or not at all.
 */
export function storeDerivedRows(submission: SubmissionRecord, rows: readonly MaterializedActivity[] = derivedRowsOf(submission)): Promise<unknown> {
  const base = { submissionId: submission.id, planId: submission.planId, at: submission.importedAt };
  const pages: LogRowsRecord[] = [];
  for (let page = 0; page * LOG_PAGE_ROWS < rows.length || page === 0; page++) {
    pages.push({ ...base, page, ...packLogRows(rows.slice(page * LOG_PAGE_ROWS, (page + 1) * LOG_PAGE_ROWS)) });
  }
  return Promise.all([
    // Pages beyond the new last one (none for a new submission: its id is new).
    db.logRows.where('[submissionId+page]').between([submission.id, pages.length], [submission.id, Infinity]).delete(),
    db.logRows.bulkPut(pages),
    db.logKeys.put({ ...base, ...packLogKeys(rows) }),
  ]);
}

/**
 * The heads of these submissions' rows (all of plan `planId`), by submission id; an id without
 * usable keys is absent.
 */
export async function logHeadsOf(planId: string, ids: readonly string[]): Promise<Map<string, LogHead[]>> {
  const wanted = new Set(ids);
  // Most of a plan's keys wanted (the log opening): one pass over its index beats a lookup each.
  const records = ids.length > 50 ? (await db.logKeys.where('planId').equals(planId).toArray()).filter((k) => wanted.has(k.submissionId)) : await db.logKeys.bulkGet([...ids]);
  const out = new Map<string, LogHead[]>();
  for (const k of records) {
    const heads = k ? unpackLogKeys(k, k) : null;
    if (heads) out.set(k!.submissionId, heads);
  }
  return out;
}

/** The rows of stored pages, or null when one is missing or unreadable. */
function rowsOfPages(pages: readonly (LogRowsRecord | undefined)[]): LogRow[] | null {
  const out: LogRow[] = [];
  for (const [i, p] of pages.entries()) {
    const rows = p && p.page === i ? unpackLogRows(p, p) : null;
    if (!rows) return null;
    for (const r of rows) out.push(r);
  }
  return out;
}

/** These submissions' rows, by submission id; an id without usable pages is absent. */
export async function logRowsOfSubmissions(ids: readonly string[]): Promise<Map<string, LogRow[]>> {
  const bySubmission = new Map<string, LogRowsRecord[]>();
  for (const p of await db.logRows.where('submissionId').anyOf([...ids]).toArray()) {
    let list = bySubmission.get(p.submissionId);
    if (!list) bySubmission.set(p.submissionId, (list = []));
    list.push(p);
  }
  const out = new Map<string, LogRow[]>();
  for (const [id, pages] of bySubmission) {
    const rows = rowsOfPages(pages.sort((a, b) => a.page - b.page));
    if (rows) out.set(id, rows);
  }
  return out;
}

/**
 * The rows these heads stand for, by head (same order; undefined where the page is missing or
 * does not hold that row any more): only the pages they are on are read.
 */
export async function logRowsOfHeads(heads: readonly LogHead[]): Promise<(LogRow | undefined)[]> {
  const keyOf = (h: LogHead): [string, number] => [h.submissionId, Math.floor(h.row / LOG_PAGE_ROWS)];
  const wanted = new Map<string, [string, number]>();
  for (const h of heads) {
    const k = keyOf(h);
    wanted.set(k.join('\u0000'), k);
  }
  const keys = [...wanted.values()];
  const pages = await db.logRows.bulkGet(keys);
  const rows = new Map<string, LogRow[] | null>();
  keys.forEach((k, i) => rows.set(k.join('\u0000'), pages[i] ? unpackLogRows(pages[i], pages[i]) : null));
  return heads.map((h) => {
    const k = keyOf(h);
    const r = rows.get(k.join('\u0000'))?.[h.row - k[1] * LOG_PAGE_ROWS];
    return r && r.id === h.id ? r : undefined;
  });
}

/**
 * Prepares the rows of every stored submission that has none (a database from before v7, a
 * restored backup): db/prepared-per-submission.ts. Returns how many submissions it prepared.
 */
export function fillMissingLogRows(options: { signal?: AbortSignal } = {}): Promise<number> {
  return fillMissingPerSubmission({ marker: db.logKeys, tables: LOG_ROW_TABLES(), store: storeDerivedRows }, options);
}
