/**
 * Browser build: a banner when the last backup is older than 7 days, or there was none
 * (the desktop app backs up by itself). "Sao lưu ngay" makes and downloads the backup.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { createBackup } from '@db/backup';
import { backupIsOverdue, lastBackupAt, recordBackupMade } from '@db/backup-storage';
import { platform as defaultPlatform, type Platform } from '@platform';
import { BACKUP_FILE_FILTERS } from './BackupPanel';
import { errorMessage } from './format';
import './backup.css';

export const REMINDER_TEXT = 'Đã hơn 7 ngày chưa sao lưu dữ liệu.';
/** A new installation is not told "more than 7 days": it is told the truth. */
export const NEVER_TEXT = 'Dữ liệu chưa được sao lưu lần nào.';

export function BackupReminder({ platform = defaultPlatform, now }: { platform?: Platform; now?: Date }) {
  // Live: a backup made from Cài đặt hides the banner at once.
  const last = useLiveQuery(() => lastBackupAt(), [], undefined);
  const [dismissed, setDismissed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (platform.kind !== 'browser' || last === undefined || dismissed || !backupIsOverdue(last, now ?? new Date())) return null;

  const backupNow = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await createBackup();
      const saved = await platform.saveFile(file.fileName, file.bytes, BACKUP_FILE_FILTERS);
      if (saved.saved) await recordBackupMade(file.createdAt);
    } catch (e) {
      setError(`Không sao lưu được: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="backup-reminder" role="status">
      <p>
        {last === null ? NEVER_TEXT : REMINDER_TEXT} Dữ liệu chỉ nằm trong trình duyệt này; nếu trình duyệt bị xóa dữ liệu hay máy hỏng sẽ mất hết.
        {error && <strong> {error}</strong>}
      </p>
      <button type="button" className="primary" onClick={() => void backupNow()} disabled={busy}>
        Sao lưu ngay
      </button>
      <button type="button" className="link-button" onClick={() => setDismissed(true)}>
        Để sau
      </button>
    </div>
  );
}
