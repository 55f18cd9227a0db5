/** Opens and seeds the database, translating failures into what the officer can do about them. */
import { db, ensureSeeded } from '@db';
import { requestPersistentStorage } from '@db/backup-storage';
import { fillMissingLogRows } from '@db/log-rows';
import { fillMissingOverviewDigests } from '@db/overview-digests';
import { autoBackupIfDue, prepareDatabaseOpen } from '@features/backup/auto-backup';
import { describeOpenFailure, isDatabaseFailure, type DatabaseFailure } from '@features/backup/open-failure';

export type OpenFailure = DatabaseFailure;

/** Resolves when the database is open and seeded; rejects with an OpenFailure. */
export async function openDatabase(): Promise<void> {
  try {
    if (typeof indexedDB === 'undefined') throw Object.assign(new Error('indexedDB is undefined'), { name: 'MissingAPIError' });
    // A newer database is refused untouched; an older one is backed up before Dexie upgrades it.
    await prepareDatabaseOpen();
    await db.open();
    await ensureSeeded();
  } catch (error) {
    throw describeOpenFailure(error);
  }
  void requestPersistentStorage();
  // A database from before the log's prepared rows (or just restored) gets them in the background.
  fillMissingLogRows().catch((error: unknown) => console.warn('[log rows]', error));
  // Likewise the overview's digests (meanwhile «Tổng quan» reads the whole reports).
  fillMissingOverviewDigests().catch((error: unknown) => console.warn('[overview digests]', error));
  // Desktop: today's automatic backup, unless there is one.
  autoBackupIfDue().catch((error: unknown) => console.warn('[backup] daily:', error));
}

export const isOpenFailure = isDatabaseFailure;
