/**
 * Backups kept inside the browser, in their own IndexedDB database "so-ke-hoach-backups": the
 * automatic backup taken before a schema upgrade (browser build; the desktop app writes it to
 * disk). A separate database so that a broken or too-new "so-ke-hoach" leaves it readable.
 * It shares the site's storage: it protects against a failed upgrade or a corrupted database,
 * not against clearing the browser's data (the 7-day reminder and downloads cover that).
 */
import { Dexie, type EntityTable } from 'dexie';

export const LOCAL_BACKUPS_DB_NAME = 'so-ke-hoach-backups';
/** Backups kept; older ones are removed when a new one is stored. */
export const LOCAL_BACKUPS_KEPT = 3;

export interface LocalBackupRecord {
  id?: number;
  fileName: string;
  createdAt: string;
  reason: 'before-upgrade' | 'auto';
  bytes: Uint8Array;
}

class LocalBackupsDb extends Dexie {
  backups!: EntityTable<LocalBackupRecord, 'id'>;
  constructor() {
    super(LOCAL_BACKUPS_DB_NAME);
    this.version(1).stores({ backups: '++id, createdAt' });
  }
}

async function withStore<T>(fn: (d: LocalBackupsDb) => Promise<T>): Promise<T> {
  const d = new LocalBackupsDb();
  try {
    return await fn(d);
  } finally {
    d.close();
  }
}

/**
 * Stores a backup and keeps only the newest LOCAL_BACKUPS_KEPT. "Newest" is the order they were
 * stored in (the auto-incremented id), not createdAt: on a PC whose clock went back, the backup
 * just stored would otherwise sort oldest, be deleted at once, and never be offered.
 */
export function storeLocalBackup(record: Omit<LocalBackupRecord, 'id'>): Promise<void> {
  return withStore((d) =>
    d.transaction('rw', d.backups, async () => {
      await d.backups.add({ ...record });
      const ids = await d.backups.orderBy(':id').primaryKeys();
      const extra = ids.length - LOCAL_BACKUPS_KEPT;
      if (extra > 0) await d.backups.bulkDelete(ids.slice(0, extra));
    }),
  );
}

/** The newest backup kept in the browser, or null. */
export function latestLocalBackup(): Promise<LocalBackupRecord | null> {
  return withStore(async (d) => (await d.backups.orderBy(':id').last()) ?? null);
}
