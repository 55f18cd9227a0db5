/**
 * Which files of a choice or a drop the import screen reads: files chosen one by one, a folder
 * chosen with "Chọn thư mục" (<input webkitdirectory>), or files and folders dropped on the
 * window (DataTransferItem.webkitGetAsEntry, folders walked recursively).
 *
 * Only .xlsx files are read. Excel's lock files ("~$BaoCao.xlsx", present while a workbook is
 * open) and hidden files (a name or a folder starting with ".", Windows' Thumbs.db and
 * desktop.ini) are skipped silently; every other file is listed once as skipped, with why.
 */
import { MAX_OPEN_FILE_BYTES } from '@contract';

export interface PickedFile {
  /** The file's own name (no folders): what the preview and the history show. */
  name: string;
  /** Its path inside the chosen or dropped folder ("Huyen A/BaoCao.xlsx"), = name when none. */
  path: string;
  bytes: Uint8Array;
}

export interface SkippedFile {
  path: string;
  /** Vietnamese, e.g. "bỏ qua: không phải tệp .xlsx". */
  reason: string;
}

export interface Collected {
  files: PickedFile[];
  skipped: SkippedFile[];
}

const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini']);

/**
 * What to do with a file at `path` of `size` bytes: 'read', 'silent' (skip without a word), or
 * the reason it is skipped (Vietnamese).
 */
export function classifyPath(path: string, size: number): 'read' | 'silent' | { reason: string } {
  const parts = path.split(/[\\/]/).filter((p) => p !== '');
  const name = parts[parts.length - 1] ?? '';
  if (parts.some((p) => p.startsWith('.')) || name.startsWith('~$') || SYSTEM_FILES.has(name.toLowerCase())) return 'silent';
  const lower = name.toLowerCase();
  if (lower.endsWith('.xls')) return { reason: 'bỏ qua: tệp Excel cũ (.xls), hãy mở bằng Excel rồi lưu lại dạng .xlsx' };
  if (!lower.endsWith('.xlsx')) return { reason: 'bỏ qua: không phải tệp .xlsx' };
  if (size > MAX_OPEN_FILE_BYTES) return { reason: `bỏ qua: tệp lớn hơn ${MAX_OPEN_FILE_BYTES / (1024 * 1024)} MB` };
  return 'read';
}

const byPath = (a: { path: string }, b: { path: string }): number => a.path.localeCompare(b.path, 'vi', { numeric: true });

/** Reads the files to read (in path order) and lists the skipped ones. */
export async function collect(found: readonly { path: string; file: File }[]): Promise<Collected> {
  const files: PickedFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const { path, file } of [...found].sort(byPath)) {
    const what = classifyPath(path, file.size);
    if (what === 'silent') continue;
    if (what !== 'read') {
      skipped.push({ path, reason: what.reason });
      continue;
    }
    try {
      files.push({ name: file.name, path, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch {
      skipped.push({ path, reason: 'bỏ qua: không đọc được tệp (tệp đang bị khóa hoặc đã bị xóa)' });
    }
  }
  return { files, skipped };
}

/** Files of an <input type=file> (a folder choice gives each one's webkitRelativePath). */
export function fromFileList(list: FileList | readonly File[]): { path: string; file: File }[] {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/**
 * The entries of a drop. MUST be called synchronously in the drop handler: the items are
 * emptied once the event returns. Null when the browser gives no entries (then use files).
 */
export function dropEntries(dt: DataTransfer): FileSystemEntry[] | null {
  const items = Array.from(dt.items).filter((i) => i.kind === 'file');
  if (items.length === 0 || typeof items[0]!.webkitGetAsEntry !== 'function') return null;
  const entries = items.map((i) => i.webkitGetAsEntry());
  // A drop made by a page script (or an item the browser cannot map) has no entries: use its files.
  return entries.every((e) => e !== null) ? (entries as FileSystemEntry[]) : null;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function childrenOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

/** Every file under the dropped entries, folders walked recursively; hidden folders are not entered. */
export async function filesOfEntries(entries: readonly FileSystemEntry[]): Promise<{ path: string; file: File }[]> {
  const out: { path: string; file: File }[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isFile) out.push({ path, file: await fileOf(entry as FileSystemFileEntry) });
    else if (entry.isDirectory && !entry.name.startsWith('.')) {
      for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await walk(child, path);
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}
