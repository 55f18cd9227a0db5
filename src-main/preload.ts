/**
 * Exposes the typed contract as `window.sokh`, and nothing else: one named method per
 * channel, no generic invoke, no ipcRenderer.
 *
 * Bundled to CommonJS for the sandboxed preload, which may only require('electron'). So this
 * file imports TYPES ONLY from @contract: a value import would pull zod into the bundle.
 * The global's name and the channel names are still checked against the contract at
 * compile time.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BACKUP_REQUEST_EVENT, Channel, ChannelOutputs, DESKTOP_API_GLOBAL, DesktopApi, EXPORT_PROGRESS_EVENT, ExportProgress } from '@contract';

const GLOBAL_NAME: typeof DESKTOP_API_GLOBAL = 'sokh';
const BACKUP_REQUEST: typeof BACKUP_REQUEST_EVENT = 'backup:requested';
const EXPORT_PROGRESS: typeof EXPORT_PROGRESS_EVENT = 'export:progress';

function invoke<C extends Channel>(channel: C, input?: unknown): Promise<ChannelOutputs[C]> {
  return ipcRenderer.invoke(channel, input) as Promise<ChannelOutputs[C]>;
}

const api = {
  getVersion: () => invoke('app:getVersion'),
  getDataFolder: () => invoke('app:getDataFolder'),
  saveFile: (input) => invoke('file:save', input),
  openFiles: (input) => invoke('file:open', input),
  writeWorkbook: (input) => invoke('export:write', input),
  saveWorkbook: (input) => invoke('export:save', input),
  cancelExport: (input) => invoke('export:cancel', input),
  writeAutoBackup: (input) => invoke('backup:writeAuto', input),
  listAutoBackups: () => invoke('backup:list'),
  readLatestAutoBackup: () => invoke('backup:readLatest'),
  copyLatestAutoBackup: () => invoke('backup:copyLatestTo'),
  quitBackupDone: () => invoke('backup:quitDone'),
  // The page gets no event object (it would carry the sender), only the call.
  onBackupRequest: (listener) => {
    const handler = () => listener();
    ipcRenderer.on(BACKUP_REQUEST, handler);
    return () => {
      ipcRenderer.removeListener(BACKUP_REQUEST, handler);
    };
  },
  onExportProgress: (listener) => {
    // Only the three numbers reach the page, copied out of the event.
    const handler = (_event: unknown, p: ExportProgress) => listener({ exportId: String(p.exportId), done: Number(p.done), total: Number(p.total) });
    ipcRenderer.on(EXPORT_PROGRESS, handler);
    return () => {
      ipcRenderer.removeListener(EXPORT_PROGRESS, handler);
    };
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld(GLOBAL_NAME, api);
