/**
 * "Đã xóa «…». Hoàn tác": a status toast that offers to undo the last delete (also Ctrl+Z).
 * Display only: the pending undo and its timer live in the activities UI store
 * (state/activity-store.ts, UNDO_MS), so the offer survives leaving the screen and ends on time.
 */
import type { PendingUndo } from '@state/activity-store';

export function UndoToast({ state, onUndo }: { state: PendingUndo; onUndo: () => void }) {
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
