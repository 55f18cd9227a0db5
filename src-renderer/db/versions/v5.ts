/**
 * Schema version 5 (issue 5, import speed): an imported submission's activities move out of
 * `activities` into ONE record per submission, table `importedActivities` (db/types.ts
 * ImportedActivitiesRecord). `activities` keeps what was logged in this installation.
 * Never edit once shipped: add versions/v6.ts.
 */
import type { Transaction } from 'dexie';
import type { ActivityRecord, ImportedActivitiesRecord, SubmissionRecord } from '../types';
import { V4_STORES } from './v4';

export const V5_STORES = {
  ...V4_STORES,
  importedActivities: '&submissionId, planId, *unitCodes',
} as const;

/**
 * Every stored activity with a submissionId is grouped under its submission and moved; one
 * whose submission is gone (never written by the app, but a hand-edited backup could hold it)
 * stays where it is, a plain activity. Runs inside the upgrade's own transaction: a failure
 * leaves the database at version 4.
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  const imported = (await tx.table<ActivityRecord, string>('activities').toArray()).filter((a) => a.submissionId !== undefined);
  if (imported.length === 0) return;
  const bySubmission = new Map<string, ActivityRecord[]>();
  for (const a of imported) {
    const list = bySubmission.get(a.submissionId!);
    if (list) list.push(a);
    else bySubmission.set(a.submissionId!, [a]);
  }
  const submissions = await tx.table<SubmissionRecord, string>('submissions').bulkGet([...bySubmission.keys()]);
  const records: ImportedActivitiesRecord[] = [];
  const moved: string[] = [];
  for (const sub of submissions) {
    if (!sub) continue;
    const activities = bySubmission.get(sub.id)!;
    records.push({
      submissionId: sub.id,
      planId: sub.planId,
      unitCode: sub.unitCode,
      periodKey: sub.periodKey,
      unitCodes: [...new Set([sub.unitCode, ...activities.map((a) => a.unitCode)])],
      activities,
    });
    for (const a of activities) moved.push(a.id);
  }
  await tx.table('importedActivities').bulkAdd(records);
  await tx.table('activities').bulkDelete(moved);
}
