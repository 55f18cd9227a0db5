/**
 * The browser's storage for the database: persistence ("bộ nhớ lâu dài", so the browser does
 * not evict it under pressure), usage and quota, and the backup settings kept in `settings`.
 */
import { db } from './db';
import { getSetting } from './settings-ops';
import type { SettingKey } from './types';

export interface StorageStatus {
  /** null when the browser cannot tell (no StorageManager). */
  persisted: boolean | null;
  /** Bytes used by this site, null when unknown. */
  usage: number | null;
  /** Bytes this site may use, null when unknown. */
  quota: number | null;
}

let persistAsked: Promise<boolean | null> | null = null;

/** Asks once per session for persistent storage; the answer (or null when not supported). */
export function requestPersistentStorage(): Promise<boolean | null> {
  persistAsked ??= (async () => {
    const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    if (!storage?.persist) return null;
    try {
      if (storage.persisted && (await storage.persisted())) return true;
      return await storage.persist();
    } catch {
      return null;
    }
  })();
  return persistAsked;
}

export async function storageStatus(): Promise<StorageStatus> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  const status: StorageStatus = { persisted: null, usage: null, quota: null };
  if (!storage) return status;
  try {
    if (storage.persisted) status.persisted = await storage.persisted();
    if (storage.estimate) {
      const e = await storage.estimate();
      status.usage = e.usage ?? null;
      status.quota = e.quota ?? null;
    }
  } catch {
    // Unknown stays null.
  }
  return status;
}

/** "12,4 MB", "1,6 GB": Vietnamese decimal comma. */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const fmt = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: n < 10 ? 1 : 0 });
  return mb >= 1024 ? `${fmt(mb / 1024)} GB` : `${fmt(mb)} MB`;
}

// ---------------------------------------------------------------------------------------------
// Backup settings (kept in `settings`, typed in SettingValues).

export const LAST_BACKUP_AT = 'lastBackupAt' satisfies SettingKey;
export const AUTO_BACKUP_KEEP = 'autoBackupKeep' satisfies SettingKey;
export const AUTO_BACKUP_KEEP_DEFAULT = 10;
export const AUTO_BACKUP_KEEP_MIN = 1;
export const AUTO_BACKUP_KEEP_MAX = 100;
/** The browser reminds after this many days without a backup. */
export const REMIND_AFTER_DAYS = 7;

/** When the last manual backup was made (ISO instant), or null. */
export async function lastBackupAt(): Promise<string | null> {
  const value = await getSetting(LAST_BACKUP_AT);
  return typeof value === 'string' ? value : null;
}

export async function recordBackupMade(at: string): Promise<void> {
  await db.settings.put({ key: LAST_BACKUP_AT, value: at });
}

export function clampKeep(n: unknown): number {
  const v = typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : AUTO_BACKUP_KEEP_DEFAULT;
  return Math.min(AUTO_BACKUP_KEEP_MAX, Math.max(AUTO_BACKUP_KEEP_MIN, v));
}

export async function autoBackupKeep(): Promise<number> {
  const value = await getSetting(AUTO_BACKUP_KEEP);
  return value === undefined ? AUTO_BACKUP_KEEP_DEFAULT : clampKeep(value);
}

export async function setAutoBackupKeep(n: number): Promise<number> {
  const v = clampKeep(n);
  await db.settings.put({ key: AUTO_BACKUP_KEEP, value: v });
  return v;
}

/** True when the browser should remind: never backed up, or more than REMIND_AFTER_DAYS ago. */
export function backupIsOverdue(last: string | null, now = new Date()): boolean {
  if (!last) return true;
  const t = Date.parse(last);
  if (Number.isNaN(t)) return true;
  return now.getTime() - t > REMIND_AFTER_DAYS * 24 * 60 * 60 * 1000;
}
