import { describe, expect, it } from 'vitest';
import {
  activityCountLabel,
  groupActivitiesByItem,
  proposedStatus,
  type ActivityForItems,
} from '@features/checklist/item-activities';

const scope = { unitCode: 'CDCS-001', start: '2024-12-15', end: '2025-06-14' };
let n = 0;
const act = (over: Partial<ActivityForItems> = {}): ActivityForItems => ({
  id: `a${++n}`,
  date: '2025-03-01',
  title: `Hoạt động ${n}`,
  unitCode: 'CDCS-001',
  itemIds: ['III.1.1'],
  deletedAt: null,
  ...over,
});

describe('groupActivitiesByItem', () => {
  it('counts per item for the unit and period; deleted, other units and dates outside are left out', () => {
    const list = [
      act({ id: 'first-day', date: '2024-12-15' }),
      act({ id: 'last-day', date: '2025-06-14', itemIds: ['III.1.1', 'III.2.4'] }),
      act({ date: '2025-06-15' }),
      act({ date: '2024-12-14' }),
      act({ deletedAt: '2025-03-02T00:00:00.000Z' }),
      act({ unitCode: 'CDCS-002' }),
      act({ id: 'repeated', itemIds: ['IV.3', 'IV.3'] }),
    ];
    const g = groupActivitiesByItem(list, scope);
    expect(g.get('III.1.1')!.map((a) => a.id)).toEqual(['last-day', 'first-day']); // newest first
    expect(g.get('III.2.4')!.map((a) => a.id)).toEqual(['last-day']);
    expect(g.get('IV.3')).toHaveLength(1);
    expect(g.has('III.1.2')).toBe(false);
    expect([...g.keys()].sort()).toEqual(['III.1.1', 'III.2.4', 'IV.3']);
  });

  it('every unit when unitCode is null', () => {
    const g = groupActivitiesByItem([act(), act({ unitCode: 'CDCS-002' })], { ...scope, unitCode: null });
    expect(g.get('III.1.1')).toHaveLength(2);
  });

  it('keeps only what the row lists', () => {
    const g = groupActivitiesByItem([act({ id: 'x', title: 'Tuyên truyền Bộ luật Lao động' })], scope);
    expect(g.get('III.1.1')).toEqual([{ id: 'x', date: '2025-03-01', title: 'Tuyên truyền Bộ luật Lao động', unitCode: 'CDCS-001' }]);
  });
});

describe('proposedStatus', () => {
  it('proposes Đang thực hiện only for an item with activities and no stored status', () => {
    expect(proposedStatus(undefined, 3)).toBe('dang');
    expect(proposedStatus(undefined, 0)).toBeNull();
    // Anything stored, even "Chưa thực hiện" chosen by the officer, is theirs: no proposal.
    expect(proposedStatus({ status: 'chua' }, 3)).toBeNull();
    expect(proposedStatus({ status: 'xong' }, 3)).toBeNull();
    expect(proposedStatus({ status: 'khong-ap-dung' }, 1)).toBeNull();
  });

  it('labels the count', () => {
    expect(activityCountLabel(1)).toBe('1 hoạt động');
    expect(activityCountLabel(12)).toBe('12 hoạt động');
  });
});
