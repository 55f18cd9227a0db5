/**
 * "Khôi phục" from a chosen file: the check of the whole file (with its progress), the preview
 * (date, app version, records per table), the mode (Thay thế toàn bộ / Gộp), the confirmation,
 * then one transaction, with its progress and «Hủy» (which leaves the data as it was). A
 * refused file (tampered, too new, not a backup, a record of the wrong shape) gets its reason
 * and nothing else happens.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  BackupError,
  inspectBackup,
  restoreBackup,
  type BackupJobOptions,
  type BackupPreview,
  type BackupProgress,
  type BackupRefusal,
  type RestoreMode,
  type RestoreResult,
} from '@db/backup';
import { fillMissingLogRows } from '@db/log-rows';
import { fillMissingOverviewDigests } from '@db/overview-digests';
import { Modal } from '@ui/Modal';
import { CountsTable } from './CountsTable';
import { errorMessage, formatDateTime } from './format';
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
  restore?: (bytes: Uint8Array, mode: RestoreMode, options: BackupJobOptions) => Promise<RestoreResult | void>;
  /** Modes offered (default both). */
  modes?: readonly RestoreMode[];
  /** Extra warning above the buttons. */
  warning?: string;
  /** A checkbox the officer must tick before the restore button works (e.g. "delete the broken data"). */
  confirmLabel?: string;
}

type State = { kind: 'checking' } | { kind: 'preview'; preview: BackupPreview } | { kind: 'refused'; refusal: BackupRefusal };

const percent = (p: BackupProgress | null) => (p && p.total > 0 ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0);

/** "Không gộp 1 báo cáo: BaoCao_A.xlsx (lý do)." ('' for none). */
function notFiledText(result: RestoreResult | void): string {
  const list = result?.notFiled ?? [];
  if (list.length === 0) return '';
  return ` Không gộp ${list.length} báo cáo đã nhập: ${list.map((n) => `${n.fileName} (${n.reason})`).join('; ')}.`;
}

function Progress({ label, progress }: { label: string; progress: BackupProgress | null }) {
  const p = percent(progress);
  return (
    <div className="backup-busy" role="status">
      <progress aria-label={label} max={100} value={p} />
      <span>
        {label} {p}%
      </span>
    </div>
  );
}

export function RestoreDialog({ fileName, bytes, onClose, onRestored, restore = restoreBackup, modes = ['replace', 'merge'], warning, confirmLabel }: RestoreDialogProps) {
  const [confirmed, setConfirmed] = useState(!confirmLabel);
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [mode, setMode] = useState<RestoreMode>(modes[0] ?? 'replace');
  const [error, setError] = useState<{ text: string; cancelled: boolean } | null>(null);
  const [checked, setChecked] = useState<BackupProgress | null>(null);
  /** The restore running now: its progress; «Hủy» aborts `controller`. */
  const [job, setJob] = useState<BackupProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const live = useRef(true);
  const busy = job !== null;
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const buttonsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      controller.current?.abort();
    };
  }, []);

  useEffect(() => {
    let alive = true;
    const check = new AbortController();
    inspectBackup(bytes, { signal: check.signal, onProgress: (p) => alive && setChecked(p) }).then(
      (r) => alive && setState(r.ok ? { kind: 'preview', preview: r } : { kind: 'refused', refusal: r }),
      (e: unknown) => alive && setState({ kind: 'refused', refusal: { ok: false, reason: 'invalid', message: errorMessage(e) } }),
    );
    return () => {
      alive = false;
      check.abort();
    };
  }, [bytes]);

  useEffect(() => {
    // The progress, the message and «Hủy» stay in view on a small screen.
    buttonsRef.current?.scrollIntoView({ block: 'nearest' });
  }, [busy, error]);

  useEffect(() => {
    // Focus the first control once the content is known.
    const first = dialogRef.current?.querySelector<HTMLElement>('input:checked, button.primary, button');
    first?.focus();
  }, [state.kind]);

  const confirm = async () => {
    setError(null);
    const c = new AbortController();
    controller.current = c;
    setJob({ done: 0, total: bytes.length });
    try {
      const result = await restore(bytes, mode, { signal: c.signal, onProgress: (p) => live.current && setJob(p) });
      // The log's prepared rows are not in a backup: made again for what came back.
      fillMissingLogRows().catch((error: unknown) => console.warn('[log rows] after restore:', error));
      fillMissingOverviewDigests().catch((error: unknown) => console.warn('[overview digests] after restore:', error));
      if (!live.current) return;
      const date = state.kind === 'preview' ? formatDateTime(state.preview.createdAt) : '';
      onRestored(
        mode === 'replace' ? `Đã khôi phục toàn bộ dữ liệu từ bản sao lưu ngày ${date}.` : `Đã gộp dữ liệu từ bản sao lưu ngày ${date}.${notFiledText(result)}`,
      );
    } catch (e) {
      if (live.current) setError({ text: errorMessage(e), cancelled: e instanceof BackupError && e.reason === 'cancelled' });
    } finally {
      controller.current = null;
      if (live.current) setJob(null);
    }
  };

  return (
    <Modal labelledBy={titleId} onClose={busy ? undefined : onClose} className="backup-dialog" backdropClassName="backup-dialog-backdrop" busy={busy}>
      <div ref={dialogRef}>
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

        {state.kind === 'checking' && <Progress label="Đang kiểm tra tệp…" progress={checked} />}

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
                  <input type="radio" name="restore-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} disabled={busy} />{' '}
                  Thay thế toàn bộ
                  <span className="hint">Xóa dữ liệu hiện có trên máy này và thay bằng nội dung bản sao lưu.</span>
                </label>
                <label>
                  <input type="radio" name="restore-mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} disabled={busy} /> Gộp
                  <span className="hint">
                    Giữ dữ liệu hiện có, thêm những bản ghi chỉ có trong bản sao lưu; bản ghi có ở cả hai nơi thì giữ bản sửa gần đây hơn.
                    Báo cáo đã nhập của mỗi đơn vị và kỳ: giữ bản xuất sau cùng, bản còn lại lưu vào lịch sử nhập.
                  </span>
                </label>
              </fieldset>
            )}
            {warning && <p className="backup-warn">{warning}</p>}
            {confirmLabel && (
              <label className="checkbox">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} disabled={busy} /> {confirmLabel}
              </label>
            )}
            {error && (
              <p className={`backup-message${error.cancelled ? '' : ' is-error'}`} role={error.cancelled ? 'status' : 'alert'}>
                {error.text}
              </p>
            )}
            {busy && <Progress label="Đang khôi phục dữ liệu…" progress={job} />}
            <div className="button-row" ref={buttonsRef}>
              <button type="button" className="primary" onClick={() => void confirm()} disabled={busy || !confirmed}>
                {mode === 'replace' ? 'Khôi phục (thay thế toàn bộ)' : 'Khôi phục (gộp)'}
              </button>
              <button type="button" onClick={() => (busy ? controller.current?.abort() : onClose())}>
                Hủy
              </button>
            </div>
          </>
        )}
      </div>
    </Modal>
  );
}
