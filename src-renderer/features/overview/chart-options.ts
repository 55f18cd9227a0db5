/**
 * The ECharts options of «Tổng quan»'s charts, built from the shaped figures (overview-data.ts)
 * and nothing else, with what a click on each mark opens (a drill target). Every number shown
 * is written the Vietnamese way (formatCount: 1.028); every axis says what it counts.
 */
import type { DrillTarget } from '@domain/consolidation-drill';
import { formatCount } from '@domain/fields';
import { COMPLETENESS_STATE_LABELS, STATUS_COUNT_LABELS, type CompletenessState, type StatusCountKey } from '@domain/report';
import type { ChartOption } from '@ui/chart/echarts';
import { FILLS, fillStyle, SHARE_STEPS, type Fill } from '@ui/chart/palette';
import { statusesBehind, type GridRow, type IndicatorOverview, type MonthlyOverview, type Overview, type ProgressOverview, type TaskGroup } from './overview-data';

export interface ChartModel {
  option: ChartOption;
  /** Height of the plot on screen (px). */
  height: number;
  /** What a click on mark (series, data index) opens; null: nothing behind it. */
  targetAt: (seriesIndex: number, dataIndex: number) => DrillTarget | null;
}

const TEXT = { fontSize: 12, color: '#1b1f24' };
const AXIS_NAME = { fontSize: 12, color: '#333', fontWeight: 'bold' as const };
const percentText = (p: number | null) => (p === null ? '–' : `${p}%`);

/**
 * Every tooltip: under a dialog (ECharts puts it above everything; the drill-down dialog's
 * backdrop is at z-index 50), and gone at once rather than fading.
 */
const TIP = { extraCssText: 'z-index: 10;', transitionDuration: 0 };

/** A value axis of percentages, named under it. */
function percentAxis(name: string, max: number) {
  return {
    type: 'value' as const,
    max,
    name,
    nameLocation: 'middle' as const,
    nameGap: 26,
    nameTextStyle: AXIS_NAME,
    axisLabel: { formatter: (v: number) => `${v}%`, fontSize: 12 },
  };
}

/** A name cut to `max` characters with «…», for an axis label (the table has it whole). */
function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The status labels of a scope: a grassroots union's own view has no «Chưa báo cáo». */
export function statusLabel(key: StatusCountKey): string {
  return STATUS_COUNT_LABELS[key];
}

export const STATUS_FILLS: Record<StatusCountKey, Fill> = {
  xong: FILLS.strong,
  dang: FILLS.middle,
  chua: FILLS.light,
  'khong-ap-dung': FILLS.neutral,
  none: FILLS.empty,
};

export const COMPLETENESS_FILLS: Record<CompletenessState, Fill> = {
  'da-nop': FILLS.strong,
  'nop-muon': FILLS.middle,
  'chua-nop': FILLS.alarm,
};

const COMPLETENESS_STATES: readonly CompletenessState[] = ['da-nop', 'nop-muon', 'chua-nop'];

/** «III.1 · 29%»: a group's axis label. */
export function groupAxisLabel(id: string, percent: number | null): string {
  return `${id} · ${percentText(percent)}`;
}

// ---------------------------------------------------------------------------------------------

/**
 * Progress per task group: one horizontal bar per group, its statuses stacked as shares of the
 * group (groups of 2 and of 8 items compare), each segment labelled with its count.
 */
export function progressChart(progress: ProgressOverview): ChartModel {
  const { groups, keys } = progress;
  const series = keys.map((key) => ({
    type: 'bar' as const,
    name: statusLabel(key),
    stack: 'tien-do',
    barWidth: 26,
    itemStyle: fillStyle(STATUS_FILLS[key]),
    label: {
      show: true,
      color: STATUS_FILLS[key].ink,
      fontSize: 12,
      // On a pattern the figure sits on a plain patch, so it reads in print too.
      ...(STATUS_FILLS[key].decal ? { backgroundColor: 'rgba(255, 255, 255, 0.9)', padding: [1, 4], borderRadius: 3 } : {}),
      formatter: (p: { dataIndex: number }) => {
        const count = groups[p.dataIndex]!.counts[key];
        return count > 0 ? formatCount(count) : '';
      },
    },
    emphasis: { focus: 'series' as const },
    data: groups.map((g) => (g.total > 0 ? (g.counts[key] * 100) / g.total : 0)),
  }));
  return {
    height: (keys.length > 4 ? 112 : 90) + groups.length * 40,
    option: {
      animation: false,
      textStyle: TEXT,
      // Five statuses take two lines of legend at the width of a card.
      grid: { left: 12, right: 24, top: 28, bottom: keys.length > 4 ? 86 : 64, containLabel: true },
      legend: { bottom: 0, left: 'center', itemWidth: 22, itemHeight: 14, textStyle: TEXT },
      tooltip: {
        ...TIP,
        trigger: 'item',
        formatter: (p: unknown) => {
          const { seriesIndex, dataIndex } = p as { seriesIndex: number; dataIndex: number };
          const g = groups[dataIndex]!;
          const key = keys[seriesIndex]!;
          return `${g.group.id}: ${statusLabel(key)} ${formatCount(g.counts[key])} / ${formatCount(g.total)}`;
        },
      },
      xAxis: percentAxis('Tỷ lệ trong nhóm (%)', 100),
      yAxis: {
        type: 'category',
        inverse: true,
        name: 'Nhóm · hoàn thành',
        // The axis is inverted (the first group on top): its start is the top.
        nameLocation: 'start',
        nameGap: 8,
        nameTextStyle: { ...AXIS_NAME, align: 'left' },
        data: groups.map((g) => groupAxisLabel(g.group.id, g.percent)),
        axisLabel: { fontSize: 12 },
      },
      series,
    },
    targetAt: (seriesIndex, dataIndex) => {
      const g = groups[dataIndex];
      const key = keys[seriesIndex];
      if (!g || !key || g.counts[key] === 0) return null;
      return { kind: 'items-status', label: `Nhóm ${g.group.id}`, itemIds: g.group.itemIds, statuses: statusesBehind(progress, key) };
    },
  };
}

// ---------------------------------------------------------------------------------------------

/** Đã nộp / Nộp muộn / Chưa nộp: one column each, its count on top. */
export function completenessChart(counts: Overview['completeness']): ChartModel {
  return {
    height: 260,
    option: {
      animation: false,
      textStyle: TEXT,
      grid: { left: 12, right: 24, top: 40, bottom: 8, containLabel: true },
      tooltip: { ...TIP, trigger: 'item', formatter: (p: unknown) => `${(p as { name: string }).name}: ${formatCount((p as { value: number }).value)} đơn vị` },
      xAxis: { type: 'category', data: COMPLETENESS_STATES.map((s) => COMPLETENESS_STATE_LABELS[s]), axisLabel: { fontSize: 13, fontWeight: 'bold' } },
      yAxis: {
        type: 'value',
        name: 'Số đơn vị',
        nameTextStyle: AXIS_NAME,
        minInterval: 1,
        axisLabel: { formatter: (v: number) => formatCount(v), fontSize: 12 },
      },
      series: [
        {
          type: 'bar',
          name: 'Số đơn vị',
          barWidth: '45%',
          label: { show: true, position: 'top', fontSize: 13, fontWeight: 'bold', formatter: (p: { value: unknown }) => formatCount(Number(p.value)) },
          data: COMPLETENESS_STATES.map((s) => ({ value: counts[s], itemStyle: fillStyle(COMPLETENESS_FILLS[s]) })),
        },
      ],
    },
    targetAt: (_s, dataIndex) => {
      const state = COMPLETENESS_STATES[dataIndex];
      return state && counts[state] > 0 ? { kind: 'completeness', state } : null;
    },
  };
}

// ---------------------------------------------------------------------------------------------

/** Cells of a unit that has not reported, and of a group with nothing applicable. */
const NOT_REPORTED = -1;
const NOT_APPLICABLE = -2;
const ROW_HEIGHT = 24;
const NAME_CHARS = 34;

/** A unit's row label: its name shortened to fit, «(chưa nộp)» when it has not reported. */
export function gridRowLabel(row: GridRow): string {
  const name = shorten(row.unitName, NAME_CHARS);
  return row.overall === null ? `${name} (chưa nộp)` : name;
}

/** Units × task groups: the share done in every cell, light to dark; a silent unit's row is grey. */
export function gridChart(rows: readonly GridRow[], groups: readonly TaskGroup[]): ChartModel {
  const data: { value: [number, number, number]; label: { color: string } }[] = [];
  rows.forEach((r, y) =>
    groups.forEach((_g, x) => {
      const v = r.overall === null ? NOT_REPORTED : (r.cells[x]?.percent ?? NOT_APPLICABLE);
      const step = SHARE_STEPS.find((s) => v >= s.min && v <= s.max);
      data.push({ value: [x, y, v], label: { color: step?.ink ?? '#000000' } });
    }),
  );
  return {
    height: 120 + rows.length * ROW_HEIGHT,
    option: {
      animation: false,
      textStyle: TEXT,
      grid: { left: 12, right: 16, top: 56, bottom: 64, containLabel: true },
      tooltip: {
        ...TIP,
        trigger: 'item',
        formatter: (p: unknown) => {
          const [x, y, v] = (p as { value: [number, number, number] }).value;
          const row = rows[y]!;
          const what = v === NOT_REPORTED ? 'chưa nộp báo cáo' : v === NOT_APPLICABLE ? 'không có nhiệm vụ áp dụng' : `hoàn thành ${v}%`;
          return `${row.unitName} · ${groups[x]!.id}: ${what}`;
        },
      },
      xAxis: {
        type: 'category',
        position: 'top',
        name: 'Nhóm nhiệm vụ',
        nameLocation: 'middle',
        nameGap: 24,
        nameTextStyle: AXIS_NAME,
        data: groups.map((g) => g.id),
        axisLabel: { fontSize: 12, fontWeight: 'bold' },
        splitArea: { show: false },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map(gridRowLabel),
        axisLabel: { fontSize: 12 },
      },
      visualMap: {
        type: 'piecewise',
        dimension: 2,
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        // Seven keys on one line at the width of a card (and of a page).
        itemWidth: 12,
        itemHeight: 12,
        itemGap: 6,
        textStyle: TEXT,
        pieces: [
          ...SHARE_STEPS.map((s) => ({ min: s.min, max: s.max, color: s.color, label: s.min === s.max ? `${s.min}%` : `${s.min}–${s.max}%` })),
          { value: NOT_APPLICABLE, color: '#f2e6d9', label: 'Không áp dụng' },
          { value: NOT_REPORTED, color: '#d9d9d9', label: 'Chưa nộp' },
        ],
      },
      series: [
        {
          type: 'heatmap',
          name: 'Tỷ lệ hoàn thành',
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
          label: {
            show: true,
            fontSize: 12,
            formatter: (p: { value: unknown }) => {
              const v = (p.value as number[])[2]!;
              return v === NOT_REPORTED ? '—' : v === NOT_APPLICABLE ? '–' : `${v}%`;
            },
          },
          data,
        },
      ],
    },
    targetAt: (_s, dataIndex) => {
      const row = rows[Math.floor(dataIndex / groups.length)];
      const group = groups[dataIndex % groups.length];
      if (!row || !group || row.overall === null) return null;
      return { kind: 'unit-items', unitCode: row.unitCode, label: `Nhóm ${group.id}`, itemIds: group.itemIds };
    },
  };
}

// ---------------------------------------------------------------------------------------------

const IND_CHARS = 38;

/** Indicators with a target: the share reached, against a line at 100 % (the target). */
export function indicatorChart(ind: IndicatorOverview): ChartModel {
  const rows = ind.withTarget;
  const top = Math.max(100, ...rows.map((r) => r.percent ?? 0));
  return {
    height: 110 + rows.length * 38,
    option: {
      animation: false,
      textStyle: TEXT,
      // Room on the right for the longest bar's label: «120% (2.400/2.000)».
      grid: { left: 12, right: 130, top: 30, bottom: 44, containLabel: true },
      tooltip: {
        ...TIP,
        trigger: 'item',
        formatter: (p: unknown) => {
          const r = rows[(p as { dataIndex: number }).dataIndex]!;
          return `${r.name}: ${formatCount(r.value)} / ${formatCount(r.target ?? 0)} ${r.unit} (${percentText(r.percent)})`;
        },
      },
      xAxis: percentAxis('Tỷ lệ đạt so với chỉ tiêu giao (%)', Math.ceil(top / 25) * 25),
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => shorten(r.name, IND_CHARS)),
        axisLabel: { fontSize: 12 },
      },
      series: [
        {
          type: 'bar',
          name: 'Tỷ lệ đạt',
          barWidth: 22,
          label: {
            show: true,
            position: 'right',
            fontSize: 12,
            formatter: (p: { dataIndex: number }) => {
              const r = rows[p.dataIndex]!;
              return `${percentText(r.percent)} (${formatCount(r.value)}/${formatCount(r.target ?? 0)})`;
            },
          },
          data: rows.map((r) => ({ value: r.percent ?? 0, itemStyle: fillStyle((r.percent ?? 0) >= 100 ? FILLS.strong : FILLS.middle) })),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#000000', type: 'dashed', width: 2 },
            // The category axis is inverted: the line's start is at the top of the plot.
            label: { formatter: 'Chỉ tiêu giao (100%)', position: 'start', fontSize: 12 },
            data: [{ xAxis: 100 }],
          },
        },
      ],
    },
    targetAt: (_s, dataIndex) => {
      const r = rows[dataIndex];
      return r ? { kind: 'indicator', code: r.code, unitCode: null } : null;
    },
  };
}

// ---------------------------------------------------------------------------------------------

export type MonthlyMetric = 'activities' | 'participants';
export const MONTHLY_AXIS: Record<MonthlyMetric, string> = { activities: 'Số hoạt động', participants: 'Lượt người tham gia' };

/** Columns per calendar month of the period, beside the same months one year earlier. */
export function monthlyChart(monthly: MonthlyOverview, metric: MonthlyMetric, periodName: string): ChartModel {
  const series: NonNullable<ChartOption['series']> = [
    {
      type: 'bar',
      name: periodName,
      barGap: '10%',
      itemStyle: fillStyle(FILLS.strong),
      label: { show: true, position: 'top', fontSize: 12, formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? formatCount(Number(p.value)) : '') },
      data: monthly.current.map((m) => m[metric]),
    },
  ];
  if (monthly.previous) {
    series.push({
      type: 'bar',
      name: `${monthly.previousName} (cùng kỳ năm trước)`,
      itemStyle: fillStyle(FILLS.past),
      label: { show: true, position: 'top', fontSize: 12, color: '#444', formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? formatCount(Number(p.value)) : '') },
      data: monthly.current.map((_m, i) => monthly.previous![i]?.[metric] ?? 0),
    });
  }
  return {
    height: 320,
    option: {
      animation: false,
      textStyle: TEXT,
      grid: { left: 12, right: 16, top: 40, bottom: 70, containLabel: true },
      legend: { bottom: 0, left: 'center', itemWidth: 22, itemHeight: 14, textStyle: TEXT },
      tooltip: { ...TIP, trigger: 'axis', valueFormatter: (v: unknown) => formatCount(Number(v)) },
      xAxis: {
        type: 'category',
        name: 'Tháng (tháng đầu và tháng cuối chỉ tính các ngày trong kỳ)',
        nameLocation: 'middle',
        nameGap: 28,
        nameTextStyle: AXIS_NAME,
        data: monthly.current.map((m) => m.bucket.label),
        axisLabel: { fontSize: 12 },
      },
      yAxis: {
        type: 'value',
        name: MONTHLY_AXIS[metric],
        nameTextStyle: { ...AXIS_NAME, align: 'left' },
        minInterval: 1,
        axisLabel: { formatter: (v: number) => formatCount(v), fontSize: 12 },
      },
      series,
    },
    targetAt: (seriesIndex, dataIndex) => {
      const m = monthly.current[dataIndex];
      // The year before's columns are only a comparison: what they stand for is not in this period's data.
      if (seriesIndex !== 0 || !m || m.activities === 0) return null;
      return { kind: 'dates', label: `Tháng ${m.bucket.label}`, start: m.bucket.start, end: m.bucket.end };
    },
  };
}
