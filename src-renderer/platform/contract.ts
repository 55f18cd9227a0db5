/**
 * The one typed contract between the renderer and the desktop shell.
 *
 * Pure module: imported by the preload and main process (through the `@contract` alias) and
 * by the renderer. Each channel is named `domain:verb`, has a zod schema for its input
 * (checked in main, where the input arrives as `unknown`) and a TypeScript output type.
 * In a plain browser the same `Platform` interface is implemented with downloads and file
 * inputs (see ./browser-platform.ts), so the app runs there unchanged.
 */
import { z } from 'zod';
import { wireWorkbookJobSchema } from '@exchange/workbook-job';

/**
 * Largest file `file:open` reads and hands to the renderer when the caller gives no `maxBytes`
 * (workbooks, documents, unit lists), in bytes.
 */
export const MAX_OPEN_FILE_BYTES = 50 * 1024 * 1024;
/** Most files one open dialog may return. */
export const MAX_OPEN_FILES = 200;

/**
 * The one backup limit (bytes): the largest backup the app makes, saves (`file:save`), opens for
 * restore (`file:open` with this `maxBytes`), writes or reads as an automatic backup (`backup:*`)
 * and restores (db/backup.ts). A backup is ~764 bytes per activity plus stored submissions, so a
 * district or province outgrows 50 MB; 512 MB leaves room without reading anything unbounded.
 */
export const MAX_BACKUP_FILE_BYTES = 512 * 1024 * 1024;
/** Automatic backups kept in userData/backups: default, and the bounds of the setting. */
export const AUTO_BACKUPS_KEPT_DEFAULT = 10;
export const AUTO_BACKUPS_KEPT_MIN = 1;
export const AUTO_BACKUPS_KEPT_MAX = 100;
/** Names of automatic backup files: ASCII, no folders, ".json". */
export const AUTO_BACKUP_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\.json$/;
/**
 * Main → renderer: "the app is closing, write the automatic backup now". Not an invoke
 * channel: the preload turns it into DesktopApi.onBackupRequest; the renderer answers with
 * backup:writeAuto (reason "quit") and then backup:quitDone.
 */
export const BACKUP_REQUEST_EVENT = 'backup:requested';
/**
 * Main → renderer: how far the main process got writing an exported workbook (`export:write`),
 * as ExportProgress. Not an invoke channel: the preload turns it into DesktopApi.onExportProgress.
 */
export const EXPORT_PROGRESS_EVENT = 'export:progress';
/** Names an export between its calls: a UUID the renderer makes (crypto.randomUUID). */
export const EXPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A bare file name: no folder separators, no characters Windows forbids, no control characters. */
function isPlainFileName(name: string): boolean {
  for (const ch of name) {
    if (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch)) return false;
  }
  return true;
}

const fileFilter = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).min(1).max(10),
  })
  .strict();

/** Suggested file name of a save dialog, no folders. */
const suggestedName = z.string().min(1).max(200).refine(isPlainFileName, 'file name must not contain a path or control characters');
const exportId = z.string().regex(EXPORT_ID);
const filters = z.array(fileFilter).max(10).optional();

export const inputSchemas = {
  'app:getVersion': z.undefined(),
  'app:getDataFolder': z.undefined(),
  'file:save': z
    .object({
      suggestedName,
      /** Up to the backup limit: the manual "Sao lưu" saves through this channel. */
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_BACKUP_FILE_BYTES, 'file too large'),
      filters,
    })
    .strict(),
  'file:open': z
    .object({
      multiple: z.boolean().optional(),
      filters,
      /** Largest file read (bytes); default MAX_OPEN_FILE_BYTES, at most the backup limit (restore). */
      maxBytes: z.number().int().positive().max(MAX_BACKUP_FILE_BYTES).optional(),
    })
    .strict(),
  /**
   * Writes a workbook in the main process, streaming into a file of its own (not yet the
   * officer's): progress arrives as EXPORT_PROGRESS_EVENT, `export:cancel` stops it. The
   * structured clone of IPC carries the report once, its activities packed (toWireJob); nothing
   * else copies it.
   */
  'export:write': z
    .object({
      exportId,
      /** The workbook to write (exchange/workbook-job.ts WireWorkbookJob). */
      job: wireWorkbookJobSchema,
    })
    .strict(),
  /** Offers the written workbook to the officer (save dialog) and moves it where they chose. */
  'export:save': z
    .object({
      exportId,
      suggestedName,
      filters,
    })
    .strict(),
  /** Stops the export's writing, or drops the file it wrote; nothing happens for an unknown id. */
  'export:cancel': z.object({ exportId }).strict(),
  'backup:writeAuto': z
    .object({
      /** e.g. "TuDong_SoKeHoach_2025-06-14.json"; the same name again replaces that file. */
      fileName: z.string().regex(AUTO_BACKUP_NAME),
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength > 0 && b.byteLength <= MAX_BACKUP_FILE_BYTES, 'backup empty or too large'),
      /** How many automatic backups to keep (the newest). */
      keep: z.number().int().min(AUTO_BACKUPS_KEPT_MIN).max(AUTO_BACKUPS_KEPT_MAX),
      reason: z.enum(['daily', 'quit', 'before-upgrade']),
    })
    .strict(),
  'backup:list': z.undefined(),
  'backup:readLatest': z.undefined(),
  'backup:copyLatestTo': z.undefined(),
  'backup:quitDone': z.undefined(),
} as const;

export type Channel = keyof typeof inputSchemas;
export type ChannelInput<C extends Channel> = z.infer<(typeof inputSchemas)[C]>;

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file that was chosen but not read (too large, unreadable), with the reason. */
export interface RejectedFile {
  name: string;
  reason: 'too-large' | 'unreadable';
}

export interface ChannelOutputs {
  'app:getVersion': string;
  'app:getDataFolder': string;
  /** The saved path, or null when the officer cancelled. */
  'file:save': { path: string } | null;
  /** Empty lists when cancelled. */
  'file:open': { files: OpenedFile[]; rejected: RejectedFile[] };
  'export:write': ExportWriteResult;
  /** The saved path, or null when the officer cancelled (the written file is then dropped). */
  'export:save': { path: string } | null;
  'export:cancel': void;
  'backup:writeAuto': AutoBackupList;
  'backup:list': AutoBackupList;
  /**
   * The newest automatic backup that is a complete file (null when there is none), and the newer
   * ones passed over because they are not (cut short by a crash, or damaged).
   */
  'backup:readLatest': { latest: { name: string; bytes: Uint8Array; modifiedAt: string } | null; skipped: AutoBackupInfo[] };
  'backup:copyLatestTo': { status: 'copied'; path: string } | { status: 'cancelled' } | { status: 'none' };
  'backup:quitDone': void;
}

/** How an export's writing ended; `message` is Vietnamese, for the officer. */
export type ExportWriteResult = { status: 'written' } | { status: 'cancelled' } | { status: 'failed'; message: string };

/** Rows written so far of the export `exportId` (EXPORT_PROGRESS_EVENT). */
export interface ExportProgress {
  exportId: string;
  done: number;
  total: number;
}

export interface AutoBackupInfo {
  name: string;
  size: number;
  /** ISO instant of the file's last write. */
  modifiedAt: string;
}

/** The automatic backups on disk, newest first. */
export interface AutoBackupList {
  folder: string;
  files: AutoBackupInfo[];
}

export type ChannelOutput<C extends Channel> = ChannelOutputs[C];

export const channels = Object.keys(inputSchemas) as Channel[];

/** What the preload exposes as `window.sokh`: one named method per channel, nothing else. */
export interface DesktopApi {
  getVersion(): Promise<string>;
  getDataFolder(): Promise<string>;
  saveFile(input: ChannelInput<'file:save'>): Promise<ChannelOutput<'file:save'>>;
  openFiles(input: ChannelInput<'file:open'>): Promise<ChannelOutput<'file:open'>>;
  writeWorkbook(input: ChannelInput<'export:write'>): Promise<ChannelOutput<'export:write'>>;
  saveWorkbook(input: ChannelInput<'export:save'>): Promise<ChannelOutput<'export:save'>>;
  cancelExport(input: ChannelInput<'export:cancel'>): Promise<void>;
  /** Calls `listener` with each EXPORT_PROGRESS_EVENT; returns the unsubscribe. */
  onExportProgress(listener: (progress: ExportProgress) => void): () => void;
  writeAutoBackup(input: ChannelInput<'backup:writeAuto'>): Promise<ChannelOutput<'backup:writeAuto'>>;
  listAutoBackups(): Promise<ChannelOutput<'backup:list'>>;
  readLatestAutoBackup(): Promise<ChannelOutput<'backup:readLatest'>>;
  copyLatestAutoBackup(): Promise<ChannelOutput<'backup:copyLatestTo'>>;
  quitBackupDone(): Promise<void>;
  /** Calls `listener` when the app is closing (BACKUP_REQUEST_EVENT); returns the unsubscribe. */
  onBackupRequest(listener: () => void): () => void;
}

/** Name of the global the preload defines in the renderer. */
export const DESKTOP_API_GLOBAL = 'sokh';
