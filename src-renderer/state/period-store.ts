/**
 * Which report year (and quarter) the officer is looking at. The period kind (6 tháng / năm)
 * is stored in the settings table (it survives a reload), so it is not copied here; year and
 * quarter are screen state and default to those of today (null).
 */
import { create } from 'zustand';

interface PeriodState {
  /** Report year chosen in the selector, or null for the current one. */
  year: number | null;
  /** Quarter chosen (1..4), or null for the current one. */
  quarter: number | null;
  setYear: (year: number | null) => void;
  setQuarter: (quarter: number | null) => void;
}

export const usePeriodStore = create<PeriodState>()((set) => ({
  year: null,
  quarter: null,
  setYear: (year) => set({ year }),
  setQuarter: (quarter) => set({ quarter }),
}));
