/**
 * What the activity log screen is doing: the list's filters, search text and sort, list or
 * trash, and which activity the form is editing. Stored activities live in Dexie only.
 */
import { create } from 'zustand';
import type { ActivitySortKey, ActivityType, SortDir } from '@domain/activity';

/** 'selected': the period chosen in the context bar; 'all': every date. */
export type ActivityPeriodMode = 'selected' | 'all';
export type ActivityView = 'list' | 'trash';

export interface ActivityListFilter {
  period: ActivityPeriodMode;
  /** Unit code, '' = every unit. */
  unitCode: string;
  /** Plan node id (a group takes its items), '' = every item. */
  itemId: string;
  type: ActivityType | '';
  query: string;
}

/** What a new entry starts with after a save: the date, unit and type just used. */
export interface EntryDefaults {
  date: string;
  unitCode: string;
  type: ActivityType | '';
}

interface ActivityUiState {
  filter: ActivityListFilter;
  sort: { key: ActivitySortKey; dir: SortDir };
  view: ActivityView;
  /** Id of the activity loaded into the form for editing, null when logging a new one. */
  editingId: string | null;
  /** Kept across remounts of the form (editing, leaving the screen); null until the first save. */
  entryDefaults: EntryDefaults | null;
  setFilter: (patch: Partial<ActivityListFilter>) => void;
  resetFilter: () => void;
  /** Click on a column header: that column ascending, or the other direction when already sorted by it. */
  toggleSort: (key: ActivitySortKey) => void;
  setView: (view: ActivityView) => void;
  setEditingId: (id: string | null) => void;
  setEntryDefaults: (d: EntryDefaults) => void;
}

export const DEFAULT_ACTIVITY_FILTER: ActivityListFilter = { period: 'selected', unitCode: '', itemId: '', type: '', query: '' };

export const useActivityStore = create<ActivityUiState>()((set) => ({
  filter: DEFAULT_ACTIVITY_FILTER,
  sort: { key: 'date', dir: 'desc' },
  view: 'list',
  editingId: null,
  entryDefaults: null,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  resetFilter: () => set({ filter: DEFAULT_ACTIVITY_FILTER }),
  toggleSort: (key) =>
    set((s) => ({
      sort: s.sort.key === key ? { key, dir: s.sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'date' ? 'desc' : 'asc' },
    })),
  setView: (view) => set({ view }),
  setEditingId: (editingId) => set({ editingId }),
  setEntryDefaults: (entryDefaults) => set({ entryDefaults }),
}));
