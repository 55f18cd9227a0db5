import { BACKUP_TABLE_LABELS, BACKUP_TABLES, type BackupCounts } from '@db/backup';
import { officerMessage } from '@domain/officer-message';
import { formatDateVn, isoDateOf } from '@domain/periods';

/** "14/06/2025 lúc 08:30", local time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${formatDateVn(isoDateOf(d))} lúc ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export function countRows(counts: BackupCounts): { table: string; label: string; count: number }[] {
  return BACKUP_TABLES.filter((t) => counts[t] !== undefined).map((t) => ({ table: t, label: BACKUP_TABLE_LABELS[t], count: counts[t]! }));
}

/** What went wrong, in Vietnamese (domain/officer-message.ts). */
export function errorMessage(error: unknown): string {
  return officerMessage(error);
}
