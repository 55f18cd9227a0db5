/**
 * When automatic backups happen, and the check before the database is opened.
 *
 * Desktop: one file per day, "TuDong_SoKeHoach_YYYY-MM-DD.json" in userData/backups.
 *  - after the database opens: written when today's file does not exist yet (so a crash or a
 *    power cut still leaves one per day of use);
 *  - when the window closes (main holds the close and asks): today's file is rewritten with the
 *    day's final state. One name per day makes "at most daily" hold however often the app is
 *    closed, and the last N kept are the last N days of use.
 * Browser: no silent files (a download each day would be noise); a reminder after 7 days
 * (BackupReminder) and, before a schema upgrade, a copy in "so-ke-hoach-backups".
 */
import { db } from '@db/db';
import { createBackup, type BackupFile } from '@db/backup';
import { backupBeforeUpgrade, onDiskState } from '@db/backup-before-upgrade';
import { storeLocalBackup } from '@db/backup-local-store';
import { AUTO_BACKUP_KEEP_DEFAULT, autoBackupKeep } from '@db/backup-storage';
import { isoDateOf } from '@domain/periods';
import { platform as defaultPlatform, type Platform } from '@platform';
import { flushPendingEdits } from '@state/pending-edits';

export function autoBackupName(date: Date): string {
  return `TuDong_SoKeHoach_${isoDateOf(date)}.json`;
}

/** The automatic backup being written, if any: the next one waits for it (one backup in memory at a time). */
let writing: Promise<void> = Promise.resolve();

function writeAuto(p: Platform, reason: 'daily' | 'quit', now = new Date()): Promise<void> {
  const run = async () => {
    if (!p.autoBackups || !db.isOpen()) return;
    // What the officer typed and has not yet been saved goes into the database, and the backup, first.
    if (reason === 'quit') await flushPendingEdits();
    const file = await createBackup(now);
    await p.autoBackups.write({ fileName: autoBackupName(now), bytes: file.bytes, keep: await autoBackupKeep(), reason });
  };
  const next = writing.then(run, run);
  writing = next.catch(() => undefined);
  return next;
}

/** Desktop, after the database is open: today's automatic backup unless it exists. */
export async function autoBackupIfDue(p: Platform = defaultPlatform, now = new Date()): Promise<boolean> {
  if (!p.autoBackups) return false;
  const { files } = await p.autoBackups.list();
  if (files.some((f) => f.name === autoBackupName(now))) return false;
  await writeAuto(p, 'daily', now);
  return true;
}

/**
 * Desktop: answers the shell's "closing" request with a backup. Call once at start, before the
 * database is opened (if it never opens, the answer comes at once, without a backup).
 */
export function listenForCloseRequests(p: Platform = defaultPlatform): () => void {
  const auto = p.autoBackups;
  if (!auto) return () => undefined;
  return auto.onCloseRequest(() => {
    writeAuto(p, 'quit')
      .catch((error: unknown) => console.warn('[backup] on close:', error))
      .finally(() => void auto.done().catch(() => undefined));
  });
}

/** Where the backup taken before an upgrade goes: the desktop's folder, or the browser's own store. */
export function beforeUpgradeStore(p: Platform = defaultPlatform): (file: BackupFile) => Promise<void> {
  // The app database is not open yet (opening it would upgrade it): no settings are read here.
  return async (file) => {
    if (p.autoBackups) {
      await p.autoBackups.write({ fileName: file.fileName, bytes: file.bytes, keep: AUTO_BACKUP_KEEP_DEFAULT, reason: 'before-upgrade' });
    } else {
      await storeLocalBackup({ fileName: file.fileName, createdAt: file.createdAt, reason: 'before-upgrade', bytes: file.bytes });
    }
  };
}

/** Thrown by prepareDatabaseOpen for a database made by a newer version (name as IndexedDB's). */
export class NewerDatabaseError extends Error {
  constructor(readonly version: number) {
    super(`The database is at schema version ${version}, newer than this build.`);
    this.name = 'VersionError';
  }
}

/**
 * Call in app/open-database.ts right before `db.open()`:
 *  - a database from a newer version → throws NewerDatabaseError (name "VersionError") and
 *    leaves it untouched (Dexie 4 would otherwise open it and add our tables to it);
 *  - an older one → backs it up first (desktop folder / browser store), then returns;
 *  - otherwise returns at once.
 * A failed backup throws BackupError: better not to upgrade without one.
 */
export async function prepareDatabaseOpen(p: Platform = defaultPlatform): Promise<void> {
  const state = await onDiskState();
  if (state.kind === 'newer') throw new NewerDatabaseError(state.version);
  if (state.kind === 'older') await backupBeforeUpgrade(beforeUpgradeStore(p));
}
