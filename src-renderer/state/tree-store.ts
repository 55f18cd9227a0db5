/**
 * Which sections and groups of the checklist tree are open. Only the officer's own toggles are
 * kept; a node never toggled shows its default (tracked parts open, I and II closed).
 */
import { create } from 'zustand';

interface TreeState {
  /** "planId/nodeId" → open. */
  expanded: Record<string, boolean>;
  setExpanded: (key: string, open: boolean) => void;
  setMany: (keys: readonly string[], open: boolean) => void;
}

export const treeKey = (planId: string, nodeId: string): string => `${planId}/${nodeId}`;

export const useTreeStore = create<TreeState>()((set) => ({
  expanded: {},
  setExpanded: (key, open) => set((s) => ({ expanded: { ...s.expanded, [key]: open } })),
  setMany: (keys, open) =>
    set((s) => {
      const next = { ...s.expanded };
      for (const k of keys) next[k] = open;
      return { expanded: next };
    }),
}));

/** Open state of one node: a narrow selector, so a row re-renders only when its own flag flips. */
export function useIsExpanded(planId: string, nodeId: string, byDefault: boolean): boolean {
  return useTreeStore((s) => s.expanded[treeKey(planId, nodeId)] ?? byDefault);
}
