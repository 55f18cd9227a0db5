/**
 * The typed client of workbook.worker.ts, the one worker that writes every workbook the app
 * exports (the unit's report, the blank template, the consolidated report and the completeness
 * list): `runWorkbookJob(job, onProgress, signal)` starts a fresh worker, reports progress,
 * resolves with the file's bytes and terminates the worker when done, failed or cancelled (abort
 * `signal`: the promise then rejects with WorkbookJobCancelled).
 *
 * Only types cross into this module from the exchange writers, so the main chunk stays free
 * of ExcelJS.
 */
import type { ConsolidatedReport, UnitReport } from '@domain/report';
import type { TemplateInput } from '../../exchange/template';
import type { WriteOptions } from '../../exchange/writer-layout';

/** What may travel to the worker (no callbacks, no signal). */
export type WorkbookWriteOptions = Pick<WriteOptions, 'place' | 'documentDate' | 'documentNumber'>;

export type WorkbookJob =
  /** "Xuất báo cáo đơn vị". */
  | { type: 'unit-report'; report: UnitReport; options?: WorkbookWriteOptions }
  /** "Mẫu nhập liệu". */
  | { type: 'template'; input: TemplateInput; options?: WorkbookWriteOptions }
  /** "Xuất báo cáo tổng hợp": the consolidated workbook for the upper level. */
  | { type: 'consolidated'; report: ConsolidatedReport; options?: WorkbookWriteOptions }
  /** "Xuất tình hình nộp": who handed in, when, late or not. */
  | { type: 'completeness'; report: ConsolidatedReport; options?: WorkbookWriteOptions };

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

export class WorkbookJobCancelled extends Error {
  constructor() {
    super('Đã hủy.');
    this.name = 'WorkbookJobCancelled';
  }
}

/** Makes the worker; a parameter so tests can pass a fake. */
export type WorkerFactory = () => Worker;

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./workbook.worker.ts', import.meta.url), { type: 'module', name: 'xuat-tep-excel' });

export function runWorkbookJob(
  job: WorkbookJob,
  onProgress: (p: JobProgress) => void,
  signal?: AbortSignal,
  makeWorker: WorkerFactory = defaultWorker,
): Promise<Uint8Array> {
  if (signal?.aborted) return Promise.reject(new WorkbookJobCancelled());
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
        worker.postMessage({ type: 'cancel' } satisfies WorkbookWorkerRequest);
      } catch {
        // Terminated already: nothing to tell.
      }
      finish(() => reject(new WorkbookJobCancelled()));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent<WorkbookWorkerResponse>) => {
      const m = e.data;
      if (m.type === 'progress') {
        if (!settled) onProgress({ done: m.done, total: m.total });
      } else if (m.type === 'done') finish(() => resolve(new Uint8Array(m.bytes)));
      else if (m.type === 'cancelled') finish(() => reject(new WorkbookJobCancelled()));
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
      worker.postMessage(job satisfies WorkbookWorkerRequest);
    } catch (error) {
      finish(() => reject(new Error(`Không gửi được dữ liệu cho bộ tạo tệp Excel (${String(error)}). Hãy bấm xuất lại.`)));
    }
  });
}
