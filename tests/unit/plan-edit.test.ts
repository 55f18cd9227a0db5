import { describe, expect, it } from 'vitest';
import {
  buildTree,
  canMergeWithNext,
  canSplitRow,
  countOutline,
  flattenPlan,
  mergeWithNext,
  normalizeOutline,
  outlineIds,
  relabelHeadings,
  removeRow,
  setKind,
  setText,
  setTrackable,
  splitRow,
  type OutlineRow,
} from '../../src-renderer/domain/plan-edit';
import { BUILTIN_PLAN } from '../../src-renderer/domain/builtin-plan';
import type { PlanNode, PlanNodeKind } from '../../src-renderer/domain/plan-types';

function node(id: string, kind: PlanNodeKind, label: string | null, text: string, trackable: boolean, children: PlanNode[] = []): PlanNode {
  return { id, kind, label, text, trackable, children };
}

/** A small plan shaped like the real ones: items straight under I, groups under III. */
const sample: PlanNode[] = [
  node('I', 'section', 'I', 'MỤC ĐÍCH, YÊU CẦU', false, [
    node('I.1', 'item', null, 'Nâng cao nhận thức của đoàn viên.', false),
    node('I.2', 'item', null, 'Tổ chức thiết thực, hiệu quả.', false),
  ]),
  node('II', 'section', 'II', 'NHIỆM VỤ VÀ GIẢI PHÁP', false, [
    node('II.1', 'group', '1', 'Tuyên truyền', false, [
      node('II.1.1', 'item', null, 'Tổ chức hội nghị quán triệt.', true, [
        node('II.1.1.1', 'subitem', 'a', 'Cấp huyện.', false),
        node('II.1.1.2', 'subitem', 'b', 'Cấp cơ sở.', false),
      ]),
      node('II.1.2', 'item', null, 'Phát tờ rơi.', true),
    ]),
    node('II.2', 'group', '2', 'Chăm lo đoàn viên', false, [
      node('II.2.1', 'item', null, 'Thăm hỏi công nhân khó khăn.', true),
    ]),
  ]),
  node('III', 'section', 'III', 'TỔ CHỨC THỰC HIỆN', false, [
    node('III.1', 'item', null, 'Báo cáo kết quả về Liên đoàn Lao động tỉnh định kỳ 6 tháng, năm.', true),
  ]),
];

const rowsOf = (): OutlineRow[] => flattenPlan(sample);
const find = (rows: OutlineRow[], text: string): number => rows.findIndex((r) => r.text === text);

describe('flattenPlan / buildTree', () => {
  it('flattens in reading order with kind, label, text and trackable', () => {
    const rows = rowsOf();
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual({ kind: 'section', label: 'I', text: 'MỤC ĐÍCH, YÊU CẦU', trackable: false });
    expect(rows.map((r) => r.kind).join(' ')).toBe(
      'section item item section group item subitem subitem item group item section item',
    );
  });

  it('flatten then build is the identity on a hand-built tree', () => {
    expect(buildTree(rowsOf())).toEqual(sample);
  });

  it('recomputes ids from positions, whatever ids the rows came with', () => {
    expect(outlineIds(rowsOf())).toEqual([
      'I', 'I.1', 'I.2', 'II', 'II.1', 'II.1.1', 'II.1.1.1', 'II.1.1.2', 'II.1.2', 'II.2', 'II.2.1', 'III', 'III.1',
    ]);
  });

  it('puts an item with no group before it straight under its section', () => {
    const tree = buildTree([
      { kind: 'section', label: 'I', text: 'A', trackable: false },
      { kind: 'item', label: null, text: 'x', trackable: true },
      { kind: 'group', label: '1', text: 'G', trackable: false },
      { kind: 'item', label: null, text: 'y', trackable: true },
    ]);
    expect(tree[0]!.children.map((c) => [c.id, c.kind])).toEqual([
      ['I.1', 'item'],
      ['I.2', 'group'],
    ]);
    expect(tree[0]!.children[1]!.children[0]!.id).toBe('I.2.1');
  });

  it('puts a subitem with no item before it under the group', () => {
    const tree = buildTree([
      { kind: 'section', label: 'I', text: 'A', trackable: false },
      { kind: 'group', label: '1', text: 'G', trackable: false },
      { kind: 'subitem', label: 'a', text: 's', trackable: false },
    ]);
    expect(tree[0]!.children[0]!.children[0]).toMatchObject({ id: 'I.1.1', kind: 'subitem' });
  });

  it('promotes a leading non-section row to a section instead of inventing one', () => {
    const rows: OutlineRow[] = [
      { kind: 'item', label: '1', text: 'Lời mở đầu', trackable: true },
      { kind: 'item', label: null, text: 'x', trackable: true },
      { kind: 'section', label: 'II', text: 'B', trackable: false },
    ];
    const tree = buildTree(rows);
    expect(tree.map((s) => [s.id, s.kind, s.label, s.text])).toEqual([
      ['I', 'section', null, 'Lời mở đầu'],
      ['II', 'section', 'II', 'B'],
    ]);
    expect(tree[0]!.children[0]).toMatchObject({ id: 'I.1', text: 'x' });
    expect(normalizeOutline(rows)[0]!.kind).toBe('section');
    expect(buildTree([])).toEqual([]);
  });

  it('keeps one node per row, so ids line up with rows', () => {
    const rows = rowsOf();
    expect(flattenPlan(buildTree(rows))).toHaveLength(rows.length);
    expect(outlineIds(rows)).toHaveLength(rows.length);
  });

  it('counts sections, groups and tracked rows', () => {
    expect(countOutline(rowsOf())).toEqual({ sections: 3, groups: 2, trackable: 4 });
  });
});

describe('mergeWithNext', () => {
  it('joins texts with one space, keeps the first kind, and renumbers', () => {
    const rows = rowsOf();
    const i = find(rows, 'Tổ chức hội nghị quán triệt.');
    const merged = mergeWithNext(rows, i);
    expect(merged).toHaveLength(rows.length - 1);
    expect(merged[i]).toEqual({ kind: 'item', label: null, text: 'Tổ chức hội nghị quán triệt. Cấp huyện.', trackable: true });
    // The remaining subitem "b" is now the first child of II.1.1.
    expect(outlineIds(merged).slice(i, i + 3)).toEqual(['II.1.1', 'II.1.1.1', 'II.1.2']);
  });

  it('joins a sentence split by a page break without doubling spaces', () => {
    const rows: OutlineRow[] = [
      { kind: 'section', label: 'I', text: 'A', trackable: false },
      { kind: 'item', label: null, text: 'Tổ chức tuyên truyền ', trackable: true },
      { kind: 'item', label: null, text: ' sâu rộng trong đoàn viên.', trackable: false },
    ];
    expect(mergeWithNext(rows, 1)[1]!.text).toBe('Tổ chức tuyên truyền sâu rộng trong đoàn viên.');
  });

  it('merging a section into the one below re-nests the lower section’s children', () => {
    const rows = rowsOf();
    const i = find(rows, 'Thăm hỏi công nhân khó khăn.');
    // Merge the last item of II with section III's title: the item of III now belongs to II.2.
    const merged = mergeWithNext(rows, i);
    expect(merged[i]!.kind).toBe('item');
    expect(outlineIds(merged).slice(-2)).toEqual(['II.2.1', 'II.2.2']);
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
  it('splits into two trimmed rows of the same kind and renumbers', () => {
    const rows = rowsOf();
    const i = find(rows, 'Tổ chức hội nghị quán triệt.');
    const text = rows[i]!.text;
    const split = splitRow(rows, i, text.indexOf('hội nghị'));
    expect(split).toHaveLength(rows.length + 1);
    expect(split[i]).toEqual({ kind: 'item', label: null, text: 'Tổ chức', trackable: true });
    expect(split[i + 1]).toEqual({ kind: 'item', label: null, text: 'hội nghị quán triệt.', trackable: true });
    // The subitems now follow the second half; the next item shifts from II.1.2 to II.1.3.
    expect(outlineIds(split).slice(i, i + 5)).toEqual(['II.1.1', 'II.1.2', 'II.1.2.1', 'II.1.2.2', 'II.1.3']);
  });

  it('drops the printed label from the second half', () => {
    const rows = rowsOf();
    const i = find(rows, 'Tuyên truyền');
    const split = splitRow(rows, i, 6);
    expect(split[i]).toMatchObject({ kind: 'group', label: '1', text: 'Tuyên' });
    expect(split[i + 1]).toMatchObject({ kind: 'group', label: null, text: 'truyền' });
  });

  it('refuses an empty half', () => {
    const rows = rowsOf();
    const i = find(rows, 'Phát tờ rơi.');
    expect(splitRow(rows, i, 0)).toBe(rows);
    expect(splitRow(rows, i, rows[i]!.text.length)).toBe(rows);
    const spaced: OutlineRow[] = [{ kind: 'section', label: 'I', text: 'A   ', trackable: false }];
    expect(canSplitRow(spaced, 0, 2)).toBe(false);
    expect(splitRow(spaced, 0, 2)).toBe(spaced);
    expect(splitRow(rows, 99, 1)).toBe(rows);
  });
});

describe('setKind', () => {
  it('turns a bullet into a group, re-nesting the rows after it and renumbering', () => {
    const rows = rowsOf();
    const i = find(rows, 'Phát tờ rơi.');
    const changed = setKind(rows, i, 'group');
    expect(changed[i]).toMatchObject({ kind: 'group', label: null });
    const tree = buildTree(changed);
    expect(tree[1]!.children.map((c) => `${c.id} ${c.kind}`)).toEqual(['II.1 group', 'II.2 group', 'II.3 group']);
    expect(outlineIds(changed)).toContain('II.3.1');
  });

  it('turns a group into an item, so its items become its siblings', () => {
    const rows = rowsOf();
    const i = find(rows, 'Chăm lo đoàn viên');
    const changed = setKind(rows, i, 'item');
    // II.1 keeps its two items and gains "Chăm lo…" and "Thăm hỏi…" after them.
    expect(outlineIds(changed).slice(i - 1, i + 2)).toEqual(['II.1.2', 'II.1.3', 'II.1.4']);
    expect(changed[i]!.label).toBeNull();
  });

  it('a heading is never tracked; a heading turned item is tracked in a task section', () => {
    const rows = rowsOf();
    const bullet = find(rows, 'Phát tờ rơi.');
    expect(setKind(rows, bullet, 'group')[bullet]!.trackable).toBe(false);
    // Group "Chăm lo" sits in section II, which tracks its items.
    const group = find(rows, 'Chăm lo đoàn viên');
    expect(setKind(rows, group, 'item')[group]!.trackable).toBe(true);
    // Section III becomes an item of II: II tracks rows, so it is tracked.
    const section = find(rows, 'TỔ CHỨC THỰC HIỆN');
    expect(setKind(rows, section, 'item')[section]!.trackable).toBe(true);
    // Section I tracks nothing, so a heading turned item there stays untracked.
    const heading: OutlineRow[] = [
      { kind: 'section', label: 'I', text: 'A', trackable: false },
      { kind: 'group', label: '1', text: 'G', trackable: false },
      { kind: 'item', label: null, text: 'x', trackable: false },
      { kind: 'section', label: 'II', text: 'B', trackable: false },
      { kind: 'item', label: null, text: 'y', trackable: true },
    ];
    expect(setKind(heading, 1, 'item')[1]!.trackable).toBe(false);
    // Item ↔ subitem keeps the flag as it was.
    expect(setKind(rows, bullet, 'subitem')[bullet]!.trackable).toBe(true);
    expect(setKind(rows, 1, 'subitem')[1]!.trackable).toBe(false);
  });

  it('returns the same array when nothing changes', () => {
    const rows = rowsOf();
    expect(setKind(rows, 0, 'section')).toBe(rows);
    expect(setKind(rows, 50, 'item')).toBe(rows);
  });
});

describe('setTrackable / setText / removeRow', () => {
  it('setTrackable flips one row only', () => {
    const rows = rowsOf();
    const next = setTrackable(rows, 1, true);
    expect(next[1]!.trackable).toBe(true);
    expect(rows[1]!.trackable).toBe(false);
    expect(countOutline(next).trackable).toBe(5);
    expect(setTrackable(rows, 1, false)).toBe(rows);
  });

  it('setText stores NFC, trimmed, and refuses an empty text', () => {
    const rows = rowsOf();
    const nfd = '  Tuyên truyền pháp luật  '.normalize('NFD');
    const next = setText(rows, 1, nfd);
    expect(next[1]!.text).toBe('Tuyên truyền pháp luật');
    expect(next[1]!.text).toBe(next[1]!.text.normalize('NFC'));
    expect(setText(rows, 1, '   ')).toBe(rows);
  });

  it('removeRow drops one row and its children re-nest', () => {
    const rows = rowsOf();
    const i = find(rows, 'Tuyên truyền');
    const next = removeRow(rows, i);
    expect(next).toHaveLength(rows.length - 1);
    // The items of the removed group now sit straight under section II, before group "Chăm lo".
    expect(outlineIds(next).slice(i, i + 5)).toEqual(['II.1', 'II.1.1', 'II.1.2', 'II.2', 'II.3']);
    expect(removeRow(rows, -1)).toBe(rows);
  });
});

describe('relabelHeadings', () => {
  it('numbers a bullet turned group and the groups after it, as Word would', () => {
    const rows = rowsOf();
    const i = find(rows, 'Phát tờ rơi.');
    const relabelled = relabelHeadings(setKind(rows, i, 'group'));
    const groups = relabelled.filter((r) => r.kind === 'group').map((r) => `${r.label} ${r.text}`);
    expect(groups).toEqual(['1 Tuyên truyền', '2 Phát tờ rơi.', '3 Chăm lo đoàn viên']);
    expect(relabelled.filter((r) => r.kind === 'section').map((r) => r.label)).toEqual(['I', 'II', 'III']);
  });

  it('renumbers sections by position and keeps other labels', () => {
    const rows: OutlineRow[] = [
      { kind: 'section', label: 'II', text: 'A', trackable: false },
      { kind: 'item', label: '1.1', text: 'x', trackable: true },
      { kind: 'subitem', label: 'a', text: 'y', trackable: false },
      { kind: 'group', label: 'Phần A', text: 'G', trackable: false },
      { kind: 'section', label: null, text: 'B', trackable: false },
    ];
    expect(relabelHeadings(rows).map((r) => r.label)).toEqual(['I', '1.1', 'a', 'Phần A', 'II']);
  });

  it('counts a numbered entry kept as an item before the groups, so the group after it stays "2"', () => {
    const rows: OutlineRow[] = [
      { kind: 'section', label: 'I', text: 'NỘI DUNG', trackable: false },
      { kind: 'item', label: '1', text: 'Tổ chức gặp mặt.', trackable: true },
      { kind: 'group', label: '2', text: 'Tổ chức thi cắm hoa.', trackable: false },
      { kind: 'item', label: null, text: 'Mỗi tổ một đội.', trackable: true },
      { kind: 'item', label: null, text: 'Chấm thi.', trackable: true },
    ];
    expect(relabelHeadings(rows)).toBe(rows);
    const turned = relabelHeadings(setKind(rows, 4, 'group'));
    expect(turned.map((r) => r.label)).toEqual(['I', '1', '2', null, '3']);
    expect(outlineIds(turned)).toEqual(['I', 'I.1', 'I.2', 'I.2.1', 'I.3']);
  });

  it('returns the same array when the numbering already fits', () => {
    const rows = rowsOf();
    expect(relabelHeadings(rows)).toBe(rows);
    const builtin = flattenPlan(BUILTIN_PLAN.plan.sections);
    expect(relabelHeadings(builtin)).toBe(builtin);
  });
});

describe('the built-in plan 63/KH-LĐLĐ', () => {
  const plan = BUILTIN_PLAN.plan;

  it('flatten then build is the identity', () => {
    expect(plan.sections.length).toBeGreaterThan(0);
    expect(buildTree(flattenPlan(plan.sections))).toEqual(plan.sections);
  });

  it('splitting then merging an item gives the plan back', () => {
    const rows = flattenPlan(plan.sections);
    const i = rows.findIndex((r) => r.kind === 'item' && r.text.includes(' '));
    const offset = rows[i]!.text.indexOf(' ');
    const back = mergeWithNext(splitRow(rows, i, offset), i);
    expect(buildTree(back)).toEqual(plan.sections);
  });

  it('ids line up with the stored ids, row for row', () => {
    const stored: string[] = [];
    const visit = (n: PlanNode): void => {
      stored.push(n.id);
      n.children.forEach(visit);
    };
    plan.sections.forEach(visit);
    expect(outlineIds(flattenPlan(plan.sections))).toEqual(stored);
    expect(stored).toContain('III.2.4');
  });
});
