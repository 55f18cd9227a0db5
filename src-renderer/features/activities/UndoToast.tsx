/** "Đã xóa «…». Hoàn tác": a status toast that offers undo for about 10 seconds (also Ctrl+Z). */
import { useEffect } from 'react';

export const UNDO_MS = 10_000;

export interface UndoState {
  id: string;
  title: string;
  /** When the delete happened (a new delete restarts the timer). */
  at: number;
}

export function UndoToast({ state, onUndo, onExpire }: { state: UndoState; onUndo: () => void; onExpire: () => void }) {
  useEffect(() => {
    const t = window.setTimeout(onExpire, Math.max(0, state.at + UNDO_MS - Date.now()));
    return () => window.clearTimeout(t);
  }, [state, onExpire]);
  return (
    <div className="undo-toast" role="status">
      <span>
        Đã xóa «{state.title}».
      </span>
      <button type="button" onClick={onUndo}>
        Hoàn tác
      </button>
      <span className="hint">Ctrl+Z</span>
    </div>
  );
}
