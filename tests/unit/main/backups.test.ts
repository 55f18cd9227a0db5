import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electron));

import { BACKUP_REQUEST_EVENT, MAX_BACKUP_FILE_BYTES } from '@contract';
import { createAppPages } from '../../../src-main/app-pages';
import { handlers } from '../../../src-main/handlers';
import {
  copyLatestAutoBackup,
  installBackupOnClose,
  listAutoBackups,
  quitBackupDone,
  readLatestAutoBackup,
  writeAutoBackup,
} from '../../../src-main/handlers/backups';
import { FOREIGN_SENDER_MESSAGE, registerIpcHandlers } from '../../../src-main/ipc';
import { electron, FakeBrowserWindow, FakeWebFrame, resetElectronMock } from './electron-mock';

let userData: string;
let ctx: { window: never };
const bytes = (s: string) => new TextEncoder().encode(s);
/** A small file shaped like our backups (complete JSON, our header first). */
const backupText = (n: number, filler = '') => `{"format":"so-ke-hoach-backup","n":${n},"payload":{"data":"${filler}"}}`;
const backup = (n: number, filler = '') => bytes(backupText(n, filler));

beforeEach(() => {
  resetElectronMock();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  userData = mkdtempSync(join(tmpdir(), 'sokh-backups-'));
  electron.app.getPath.mockImplementation((name: string) => (name === 'userData' ? userData : join(userData, name)));
  ctx = { window: new FakeBrowserWindow() as never };
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

const folder = () => join(userData, 'backups');

/** Writes n backups with increasing modification times. */
async function writeMany(n: number, keep: number) {
  let last;
  for (let i = 1; i <= n; i++) {
    const name = `TuDong_SoKeHoach_2025-06-${String(i).padStart(2, '0')}.json`;
    last = await writeAutoBackup({ fileName: name, bytes: backup(i), keep, reason: 'daily' }, ctx);
    const t = new Date(Date.UTC(2025, 5, i, 12));
    utimesSync(join(folder(), name), t, t);
  }
  return last!;
}

describe('backup:writeAuto', () => {
  it('writes into userData/backups and keeps only the newest N', async () => {
    await writeMany(12, 10);
    const list = await listAutoBackups(undefined, ctx);
    expect(list.folder).toBe(folder());
    expect(list.files).toHaveLength(10);
    expect(list.files[0]!.name).toBe('TuDong_SoKeHoach_2025-06-12.json');
    expect(list.files.at(-1)!.name).toBe('TuDong_SoKeHoach_2025-06-03.json');
    expect(readdirSync(folder()).sort()).toEqual(list.files.map((f) => f.name).sort());
    // A smaller setting prunes on the next write.
    const after = await writeAutoBackup({ fileName: 'TuDong_SoKeHoach_2025-06-13.json', bytes: bytes('{}'), keep: 3, reason: 'quit' }, ctx);
    expect(after.files.map((f) => f.name)).toEqual(['TuDong_SoKeHoach_2025-06-13.json', 'TuDong_SoKeHoach_2025-06-12.json', 'TuDong_SoKeHoach_2025-06-11.json']);
    expect(readdirSync(folder())).toHaveLength(3);
  });

  it("never deletes the backup it just wrote, even when the PC's clock went back (older mtime than the others)", async () => {
    mkdirSync(folder(), { recursive: true });
    for (let i = 1; i <= 3; i++) {
      const name = `TuDong_SoKeHoach_2026-11-${String(i).padStart(2, '0')}.json`;
      writeFileSync(join(folder(), name), '{}');
      const t = new Date(Date.UTC(2099, 10, i, 12)); // written while the clock was right (here: later than now)
      utimesSync(join(folder(), name), t, t);
    }
    for (const keep of [3, 1]) {
      const name = `TuDong_SoKeHoach_2025-01-0${keep}.json`;
      const result = await writeAutoBackup({ fileName: name, bytes: bytes('{"moi":1}'), keep, reason: 'quit' }, ctx);
      expect(readdirSync(folder())).toContain(name);
      expect(readdirSync(folder())).toHaveLength(keep);
      expect(result.files.map((f) => f.name)).toContain(name);
      expect(result.files).toHaveLength(keep);
    }
    expect(readdirSync(folder())).toEqual(['TuDong_SoKeHoach_2025-01-01.json']);
  });

  it('two writers of the same file at once: each writes whole, the last rename wins, no temporary file stays', async () => {
    // Big enough that the two writes overlap on disk (with one shared temporary name they
    // would mix their bytes, and the second rename would find the file gone).
    const big = (n: number) => backup(n, String(n).repeat(8 * 1024 * 1024));
    const name = 'TuDong_SoKeHoach_2025-06-14.json';
    const results = await Promise.allSettled([
      writeAutoBackup({ fileName: name, bytes: big(1), keep: 10, reason: 'daily' }, ctx),
      writeAutoBackup({ fileName: name, bytes: big(2), keep: 10, reason: 'quit' }, ctx),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(readdirSync(folder())).toEqual([name]);
    const text = readFileSync(join(folder(), name), 'utf8');
    expect([backupText(1, '1'.repeat(8 * 1024 * 1024)), backupText(2, '2'.repeat(8 * 1024 * 1024))]).toContain(text);
    const { latest } = await readLatestAutoBackup(undefined, ctx);
    expect(latest?.name).toBe(name);
  });

  it('removes the temporary files a crash left, and only ours', async () => {
    mkdirSync(folder(), { recursive: true });
    const leftovers = ['TuDong_SoKeHoach_2025-06-13.json.tmp', 'TuDong_SoKeHoach_2025-06-13.json.6f1c2d3e-aaaa-4bbb-8ccc-123456789abc.tmp'];
    for (const n of leftovers) writeFileSync(join(folder(), n), '{"format":"so-ke-hoach-backup","payl');
    writeFileSync(join(folder(), 'ghi-chu.tmp'), 'của người dùng');
    await listAutoBackups(undefined, ctx);
    expect(readdirSync(folder()).sort()).toEqual(['ghi-chu.tmp']);
    for (const n of leftovers) writeFileSync(join(folder(), n), 'x');
    await writeAutoBackup({ fileName: 'TuDong_SoKeHoach_2025-06-14.json', bytes: backup(1), keep: 10, reason: 'daily' }, ctx);
    expect(readdirSync(folder()).sort()).toEqual(['TuDong_SoKeHoach_2025-06-14.json', 'ghi-chu.tmp']);
  });

  it('the same name again replaces that file (at most one per day), leaving no temporary file', async () => {
    await writeAutoBackup({ fileName: 'TuDong_SoKeHoach_2025-06-14.json', bytes: bytes('sáng'), keep: 10, reason: 'daily' }, ctx);
    await writeAutoBackup({ fileName: 'TuDong_SoKeHoach_2025-06-14.json', bytes: bytes('chiều'), keep: 10, reason: 'quit' }, ctx);
    expect(readdirSync(folder())).toEqual(['TuDong_SoKeHoach_2025-06-14.json']);
    expect(readFileSync(join(folder(), 'TuDong_SoKeHoach_2025-06-14.json'), 'utf8')).toBe('chiều');
  });

  it('ignores and never deletes other files in the folder', async () => {
    mkdirSync(folder(), { recursive: true });
    writeFileSync(join(folder(), 'ghi-chu.txt'), 'x');
    await writeMany(3, 1);
    expect(readdirSync(folder()).sort()).toEqual(['TuDong_SoKeHoach_2025-06-03.json', 'ghi-chu.txt']);
  });
});

describe('backup:readLatest and backup:list', () => {
  it('returns null and an empty list when there is no backup yet', async () => {
    await expect(readLatestAutoBackup(undefined, ctx)).resolves.toEqual({ latest: null, skipped: [] });
    await expect(listAutoBackups(undefined, ctx)).resolves.toEqual({ folder: folder(), files: [] });
  });

  it('reads the newest backup as a plain Uint8Array', async () => {
    await writeMany(3, 10);
    const { latest, skipped } = await readLatestAutoBackup(undefined, ctx);
    expect(latest?.name).toBe('TuDong_SoKeHoach_2025-06-03.json');
    expect(new TextDecoder().decode(latest!.bytes)).toBe(backupText(3));
    expect(Object.getPrototypeOf(latest!.bytes)).toBe(Uint8Array.prototype);
    expect(skipped).toEqual([]);
  });

  it('skips the newer files that are not complete backups and names them', async () => {
    await writeMany(4, 10);
    const cut = backupText(4).slice(0, 30);
    writeFileSync(join(folder(), 'TuDong_SoKeHoach_2025-06-04.json'), cut);
    // Two writers through one temporary file (what older builds could leave): bytes mixed.
    const mixed = `${backupText(3).slice(0, 40)}${backupText(3)}`;
    writeFileSync(join(folder(), 'TuDong_SoKeHoach_2025-06-03.json'), mixed);
    for (const [i, name] of [[3, 'TuDong_SoKeHoach_2025-06-03.json'], [4, 'TuDong_SoKeHoach_2025-06-04.json']] as const) {
      const t = new Date(Date.UTC(2025, 5, i, 12));
      utimesSync(join(folder(), name), t, t);
    }
    const { latest, skipped } = await readLatestAutoBackup(undefined, ctx);
    expect(latest?.name).toBe('TuDong_SoKeHoach_2025-06-02.json');
    expect(new TextDecoder().decode(latest!.bytes)).toBe(backupText(2));
    expect(skipped.map((f) => f.name)).toEqual(['TuDong_SoKeHoach_2025-06-04.json', 'TuDong_SoKeHoach_2025-06-03.json']);
    // A JSON file that is not one of our backups is passed over too.
    writeFileSync(join(folder(), 'TuDong_SoKeHoach_2025-06-02.json'), '{"n":2}');
    writeFileSync(join(folder(), 'TuDong_SoKeHoach_2025-06-01.json'), '');
    const none = await readLatestAutoBackup(undefined, ctx);
    expect(none.latest).toBeNull();
    expect(none.skipped).toHaveLength(4);
  });
});

describe('backup:copyLatestTo', () => {
  it('says "none" without a dialog when there is no backup', async () => {
    await expect(copyLatestAutoBackup(undefined, ctx)).resolves.toEqual({ status: 'none' });
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('copies the newest backup where the officer chooses (e.g. a USB drive), or nothing when cancelled', async () => {
    await writeMany(2, 10);
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(copyLatestAutoBackup(undefined, ctx)).resolves.toEqual({ status: 'cancelled' });
    const usb = join(userData, 'USB', 'SaoLuu.json');
    mkdirSync(join(userData, 'USB'));
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: usb });
    await expect(copyLatestAutoBackup(undefined, ctx)).resolves.toEqual({ status: 'copied', path: usb });
    expect(readFileSync(usb, 'utf8')).toBe(backupText(2));
    const [, options] = electron.dialog.showSaveDialog.mock.calls[1]!;
    expect(options.defaultPath).toBe(join(userData, 'documents', 'TuDong_SoKeHoach_2025-06-02.json'));
  });
});

describe('through the IPC loop', () => {
  const indexPath = join(resolve('/opt/sokh/out/renderer'), 'index.html');
  function setup() {
    const win = new FakeBrowserWindow();
    win.webContents.mainFrame.url = pathToFileURL(indexPath).href;
    registerIpcHandlers(electron.ipcMain as never, handlers, {
      pages: createAppPages(indexPath, null),
      windowOf: (event) => (FakeBrowserWindow.fromWebContents(event.sender as never) as never) ?? null,
    });
    const call = (channel: string, raw: unknown, frame: FakeWebFrame = win.webContents.mainFrame) =>
      electron.ipcMain.handlers.get(channel)!({ sender: win.webContents, senderFrame: frame }, raw) as Promise<unknown>;
    return { win, call };
  }
  const ok = { fileName: 'TuDong_SoKeHoach_2025-06-14.json', bytes: bytes('{}'), keep: 10, reason: 'daily' };

  it('writes a valid request from our page', async () => {
    const { call } = setup();
    await expect(call('backup:writeAuto', ok)).resolves.toMatchObject({ files: [{ name: ok.fileName }] });
  });

  it('refuses a foreign sender before touching the disk', async () => {
    const { call } = setup();
    await expect(call('backup:writeAuto', ok, new FakeWebFrame('https://example.com/'))).rejects.toThrow(FOREIGN_SENDER_MESSAGE);
    await expect(call('backup:readLatest', undefined, new FakeWebFrame('https://example.com/'))).rejects.toThrow(FOREIGN_SENDER_MESSAGE);
    expect(() => readdirSync(folder())).toThrow();
  });

  it('refuses paths, bad names, bad counts and oversized or empty files', async () => {
    const { call } = setup();
    for (const fileName of ['../evil.json', 'a/b.json', 'C:\\x.json', 'x.exe', '.json', 'tên-có-dấu.json', `${'a'.repeat(101)}.json`]) {
      await expect(call('backup:writeAuto', { ...ok, fileName }), fileName).rejects.toThrow(/không hợp lệ/);
    }
    for (const keep of [0, 101, 2.5, '10']) await expect(call('backup:writeAuto', { ...ok, keep })).rejects.toThrow(/không hợp lệ/);
    await expect(call('backup:writeAuto', { ...ok, bytes: new Uint8Array(0) })).rejects.toThrow(/không hợp lệ/);
    const big = new Uint8Array(new ArrayBuffer(MAX_BACKUP_FILE_BYTES + 1));
    await expect(call('backup:writeAuto', { ...ok, bytes: big })).rejects.toThrow(/không hợp lệ/);
    await expect(call('backup:writeAuto', { ...ok, extra: 1 })).rejects.toThrow(/không hợp lệ/);
    await expect(call('backup:writeAuto', { ...ok, reason: 'other' })).rejects.toThrow(/không hợp lệ/);
    await expect(call('backup:list', { path: '/' })).rejects.toThrow(/không hợp lệ/);
    expect(() => readdirSync(folder())).toThrow();
  });
});

describe('backup on close', () => {
  function closeEvent() {
    return { preventDefault: vi.fn() };
  }

  it('holds the first close, asks the page for its backup, and closes once it answers', async () => {
    const win = new FakeBrowserWindow();
    const send = vi.fn();
    Object.assign(win.webContents, { send });
    const close = vi.spyOn(win, 'close').mockImplementation(() => undefined);
    installBackupOnClose(electron.app as never, win as never, 5_000);
    const first = closeEvent();
    win.emit('close', first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(send).toHaveBeenCalledWith(BACKUP_REQUEST_EVENT);
    // A second close while waiting is held too, and does not ask again.
    const second = closeEvent();
    win.emit('close', second);
    expect(second.preventDefault).toHaveBeenCalled();
    expect(send).toHaveBeenCalledTimes(1);
    await quitBackupDone(undefined, ctx);
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    // The close that follows goes through.
    const third = closeEvent();
    win.emit('close', third);
    expect(third.preventDefault).not.toHaveBeenCalled();
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('quits (not just closes) when the close came from quitting, and gives up waiting after the timeout', async () => {
    vi.useFakeTimers();
    try {
      const win = new FakeBrowserWindow();
      Object.assign(win.webContents, { send: vi.fn() });
      installBackupOnClose(electron.app as never, win as never, 1_000);
      electron.app.emit('before-quit');
      win.emit('close', closeEvent());
      await vi.advanceTimersByTimeAsync(999);
      expect(electron.app.quit).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(2);
      expect(electron.app.quit).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
