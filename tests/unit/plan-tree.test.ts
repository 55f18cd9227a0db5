import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '@domain/plan-parser';
import { findNode, planFingerprint, renumber, toRoman, trackableItems, walkPlan } from '@domain/plan-tree';
import type { PlanNode } from '@domain/plan-types';

const seedPlan = parsePlan(readFileSync(resolve(import.meta.dirname, '../../resources/plans/ke-hoach-63-KH-LDLD.md'), 'utf8'));

const node = (kind: PlanNode['kind'], text: string, children: PlanNode[] = [], trackable = false): PlanNode => ({
  id: 'x',
  kind,
  label: null,
  text,
  trackable,
  children,
});

describe('plan tree helpers', () => {
  it('walks in document order with parents and depths, and can skip children', () => {
    const seen: string[] = [];
    walkPlan(seedPlan, (n, parent, depth) => {
      seen.push(`${depth}:${n.id}<${parent?.id ?? '-'}`);
      return n.id !== 'III.2';
    });
    expect(seen.slice(0, 3)).toEqual(['0:I<-', '1:I.1<I', '1:I.2<I']);
    expect(seen).toContain('2:III.1.8<III.1');
    expect(seen).toContain('1:III.2<III');
    expect(seen.some((s) => s.includes('III.2.1'))).toBe(false);
    expect(seen.indexOf('1:III.3<III')).toBe(seen.indexOf('1:III.2<III') + 1);
  });

  it('lists trackable items in document order and finds nodes by id', () => {
    const tracked = trackableItems(seedPlan);
    expect(tracked[0]!.id).toBe('III.1.1');
    expect(tracked[tracked.length - 1]!.id).toBe('IV.3');
    expect(trackableItems(seedPlan.sections)).toEqual(tracked);
    expect(findNode(seedPlan, 'III.2.4')!.text).toMatch(/^Tập trung đối thoại, thương lượng tập thể/);
    expect(findNode(seedPlan.sections, 'IV')!.kind).toBe('section');
    expect(findNode(seedPlan, 'III.9')).toBeUndefined();
    expect(findNode(seedPlan, '')).toBeUndefined();
  });

  it('recomputes ids from positions without mutating its input', () => {
    const tree = [
      node('section', 'A', [node('item', 'a1'), node('item', 'a2', [node('subitem', 's')])]),
      node('section', 'B', [node('group', 'g', [node('item', 'b1')])]),
    ];
    const before = JSON.stringify(tree);
    const out = renumber(tree);
    expect(JSON.stringify(tree)).toBe(before);
    const ids: string[] = [];
    walkPlan(out, (n) => {
      ids.push(n.id);
    });
    expect(ids).toEqual(['I', 'I.1', 'I.2', 'I.2.1', 'II', 'II.1', 'II.1.1']);
    expect(renumber(seedPlan.sections)).toEqual(seedPlan.sections);
    expect([1, 4, 9, 14, 40, 3999, 0].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'MMMCMXCIX', '0']);
  });

  it('fingerprints the trackable ids and texts, stably', () => {
    const fp = planFingerprint(seedPlan);
    expect(fp).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    expect(planFingerprint(structuredClone(seedPlan))).toBe(fp);
    expect(planFingerprint(seedPlan.sections)).toBe(fp);
    // Text outside trackable items does not matter.
    const changedGoal = structuredClone(seedPlan);
    changedGoal.sections[1]!.children[0]!.text += ' Thêm.';
    changedGoal.header.title = 'Khác';
    expect(planFingerprint(changedGoal)).toBe(fp);
    // A changed item, a changed trackability or NFD text do.
    const changedItem = structuredClone(seedPlan);
    findNode(changedItem, 'IV.3')!.text = 'Báo cáo kết quả thực hiện định kỳ.';
    expect(planFingerprint(changedItem)).not.toBe(fp);
    const untracked = structuredClone(seedPlan);
    findNode(untracked, 'IV.3')!.trackable = false;
    expect(planFingerprint(untracked)).not.toBe(fp);
    const nfd = structuredClone(seedPlan);
    walkPlan(nfd, (n) => {
      n.text = n.text.normalize('NFD');
    });
    expect(planFingerprint(nfd)).toBe(fp);
    // Known value of FNV-1a 64 for the empty input (no trackable items).
    expect(planFingerprint([])).toBe('fnv1a64:cbf29ce484222325');
  });
});
