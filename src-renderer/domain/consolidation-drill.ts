/**
 * What stands behind one figure of the consolidated view (pure): the contributors, the plan's
 * items and the activities. Used by the drill-down dialog (ui/DrillDialog.tsx) of «Tổng hợp»
 * and of «Tổng quan», whose charts are drawn from the same consolidation.
 */
import { formatDateVn, type IsoDate } from './periods';
import type { ConsolidationResult } from './consolidate';
import { activityIndicatorValues } from './indicators';
import {
  COMPLETENESS_STATE_LABELS,
  STATUS_COUNT_LABELS,
  type CompletenessState,
  type ReportActivity,
  type StatusCountKey,
} from './report';
import { formatCount as n } from './fields';

/** A figure of the consolidated view whose units, items and activities are shown. */
export type DrillTarget =
  /** "Theo nhiệm vụ": one status column of one item. */
  | { kind: 'item-status'; itemId: string; status: StatusCountKey }
  /** "Theo nhiệm vụ": the activities of one item. */
  | { kind: 'item-activities'; itemId: string }
  /** "Chỉ tiêu theo đơn vị": one contributor's value (unitCode) or the total (null). */
  | { kind: 'indicator'; code: string; unitCode: string | null }
  /** One contributor's activities. */
  | { kind: 'unit'; unitCode: string }
  /**
   * The items of a task group in some statuses, over every contributor (`statuses[0]` names the
   * figure: a grassroots union's own view counts "Chưa báo cáo" as "Chưa thực hiện").
   */
  | { kind: 'items-status'; label: string; itemIds: readonly string[]; statuses: readonly StatusCountKey[] }
  /** One contributor's items of a task group, with its status of each. */
  | { kind: 'unit-items'; unitCode: string; label: string; itemIds: readonly string[] }
  /** The expected units in one state of "Tình hình nộp báo cáo". */
  | { kind: 'completeness'; state: CompletenessState }
  /** The activities dated within [start, end] (both included), e.g. one month of the period. */
  | { kind: 'dates'; label: string; start: IsoDate; end: IsoDate };

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

/** A plan item behind a figure, with what the figure counts of it ("Đã hoàn thành", "3 đơn vị"). */
export interface DrillItem {
  id: string;
  text: string;
  detail: string;
}

export interface Drill {
  title: string;
  /** Header of the figure column of `units` ('' = no column). */
  figureLabel: string;
  units: DrillUnit[];
  /** The items behind the figure, when it counts items (absent: the dialog shows no item list). */
  items?: DrillItem[];
  /** Header of the items' `detail` column. */
  itemDetailLabel?: string;
  activities: DrillActivity[];
  /** A sentence under the lists ('' when none), e.g. the adjustment included in a value. */
  note: string;
}

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
  /** Some activities, and how many of them each contributor gave. */
  const activityCount = (label: string, acts: typeof rows, note: string): Drill => {
    const per = new Map<string, number>();
    for (const r of acts) per.set(r.by, (per.get(r.by) ?? 0) + 1);
    return {
      title: `${label} · Số hoạt động: ${n(acts.length)}`,
      figureLabel: 'Số hoạt động',
      units: contributors.filter((c) => per.has(c.unitCode)).map((c) => ({ unitCode: c.unitCode, unitName: c.unitName, figure: per.get(c.unitCode)! })),
      activities: acts.map((r) => ({ activity: r.activity, unitName: r.unitName, value: null })),
      note,
    };
  };

  if (target.kind === 'item-activities') {
    return activityCount(target.itemId, rows.filter((r) => r.activity.itemIds.includes(target.itemId)), item(target.itemId)?.text ?? '');
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
  if (target.kind === 'items-status') {
    const ids = new Set(target.itemIds);
    const perUnit = new Map<string, number>();
    /** itemId → the units counted in the figure for it: an activity shows when it serves one of its unit's items. */
    const unitsOf = new Map<string, Set<string>>();
    const items: DrillItem[] = [];
    let total = 0;
    for (const it of report.consolidation.items) {
      if (!ids.has(it.id)) continue;
      let count = 0;
      const units = new Set<string>();
      for (const status of target.statuses) {
        for (const share of itemShares[it.id]?.[status] ?? []) {
          count += share.count;
          units.add(share.unitCode);
          perUnit.set(share.unitCode, (perUnit.get(share.unitCode) ?? 0) + share.count);
        }
      }
      if (count === 0) continue;
      items.push({ id: it.id, text: it.text, detail: n(count) });
      unitsOf.set(it.id, units);
      total += count;
    }
    const acts = rows.filter((r) => r.activity.itemIds.some((id) => unitsOf.get(id)?.has(r.by)));
    return {
      title: `${target.label} · ${STATUS_COUNT_LABELS[target.statuses[0] ?? 'none']}: ${n(total)}`,
      figureLabel: 'Số nhiệm vụ',
      units: contributors.filter((c) => perUnit.has(c.unitCode)).map((c) => ({ unitCode: c.unitCode, unitName: c.unitName, figure: perUnit.get(c.unitCode)! })),
      items,
      itemDetailLabel: 'Số báo cáo',
      activities: acts.map((r) => ({ activity: r.activity, unitName: r.unitName, value: null })),
      note: 'Mỗi báo cáo của một đơn vị tính một lần cho mỗi nhiệm vụ; hoạt động là những hoạt động của các đơn vị đó ghi cho các nhiệm vụ này.',
    };
  }
  if (target.kind === 'unit-items') {
    const ids = new Set(target.itemIds);
    const c = contributors.find((x) => x.unitCode === target.unitCode);
    const items: DrillItem[] = [];
    for (const it of report.consolidation.items) {
      if (!ids.has(it.id)) continue;
      const parts: string[] = [];
      for (const [status, shares] of Object.entries(itemShares[it.id] ?? {}) as [StatusCountKey, { unitCode: string; count: number }[]][]) {
        const share = shares.find((x) => x.unitCode === target.unitCode);
        if (share) parts.push(c?.kind === 'consolidated' ? `${STATUS_COUNT_LABELS[status]} ${n(share.count)}` : STATUS_COUNT_LABELS[status]);
      }
      items.push({ id: it.id, text: it.text, detail: parts.join(', ') || STATUS_COUNT_LABELS.none });
    }
    const acts = rows.filter((r) => r.by === target.unitCode && r.activity.itemIds.some((id) => ids.has(id)));
    return {
      title: `${c?.unitName ?? nameOf(target.unitCode)} · ${target.label}`,
      figureLabel: '',
      units: c ? [{ unitCode: c.unitCode, unitName: c.unitName, figure: c.reports }] : [],
      items,
      itemDetailLabel: 'Trạng thái',
      activities: acts.map((r) => ({ activity: r.activity, unitName: r.unitName, value: null })),
      note: '',
    };
  }
  if (target.kind === 'completeness') {
    const entries = report.consolidation.completeness.filter((e) => e.state === target.state);
    const codes = new Set(entries.map((e) => e.unitCode));
    const acts = rows.filter((r) => codes.has(r.by));
    return {
      title: `${COMPLETENESS_STATE_LABELS[target.state]}: ${n(entries.length)} đơn vị`,
      figureLabel: 'Số hoạt động',
      units: entries.map((e) => ({ unitCode: e.unitCode, unitName: e.unitName, figure: e.activityCount })),
      activities: acts.map((r) => ({ activity: r.activity, unitName: r.unitName, value: null })),
      note: '',
    };
  }
  if (target.kind === 'dates') {
    const acts = rows.filter((r) => target.start <= r.activity.date && r.activity.date <= target.end);
    return activityCount(target.label, acts, `Từ ${formatDateVn(target.start)} đến ${formatDateVn(target.end)}.`);
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
