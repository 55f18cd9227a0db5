/**
 * "Sao lưu" and "Khôi phục": the whole database in one file, and back.
 *
 * The file format, its checks and the reading and writing in pieces are in backup-format.ts;
 * the Vietnamese refusals in backup-messages.ts; what «Gộp» does in backup-merge.ts.
 *
 * Restore (replace or merge) is all or nothing:
 * - A backup at this build's schema version streams straight into the database: its records are
 *   cut out of the file, checked against their table's shape (record-schemas.ts) and written in
 *   batches of about 2 MB inside ONE read-write transaction over every table. The checksum and
 *   the counts are known only at the end of the file; anything wrong there, a record of the
 *   wrong shape, «Hủy» or any failure throws inside the transaction, which IndexedDB then rolls
 *   back whole. Only IndexedDB requests are awaited inside it (the parsing and the SHA-256 are
 *   synchronous), so it never commits early.
 * - A backup from an older schema version is first staged in a temporary database at its own
 *   version, upgraded there by the app's own upgrade functions (an old backup is upgraded
 *   exactly like an old database), checked, and written the same way in one transaction. The
 *   staging database is deleted whatever happens; the app's database is not touched until the
 *   staged records have been read and checked.
 */
import { Dexie } from 'dexie';
import { MAX_BACKUP_FILE_BYTES } from '@contract';
import { isoDateOf } from '@domain/periods';
import { BACKUP_TABLE_LABELS, BackupError, MESSAGES } from './backup-messages';
import { BackupReader, CURRENT_SCHEMA_VERSION, envelopeOf, recordLabel, STORES_BY_VERSION, writeBackupFile, type RowBatch } from './backup-format';
import { BackupMerge } from './backup-merge';
import { db as appDb } from './db';
import { LOG_ROW_TABLES } from './log-rows';
import { OVERVIEW_DIGEST_TABLES } from './overview-digests';
import { forgetPreparedComplete } from './prepared-per-submission';
import { recordProblem, type RecordTable } from './record-schemas';
import { SoKeHoachDb } from './schema';
import { breathe } from './write-helpers';

export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, CURRENT_SCHEMA_VERSION, STORES_BY_VERSION } from './backup-format';
export { BackupError, MESSAGES, type RefusalReason } from './backup-messages';

/** Largest backup file read: the one backup limit of the contract (file:save, file:open, backup:*). */
export const MAX_BACKUP_BYTES = MAX_BACKUP_FILE_BYTES;

export const BACKUP_TABLES = [
  'plans',
  'units',
  'itemStatuses',
  'activities',
  'indicatorAdjustments',
  'indicatorTargets',
  'submissions',
  'settings',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export { BACKUP_TABLE_LABELS };

export type BackupCounts = Partial<Record<BackupTable, number>>;

export type RestoreMode = 'replace' | 'merge';

export interface BackupFile {
  bytes: Uint8Array;
  fileName: string;
  counts: BackupCounts;
  createdAt: string;
}

export interface BackupPreview {
  ok: true;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  counts: BackupCounts;
  /** Made by an older schema: restoring upgrades it first. */
  needsUpgrade: boolean;
}

export interface BackupRefusal {
  ok: false;
  reason: BackupError['reason'];
  /** Vietnamese, shown as is. */
  message: string;
}

/** How far a long check or restore has got: bytes of the file read, of `total`. */
export interface BackupProgress {
  done: number;
  total: number;
}

export interface BackupJobOptions {
  onProgress?: (p: BackupProgress) => void;
  /** Aborting it stops the job; a restore then changes nothing (BackupError 'cancelled'). */
  signal?: AbortSignal;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "SaoLuu_SoKeHoach_2025-06-14_0830.json", local time, ASCII only. */
export function backupFileName(date: Date, prefix = 'SaoLuu'): string {
  return `${prefix}_SoKeHoach_${isoDateOf(date)}_${two(date.getHours())}${two(date.getMinutes())}.json`;
}

/** A backup file around a dexie export given as text (tests re-seal forged payloads with it). */
export async function envelopeBytes(exportText: string, schemaVersion: number, createdAt: Date): Promise<{ bytes: Uint8Array; counts: BackupCounts }> {
  const payload = JSON.parse(exportText) as { data?: { tables?: { name: string; rowCount: number }[] } };
  const counts: BackupCounts = {};
  for (const t of payload.data?.tables ?? []) counts[t.name as BackupTable] = t.rowCount;
  return { bytes: envelopeOf(exportText, schemaVersion, createdAt, counts), counts };
}

/** Exports any open Dexie database (the app's, or an old one before an upgrade) as a backup file. */
export async function backupOf(source: Dexie, now = new Date(), prefix = 'SaoLuu'): Promise<BackupFile> {
  const { bytes, counts } = await writeBackupFile(source, now);
  return { bytes, counts: counts as BackupCounts, fileName: backupFileName(now, prefix), createdAt: now.toISOString() };
}

/** "Sao lưu": the whole app database, in one read transaction (a consistent snapshot). */
export async function createBackup(now = new Date(), source: SoKeHoachDb = appDb): Promise<BackupFile> {
  if (!source.isOpen()) await source.open();
  return backupOf(source, now);
}

// ---------------------------------------------------------------------------------------------
// Inspect.

const refusalOf = (error: unknown): BackupRefusal => {
  if (error instanceof BackupError && error.reason !== 'failed') return { ok: false, reason: error.reason, message: error.message };
  return { ok: false, reason: 'invalid', message: MESSAGES.unreadable(error) };
};

/**
 * Files whose checksum and records inspectBackup found good, by the very array it read (with
 * the checksum its header carries): restoring the same bytes just after (the restore dialog's
 * preview, then «Khôi phục») does not hash and check them a second time. Any other bytes are
 * checked by restoreBackup itself.
 */
const checkedFiles = new WeakMap<Uint8Array, { checksum: string; recordsChecked: boolean }>();


/**
 * What a file holds (date, app version, rows per table), or why it will not be restored. Reads
 * the whole file: the checksum, the counts and, for a backup at this build's schema version,
 * every record's shape (an older one is checked after its upgrade, when restoring).
 */
export async function inspectBackup(bytes: Uint8Array, options: BackupJobOptions = {}): Promise<BackupPreview | BackupRefusal> {
  try {
    const reader = new BackupReader(bytes, { validate: true });
    const header = reader.start();
    if (header.schemaVersion !== CURRENT_SCHEMA_VERSION) reader.options.validate = false;
    await reader.verifyChecksumNatively();
    let since = performance.now();
    for (const _batch of reader.rows()) {
      if (options.signal?.aborted) throw new BackupError(MESSAGES.cancelled, 'cancelled');
      if (performance.now() - since > 40) {
        options.onProgress?.({ done: reader.position, total: bytes.length });
        await breathe();
        since = performance.now();
      }
    }
    options.onProgress?.({ done: bytes.length, total: bytes.length });
    checkedFiles.set(bytes, { checksum: header.checksum.value, recordsChecked: reader.options.validate });
    return {
      ok: true,
      createdAt: header.createdAt,
      appVersion: header.appVersion,
      schemaVersion: header.schemaVersion,
      counts: header.counts as BackupCounts,
      needsUpgrade: header.schemaVersion < CURRENT_SCHEMA_VERSION,
    };
  } catch (error) {
    return refusalOf(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Restore.

export interface RestoreResult {
  mode: RestoreMode;
  /** Records written per table (merge: only the new and newer ones). */
  written: BackupCounts;
  /** Merge: the backup's reports not filed here, with the reason (Vietnamese). */
  notFiled: { fileName: string; reason: string }[];
}

let stagingCounter = 0;

/**
 * An older backup's records as this build stores them: written at the backup's version into a
 * temporary database, upgraded by the app's own upgrades, read back and checked, deleted.
 */
async function stagedBatches(reader: BackupReader, schemaVersion: number, options: BackupJobOptions): Promise<RowBatch[]> {
  const name = `so-ke-hoach-khoi-phuc-${Date.now()}-${stagingCounter++}`;
  const staging = new Dexie(name);
  staging.version(schemaVersion).stores({ ...STORES_BY_VERSION[schemaVersion] });
  try {
    await staging.open();
    for (const batch of reader.rows()) {
      if (options.signal?.aborted) throw new BackupError(MESSAGES.cancelled, 'cancelled');
      await staging.table(batch.table).bulkPut(batch.rows);
      options.onProgress?.({ done: reader.position, total: reader.bytes.length });
    }
    staging.close();
    const upgraded = new SoKeHoachDb(name);
    try {
      await upgraded.open().catch((error: unknown) => {
        throw new BackupError(MESSAGES.unreadable(error), 'invalid');
      });
      const out: RowBatch[] = [];
      await upgraded.transaction('r', upgraded.tables, async () => {
        for (const t of BACKUP_TABLES) out.push({ table: t, rows: (await upgraded.table(t).toArray()) as Record<string, unknown>[], first: 0 });
      });
      for (const b of out) {
        b.rows.forEach((row, i) => {
          const p = recordProblem(b.table as RecordTable, row);
          if (p) throw new BackupError(MESSAGES.badRecord(b.table, recordLabel(b.table, row, i), p.field, p.problem), 'invalid');
        });
      }
      return out;
    } finally {
      upgraded.close();
    }
  } finally {
    staging.close();
    await Dexie.delete(name).catch(() => undefined);
  }
}

/**
 * "Khôi phục": replace (clear every table, then write the backup) or merge (backup-merge.ts).
 * Throws BackupError, with the database unchanged, when the file is refused, when «Hủy» aborts
 * it ('cancelled') or when anything fails.
 */
export async function restoreBackup(bytes: Uint8Array, mode: RestoreMode, options: BackupJobOptions = {}): Promise<RestoreResult> {
  const { signal, onProgress } = options;
  const reader = new BackupReader(bytes, { validate: true });
  const header = reader.start();
  const current = header.schemaVersion === CURRENT_SCHEMA_VERSION;
  const checked = checkedFiles.get(bytes);
  if (checked?.checksum === header.checksum.value) {
    reader.options.checksumVerified = true;
    if (checked.recordsChecked) reader.options.validate = false;
  } else await reader.verifyChecksumNatively();
  let source: Iterable<RowBatch>;
  if (current) source = reader.rows();
  else {
    reader.options.validate = false;
    try {
      source = await stagedBatches(reader, header.schemaVersion, options);
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError(MESSAGES.unreadable(error), 'invalid');
    }
  }
  const target = appDb;
  if (!target.isOpen()) await target.open();
  const written: BackupCounts = {};
  const merge = mode === 'merge' ? new BackupMerge() : null;
  try {
    // The log's prepared rows and the overview's digests are not in a backup: derived from the
    // submissions, they are made again after the restore (fillMissingLogRows,
    // fillMissingOverviewDigests; «Gộp» files through the import, which writes them).
    const prepared = [...LOG_ROW_TABLES(), ...OVERVIEW_DIGEST_TABLES()];
    await target.transaction('rw', [...BACKUP_TABLES.map((t) => target.table(t)), ...prepared, target.meta], async () => {
      await forgetPreparedComplete(prepared);
      if (mode === 'replace') await Promise.all([...BACKUP_TABLES.map((t) => target.table(t).clear()), ...prepared.map((t) => t.clear())]);
      for (const t of BACKUP_TABLES) written[t] = 0;
      for (const batch of source) {
        if (signal?.aborted) throw new BackupError(MESSAGES.cancelled, 'cancelled');
        if (!(BACKUP_TABLES as readonly string[]).includes(batch.table)) continue;
        if (merge) await merge.apply(batch.table, batch.rows);
        else {
          await target.table(batch.table).bulkPut(batch.rows);
          written[batch.table as BackupTable] = (written[batch.table as BackupTable] ?? 0) + batch.rows.length;
        }
        onProgress?.({ done: current ? reader.position : bytes.length, total: bytes.length });
      }
      if (signal?.aborted) throw new BackupError(MESSAGES.cancelled, 'cancelled');
    });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(MESSAGES.failed(error));
  }
  onProgress?.({ done: bytes.length, total: bytes.length });
  return { mode, written: merge ? (merge.written as BackupCounts) : written, notFiled: merge?.notFiled ?? [] };
}
