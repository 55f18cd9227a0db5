/**
 * «Tổng quan»'s figures for a plan and period, as the screen shows them: loadOverviewFigures
 * (db/consolidation-ops.ts) for the period and the same period a year earlier, shaped by
 * buildTalliedOverview. They depend on the stored data and the arguments only (not on the
 * clock): remembered under the database's revision (db/remembered.ts), so a start with nothing
 * changed reads one record instead of a province's 2,000 digests.
 */
import type { Period } from '@domain/periods';
import { loadOverviewFigures, OVERVIEW_TABLES, remembered, type Remembered } from '@db';
import { buildTalliedOverview, type Overview, type OverviewScope, type TaskGroup } from './overview-data';

export interface LoadOverviewInput {
  planId: string;
  period: Pick<Period, 'key' | 'name' | 'start' | 'end'>;
  previousPeriod: Pick<Period, 'key' | 'name' | 'start' | 'end'>;
  scope: OverviewScope;
  /** The plan's task groups (overview-data.ts taskGroupsOf of the plan stored under planId). */
  groups: readonly TaskGroup[];
}

/** What identifies the figures: everything they are made of that is not in the database. */
export function overviewKey({ planId, period, previousPeriod, scope }: Omit<LoadOverviewInput, 'groups'>): string {
  return [planId, period.key, period.start, period.end, previousPeriod.key, previousPeriod.start, previousPeriod.end, scope].join('|');
}

export function loadOverview(input: LoadOverviewInput): Promise<Remembered<Overview>> {
  const { planId, period, previousPeriod, scope, groups } = input;
  return remembered(`overview|${overviewKey(input)}`, OVERVIEW_TABLES(), async () => {
    const now = await loadOverviewFigures({ planId, period });
    const before = await loadOverviewFigures({ planId, period: previousPeriod });
    return buildTalliedOverview({ scope, groups, period, result: now.result, activities: now.activities, previous: { period: previousPeriod, activities: before.activities } });
  });
}
