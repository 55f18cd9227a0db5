/**
 * Editing a parsed plan before it is saved: the import preview shows the tree as a flat outline
 * (one row per node, in reading order) and rebuilds the tree from it after every edit.
 *
 * Pure module: no React, Dexie or DOM. Every operation returns a new array and never mutates its
 * input; an operation that is refused (nothing to merge with, an empty half, an index out of
 * range) returns the very same array, so a caller can tell with `result === rows`.
 *
 * Nesting rules of `buildTree` (tolerant, so that any sequence of rows gives a tree):
 * - a row nests under the nearest preceding row of a higher kind
 *   (section > group > item > subitem): an item before any group of its section goes straight
 *   under the section ("I.1"), a subitem with no item before it goes under the group or section;
 * - rows before the first section have no section to go under. Inventing an empty, untitled
 *   section would show the officer a row they never wrote, so instead the first row always acts
 *   as a section: a leading group, item or subitem is promoted to a section. The preview applies
 *   `normalizeOutline` after every edit so that what it shows is exactly what will be saved.
 * Ids are not kept from the rows: they are recomputed from positions by `renumber`.
 */
import type { PlanNode, PlanNodeKind } from './plan-types';
import { renumber, toRoman } from './plan-tree';

/** One node of the tree as a line of the outline. Its depth follows from its kind. */
export interface OutlineRow {
  kind: PlanNodeKind;
  /** Numbering as printed ("III", "2", "a"), or null. Cleared when the row's kind is changed. */
  label: string | null;
  text: string;
  trackable: boolean;
}

/** Nesting depth of each kind; a row goes under the nearest preceding row of smaller depth. */
export const KIND_DEPTH: Record<PlanNodeKind, number> = {
  part: 0,
  section: 1,
  group: 2,
  item: 3,
  subitem: 4,
};

/** The tree as rows, in reading order (pre-order). */
export function flattenPlan(sections: readonly PlanNode[]): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const visit = (node: PlanNode): void => {
    rows.push({ kind: node.kind, label: node.label, text: node.text, trackable: node.trackable });
    node.children.forEach(visit);
  };
  sections.forEach(visit);
  return rows;
}

/**
 * Rebuild the tree from rows (see the nesting rules above). Every row becomes exactly one node,
 * in the same pre-order position, so `flattenPlan(buildTree(rows))` has one row per input row.
 */
export function buildTree(rows: readonly OutlineRow[]): PlanNode[] {
  const sections: PlanNode[] = [];
  // Open ancestors, outermost first; each with the depth it nests at.
  const stack: { node: PlanNode; depth: number }[] = [];
  rows.forEach((row, index) => {
    const kind: PlanNodeKind = index === 0 && row.kind !== 'part' ? 'section' : row.kind;
    const depth = KIND_DEPTH[kind];
    const node: PlanNode = {
      id: '',
      kind,
      label: index === 0 && row.kind !== 'section' && row.kind !== 'part' ? null : row.label,
      text: row.text,
      trackable: row.trackable,
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.node.children.push(node);
    else sections.push(node);
    stack.push({ node, depth });
  });
  return renumber(sections);
}

/** The rows as the tree will store them (a leading non-section row promoted). */
export function normalizeOutline(rows: readonly OutlineRow[]): OutlineRow[] {
  return flattenPlan(buildTree(rows));
}

/** Each row's id in the rebuilt tree ("III.2.4"), index for index. */
export function outlineIds(rows: readonly OutlineRow[]): string[] {
  const ids: string[] = [];
  const visit = (node: PlanNode): void => {
    ids.push(node.id);
    node.children.forEach(visit);
  };
  buildTree(rows).forEach(visit);
  return ids;
}

export interface OutlineCounts {
  sections: number;
  groups: number;
  trackable: number;
}

/** Counts shown above the preview ("4 phần, 6 nhóm, 31 mục theo dõi"). */
export function countOutline(rows: readonly OutlineRow[]): OutlineCounts {
  const normalized = normalizeOutline(rows);
  return {
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

/** Whether `mergeWithNext(rows, index)` would do anything. */
export function canMergeWithNext(rows: readonly OutlineRow[], index: number): boolean {
  return inRange(rows, index) && index + 1 < rows.length;
}

/**
 * Join a row with the one below it (e.g. a sentence split by a page break): texts joined with one
 * space, the first row's kind, label and trackable flag kept. Rows that nested under the removed
 * row now nest under whatever precedes them.
 */
export function mergeWithNext(rows: OutlineRow[], index: number): OutlineRow[] {
  if (!canMergeWithNext(rows, index)) return rows;
  const first = rows[index]!;
  const second = rows[index + 1]!;
  const text = `${first.text.trimEnd()} ${second.text.trimStart()}`.trim().normalize('NFC');
  const next = rows.slice();
  next.splice(index, 2, { ...first, text });
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
 * Split a row at a character offset of its text into two rows of the same kind and trackable
 * flag, each trimmed. The second row has no printed label. Refused when a half would be empty.
 */
export function splitRow(rows: OutlineRow[], index: number, offset: number): OutlineRow[] {
  const halves = splitHalves(rows, index, offset);
  if (!halves) return rows;
  const row = rows[index]!;
  const next = rows.slice();
  next.splice(index, 1, { ...row, text: halves[0] }, { ...row, label: null, text: halves[1] });
  return next;
}

/**
 * Change a row's level. Its printed label no longer matches its position, so it is cleared (the
 * id, recomputed from positions, is what identifies it). Rows below re-nest by the usual rules.
 * The tracked flag follows the new level: a section or group is a heading, never ticked off; a
 * heading that becomes an item or subitem is tracked when its section tracks other rows (a task
 * section such as "NHIỆM VỤ VÀ GIẢI PHÁP"), as the parser would have done; item ↔ subitem keeps it.
 */
export function setKind(rows: OutlineRow[], index: number, kind: PlanNodeKind): OutlineRow[] {
  if (!inRange(rows, index) || rows[index]!.kind === kind) return rows;
  const row = rows[index]!;
  const isHeading = (k: PlanNodeKind) => k === 'section' || k === 'group';
  let trackable = row.trackable;
  if (isHeading(kind)) trackable = false;
  else if (isHeading(row.kind)) trackable = sectionTracksOthers(rows, index);
  return replaceAt(rows, index, { ...row, kind, label: null, trackable });
}

/** Whether the section row `index` falls in, once it is no longer a heading, tracks another row. */
function sectionTracksOthers(rows: readonly OutlineRow[], index: number): boolean {
  let start = Math.max(0, index - 1);
  while (start > 0 && rows[start]!.kind !== 'section') start--;
  for (let i = start; i < rows.length; i++) {
    if (i > index && rows[i]!.kind === 'section') break;
    if (i !== index && rows[i]!.trackable) return true;
  }
  return false;
}

/** Mark a row as tracked (an officer records a status for it) or not. */
export function setTrackable(rows: OutlineRow[], index: number, trackable: boolean): OutlineRow[] {
  if (!inRange(rows, index) || rows[index]!.trackable === trackable) return rows;
  return replaceAt(rows, index, { ...rows[index]!, trackable });
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

/** Remove one row (not its descendants: they re-nest under whatever precedes them). */
export function removeRow(rows: OutlineRow[], index: number): OutlineRow[] {
  if (!inRange(rows, index)) return rows;
  const next = rows.slice();
  next.splice(index, 1);
  return next;
}

const ROMAN_LABEL = /^[IVXLCDM]+$/;
const NUMBER_LABEL = /^\d+$/;

/**
 * Print the headings' numbers again from their positions, as Word's automatic numbering would
 * after an edit: sections I, II, III…; task groups 1, 2, 3… within each section. Only labels that
 * are absent or plain numbers of that kind are rewritten; other labels ("1.1", "a") and items are
 * kept. The preview applies this after each structural edit, so that turning a bullet into a
 * group gives "3." to it and "4." to the group after it, matching their ids; an unedited plan
 * keeps its numbering exactly as printed.
 */
export function relabelHeadings(rows: readonly OutlineRow[]): OutlineRow[] {
  let sections = 0;
  let groups = 0;
  let inGroup = false;
  let changed = false;
  const next = rows.map((row) => {
    let label = row.label;
    if (row.kind === 'section') {
      sections++;
      groups = 0;
      inGroup = false;
      if (label === null || ROMAN_LABEL.test(label)) label = toRoman(sections);
    } else if (row.kind === 'group') {
      groups++;
      inGroup = true;
      if (label === null || NUMBER_LABEL.test(label)) label = String(groups);
    } else if (row.kind === 'item' && !inGroup && label !== null && NUMBER_LABEL.test(label)) {
      // A numbered entry kept as an item before the section's groups ("1. Tổ chức gặp mặt…"
      // then "2. Tổ chức thi…" with bullets): it takes a number, so the group after it is "2.".
      groups++;
    }
    if (label === row.label) return row;
    changed = true;
    return { ...row, label };
  });
  return changed ? next : (rows as OutlineRow[]);
}
