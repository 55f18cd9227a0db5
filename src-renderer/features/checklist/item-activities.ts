/**
 * The checklist's view of the activity log: per plan item, the activities logged for
 * it in the selected period, and the status the checklist proposes from them. Pure: the screen
 * runs ONE live query (the plan's activities within the period) and groups it here in memory,
 * rather than one query per item.
 */
import type { Activity } from '@domain/activity';
import type { IsoDate } from '@domain/periods';

/** What an item row lists about one of its activities. */
export interface ItemActivity {
  id: string;
  date: IsoDate;
  title: string;
  unitCode: string;
}

export type ActivityForItems = Pick<Activity, 'id' | 'date' | 'title' | 'unitCode' | 'itemIds' | 'deletedAt'>;

export interface ItemActivityScope {
  /** One unit, or null for every unit. */
  unitCode: string | null;
  /** Inclusive calendar range of the period. */
  start: IsoDate;
  end: IsoDate;
}

/**
 * Live activities of the scope grouped by the item ids they serve (an activity serving two items
 * appears under both), newest first. An id is counted once per activity even if repeated.
 */
export function groupActivitiesByItem(
  activities: Iterable<ActivityForItems>,
  scope: ItemActivityScope,
): Map<string, ItemActivity[]> {
  const out = new Map<string, ItemActivity[]>();
  for (const a of activities) {
    if (a.deletedAt !== null) continue;
    if (scope.unitCode !== null && a.unitCode !== scope.unitCode) continue;
    if (a.date < scope.start || a.date > scope.end) continue;
    const brief: ItemActivity = { id: a.id, date: a.date, title: a.title, unitCode: a.unitCode };
    for (const itemId of new Set(a.itemIds)) {
      let list = out.get(itemId);
      if (!list) out.set(itemId, (list = []));
      list.push(brief);
    }
  }
  for (const list of out.values()) {
    list.sort((x, y) => (x.date !== y.date ? (x.date < y.date ? 1 : -1) : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  }
  return out;
}

/**
 * The status the checklist proposes: "Đang thực hiện" for an item that has activities in the
 * period but no stored status. Never applied by itself: the officer clicks "Áp dụng".
 */
export function proposedStatus(stored: { status: string } | undefined, activityCount: number): 'dang' | null {
  return stored === undefined && activityCount > 0 ? 'dang' : null;
}

/** "1 hoạt động", "12 hoạt động" (Vietnamese nouns do not inflect). */
export function activityCountLabel(n: number): string {
  return `${n} hoạt động`;
}
