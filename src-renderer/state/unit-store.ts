/**
 * Which unit the screens show (the context bar's "Đơn vị"). UI state only: null means the own
 * unit, so a changed own unit or a deactivated selection falls back to it without a write.
 */
import { create } from 'zustand';

interface UnitSelectionState {
  /** Code chosen in the selector, or null for the own unit. */
  selectedCode: string | null;
  selectUnit: (code: string | null) => void;
}

export const useUnitStore = create<UnitSelectionState>()((set) => ({
  selectedCode: null,
  selectUnit: (selectedCode) => set({ selectedCode }),
}));
