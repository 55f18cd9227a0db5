/**
 * The typed client of workbook.worker.ts, the one worker that writes every workbook the app
 * exports (the unit's report, the blank template, the consolidated report and the completeness
 * list): `runWorkbookJob(job, onProgress, signal)` runs it in a fresh worker (platform/worker-job.ts),
 * reports progress and resolves with the file's bytes; aborting `signal` rejects with
 * WorkbookJobCancelled (platform/worker-job.ts's JobCancelled).
 *
 * Only types cross into this module from the exchange writers, so the main chunk stays free
 * of ExcelJS.
 */
import type { WorkbookJob } from '@exchange/workbook-job';
import { runWorkerJob, type WorkerFactory } from '@platform/worker-job';

export type { WorkbookJob, WorkbookWriteOptions } from '@exchange/workbook-job';

export type WorkbookWorkerRequest = WorkbookJob | { type: 'cancel' };

export type WorkbookWorkerResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: ArrayBuffer }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };

export interface JobProgress {
  done: number;
  total: number;
}

export { JobCancelled as WorkbookJobCancelled } from '@platform/worker-job';

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./workbook.worker.ts', import.meta.url), { type: 'module', name: 'xuat-tep-excel' });

export function runWorkbookJob(
  job: WorkbookJob,
  onProgress: (p: JobProgress) => void,
  signal?: AbortSignal,
  makeWorker: WorkerFactory = defaultWorker,
): Promise<Uint8Array> {
  return runWorkerJob<Uint8Array, JobProgress>({
    makeWorker,
    request: job satisfies WorkbookWorkerRequest,
    signal,
    onProgress,
    cancelRequest: { type: 'cancel' } satisfies WorkbookWorkerRequest,
    step: (data) => {
      const m = data as WorkbookWorkerResponse;
      switch (m.type) {
        case 'progress':
          return { progress: { done: m.done, total: m.total } };
        case 'done':
          return { result: new Uint8Array(m.bytes) };
        case 'cancelled':
          return { cancelled: true };
        case 'error':
          return { error: new Error(m.message) };
        default:
          return null;
      }
    },
    messages: {
      notStarted: (detail) => `Không khởi động được bộ tạo tệp Excel (${detail}). Hãy khởi động lại ứng dụng rồi thử lại.`,
      crashed: (detail) =>
        `Bộ tạo tệp Excel gặp lỗi (${detail || 'không rõ nguyên nhân'}). Hãy bấm xuất lại; nếu vẫn lỗi, khởi động lại ứng dụng.`,
      unreadable: 'Không nhận được tệp từ bộ tạo tệp Excel. Hãy bấm xuất lại.',
      notSent: (detail) => `Không gửi được dữ liệu cho bộ tạo tệp Excel (${detail}). Hãy bấm xuất lại.`,
    },
  });
}
