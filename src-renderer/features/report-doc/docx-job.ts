/**
 * The client of docx.worker.ts: `writeDocxInWorker(doc, signal)` runs it in a fresh worker
 * (platform/worker-job.ts) and resolves with the .docx bytes; aborting `signal` rejects with
 * DocxJobCancelled. Only types cross into this module, so `docx` stays out of the main chunk.
 */
import type { ResultDocument } from '@domain/result-report';
import { runWorkerJob, type WorkerFactory } from '@platform/worker-job';

export type DocxWorkerResponse = { type: 'done'; bytes: ArrayBuffer } | { type: 'error'; detail: string };

export { JobCancelled as DocxJobCancelled } from '@platform/worker-job';

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./docx.worker.ts', import.meta.url), { type: 'module', name: 'xuat-tep-word' });

export function writeDocxInWorker(doc: ResultDocument, signal: AbortSignal, makeWorker: WorkerFactory = defaultWorker): Promise<Uint8Array> {
  return runWorkerJob<Uint8Array>({
    makeWorker,
    request: doc,
    signal,
    step: (data) => {
      const m = data as DocxWorkerResponse;
      if (m.type === 'done') return { result: new Uint8Array(m.bytes) };
      return { error: new Error(`Không tạo được tệp Word (${m.detail}). Hãy bấm xuất lại.`) };
    },
    messages: {
      crashed: (detail) => `Bộ tạo tệp Word gặp lỗi (${detail || 'không rõ nguyên nhân'}). Hãy bấm xuất lại.`,
      unreadable: 'Không nhận được tệp từ bộ tạo tệp Word. Hãy bấm xuất lại.',
    },
  });
}
