/**
 * Writes an exported workbook in a worker thread of the main process (workbook-export.worker.ts),
 * streaming into `file`: `runWorkbookExport(job, file, { onProgress, signal, workerPath })`
 * resolves 'written' once the file is complete and closed, 'cancelled' when `signal` aborted it
 * (no file left), and rejects with an Error carrying the officer's Vietnamese message otherwise.
 *
 * No Electron here: the IPC handlers (handlers/exports.ts) call it, and so does the benchmark,
 * which measures the export the way the desktop app performs it.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WriteOutcome } from './write-workbook-file';

export type ExportWorkerRequest = { type: 'write'; job: Uint8Array; file: string } | { type: 'cancel' };

export type ExportWorkerResponse = { type: 'progress'; done: number; total: number } | WriteOutcome;

/** Where the built worker lies: beside the main process's bundle (electron.vite.config.ts). */
function defaultWorkerPath(): string {
  return join(__dirname, 'workbook-export.worker.js');
}

/** How long a cancelled worker may take to remove its file before it is stopped outright. */
const CANCEL_GRACE_MS = 5000;

export interface ExportRun {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  workerPath?: string;
}

export function runWorkbookExport(job: Uint8Array, file: string, run: ExportRun = {}): Promise<'written' | 'cancelled'> {
  const { signal } = run;
  if (signal?.aborted) return Promise.resolve('cancelled');
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(run.workerPath ?? defaultWorkerPath(), { name: 'xuat-tep-excel' });
    } catch (error) {
      reject(new Error(`Không khởi động được bộ tạo tệp Excel (${String(error)}). Hãy khởi động lại ứng dụng rồi thử lại.`));
      return;
    }
    let settled = false;
    let grace: ReturnType<typeof setTimeout> | undefined;
    type Outcome = { written: boolean } | { error: string };
    /** Once: stops the worker, removes the file unless it was written, then settles. */
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      signal?.removeEventListener('abort', onAbort);
      const keep = 'written' in outcome && outcome.written;
      void worker
        .terminate()
        .then(() => (keep ? undefined : fsp.rm(file, { force: true })))
        .catch(() => undefined)
        .then(() => ('error' in outcome ? reject(new Error(outcome.error)) : resolve(keep ? 'written' : 'cancelled')));
    };
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' } satisfies ExportWorkerRequest);
      // The worker stops within a thousand rows and removes its file; one stuck in the zip's
      // last step is stopped outright.
      grace = setTimeout(() => finish({ written: false }), CANCEL_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: ExportWorkerResponse) => {
      if (settled) return;
      if (m.type === 'progress') {
        if (!signal?.aborted) run.onProgress?.(m.done, m.total);
      } else if (m.type === 'written') finish({ written: !signal?.aborted });
      else if (m.type === 'cancelled') finish({ written: false });
      else finish({ error: m.message });
    });
    worker.on('error', (error) =>
      finish({ error: `Bộ tạo tệp Excel gặp lỗi (${error.message || 'không rõ nguyên nhân'}). Hãy bấm xuất lại; nếu vẫn lỗi, khởi động lại ứng dụng.` }),
    );
    worker.on('exit', (code) => finish({ error: `Bộ tạo tệp Excel dừng bất ngờ (mã ${code}). Hãy bấm xuất lại; nếu vẫn lỗi, khởi động lại ứng dụng.` }));
    // The job's bytes are handed over, not copied: a view on a larger buffer is copied first.
    const bytes = job.byteOffset === 0 && job.byteLength === job.buffer.byteLength ? job : job.slice();
    worker.postMessage({ type: 'write', job: bytes, file } satisfies ExportWorkerRequest, [bytes.buffer as ArrayBuffer]);
  });
}
