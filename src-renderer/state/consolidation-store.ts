/**
 * UI state of the "Tổng hợp" screen (features/consolidation): the completeness filter and the
 * figure whose drill-down is open. Stored data lives in Dexie.
 */
import { create } from 'zustand';
import type { DrillTarget } from '@domain/consolidation-drill';
import type { CompletenessState } from '@domain/report';

export type CompletenessFilter = CompletenessState | 'all';

export type { DrillTarget } from '@domain/consolidation-drill';

interface ConsolidationUiState {
  filter: CompletenessFilter;
  drill: DrillTarget | null;
  setFilter: (filter: CompletenessFilter) => void;
  openDrill: (target: DrillTarget) => void;
  closeDrill: () => void;
}

export const useConsolidationStore = create<ConsolidationUiState>()((set) => ({
  filter: 'all',
  drill: null,
  setFilter: (filter) => set({ filter }),
  openDrill: (drill) => set({ drill }),
  closeDrill: () => set({ drill: null }),
}));
