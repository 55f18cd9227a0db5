/** The Platform over the preload's typed contract (`window.sokh`). */
import { MAX_OPEN_FILE_BYTES, type DesktopApi } from '@contract';
import { toWireJob } from '@exchange/workbook-job';
import { PlatformError, rejectedMessage, type FileFilter, type Platform, type WorkbookFiles } from './platform';

/** File names the shell accepts: no folders, no characters Windows forbids. */
function safeName(name: string): string {
  const printable = Array.from(name, (ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
  const cleaned = printable.replace(/[\\/:*?"<>|]+/g, '_').trim();
  return cleaned.length > 0 ? cleaned.slice(0, 200) : 'tep';
}

/** The contract wants bytes on a plain ArrayBuffer (structured clone over IPC). */
function plainBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}

function workbookFiles(api: DesktopApi): WorkbookFiles {
  return {
    async write(job, onProgress, signal) {
      signal.throwIfAborted();
      const exportId = crypto.randomUUID();
      const stop = api.onExportProgress((p) => {
        if (p.exportId === exportId && !signal.aborted) onProgress(p.done, p.total);
      });
      const onAbort = () => void api.cancelExport({ exportId });
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        const result = await api.writeWorkbook({ exportId, job: toWireJob(job) });
        signal.throwIfAborted();
        if (result.status === 'failed') throw new Error(result.message);
        if (result.status === 'cancelled') throw new DOMException('cancelled', 'AbortError');
      } finally {
        stop();
        signal.removeEventListener('abort', onAbort);
      }
      return {
        async save(name, filters) {
          const saved = await api.saveWorkbook({ exportId, suggestedName: safeName(name), ...(filters ? { filters } : {}) });
          return saved ? { saved: true, path: saved.path } : { saved: false };
        },
        discard: () => api.cancelExport({ exportId }),
      };
    },
  };
}

export function createDesktopPlatform(api: DesktopApi): Platform {
  return {
    kind: 'desktop',
    async saveFile(name: string, bytes: Uint8Array, filters?: FileFilter[]) {
      const result = await api.saveFile({ suggestedName: safeName(name), bytes: plainBytes(bytes), ...(filters ? { filters } : {}) });
      return result ? { saved: true, path: result.path } : { saved: false };
    },
    async openFiles(options = {}) {
      const { files, rejected } = await api.openFiles({
        ...(options.multiple !== undefined ? { multiple: options.multiple } : {}),
        ...(options.filters ? { filters: options.filters } : {}),
        ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
      });
      if (rejected.length > 0) throw new PlatformError(rejectedMessage(rejected, options.maxBytes ?? MAX_OPEN_FILE_BYTES));
      return files;
    },
    getVersion: () => api.getVersion(),
    autoBackups: {
      write: (input) => api.writeAutoBackup({ ...input, bytes: plainBytes(input.bytes) }),
      list: () => api.listAutoBackups(),
      readLatest: () => api.readLatestAutoBackup(),
      copyLatest: () => api.copyLatestAutoBackup(),
      onCloseRequest: (listener) => api.onBackupRequest(listener),
      done: () => api.quitBackupDone(),
    },
    workbookFiles: workbookFiles(api),
  };
}
