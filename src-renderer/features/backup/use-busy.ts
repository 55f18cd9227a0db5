/** A task's state, with the progress indicator shown only when it takes more than 200 ms. */
import { useCallback, useEffect, useRef, useState } from 'react';

export const SHOW_PROGRESS_AFTER_MS = 200;

export function useBusy() {
  const [task, setTask] = useState<{ label: string; id: number } | null>(null);
  const [shownId, setShownId] = useState<number | null>(null);
  const live = useRef(true);
  const nextId = useRef(0);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  useEffect(() => {
    if (!task) return;
    const t = setTimeout(() => setShownId(task.id), SHOW_PROGRESS_AFTER_MS);
    return () => clearTimeout(t);
  }, [task]);
  /** Runs `work` labelled `label` ("Đang sao lưu…"). */
  const run = useCallback(async <T,>(label: string, work: () => Promise<T>): Promise<T> => {
    setTask({ label, id: ++nextId.current });
    try {
      return await work();
    } finally {
      if (live.current) setTask(null);
    }
  }, []);
  return { busy: task?.label ?? null, showProgress: task !== null && shownId === task.id, run, live };
}
