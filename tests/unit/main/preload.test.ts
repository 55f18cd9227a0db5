import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electron));

import { DESKTOP_API_GLOBAL, EXPORT_PROGRESS_EVENT, type ChannelInput, type DesktopApi } from '@contract';
import { electron, resetElectronMock } from './electron-mock';

// Keys of DesktopApi, checked both ways at compile time.
const API_METHODS = [
  'getVersion',
  'getDataFolder',
  'saveFile',
  'openFiles',
  'writeWorkbook',
  'saveWorkbook',
  'cancelExport',
  'onExportProgress',
  'writeAutoBackup',
  'listAutoBackups',
  'readLatestAutoBackup',
  'copyLatestAutoBackup',
  'quitBackupDone',
  'onBackupRequest',
] as const satisfies readonly (keyof DesktopApi)[];
type Missing = Exclude<keyof DesktopApi, (typeof API_METHODS)[number]>;
const allListed: Missing extends never ? true : false = true;

async function loadPreload() {
  vi.resetModules();
  await import('../../../src-main/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  return electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
}

beforeEach(() => resetElectronMock());

describe('preload', () => {
  it(`exposes exactly window.${DESKTOP_API_GLOBAL} with the DesktopApi methods`, async () => {
    expect(allListed).toBe(true);
    const [name, api] = await loadPreload();
    expect(name).toBe(DESKTOP_API_GLOBAL);
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    for (const key of API_METHODS) expect(typeof api[key]).toBe('function');
  });

  it('does not leak ipcRenderer or a generic invoke', async () => {
    const [, api] = await loadPreload();
    for (const value of Object.values(api)) expect(value).not.toBe(electron.ipcRenderer);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('on');
  });

  it('maps each method to its channel', async () => {
    const [, raw] = await loadPreload();
    const api = raw as unknown as DesktopApi;
    const bytes = new Uint8Array([1]);
    await api.getVersion();
    await api.getDataFolder();
    await api.saveFile({ suggestedName: 'a.xlsx', bytes });
    await api.openFiles({ multiple: true });
    const exportId = '0b7f2c3e-5d1a-4c8e-9f00-123456789abc';
    const job = { type: 'unit-report', report: {} } as unknown as ChannelInput<'export:write'>['job'];
    await api.writeWorkbook({ exportId, job });
    await api.saveWorkbook({ exportId, suggestedName: 'a.xlsx' });
    await api.cancelExport({ exportId });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['app:getVersion', undefined],
      ['app:getDataFolder', undefined],
      ['file:save', { suggestedName: 'a.xlsx', bytes }],
      ['file:open', { multiple: true }],
      ['export:write', { exportId, job }],
      ['export:save', { exportId, suggestedName: 'a.xlsx' }],
      ['export:cancel', { exportId }],
    ]);
  });

  it('passes export progress on as three plain values, and stops when unsubscribed', async () => {
    const [, raw] = await loadPreload();
    const api = raw as unknown as DesktopApi;
    const seen: unknown[] = [];
    const stop = api.onExportProgress((p) => seen.push(p));
    const [channel, handler] = electron.ipcRenderer.on.mock.calls.at(-1)!;
    expect(channel).toBe(EXPORT_PROGRESS_EVENT);
    const event = { sender: 'the IPC event, never for the page' };
    handler(event, { exportId: 'x', done: 1000, total: 2000, extra: 'dropped' });
    expect(seen).toEqual([{ exportId: 'x', done: 1000, total: 2000 }]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(EXPORT_PROGRESS_EVENT, handler);
  });
});
