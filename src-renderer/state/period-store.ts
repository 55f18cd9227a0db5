/**
 * Which report year the officer is looking at. The period kind (6 tháng / năm) is stored in the
 * settings table (it survives a reload), so it is not copied here; the year is screen state and
 * defaults to the report year of today (null).
 */
import { create } from 'zustand';

interface PeriodState {
  /** Report year chosen in the selector, or null for the current one. */
  year: number | null;
  setYear: (year: number | null) => void;
}

export const usePeriodStore = create<PeriodState>()((set) => ({
  year: null,
  setYear: (year) => set({ year }),
}));
