/**
 * The overview's digests of imported submissions (table overviewDigests, schema v8): written with
 * the submission, read by loadOverviewFigures (db/consolidation-ops.ts). A copy derived from the
 * submission's report, never the only one: a submission without a usable digest (stored before
 * v8, restored from a backup, made by another version) is read whole and digested on the spot,
 * and fillMissingOverviewDigests stores what is missing once the app has opened.
 */
import { submissionTime } from '@domain/consolidate';
import { overviewDigestOf, packOverviewDigest, unpackOverviewDigest, type OverviewDigest } from '@domain/overview-digest';
import { db } from './db';
import { fillMissingPerSubmission } from './prepared-per-submission';
import type { OverviewDigestRecord, SubmissionRecord } from './types';

/** The tables a transaction that stores submissions must also hold. */
export const OVERVIEW_DIGEST_TABLES = () => [db.overviewDigests];

/** A submission's digest and what the consolidation takes of the submission record itself. */
export interface StoredDigest extends Omit<OverviewDigestRecord, 'digest'> {
  digest: OverviewDigest;
}

export function digestOfSubmission(s: SubmissionRecord): StoredDigest {
  const time = submissionTime(s);
  return { submissionId: s.id, planId: s.planId, periodKey: s.periodKey, unitCode: s.unitCode, importedAt: s.importedAt, submittedAt: time.at, submittedSource: time.source, digest: overviewDigestOf(s.report) };
}

/**
 * Stores the digest of `submission`, replacing any stored before. Inside the caller's rw
 * transaction, which must hold OVERVIEW_DIGEST_TABLES: it lands with the submission or not at all.
 */
export function storeOverviewDigest(submission: SubmissionRecord): Promise<unknown> {
  const d = digestOfSubmission(submission);
  return db.overviewDigests.put({ ...d, digest: packOverviewDigest(d.digest) });
}

/**
 * The digests of these submissions (all of plan `planId` and period `periodKey`), same order:
 * those missing or unusable are made from the submission, read whole. Inside the caller's
 * transaction over submissions and digests.
 */
export async function digestsOf(planId: string, periodKey: string, ids: readonly string[]): Promise<StoredDigest[]> {
  // The period's digests in one request (withdrawn and older files' too, a few), then those wanted.
  const stored = new Map((await db.overviewDigests.where('[planId+periodKey]').equals([planId, periodKey]).toArray()).map((r) => [r.submissionId, r]));
  const out: (StoredDigest | undefined)[] = ids.map((id) => {
    const r = stored.get(id);
    const digest = r ? unpackOverviewDigest(r.digest) : null;
    return r && digest ? { ...r, digest } : undefined;
  });
  const missing = ids.filter((_, i) => out[i] === undefined);
  if (missing.length > 0) {
    const whole = new Map((await db.submissions.bulkGet(missing)).filter((s) => s !== undefined).map((s) => [s.id, digestOfSubmission(s)]));
    ids.forEach((id, i) => (out[i] ??= whole.get(id)));
  }
  return out.filter((d) => d !== undefined);
}

/**
 * Stores the digest of every submission that has none (a database from before v8, a restored
 * backup): db/prepared-per-submission.ts. Returns how many it stored.
 */
export function fillMissingOverviewDigests(options: { signal?: AbortSignal } = {}): Promise<number> {
  return fillMissingPerSubmission({ marker: db.overviewDigests, tables: OVERVIEW_DIGEST_TABLES(), store: storeOverviewDigest }, options);
}
