/**
 * Reading activities: the ones logged in this installation (table `activities`, one record each)
 * together with the ones imported from units' files (table `importedActivities`, one record per
 * active submission; see ImportedActivitiesRecord). Every reader of activities goes through
 * here, so the log, the checklist counts, the indicators and the reports see both alike.
 *
 * Inside a transaction, its table list must hold both tables: spread ACTIVITY_TABLES() into it.
 * In a liveQuery both are observed, so an import or a withdrawal refreshes the views.
 */
import { db } from './db';
import type { ActivityRecord, ImportedActivitiesRecord } from './types';

/** The two tables activities are read from (for a transaction's table list). */
export const ACTIVITY_TABLES = () => [db.activities, db.importedActivities];

function flatten(records: readonly ImportedActivitiesRecord[], keep?: (a: ActivityRecord) => boolean): ActivityRecord[] {
  const out: ActivityRecord[] = [];
  for (const r of records) for (const a of r.activities) if (!keep || keep(a)) out.push(a);
  return out;
}

/** Every activity of a plan, live and deleted, logged here or imported. */
export async function activitiesOfPlan(planId: string): Promise<ActivityRecord[]> {
  const [own, imported] = await Promise.all([
    db.activities.where('planId').equals(planId).toArray(),
    db.importedActivities.where('planId').equals(planId).toArray(),
  ]);
  return imported.length === 0 ? own : own.concat(flatten(imported));
}

/** Every activity of one unit in a plan (live and deleted). */
export async function activitiesOfUnit(planId: string, unitCode: string): Promise<ActivityRecord[]> {
  const [own, imported] = await Promise.all([
    db.activities.where('[planId+unitCode]').equals([planId, unitCode]).toArray(),
    db.importedActivities.where('unitCodes').equals(unitCode).toArray(),
  ]);
  const ofPlan = imported.filter((r) => r.planId === planId);
  return ofPlan.length === 0 ? own : own.concat(flatten(ofPlan, (a) => a.unitCode === unitCode));
}

/** Every activity of a plan dated within [start, end] (ISO dates, both included), live and deleted. */
export async function activitiesInRange(planId: string, start: string, end: string): Promise<ActivityRecord[]> {
  const [own, imported] = await Promise.all([
    db.activities.where('[planId+date]').between([planId, start], [planId, end], true, true).toArray(),
    db.importedActivities.where('planId').equals(planId).toArray(),
  ]);
  return imported.length === 0 ? own : own.concat(flatten(imported, (a) => start <= a.date && a.date <= end));
}

/** The activities stored for these submissions (imported, so only active ones have any). */
export async function activitiesOfSubmissions(submissionIds: readonly string[]): Promise<ActivityRecord[]> {
  if (submissionIds.length === 0) return [];
  const records = await db.importedActivities.bulkGet([...submissionIds]);
  return flatten(records.filter((r): r is ImportedActivitiesRecord => r !== undefined));
}

/** The code of every unit that has activities (logged or imported), from the indexes' keys only. */
export async function unitCodesWithActivities(): Promise<Set<string>> {
  const [ownKeys, importedCodes] = await Promise.all([
    db.activities.orderBy('[planId+unitCode]').uniqueKeys(),
    db.importedActivities.orderBy('unitCodes').uniqueKeys(),
  ]);
  const codes = new Set<string>();
  for (const key of ownKeys) if (Array.isArray(key) && typeof key[1] === 'string') codes.add(key[1]);
  for (const code of importedCodes) if (typeof code === 'string') codes.add(code);
  return codes;
}

/** True when any activity (logged or imported) is filed under the unit's code. */
export async function unitHasActivities(unitCode: string): Promise<boolean> {
  const [own, imported] = await Promise.all([
    db.activities.filter((a) => a.unitCode === unitCode).count(),
    db.importedActivities.where('unitCodes').equals(unitCode).count(),
  ]);
  return own + imported > 0;
}
