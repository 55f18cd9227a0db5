/**
 * Which period the officer is looking at: the kind of report (6 tháng / quý / năm), the report
 * year and the quarter. All screen state, null meaning "the one that is due today"
 * (domain/periods.ts defaultPeriod): the app opens on the due period every time, and a choice
 * lasts until the app is closed.
 */
import { create } from 'zustand';
import type { PeriodKind, PeriodRef } from '@domain/periods';

interface PeriodState {
  /** Kind chosen in the selector, or null for the default period's. */
  kind: PeriodKind | null;
  /** Report year chosen in the selector, or null for the current one. */
  year: number | null;
  /** Quarter chosen (1..4), or null for the current one. */
  quarter: number | null;
  setKind: (kind: PeriodKind | null) => void;
  setYear: (year: number | null) => void;
  setQuarter: (quarter: number | null) => void;
  /** Shows one period (e.g. where an activity just saved went). */
  show: (ref: PeriodRef) => void;
}

export const usePeriodStore = create<PeriodState>()((set) => ({
  kind: null,
  year: null,
  quarter: null,
  setKind: (kind) => set({ kind, quarter: null }),
  setYear: (year) => set({ year }),
  setQuarter: (quarter) => set({ quarter }),
  show: (ref) => set({ kind: ref.kind, year: ref.year, quarter: ref.kind === 'quarter' ? (ref.quarter ?? 1) : null }),
}));
