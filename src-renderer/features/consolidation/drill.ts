/**
 * What stands behind one figure of the consolidated view (pure): the contributors and the
 * activities. Used by the drill-down dialog of the "Tổng hợp" screen.
 */
import type { ConsolidationResult } from '@domain/consolidate';
import { activityIndicatorValues } from '@domain/indicators';
import { STATUS_COUNT_LABELS, type ReportActivity } from '../../exchange/spec';
import type { DrillTarget } from '../../state/consolidation-store';

export interface DrillUnit {
  unitCode: string;
  unitName: string;
  /** Unit reports the contributor stands for in this figure (status figures), or its value. */
  figure: number;
}

export interface DrillActivity {
  activity: ReportActivity;
  unitName: string;
  /** The indicator's value on this activity (indicator figures only). */
  value: number | null;
}

export interface Drill {
  title: string;
  /** Header of the figure column of `units` ('' = no column). */
  figureLabel: string;
  units: DrillUnit[];
  activities: DrillActivity[];
  /** A sentence under the lists ('' when none), e.g. the adjustment included in a value. */
  note: string;
}

const n = (x: number) => x.toLocaleString('vi-VN');

export function drillDown(result: ConsolidationResult, target: DrillTarget): Drill {
  const { report, contributors, itemShares, activityContributors } = result;
  const names = report.consolidation.unitNames;
  const nameOf = (code: string) => contributors.find((c) => c.unitCode === code)?.unitName ?? names[code] ?? code;
  const rows = report.activities.map((activity, i) => ({ activity, by: activityContributors[i]!, unitName: names[activity.unitCode] ?? activity.unitCode }));
  const item = (id: string) => report.consolidation.items.find((x) => x.id === id);

  if (target.kind === 'item-status') {
    const shares = itemShares[target.itemId]?.[target.status] ?? [];
    const total = shares.reduce((s, x) => s + x.count, 0);
    const by = new Set(shares.map((s) => s.unitCode));
    const fromBodies = contributors.some((c) => by.has(c.unitCode) && c.kind === 'consolidated');
    const text = item(target.itemId)?.text ?? '';
    return {
      title: `${target.itemId} · ${STATUS_COUNT_LABELS[target.status]}: ${n(total)} đơn vị`,
      figureLabel: 'Số đơn vị',
      units: shares.map((s) => ({ unitCode: s.unitCode, unitName: nameOf(s.unitCode), figure: s.count })),
      activities: rows.filter((r) => by.has(r.by) && r.activity.itemIds.includes(target.itemId)).map((r) => ({ activity: r.activity, unitName: r.unitName, value: null })),
      note: fromBodies
        ? `${text} — Báo cáo tổng hợp của cấp dưới chỉ ghi số đơn vị theo trạng thái, không ghi trạng thái của từng đơn vị: các hoạt động dưới đây là mọi hoạt động của nhiệm vụ này ở những đơn vị tổng hợp đó.`
        : text,
    };
  }
  if (target.kind === 'item-activities') {
    const acts = rows.filter((r) => r.activity.itemIds.includes(target.itemId));
    const per = new Map<string, number>();
    for (const r of acts) per.set(r.by, (per.get(r.by) ?? 0) + 1);
    return {
      title: `${target.itemId} · Số hoạt động: ${n(acts.length)}`,
      figureLabel: 'Số hoạt động',
      units: contributors.filter((c) => per.has(c.unitCode)).map((c) => ({ unitCode: c.unitCode, unitName: c.unitName, figure: per.get(c.unitCode)! })),
      activities: acts.map((r) => ({ activity: r.activity, unitName: r.unitName, value: null })),
      note: item(target.itemId)?.text ?? '',
    };
  }
  if (target.kind === 'indicator') {
    const ind = report.indicators.find((i) => i.code === target.code);
    const name = ind?.name || target.code;
    const of = target.unitCode === null ? contributors : contributors.filter((c) => c.unitCode === target.unitCode);
    const codes = new Set(of.map((c) => c.unitCode));
    const acts = rows
      .filter((r) => codes.has(r.by))
      .map((r) => ({ activity: r.activity, unitName: r.unitName, value: activityIndicatorValues(r.activity)[target.code] ?? 0 }))
      .filter((r) => r.value !== 0);
    const value = of.reduce((s, c) => s + (c.values[target.code] ?? 0), 0);
    const fromActivities = acts.reduce((s, r) => s + r.value!, 0);
    const rest = value - fromActivities;
    const who = target.unitCode === null ? 'Tổng cộng' : nameOf(target.unitCode);
    return {
      title: `${name} · ${who}: ${n(value)}${ind?.unit ? ` ${ind.unit}` : ''}`,
      figureLabel: name,
      units: of.filter((c) => (c.values[target.code] ?? 0) !== 0).map((c) => ({ unitCode: c.unitCode, unitName: c.unitName, figure: c.values[target.code]! })),
      activities: acts,
      note:
        rest === 0
          ? ''
          : `Từ các hoạt động: ${n(fromActivities)}; điều chỉnh của đơn vị (không gắn với hoạt động nào): ${rest > 0 ? '+' : ''}${n(rest)}.`,
    };
  }
  const c = contributors.find((x) => x.unitCode === target.unitCode);
  const acts = rows.filter((r) => r.by === target.unitCode);
  return {
    title: `${c?.unitName ?? target.unitCode} · Số hoạt động: ${n(acts.length)}`,
    figureLabel: '',
    units: c ? [{ unitCode: c.unitCode, unitName: c.unitName, figure: c.reports }] : [],
    activities: acts.map((r) => ({ activity: r.activity, unitName: r.unitName, value: null })),
    note: '',
  };
}
