/**
 * Data prepared per submission at import (the log's rows, the overview's digests) is a copy
 * derived from the submission's report. A database from before its schema version, or a
 * restored backup (which leaves such copies out), lacks it: fillMissingPerSubmission prepares
 * what is missing once the app has opened, a few submissions per transaction so that the app
 * stays responsive; each transaction checks again, so running it twice at once writes nothing
 * twice.
 *
 * Once nothing is missing, a mark in table `meta` says so, and later starts do not look again:
 * listing a province's submission keys costs a few hundred milliseconds of the database's time
 * at every start, while the first screen is reading. Every submission stored since is stored with
 * its prepared data (in the same transaction); a restore, which stores submissions without it,
 * removes the marks (forgetPreparedComplete).
 */
import type { Table } from 'dexie';
import { db } from './db';
import type { SubmissionRecord } from './types';
import { breathe } from './write-helpers';

const FILL_CHUNK = 8;

export interface PreparedPerSubmission {
  /** The table keyed by submission id whose record says the submission's data is prepared. */
  marker: Table<unknown, string>;
  /** Every table `store` writes. */
  tables: readonly Table[];
  /** Prepares and stores one submission's data (inside the caller's transaction). */
  store: (submission: SubmissionRecord) => Promise<unknown>;
}

const completeKey = (marker: Table) => `prepared|${marker.name}`;

/**
 * Removes the marks of complete prepared data kept in these tables: inside the caller's rw
 * transaction over `meta`, which stores submissions without their prepared data (a restore).
 */
export function forgetPreparedComplete(tables: readonly Table[]): Promise<unknown> {
  return db.meta.bulkDelete(tables.map(completeKey));
}

/** The stored submissions that `marker` has no record for. */
async function missingOf(marker: Table): Promise<string[]> {
  const [all, have] = await Promise.all([db.submissions.toCollection().primaryKeys(), marker.toCollection().primaryKeys()]);
  const haveSet = new Set(have);
  return all.filter((id) => !haveSet.has(id));
}

/** Prepares the data of every stored submission that has none. Returns how many it prepared. */
export async function fillMissingPerSubmission(prepared: PreparedPerSubmission, options: { signal?: AbortSignal } = {}): Promise<number> {
  const mark = completeKey(prepared.marker);
  if ((await db.meta.get(mark))?.value === true) return 0;
  const missing = await missingOf(prepared.marker);
  let done = 0;
  for (let i = 0; i < missing.length; i += FILL_CHUNK) {
    if (options.signal?.aborted) break;
    const ids = missing.slice(i, i + FILL_CHUNK);
    done += await db.transaction('rw', [db.submissions, ...prepared.tables], async () => {
      const [subs, marks] = await Promise.all([db.submissions.bulkGet(ids), prepared.marker.bulkGet(ids)]);
      const todo = subs.filter((s, k): s is SubmissionRecord => s !== undefined && marks[k] === undefined);
      await Promise.all(todo.map((s) => prepared.store(s)));
      return todo.length;
    });
    // Between chunks the renderer draws and answers the officer.
    await breathe();
  }
  if (!options.signal?.aborted) {
    // Marked complete only if, looked at again in one transaction, nothing is missing.
    await db.transaction('rw', [db.submissions, prepared.marker, db.meta], async () => {
      if ((await missingOf(prepared.marker)).length === 0) await db.meta.put({ key: mark, value: true });
    });
  }
  return done;
}
