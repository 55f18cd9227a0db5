/**
 * The log's prepared rows of imported submissions (tables logRows and logKeys, schema v7): written
 * with the submission, read by db/activity-read.ts. They are a copy derived from the submission's
 * report, never the only one: a submission without them (stored before v7, restored from a
 * backup, or a pack this version cannot read) is read from its report, and fillMissingLogRows
 * prepares what is missing once the app has opened.
 */
import { logRowsOf, packLogKeys, packLogRows, unpackLogKeys, unpackLogRows, type LogHead, type LogRow } from '@domain/log-rows';
import type { MaterializedActivity } from '@domain/merge';
import { db } from './db';
import type { SubmissionRecord } from './types';

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
  return Promise.all([db.logRows.put({ ...base, ...packLogRows(rows) }), db.logKeys.put({ ...base, ...packLogKeys(rows) })]);
}

/** The heads of these submissions' rows, by submission id; an id without usable keys is absent. */
export async function logHeadsOf(ids: readonly string[]): Promise<Map<string, LogHead[]>> {
  const out = new Map<string, LogHead[]>();
  for (const k of await db.logKeys.bulkGet([...ids])) {
    const heads = k ? unpackLogKeys(k, k) : null;
    if (heads) out.set(k!.submissionId, heads);
  }
  return out;
}

/** These submissions' rows, by submission id; an id without a usable pack is absent. */
export async function logRowsOfSubmissions(ids: readonly string[]): Promise<Map<string, LogRow[]>> {
  const out = new Map<string, LogRow[]>();
  for (const p of await db.logRows.bulkGet([...ids])) {
    const rows = p ? unpackLogRows(p, p) : null;
    if (rows) out.set(p!.submissionId, rows);
  }
  return out;
}

const FILL_CHUNK = 8;

/**
 * Prepares the rows of every stored submission that has none (a database from before v7, a
 * restored backup), a few submissions per transaction so that the app stays responsive; each
 * transaction checks again, so running it twice at once writes nothing twice. Returns how many
 * submissions it prepared.
 */
export async function fillMissingLogRows(options: { signal?: AbortSignal } = {}): Promise<number> {
  const [all, prepared] = await Promise.all([db.submissions.toCollection().primaryKeys(), db.logKeys.toCollection().primaryKeys()]);
  const have = new Set(prepared);
  const missing = all.filter((id) => !have.has(id));
  let done = 0;
  for (let i = 0; i < missing.length; i += FILL_CHUNK) {
    if (options.signal?.aborted) break;
    const ids = missing.slice(i, i + FILL_CHUNK);
    done += await db.transaction('rw', [db.submissions, ...LOG_ROW_TABLES()], async () => {
      const [subs, keys] = await Promise.all([db.submissions.bulkGet(ids), db.logKeys.bulkGet(ids)]);
      const todo = subs.filter((s, k): s is SubmissionRecord => s !== undefined && keys[k] === undefined);
      await Promise.all(todo.map((s) => storeDerivedRows(s)));
      return todo.length;
    });
    // Between chunks the renderer draws and answers the officer.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return done;
}
