/**
 * What the activity log screen is doing: the list's filters, search text and sort, list or
 * trash, which activity the form is editing, and the delete that can still be undone. Stored
 * activities live in Dexie only.
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

/**
 * How long a delete can be undone from the toast («Hoàn tác», Ctrl+Z). Semantics:
 * - counted in wall-clock time from the delete (`PendingUndo.at`), by a timer of this store, so
 *   leaving «Nhật ký hoạt động» neither pauses nor restarts it: back within the time, the toast
 *   is there with what is left of it; back later, it is gone;
 * - a new delete replaces the pending one and starts its own full time (the earlier activity is
 *   then restored from the trash only, as before);
 * - undoing, or restoring that same activity from the trash, ends it at once.
 * The pending undo is UI state only: a reload forgets it (the activity stays in the trash).
 */
export const UNDO_MS = 10_000;

/** The last delete, still undoable until `at + UNDO_MS`. */
export interface PendingUndo {
  id: string;
  title: string;
  /** Date.now() of the delete. */
  at: number;
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
  /** The delete the toast offers to undo; null when there is none (or its time is over). */
  pendingUndo: PendingUndo | null;
  /** A delete just happened: offer to undo it for UNDO_MS (replacing any earlier offer). */
  offerUndo: (deleted: { id: string; title: string }) => void;
  /** The offer ends (undone or restored): only if it is about `id`, or any offer without one. */
  endUndo: (id?: string) => void;
}

export const DEFAULT_ACTIVITY_FILTER: ActivityListFilter = { period: 'selected', unitCode: '', itemId: '', type: '', query: '' };

/** The timer that ends the pending undo; one at a time since one offer is pending at a time. */
let undoTimer: ReturnType<typeof setTimeout> | undefined;

export const useActivityStore = create<ActivityUiState>()((set, get) => ({
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
  pendingUndo: null,
  offerUndo: ({ id, title }) => {
    const pending: PendingUndo = { id, title, at: Date.now() };
    clearTimeout(undoTimer);
    undoTimer = setTimeout(() => {
      if (get().pendingUndo === pending) set({ pendingUndo: null });
    }, UNDO_MS);
    set({ pendingUndo: pending });
  },
  endUndo: (id) => {
    const pending = get().pendingUndo;
    if (!pending || (id !== undefined && pending.id !== id)) return;
    clearTimeout(undoTimer);
    set({ pendingUndo: null });
  },
}));
