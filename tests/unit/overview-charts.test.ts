/**
 * features/overview/chart-options.ts: the charts of «Tổng quan» built from plain shaped figures —
 * Vietnamese axis names and number format, a pattern on every fill but the darkest, the units
 * that have not reported marked in the grid, the year before beside the period, and what a click
 * on each mark opens.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import type { ConsolidationResult } from '@domain/consolidate';
import { completenessChart, gridChart, gridRowLabel, indicatorChart, monthlyChart, progressChart, STATUS_FILLS } from '@features/overview/chart-options';
import {
  groupProgress,
  indicatorOverview,
  monthlyOverview,
  progressFigure,
  taskGroupsOf,
  type GridRow,
} from '@features/overview/overview-data';
import type { ChartOption } from '@ui/chart/echarts';

const GROUPS = taskGroupsOf(BUILTIN_PLAN.plan);
const PERIOD = { start: '2024-12-15', end: '2025-06-14', name: '6 tháng đầu năm 2025' };

type Formatter = (p: unknown) => string;
const seriesOf = (o: ChartOption) => o.series as { name?: string; data: unknown[]; itemStyle?: { decal?: unknown; color?: string }; label?: { formatter?: Formatter } }[];
const axis = (o: ChartOption, which: 'xAxis' | 'yAxis') => o[which] as { name?: string; data?: string[]; axisLabel?: { formatter?: (v: number) => string } };

/** A consolidation holding only item counts: what the progress chart reads. */
function itemsOnly(counts: Record<string, Partial<Record<'xong' | 'dang' | 'chua' | 'khong-ap-dung' | 'none', number>>>): ConsolidationResult {
  const items = GROUPS.flatMap((g) => g.itemIds).map((id) => ({
    id,
    groupTitle: '',
    text: id,
    activityCount: 0,
    counts: { xong: 0, dang: 0, chua: 0, 'khong-ap-dung': 0, none: 0, ...counts[id] },
  }));
  return { report: { consolidation: { items } } } as unknown as ConsolidationResult;
}

describe('progressChart', () => {
  const progress = groupProgress(GROUPS, itemsOnly({ 'III.1.1': { xong: 1200 }, 'III.1.2': { dang: 3 }, 'IV.3': { none: 2 } }), 'consolidated');
  const chart = progressChart(progress);

  it('one stacked series per status, in the legend’s order, patterned but «Đã hoàn thành»', () => {
    const series = seriesOf(chart.option);
    expect(series.map((s) => s.name)).toEqual(['Đã hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'Không áp dụng', 'Chưa báo cáo']);
    expect(series.map((s) => s.itemStyle?.decal !== undefined)).toEqual([false, true, true, true, true]);
    expect(STATUS_FILLS.xong.color).not.toBe(STATUS_FILLS.dang.color);
  });

  it('Vietnamese axis names; the group labels carry the share done; counts written the Vietnamese way', () => {
    expect(axis(chart.option, 'xAxis').name).toBe('Tỷ lệ trong nhóm (%)');
    expect(axis(chart.option, 'xAxis').axisLabel!.formatter!(40)).toBe('40%');
    expect(axis(chart.option, 'yAxis').data!.slice(0, 2)).toEqual(['III.1 · 99%', 'III.2 · –']);
    expect(seriesOf(chart.option)[0]!.label!.formatter!({ dataIndex: 0 })).toBe('1.200');
    expect(seriesOf(chart.option)[0]!.label!.formatter!({ dataIndex: 1 })).toBe('');
  });

  it('a segment opens its group’s items in that status; an empty one opens nothing', () => {
    expect(chart.targetAt(1, 0)).toEqual({ kind: 'items-status', label: 'Nhóm III.1', itemIds: GROUPS[0]!.itemIds, statuses: ['dang'] });
    expect(chart.targetAt(1, 1)).toBeNull();
    // A grassroots union's own view: «Chưa thực hiện» also stands for the items without a status.
    const own = progressChart(groupProgress(GROUPS, itemsOnly({}), 'unit'));
    expect(seriesOf(own.option).map((s) => s.name)).toEqual(['Đã hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'Không áp dụng']);
    expect(own.targetAt(2, 0)).toMatchObject({ statuses: ['chua', 'none'] });
  });
});

describe('gridChart', () => {
  const figure = (done: number, total: number) => progressFigure({ xong: done, dang: 0, chua: total - done, 'khong-ap-dung': 0, none: 0 });
  const rows: GridRow[] = [
    { unitCode: 'A', unitName: 'Công đoàn cơ sở Công ty Trách nhiệm hữu hạn May mặc Hòa Bình', state: 'da-nop', cells: GROUPS.map(() => figure(1, 2)), overall: figure(7, 14) },
    { unitCode: 'B', unitName: 'CĐCS Xã Suối Đá', state: 'chua-nop', cells: GROUPS.map(() => null), overall: null },
  ];
  const chart = gridChart(rows, GROUPS);

  it('a row per unit, long names shortened, the silent unit marked; its cells grey with «—»', () => {
    expect(axis(chart.option, 'yAxis').data).toEqual([gridRowLabel(rows[0]!), 'CĐCS Xã Suối Đá (chưa nộp)']);
    expect(gridRowLabel(rows[0]!)).toHaveLength(34);
    expect(gridRowLabel(rows[0]!).endsWith('…')).toBe(true);
    const data = seriesOf(chart.option)[0]!.data as { value: [number, number, number] }[];
    expect(data).toHaveLength(2 * GROUPS.length);
    const label = seriesOf(chart.option)[0]!.label!.formatter!;
    expect(label({ value: data[0]!.value })).toBe('50%');
    expect(label({ value: data[GROUPS.length]!.value })).toBe('—');
  });

  it('a cell opens the unit’s items of the group; a silent unit’s opens nothing', () => {
    expect(chart.targetAt(0, GROUPS.length - 1)).toEqual({ kind: 'unit-items', unitCode: 'A', label: `Nhóm ${GROUPS.at(-1)!.id}`, itemIds: GROUPS.at(-1)!.itemIds });
    expect(chart.targetAt(0, GROUPS.length)).toBeNull();
  });
});

describe('completeness, indicators, months', () => {
  it('completeness: one column per state, its count on top; a column of 0 opens nothing', () => {
    const chart = completenessChart({ 'da-nop': 1028, 'nop-muon': 0, 'chua-nop': 8, total: 1036 });
    expect(axis(chart.option, 'xAxis').data).toEqual(['Đã nộp', 'Nộp muộn', 'Chưa nộp']);
    expect(axis(chart.option, 'yAxis').name).toBe('Số đơn vị');
    expect(seriesOf(chart.option)[0]!.label!.formatter!({ value: 1028 })).toBe('1.028');
    expect(chart.targetAt(0, 0)).toEqual({ kind: 'completeness', state: 'da-nop' });
    expect(chart.targetAt(0, 1)).toBeNull();
  });

  it('indicators: only those with a target, as the share reached against 100 %', () => {
    const ind = indicatorOverview([
      { code: 'participants', name: 'Lượt người tham gia', unit: 'lượt người', value: 2400, target: 2000, adjustment: 0, adjustmentReason: '' },
      { code: 'new-members', name: 'Đoàn viên kết nạp mới', unit: 'người', value: 5, target: null, adjustment: 0, adjustmentReason: '' },
    ]);
    const chart = indicatorChart(ind);
    expect(axis(chart.option, 'yAxis').data).toEqual(['Lượt người tham gia']);
    expect(axis(chart.option, 'xAxis').name).toBe('Tỷ lệ đạt so với chỉ tiêu giao (%)');
    expect(seriesOf(chart.option)[0]!.label!.formatter!({ dataIndex: 0 })).toBe('120% (2.400/2.000)');
    expect(chart.targetAt(0, 0)).toEqual({ kind: 'indicator', code: 'participants', unitCode: null });
  });

  it('months: the period’s columns, the year before beside them when it has activities; a month opens its days', () => {
    const act = (date: string, participants: number) => ({ date, participants, indicators: {} }) as never;
    const before = { start: '2023-12-15', end: '2024-06-14', name: '6 tháng đầu năm 2024' };
    const monthly = monthlyOverview(PERIOD, [act('2025-01-10', 1500), act('2025-01-11', 10)], { period: before, activities: [act('2024-03-01', 7)] });
    const chart = monthlyChart(monthly, 'participants', PERIOD.name);
    expect(seriesOf(chart.option).map((s) => s.name)).toEqual(['6 tháng đầu năm 2025', '6 tháng đầu năm 2024 (cùng kỳ năm trước)']);
    expect(seriesOf(chart.option)[0]!.data).toEqual([0, 1510, 0, 0, 0, 0, 0]);
    expect(seriesOf(chart.option)[1]!.data).toEqual([0, 0, 0, 7, 0, 0, 0]);
    expect(axis(chart.option, 'yAxis').name).toBe('Lượt người tham gia');
    expect(axis(chart.option, 'yAxis').axisLabel!.formatter!(1500)).toBe('1.500');
    expect(chart.targetAt(0, 1)).toEqual({ kind: 'dates', label: 'Tháng 01/2025', start: '2025-01-01', end: '2025-01-31' });
    expect(chart.targetAt(1, 3)).toBeNull();
    expect(chart.targetAt(0, 2)).toBeNull();
    const alone = monthlyChart(monthlyOverview(PERIOD, [act('2025-01-10', 1)], { period: before, activities: [] }), 'activities', PERIOD.name);
    expect(seriesOf(alone.option)).toHaveLength(1);
  });
});
