import { describe, expect, it } from 'vitest';
import type { Activity } from '@domain/activity';
import type { ActivityRecord } from '@db/types';
import { filterAndSortActivities, firstActivities, firstActivitiesOf, sortedActivities } from '@features/activities/activity-query';
import { testActivityRecord } from '../support/activity-fixtures';

let seq = 0;
function rec(over: Partial<Activity> = {}): ActivityRecord {
  seq += 1;
  return testActivityRecord({
    planId: 'p',
    title: `Hoạt động ${seq}`,
    createdAt: `2025-03-10T08:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2025-03-10T08:00:00.000Z',
    ...over,
  });
}

const ids = (rows: readonly ActivityRecord[]) => rows.map((r) => r.title);

describe('filterAndSortActivities', () => {
  const rows = [
    rec({ title: 'Tuyên truyền Nghị quyết 43', date: '2025-01-05', unitCode: 'LDLD-DMC', itemIds: ['III.1.1'] }),
    rec({ title: 'Đối thoại định kỳ tại công ty', date: '2025-02-10', type: 'dialogue', itemIds: ['III.2.4'] }),
    rec({ title: 'Tập huấn cán bộ', date: '2025-07-01', type: 'training', itemIds: ['III.2.4', 'III.3.1'], unitCode: 'CDCS-0002' }),
    rec({ title: 'Tư vấn pháp luật', date: '2024-12-20', type: 'legal-advice', itemIds: ['III.2.5'], content: 'Hỏi đáp về bảo hiểm xã hội' }),
    rec({ title: 'Đã xóa', date: '2025-01-06', deletedAt: '2025-03-01T00:00:00.000Z' }),
  ];

  it('keeps live ones by default, newest first; the trash on request', () => {
    expect(ids(filterAndSortActivities(rows, {}, { key: 'date', dir: 'desc' }))).toEqual([
      'Tập huấn cán bộ',
      'Đối thoại định kỳ tại công ty',
      'Tuyên truyền Nghị quyết 43',
      'Tư vấn pháp luật',
    ]);
    expect(ids(filterAndSortActivities(rows, { deleted: true }, { key: 'date', dir: 'desc' }))).toEqual(['Đã xóa']);
  });

  it('filters by period range (inclusive), unit, plan item (with its children) and type', () => {
    const sort = { key: 'date', dir: 'asc' } as const;
    expect(ids(filterAndSortActivities(rows, { periodRange: { start: '2024-12-15', end: '2025-06-14' } }, sort))).toEqual([
      'Tư vấn pháp luật',
      'Tuyên truyền Nghị quyết 43',
      'Đối thoại định kỳ tại công ty',
    ]);
    expect(ids(filterAndSortActivities(rows, { unitCodes: ['cdcs 0002'] }, sort))).toEqual(['Tập huấn cán bộ']);
    expect(ids(filterAndSortActivities(rows, { itemId: 'III.2.4' }, sort))).toEqual(['Đối thoại định kỳ tại công ty', 'Tập huấn cán bộ']);
    expect(ids(filterAndSortActivities(rows, { itemId: 'III.2' }, sort))).toHaveLength(3);
    expect(ids(filterAndSortActivities(rows, { type: 'training' }, sort))).toEqual(['Tập huấn cán bộ']);
    expect(filterAndSortActivities(rows, { type: 'training', unitCodes: ['LDLD-DMC'] }, sort)).toEqual([]);
  });

  it('searches without accents, with đ → d, in NFD, across title and content', () => {
    const sort = { key: 'date', dir: 'asc' } as const;
    expect(ids(filterAndSortActivities(rows, { query: 'tuyen truyen' }, sort))).toEqual(['Tuyên truyền Nghị quyết 43']);
    expect(ids(filterAndSortActivities(rows, { query: 'doi thoai dinh ky' }, sort))).toEqual(['Đối thoại định kỳ tại công ty']);
    expect(ids(filterAndSortActivities(rows, { query: 'ĐỐI THOẠI'.normalize('NFD') }, sort))).toEqual(['Đối thoại định kỳ tại công ty']);
    expect(ids(filterAndSortActivities(rows, { query: 'bao hiem' }, sort))).toEqual(['Tư vấn pháp luật']);
    expect(ids(filterAndSortActivities(rows, { query: 'tap huan  can bo' }, sort))).toEqual(['Tập huấn cán bộ']);
    expect(filterAndSortActivities(rows, { query: 'khong co dau' }, sort)).toEqual([]);
    expect(filterAndSortActivities(rows, { query: 'da xoa' }, sort)).toEqual([]);
  });

  it('sorts by title with Vietnamese collation, by type in list order, by unit label; ties stable', () => {
    expect(ids(filterAndSortActivities(rows, {}, { key: 'title', dir: 'asc' }))).toEqual([
      'Đối thoại định kỳ tại công ty',
      'Tập huấn cán bộ',
      // Vietnamese order: u before ư.
      'Tuyên truyền Nghị quyết 43',
      'Tư vấn pháp luật',
    ]);
    expect(ids(filterAndSortActivities(rows, {}, { key: 'type', dir: 'asc' }))[0]).toBe('Tuyên truyền Nghị quyết 43');
    const label = (c: string) => ({ 'LDLD-DMC': 'A huyện', 'CDCS-0001': 'B trường', 'CDCS-0002': 'C công ty' })[c] ?? c;
    const byUnit = filterAndSortActivities(rows, {}, { key: 'unit', dir: 'desc' }, { unitLabel: label });
    expect(byUnit.map((r) => r.unitCode)).toEqual(['CDCS-0002', 'CDCS-0001', 'CDCS-0001', 'LDLD-DMC']);
    // Equal unit → newer date first.
    expect(ids(byUnit.slice(1, 3))).toEqual(['Đối thoại định kỳ tại công ty', 'Tư vấn pháp luật']);
  });

  it('same day, same title: order by creation time then id, identical on every call and input order', () => {
    const same = [0, 1, 2, 3].map((i) => rec({ title: 'Cùng', date: '2025-05-05', createdAt: `2025-05-05T0${i}:00:00.000Z` }));
    const a = filterAndSortActivities(same, {}, { key: 'title', dir: 'asc' });
    const b = filterAndSortActivities([...same].reverse(), {}, { key: 'title', dir: 'asc' });
    expect(a.map((r) => r.id)).toEqual(b.map((r) => r.id));
    expect(a.map((r) => r.createdAt)).toEqual([...same].reverse().map((r) => r.createdAt));
  });

  it('reuses the sorted order of the same array and never mutates its input', () => {
    const input = [...rows];
    const s1 = sortedActivities(input, { key: 'title', dir: 'asc' });
    expect(sortedActivities(input, { key: 'title', dir: 'asc' })).toBe(s1);
    expect(sortedActivities(input, { key: 'title', dir: 'desc' })).not.toBe(s1);
    expect(input).toEqual(rows);
  });

  it('filters and searches 50,000 activities exactly (speed is the browser benchmark\'s to measure)', () => {
    const many: ActivityRecord[] = [];
    const words = ['Tuyên truyền', 'Đối thoại', 'Tập huấn', 'Tư vấn', 'Kiểm tra'];
    for (let i = 0; i < 50_000; i++) {
      many.push(
        rec({
          title: `${words[i % 5]} số ${i}`,
          date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          unitCode: `CDCS-${String(i % 40).padStart(4, '0')}`,
        }),
      );
    }
    const sort = { key: 'date', dir: 'desc' } as const;
    const byPeriod = filterAndSortActivities(many, { periodRange: { start: '2024-12-15', end: '2025-06-14' }, unitCodes: ['CDCS-0003'] }, sort);
    const expectedByPeriod = many.filter((a) => a.unitCode === 'CDCS-0003' && a.date >= '2024-12-15' && a.date <= '2025-06-14');
    expect(byPeriod.map((a) => a.id).sort()).toEqual(expectedByPeriod.map((a) => a.id).sort());
    expect(byPeriod.length).toBeGreaterThan(0);
    for (let i = 1; i < byPeriod.length; i++) expect(byPeriod[i - 1]!.date >= byPeriod[i]!.date).toBe(true);

    // "doi thoai so 1" without accents: every "Đối thoại số 1…" and no other.
    const found = filterAndSortActivities(many, { query: 'doi thoai so 1' }, sort);
    const expectedFound = many.filter((a) => a.title.startsWith('Đối thoại số ') && a.title.slice('Đối thoại số '.length).includes('1'));
    expect(found.length).toBe(expectedFound.length);
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('firstActivities (the log\'s first screen)', () => {
  // Few dates, several units and types, some deleted, ties on date and creation time: every
  // boundary case of "the first N by date".
  function records(n: number, seed: number): ActivityRecord[] {
    let s = seed;
    const next = (k: number) => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s % k;
    };
    return Array.from({ length: n }, (_, i) =>
      testActivityRecord({
        id: `id-${String(next(1000)).padStart(4, '0')}-${i}`,
        planId: 'p',
        date: `2025-0${1 + next(3)}-1${next(3)}`,
        createdAt: `2025-03-10T08:00:0${next(2)}.000Z`,
        unitCode: ['A', 'B', 'C'][next(3)]!,
        type: (['conference', 'training', 'dialogue'] as const)[next(3)]!,
        itemIds: [['III.1.1', 'III.2.4', 'III.2.5'][next(3)]!],
        deletedAt: next(7) === 0 ? '2025-03-11T00:00:00.000Z' : null,
      }),
    );
  }

  it('gives the first rows and the count of filterAndSortActivities, in its order, without a search', () => {
    const filters = [
      {},
      { deleted: true },
      { unitCodes: ['B'] },

      { periodRange: { start: '2025-02-10', end: '2025-03-11' } },
      { unitCodes: ['Z'] },
    ];
    for (const seed of [1, 2, 3]) {
      const rows = records(400, seed);
      for (const filter of filters) {
        for (const dir of ['asc', 'desc'] as const) {
          for (const limit of [1, 7, 50, 1000]) {
            const whole = filterAndSortActivities(rows, filter, { key: 'date', dir });
            const first = firstActivities(rows, filter, { key: 'date', dir }, limit);
            expect(first?.count, JSON.stringify({ seed, filter, dir, limit })).toBe(whole.length);
            expect(first?.rows.map((r) => r.id)).toEqual(whole.slice(0, limit).map((r) => r.id));
          }
        }
      }
    }
  });

  it('leaves a search, a type or task, and any order but the date, to the whole list', () => {
    const rows = records(20, 4);
    expect(firstActivities(rows, { query: 'hội nghị' }, { key: 'date', dir: 'desc' }, 10)).toBeNull();
    expect(firstActivities(rows, { query: '  ' }, { key: 'date', dir: 'desc' }, 10)?.count).toBe(filterAndSortActivities(rows, {}).length);
    for (const key of ['title', 'unit', 'type'] as const) expect(firstActivities(rows, {}, { key, dir: 'asc' }, 10)).toBeNull();
    // Heads hold no type or items.
    expect(firstActivities(rows, { type: 'training' }, { key: 'date', dir: 'desc' }, 10)).toBeNull();
    expect(firstActivities(rows, { itemId: 'III.2' }, { key: 'date', dir: 'desc' }, 10)).toBeNull();
  });

  it('over several arrays, gives what it gives over them joined (limit 0 included)', () => {
    const filters = [{}, { deleted: true }, { unitCodes: ['B'] }, { periodRange: { start: '2025-02-10', end: '2025-03-11' } }];
    for (const seed of [5, 6]) {
      const rows = records(300, seed);
      for (const cut of [0, 1, 120, 300]) {
        const parts = [rows.slice(0, cut), rows.slice(cut)];
        for (const filter of filters) {
          for (const dir of ['asc', 'desc'] as const) {
            for (const limit of [0, 1, 9, 400]) {
              const joined = firstActivities(rows, filter, { key: 'date', dir }, limit)!;
              const split = firstActivitiesOf(parts, filter, { key: 'date', dir }, limit)!;
              expect(split.count, JSON.stringify({ seed, cut, filter, dir, limit })).toBe(joined.count);
              expect(split.rows.map((r) => r.id)).toEqual(joined.rows.map((r) => r.id));
            }
          }
        }
      }
    }
    expect(firstActivitiesOf([records(5, 7), records(5, 8)], { query: 'x' }, { key: 'date', dir: 'desc' }, 3)).toBeNull();
  });

  it('reads an array once per filter and order: the answer is kept with the array', () => {
    let reads = 0;
    const rows = records(50, 9).map((r) => {
      const { date } = r;
      return Object.defineProperty({ ...r }, 'date', {
        get: () => {
          reads++;
          return date;
        },
      });
    });
    const sort = { key: 'date', dir: 'desc' } as const;
    const first = firstActivitiesOf([rows], {}, sort, 10);
    const afterFirst = reads;
    expect(afterFirst).toBeGreaterThanOrEqual(rows.length);
    expect(firstActivitiesOf([rows], {}, sort, 10)).toEqual(first);
    expect(reads).toBe(afterFirst);
    // Another filter, or another array of the same records, is answered by reading them again.
    firstActivitiesOf([rows], { unitCodes: ['A'] }, sort, 10);
    expect(reads - afterFirst).toBeGreaterThanOrEqual(rows.length);
    const afterFilter = reads;
    firstActivitiesOf([[...rows]], {}, sort, 10);
    expect(reads - afterFilter).toBeGreaterThanOrEqual(rows.length);
  });
});

