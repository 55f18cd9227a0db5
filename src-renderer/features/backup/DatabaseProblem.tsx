/**
 * The screen shown when the database cannot be opened: what happened, in Vietnamese,
 * with nothing overwritten. It offers to restore the latest automatic backup (desktop: the
 * newest file in userData/backups; browser: the copy kept before an upgrade) or a chosen file.
 *
 * - Made by a newer version: no restore is offered at all; restoring would overwrite newer
 *   data, so the screen says to use the newer version.
 * - Corrupted / cannot open / disk full: restoring deletes the broken database first, and only
 *   after the officer ticks an explicit confirmation in the preview.
 * - No IndexedDB (private window): nothing to restore into; the advice says what to do.
 */
import { useState } from 'react';
import { db } from '@db/db';
import { BackupError, inspectBackup, restoreBackup, type BackupJobOptions, type RestoreMode } from '@db/backup';
import { latestLocalBackup } from '@db/backup-local-store';
import { platform as defaultPlatform, type Platform } from '@platform';
import type { AutoBackupInfo } from '@contract';
import { BACKUP_OPEN_OPTIONS } from './BackupPanel';
import { errorMessage, formatDateTime } from './format';
import { RestoreDialog } from './RestoreDialog';
import './backup.css';

import type { DatabaseFailure } from './open-failure';
export type { DatabaseFailure, ProblemKind } from './open-failure';

export const NEWER_NOTE =
  'Để không làm mất dữ liệu, ứng dụng không ghi đè lên dữ liệu này và không khôi phục bản sao lưu cũ lên nó: hãy dùng phiên bản mới hơn của Sổ Kế hoạch Công đoàn.';

/** Deletes the broken database and restores `bytes` into a fresh one; refuses a bad file first. */
export async function deleteAndRestore(bytes: Uint8Array, _mode: RestoreMode = 'replace', options: BackupJobOptions = {}): Promise<void> {
  const preview = await inspectBackup(bytes);
  if (!preview.ok) throw new BackupError(preview.message, preview.reason);
  db.close();
  await db.delete();
  await restoreBackup(bytes, 'replace', options);
}

/** "Đã bỏ qua 1 bản sao lưu tự động không đọc được (…): TuDong_….json (14/06/2025 lúc 17:02)." ('' for none). */
export function skippedNote(skipped: readonly AutoBackupInfo[]): string {
  if (skipped.length === 0) return '';
  const names = skipped.map((f) => `${f.name} (${formatDateTime(f.modifiedAt)})`).join(', ');
  return `Đã bỏ qua ${skipped.length} bản sao lưu tự động mới hơn nhưng không đọc được (bị cắt dở hoặc hỏng): ${names}.`;
}

export interface DatabaseProblemProps {
  failure: DatabaseFailure;
  /** Tries to open the database again (after a restore too). */
  onRetry(): void;
  platform?: Platform;
}

export function DatabaseProblem({ failure, onRetry, platform = defaultPlatform }: DatabaseProblemProps) {
  const kind = failure.kind;
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  /** The newer automatic backups passed over (cut short or damaged), said in the dialog. */
  const [skipped, setSkipped] = useState('');

  const restoreLatest = async () => {
    setMessage(null);
    setSkipped('');
    try {
      if (platform.autoBackups) {
        const { latest, skipped } = await platform.autoBackups.readLatest();
        const note = skippedNote(skipped);
        setSkipped(note);
        if (latest) return setFile({ name: latest.name, bytes: latest.bytes });
        if (note) return setMessage({ text: `${note} Không còn bản sao lưu tự động nào đọc được: hãy chọn “Khôi phục từ tệp…”.`, error: true });
      } else {
        const latest = await latestLocalBackup();
        if (latest) return setFile({ name: latest.fileName, bytes: latest.bytes });
      }
      setMessage({ text: 'Không tìm thấy bản sao lưu tự động nào trên máy này. Hãy chọn “Khôi phục từ tệp…”.', error: true });
    } catch (e) {
      setMessage({ text: `Không đọc được bản sao lưu tự động: ${errorMessage(e)}`, error: true });
    }
  };

  const restoreFromFile = async () => {
    setMessage(null);
    try {
      const [chosen] = await platform.openFiles(BACKUP_OPEN_OPTIONS);
      if (chosen) setFile(chosen);
    } catch (e) {
      setMessage({ text: errorMessage(e), error: true });
    }
  };

  return (
    <div className="fullscreen-message database-problem" role="alert" data-database-problem={kind}>
      <h1>{failure.title}</h1>
      <p>{failure.advice}</p>
      {kind === 'newer' && <p>{NEWER_NOTE}</p>}
      {kind !== 'newer' && kind !== 'missing-api' && <p>Ứng dụng chưa ghi đè hay xóa gì. Dữ liệu đang có vẫn được giữ nguyên cho tới khi bạn chọn khôi phục.</p>}
      <div className="button-row">
        <button type="button" className="primary" onClick={onRetry}>
          Thử lại
        </button>
      </div>

      {kind !== 'newer' && kind !== 'missing-api' && (
        <div className="problem-actions">
          <h2>Khôi phục từ bản sao lưu</h2>
          <p className="muted">
            Khôi phục sẽ xóa dữ liệu không mở được trên máy này và thay bằng bản sao lưu; bạn sẽ xem trước nội dung và xác nhận trước khi
            xóa.
          </p>
          <div className="button-row">
            <button type="button" onClick={() => void restoreLatest()}>
              Khôi phục bản sao lưu tự động gần nhất
            </button>
            <button type="button" onClick={() => void restoreFromFile()}>
              Khôi phục từ tệp…
            </button>
          </div>
          {message && (
            <p className={`backup-message${message.error ? ' is-error' : ''}`} role={message.error ? 'alert' : 'status'}>
              {message.text}
            </p>
          )}
        </div>
      )}

      <details>
        <summary>Chi tiết kỹ thuật</summary>
        <pre>{failure.detail}</pre>
      </details>

      {file && (
        <RestoreDialog
          fileName={file.name}
          bytes={file.bytes}
          modes={['replace']}
          restore={deleteAndRestore}
          warning={`${skipped ? `${skipped} ` : ''}Dữ liệu hiện tại (không mở được) sẽ bị xóa và thay bằng nội dung bản sao lưu này.`}
          confirmLabel="Tôi đồng ý xóa dữ liệu không mở được và khôi phục từ bản sao lưu này"
          onClose={() => setFile(null)}
          onRestored={() => {
            setFile(null);
            onRetry();
          }}
        />
      )}
    </div>
  );
}
