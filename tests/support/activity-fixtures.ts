/**
 * Activities for unit tests: every field filled with a plain default, each call a new id
 * (a sequence, so runs are repeatable). Tests override only what they check.
 */
import { activitySearchText, type Activity } from '@domain/activity';
import type { ActivityRecord } from '@db/types';

let seq = 0;

/** A complete Activity; `over` replaces any field. */
export function testActivity(over: Partial<Activity> = {}): Activity {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    planId: 'plan-63',
    unitCode: 'CDCS-0001',
    date: '2025-03-10',
    itemIds: ['III.1.1'],
    type: 'propaganda',
    title: 'Tuyên truyền Nghị quyết 43',
    content: '',
    location: '',
    participants: null,
    evidenceDoc: '',
    evidenceFile: '',
    indicators: {},
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-03-01T08:00:00.000Z',
    deletedAt: null,
    ...over,
  };
}

/** The same as stored: with its folded search text (and any record-only field in `over`). */
export function testActivityRecord(over: Partial<ActivityRecord> = {}): ActivityRecord {
  const a = testActivity(over);
  return { ...a, searchText: activitySearchText(a), ...over };
}
