/**
 * The desktop Platform's workbook files (platform/desktop-platform.ts) over a fake preload API:
 * what the export hook relies on when the shell writes the workbook.
 */
import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi, ExportProgress } from '@contract';
import { toWireJob, type StreamedWorkbookJob } from '@exchange/workbook-job';
import { createDesktopPlatform } from '@platform/desktop-platform';
import { sampleReport } from '../support/exchange-writer-fixtures';

function fakeApi(write: (exportId: string, emit: (p: Omit<ExportProgress, 'exportId'>, id?: string) => void) => Promise<Awaited<ReturnType<DesktopApi['writeWorkbook']>>>) {
  let listener: ((p: ExportProgress) => void) | null = null;
  const api = {
    writeWorkbook: vi.fn(({ exportId }: { exportId: string }) => write(exportId, (p, id) => listener?.({ exportId: id ?? exportId, ...p }))),
    saveWorkbook: vi.fn(async () => ({ path: '/home/can-bo/Documents/BaoCao.xlsx' })),
    cancelExport: vi.fn(async () => undefined),
    onExportProgress: vi.fn((l: (p: ExportProgress) => void) => {
      listener = l;
      return () => (listener = null);
    }),
  };
  return { api, files: createDesktopPlatform(api as unknown as DesktopApi).workbookFiles!, listening: () => listener !== null };
}

const job: StreamedWorkbookJob = { type: 'unit-report', report: sampleReport(2) };

describe('desktop workbookFiles', () => {
  it('sends the job, passes on its own progress only, then saves under a safe name', async () => {
    const { api, files, listening } = fakeApi(async (_id, emit) => {
      emit({ done: 1000, total: 2000 });
      emit({ done: 5, total: 5 }, 'ffffffff-ffff-4fff-8fff-ffffffffffff');
      emit({ done: 2000, total: 2000 });
      return { status: 'written' };
    });
    const seen: [number, number][] = [];
    const written = await files.write(job, (d, t) => seen.push([d, t]), new AbortController().signal);
    expect(api.writeWorkbook.mock.calls[0]![0]).toEqual({ exportId: expect.stringMatching(/^[0-9a-f-]{36}$/), job: toWireJob(job) });
    expect(seen).toEqual([
      [1000, 2000],
      [2000, 2000],
    ]);
    expect(listening()).toBe(false);
    await expect(written.save('Báo cáo: quý 1?.xlsx', [{ name: 'Excel', extensions: ['xlsx'] }])).resolves.toEqual({ saved: true, path: '/home/can-bo/Documents/BaoCao.xlsx' });
    const exportId = api.writeWorkbook.mock.calls[0]![0].exportId;
    expect(api.saveWorkbook).toHaveBeenCalledWith({ exportId, suggestedName: 'Báo cáo_ quý 1_.xlsx', filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    api.saveWorkbook.mockResolvedValueOnce(null as never);
    await expect(written.save('x.xlsx')).resolves.toEqual({ saved: false });
  });

  it('a failed write rejects with the shell’s Vietnamese message', async () => {
    const { files } = fakeApi(async () => ({ status: 'failed', message: 'Không đủ bộ nhớ để tạo tệp Excel (x).' }));
    await expect(files.write(job, () => undefined, new AbortController().signal)).rejects.toThrow('Không đủ bộ nhớ để tạo tệp Excel (x).');
  });

  it('abort asks the shell to cancel that export and rejects', async () => {
    const ac = new AbortController();
    const { api, files } = fakeApi(async () => {
      ac.abort();
      return { status: 'cancelled' };
    });
    await expect(files.write(job, () => undefined, ac.signal)).rejects.toThrow();
    expect(api.cancelExport).toHaveBeenCalledWith({ exportId: api.writeWorkbook.mock.calls[0]![0].exportId });
  });
});
