/**
 * File dialogs and file bytes. The renderer never sees or chooses a path to read or write:
 * the officer picks it in a native dialog, and only the bytes (and the base name) cross IPC.
 */
import { app, dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions } from 'electron';
import { promises as fsp } from 'node:fs';
import { basename, join } from 'node:path';
import { MAX_OPEN_FILE_BYTES, MAX_OPEN_FILES, type OpenedFile, type RejectedFile } from '@contract';
import type { Handlers } from '../ipc';

type Filters = ReadonlyArray<{ name: string; extensions: readonly string[] }> | undefined;

function toDialogFilters(filters: Filters): FileFilter[] | undefined {
  return filters?.map((f) => ({ name: f.name, extensions: [...f.extensions] }));
}

/** The save dialog: the path the officer chose for `suggestedName`, or null when they cancelled. */
export async function chooseSavePath(window: BrowserWindow, suggestedName: string, filters: Filters): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, {
    title: 'Lưu tệp',
    buttonLabel: 'Lưu',
    // The schema forbids separators in suggestedName, so this stays inside Documents.
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: toDialogFilters(filters),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return result.canceled || !result.filePath ? null : result.filePath;
}

export const saveFile: Handlers['file:save'] = async (input, ctx) => {
  const path = await chooseSavePath(ctx.window, input.suggestedName, input.filters);
  if (path === null) return null;
  await fsp.writeFile(path, input.bytes);
  return { path };
};

/** Reads one chosen file, refusing it (without reading) when it is larger than `maxBytes`. */
async function readChosenFile(path: string, maxBytes: number): Promise<OpenedFile | RejectedFile> {
  const name = basename(path);
  try {
    const stat = await fsp.stat(path);
    if (!stat.isFile()) return { name, reason: 'unreadable' };
    if (stat.size > maxBytes) return { name, reason: 'too-large' };
    const buffer = await fsp.readFile(path);
    // The file may have grown between stat and read.
    if (buffer.byteLength > maxBytes) return { name, reason: 'too-large' };
    // A plain Uint8Array (not a Node Buffer) is what the renderer expects after structured clone.
    return { name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
  } catch (error) {
    console.warn(`[files] could not read ${name}:`, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
    return { name, reason: 'unreadable' };
  }
}

export const openFiles: Handlers['file:open'] = async (input, ctx) => {
  const properties: OpenDialogOptions['properties'] = ['openFile'];
  if (input.multiple) properties.push('multiSelections');
  const result = await dialog.showOpenDialog(ctx.window, {
    title: input.multiple ? 'Chọn các tệp' : 'Chọn tệp',
    buttonLabel: 'Mở',
    filters: toDialogFilters(input.filters),
    properties,
  });
  const files: OpenedFile[] = [];
  const rejected: RejectedFile[] = [];
  if (result.canceled) return { files, rejected };

  const chosen = result.filePaths.slice(0, input.multiple ? MAX_OPEN_FILES : 1);
  if (result.filePaths.length > chosen.length) {
    console.warn(`[files] ${result.filePaths.length - chosen.length} extra file(s) ignored (limit ${MAX_OPEN_FILES})`);
  }
  // The schema bounds maxBytes by the backup limit; workbooks keep the 50 MB default.
  const maxBytes = input.maxBytes ?? MAX_OPEN_FILE_BYTES;
  // One at a time: never all in memory twice.
  for (const path of chosen) {
    const outcome = await readChosenFile(path, maxBytes);
    if ('bytes' in outcome) files.push(outcome);
    else rejected.push(outcome);
  }
  return { files, rejected };
};
