/**
 * features/overview/overview-data.ts, the figures of «Tổng quan»: task groups of the shipped
 * plan; progress per group (a grassroots union's own view equals the checklist's progressOf on
 * real IndexedDB semantics); the unit × group grid with silent units and its sorting;
 * indicators with and without targets; activities and participants per month across NĐ 09/2019
 * period boundaries; no activity at all. Also the drill-downs behind the charts' figures.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { consolidate, type ConsolidateInput, type Contribution } from '@domain/consolidate';
import { drillDown } from '@domain/consolidation-drill';
import { STANDARD_INDICATORS } from '@domain/indicators';
import type { PlanNode } from '@domain/plan-types';
import { DEFAULT_PERIOD_CONFIG, periodOf, type PeriodConfig } from '@domain/periods';
import { addActivity, db, ensureSeeded, loadConsolidation, progressOf, putSetting, setIndicatorTarget, setItemStatus, statusesOf } from '@db';
import type { ReportActivity, ReportIndicator, UnitReport } from '@domain/report';
import {
  buildOverview,
  indicatorOverview,
  monthBuckets,
  monthlyOverview,
  monthlySeries,
  sameTimeLastYear,
  sortGridRows,
  taskGroupsOf,
  unitGroupGrid,
  type GridRow,
} from '@features/overview/overview-data';
import { planItems, sampleReport } from '../support/exchange-writer-fixtures';

const PLAN = BUILTIN_PLAN.id;
const GROUPS = taskGroupsOf(BUILTIN_PLAN.plan);
const H1 = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'half', year: 2025 }); // 2024-12-15 … 2025-06-14
const ITEMS = planItems();

describe('taskGroupsOf', () => {
  it('the shipped plan: III.1 … III.6 and IV (whose items sit directly under the section), every trackable item once', () => {
    expect(GROUPS.map((g) => [g.id, g.itemIds.length])).toEqual([
      ['III.1', 8],
      ['III.2', 6],
      ['III.3', 3],
      ['III.4', 2],
      ['III.5', 3],
      ['III.6', 3],
      ['IV', 3],
    ]);
    expect(GROUPS[0]!.title).toMatch(/^Tăng cường tuyên truyền/);
    expect(GROUPS.flatMap((g) => g.itemIds)).toEqual(ITEMS.map((i) => i.id));
  });

  it('subitems belong to their item’s group; a section with groups and loose items is a group of its loose items', () => {
    const node = (id: string, kind: PlanNode['kind'], trackable: boolean, children: PlanNode[] = []): PlanNode => ({
      id,
      kind,
      label: null,
      text: `Nội dung ${id}`,
      trackable,
      children,
    });
    const plan = [node('III', 'section', false, [node('III.1', 'group', false, [node('III.1.1', 'item', true, [node('III.1.1.1', 'subitem', true)])]), node('III.2', 'item', true)])];
    expect(taskGroupsOf(plan).map((g) => [g.id, g.itemIds])).toEqual([
      ['III.1', ['III.1.1', 'III.1.1.1']],
      ['III', ['III.2']],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// A grassroots union's own view, read from the database as the screen reads it.

const OWN = 'CDCS-MAYHB';

async function seedGrassroots(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  const t = '2025-01-01T00:00:00.000Z';
  await db.units.put({ code: OWN, name: 'CĐCS Công ty May Hòa Bình', level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu', type: null, members: null, contact: '', phone: '', active: true, createdAt: t, updatedAt: t });
  await putSetting('ownUnitCode', OWN);
}

const logged = (over: { date: string; itemIds: string[]; participants?: number | null; indicators?: Record<string, number> }) =>
  addActivity({ planId: PLAN, unitCode: OWN, type: 'propaganda', title: `Tuyên truyền ngày ${over.date}`, participants: null, indicators: {}, ...over });

describe('a grassroots union’s own view (loadConsolidation, as the screen reads it)', () => {
  beforeEach(seedGrassroots);

  it('progress per group and overall equal the checklist’s progressOf for the same statuses', async () => {
    const set = (itemId: string, status: 'xong' | 'dang' | 'chua' | 'khong-ap-dung') =>
      setItemStatus({ planId: PLAN, unitCode: OWN, periodKey: H1.key, itemId, status, note: '', evidence: '' });
    await set('III.1.1', 'xong');
    await set('III.1.2', 'xong');
    await set('III.1.3', 'dang');
    await set('III.1.4', 'khong-ap-dung');
    await set('III.2.1', 'chua');
    await set('IV.3', 'xong');
    await logged({ date: '2025-01-10', itemIds: ['III.1.1'], participants: 40 });

    const data = await loadConsolidation({ planId: PLAN, period: H1 });
    const o = buildOverview({ scope: 'unit', groups: GROUPS, period: H1, result: data.result, previous: null });
    const expected = progressOf(BUILTIN_PLAN.plan, await statusesOf(PLAN, OWN, H1.key));
    for (const g of o.progress.groups) {
      const p = expected.byNode[g.group.id]!;
      expect([g.group.id, g.counts.xong, g.counts.dang, g.counts.chua, g.counts['khong-ap-dung'], g.percent]).toEqual([
        g.group.id,
        p.counts.xong,
        p.counts.dang,
        p.counts.chua,
        p.counts['khong-ap-dung'],
        p.percent,
      ]);
      expect(g.counts.none).toBe(0);
    }
    expect(o.progress.overall.percent).toBe(expected.overall.percent);
    expect(o.progress.overall.done).toBe(3);
    expect(o.progress.groups[0]).toMatchObject({ total: 8, applicable: 7, done: 2, percent: 29 });
    expect(o.progress.keys).toEqual(['xong', 'dang', 'chua', 'khong-ap-dung']);
    expect(o.grid).toBeNull();
    expect(o.activityCount).toBe(1);
    expect(o.participants).toBe(40);
  });

  it('no status and no activity: every item «Chưa thực hiện», 0 %, every month 0, no previous period', async () => {
    const data = await loadConsolidation({ planId: PLAN, period: H1 });
    expect(data.result.contributors).toEqual([]);
    const previous = periodOf(DEFAULT_PERIOD_CONFIG, sameTimeLastYear(H1));
    const before = await loadConsolidation({ planId: PLAN, period: previous });
    const o = buildOverview({ scope: 'unit', groups: GROUPS, period: H1, result: data.result, previous: { period: previous, result: before.result } });
    expect(o.progress.overall).toMatchObject({ total: 28, applicable: 28, done: 0, percent: 0 });
    expect(o.progress.groups.every((g) => g.counts.chua === g.group.itemIds.length)).toBe(true);
    expect(o.activityCount).toBe(0);
    expect(o.monthly.current.map((m) => [m.bucket.label, m.activities, m.participants])).toEqual([
      ['12/2024', 0, 0],
      ['01/2025', 0, 0],
      ['02/2025', 0, 0],
      ['03/2025', 0, 0],
      ['04/2025', 0, 0],
      ['05/2025', 0, 0],
      ['06/2025', 0, 0],
    ]);
    expect(o.monthly.previous).toBeNull();
    expect(o.indicators.withTarget).toEqual([]);
    expect(o.indicators.withoutTarget.map((i) => i.code)).toEqual(STANDARD_INDICATORS.map((d) => d.code));
  });

  it('activities on the period’s first and last days fall in its first and last (partial) months; the year before lines up', async () => {
    await logged({ date: '2024-12-14', itemIds: ['III.1.1'], participants: 1000 }); // the day before: not in H1 2025
    await logged({ date: '2024-12-15', itemIds: ['III.1.1'], participants: 30 });
    await logged({ date: '2024-12-31', itemIds: ['III.1.2'], participants: null, indicators: { participants: 12 } });
    await logged({ date: '2025-01-01', itemIds: ['III.2.1'], participants: 50, indicators: { participants: 45 } }); // the indicator wins
    await logged({ date: '2025-06-14', itemIds: ['IV.3'], participants: 7 });
    await logged({ date: '2025-06-15', itemIds: ['IV.3'], participants: 500 }); // the day after
    await logged({ date: '2024-03-01', itemIds: ['IV.3'], participants: 9 }); // H1 2024, month 4 of 7
    await setIndicatorTarget({ planId: PLAN, unitCode: OWN, periodKey: H1.key, indicatorCode: 'participants', target: 150 });

    const previous = periodOf(DEFAULT_PERIOD_CONFIG, sameTimeLastYear(H1));
    expect([previous.start, previous.end]).toEqual(['2023-12-15', '2024-06-14']);
    const [now, before] = await Promise.all([loadConsolidation({ planId: PLAN, period: H1 }), loadConsolidation({ planId: PLAN, period: previous })]);
    const o = buildOverview({ scope: 'unit', groups: GROUPS, period: H1, result: now.result, previous: { period: previous, result: before.result } });
    expect(o.monthly.current.map((m) => [m.bucket.label, m.bucket.start, m.bucket.end, m.activities, m.participants])).toEqual([
      ['12/2024', '2024-12-15', '2024-12-31', 2, 42],
      ['01/2025', '2025-01-01', '2025-01-31', 1, 45],
      ['02/2025', '2025-02-01', '2025-02-28', 0, 0],
      ['03/2025', '2025-03-01', '2025-03-31', 0, 0],
      ['04/2025', '2025-04-01', '2025-04-30', 0, 0],
      ['05/2025', '2025-05-01', '2025-05-31', 0, 0],
      ['06/2025', '2025-06-01', '2025-06-14', 1, 7],
    ]);
    expect(o.monthly.previous!.map((m) => m.activities)).toEqual([0, 0, 0, 1, 0, 0, 0]);
    expect(o.monthly.previous![3]!.bucket.label).toBe('03/2024');
    expect(o.monthly.previousName).toBe('6 tháng đầu năm 2024');
    // The month figures add up to the participants indicator (no adjustment here).
    const participants = o.indicators.rows.find((r) => r.code === 'participants')!;
    expect(participants).toMatchObject({ value: 94, target: 150, percent: 62 }); // 62,7 % rounded down, as on «Chỉ tiêu»
    expect(o.participants).toBe(94);
    expect(o.indicators.withTarget.map((r) => r.code)).toEqual(['participants']);
  });
});

describe('monthBuckets', () => {
  it('NĐ 09/2019 quarter I of a leap year: 15/12 – 14/03, February to the 29th', () => {
    const q1 = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'quarter', year: 2024, quarter: 1 });
    expect(monthBuckets(q1).map((b) => `${b.label} ${b.start}…${b.end}`)).toEqual([
      '12/2023 2023-12-15…2023-12-31',
      '01/2024 2024-01-01…2024-01-31',
      '02/2024 2024-02-01…2024-02-29',
      '03/2024 2024-03-01…2024-03-14',
    ]);
  });

  it('the NĐ 09/2019 year runs over 13 calendar months; a calendar half year is 6 whole months', () => {
    const year = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'year', year: 2025 });
    const buckets = monthBuckets(year);
    expect(buckets).toHaveLength(13);
    expect([buckets[0]!.start, buckets[0]!.end, buckets[12]!.start, buckets[12]!.end]).toEqual(['2024-12-15', '2024-12-31', '2025-12-01', '2025-12-14']);
    const calendar: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 30, month: 6 }, yearEnd: { day: 31, month: 12 } };
    expect(monthBuckets(periodOf(calendar, { kind: 'half', year: 2025 })).map((b) => b.key)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
  });

  it('sameTimeLastYear keeps the kind and the quarter', () => {
    expect(sameTimeLastYear({ kind: 'half', year: 2026 })).toEqual({ kind: 'half', year: 2025 });
    expect(sameTimeLastYear({ kind: 'quarter', year: 2026, quarter: 3 })).toEqual({ kind: 'quarter', year: 2025, quarter: 3 });
  });

  it('monthlySeries ignores activities outside the period; without previous activities there is no previous series', () => {
    const act = (date: string, participants: number | null): Pick<ReportActivity, 'date' | 'participants' | 'indicators'> => ({ date, participants, indicators: {} });
    const series = monthlySeries(H1, [act('2024-12-14', 5), act('2025-02-28', 5), act('2025-02-01', null), act('2025-06-15', 5)]);
    expect(series.map((m) => m.activities)).toEqual([0, 0, 2, 0, 0, 0, 0]);
    expect(series[2]!.participants).toBe(5);
    const before = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'half', year: 2024 });
    expect(monthlyOverview(H1, [], { period: before, activities: [] }).previous).toBeNull();
  });
});

describe('indicatorOverview', () => {
  const ind = (code: string, value: number, target: number | null): ReportIndicator => ({ code, name: `Chỉ tiêu ${code}`, unit: 'cuộc', value, target, adjustment: 0, adjustmentReason: '' });

  it('the share reached of each target; no target (or 0) is listed apart', () => {
    const o = indicatorOverview([ind('a', 120, 150), ind('b', 1028, 900), ind('c', 4, null), ind('d', 3, 0), ind('e', 0, 10)]);
    expect(o.withTarget.map((r) => [r.code, r.percent])).toEqual([
      ['a', 80],
      ['b', 114],
      ['e', 0],
    ]);
    expect(o.withoutTarget.map((r) => [r.code, r.target, r.percent])).toEqual([
      ['c', null, null],
      ['d', 0, null],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// A district: unit reports, a silent unit, its own data.

const PERIOD = { key: '2025-H1', name: '6 tháng đầu năm 2025', start: '2024-12-15', end: '2025-06-14' };

function unitReport(code: string, statuses: Record<string, 'xong' | 'dang' | 'chua' | 'khong-ap-dung'>, dates: string[]): UnitReport {
  const r = sampleReport(0);
  return {
    ...r,
    unit: { code, name: `CĐCS ${code}`, level: 'grassroots', parentName: '' },
    period: PERIOD,
    items: ITEMS.map((it) => ({ ...it, status: statuses[it.id] ?? null, note: '', evidence: '', activityCount: 0 })),
    activities: dates.map((date, i) => ({
      id: `${code}-${i}`,
      date,
      unitCode: code,
      itemIds: [i % 2 === 0 ? 'III.1.1' : 'IV.3'],
      type: 'propaganda',
      title: `Hoạt động ${i} của ${code}`,
      content: '',
      location: '',
      participants: 10 * (i + 1),
      evidenceDoc: '',
      evidenceFile: '',
      indicators: {},
    })),
    indicators: STANDARD_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit, value: 0, target: null, adjustment: 0, adjustmentReason: '' })),
  };
}

function districtInput(contributions: Contribution[]): ConsolidateInput {
  const r = sampleReport(0);
  return {
    unit: { code: 'LDLD-X', name: 'LĐLĐ huyện X', level: 'district', parentName: '' },
    plan: r.plan,
    items: ITEMS,
    period: PERIOD,
    indicators: STANDARD_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit, target: d.code === 'participants' ? 100 : null })),
    expectedUnits: ['CDCS-A', 'CDCS-B', 'CDCS-C', 'CDCS-Z'].map((code) => ({ code, name: `CĐCS ${code}`, level: 'grassroots' as const })),
    deadline: '2025-06-20',
    contributions,
    exportedAt: '2025-07-01T00:00:00.000Z',
    exportedBy: '',
    appVersion: '',
  };
}

const A = unitReport('CDCS-A', { 'III.1.1': 'xong', 'III.1.2': 'xong', 'III.1.3': 'dang', 'IV.1': 'xong', 'IV.2': 'xong', 'IV.3': 'xong' }, ['2024-12-20', '2025-01-05', '2025-06-14']);
const B = unitReport('CDCS-B', { 'III.1.1': 'dang', 'III.1.4': 'khong-ap-dung', 'IV.3': 'chua' }, ['2025-01-06']);
const C = unitReport('CDCS-C', {}, []);
const district = consolidate(
  districtInput([
    { report: A, submittedAt: '2025-06-18T02:00:00.000Z' },
    { report: B, submittedAt: '2025-06-25T02:00:00.000Z' }, // after the deadline
    { report: C, submittedAt: '2025-06-19T02:00:00.000Z' },
  ]),
);
const cell = (rows: GridRow[], code: string, group: string) => rows.find((r) => r.unitCode === code)!.cells[GROUPS.findIndex((g) => g.id === group)];

describe('a district (consolidated scope)', () => {
  const o = buildOverview({ scope: 'consolidated', groups: GROUPS, period: PERIOD, result: district, previous: null });

  it('progress per group sums «Tổng hợp»’s item counts, «Chưa báo cáo» included', () => {
    const iii1 = o.progress.groups[0]!;
    // 8 items × 3 reports; A: 2 xong + 1 đang; B: 1 đang + 1 n.a.; the rest «Chưa báo cáo».
    expect(iii1.counts).toEqual({ xong: 2, dang: 2, chua: 0, 'khong-ap-dung': 1, none: 19 });
    expect(iii1).toMatchObject({ total: 24, applicable: 23, done: 2, percent: 9 });
    const iv = o.progress.groups.find((g) => g.group.id === 'IV')!;
    expect(iv.counts).toEqual({ xong: 3, dang: 0, chua: 1, 'khong-ap-dung': 0, none: 5 });
    expect(o.progress.overall.total).toBe(28 * 3);
    expect(o.progress.keys).toContain('none');
    for (const g of o.progress.groups) {
      const fromItems = district.report.consolidation.items.filter((it) => g.group.itemIds.includes(it.id)).reduce((s, it) => s + it.counts.xong, 0);
      expect(g.done).toBe(fromItems);
    }
  });

  it('the grid: a row per expected unit, the silent one without figures; each cell the unit’s share done', () => {
    const grid = o.grid!;
    expect(grid.map((r) => [r.unitCode, r.state])).toEqual([
      ['CDCS-A', 'da-nop'],
      ['CDCS-B', 'nop-muon'],
      ['CDCS-C', 'da-nop'],
      ['CDCS-Z', 'chua-nop'],
    ]);
    expect(cell(grid, 'CDCS-A', 'III.1')).toMatchObject({ total: 8, done: 2, percent: 25 });
    expect(cell(grid, 'CDCS-A', 'IV')).toMatchObject({ total: 3, done: 3, percent: 100 });
    expect(cell(grid, 'CDCS-B', 'III.1')).toMatchObject({ applicable: 7, done: 0, percent: 0 });
    expect(cell(grid, 'CDCS-C', 'III.2')!.counts.none).toBe(6);
    const silent = grid.find((r) => r.unitCode === 'CDCS-Z')!;
    expect(silent.overall).toBeNull();
    expect(silent.cells.every((c) => c === null)).toBe(true);
    expect(grid.find((r) => r.unitCode === 'CDCS-A')!.overall).toMatchObject({ total: 28, done: 5, percent: 18 });
  });

  it('sorting: by share done either way, silent units last; by name; by one group', () => {
    const grid = o.grid!;
    expect(sortGridRows(grid, GROUPS, 'overall', 'asc').map((r) => r.unitCode)).toEqual(['CDCS-B', 'CDCS-C', 'CDCS-A', 'CDCS-Z']);
    expect(sortGridRows(grid, GROUPS, 'overall', 'desc').map((r) => r.unitCode)).toEqual(['CDCS-A', 'CDCS-B', 'CDCS-C', 'CDCS-Z']);
    expect(sortGridRows(grid, GROUPS, 'name', 'desc').map((r) => r.unitCode)).toEqual(['CDCS-C', 'CDCS-B', 'CDCS-A', 'CDCS-Z']);
    expect(sortGridRows(grid, GROUPS, 'IV', 'desc').map((r) => r.unitCode)).toEqual(['CDCS-A', 'CDCS-B', 'CDCS-C', 'CDCS-Z']);
  });

  it('the own data leads the grid; completeness and months come from the same consolidation', () => {
    const own = unitReport('LDLD-X', { 'IV.3': 'xong' }, ['2025-03-03']);
    const withOwn = consolidate(districtInput([{ report: A, submittedAt: '2025-06-18T02:00:00.000Z' }, { report: own, submittedAt: '2025-07-01T00:00:00.000Z', own: true }]));
    const grid = unitGroupGrid(GROUPS, withOwn);
    expect(grid.map((r) => [r.unitCode, r.state])).toEqual([
      ['LDLD-X', 'own'],
      ['CDCS-A', 'da-nop'],
      ['CDCS-B', 'chua-nop'],
      ['CDCS-C', 'chua-nop'],
      ['CDCS-Z', 'chua-nop'],
    ]);
    expect(o.completeness).toEqual({ 'da-nop': 2, 'nop-muon': 1, 'chua-nop': 1, total: 4 });
    expect(o.monthly.current.map((m) => m.activities)).toEqual([1, 2, 0, 0, 0, 0, 1]);
    expect(o.monthly.current.map((m) => m.participants)).toEqual([10, 30, 0, 0, 0, 0, 30]);
    expect(o.indicators.withTarget.map((r) => [r.code, r.value, r.percent])).toEqual([['participants', 70, 70]]);
  });
});

describe('what stands behind a chart’s figure (drillDown)', () => {
  it('a task group’s segment: the items, the units and their activities for those items', () => {
    const iii1 = GROUPS[0]!;
    const d = drillDown(district, { kind: 'items-status', label: 'III.1', itemIds: iii1.itemIds, statuses: ['dang'] });
    expect(d.title).toBe('III.1 · Đang thực hiện: 2');
    expect(d.items!.map((i) => [i.id, i.detail])).toEqual([
      ['III.1.1', '1'],
      ['III.1.3', '1'],
    ]);
    expect(d.units.map((u) => [u.unitCode, u.figure])).toEqual([
      ['CDCS-A', 1],
      ['CDCS-B', 1],
    ]);
    // A's III.1.1 is done, not in progress: its activities for III.1.1 are not behind this figure.
    expect(d.activities.map((a) => a.activity.id)).toEqual(['CDCS-B-0']);
    const done = drillDown(district, { kind: 'items-status', label: 'III.1', itemIds: iii1.itemIds, statuses: ['xong'] });
    expect(done.activities.map((a) => a.activity.id)).toEqual(['CDCS-A-0', 'CDCS-A-2']);
  });

  it('a grid cell: one unit’s items of the group with its status, and its activities for them', () => {
    const iv = GROUPS.find((g) => g.id === 'IV')!;
    const d = drillDown(district, { kind: 'unit-items', unitCode: 'CDCS-B', label: 'IV', itemIds: iv.itemIds });
    expect(d.title).toBe('CĐCS CDCS-B · IV');
    expect(d.items!.map((i) => [i.id, i.detail])).toEqual([
      ['IV.1', 'Chưa báo cáo'],
      ['IV.2', 'Chưa báo cáo'],
      ['IV.3', 'Chưa thực hiện'],
    ]);
    expect(d.activities).toEqual([]);
    const a = drillDown(district, { kind: 'unit-items', unitCode: 'CDCS-A', label: 'IV', itemIds: iv.itemIds });
    expect(a.activities.map((x) => x.activity.id)).toEqual(['CDCS-A-1']);
  });

  it('a completeness bar and a month', () => {
    const late = drillDown(district, { kind: 'completeness', state: 'nop-muon' });
    expect(late.title).toBe('Nộp muộn: 1 đơn vị');
    expect(late.units.map((u) => u.unitCode)).toEqual(['CDCS-B']);
    expect(late.activities.map((a) => a.activity.id)).toEqual(['CDCS-B-0']);
    const silent = drillDown(district, { kind: 'completeness', state: 'chua-nop' });
    expect([silent.units.map((u) => u.unitCode), silent.activities]).toEqual([['CDCS-Z'], []]);
    const january = drillDown(district, { kind: 'dates', label: 'Tháng 01/2025', start: '2025-01-01', end: '2025-01-31' });
    expect(january.title).toBe('Tháng 01/2025 · Số hoạt động: 2');
    expect(january.units.map((u) => [u.unitCode, u.figure])).toEqual([
      ['CDCS-A', 1],
      ['CDCS-B', 1],
    ]);
  });
});
