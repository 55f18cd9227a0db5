/**
 * Schema version 5 (import speed): an imported submission's activities are no longer
 * copied into `activities`, one row each. Chromium's IndexedDB costs about 0.1 ms per record
 * whatever the indexes, and a district importing 100 files of 500 activities wrote 50,000 rows:
 * most of the import's time. The submission record already holds its whole report; the readers
 * now derive the activities from it (db/activity-read.ts). `activities` keeps what was logged
 * in this installation.
 *
 * `submissions` gains [planId+state] (the active submissions of a plan, for the log) and
 * `*unitCodes` (multiEntry: which submissions file data under a unit, consolidated reports'
 * CĐCS included). Never edit once shipped: add versions/v6.ts.
 */
import type { Transaction } from 'dexie';
import { V4_STORES } from './v4';

export const V5_STORES = {
  ...V4_STORES,
  submissions: '&id, [unitCode+planId+periodKey], [planId+periodKey+state], [planId+state], *unitCodes, fileHash, importedAt',
} as const;

/** The shapes this upgrade reads, as version 4 stored them (frozen: never the live types). */
interface V4Report {
  kind?: string;
  consolidation?: unknown;
  activities: { unitCode?: string }[];
}
interface V4Submission {
  id: string;
  unitCode: string;
  state: string;
  report: V4Report;
  unitCodes?: string[];
}
interface V4Activity {
  id: string;
  submissionId?: string;
}

/** The unit codes a submission files data under, as version 5 defined them. */
function unitCodesOf(unitCode: string, report: V4Report): string[] {
  const codes = new Set([unitCode]);
  if (report.kind === 'consolidated' && report.consolidation !== undefined) {
    for (const a of report.activities) if (a.unitCode) codes.add(a.unitCode);
  }
  return [...codes];
}

/**
 * Fills `unitCodes` of every submission (empty for a withdrawn one), and removes the activity rows an import had written
 * (they are derived from the submission's report now). A row whose submission is gone (never
 * written by the app, but a hand-edited backup could hold one) stays, a plain activity. An edit
 * made here to an imported activity (the log allowed it before) is dropped with its row: the
 * unit's report is authoritative, as its next file would have done anyway. Runs
 * inside the upgrade's own transaction: a failure leaves the database at version 4.
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  const known = new Set<string>();
  await tx
    .table('submissions')
    .toCollection()
    .modify((s: V4Submission) => {
      known.add(s.id);
      s.unitCodes = s.state === 'withdrawn' ? [] : unitCodesOf(s.unitCode, s.report);
    });
  const rows = await tx.table<V4Activity, string>('activities').toArray();
  const derived = rows.filter((a) => a.submissionId !== undefined && known.has(a.submissionId)).map((a) => a.id);
  await tx.table('activities').bulkDelete(derived);
}
