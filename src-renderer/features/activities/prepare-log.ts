/**
 * Reads ahead, in the background, what «Nhật ký» needs to open: the plan's activity heads
 * (db/activity-read.ts logHeadsOfPlan, kept until a submission is written) and the unit
 * directory's labels (unit-views.ts). At a province that is about 400 ms of database reads and
 * 80 ms of folding 2,000 names, which the log's first opening after a start would otherwise
 * wait for. The shell calls it once the first screen is shown (app/Shell.tsx).
 */
import { db, logHeadsOfPlan } from '@db';
import { unitViews } from './unit-views';

export async function prepareLog(planId: string, ownCode: string): Promise<void> {
  const [, units] = await Promise.all([logHeadsOfPlan(planId), db.units.toArray()]);
  unitViews(units, ownCode);
}
