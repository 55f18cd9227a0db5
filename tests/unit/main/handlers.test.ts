import { promises as fsp, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electron));

import { MAX_BACKUP_FILE_BYTES, MAX_OPEN_FILE_BYTES, MAX_OPEN_FILES } from '@contract';
import { getDataFolder, getVersion } from '../../../src-main/handlers/app-info';
import { openFiles, saveFile } from '../../../src-main/handlers/files';
import { electron, FakeBrowserWindow, resetElectronMock } from './electron-mock';

let dir: string;
let ctx: { window: never };

beforeEach(() => {
  resetElectronMock();
  vi.restoreAllMocks();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  dir = mkdtempSync(join(tmpdir(), 'sokh-handlers-'));
  ctx = { window: new FakeBrowserWindow() as never };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('app handlers', () => {
  it('returns the app version and the data folder', async () => {
    electron.app.getVersion.mockReturnValue('1.2.3');
    await expect(getVersion(undefined, ctx)).resolves.toBe('1.2.3');
    await expect(getDataFolder(undefined, ctx)).resolves.toBe('/fake/userData');
    expect(electron.app.getPath).toHaveBeenCalledWith('userData');
  });
});

describe('file:save', () => {
  const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0xff]);

  it('returns null and writes nothing when the officer cancels', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const write = vi.spyOn(fsp, 'writeFile');
    await expect(saveFile({ suggestedName: 'bao-cao.xlsx', bytes }, ctx)).resolves.toBeNull();
    expect(write).not.toHaveBeenCalled();
  });

  it('writes the bytes to the chosen path and returns it', async () => {
    const target = join(dir, 'Báo cáo quý 1.xlsx');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const filters = [{ name: 'Sổ Excel', extensions: ['xlsx'] }];
    await expect(saveFile({ suggestedName: 'bao-cao.xlsx', bytes, filters }, ctx)).resolves.toEqual({ path: target });
    expect(new Uint8Array(await fsp.readFile(target))).toEqual(bytes);

    const [parent, options] = electron.dialog.showSaveDialog.mock.calls[0]!;
    expect(parent).toBe(ctx.window);
    expect(options.defaultPath).toBe(join('/fake/documents', 'bao-cao.xlsx'));
    expect(options.filters).toEqual(filters);
  });
});

describe('file:open', () => {
  function choose(paths: string[]) {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: paths });
  }

  it('returns empty lists when cancelled', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(openFiles({}, ctx)).resolves.toEqual({ files: [], rejected: [] });
  });

  it('asks for one file, or several with multiSelections, with the filters', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await openFiles({}, ctx);
    const filters = [{ name: 'Excel', extensions: ['xlsx', 'xls'] }];
    await openFiles({ multiple: true, filters }, ctx);
    const calls = electron.dialog.showOpenDialog.mock.calls as unknown as [[unknown, OpenDialogOptions], [unknown, OpenDialogOptions]];
    const [[parent1, single], [, multi]] = calls;
    expect(parent1).toBe(ctx.window);
    expect(single.properties).toEqual(['openFile']);
    expect(multi.properties).toEqual(['openFile', 'multiSelections']);
    expect(multi.filters).toEqual(filters);
  });

  it('reads several files as plain Uint8Arrays', async () => {
    const a = join(dir, 'Đơn vị A.xlsx');
    const b = join(dir, 'b.xlsx');
    writeFileSync(a, Buffer.from([1, 2, 3]));
    writeFileSync(b, Buffer.from('xin chào', 'utf8'));
    choose([a, b]);
    const result = await openFiles({ multiple: true }, ctx);
    expect(result.rejected).toEqual([]);
    expect(result.files.map((f) => f.name)).toEqual(['Đơn vị A.xlsx', 'b.xlsx']);
    expect(result.files[0]!.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(Object.getPrototypeOf(result.files[0]!.bytes)).toBe(Uint8Array.prototype);
    expect(new TextDecoder().decode(result.files[1]!.bytes)).toBe('xin chào');
  });

  it('rejects a file that is too large without reading it', async () => {
    const big = join(dir, 'qua-lon.xlsx');
    const small = join(dir, 'nho.xlsx');
    writeFileSync(big, 'x');
    writeFileSync(small, 'y');
    const realStat = fsp.stat.bind(fsp);
    vi.spyOn(fsp, 'stat').mockImplementation((async (path: string) => {
      const stat = await realStat(path);
      if (path === big) Object.defineProperty(stat, 'size', { value: MAX_OPEN_FILE_BYTES + 1 });
      return stat;
    }) as never);
    const read = vi.spyOn(fsp, 'readFile');
    choose([big, small]);
    const result = await openFiles({ multiple: true }, ctx);
    expect(result.rejected).toEqual([{ name: 'qua-lon.xlsx', reason: 'too-large' }]);
    expect(result.files.map((f) => f.name)).toEqual(['nho.xlsx']);
    expect(read.mock.calls.map((c) => c[0])).toEqual([small]);
  });

  it('accepts a file of exactly the limit (checked by size, not read here)', async () => {
    const edge = join(dir, 'vua.xlsx');
    writeFileSync(edge, 'z');
    const realStat = fsp.stat.bind(fsp);
    vi.spyOn(fsp, 'stat').mockImplementation((async (path: string) => {
      const stat = await realStat(path);
      Object.defineProperty(stat, 'size', { value: MAX_OPEN_FILE_BYTES });
      return stat;
    }) as never);
    choose([edge]);
    expect((await openFiles({}, ctx)).files).toHaveLength(1);
  });

  it('respects maxBytes: a backup above 50 MB opens for restore, one above maxBytes is refused unread', async () => {
    const backup = join(dir, 'SoKeHoach.json');
    const huge = join(dir, 'qua-lon.json');
    writeFileSync(backup, '{}');
    writeFileSync(huge, '{}');
    const realStat = fsp.stat.bind(fsp);
    vi.spyOn(fsp, 'stat').mockImplementation((async (path: string) => {
      const stat = await realStat(path);
      Object.defineProperty(stat, 'size', { value: path === huge ? MAX_BACKUP_FILE_BYTES + 1 : MAX_OPEN_FILE_BYTES + 1 });
      return stat;
    }) as never);
    const read = vi.spyOn(fsp, 'readFile');

    choose([backup]);
    expect(await openFiles({}, ctx)).toEqual({ files: [], rejected: [{ name: 'SoKeHoach.json', reason: 'too-large' }] });
    choose([backup, huge]);
    const result = await openFiles({ multiple: true, maxBytes: MAX_BACKUP_FILE_BYTES }, ctx);
    expect(result.files.map((f) => f.name)).toEqual(['SoKeHoach.json']);
    expect(result.rejected).toEqual([{ name: 'qua-lon.json', reason: 'too-large' }]);
    expect(read.mock.calls.map((c) => c[0])).toEqual([backup]);

    // A smaller maxBytes is honoured too.
    choose([backup]);
    expect((await openFiles({ maxBytes: 1024 }, ctx)).rejected).toEqual([{ name: 'SoKeHoach.json', reason: 'too-large' }]);
  });

  it('reports missing, unreadable and non-regular files as unreadable', async () => {
    const ok = join(dir, 'ok.xlsx');
    writeFileSync(ok, 'ok');
    const locked = join(dir, 'khoa.xlsx');
    writeFileSync(locked, 'secret');
    chmodSync(locked, 0o000);
    const realRead = fsp.readFile.bind(fsp);
    // Running as root ignores file modes, so make the read fail the way a locked file does.
    vi.spyOn(fsp, 'readFile').mockImplementation((async (path: string, ...rest: unknown[]) => {
      if (path === locked) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return realRead(path, ...(rest as []));
    }) as never);
    choose([join(dir, 'da-xoa.xlsx'), locked, dir, ok]);
    const result = await openFiles({ multiple: true }, ctx);
    expect(result.rejected).toEqual([
      { name: 'da-xoa.xlsx', reason: 'unreadable' },
      { name: 'khoa.xlsx', reason: 'unreadable' },
      { name: dir.split(/[\\/]/).pop(), reason: 'unreadable' },
    ]);
    expect(result.files.map((f) => f.name)).toEqual(['ok.xlsx']);
  });

  it(`returns at most ${MAX_OPEN_FILES} files, and only one without multiple`, async () => {
    const paths = Array.from({ length: MAX_OPEN_FILES + 5 }, (_, i) => join(dir, `f${i}.xlsx`));
    for (const p of paths) writeFileSync(p, 'x');
    choose(paths);
    expect((await openFiles({ multiple: true }, ctx)).files).toHaveLength(MAX_OPEN_FILES);
    choose(paths.slice(0, 3));
    expect((await openFiles({}, ctx)).files).toHaveLength(1);
  });
});
