/**
 * Exported workbooks written by the main process: `export:write` streams the job into a file of
 * our own (userData/exports-in-progress/<exportId>.xlsx) with export/workbook-export.ts (loaded
 * on the first export, so ExcelJS costs the app's start nothing), sending progress to the page
 * that asked; `export:save` then shows
 * the save dialog and moves the file where the officer chose; `export:cancel` stops the writing
 * or drops the written file. So a 50,000-activity workbook is never held whole in memory, and
 * the renderer sees the same steps as before: rows written, then the save dialog.
 *
 * The folder holds only files of this run: what a crash left is removed on first use, and the
 * whole folder when the app quits (the single-instance lock makes this process its only user).
 */
import { app, type App, type BrowserWindow } from 'electron';
import { promises as fsp, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_PROGRESS_EVENT, type ExportProgress } from '@contract';
import type { Handlers } from '../ipc';
import { chooseSavePath } from './files';

interface ExportEntry {
  file: string;
  window: BrowserWindow;
  controller: AbortController;
  state: 'writing' | 'written' | 'saving';
}

const exportsById = new Map<string, ExportEntry>();
/** The folder emptied in this run (by path: the tests give each their own userData). */
let folderReady: { folder: string; ready: Promise<string> } | null = null;

export function exportsFolder(): string {
  return join(app.getPath('userData'), 'exports-in-progress');
}

/** The folder, emptied of what an earlier run left the first time it is used in this one. */
function readyFolder(): Promise<string> {
  const folder = exportsFolder();
  if (folderReady?.folder !== folder) {
    const ready = (async () => {
      await fsp.rm(folder, { recursive: true, force: true });
      await fsp.mkdir(folder, { recursive: true });
      return folder;
    })();
    folderReady = { folder, ready };
    ready.catch(() => {
      if (folderReady?.ready === ready) folderReady = null;
    });
  }
  return folderReady.ready;
}

/** Where `file` should go; a copy when the two lie on different drives. */
async function moveFile(file: string, target: string): Promise<void> {
  try {
    await fsp.rename(file, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await fsp.copyFile(file, target);
    await fsp.rm(file, { force: true });
  }
}

export const writeWorkbook: Handlers['export:write'] = async (input, ctx) => {
  if (exportsById.has(input.exportId)) return { status: 'failed', message: 'Tệp này đang được tạo. Hãy chờ xong rồi xuất lại.' };
  let folder: string;
  try {
    folder = await readyFolder();
  } catch (error) {
    return { status: 'failed', message: `Không tạo được thư mục tạm để ghi tệp Excel (${(error as Error).message}). Hãy khởi động lại ứng dụng rồi thử lại.` };
  }
  const entry: ExportEntry = { file: join(folder, `${input.exportId}.xlsx`), window: ctx.window, controller: new AbortController(), state: 'writing' };
  exportsById.set(input.exportId, entry);
  const contents = ctx.window.webContents;
  const onProgress = (done: number, total: number) => {
    if (!contents.isDestroyed()) contents.send(EXPORT_PROGRESS_EVENT, { exportId: input.exportId, done, total } satisfies ExportProgress);
  };
  try {
    const { writeWorkbookFile } = await import('../export/workbook-export');
    const outcome = await writeWorkbookFile(input.job, entry.file, { onProgress, signal: entry.controller.signal });
    if (outcome === 'cancelled') {
      exportsById.delete(input.exportId);
      return { status: 'cancelled' };
    }
    entry.state = 'written';
    return { status: 'written' };
  } catch (error) {
    exportsById.delete(input.exportId);
    return { status: 'failed', message: (error as Error).message };
  }
};

export const saveWorkbook: Handlers['export:save'] = async (input, ctx) => {
  const entry = exportsById.get(input.exportId);
  if (!entry || entry.state !== 'written' || entry.window !== ctx.window) throw new Error('Không còn tệp Excel vừa tạo. Hãy bấm xuất lại.');
  entry.state = 'saving';
  try {
    const path = await chooseSavePath(ctx.window, input.suggestedName, input.filters);
    // Cancelled while the dialog was open: the officer no longer wants the file.
    if (path === null || entry.controller.signal.aborted) return null;
    await moveFile(entry.file, path);
    return { path };
  } finally {
    exportsById.delete(input.exportId);
    await fsp.rm(entry.file, { force: true });
  }
};

export const cancelExport: Handlers['export:cancel'] = async (input, ctx) => {
  const entry = exportsById.get(input.exportId);
  if (!entry || entry.window !== ctx.window) return;
  entry.controller.abort();
  if (entry.state === 'written') {
    exportsById.delete(input.exportId);
    await fsp.rm(entry.file, { force: true });
  }
};

/** Removes the folder when the app quits: whatever is in it was never saved by the officer. */
export function installExportCleanup(electronApp: App): void {
  electronApp.on('will-quit', () => {
    for (const entry of exportsById.values()) entry.controller.abort();
    try {
      rmSync(exportsFolder(), { recursive: true, force: true });
    } catch {
      // A file still held open stays until the next start empties the folder.
    }
  });
}
