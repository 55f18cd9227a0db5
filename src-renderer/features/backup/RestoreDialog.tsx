/**
 * "Khôi phục" from a chosen file: the preview (date, app version, records per table), the mode
 * (Thay thế toàn bộ / Gộp), the confirmation, then one transaction. A refused file (tampered,
 * too new, not a backup) gets its reason and nothing else happens.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { inspectBackup, restoreBackup, type BackupPreview, type BackupRefusal, type RestoreMode } from '../../db/backup';
import { BusyIndicator } from './BusyIndicator';
import { CountsTable } from './CountsTable';
import { errorMessage, formatDateTime } from './format';
import { useBusy } from './use-busy';
import './backup.css';

export interface RestoreDialogProps {
  fileName: string;
  bytes: Uint8Array;
  onClose(): void;
  /** After a successful restore, with the message shown to the officer. */
  onRestored(message: string): void;
  /**
   * Does the restore (default: restoreBackup into the app database). The database-problem
   * screen passes one that first deletes the broken database.
   */
  restore?: (bytes: Uint8Array, mode: RestoreMode) => Promise<unknown>;
  /** Modes offered (default both). */
  modes?: readonly RestoreMode[];
  /** Extra warning above the buttons. */
  warning?: string;
  /** A checkbox the officer must tick before the restore button works (e.g. "delete the broken data"). */
  confirmLabel?: string;
}

type State = { kind: 'checking' } | { kind: 'preview'; preview: BackupPreview } | { kind: 'refused'; refusal: BackupRefusal };

export function RestoreDialog({ fileName, bytes, onClose, onRestored, restore = restoreBackup, modes = ['replace', 'merge'], warning, confirmLabel }: RestoreDialogProps) {
  const [confirmed, setConfirmed] = useState(!confirmLabel);
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [mode, setMode] = useState<RestoreMode>(modes[0] ?? 'replace');
  const [error, setError] = useState<string | null>(null);
  const { busy, showProgress, run, live } = useBusy();
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let alive = true;
    inspectBackup(bytes).then(
      (r) => alive && setState(r.ok ? { kind: 'preview', preview: r } : { kind: 'refused', refusal: r }),
      (e: unknown) => alive && setState({ kind: 'refused', refusal: { ok: false, reason: 'invalid', message: errorMessage(e) } }),
    );
    return () => {
      alive = false;
    };
  }, [bytes]);

  useEffect(() => {
    // Focus the first control once the content is known; Escape closes (unless restoring).
    const first = dialogRef.current?.querySelector<HTMLElement>('input:checked, button.primary, button');
    first?.focus();
  }, [state.kind]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) {
      e.stopPropagation();
      onClose();
    }
  };

  const confirm = async () => {
    setError(null);
    try {
      await run('Đang khôi phục dữ liệu…', () => restore(bytes, mode));
      if (!live.current) return;
      onRestored(
        mode === 'replace'
          ? `Đã khôi phục toàn bộ dữ liệu từ bản sao lưu ngày ${state.kind === 'preview' ? formatDateTime(state.preview.createdAt) : ''}.`
          : `Đã gộp dữ liệu từ bản sao lưu ngày ${state.kind === 'preview' ? formatDateTime(state.preview.createdAt) : ''}.`,
      );
    } catch (e) {
      if (live.current) setError(errorMessage(e));
    }
  };

  return (
    <div className="backup-dialog-backdrop">
      <div ref={dialogRef} className="backup-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId}>Khôi phục dữ liệu từ bản sao lưu</h2>
        <dl className="backup-meta">
          <dt>Tệp</dt>
          <dd>{fileName}</dd>
          {state.kind === 'preview' && (
            <>
              <dt>Ngày sao lưu</dt>
              <dd data-testid="backup-date">{formatDateTime(state.preview.createdAt)}</dd>
              <dt>Phiên bản ứng dụng</dt>
              <dd>
                {state.preview.appVersion}
                {state.preview.needsUpgrade ? ' (dữ liệu cũ, sẽ được nâng cấp khi khôi phục)' : ''}
              </dd>
            </>
          )}
        </dl>

        {state.kind === 'checking' && <p role="status">Đang kiểm tra tệp…</p>}

        {state.kind === 'refused' && (
          <>
            <p className="backup-refusal" role="alert">
              {state.refusal.message}
            </p>
            <p className="muted">Dữ liệu hiện tại không bị thay đổi.</p>
            <div className="button-row">
              <button type="button" className="primary" onClick={onClose}>
                Đóng
              </button>
            </div>
          </>
        )}

        {state.kind === 'preview' && (
          <>
            <CountsTable counts={state.preview.counts} caption="Số bản ghi trong bản sao lưu" />
            {modes.length > 1 && (
              <fieldset className="backup-modes">
                <legend>Cách khôi phục</legend>
                <label>
                  <input type="radio" name="restore-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} disabled={!!busy} />{' '}
                  Thay thế toàn bộ
                  <span className="hint">Xóa dữ liệu hiện có trên máy này và thay bằng nội dung bản sao lưu.</span>
                </label>
                <label>
                  <input type="radio" name="restore-mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} disabled={!!busy} /> Gộp
                  <span className="hint">
                    Giữ dữ liệu hiện có, thêm những bản ghi chỉ có trong bản sao lưu; bản ghi có ở cả hai nơi thì giữ bản sửa gần đây hơn.
                  </span>
                </label>
              </fieldset>
            )}
            {warning && <p className="backup-warn">{warning}</p>}
            {confirmLabel && (
              <label className="checkbox">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} disabled={!!busy} /> {confirmLabel}
              </label>
            )}
            {error && (
              <p className="backup-message is-error" role="alert">
                {error}
              </p>
            )}
            <BusyIndicator label={busy} show={showProgress} />
            <div className="button-row">
              <button type="button" className="primary" onClick={() => void confirm()} disabled={!!busy || !confirmed}>
                {mode === 'replace' ? 'Khôi phục (thay thế toàn bộ)' : 'Khôi phục (gộp)'}
              </button>
              <button type="button" onClick={onClose} disabled={!!busy}>
                Hủy
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
