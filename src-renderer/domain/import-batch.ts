/**
 * Several files of one unit, plan and period in the same import batch (a unit sent a corrected
 * report, both copies were chosen): they are filed by their export time, whatever order they
 * were chosen in. The newest is imported as its preview says; each older one is kept as history
 * («sẽ được lưu vào lịch sử»), exactly as importing them one after the other, oldest first,
 * would leave them. A copy of the same file (same bytes) is a duplicate, not history.
 *
 * Pure module: the import screen shows it, the import store applies the batch in this order.
 */
import { compareInstants, type SubmissionScope } from './merge';

export interface BatchCandidate {
  key: string;
  scope: SubmissionScope;
  exportedAt: string;
  fileHash: string;
}

export interface BatchOrder {
  /** Every key, in the order to apply: per scope the newest export first, scopes where their first file was chosen. */
  order: string[];
  /** Key of an older file → key of the newer file of the same scope in the batch (the older one goes to history). */
  olderThan: Map<string, string>;
}

const scopeKey = (s: SubmissionScope) => `${s.unitCode}\u0000${s.planId}\u0000${s.periodKey}`;

export function orderBatch(candidates: readonly BatchCandidate[]): BatchOrder {
  const groups = new Map<string, BatchCandidate[]>();
  for (const c of candidates) {
    const k = scopeKey(c.scope);
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  const order: string[] = [];
  const olderThan = new Map<string, string>();
  for (const group of groups.values()) {
    // Newest export first; the same instant keeps the chosen order (the later one replaces the
    // earlier, as a corrected copy of a hand-filled template does).
    const sorted = group
      .map((c, i) => ({ c, i }))
      .sort((a, b) => compareInstants(b.c.exportedAt, a.c.exportedAt) || b.i - a.i)
      .map((x) => x.c);
    const newest = sorted[0]!;
    for (const c of sorted.slice(1)) {
      if (c.fileHash !== newest.fileHash && compareInstants(c.exportedAt, newest.exportedAt) < 0) olderThan.set(c.key, newest.key);
    }
    order.push(...sorted.map((c) => c.key));
  }
  return { order, olderThan };
}
