/**
 * Saves text as the officer types it: `schedule()` after each change saves after a pause of
 * AUTOSAVE_DELAY_MS, `flush()` (on blur) saves at once, and the text still waiting is saved when
 * the row goes away and before the window closes (state/pending-edits.ts).
 */
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { registerPendingEdit } from '@state/pending-edits';

export const AUTOSAVE_DELAY_MS = 800;

/** `save` is the latest render's: it reads the texts as they are when it runs. */
export function useAutosave(save: () => Promise<void>): { schedule: () => void; flush: () => Promise<void> } {
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const done = useRef<(() => void) | null>(null);

  const flush = useCallback(async () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const unregister = done.current;
    if (!unregister) return;
    done.current = null;
    try {
      await saveRef.current();
    } finally {
      unregister();
    }
  }, []);

  const schedule = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    done.current ??= registerPendingEdit(flush);
  }, [flush]);

  useEffect(() => () => void flush(), [flush]);
  return { schedule, flush };
}
