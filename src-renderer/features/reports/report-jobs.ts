/**
 * The typed client of report.worker.ts: `runReportJob(job, onProgress, signal)` starts a fresh
 * worker, reports progress, resolves with the file's bytes and terminates the worker when done,
 * failed or cancelled (abort `signal`: the promise then rejects with ReportJobCancelled).
 *
 * Only types cross into this module from the exchange writer, so the main chunk stays free
 * of ExcelJS.
 */
import type { TemplateInput } from '../../exchange/template';
import type { UnitReport } from '../../exchange/spec';
import type { WriteOptions } from '../../exchange/writer-layout';

/** What may travel to the worker (no callbacks, no signal). */
export type ReportWriteOptions = Pick<WriteOptions, 'place' | 'documentDate' | 'documentNumber'>;

export type ReportJob =
  | { type: 'unit-report'; report: UnitReport; options?: ReportWriteOptions }
  | { type: 'template'; input: TemplateInput; options?: ReportWriteOptions };

export type ReportWorkerRequest = ReportJob | { type: 'cancel' };

export type ReportWorkerResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: ArrayBuffer }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };

export interface JobProgress {
  done: number;
  total: number;
}

export class ReportJobCancelled extends Error {
  constructor() {
    super('Đã hủy.');
    this.name = 'ReportJobCancelled';
  }
}

/** Makes the worker; a parameter so tests can pass a fake. */
export type WorkerFactory = () => Worker;

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module', name: 'xuat-bao-cao' });

export function runReportJob(
  job: ReportJob,
  onProgress: (p: JobProgress) => void,
  signal?: AbortSignal,
  makeWorker: WorkerFactory = defaultWorker,
): Promise<Uint8Array> {
  if (signal?.aborted) return Promise.reject(new ReportJobCancelled());
  return new Promise<Uint8Array>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = makeWorker();
    } catch (error) {
      reject(new Error(`Không khởi động được bộ tạo tệp Excel (${String(error)}). Hãy khởi động lại ứng dụng rồi thử lại.`));
      return;
    }
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      fn();
    };
    const onAbort = () => {
      try {
        worker.postMessage({ type: 'cancel' } satisfies ReportWorkerRequest);
      } catch {
        // Terminated already: nothing to tell.
      }
      finish(() => reject(new ReportJobCancelled()));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent<ReportWorkerResponse>) => {
      const m = e.data;
      if (m.type === 'progress') {
        if (!settled) onProgress({ done: m.done, total: m.total });
      } else if (m.type === 'done') finish(() => resolve(new Uint8Array(m.bytes)));
      else if (m.type === 'cancelled') finish(() => reject(new ReportJobCancelled()));
      else finish(() => reject(new Error(m.message)));
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      finish(() =>
        reject(
          new Error(
            `Bộ tạo tệp Excel gặp lỗi (${e.message || 'không rõ nguyên nhân'}). Hãy bấm xuất lại; nếu vẫn lỗi, khởi động lại ứng dụng.`,
          ),
        ),
      );
    };
    worker.onmessageerror = () =>
      finish(() => reject(new Error('Không nhận được tệp từ bộ tạo tệp Excel. Hãy bấm xuất lại.')));
    try {
      worker.postMessage(job satisfies ReportWorkerRequest);
    } catch (error) {
      finish(() => reject(new Error(`Không gửi được dữ liệu cho bộ tạo tệp Excel (${String(error)}). Hãy bấm xuất lại.`)));
    }
  });
}
