/**
 * Small pure helpers over the plan tree (see plan-types.ts): walking it, finding nodes, listing
 * the trackable items, recomputing position ids and fingerprinting a plan's text.
 *
 * Pure module: no React, Dexie, Electron, Node or DOM.
 */
import { fnv1a64OfText } from './fnv';
import type { ParsedPlan, PlanAttribute, PlanNode } from './plan-types';

/** Either the sections of a plan or anything that carries them (a ParsedPlan). */
export type PlanLike = readonly PlanNode[] | { readonly sections: readonly PlanNode[] };

function sectionsOf(plan: PlanLike): readonly PlanNode[] {
  return Array.isArray(plan) ? plan : (plan as { readonly sections: readonly PlanNode[] }).sections;
}

/**
 * Visit every node in document order (pre-order, depth first). `depth` is 0 for sections.
 * Returning `false` from `fn` skips that node's children.
 */
export function walkPlan(
  plan: PlanLike,
  fn: (node: PlanNode, parent: PlanNode | null, depth: number) => void | boolean,
): void {
  // An explicit stack rather than recursion: an imported tree is data, not code, and its depth
  // is not ours to trust.
  const stack: { node: PlanNode; parent: PlanNode | null; depth: number }[] = [];
  const roots = sectionsOf(plan);
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i]!, parent: null, depth: 0 });
  while (stack.length > 0) {
    const { node, parent, depth } = stack.pop()!;
    if (fn(node, parent, depth) === false) continue;
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i]!, parent: node, depth: depth + 1 });
    }
  }
}

/** The trackable nodes (items and subitems by default), in document order. */
export function trackableItems(plan: PlanLike): PlanNode[] {
  const out: PlanNode[] = [];
  walkPlan(plan, (node) => {
    if (node.trackable) out.push(node);
  });
  return out;
}

/** The node with this id, or undefined. */
export function findNode(plan: PlanLike, id: string): PlanNode | undefined {
  let found: PlanNode | undefined;
  walkPlan(plan, (node) => {
    if (found) return false;
    if (node.id === id) {
      found = node;
      return false;
    }
    // Ids are hierarchical ("III.2.4"), so only descend into the node whose id prefixes it.
    return id.startsWith(node.id + '.');
  });
  return found;
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1 → "I", 14 → "XIV". Numbers outside 1..3999 fall back to decimal digits. */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return String(n);
  let out = '';
  let rest = n;
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/**
 * A copy of the tree with every id recomputed from its position: the n-th section is the Roman
 * numeral of n ("III"), and a child is its parent's id plus its 1-based position among all of its
 * siblings ("III.2", "III.2.4", "III.2.4.1"; an item straight under a section is "I.1").
 * Position counts every sibling whatever its kind, so a section holding an introductory item
 * before group "1." gives that group "III.2": ids follow positions, labels keep the printed
 * numbering. Nothing else changes; the input is not mutated.
 *
 * Parts: the n-th part at the top is "P" + n ("P2"). Inside a part, sections count among the
 * part's sections ("P2.I", "P2.II") and its other children among the others ("P2.1", an
 * evaluation paragraph before the sections); a plan without parts keeps the ids above exactly.
 */
export function renumber(sections: readonly PlanNode[]): PlanNode[] {
  const withId = (node: PlanNode, id: string): PlanNode => ({
    ...node,
    id,
    children: node.kind === 'part' ? numberMixed(node.children, `${id}.`) : node.children.map((child, i) => withId(child, `${id}.${i + 1}`)),
  });
  const numberMixed = (nodes: readonly PlanNode[], prefix: string): PlanNode[] => {
    let parts = 0;
    let sectionCount = 0;
    let others = 0;
    return nodes.map((node) => {
      if (node.kind === 'part') return withId(node, `${prefix}P${++parts}`);
      if (node.kind === 'section') return withId(node, `${prefix}${toRoman(++sectionCount)}`);
      return withId(node, `${prefix}${++others}`);
    });
  };
  return numberMixed(sections, '');
}

const LETTER_LABEL = /^[a-zđ]$/u;

/**
 * A node's label the way it was printed, with its punctuation: "III.", "2.", "1.1.", "a)",
 * "Phần thứ nhất"; '' when it has none. (Labels are stored bare, "III", "a", so that the
 * built-in plan's stored tree never changes; the punctuation is the usual one of each form.)
 */
export function printedLabel(node: Pick<PlanNode, 'label'>): string {
  const label = node.label?.trim() ?? '';
  if (label === '') return '';
  if (/\s/u.test(label)) return label;
  return LETTER_LABEL.test(label) ? `${label})` : `${label}.`;
}

/** The node's text with its printed label in front: "III. NHIỆM VỤ", "a) Tuyên truyền…", "Phần thứ hai – NHIỆM VỤ". */
export function labelledText(node: Pick<PlanNode, 'label' | 'text'>): string {
  const label = printedLabel(node);
  if (label === '') return node.text;
  return /\s/u.test(label) ? `${label} – ${node.text}` : `${label} ${node.text}`;
}

/** What a workbook or a report says about one tracked item. */
export interface PlanItemRow {
  id: string;
  /** Text of the group the item belongs to ('' outside a group; a subitem takes its item's group). */
  groupTitle: string;
  text: string;
  /** The printed label ("a)", "1.1."), '' when none. */
  label: string;
  attributes: readonly PlanAttribute[];
}

/** The trackable items of a plan in document order, each with its group's text, label and attributes. */
export function planItemRows(plan: PlanLike): PlanItemRow[] {
  const groupOf = new Map<string, string>();
  walkPlan(plan, (node, parent) => {
    if (parent) groupOf.set(node.id, parent.kind === 'group' ? parent.text : (groupOf.get(parent.id) ?? ''));
  });
  return trackableItems(plan).map((n) => ({
    id: n.id,
    groupTitle: groupOf.get(n.id) ?? '',
    text: n.text,
    label: printedLabel(n),
    attributes: n.attributes ?? [],
  }));
}

/**
 * A stable fingerprint of what an officer tracks: the ids and NFC texts of the trackable items,
 * in document order. Two plans with the same fingerprint have the same checklist; any change to
 * an item's wording, position or trackability changes it. Format: "fnv1a64:<16 hex digits>".
 */
export function planFingerprint(plan: Pick<ParsedPlan, 'sections'> | readonly PlanNode[]): string {
  // Separators that cannot occur in NFC text typed by a person keep "a"+"bc" apart from "ab"+"c".
  const parts = trackableItems(plan).map((node) => `${node.id}\u0000${node.text.normalize('NFC')}`);
  return `fnv1a64:${fnv1a64OfText(parts.join('\u0001'))}`;
}
