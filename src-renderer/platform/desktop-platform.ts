/** The Platform over the preload's typed contract (`window.sokh`). */
import { MAX_OPEN_FILE_BYTES, type DesktopApi } from '@contract';
import { PlatformError, rejectedMessage, type FileFilter, type Platform } from './platform';

/** File names the shell accepts: no folders, no characters Windows forbids. */
function safeName(name: string): string {
  const printable = Array.from(name, (ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
  const cleaned = printable.replace(/[\\/:*?"<>|]+/g, '_').trim();
  return cleaned.length > 0 ? cleaned.slice(0, 200) : 'tep';
}

export function createDesktopPlatform(api: DesktopApi): Platform {
  return {
    kind: 'desktop',
    async saveFile(name: string, bytes: Uint8Array, filters?: FileFilter[]) {
      // The contract wants bytes on a plain ArrayBuffer (structured clone over IPC).
      const plain = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
      const result = await api.saveFile({ suggestedName: safeName(name), bytes: plain, ...(filters ? { filters } : {}) });
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
      write: (input) => {
        const plain = input.bytes.buffer instanceof ArrayBuffer ? (input.bytes as Uint8Array<ArrayBuffer>) : input.bytes.slice();
        return api.writeAutoBackup({ ...input, bytes: plain });
      },
      list: () => api.listAutoBackups(),
      readLatest: () => api.readLatestAutoBackup(),
      copyLatest: () => api.copyLatestAutoBackup(),
      onCloseRequest: (listener) => api.onBackupRequest(listener),
      done: () => api.quitBackupDone(),
    },
  };
}
