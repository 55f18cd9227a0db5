/**
 * The Platform in a plain browser: saving is a download through a temporary <a download>,
 * opening is a hidden <input type=file>. Nothing leaves the machine: blobs stay local.
 */
import { MAX_BACKUP_FILE_BYTES, MAX_OPEN_FILE_BYTES, MAX_OPEN_FILES, type OpenedFile, type RejectedFile } from '@contract';
import { version as packageVersion } from '../../package.json';
import { PlatformError, rejectedMessage, type FileFilter, type OpenFilesOptions, type Platform } from './platform';

function acceptOf(filters: FileFilter[] | undefined): string {
  if (!filters || filters.length === 0) return '';
  return filters.flatMap((f) => f.extensions.map((e) => `.${e.toLowerCase()}`)).join(',');
}

export function downloadBytes(name: string, bytes: Uint8Array): void {
  // Copy into a fresh ArrayBuffer: `bytes` may be a view on a larger or shared buffer.
  const blob = new Blob([bytes.slice()], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download starts asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function chooseFiles(options: OpenFilesOptions): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = options.multiple ?? false;
    const accept = acceptOf(options.filters);
    if (accept) input.accept = accept;
    input.hidden = true;
    let settled = false;
    const finish = (files: File[]) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])));
    // Chromium fires "cancel" when the chooser is dismissed.
    input.addEventListener('cancel', () => finish([]));
    document.body.append(input);
    input.click();
  });
}

async function readFiles(files: File[], maxBytes: number): Promise<OpenedFile[]> {
  const opened: OpenedFile[] = [];
  const rejected: RejectedFile[] = [];
  for (const file of files.slice(0, MAX_OPEN_FILES)) {
    if (file.size > maxBytes) {
      rejected.push({ name: file.name, reason: 'too-large' });
      continue;
    }
    try {
      opened.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch {
      rejected.push({ name: file.name, reason: 'unreadable' });
    }
  }
  if (rejected.length > 0) throw new PlatformError(rejectedMessage(rejected, maxBytes));
  return opened;
}

export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    async saveFile(name: string, bytes: Uint8Array) {
      downloadBytes(name, bytes);
      return { saved: true };
    },
    async openFiles(options = {}) {
      // Same bounds as the desktop contract: default 50 MB, never above the backup limit.
      const maxBytes = Math.min(options.maxBytes ?? MAX_OPEN_FILE_BYTES, MAX_BACKUP_FILE_BYTES);
      return readFiles(await chooseFiles(options), maxBytes);
    },
    getVersion: async () => packageVersion,
  };
}
