/**
 * UI state of the "Tổng hợp" screen (features/consolidation): the completeness filter and the
 * figure whose drill-down is open. Stored data lives in Dexie.
 */
import { create } from 'zustand';
import type { CompletenessState, StatusCountKey } from '../exchange/spec';

export type CompletenessFilter = CompletenessState | 'all';

/** A figure of the consolidated view whose units and activities are shown. */
export type DrillTarget =
  /** "Theo nhiệm vụ": one status column of one item. */
  | { kind: 'item-status'; itemId: string; status: StatusCountKey }
  /** "Theo nhiệm vụ": the activities of one item. */
  | { kind: 'item-activities'; itemId: string }
  /** "Chỉ tiêu theo đơn vị": one contributor's value (unitCode) or the total (null). */
  | { kind: 'indicator'; code: string; unitCode: string | null }
  /** One contributor's activities. */
  | { kind: 'unit'; unitCode: string };

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
