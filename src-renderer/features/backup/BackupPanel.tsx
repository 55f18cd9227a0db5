/**
 * The "Sao lưu và khôi phục" card of Cài đặt: backup to a file, restore from one
 * (RestoreDialog), the browser's storage status, and on the desktop the automatic backups
 * (how many are kept, copy the newest to a USB drive).
 */
import { useEffect, useState } from 'react';
import { BACKUP_TABLE_LABELS, createBackup, MAX_BACKUP_BYTES, type BackupCounts, BACKUP_TABLES } from '@db/backup';
import {
  AUTO_BACKUP_KEEP_MAX,
  AUTO_BACKUP_KEEP_MIN,
  autoBackupKeep,
  formatBytes,
  lastBackupAt,
  recordBackupMade,
  setAutoBackupKeep,
  storageStatus,
  type StorageStatus,
} from '@db/backup-storage';
import { platform as defaultPlatform, type AutoBackupList, type Platform } from '@platform';
import { BusyIndicator } from './BusyIndicator';
import { errorMessage, formatDateTime } from './format';
import { RestoreDialog } from './RestoreDialog';
import { useBusy } from './use-busy';
import './backup.css';

export const BACKUP_FILE_FILTERS = [{ name: 'Bản sao lưu Sổ Kế hoạch', extensions: ['json'] }];
/** How a backup file is chosen for restore: up to the backup limit, not the 50 MB workbook default. */
export const BACKUP_OPEN_OPTIONS = { filters: BACKUP_FILE_FILTERS, maxBytes: MAX_BACKUP_BYTES };

function countsSentence(counts: BackupCounts): string {
  return BACKUP_TABLES.filter((t) => t !== 'settings' && (counts[t] ?? 0) > 0)
    .map((t) => `${BACKUP_TABLE_LABELS[t].toLowerCase()}: ${counts[t]}`)
    .join('; ');
}

type Message = { text: string; error?: boolean } | null;

export function BackupPanel({ platform = defaultPlatform }: { platform?: Platform }) {
  const [last, setLast] = useState<string | null>(null);
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [restoreFile, setRestoreFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [keep, setKeep] = useState<number | null>(null);
  const [autoList, setAutoList] = useState<AutoBackupList | null>(null);
  const { busy, showProgress, run, live } = useBusy();

  const [tick, setTick] = useState(0);
  const refresh = () => setTick((t) => t + 1);

  useEffect(() => {
    let alive = true;
    lastBackupAt().then((v) => alive && setLast(v), () => undefined);
    storageStatus().then((v) => alive && setStorage(v), () => undefined);
    if (platform.autoBackups) {
      autoBackupKeep().then((v) => alive && setKeep(v), () => undefined);
      platform.autoBackups.list().then((v) => alive && setAutoList(v), () => undefined);
    }
    return () => {
      alive = false;
    };
  }, [platform, tick]);

  const backupNow = async () => {
    setMessage(null);
    try {
      const result = await run('Đang sao lưu dữ liệu…', async () => {
        const file = await createBackup();
        const saved = await platform.saveFile(file.fileName, file.bytes, BACKUP_FILE_FILTERS);
        if (saved.saved) await recordBackupMade(file.createdAt);
        return { file, saved };
      });
      if (!live.current) return;
      if (!result.saved.saved) {
        setMessage({ text: 'Đã hủy: chưa lưu bản sao lưu.' });
        return;
      }
      const where = result.saved.path ? ` vào ${result.saved.path}` : ` (tệp ${result.file.fileName})`;
      const what = countsSentence(result.file.counts);
      setMessage({ text: `Đã sao lưu${where}. ${what ? `Gồm ${what}.` : ''}` });
      refresh();
    } catch (e) {
      if (live.current) setMessage({ text: `Không sao lưu được: ${errorMessage(e)}`, error: true });
    }
  };

  const chooseRestoreFile = async () => {
    setMessage(null);
    try {
      const [file] = await platform.openFiles(BACKUP_OPEN_OPTIONS);
      if (file && live.current) setRestoreFile(file);
    } catch (e) {
      if (live.current) setMessage({ text: errorMessage(e), error: true });
    }
  };

  const copyLatest = async () => {
    if (!platform.autoBackups) return;
    setMessage(null);
    try {
      const r = await run('Đang sao chép…', () => platform.autoBackups!.copyLatest());
      if (!live.current) return;
      if (r.status === 'none') setMessage({ text: 'Chưa có bản sao lưu tự động nào để sao chép.', error: true });
      else if (r.status === 'copied') setMessage({ text: `Đã sao chép bản sao lưu mới nhất vào ${r.path}.` });
    } catch (e) {
      if (live.current) setMessage({ text: `Không sao chép được: ${errorMessage(e)}`, error: true });
    }
  };

  const saveKeep = async (value: number) => {
    const v = await setAutoBackupKeep(value);
    if (live.current) setKeep(v);
  };

  const free = storage?.quota != null && storage.usage != null ? Math.max(0, storage.quota - storage.usage) : null;

  return (
    <section className="settings-card backup-card" aria-labelledby="backup-card-title">
      <h2 id="backup-card-title">Sao lưu và khôi phục</h2>
      <p className="muted">
        Bản sao lưu là một tệp chứa toàn bộ dữ liệu: kế hoạch, đơn vị, trạng thái nhiệm vụ, nhật ký hoạt động, chỉ tiêu và cài đặt. Hãy
        chép tệp ra USB hoặc nơi an toàn khác.
      </p>
      <p>
        Lần sao lưu gần nhất: <strong data-testid="last-backup">{last ? formatDateTime(last) : 'chưa sao lưu lần nào'}</strong>
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void backupNow()} disabled={!!busy}>
          Sao lưu
        </button>
        <button type="button" onClick={() => void chooseRestoreFile()} disabled={!!busy}>
          Khôi phục…
        </button>
      </div>
      <BusyIndicator label={busy} show={showProgress} />
      {message && (
        <p className={`backup-message${message.error ? ' is-error' : ''}`} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}

      <h3 style={{ marginTop: 16 }}>Bộ nhớ của ứng dụng</h3>
      <dl className="storage-status">
        <dt>Bộ nhớ lâu dài</dt>
        <dd data-testid="storage-persisted">
          {storage?.persisted === true && <span className="backup-ok">đã được cấp</span>}
          {storage?.persisted === false && (
            <span className="backup-warn" title="Trình duyệt có thể xóa dữ liệu khi ổ đĩa đầy. Hãy sao lưu thường xuyên.">
              chưa được cấp
            </span>
          )}
          {storage && storage.persisted === null && 'không rõ'}
        </dd>
        <dt>Đã dùng</dt>
        <dd>{storage?.usage != null ? formatBytes(storage.usage) : 'không rõ'}</dd>
        <dt>Còn trống</dt>
        <dd>{free != null ? formatBytes(free) : 'không rõ'}</dd>
      </dl>
      {storage?.persisted === false && (
        <p className="muted">Khi bộ nhớ lâu dài chưa được cấp, trình duyệt có thể xóa dữ liệu lúc ổ đĩa đầy: hãy sao lưu thường xuyên.</p>
      )}

      {platform.autoBackups && (
        <>
          <h3 style={{ marginTop: 16 }}>Sao lưu tự động</h3>
          <p className="muted">
            Mỗi ngày dùng ứng dụng có một bản sao lưu tự động (cập nhật khi đóng ứng dụng), lưu trong thư mục dữ liệu của ứng dụng.
            {autoList && autoList.files[0]
              ? ` Hiện có ${autoList.files.length} bản, mới nhất lúc ${formatDateTime(autoList.files[0].modifiedAt)}.`
              : ' Chưa có bản nào.'}
          </p>
          <div className="backup-keep">
            <label htmlFor="backup-keep">Giữ lại</label>
            <input
              id="backup-keep"
              type="number"
              min={AUTO_BACKUP_KEEP_MIN}
              max={AUTO_BACKUP_KEEP_MAX}
              value={keep ?? ''}
              onChange={(e) => setKeep(Number(e.target.value))}
              onBlur={(e) => void saveKeep(Number(e.target.value))}
            />
            <span>bản gần nhất (từ {AUTO_BACKUP_KEEP_MIN} đến {AUTO_BACKUP_KEEP_MAX})</span>
          </div>
          <div className="button-row">
            <button type="button" onClick={() => void copyLatest()} disabled={!!busy}>
              Sao chép bản sao lưu mới nhất ra USB…
            </button>
          </div>
        </>
      )}

      {restoreFile && (
        <RestoreDialog
          fileName={restoreFile.name}
          bytes={restoreFile.bytes}
          onClose={() => setRestoreFile(null)}
          onRestored={(text) => {
            setRestoreFile(null);
            setMessage({ text });
            refresh();
          }}
        />
      )}
    </section>
  );
}
