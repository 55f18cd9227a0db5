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
import type { BACKUP_REQUEST_EVENT, Channel, ChannelOutputs, DESKTOP_API_GLOBAL, DesktopApi } from '@contract';

const GLOBAL_NAME: typeof DESKTOP_API_GLOBAL = 'sokh';
const BACKUP_REQUEST: typeof BACKUP_REQUEST_EVENT = 'backup:requested';

function invoke<C extends Channel>(channel: C, input?: unknown): Promise<ChannelOutputs[C]> {
  return ipcRenderer.invoke(channel, input) as Promise<ChannelOutputs[C]>;
}

const api = {
  getVersion: () => invoke('app:getVersion'),
  getDataFolder: () => invoke('app:getDataFolder'),
  saveFile: (input) => invoke('file:save', input),
  openFiles: (input) => invoke('file:open', input),
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
} satisfies DesktopApi;

contextBridge.exposeInMainWorld(GLOBAL_NAME, api);
