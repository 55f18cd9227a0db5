/**
 * The typed client of import-read.worker.ts: `readImportFiles(files, onFile)` reads the files one
 * after the other in one module worker and terminates it when done. Only types come from the
 * reader here, so the main chunk stays free of ExcelJS.
 */
import { withDetail } from '../../exchange/problems';
import type { ReadResult } from '../../exchange/reader';

export interface ImportReadRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export type ImportReadResponse = { id: number; ok: true; result: ReadResult } | { id: number; ok: false; message: string };

export type ReadOutcome = { ok: true; result: ReadResult } | { ok: false; message: string };

/** Makes the worker; a parameter so tests can pass a fake. */
export type ImportWorkerFactory = () => Worker;

const defaultWorker: ImportWorkerFactory = () =>
  new Worker(new URL('./import-read.worker.ts', import.meta.url), { type: 'module', name: 'doc-tep-nhap' });

/**
 * Reads one file in `worker`; a worker crash becomes a failed outcome, never a rejection. Null
 * when `signal` is aborted first (the caller terminates the worker, which stops the read).
 */
function readOne(worker: Worker, id: number, file: { name: string; bytes: Uint8Array }, signal?: AbortSignal): Promise<ReadOutcome | null> {
  return new Promise((resolve) => {
    const onAbort = () => resolve(null);
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = (outcome: ReadOutcome) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    worker.onmessage = (e: MessageEvent<ImportReadResponse>) => {
      const m = e.data;
      if (m.id !== id) return;
      done(m.ok ? { ok: true, result: m.result } : { ok: false, message: m.message });
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      done({ ok: false, message: withDetail(`Bộ đọc tệp Excel gặp lỗi khi đọc «${file.name}». Hãy chọn lại tệp; nếu vẫn lỗi, khởi động lại ứng dụng.`, e.message || '') });
    };
    // A copy that owns its buffer, transferred (not cloned) to the worker.
    const bytes = file.bytes.slice();
    worker.postMessage({ id, name: file.name, bytes } satisfies ImportReadRequest, [bytes.buffer]);
  });
}

/**
 * Reads every file in order; `onFile(index, outcome)` runs as each one finishes. A crashed
 * worker is replaced for the next file. Aborting `signal` stops at once: the file being read is
 * dropped (its worker terminated), the remaining ones are not read, and the promise resolves
 * with the number of files handed to onFile. Nothing is stored while reading anyway.
 */
export async function readImportFiles(
  files: readonly { name: string; bytes: Uint8Array }[],
  onFile: (index: number, outcome: ReadOutcome) => Promise<void> | void,
  makeWorker: ImportWorkerFactory = defaultWorker,
  signal?: AbortSignal,
): Promise<number> {
  let worker: Worker | null = null;
  let read = 0;
  try {
    for (let i = 0; i < files.length; i++) {
      if (signal?.aborted) break;
      const file = files[i]!;
      let outcome: ReadOutcome | null;
      try {
        worker ??= makeWorker();
        outcome = await readOne(worker, i, file, signal);
        if (outcome === null) break;
        if (!outcome.ok) {
          worker.terminate();
          worker = null;
        }
      } catch (error) {
        outcome = { ok: false, message: withDetail('Không khởi động được bộ đọc tệp Excel. Hãy khởi động lại ứng dụng rồi thử lại.', String(error)) };
      }
      await onFile(i, outcome);
      read++;
      if (signal?.aborted) break;
    }
  } finally {
    worker?.terminate();
  }
  return read;
}
