/** UI state only (what the screen is doing); stored data lives in Dexie. */
export { usePeriodStore } from './period-store';
export { useSearchStore } from './search-store';
export { treeKey, useIsExpanded, useTreeStore } from './tree-store';
export { START_SCREEN, useUiStore, type DialogName, type Screen } from './ui-store';
export { useActivityStore, DEFAULT_ACTIVITY_FILTER, type ActivityListFilter, type ActivityPeriodMode, type ActivityView, type EntryDefaults } from './activity-store';
export { useUnitStore } from './unit-store';
export { flushPendingEdits, hasPendingEdits, registerPendingEdit, watchPendingEditsOnUnload } from './pending-edits';
