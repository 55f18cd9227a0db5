/**
 * The rows of «Nhật ký» for the screen, in two steps, so that it opens at once over a
 * province's 80,000 imported activities:
 * 1. the first screen: the activities' heads (db/activity-read.ts logHeadsOfPlan: prepared keys,
 *    no text, or the whole records it remembers), counted and ordered by firstActivitiesOf
 *    (remembered per list: opened again, nothing is counted again), and only the first rows
 *    read whole;
 * 2. then every activity of the plan, whole (activitiesOfPlan), filtered, searched and sorted in
 *    memory as before (filterAndSortActivities). From then on only this step runs.
 * A search, a filter by type or task, or a sort other than by date, is answered by step 2 (the
 * first screen shows «Đang tải…» until it is there).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { ActivityFilter } from '@domain/activity';
import type { LogHead } from '@domain/log-rows';
import { activitiesOfPlan, logHeadsOfPlan, wholeActivities, type ActivityRecord } from '@db';
import { filterAndSortActivities, firstActivitiesOf, type ActivitySort, type QueryOptions } from './activity-query';

/** Rows read whole for the first screen: three screens' worth, so a first scroll finds rows. */
export const FIRST_ROWS = 40;

export interface ActivityLog {
  /** The rows shown: every match once loaded, the first FIRST_ROWS before. */
  rows: readonly ActivityRecord[];
  /** How many match (undefined: not known yet). */
  count: number | undefined;
  /** Activities in the trash (only those logged here can be deleted). */
  trashCount: number;
  /** The whole records known so far: the plan's activities logged here, then every one (undefined: none yet). */
  known: readonly ActivityRecord[] | undefined;
  /** True once every activity of the plan is read (step 2). */
  complete: boolean;
}

/**
 * Step 1: the plan's activities logged here, and the first FIRST_ROWS rows of the list with the
 * number of matches (both undefined when only step 2 can answer: a search, another order).
 */
export async function openActivityLog(
  planId: string,
  filter: ActivityFilter,
  sort: ActivitySort,
): Promise<{ own: ActivityRecord[]; count: number | undefined; rows: ActivityRecord[] | undefined }> {
  const heads = await logHeadsOfPlan(planId);
  const page = firstActivitiesOf<LogHead | ActivityRecord>([heads.own, heads.imported], filter, sort, FIRST_ROWS);
  return { own: heads.own, count: page?.count, rows: page ? await wholeActivities(page.rows) : undefined };
}

export function useActivityLog(planId: string, filter: ActivityFilter, sort: ActivitySort, options: QueryOptions): ActivityLog {
  // Step 2 starts once step 1 has answered for this plan: both at once would share the thread
  // and the database, and delay the first screen.
  const [startedFor, setStartedFor] = useState<string | null>(null);
  const started = startedFor === planId;
  const loaded = useLiveQuery(async () => (started ? { planId, rows: await activitiesOfPlan(planId) } : null), [planId, started]);
  const all = loaded?.planId === planId ? loaded.rows : undefined;
  const ready = all !== undefined;
  const first = useLiveQuery(async () => (ready ? null : { planId, ...(await openActivityLog(planId, filter, sort)) }), [planId, ready, filter, sort]);
  const opening = first && first.planId === planId ? first : undefined;
  // Set while rendering (React's pattern for state that follows other values), not in an effect.
  if (opening && startedFor !== opening.planId) setStartedFor(opening.planId);

  const rows = useMemo(() => (all ? filterAndSortActivities(all, filter, sort, options) : undefined), [all, filter, sort, options]);
  const known = all ?? opening?.own;
  const trashCount = useMemo(() => (known ?? []).reduce((n, r) => n + (r.deletedAt !== null ? 1 : 0), 0), [known]);
  if (rows) return { rows, count: rows.length, trashCount, known, complete: true };
  return { rows: opening?.rows ?? [], count: opening?.count, trashCount, known, complete: false };
}
