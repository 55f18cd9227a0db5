/**
 * Editing a parsed plan before it is saved: the import preview shows the tree as a flat outline
 * (one row per node, in reading order) and rebuilds the tree from it when it is saved.
 *
 * Pure module: no React, Dexie or DOM. Every operation returns a new array and never mutates its
 * input; an operation that is refused (nothing to merge with, an empty half, an index out of
 * range) returns the very same array, so a caller can tell with `result === rows`.
 *
 * Identity while editing: each row has a `name`, the id it had when parsed ("III.2.4"), or for a
 * row an edit made, the name of the row it came from with "+" ("III.2.4+"). Names never change
 * while the officer edits (nothing renumbers under the cursor); the ids the plan is saved with
 * are computed from positions by `buildTree`, once, when it is saved.
 *
 * Nesting rules of `buildTree` (tolerant, so that any sequence of rows gives a tree):
 * - a row nests under the nearest preceding row of a higher kind
 *   (part > section > group > item > subitem): an item before any group of its section goes
 *   straight under the section ("I.1"), a subitem with no item before it goes under the group or
 *   section, a section after a part goes into the part;
 * - rows before the first part or section have nothing to go under. Inventing an empty, untitled
 *   section would show the officer a row they never wrote, so instead the first row always acts
 *   as a section (or stays a part): a leading group, item or subitem is promoted. The preview
 *   applies `normalizeOutline` after every edit so that what it shows is exactly what is saved.
 * - a heading with tracked rows below it is not tracked itself (plan-tracking.ts), so
 *   `normalizeOutline` untracks such a row; `setTrackable` makes the choice explicit instead.
 */
import type { PlanAttribute, PlanNode, PlanNodeKind } from './plan-types';
import { renumber } from './plan-tree';

/** One node of the tree as a line of the outline. Its depth follows from its kind. */
export interface OutlineRow {
  /** The row's identity while editing: its id when parsed, unique in the outline, never stored. */
  name: string;
  kind: PlanNodeKind;
  /** Numbering as printed ("III", "2", "a"), or null. Kept whatever the row's level becomes. */
  label: string | null;
  text: string;
  trackable: boolean;
  /** Absent when none, as in the tree. */
  attributes?: PlanAttribute[];
}

/** Nesting depth of each kind; a row goes under the nearest preceding row of smaller depth. */
export const KIND_DEPTH: Record<PlanNodeKind, number> = {
  part: 0,
  section: 1,
  group: 2,
  item: 3,
  subitem: 4,
};

/** The kinds from the outside in: the order "raise" and "lower" a row's level move along. */
export const KIND_ORDER: readonly PlanNodeKind[] = ['part', 'section', 'group', 'item', 'subitem'];

const isHeading = (kind: PlanNodeKind): boolean => kind === 'part' || kind === 'section' || kind === 'group';
const isBlockKind = (kind: PlanNodeKind): boolean => kind === 'part' || kind === 'section';

function rowOf(node: PlanNode): OutlineRow {
  const row: OutlineRow = { name: node.id, kind: node.kind, label: node.label, text: node.text, trackable: node.trackable };
  if (node.attributes && node.attributes.length > 0) row.attributes = node.attributes.map((a) => ({ ...a }));
  return row;
}

/** The tree as rows, in reading order (pre-order), each named by its id. */
export function flattenPlan(sections: readonly PlanNode[]): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const visit = (node: PlanNode): void => {
    rows.push(rowOf(node));
    node.children.forEach(visit);
  };
  sections.forEach(visit);
  return rows;
}

/**
 * Rebuild the tree from rows (see the nesting rules above), ids from positions. Every row becomes
 * exactly one node, in the same pre-order position, so `flattenPlan(buildTree(rows))` has one row
 * per input row.
 */
export function buildTree(rows: readonly OutlineRow[]): PlanNode[] {
  const sections: PlanNode[] = [];
  // Open ancestors, outermost first; each with the depth it nests at.
  const stack: { node: PlanNode; depth: number }[] = [];
  rows.forEach((row, index) => {
    const promoted = index === 0 && !isBlockKind(row.kind);
    const kind: PlanNodeKind = promoted ? 'section' : row.kind;
    const depth = KIND_DEPTH[kind];
    const node: PlanNode = {
      id: '',
      kind,
      label: promoted ? null : row.label,
      text: row.text,
      trackable: row.trackable,
      children: [],
    };
    if (row.attributes && row.attributes.length > 0) node.attributes = row.attributes.map((a) => ({ ...a }));
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.node.children.push(node);
    else sections.push(node);
    stack.push({ node, depth });
  });
  return renumber(sections);
}

/** For each row, the index of the row it nests under (-1 at the top), by the nesting rules. */
function parentsOf(rows: readonly OutlineRow[]): number[] {
  const parents: number[] = [];
  const stack: { index: number; depth: number }[] = [];
  rows.forEach((row, index) => {
    const depth = KIND_DEPTH[index === 0 && !isBlockKind(row.kind) ? 'section' : row.kind];
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    parents.push(stack[stack.length - 1]?.index ?? -1);
    stack.push({ index, depth });
  });
  return parents;
}

/** The index just after the last row nested (at any depth) under row `index`. */
function subtreeEnd(rows: readonly OutlineRow[], index: number): number {
  const parents = parentsOf(rows);
  let end = index + 1;
  const inside = new Set([index]);
  while (end < rows.length && inside.has(parents[end]!)) inside.add(end++);
  return end;
}

/**
 * The rows as the tree will store them: a leading row that is not a part or section promoted,
 * and a tracked row with tracked rows below it untracked (the tracked rows below are the tasks).
 */
export function normalizeOutline(rows: readonly OutlineRow[]): OutlineRow[] {
  const parents = parentsOf(rows);
  const hasTrackedBelow = new Set<number>();
  rows.forEach((row, i) => {
    if (!row.trackable) return;
    for (let p = parents[i]!; p !== -1; p = parents[p]!) hasTrackedBelow.add(p);
  });
  let changed = false;
  const next = rows.map((row, i) => {
    let out = row;
    if (i === 0 && !isBlockKind(row.kind)) out = { ...out, kind: 'section', label: null };
    if (out.trackable && hasTrackedBelow.has(i)) out = { ...out, trackable: false };
    if (out !== row) changed = true;
    return out;
  });
  return changed ? next : (rows as OutlineRow[]);
}

export interface OutlineCounts {
  parts: number;
  sections: number;
  groups: number;
  trackable: number;
}

/** Counts shown above the preview ("4 phần, 6 nhóm, 31 mục theo dõi"). */
export function countOutline(rows: readonly OutlineRow[]): OutlineCounts {
  const normalized = normalizeOutline(rows);
  return {
    parts: normalized.filter((r) => r.kind === 'part').length,
    sections: normalized.filter((r) => r.kind === 'section').length,
    groups: normalized.filter((r) => r.kind === 'group').length,
    trackable: normalized.filter((r) => r.trackable).length,
  };
}

function inRange(rows: readonly OutlineRow[], index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < rows.length;
}

function replaceAt(rows: readonly OutlineRow[], index: number, row: OutlineRow): OutlineRow[] {
  const next = rows.slice();
  next[index] = row;
  return next;
}

/** A name for a row made from row `from`: its name with "+", unique in the outline. */
function derivedName(rows: readonly OutlineRow[], from: string): string {
  const taken = new Set(rows.map((r) => r.name));
  let name = `${from}+`;
  for (let n = 2; taken.has(name); n++) name = `${from}+${n}`;
  return name;
}

/**
 * Whether `mergeWithNext(rows, index)` would do anything: there is a row below, and it is not a
 * part or section heading (a merge never crosses a section boundary) nor, below an item, a
 * group heading (an item never swallows the heading of the next group).
 */
export function canMergeWithNext(rows: readonly OutlineRow[], index: number): boolean {
  if (!inRange(rows, index) || index + 1 >= rows.length) return false;
  const next = rows[index + 1]!.kind;
  if (isBlockKind(next)) return false;
  return !(next === 'group' && !isHeading(rows[index]!.kind));
}

/**
 * Join a row with the one below it (e.g. a sentence split by a page break): texts joined with one
 * space, the first row's name, kind, label and tracked flag kept, the attributes of both. Rows
 * that nested under the removed row now nest under whatever precedes them.
 */
export function mergeWithNext(rows: OutlineRow[], index: number): OutlineRow[] {
  if (!canMergeWithNext(rows, index)) return rows;
  const first = rows[index]!;
  const second = rows[index + 1]!;
  const text = `${first.text.trimEnd()} ${second.text.trimStart()}`.trim().normalize('NFC');
  const attributes = [...(first.attributes ?? []), ...(second.attributes ?? [])];
  const merged: OutlineRow = { ...first, text };
  if (attributes.length > 0) merged.attributes = attributes;
  const next = rows.slice();
  next.splice(index, 2, merged);
  return next;
}

/** The two halves `splitRow` would produce, or null when one of them would be empty. */
function splitHalves(rows: readonly OutlineRow[], index: number, offset: number): [string, string] | null {
  if (!inRange(rows, index) || !Number.isInteger(offset)) return null;
  const text = rows[index]!.text;
  if (offset <= 0 || offset >= text.length) return null;
  const before = text.slice(0, offset).trim();
  const after = text.slice(offset).trim();
  return before && after ? [before, after] : null;
}

/** Whether `splitRow(rows, index, offset)` would do anything. */
export function canSplitRow(rows: readonly OutlineRow[], index: number, offset: number): boolean {
  return splitHalves(rows, index, offset) !== null;
}

/**
 * Split a row at a character offset of its text into two rows of the same kind and tracked flag,
 * each trimmed. The first keeps the row's name, label and attributes; the second is a new row
 * ("II.3+") without a label. Refused when a half would be empty.
 */
export function splitRow(rows: OutlineRow[], index: number, offset: number): OutlineRow[] {
  const halves = splitHalves(rows, index, offset);
  if (!halves) return rows;
  const row = rows[index]!;
  const second: OutlineRow = { name: derivedName(rows, row.name), kind: row.kind, label: null, text: halves[1], trackable: row.trackable };
  const next = rows.slice();
  next.splice(index, 1, { ...row, text: halves[0] }, second);
  return next;
}

/**
 * Change a row's level. Its printed label stays (it is what the document printed); rows below
 * re-nest by the usual rules. The tracked flag follows the new level: a part, section or group is
 * a heading, never ticked off; a heading that becomes an item or subitem is tracked when its
 * block tracks other rows (a task section such as "NHIỆM VỤ VÀ GIẢI PHÁP"), as the parser would
 * have done; item ↔ subitem keeps it. The first row stays a part or section.
 */
export function setKind(rows: OutlineRow[], index: number, kind: PlanNodeKind): OutlineRow[] {
  if (!inRange(rows, index) || rows[index]!.kind === kind) return rows;
  if (index === 0 && !isBlockKind(kind)) return rows;
  const row = rows[index]!;
  let trackable = row.trackable;
  if (isHeading(kind)) trackable = false;
  else if (isHeading(row.kind)) trackable = blockTracksOthers(rows, index);
  return replaceAt(rows, index, { ...row, kind, trackable });
}

/** Move a row one level out (-1: item → group) or in (+1: group → item); refused at the ends. */
export function changeLevel(rows: OutlineRow[], index: number, step: -1 | 1): OutlineRow[] {
  if (!inRange(rows, index)) return rows;
  const kind = KIND_ORDER[KIND_ORDER.indexOf(rows[index]!.kind) + step];
  return kind ? setKind(rows, index, kind) : rows;
}

/** The index of the part or section row that row `index` falls in (itself when it is one), or -1. */
function blockStart(rows: readonly OutlineRow[], index: number): number {
  for (let i = index; i >= 0; i--) if (isBlockKind(rows[i]!.kind) || i === 0) return i;
  return -1;
}

/** Whether the block row `index` falls in, once it is no longer a heading, tracks another row. */
function blockTracksOthers(rows: readonly OutlineRow[], index: number): boolean {
  const start = blockStart(rows, Math.max(0, index - 1));
  for (let i = start; i < rows.length; i++) {
    if (i > index && isBlockKind(rows[i]!.kind)) break;
    if (i !== index && rows[i]!.trackable) return true;
  }
  return false;
}

/**
 * Mark a row as tracked (an officer records a status for it) or not. Tracking a row untracks the
 * rows above and below it in its branch: a heading and its sub-points are never both tracked.
 */
export function setTrackable(rows: OutlineRow[], index: number, trackable: boolean): OutlineRow[] {
  if (!inRange(rows, index) || rows[index]!.trackable === trackable) return rows;
  if (!trackable) return replaceAt(rows, index, { ...rows[index]!, trackable });
  const parents = parentsOf(rows);
  const ancestors = new Set<number>();
  for (let p = parents[index]!; p !== -1; p = parents[p]!) ancestors.add(p);
  const end = subtreeEnd(rows, index);
  return rows.map((row, i) => {
    const want = i === index ? true : ancestors.has(i) || (i > index && i < end) ? false : row.trackable;
    return want === row.trackable ? row : { ...row, trackable: want };
  });
}

/** Whether row `index` is a part or section, whose tracking `setBlockTracking` sets in one go. */
export function isBlockRow(rows: readonly OutlineRow[], index: number): boolean {
  return inRange(rows, index) && (isBlockKind(rows[index]!.kind) || index === 0);
}

/** The state of a block's tracking: every leaf tracked, none, or some. */
export function blockTracking(rows: readonly OutlineRow[], index: number): 'all' | 'none' | 'some' {
  if (!isBlockRow(rows, index)) return 'none';
  const end = subtreeEnd(rows, index);
  const parents = parentsOf(rows);
  let leaves = 0;
  let tracked = 0;
  let others = 0;
  for (let i = index + 1; i < end; i++) {
    const leaf = (rows[i]!.kind === 'item' || rows[i]!.kind === 'subitem') && parents[i + 1] !== i;
    if (leaf) leaves++;
    if (rows[i]!.trackable) {
      if (leaf) tracked++;
      else others++;
    }
  }
  if (tracked === 0 && others === 0) return 'none';
  return tracked === leaves && others === 0 ? 'all' : 'some';
}

/**
 * One click per section: track the block of row `index` (a part or section) by the rule, i.e.
 * its items and sub-items without sub-points, nothing else; or track nothing in it.
 */
export function setBlockTracking(rows: OutlineRow[], index: number, on: boolean): OutlineRow[] {
  if (!isBlockRow(rows, index)) return rows;
  const end = subtreeEnd(rows, index);
  const parents = parentsOf(rows);
  let changed = false;
  const next = rows.map((row, i) => {
    if (i < index || i >= end) return row;
    const want = on && i > index && (row.kind === 'item' || row.kind === 'subitem') && parents[i + 1] !== i;
    if (want === row.trackable) return row;
    changed = true;
    return { ...row, trackable: want };
  });
  return changed ? next : rows;
}

/**
 * Replace a row's text, stored NFC and trimmed. Refused when the text would be empty: removing a
 * row is `removeRow`'s job, and an empty node would be an empty checklist line.
 */
export function setText(rows: OutlineRow[], index: number, text: string): OutlineRow[] {
  if (!inRange(rows, index)) return rows;
  const clean = text.normalize('NFC').trim();
  if (!clean || clean === rows[index]!.text) return rows;
  return replaceAt(rows, index, { ...rows[index]!, text: clean });
}

/** Replace a row's attributes (NFC, trimmed; none removes them). */
export function setAttributes(rows: OutlineRow[], index: number, attributes: readonly PlanAttribute[]): OutlineRow[] {
  if (!inRange(rows, index)) return rows;
  const clean = attributes
    .map((a) => ({ name: a.name.normalize('NFC').trim(), value: a.value.normalize('NFC').trim() }))
    .filter((a) => a.name !== '' && a.value !== '');
  const row = rows[index]!;
  const same = JSON.stringify(clean) === JSON.stringify(row.attributes ?? []);
  if (same) return rows;
  const { attributes: _old, ...rest } = row;
  return replaceAt(rows, index, clean.length > 0 ? { ...rest, attributes: clean } : rest);
}

/** Remove one row (not its descendants: they re-nest under whatever precedes them). */
export function removeRow(rows: OutlineRow[], index: number): OutlineRow[] {
  if (!inRange(rows, index)) return rows;
  const next = rows.slice();
  next.splice(index, 1);
  return next;
}
