import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electron));

import { channels, MAX_BACKUP_FILE_BYTES, MAX_OPEN_FILE_BYTES, type Channel } from '@contract';
import { createAppPages } from '../../../src-main/app-pages';
import { handlers as realHandlers } from '../../../src-main/handlers';
import { FOREIGN_SENDER_MESSAGE, registerIpcHandlers, type Handlers } from '../../../src-main/ipc';
import { electron, FakeBrowserWindow, FakeWebFrame, resetElectronMock } from './electron-mock';

const indexPath = join(resolve('/opt/sokh/out/renderer'), 'index.html');
const indexUrl = pathToFileURL(indexPath).href;

function setup(devOrigin: string | null = null) {
  const handlers = {
    'app:getVersion': vi.fn(async () => '9.9.9'),
    'app:getDataFolder': vi.fn(async () => '/data'),
    'file:save': vi.fn(async () => ({ path: '/x.xlsx' })),
    'file:open': vi.fn(async () => ({ files: [], rejected: [] })),
    'export:write': vi.fn(async () => ({ status: 'written' as const })),
    'export:save': vi.fn(async () => ({ path: '/x.xlsx' })),
    'export:cancel': vi.fn(async () => undefined),
    'backup:writeAuto': vi.fn(async () => ({ folder: '/data/backups', files: [] })),
    'backup:list': vi.fn(async () => ({ folder: '/data/backups', files: [] })),
    'backup:readLatest': vi.fn(async () => ({ latest: null, skipped: [] })),
    'backup:copyLatestTo': vi.fn(async () => ({ status: 'none' as const })),
    'backup:quitDone': vi.fn(async () => undefined),
  } satisfies Handlers;
  const win = new FakeBrowserWindow();
  win.webContents.mainFrame.url = indexUrl;
  const ours = new Set([win]);
  registerIpcHandlers(electron.ipcMain as never, handlers, {
    pages: createAppPages(indexPath, devOrigin),
    windowOf: (event) => {
      const found = FakeBrowserWindow.fromWebContents(event.sender as never);
      return found && ours.has(found) ? (found as never) : null;
    },
  });
  const call = (channel: Channel, raw: unknown, event = eventFrom(win)) =>
    electron.ipcMain.handlers.get(channel)!(event, raw) as Promise<unknown>;
  return { handlers, win, call };
}

function eventFrom(win: FakeBrowserWindow, frame: FakeWebFrame | null = win.webContents.mainFrame) {
  return { sender: win.webContents, senderFrame: frame };
}

beforeEach(() => {
  resetElectronMock();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels, once each', () => {
    setup();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(channels.length);
  });

  it('has a real handler for every channel', () => {
    expect(Object.keys(realHandlers).sort()).toEqual([...channels].sort());
  });

  it('accepts valid input from our page and passes the parsed input and window', async () => {
    const { call, handlers, win } = setup();
    await expect(call('app:getVersion', undefined)).resolves.toBe('9.9.9');
    const bytes = new Uint8Array([1, 2, 3]);
    await expect(call('file:save', { suggestedName: 'bao-cao.xlsx', bytes })).resolves.toEqual({ path: '/x.xlsx' });
    expect(handlers['file:save']).toHaveBeenCalledWith({ suggestedName: 'bao-cao.xlsx', bytes }, { window: win });
    await call('file:open', { multiple: true, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    expect(handlers['file:open']).toHaveBeenCalledTimes(1);
    await call('file:open', { maxBytes: MAX_BACKUP_FILE_BYTES });
    expect(handlers['file:open']).toHaveBeenLastCalledWith({ maxBytes: MAX_BACKUP_FILE_BYTES }, { window: win });
  });

  it('lets file:save carry a backup above the 50 MB workbook limit, up to the backup limit', async () => {
    const { call, handlers } = setup();
    /** A small array that reports `size` bytes: the schema checks byteLength only. */
    const sized = (size: number) => Object.defineProperty(new Uint8Array(1), 'byteLength', { value: size });
    await expect(call('file:save', { suggestedName: 'SoKeHoach.json', bytes: sized(MAX_OPEN_FILE_BYTES + 1) })).resolves.toEqual({
      path: '/x.xlsx',
    });
    await expect(call('file:save', { suggestedName: 'SoKeHoach.json', bytes: sized(MAX_BACKUP_FILE_BYTES) })).resolves.toEqual({
      path: '/x.xlsx',
    });
    await expect(call('file:save', { suggestedName: 'SoKeHoach.json', bytes: sized(MAX_BACKUP_FILE_BYTES + 1) })).rejects.toThrow(
      /nội dung tệp \(bytes\) không hợp lệ/,
    );
    expect(handlers['file:save']).toHaveBeenCalledTimes(2);
  });

  it('accepts our page with a hash route', async () => {
    const { call, win } = setup();
    win.webContents.mainFrame.url = `${indexUrl}#/bao-cao`;
    await expect(call('app:getVersion', undefined)).resolves.toBe('9.9.9');
  });

  it('rejects a foreign sender URL', async () => {
    const { call, handlers, win } = setup();
    for (const url of ['https://example.com/', pathToFileURL('/tmp/evil.html').href, 'http://localhost:5173/', 'about:blank']) {
      win.webContents.mainFrame.url = url;
      await expect(call('app:getVersion', undefined)).rejects.toThrow(FOREIGN_SENDER_MESSAGE);
    }
    expect(handlers['app:getVersion']).not.toHaveBeenCalled();
  });

  it('accepts the dev server only when it is the allowed dev origin', async () => {
    const { call, win } = setup('http://localhost:5173');
    win.webContents.mainFrame.url = 'http://localhost:5173/';
    await expect(call('app:getVersion', undefined)).resolves.toBe('9.9.9');
    win.webContents.mainFrame.url = 'http://localhost:5174/';
    await expect(call('app:getVersion', undefined)).rejects.toThrow(FOREIGN_SENDER_MESSAGE);
  });

  it('rejects a subframe, even one showing our page', async () => {
    const { call, handlers, win } = setup();
    const sub = new FakeWebFrame(indexUrl, 1, 7);
    sub.parent = win.webContents.mainFrame;
    await expect(call('file:open', {}, eventFrom(win, sub))).rejects.toThrow(FOREIGN_SENDER_MESSAGE);
    // A frame that claims no parent but is not the main frame (e.g. another process).
    const orphan = new FakeWebFrame(indexUrl, 2, 1);
    await expect(call('file:open', {}, eventFrom(win, orphan))).rejects.toThrow(FOREIGN_SENDER_MESSAGE);
    expect(handlers['file:open']).not.toHaveBeenCalled();
  });

  it('rejects a missing sender frame and a window that is not ours', async () => {
    const { call, win } = setup();
    await expect(call('app:getVersion', undefined, eventFrom(win, null))).rejects.toThrow(FOREIGN_SENDER_MESSAGE);
    const stranger = new FakeBrowserWindow();
    stranger.webContents.mainFrame.url = indexUrl;
    await expect(call('app:getVersion', undefined, eventFrom(stranger))).rejects.toThrow(FOREIGN_SENDER_MESSAGE);
  });

  it('rejects invalid input with a Vietnamese message naming the field', async () => {
    const { call, handlers } = setup();
    await expect(call('file:save', { suggestedName: '../../etc/passwd', bytes: new Uint8Array(1) })).rejects.toThrow(
      /không hợp lệ: tên tệp gợi ý \(suggestedName\)/,
    );
    await expect(call('file:save', { suggestedName: 'a.xlsx' })).rejects.toThrow(/nội dung tệp \(bytes\) bị thiếu/);
    await expect(call('file:save', { suggestedName: 'a.xlsx', bytes: 'AAAA' })).rejects.toThrow(
      /nội dung tệp \(bytes\) không hợp lệ/,
    );
    await expect(call('file:open', { multiple: 'yes' })).rejects.toThrow(/chọn nhiều tệp \(multiple\) sai kiểu dữ liệu/);
    await expect(call('file:open', { multiple: true, path: '/etc' })).rejects.toThrow(/trường không được phép: path/);
    await expect(call('file:open', { filters: [{ name: 'X', extensions: ['../x'] }] })).rejects.toThrow(
      /bộ lọc loại tệp \(filters\) › \[0\] › phần mở rộng \(extensions\) › \[0\]/,
    );
    for (const maxBytes of [0, -1, 1.5, '1024', MAX_BACKUP_FILE_BYTES + 1]) {
      await expect(call('file:open', { maxBytes }), String(maxBytes)).rejects.toThrow(/kích thước tệp tối đa \(maxBytes\)/);
    }
    await expect(call('app:getVersion', { evil: true })).rejects.toThrow(/Dữ liệu gửi tới "app:getVersion" không hợp lệ/);
    await expect(call('file:open', null)).rejects.toThrow(/dữ liệu gửi lên/);
    expect(handlers['file:save']).not.toHaveBeenCalled();
    expect(handlers['file:open']).not.toHaveBeenCalled();
  });
});
