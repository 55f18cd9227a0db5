/**
 * Which nodes of the tree a search shows: the items (and sub-items) whose text or attributes
 * match ("ban tuyen giao" finds the tasks that unit leads), and the parts, sections and groups
 * above them so the officer sees where each match sits.
 */
import type { PlanNode } from '@domain/plan-types';
import { matchesQuery, queryWords } from '@domain/vn-text';

export interface SearchResult {
  /** Ids of the nodes to show; null when there is no query (show everything). */
  visible: Set<string> | null;
  /** Matching items and sub-items. */
  matchCount: number;
}

export function searchPlan(sections: readonly PlanNode[], query: string): SearchResult {
  if (queryWords(query).length === 0) return { visible: null, matchCount: 0 };
  const visible = new Set<string>();
  let matchCount = 0;
  const visit = (node: PlanNode, ancestors: readonly PlanNode[]): void => {
    const isLeafKind = node.kind === 'item' || node.kind === 'subitem';
    const searchable = node.attributes ? [node.text, ...node.attributes.map((a) => `${a.name} ${a.value}`)].join('\n') : node.text;
    if (isLeafKind && matchesQuery(searchable, query)) {
      matchCount += 1;
      visible.add(node.id);
      for (const a of ancestors) visible.add(a.id);
    }
    for (const child of node.children) visit(child, [...ancestors, node]);
  };
  for (const s of sections) visit(s, []);
  return { visible, matchCount };
}
