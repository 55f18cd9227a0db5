import { describe, expect, it } from 'vitest';
import {
  blockTracking,
  buildTree,
  canMergeWithNext,
  canSplitRow,
  changeLevel,
  countOutline,
  flattenPlan,
  mergeWithNext,
  normalizeOutline,
  removeRow,
  setAttributes,
  setBlockTracking,
  setKind,
  setText,
  setTrackable,
  splitRow,
  type OutlineRow,
} from '@domain/plan-edit';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { parsePlan } from '@domain/plan-parser';
import type { PlanNode, PlanNodeKind } from '@domain/plan-types';

function node(id: string, kind: PlanNodeKind, label: string | null, text: string, trackable: boolean, children: PlanNode[] = []): PlanNode {
  return { id, kind, label, text, trackable, children };
}

/** A small plan shaped like the real ones: items straight under I, groups under II. */
const sample: PlanNode[] = [
  node('I', 'section', 'I', 'MỤC ĐÍCH, YÊU CẦU', false, [
    node('I.1', 'item', null, 'Nâng cao nhận thức của đoàn viên.', false),
    node('I.2', 'item', null, 'Tổ chức thiết thực, hiệu quả.', false),
  ]),
  node('II', 'section', 'II', 'NHIỆM VỤ VÀ GIẢI PHÁP', false, [
    node('II.1', 'group', '1', 'Tuyên truyền', false, [
      node('II.1.1', 'item', null, 'Tổ chức hội nghị quán triệt.', false, [
        node('II.1.1.1', 'subitem', 'a', 'Cấp huyện.', true),
        node('II.1.1.2', 'subitem', 'b', 'Cấp cơ sở.', true),
      ]),
      node('II.1.2', 'item', null, 'Phát tờ rơi.', true),
    ]),
    node('II.2', 'group', '2', 'Chăm lo đoàn viên', false, [node('II.2.1', 'item', null, 'Thăm hỏi công nhân khó khăn.', true)]),
  ]),
  node('III', 'section', 'III', 'TỔ CHỨC THỰC HIỆN', false, [
    node('III.1', 'item', null, 'Báo cáo kết quả về Liên đoàn Lao động tỉnh định kỳ 6 tháng, năm.', true),
  ]),
];

const rowsOf = (): OutlineRow[] => flattenPlan(sample);
const find = (rows: OutlineRow[], text: string): number => rows.findIndex((r) => r.text === text);
const row = (name: string, kind: PlanNodeKind, text: string, trackable = false, label: string | null = null): OutlineRow => ({ name, kind, label, text, trackable });

/** Each row's id in the tree it would be saved as. */
function savedIds(rows: readonly OutlineRow[]): string[] {
  const ids: string[] = [];
  const visit = (n: PlanNode): void => {
    ids.push(n.id);
    n.children.forEach(visit);
  };
  buildTree(rows).forEach(visit);
  return ids;
}

describe('flattenPlan / buildTree', () => {
  it('flattens in reading order, each row named by its id', () => {
    const rows = rowsOf();
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual({ name: 'I', kind: 'section', label: 'I', text: 'MỤC ĐÍCH, YÊU CẦU', trackable: false });
    expect(rows.map((r) => r.name)).toEqual(['I', 'I.1', 'I.2', 'II', 'II.1', 'II.1.1', 'II.1.1.1', 'II.1.1.2', 'II.1.2', 'II.2', 'II.2.1', 'III', 'III.1']);
  });

  it('flatten then build is the identity, attributes and parts included', () => {
    expect(buildTree(rowsOf())).toEqual(sample);
    const withParts = parsePlan(
      ['Phần thứ nhất', 'KẾT QUẢ', 'Đã làm.', 'Phần thứ hai', 'NHIỆM VỤ', 'I. CÔNG TÁC TUYÊN TRUYỀN', '- Tuyên truyền.', 'Thời gian: Quý I/2025.'].join('\n'),
    ).sections;
    expect(withParts[1]!.children[0]!.children[0]!.attributes).toEqual([{ name: 'Thời gian', value: 'Quý I/2025' }]);
    expect(buildTree(flattenPlan(withParts))).toEqual(withParts);
  });

  it('computes ids from positions when saved, whatever the rows are named', () => {
    const rows = rowsOf().map((r, i) => ({ ...r, name: `row ${i}` }));
    expect(savedIds(rows)).toEqual(['I', 'I.1', 'I.2', 'II', 'II.1', 'II.1.1', 'II.1.1.1', 'II.1.1.2', 'II.1.2', 'II.2', 'II.2.1', 'III', 'III.1']);
  });

  it('puts an item with no group before it straight under its section, a section after a part into the part', () => {
    const tree = buildTree([row('a', 'section', 'A'), row('b', 'item', 'x', true), row('c', 'group', 'G'), row('d', 'item', 'y', true)]);
    expect(tree[0]!.children.map((c) => [c.id, c.kind])).toEqual([
      ['I.1', 'item'],
      ['I.2', 'group'],
    ]);
    const parts = buildTree([row('p', 'part', 'KẾT QUẢ'), row('q', 'item', 'x'), row('r', 'part', 'NHIỆM VỤ'), row('s', 'section', 'A'), row('t', 'item', 'y', true)]);
    expect(parts.map((p) => [p.id, p.children.map((c) => c.id)])).toEqual([
      ['P1', ['P1.1']],
      ['P2', ['P2.I']],
    ]);
  });

  it('promotes a leading row that is not a part or section instead of inventing one', () => {
    const rows: OutlineRow[] = [{ ...row('a', 'item', 'Lời mở đầu', true), label: '1' }, row('b', 'item', 'x', true), { ...row('c', 'section', 'B'), label: 'II' }];
    const tree = buildTree(rows);
    expect(tree.map((s) => [s.id, s.kind, s.label, s.text])).toEqual([
      ['I', 'section', null, 'Lời mở đầu'],
      ['II', 'section', 'II', 'B'],
    ]);
    expect(tree[0]!.children[0]).toMatchObject({ id: 'I.1', text: 'x' });
    expect(normalizeOutline(rows)[0]).toMatchObject({ kind: 'section', trackable: false });
    expect(buildTree([])).toEqual([]);
  });

  it('normalizes a tracked heading over tracked rows to untracked, and leaves a correct outline as it is', () => {
    const rows = rowsOf();
    expect(normalizeOutline(rows)).toBe(rows);
    const i = find(rows, 'Tổ chức hội nghị quán triệt.');
    const both = rows.map((r, j) => (j === i ? { ...r, trackable: true } : r));
    expect(normalizeOutline(both)[i]!.trackable).toBe(false);
    expect(normalizeOutline(both)[i + 1]!.trackable).toBe(true);
  });

  it('counts parts, sections, groups and tracked rows', () => {
    expect(countOutline(rowsOf())).toEqual({ parts: 0, sections: 3, groups: 2, trackable: 5 });
  });
});

describe('mergeWithNext', () => {
  it('joins texts with one space, keeps the first row’s name, kind and label, and the attributes of both', () => {
    const rows = setAttributes(rowsOf(), 6, [{ name: 'Thời gian', value: 'Quý I' }]);
    const i = find(rows, 'Tổ chức hội nghị quán triệt.');
    const merged = mergeWithNext(setAttributes(rows, i, [{ name: 'Chủ trì', value: 'Ban Tuyên giáo' }]), i);
    expect(merged).toHaveLength(rows.length - 1);
    expect(merged[i]).toEqual({
      name: 'II.1.1',
      kind: 'item',
      label: null,
      text: 'Tổ chức hội nghị quán triệt. Cấp huyện.',
      trackable: false,
      attributes: [
        { name: 'Chủ trì', value: 'Ban Tuyên giáo' },
        { name: 'Thời gian', value: 'Quý I' },
      ],
    });
    // The rows keep their names; only the saved ids follow positions.
    expect(merged.slice(i, i + 3).map((r) => r.name)).toEqual(['II.1.1', 'II.1.1.2', 'II.1.2']);
    expect(savedIds(merged).slice(i, i + 3)).toEqual(['II.1.1', 'II.1.1.1', 'II.1.2']);
  });

  it('joins a sentence split by a page break without doubling spaces', () => {
    const rows = [row('I', 'section', 'A'), row('I.1', 'item', 'Tổ chức tuyên truyền ', true), row('I.2', 'item', ' sâu rộng trong đoàn viên.')];
    expect(mergeWithNext(rows, 1)[1]!.text).toBe('Tổ chức tuyên truyền sâu rộng trong đoàn viên.');
  });

  it('never crosses a section boundary, nor swallows the next group’s heading into an item', () => {
    const rows = rowsOf();
    const lastOfII = find(rows, 'Thăm hỏi công nhân khó khăn.');
    expect(canMergeWithNext(rows, lastOfII)).toBe(false);
    expect(mergeWithNext(rows, lastOfII)).toBe(rows);
    const beforeGroup = find(rows, 'Phát tờ rơi.');
    expect(canMergeWithNext(rows, beforeGroup)).toBe(false);
    // A heading continued on the next row may take it in ("Tuyên truyền" + its first item).
    expect(canMergeWithNext(rows, find(rows, 'Tuyên truyền'))).toBe(true);
    const parts = [row('P1', 'part', 'KẾT QUẢ'), row('P1.1', 'item', 'x'), row('P2', 'part', 'NHIỆM VỤ')];
    expect(canMergeWithNext(parts, 1)).toBe(false);
  });

  it('is refused on the last row and out of range, without a copy', () => {
    const rows = rowsOf();
    expect(canMergeWithNext(rows, rows.length - 1)).toBe(false);
    expect(mergeWithNext(rows, rows.length - 1)).toBe(rows);
    expect(mergeWithNext(rows, -1)).toBe(rows);
  });

  it('does not mutate its input', () => {
    const rows = rowsOf();
    const before = structuredClone(rows);
    mergeWithNext(rows, 1);
    expect(rows).toEqual(before);
  });
});

describe('splitRow', () => {
  it('splits into two trimmed rows of the same kind; the second is a new row named after the first', () => {
    const rows = rowsOf();
    const i = find(rows, 'Phát tờ rơi.');
    const split = splitRow(rows, i, 'Phát tờ'.length);
    expect(split).toHaveLength(rows.length + 1);
    expect(split[i]).toEqual({ name: 'II.1.2', kind: 'item', label: null, text: 'Phát tờ', trackable: true });
    expect(split[i + 1]).toEqual({ name: 'II.1.2+', kind: 'item', label: null, text: 'rơi.', trackable: true });
    // The next row keeps its name while the saved ids shift.
    expect(split[i + 2]!.name).toBe('II.2');
    expect(savedIds(split).slice(i, i + 3)).toEqual(['II.1.2', 'II.1.3', 'II.2']);
    // Splitting again gives another unique name.
    expect(splitRow(split, i, 3)[i + 1]!.name).toBe('II.1.2+2');
  });

  it('keeps the label and attributes on the first half', () => {
    const rows = setAttributes(rowsOf(), 4, [{ name: 'Thời gian', value: 'Quý II' }]);
    const i = find(rows, 'Tuyên truyền');
    const split = splitRow(rows, i, 6);
    expect(split[i]).toMatchObject({ kind: 'group', label: '1', text: 'Tuyên', attributes: [{ name: 'Thời gian', value: 'Quý II' }] });
    expect(split[i + 1]).toEqual({ name: 'II.1+', kind: 'group', label: null, text: 'truyền', trackable: false });
  });

  it('refuses an empty half', () => {
    const rows = rowsOf();
    const i = find(rows, 'Phát tờ rơi.');
    expect(splitRow(rows, i, 0)).toBe(rows);
    expect(splitRow(rows, i, rows[i]!.text.length)).toBe(rows);
    const spaced = [row('I', 'section', 'A   ')];
    expect(canSplitRow(spaced, 0, 2)).toBe(false);
    expect(splitRow(spaced, 0, 2)).toBe(spaced);
    expect(splitRow(rows, 99, 1)).toBe(rows);
  });
});

describe('setKind / changeLevel', () => {
  it('turns a bullet into a group, re-nesting the rows after it, keeping its name', () => {
    const rows = rowsOf();
    const i = find(rows, 'Phát tờ rơi.');
    const changed = setKind(rows, i, 'group');
    expect(changed[i]).toMatchObject({ name: 'II.1.2', kind: 'group', label: null, trackable: false });
    expect(buildTree(changed)[1]!.children.map((c) => `${c.id} ${c.kind}`)).toEqual(['II.1 group', 'II.2 group', 'II.3 group']);
  });

  it('keeps the printed label when the level changes', () => {
    const rows = rowsOf();
    const group = find(rows, 'Chăm lo đoàn viên');
    expect(setKind(rows, group, 'item')[group]).toMatchObject({ kind: 'item', label: '2' });
  });

  it('a heading is never tracked; a heading turned item is tracked in a task section', () => {
    const rows = rowsOf();
    const bullet = find(rows, 'Phát tờ rơi.');
    expect(setKind(rows, bullet, 'group')[bullet]!.trackable).toBe(false);
    const group = find(rows, 'Chăm lo đoàn viên');
    expect(setKind(rows, group, 'item')[group]!.trackable).toBe(true);
    const section = find(rows, 'TỔ CHỨC THỰC HIỆN');
    expect(setKind(rows, section, 'item')[section]!.trackable).toBe(true);
    const heading = [row('I', 'section', 'A'), row('I.1', 'group', 'G'), row('I.1.1', 'item', 'x'), row('II', 'section', 'B'), row('II.1', 'item', 'y', true)];
    expect(setKind(heading, 1, 'item')[1]!.trackable).toBe(false);
    expect(setKind(rows, bullet, 'subitem')[bullet]!.trackable).toBe(true);
    expect(setKind(rows, 1, 'subitem')[1]!.trackable).toBe(false);
  });

  it('moves one level out or in with changeLevel, and never makes the first row anything but a part or section', () => {
    const rows = rowsOf();
    const bullet = find(rows, 'Phát tờ rơi.');
    expect(changeLevel(rows, bullet, -1)[bullet]!.kind).toBe('group');
    expect(changeLevel(rows, bullet, 1)[bullet]!.kind).toBe('subitem');
    const sub = find(rows, 'Cấp huyện.');
    expect(changeLevel(rows, sub, 1)).toBe(rows);
    expect(changeLevel(rows, 0, 1)).toBe(rows);
    expect(changeLevel(rows, 0, -1)[0]!.kind).toBe('part');
    expect(setKind(rows, 0, 'section')).toBe(rows);
    expect(setKind(rows, 50, 'item')).toBe(rows);
  });
});

describe('tracking', () => {
  it('setTrackable tracks one row and untracks its heading and its sub-points', () => {
    const rows = rowsOf();
    const heading = find(rows, 'Tổ chức hội nghị quán triệt.');
    const next = setTrackable(rows, heading, true);
    expect(next.slice(heading, heading + 3).map((r) => r.trackable)).toEqual([true, false, false]);
    expect(countOutline(next).trackable).toBe(4);
    // Tracking a sub-point again untracks the heading.
    const back = setTrackable(next, heading + 1, true);
    expect(back.slice(heading, heading + 3).map((r) => r.trackable)).toEqual([false, true, false]);
    expect(setTrackable(rows, 1, false)).toBe(rows);
    expect(rows[heading]!.trackable).toBe(false);
  });

  it('tracks or untracks a whole section in one go, by the rule: its leaves', () => {
    const rows = rowsOf();
    const purposes = 0;
    expect(blockTracking(rows, purposes)).toBe('none');
    const on = setBlockTracking(rows, purposes, true);
    expect(on.slice(0, 3).map((r) => r.trackable)).toEqual([false, true, true]);
    expect(blockTracking(on, purposes)).toBe('all');
    const tasks = find(rows, 'NHIỆM VỤ VÀ GIẢI PHÁP');
    expect(blockTracking(rows, tasks)).toBe('all');
    const off = setBlockTracking(rows, tasks, false);
    expect(countOutline(off).trackable).toBe(1);
    expect(blockTracking(off, tasks)).toBe('none');
    expect(blockTracking(setTrackable(off, tasks + 2, true), tasks)).toBe('some');
    expect(setBlockTracking(rows, tasks, true)).toBe(rows);
    // Not a section: nothing to do.
    expect(setBlockTracking(rows, 1, true)).toBe(rows);
  });

  it('a part with sections is tracked through its sections', () => {
    const rows = [row('P1', 'part', 'NHIỆM VỤ'), row('P1.I', 'section', 'A'), row('P1.I.1', 'item', 'x'), row('P1.II', 'section', 'B'), row('P1.II.1', 'item', 'y')];
    expect(setBlockTracking(rows, 0, true).map((r) => r.trackable)).toEqual([false, false, true, false, true]);
  });
});

describe('setText / setAttributes / removeRow', () => {
  it('setText stores NFC, trimmed, and refuses an empty text', () => {
    const rows = rowsOf();
    const next = setText(rows, 1, '  Tuyên truyền pháp luật  '.normalize('NFD'));
    expect(next[1]!.text).toBe('Tuyên truyền pháp luật');
    expect(next[1]!.text).toBe(next[1]!.text.normalize('NFC'));
    expect(setText(rows, 1, '   ')).toBe(rows);
  });

  it('setAttributes stores NFC, drops empty ones, and removes the field when none is left', () => {
    const rows = rowsOf();
    const next = setAttributes(rows, 1, [{ name: ' Thời gian '.normalize('NFD'), value: 'Quý I ' }, { name: 'Chủ trì', value: ' ' }]);
    expect(next[1]!.attributes).toEqual([{ name: 'Thời gian', value: 'Quý I' }]);
    expect(setAttributes(next, 1, next[1]!.attributes!)).toBe(next);
    expect('attributes' in setAttributes(next, 1, [])[1]!).toBe(false);
    expect(setAttributes(rows, 1, [])).toBe(rows);
  });

  it('removeRow drops one row and its children re-nest', () => {
    const rows = rowsOf();
    const i = find(rows, 'Tuyên truyền');
    const next = removeRow(rows, i);
    expect(next).toHaveLength(rows.length - 1);
    expect(savedIds(next).slice(i, i + 5)).toEqual(['II.1', 'II.1.1', 'II.1.2', 'II.2', 'II.3']);
    expect(removeRow(rows, -1)).toBe(rows);
  });
});

describe('the built-in plan 63/KH-LĐLĐ', () => {
  const plan = BUILTIN_PLAN.plan;

  it('flatten then build is the identity', () => {
    expect(plan.sections.length).toBeGreaterThan(0);
    expect(normalizeOutline(flattenPlan(plan.sections))).toEqual(flattenPlan(plan.sections));
    expect(buildTree(flattenPlan(plan.sections))).toEqual(plan.sections);
  });

  it('splitting then merging an item gives the plan back', () => {
    const rows = flattenPlan(plan.sections);
    const i = rows.findIndex((r) => r.kind === 'item' && r.text.includes(' '));
    const back = mergeWithNext(splitRow(rows, i, rows[i]!.text.indexOf(' ')), i);
    expect(buildTree(back)).toEqual(plan.sections);
  });

  it('rows are named by the stored ids, row for row', () => {
    const stored: string[] = [];
    const visit = (n: PlanNode): void => {
      stored.push(n.id);
      n.children.forEach(visit);
    };
    plan.sections.forEach(visit);
    expect(flattenPlan(plan.sections).map((r) => r.name)).toEqual(stored);
    expect(savedIds(flattenPlan(plan.sections))).toEqual(stored);
    expect(stored).toContain('III.2.4');
  });
});
