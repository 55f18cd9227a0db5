/**
 * Progress of a plan for one unit and period: counts per status and the share done, per
 * section and task group and overall. Pure: it takes the plan and the statuses read elsewhere.
 *
 * percent done = xong / (trackable − không áp dụng), rounded, but never 100 until every
 * applicable item is done and never 0 once one is.
 */
import type { ParsedPlan, PlanNode } from '@domain/plan-types';
import { ITEM_STATUS_VALUES, type ItemStatusValue } from './types';

export interface Progress {
  /** Trackable items counted. */
  trackable: number;
  counts: Record<ItemStatusValue, number>;
  /** trackable − không áp dụng. */
  applicable: number;
  /** Đã hoàn thành. */
  done: number;
  /** 0..100; 0 when nothing is applicable. */
  percent: number;
}

export interface PlanProgress {
  overall: Progress;
  /** Per section and task group id ("III", "III.2", "IV"), for nodes with trackable items below. */
  byNode: Record<string, Progress>;
}

interface StatusLike {
  itemId: string;
  status: ItemStatusValue;
}

function emptyCounts(): Record<ItemStatusValue, number> {
  return Object.fromEntries(ITEM_STATUS_VALUES.map((s) => [s, 0])) as Record<ItemStatusValue, number>;
}

export function percentDone(done: number, applicable: number): number {
  if (applicable <= 0) return 0;
  if (done >= applicable) return 100;
  return Math.min(99, Math.max(done > 0 ? 1 : 0, Math.round((done / applicable) * 100)));
}

function finish(counts: Record<ItemStatusValue, number>): Progress {
  const trackable = ITEM_STATUS_VALUES.reduce((n, s) => n + counts[s], 0);
  const applicable = trackable - counts['khong-ap-dung'];
  return { trackable, counts, applicable, done: counts.xong, percent: percentDone(counts.xong, applicable) };
}

export function progressOf(plan: ParsedPlan, statuses: readonly StatusLike[]): PlanProgress {
  const statusById = new Map(statuses.map((s) => [s.itemId, s.status]));
  const byNode: Record<string, Progress> = {};
  const overall = emptyCounts();

  /** Counts of the trackable nodes strictly below `node`, recording containers' progress. */
  function visit(node: PlanNode): Record<ItemStatusValue, number> {
    const below = emptyCounts();
    for (const child of node.children) {
      if (child.trackable) {
        const s = statusById.get(child.id) ?? 'chua';
        below[s] += 1;
        overall[s] += 1;
      }
      const sub = visit(child);
      for (const s of ITEM_STATUS_VALUES) below[s] += sub[s];
    }
    if (node.kind !== 'item' && node.kind !== 'subitem' && ITEM_STATUS_VALUES.some((s) => below[s] > 0)) {
      byNode[node.id] = finish(below);
    }
    return below;
  }

  for (const section of plan.sections) {
    if (section.trackable) {
      overall[statusById.get(section.id) ?? 'chua'] += 1;
    }
    visit(section);
  }
  return { overall: finish(overall), byNode };
}

/** "3/25 đã hoàn thành (12%)". */
export function progressLabel(p: Progress): string {
  return `${p.done}/${p.applicable} đã hoàn thành (${p.percent}%)`;
}
