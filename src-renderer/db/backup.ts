/**
 * "Sao lưu" and "Khôi phục" (issue 6): the whole database in one file, and back.
 *
 * File = our envelope around a dexie-export-import export (the library does the serialization):
 *   { format: "so-ke-hoach-backup", formatVersion, appVersion, schemaVersion, createdAt,
 *     counts: { table: rows }, checksum: { algorithm: "SHA-256", value }, payload: <dexie export> }
 * The checksum covers every other field (serialized in a fixed order), so a changed count,
 * date or record is caught. inspectBackup never trusts the file: envelope shape, checksum,
 * versions, then the payload against its own counts.
 *
 * Restore stages the payload in a temporary database at the backup's schema version
 * (importInto, the library's reader), lets the app's own Dexie upgrades bring it to the current
 * version (the same upgrade functions an installation runs, so an old backup is upgraded
 * exactly like an old database), reads it into memory, and only then writes the real database
 * in ONE read-write transaction over every table: a failure anywhere leaves it as it was.
 * (importInto cannot do the last step itself: it reads the file asynchronously between writes
 * and clears tables outside its own transaction.)
 */
import { MAX_BACKUP_FILE_BYTES } from '@contract';
import { Dexie, type IndexableType, type Table } from 'dexie';
import { z } from 'zod';
import { version as packageVersion } from '../../package.json';
import { db as appDb } from './db';
import { SoKeHoachDb } from './schema';
import { V1_STORES } from './versions/v1';
import { V2_STORES } from './versions/v2';
import { V3_STORES } from './versions/v3';
import { V4_STORES } from './versions/v4';
import { V5_STORES } from './versions/v5';
import { V6_STORES } from './versions/v6';

export const BACKUP_FORMAT = 'so-ke-hoach-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Largest backup file read: the one backup limit of the contract (file:save, file:open, backup:*). */
export const MAX_BACKUP_BYTES = MAX_BACKUP_FILE_BYTES;

/**
 * The stores of every released schema version, so a backup made at version N can be staged at
 * exactly N before the app's upgrades run. A new versions/vN.ts must be added here too
 * (tests/unit/backup.test.ts fails until it is).
 */
export const STORES_BY_VERSION: Readonly<Record<number, Readonly<Record<string, string>>>> = {
  1: V1_STORES,
  2: V2_STORES,
  3: V3_STORES,
  4: V4_STORES,
  5: V5_STORES,
  6: V6_STORES,
};

/** The schema version this build writes (the highest declared in schema.ts). */
export const CURRENT_SCHEMA_VERSION: number = appDb.verno;

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

export const BACKUP_TABLE_LABELS: Record<BackupTable, string> = {
  plans: 'Kế hoạch',
  units: 'Đơn vị',
  itemStatuses: 'Trạng thái nhiệm vụ',
  activities: 'Hoạt động (nhật ký)',
  indicatorAdjustments: 'Điều chỉnh chỉ tiêu',
  indicatorTargets: 'Chỉ tiêu phấn đấu',
  submissions: 'Lịch sử nhập báo cáo',
  settings: 'Cài đặt',
};

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

export type RefusalReason = 'too-large' | 'not-backup' | 'tampered' | 'too-new' | 'invalid';

export interface BackupRefusal {
  ok: false;
  reason: RefusalReason;
  /** Vietnamese, shown as is. */
  message: string;
}

/** A backup or restore could not be done; `message` is Vietnamese. Nothing was changed. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly reason: RefusalReason | 'failed' = 'failed',
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export const MESSAGES = {
  tooLarge: `Tệp quá lớn để là một bản sao lưu (tối đa ${MAX_BACKUP_BYTES / 1024 / 1024} MB); không khôi phục.`,
  notBackup: 'Tệp này không phải bản sao lưu của Sổ Kế hoạch Công đoàn; không khôi phục.',
  tampered: 'Tệp sao lưu đã bị thay đổi hoặc hỏng (sai mã kiểm tra); không khôi phục.',
  tooNew:
    'Bản sao lưu này được tạo bởi phiên bản mới hơn của ứng dụng; phiên bản này không đọc được. Hãy dùng phiên bản mới hơn của Sổ Kế hoạch Công đoàn; không khôi phục.',
  invalid: 'Nội dung tệp sao lưu không hợp lệ (số bản ghi hoặc cấu trúc không khớp); không khôi phục.',
  incomplete: 'Tệp sao lưu bị hỏng hoặc không đầy đủ (có thể bị cắt khi chép hoặc tải về); không khôi phục. Hãy dùng một bản sao lưu khác.',
} as const;

// ---------------------------------------------------------------------------------------------
// Envelope.

const countsSchema = z.record(z.string(), z.number().int().nonnegative());

const envelopeSchema = z.object({
  format: z.string(),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().max(50),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string().max(40),
  counts: countsSchema,
  checksum: z.object({ algorithm: z.literal('SHA-256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
  payload: z.unknown(),
});
type Envelope = z.infer<typeof envelopeSchema>;

const payloadSchema = z.object({
  formatName: z.literal('dexie'),
  formatVersion: z.literal(1),
  data: z.object({
    databaseName: z.string(),
    databaseVersion: z.number(),
    tables: z.array(z.object({ name: z.string(), schema: z.string(), rowCount: z.number().int().nonnegative() })),
    data: z.array(z.object({ tableName: z.string(), inbound: z.boolean(), rows: z.array(z.unknown()) })),
  }),
});
type Payload = z.infer<typeof payloadSchema>;

function checksumInput(e: Omit<Envelope, 'checksum'>): string {
  // A fixed field order: the file's own key order does not matter.
  return JSON.stringify([e.format, e.formatVersion, e.appVersion, e.schemaVersion, e.createdAt, e.counts, e.payload]);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * dexie-export-import, loaded on first use: it is only needed when backing up or restoring
 * (its own chunk, not the start-up bundle), and it reads `self` when evaluated, which Node
 * (unit tests that merely import a module using this one) does not define.
 */
const exportImport = () => import('dexie-export-import');

const two = (n: number) => String(n).padStart(2, '0');

/** "SaoLuu_SoKeHoach_2025-06-14_0830.json", local time, ASCII only. */
export function backupFileName(date: Date, prefix = 'SaoLuu'): string {
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  return `${prefix}_SoKeHoach_${day}_${two(date.getHours())}${two(date.getMinutes())}.json`;
}

function countsOf(payload: Payload): BackupCounts {
  const counts: BackupCounts = {};
  for (const t of payload.data.tables) counts[t.name as BackupTable] = t.rowCount;
  return counts;
}

/** Wraps a dexie export (as text) into our envelope and returns the file's bytes. */
export async function envelopeBytes(exportText: string, schemaVersion: number, createdAt: Date): Promise<{ bytes: Uint8Array; counts: BackupCounts }> {
  const payload = payloadSchema.parse(JSON.parse(exportText));
  const counts = countsOf(payload);
  const body = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: packageVersion,
    schemaVersion,
    createdAt: createdAt.toISOString(),
    counts,
    payload: payload as unknown,
  };
  const checksum = { algorithm: 'SHA-256' as const, value: await sha256Hex(checksumInput(body)) };
  const { payload: p, ...head } = body;
  // Header first so a person opening the file sees what it is.
  const text = JSON.stringify({ ...head, checksum, payload: p });
  return { bytes: new TextEncoder().encode(text), counts };
}

/** Exports any open Dexie database (the app's, or an old one before an upgrade) as a backup file. */
export async function backupOf(source: Dexie, now = new Date(), prefix = 'SaoLuu'): Promise<BackupFile> {
  const { exportDB } = await exportImport();
  const blob = await exportDB(source);
  const { bytes, counts } = await envelopeBytes(await blob.text(), source.verno, now);
  return { bytes, counts, fileName: backupFileName(now, prefix), createdAt: now.toISOString() };
}

/** "Sao lưu": the whole app database, in one read transaction (a consistent snapshot). */
export async function createBackup(now = new Date(), source: SoKeHoachDb = appDb): Promise<BackupFile> {
  if (!source.isOpen()) await source.open();
  return backupOf(source, now);
}

// ---------------------------------------------------------------------------------------------
// Inspect.

interface Parsed {
  preview: BackupPreview;
  payload: Payload;
}

const refuse = (reason: RefusalReason, message: string): BackupRefusal => ({ ok: false, reason, message });

async function parseBackup(bytes: Uint8Array): Promise<Parsed | BackupRefusal> {
  if (bytes.byteLength > MAX_BACKUP_BYTES) return refuse('too-large', MESSAGES.tooLarge);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    // Our files start with their header: one that does but no longer parses was cut short
    // (a copy to a USB drive interrupted, a download stopped), not some other file.
    const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 200)).replace(/\s+/g, '');
    if (head.startsWith(`{"format":"${BACKUP_FORMAT}"`)) return refuse('tampered', MESSAGES.incomplete);
    return refuse('not-backup', MESSAGES.notBackup);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return refuse('not-backup', MESSAGES.notBackup);
  }
  const env = envelopeSchema.safeParse(raw);
  if (!env.success) return refuse('tampered', MESSAGES.tampered);
  const e = env.data;
  const expected = await sha256Hex(checksumInput(e));
  if (expected !== e.checksum.value) return refuse('tampered', MESSAGES.tampered);
  if (e.formatVersion > BACKUP_FORMAT_VERSION || e.schemaVersion > CURRENT_SCHEMA_VERSION) return refuse('too-new', MESSAGES.tooNew);
  if (!STORES_BY_VERSION[e.schemaVersion]) return refuse('invalid', MESSAGES.invalid);

  const payload = payloadSchema.safeParse(e.payload);
  if (!payload.success) return refuse('invalid', MESSAGES.invalid);
  const p = payload.data;
  if (p.data.databaseVersion !== e.schemaVersion) return refuse('invalid', MESSAGES.invalid);
  const stores = STORES_BY_VERSION[e.schemaVersion]!;
  const rows = new Map<string, number>();
  for (const t of p.data.data) {
    if (!(t.tableName in stores) || !t.inbound) return refuse('invalid', MESSAGES.invalid);
    rows.set(t.tableName, (rows.get(t.tableName) ?? 0) + t.rows.length);
  }
  // Every table of that schema version must be there: a missing one would be emptied by a
  // replacing restore without the preview ever listing it.
  const listed = new Set(p.data.tables.map((t) => t.name));
  if (Object.keys(stores).some((name) => !listed.has(name)) || listed.size !== p.data.tables.length) return refuse('invalid', MESSAGES.invalid);
  for (const t of p.data.tables) {
    if (!(t.name in stores) || (rows.get(t.name) ?? 0) !== t.rowCount || e.counts[t.name] !== t.rowCount) {
      return refuse('invalid', MESSAGES.invalid);
    }
  }
  return {
    payload: p,
    preview: {
      ok: true,
      createdAt: e.createdAt,
      appVersion: e.appVersion,
      schemaVersion: e.schemaVersion,
      counts: countsOf(p),
      needsUpgrade: e.schemaVersion < CURRENT_SCHEMA_VERSION,
    },
  };
}

/** What a file holds (date, app version, rows per table), or why it will not be restored. */
export async function inspectBackup(bytes: Uint8Array): Promise<BackupPreview | BackupRefusal> {
  const parsed = await parseBackup(bytes);
  return 'preview' in parsed ? parsed.preview : parsed;
}

// ---------------------------------------------------------------------------------------------
// Restore.

type Rows = Map<BackupTable, unknown[]>;

let stagingCounter = 0;

/**
 * The backup's records as the current schema stores them: imported into a temporary database
 * at the backup's version, upgraded by the app's own upgrade functions, read out, deleted.
 */
async function stagedRows(payload: Payload, schemaVersion: number): Promise<Rows> {
  const name = `so-ke-hoach-khoi-phuc-${Date.now()}-${stagingCounter++}`;
  const staging = new Dexie(name);
  staging.version(schemaVersion).stores({ ...STORES_BY_VERSION[schemaVersion] });
  try {
    const { importInto } = await exportImport();
    await staging.open();
    await importInto(staging, new Blob([JSON.stringify(payload)], { type: 'application/json' }), { acceptNameDiff: true });
    staging.close();
    const upgraded = new SoKeHoachDb(name);
    try {
      await upgraded.open();
      const rows: Rows = new Map();
      await upgraded.transaction('r', upgraded.tables, async () => {
        for (const t of BACKUP_TABLES) rows.set(t, await upgraded.table(t).toArray());
      });
      return rows;
    } finally {
      upgraded.close();
    }
  } finally {
    staging.close();
    await Dexie.delete(name).catch(() => undefined);
  }
}

function keyOf(table: Table, record: unknown): IndexableType {
  const path = table.schema.primKey.keyPath;
  const r = record as Record<string, IndexableType>;
  if (Array.isArray(path)) return path.map((p) => r[p]!) as IndexableType;
  return r[path as string]!;
}

/** Merge: the incoming record wins when its key is new, or when both carry updatedAt and its is newer. */
function incomingWins(existing: unknown, incoming: unknown): boolean {
  if (existing === undefined) return true;
  const a = (existing as { updatedAt?: unknown }).updatedAt;
  const b = (incoming as { updatedAt?: unknown }).updatedAt;
  return typeof a === 'string' && typeof b === 'string' && b > a;
}

export interface RestoreResult {
  mode: RestoreMode;
  /** Records written per table (merge: only the new and newer ones). */
  written: BackupCounts;
}

/**
 * "Khôi phục": replace (clear every table, then write the backup) or merge (add the records
 * whose keys are new; for a key present on both sides keep the newer updatedAt, and keep ours
 * when a table has no updatedAt, e.g. settings and targets). Throws BackupError, with the
 * database unchanged, when the file is refused or anything fails.
 */
export async function restoreBackup(bytes: Uint8Array, mode: RestoreMode, target: SoKeHoachDb = appDb): Promise<RestoreResult> {
  const parsed = await parseBackup(bytes);
  if (!('preview' in parsed)) throw new BackupError(parsed.message, parsed.reason);
  let rows: Rows;
  try {
    rows = await stagedRows(parsed.payload, parsed.preview.schemaVersion);
  } catch (error) {
    throw new BackupError(`Không đọc được nội dung bản sao lưu; không khôi phục. (${(error as Error).message})`, 'invalid');
  }
  if (!target.isOpen()) await target.open();
  const written: BackupCounts = {};
  try {
    await target.transaction('rw', BACKUP_TABLES.map((t) => target.table(t)), async () => {
      if (mode === 'replace') {
        for (const t of BACKUP_TABLES) await target.table(t).clear();
      }
      for (const t of BACKUP_TABLES) {
        const table = target.table(t);
        const incoming = rows.get(t) ?? [];
        let toWrite = incoming;
        if (mode === 'merge' && incoming.length > 0) {
          const existing = await table.bulkGet(incoming.map((r) => keyOf(table, r)));
          toWrite = incoming.filter((r, i) => incomingWins(existing[i], r));
        }
        if (toWrite.length > 0) await table.bulkPut(toWrite);
        written[t] = toWrite.length;
      }
    });
  } catch (error) {
    throw new BackupError(`Khôi phục không thành công; dữ liệu hiện tại được giữ nguyên. (${(error as Error).message})`);
  }
  return { mode, written };
}
