/**
 * The desktop app's exports: the main process writes the workbook by streaming into a file of
 * its own (src-main/export/workbook-export.ts), then moves it where the officer chose
 * (src-main/handlers/exports.ts). Real files in a temporary folder; Electron's dialog and page
 * are the mock's.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electron));

import { EXPORT_PROGRESS_EVENT, inputSchemas } from '@contract';
import { toWireJob, type StreamedWorkbookJob, type WireWorkbookJob } from '@exchange/workbook-job';
import { readWorkbook } from '@exchange/reader';
import { writeUnitReport } from '@exchange/writer';
import { writeCompletenessWorkbook } from '@exchange/writer-consolidated';
import { writeWorkbookFile } from '../../../src-main/export/workbook-export';
import { cancelExport, exportsFolder, installExportCleanup, saveWorkbook, writeWorkbook } from '../../../src-main/handlers/exports';
import { sampleConsolidated } from '../../fixtures/workbooks/tools/sample-consolidated';
import { sampleReport } from '../../support/exchange-writer-fixtures';
import { electron, FakeBrowserWindow, resetElectronMock } from './electron-mock';

let dir: string;
let win: FakeBrowserWindow;
let ctx: { window: never };
const ID = '0b7f2c3e-5d1a-4c8e-9f00-123456789abc';

beforeEach(() => {
  resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'sokh-exports-'));
  electron.app.getPath.mockImplementation((name: string) => join(dir, name));
  win = new FakeBrowserWindow();
  ctx = { window: win as never };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cellsOf(bytes: Uint8Array): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ws.getSheetValues());
}

const unitJob = (n = 30): StreamedWorkbookJob => ({ type: 'unit-report', report: sampleReport(n), options: { place: 'Dương Minh Châu' } });
/** The job as the desktop renderer sends it (its activities packed). */
const wireJob = (n = 30): WireWorkbookJob => toWireJob(unitJob(n));
/** A job the contract accepts but the writer cannot write: a date that is not one. */
const unwritableJob = (): WireWorkbookJob =>
  toWireJob({ type: 'unit-report', report: { ...sampleReport(3), activities: sampleReport(3).activities.map((a) => ({ ...a, date: 'ngày 14' })) } });

describe('writeWorkbookFile', () => {
  it('writes the same workbook as the in-memory writer, with progress to the last row', async () => {
    const job = wireJob(2500);
    const file = join(dir, 'a.xlsx');
    const seen: [number, number][] = [];
    await expect(writeWorkbookFile(job, file, { onProgress: (d, t) => seen.push([d, t]) })).resolves.toBe('written');
    const bytes = new Uint8Array(readFileSync(file));
    expect(await cellsOf(bytes)).toEqual(await cellsOf(await writeUnitReport(sampleReport(2500), { place: 'Dương Minh Châu' })));
    const back = await readWorkbook(bytes, { fileName: 'a.xlsx' });
    expect(back.counts.errors).toBe(0);
    expect(back.report?.activities.map((a) => a.title)).toEqual(sampleReport(2500).activities.map((a) => a.title));
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
  });

  it('writes the consolidated report and the completeness list too', async () => {
    await expect(writeWorkbookFile(toWireJob({ type: 'consolidated', report: sampleConsolidated() }), join(dir, 'c.xlsx'))).resolves.toBe('written');
    expect((await readWorkbook(new Uint8Array(readFileSync(join(dir, 'c.xlsx'))), { fileName: 'c.xlsx' })).report?.kind).toBe('consolidated');
    await expect(writeWorkbookFile(toWireJob({ type: 'completeness', report: sampleConsolidated() }), join(dir, 'n.xlsx'))).resolves.toBe('written');
    expect(await cellsOf(new Uint8Array(readFileSync(join(dir, 'n.xlsx'))))).toEqual(await cellsOf(await writeCompletenessWorkbook(sampleConsolidated())));
  });

  it('cancelled part-way: resolves "cancelled" and leaves no file', async () => {
    const file = join(dir, 'b.xlsx');
    const ac = new AbortController();
    const outcome = writeWorkbookFile(wireJob(5000), file, { signal: ac.signal, onProgress: (done) => done >= 2000 && ac.abort() });
    await expect(outcome).resolves.toBe('cancelled');
    expect(existsSync(file)).toBe(false);
  });

  it('a write that fails rejects with the officer’s sentence and leaves no file', async () => {
    const file = join(dir, 'c.xlsx');
    await expect(writeWorkbookFile(unwritableJob(), file)).rejects.toThrow(/^Không tạo được tệp Excel \(.+\)\. Hãy bấm xuất lại/);
    expect(existsSync(file)).toBe(false);
    await expect(writeWorkbookFile(wireJob(), join(dir, 'no-such-folder', 'x.xlsx'))).rejects.toThrow(/^Không tạo được tệp Excel/);
  });
});

describe('the export:write input check', () => {
  it('takes a job as it is (no copy of its records) and refuses what is not one', () => {
    const job = wireJob(3);
    const parsed = inputSchemas['export:write'].parse({ exportId: ID, job });
    expect(parsed.job).toBe(job);
    for (const bad of [
      { type: 'unit-report', report: { ...sampleReport(1), activities: 'x' } },
      // Activities as objects: the renderer packs them (toWireJob).
      unitJob(1),
      { type: 'consolidated', report: wireJob(1).report },
      { type: 'other', report: wireJob(1).report },
      { ...wireJob(1), options: { documentDate: '14/06/2025' } },
      // The template stays with the in-memory writer (see StreamedWorkbookJob).
      { type: 'template', input: { unit: sampleReport(0).unit, plan: sampleReport(0).plan, items: [], indicators: [], exportedAt: '2025-06-14T02:00:00.000Z', appVersion: '0.1.0' } },
    ]) {
      expect(inputSchemas['export:write'].safeParse({ exportId: ID, job: bad }).success).toBe(false);
    }
    expect(inputSchemas['export:write'].safeParse({ exportId: 'abc', job }).success).toBe(false);
  });
});

describe('export:write → export:save', () => {
  it('writes into its own folder with progress to the page, then moves the file where the officer chose', async () => {
    await expect(writeWorkbook({ exportId: ID, job: wireJob(1500) }, ctx)).resolves.toEqual({ status: 'written' });
    const progress = win.webContents.send.mock.calls.filter((c) => c[0] === EXPORT_PROGRESS_EVENT).map((c) => c[1] as { exportId: string; done: number; total: number });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p) => p.exportId === ID)).toBe(true);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(readdirSync(exportsFolder())).toEqual([`${ID}.xlsx`]);

    const target = join(dir, 'Báo cáo đơn vị.xlsx');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const filters = [{ name: 'Excel', extensions: ['xlsx'] }];
    await expect(saveWorkbook({ exportId: ID, suggestedName: 'BaoCao.xlsx', filters }, ctx)).resolves.toEqual({ path: target });
    expect((await readWorkbook(new Uint8Array(readFileSync(target)), { fileName: 'x.xlsx' })).report?.activities).toHaveLength(1500);
    expect(readdirSync(exportsFolder())).toEqual([]);
    const [parent, options] = electron.dialog.showSaveDialog.mock.calls[0]!;
    expect(parent).toBe(win);
    expect(options.defaultPath).toBe(join(dir, 'documents', 'BaoCao.xlsx'));
    expect(options.filters).toEqual(filters);
    // Saved once: the same id has nothing left to save.
    await expect(saveWorkbook({ exportId: ID, suggestedName: 'BaoCao.xlsx' }, ctx)).rejects.toThrow('Không còn tệp Excel vừa tạo. Hãy bấm xuất lại.');
  });

  it('the officer cancels the save dialog: nothing saved, the written file dropped', async () => {
    await writeWorkbook({ exportId: ID, job: wireJob() }, ctx);
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(saveWorkbook({ exportId: ID, suggestedName: 'BaoCao.xlsx' }, ctx)).resolves.toBeNull();
    expect(readdirSync(exportsFolder())).toEqual([]);
  });

  it('export:cancel stops the writing (no file left), or drops a written file; another window cannot', async () => {
    win.webContents.send.mockImplementation((_channel: string, p: unknown) => {
      if ((p as { done: number }).done >= 2000) void cancelExport({ exportId: ID }, ctx);
    });
    await expect(writeWorkbook({ exportId: ID, job: wireJob(6000) }, ctx)).resolves.toEqual({ status: 'cancelled' });
    expect(readdirSync(exportsFolder())).toEqual([]);

    win.webContents.send.mockImplementation(() => undefined);
    await writeWorkbook({ exportId: ID, job: wireJob() }, ctx);
    await cancelExport({ exportId: ID }, { window: new FakeBrowserWindow() as never });
    expect(readdirSync(exportsFolder())).toEqual([`${ID}.xlsx`]);
    await cancelExport({ exportId: ID }, ctx);
    expect(readdirSync(exportsFolder())).toEqual([]);
    await expect(saveWorkbook({ exportId: ID, suggestedName: 'x.xlsx' }, ctx)).rejects.toThrow('Không còn tệp Excel vừa tạo');
  });

  it('a failed write answers with the officer’s sentence; what a crash left is removed on first use, the rest at quit', async () => {
    mkdirSync(exportsFolder(), { recursive: true });
    writeFileSync(join(exportsFolder(), 'left-by-a-crash.xlsx'), 'x');
    const result = await writeWorkbook({ exportId: ID, job: unwritableJob() }, ctx);
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.message).toMatch(/^Không tạo được tệp Excel/);
    expect(readdirSync(exportsFolder())).toEqual([]);

    installExportCleanup(electron.app as never);
    await writeWorkbook({ exportId: ID, job: wireJob() }, ctx);
    electron.app.emit('will-quit');
    expect(existsSync(exportsFolder())).toBe(false);
  });
});
