/**
 * Automatic backups on disk: userData/backups, the newest `keep` files kept.
 *
 * The renderer makes the backup file (it owns the database); main only writes, lists, reads
 * and copies files in that one folder. Names are checked by the contract (ASCII, ".json", no
 * folders), so a path can never leave the folder.
 *
 * A write goes to a temporary file of its own ("<name>.<unique>.tmp") and is renamed into place,
 * so two writes of the same day's file at once (the start-up backup and the one on close) each
 * land whole, the last rename winning, and a crash mid-write never leaves a truncated backup as
 * the newest. Temporary files left by a crash are removed at the next list or write (this
 * process is the only writer: the app holds a single-instance lock). «Read latest» returns the
 * newest file that is a complete backup and names the newer ones it passed over.
 *
 * On close: the main window's "close" is held until the renderer has written a backup
 * (BACKUP_REQUEST_EVENT → backup:writeAuto with reason "quit" → backup:quitDone), or until a
 * timeout, then the close (or the quit) continues. That is the "on quit" backup within what
 * Electron allows: "before-quit" alone fires after the last window on Windows/Linux has
 * already gone, when no renderer is left to ask.
 */
import { app, dialog, type App, type BrowserWindow } from 'electron';
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { AUTO_BACKUP_NAME, BACKUP_REQUEST_EVENT, MAX_BACKUP_FILE_BYTES, type AutoBackupInfo, type AutoBackupList } from '@contract';
import { isCompleteJsonDocument } from '@domain/json-bytes';
import type { Handlers } from '../ipc';

/** Temporary files of our writes: "<backup name>.tmp" (older builds) or "<backup name>.<unique>.tmp". */
const TEMP_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\.json(?:\.[A-Za-z0-9-]{1,80})?\.tmp$/;

/** The temporary files being written now (full paths): never taken for leftovers. */
const inFlight = new Set<string>();

export function backupsFolder(): string {
  return join(app.getPath('userData'), 'backups');
}

/** Our backup files in the folder, newest first (by modification time, then name). */
async function listFiles(folder: string): Promise<AutoBackupInfo[]> {
  let names: string[];
  try {
    names = await fsp.readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: AutoBackupInfo[] = [];
  for (const name of names) {
    if (!AUTO_BACKUP_NAME.test(name)) continue;
    try {
      const stat = await fsp.stat(join(folder, name));
      if (stat.isFile()) files.push({ name, size: stat.size, modifiedAt: stat.mtime.toISOString() });
    } catch {
      // Removed meanwhile.
    }
  }
  return files.sort((a, b) => (a.modifiedAt === b.modifiedAt ? b.name.localeCompare(a.name) : b.modifiedAt.localeCompare(a.modifiedAt)));
}

/** Removes the temporary files a crash left (not those being written now). */
export async function removeLeftovers(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fsp.readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const path = join(folder, name);
    if (!TEMP_NAME.test(name) || inFlight.has(path)) continue;
    await fsp.rm(path, { force: true }).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

async function list(): Promise<AutoBackupList> {
  const folder = backupsFolder();
  await removeLeftovers(folder);
  return { folder, files: await listFiles(folder) };
}

export const writeAutoBackup: Handlers['backup:writeAuto'] = async (input) => {
  const folder = backupsFolder();
  await fsp.mkdir(folder, { recursive: true });
  const target = join(folder, input.fileName);
  const temp = `${target}.${randomUUID()}.tmp`;
  inFlight.add(temp);
  try {
    await fsp.writeFile(temp, input.bytes);
    await fsp.rename(temp, target);
  } catch (error) {
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    inFlight.delete(temp);
  }
  await removeLeftovers(folder);
  // The file just written is always kept, whatever its modification time says: on a PC whose
  // clock went back (a flat CMOS battery), it would otherwise sort as the oldest and be deleted
  // at once, every time, leaving only backups from before.
  const files = await listFiles(folder);
  const others = files.filter((f) => f.name !== input.fileName);
  const removed = new Set(others.slice(Math.max(0, input.keep - 1)).map((f) => f.name));
  for (const name of removed) {
    await fsp.rm(join(folder, name), { force: true });
  }
  return { folder, files: files.filter((f) => !removed.has(f.name)) };
};

export const listAutoBackups: Handlers['backup:list'] = async () => list();

/** Starts like our backups and is one complete JSON document: not cut short, not two writes mixed. */
function isCompleteBackup(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/\s+/g, '');
  return head.startsWith('{"format":"so-ke-hoach-backup"') && isCompleteJsonDocument(bytes);
}

export const readLatestAutoBackup: Handlers['backup:readLatest'] = async () => {
  const { folder, files } = await list();
  const skipped: AutoBackupInfo[] = [];
  for (const file of files) {
    if (file.size > MAX_BACKUP_FILE_BYTES) continue;
    try {
      const buffer = await fsp.readFile(join(folder, file.name));
      if (buffer.byteLength > MAX_BACKUP_FILE_BYTES) continue;
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      if (!isCompleteBackup(bytes)) {
        skipped.push(file);
        continue;
      }
      return { latest: { name: file.name, modifiedAt: file.modifiedAt, bytes }, skipped };
    } catch {
      // Unreadable (removed meanwhile, no permission): try the next newest.
      skipped.push(file);
    }
  }
  return { latest: null, skipped };
};

export const copyLatestAutoBackup: Handlers['backup:copyLatestTo'] = async (_input, ctx) => {
  const { folder, files } = await list();
  const latest = files[0];
  if (!latest) return { status: 'none' };
  const result = await dialog.showSaveDialog(ctx.window, {
    title: 'Sao chép bản sao lưu mới nhất',
    buttonLabel: 'Sao chép',
    defaultPath: join(app.getPath('documents'), latest.name),
    filters: [{ name: 'Bản sao lưu Sổ Kế hoạch', extensions: ['json'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return { status: 'cancelled' };
  await fsp.copyFile(join(folder, latest.name), result.filePath);
  return { status: 'copied', path: result.filePath };
};

// ---------------------------------------------------------------------------------------------
// The backup on close.

/** How long a closing window waits for the renderer's backup. */
export const QUIT_BACKUP_TIMEOUT_MS = 15_000;

let answerQuitRequest: (() => void) | null = null;

export const quitBackupDone: Handlers['backup:quitDone'] = async () => {
  answerQuitRequest?.();
};

/** Asks the window's page for its backup; resolves when it answers or after `timeoutMs`. */
export function requestQuitBackup(win: BrowserWindow, timeoutMs = QUIT_BACKUP_TIMEOUT_MS): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(finish, timeoutMs);
    function finish() {
      clearTimeout(timer);
      if (answerQuitRequest === finish) answerQuitRequest = null;
      resolve();
    }
    answerQuitRequest = finish;
    try {
      win.webContents.send(BACKUP_REQUEST_EVENT);
    } catch {
      finish();
    }
  });
}

/**
 * Holds the window's first close until the page has written its backup, then closes it again
 * (or quits, when the close came from quitting: Cmd+Q, the menu, app.quit()).
 */
export function installBackupOnClose(application: App, win: BrowserWindow, timeoutMs = QUIT_BACKUP_TIMEOUT_MS): void {
  let quitting = false;
  let state: 'open' | 'waiting' | 'done' = 'open';
  application.on('before-quit', () => {
    quitting = true;
  });
  win.on('close', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'waiting') return;
    state = 'waiting';
    void requestQuitBackup(win, timeoutMs).then(() => {
      state = 'done';
      if (quitting) application.quit();
      else if (!win.isDestroyed()) win.close();
    });
  });
}
