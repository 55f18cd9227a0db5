/**
 * The typed client of import-read.worker.ts: `readImportFiles(files, onFile)` reads the files in
 * a pool of module workers (one per core, at most MAX_READERS) and hands each outcome to onFile
 * in the files' order. Only types come from the reader here, so the main chunk stays free of
 * ExcelJS.
 *
 * Each worker also hashes the file it read (SHA-256, the file's identity in the import history),
 * so the main thread never hashes 2,000 files' bytes itself.
 */
import { withDetail } from '@exchange/problems';
import type { ReadResult } from '@exchange/reader';

export interface ImportReadRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export type ImportReadResponse = { id: number; ok: true; result: ReadResult; fileHash: string } | { id: number; ok: false; message: string };

export type ReadOutcome = { ok: true; result: ReadResult; fileHash: string } | { ok: false; message: string };

/** Makes the worker; a parameter so tests can pass a fake. */
export type ImportWorkerFactory = () => Worker;

const defaultWorker: ImportWorkerFactory = () =>
  new Worker(new URL('./import-read.worker.ts', import.meta.url), { type: 'module', name: 'doc-tep-nhap' });

/**
 * Workers reading at once. Reading is CPU work, so more workers than cores only share them; past
 * a few, each worker's own copy of the reader's code costs more memory than it saves time.
 */
export const MAX_READERS = 4;

/** The pool's size for `files` files on this computer (at least 1). */
export function readerPoolSize(files: number): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return Math.max(1, Math.min(MAX_READERS, cores, files));
}

/** Files read ahead of the one onFile is busy with, per worker: bounds what waits in memory. */
const READ_AHEAD_PER_WORKER = 4;

/**
 * Reads one file in `worker`; a worker crash becomes a failed outcome, never a rejection. Null
 * when `signal` is aborted first (the caller terminates the worker, which stops the read).
 */
function readOne(worker: Worker, id: number, file: { name: string; bytes: Uint8Array }, signal: AbortSignal): Promise<ReadOutcome | null> {
  return new Promise((resolve) => {
    const onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    const done = (outcome: ReadOutcome) => {
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    worker.onmessage = (e: MessageEvent<ImportReadResponse>) => {
      const m = e.data;
      if (m.id !== id) return;
      done(m.ok ? { ok: true, result: m.result, fileHash: m.fileHash } : { ok: false, message: m.message });
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
 * Reads every file; `onFile(index, outcome)` runs for each in the files' order (one at a time:
 * the next waits for the previous one's promise), while the pool reads the following files. A
 * crashed worker is replaced for its next file. Aborting `signal` stops at once: the files
 * being read are dropped (their workers terminated), the remaining ones are not read, and the
 * promise resolves with the number of files handed to onFile. Nothing is stored while reading
 * anyway. An error thrown by onFile stops the pool the same way and rejects with it.
 */
export function readImportFiles(
  files: readonly { name: string; bytes: Uint8Array }[],
  onFile: (index: number, outcome: ReadOutcome) => Promise<void> | void,
  makeWorker: ImportWorkerFactory = defaultWorker,
  signal?: AbortSignal,
  poolSize: number = readerPoolSize(files.length),
): Promise<number> {
  return readImportGroups(files, (first, outcomes) => onFile(first, outcomes[0]!), { makeWorker, signal, poolSize, group: { files: 1, waitMs: 0 } });
}

export interface GroupOptions {
  makeWorker?: ImportWorkerFactory;
  signal?: AbortSignal;
  poolSize?: number;
  /**
   * Files handed over together: at most `files`, and a group waits up to `waitMs` after its
   * first file was read for more to arrive (never once every file is read).
   */
  group?: { files: number; waitMs: number };
}

/** Groups of up to 50 files, waiting at most 100 ms for more (the cards appear that much later at most). */
export const PREVIEW_GROUP = { files: 50, waitMs: 100 };

/**
 * readImportFiles handing the files over in groups, in the files' order: `onGroup(first,
 * outcomes)` gets files first … first + outcomes.length − 1. For work with a cost per call
 * (the import preview reads the database once per group).
 */
export async function readImportGroups(
  files: readonly { name: string; bytes: Uint8Array }[],
  onGroup: (first: number, outcomes: ReadOutcome[]) => Promise<void> | void,
  options: GroupOptions = {},
): Promise<number> {
  const { makeWorker = defaultWorker, signal, poolSize = readerPoolSize(files.length), group = PREVIEW_GROUP } = options;
  // One stop for the caller's cancel and for the end of delivery (done, cancelled or failed).
  const stop = new AbortController();
  const onCancel = () => stop.abort();
  signal?.addEventListener('abort', onCancel, { once: true });
  if (signal?.aborted) stop.abort();

  const outcomes = new Map<number, ReadOutcome>();
  let next = 0;
  let delivered = 0;
  let waiters: (() => void)[] = [];
  const changed = () => new Promise<void>((resolve) => waiters.push(resolve));
  const notify = () => {
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  };
  stop.signal.addEventListener('abort', notify, { once: true });
  // Reports waiting to be handed over are bounded too (the bytes went to the workers).
  const readAhead = Math.max(poolSize * READ_AHEAD_PER_WORKER, group.files * 2);

  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    try {
      while (!stop.signal.aborted && next < files.length) {
        if (next - delivered >= readAhead) {
          await changed();
          continue;
        }
        const i = next++;
        let outcome: ReadOutcome | null;
        try {
          worker ??= makeWorker();
          outcome = await readOne(worker, i, files[i]!, stop.signal);
          if (outcome === null) break;
          if (!outcome.ok) {
            worker.terminate();
            worker = null;
          }
        } catch (error) {
          outcome = { ok: false, message: withDetail('Không khởi động được bộ đọc tệp Excel. Hãy khởi động lại ứng dụng rồi thử lại.', String(error)) };
        }
        outcomes.set(i, outcome);
        notify();
      }
    } finally {
      worker?.terminate();
    }
  };

  let running = Math.max(1, Math.min(poolSize, files.length));
  const lanes = Array.from({ length: running }, () =>
    lane().finally(() => {
      running--;
      notify();
    }),
  );
  // When the first file of the group being gathered was read.
  let gathering: number | null = null;
  try {
    while (delivered < files.length && !stop.signal.aborted) {
      if (!outcomes.has(delivered)) {
        if (running === 0) break;
        await changed();
        continue;
      }
      let ready = 1;
      while (ready < group.files && outcomes.has(delivered + ready)) ready++;
      gathering ??= performance.now();
      const left = group.waitMs - (performance.now() - gathering);
      if (ready < group.files && delivered + ready < files.length && running > 0 && left > 0) {
        await Promise.race([changed(), new Promise((r) => setTimeout(r, left))]);
        continue;
      }
      gathering = null;
      const handed: ReadOutcome[] = [];
      for (let k = 0; k < ready; k++) {
        handed.push(outcomes.get(delivered + k)!);
        outcomes.delete(delivered + k);
      }
      await onGroup(delivered, handed);
      delivered += ready;
      notify();
    }
  } finally {
    stop.abort();
    signal?.removeEventListener('abort', onCancel);
    await Promise.all(lanes);
  }
  return delivered;
}
