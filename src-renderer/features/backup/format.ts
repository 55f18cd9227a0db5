import { BACKUP_TABLE_LABELS, BACKUP_TABLES, type BackupCounts } from '../../db/backup';

/** "14/06/2025 08:30" in the officer's time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function countRows(counts: BackupCounts): { table: string; label: string; count: number }[] {
  return BACKUP_TABLES.filter((t) => counts[t] !== undefined).map((t) => ({ table: t, label: BACKUP_TABLE_LABELS[t], count: counts[t]! }));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
