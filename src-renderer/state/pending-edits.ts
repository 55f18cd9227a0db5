/**
 * Text typed but not yet saved. An editor that saves as the officer types (after a short pause)
 * registers how to save it now; before the window closes every one is saved:
 * - desktop: the shell holds the close and asks for the automatic backup, which saves these
 *   first (features/backup/auto-backup.ts), so the backup has them too;
 * - browser: leaving or closing the page saves them and, while one is still unsaved, the browser
 *   asks before leaving (watchPendingEditsOnUnload).
 */
const pending = new Map<symbol, () => Promise<void>>();

/** `save` writes the text now; returns the function that says it is saved (or gone). */
export function registerPendingEdit(save: () => Promise<void>): () => void {
  const key = Symbol('pending edit');
  pending.set(key, save);
  return () => {
    pending.delete(key);
  };
}

export function hasPendingEdits(): boolean {
  return pending.size > 0;
}

/** Saves every pending text now; a failure of one does not stop the others. */
export async function flushPendingEdits(): Promise<void> {
  const saves = [...pending.values()];
  await Promise.allSettled(saves.map((save) => save()));
}

/**
 * Browser: before the page goes away, save what is pending and ask the officer to confirm while
 * something is (the save may not finish before the page is gone). `ask` false (the desktop app,
 * whose close is handled by the shell) only saves.
 */
export function watchPendingEditsOnUnload(ask: boolean): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!hasPendingEdits()) return;
    void flushPendingEdits();
    if (ask) {
      event.preventDefault();
      event.returnValue = '';
    }
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
