/**
 * The typed client of consolidation.worker.ts (same protocol as features/reports/report-jobs.ts):
 * `runConsolidationJob(job, onProgress, signal)` starts a fresh worker, reports progress,
 * resolves with the file's bytes and terminates the worker when done, failed or cancelled.
 * Only types cross into this module from the exchange writer: ExcelJS stays in the worker chunk.
 */
import type { ConsolidatedReport } from '../../exchange/spec';
import { ReportJobCancelled, type JobProgress } from '../reports/report-jobs';

export type ConsolidationJob =
  /** "Xuất báo cáo tổng hợp": the consolidated workbook for the upper level. */
  | { type: 'consolidated'; report: ConsolidatedReport }
  /** "Xuất tình hình nộp": who handed in, when, late or not. */
  | { type: 'completeness'; report: ConsolidatedReport };

export type ConsolidationWorkerRequest = ConsolidationJob | { type: 'cancel' };

export type ConsolidationWorkerResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: ArrayBuffer }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };

export type WorkerFactory = () => Worker;

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./consolidation.worker.ts', import.meta.url), { type: 'module', name: 'xuat-tong-hop' });

export function runConsolidationJob(
  job: ConsolidationJob,
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
        worker.postMessage({ type: 'cancel' } satisfies ConsolidationWorkerRequest);
      } catch {
        // Terminated already.
      }
      finish(() => reject(new ReportJobCancelled()));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent<ConsolidationWorkerResponse>) => {
      const m = e.data;
      if (m.type === 'progress') {
        if (!settled) onProgress({ done: m.done, total: m.total });
      } else if (m.type === 'done') finish(() => resolve(new Uint8Array(m.bytes)));
      else if (m.type === 'cancelled') finish(() => reject(new ReportJobCancelled()));
      else finish(() => reject(new Error(m.message)));
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      finish(() => reject(new Error(`Bộ tạo tệp Excel gặp lỗi (${e.message || 'không rõ nguyên nhân'}). Hãy bấm xuất lại; nếu vẫn lỗi, khởi động lại ứng dụng.`)));
    };
    worker.onmessageerror = () => finish(() => reject(new Error('Không nhận được tệp từ bộ tạo tệp Excel. Hãy bấm xuất lại.')));
    try {
      worker.postMessage(job satisfies ConsolidationWorkerRequest);
    } catch (error) {
      finish(() => reject(new Error(`Không gửi được dữ liệu cho bộ tạo tệp Excel (${String(error)}). Hãy bấm xuất lại.`)));
    }
  });
}
