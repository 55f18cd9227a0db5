/**
 * The client of docx.worker.ts: `writeDocxInWorker(doc, signal)` starts a fresh worker, resolves
 * with the .docx bytes and terminates the worker when done, failed or aborted (the promise then
 * rejects with DocxJobCancelled). Only types cross into this module, so `docx` stays out of
 * the main chunk.
 */
import type { ResultDocument } from '@domain/result-report';

export type DocxWorkerResponse = { type: 'done'; bytes: ArrayBuffer } | { type: 'error'; detail: string };

export class DocxJobCancelled extends Error {
  constructor() {
    super('Đã hủy.');
    this.name = 'DocxJobCancelled';
  }
}

export function writeDocxInWorker(doc: ResultDocument, signal: AbortSignal): Promise<Uint8Array> {
  if (signal.aborted) return Promise.reject(new DocxJobCancelled());
  return new Promise<Uint8Array>((resolve, reject) => {
    const worker = new Worker(new URL('./docx.worker.ts', import.meta.url), { type: 'module', name: 'xuat-tep-word' });
    const stop = (settle: () => void) => {
      signal.removeEventListener('abort', onAbort);
      worker.terminate();
      settle();
    };
    const onAbort = () => stop(() => reject(new DocxJobCancelled()));
    signal.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent<DocxWorkerResponse>) =>
      stop(() =>
        e.data.type === 'done'
          ? resolve(new Uint8Array(e.data.bytes))
          : reject(new Error(`Không tạo được tệp Word (${e.data.detail}). Hãy bấm xuất lại.`)),
      );
    worker.onerror = (e) => {
      e.preventDefault();
      stop(() => reject(new Error(`Bộ tạo tệp Word gặp lỗi (${e.message || 'không rõ nguyên nhân'}). Hãy bấm xuất lại.`)));
    };
    worker.postMessage(doc);
  });
}
