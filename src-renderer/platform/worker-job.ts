/**
 * One job in a fresh module worker, the way every worker client of the app runs one: start the
 * worker, post the request (transferring what it lists), route progress messages, settle once,
 * terminate the worker when done, failed or aborted. Cancelling is an AbortSignal: the promise
 * then rejects with JobCancelled. A worker that cannot start, crashes,
 * or sends a message that cannot be read becomes an Error carrying the caller's Vietnamese text.
 *
 * DOM-typed (Worker, MessageEvent), nothing else: no UI, no database.
 */

/** What a worker job rejects with once its signal is aborted (or its worker says it stopped). */
export class JobCancelled extends Error {
  constructor() {
    super('Đã hủy.');
    this.name = 'JobCancelled';
  }
}

/** Makes a job's worker; a parameter of each client so tests can pass a fake. */
export type WorkerFactory = () => Worker;

/** What one message from the worker means; null when it is not for this job. */
export type WorkerStep<T, P> = { progress: P } | { result: T } | { error: Error } | { cancelled: true } | null;

/** The Vietnamese sentences for what can go wrong around the worker itself. */
export interface WorkerJobMessages {
  /** The worker stopped with an uncaught error; `detail` is its message ('' when it gave none). */
  crashed(detail: string): string;
  /** A message came back that could not be deserialized. */
  unreadable: string;
  /** The worker could not be made; defaults to `crashed`. */
  notStarted?(detail: string): string;
  /** The request could not be posted (e.g. cannot be cloned); defaults to `crashed`. */
  notSent?(detail: string): string;
}

export interface WorkerJob<T, P> {
  makeWorker: WorkerFactory;
  request: unknown;
  /** Buffers handed over to the worker (no copy); the caller's views on them become empty. */
  transfer?: Transferable[];
  signal?: AbortSignal;
  /** Reads one message of the worker (its `data`). */
  step: (data: unknown) => WorkerStep<T, P>;
  onProgress?: (progress: P) => void;
  /** Posted to the worker just before it is terminated on abort, so it can stop cleanly first. */
  cancelRequest?: unknown;
  messages: WorkerJobMessages;
}

export function runWorkerJob<T, P = never>(job: WorkerJob<T, P>): Promise<T> {
  const { signal, messages } = job;
  if (signal?.aborted) return Promise.reject(new JobCancelled());
  return new Promise<T>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = job.makeWorker();
    } catch (error) {
      reject(new Error((messages.notStarted ?? messages.crashed)(String(error))));
      return;
    }
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      settle();
    };
    const onAbort = () => {
      if (job.cancelRequest !== undefined) {
        try {
          worker.postMessage(job.cancelRequest);
        } catch {
          // Already gone: terminate() below is what stops it anyway.
        }
      }
      finish(() => reject(new JobCancelled()));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent) => {
      if (settled) return;
      const step = job.step(e.data);
      if (step === null) return;
      if ('progress' in step) job.onProgress?.(step.progress);
      else if ('result' in step) finish(() => resolve(step.result));
      else if ('error' in step) finish(() => reject(step.error));
      else finish(() => reject(new JobCancelled()));
    };
    worker.onerror = (e: ErrorEvent) => {
      // Handled here: keep it out of the page's console as an uncaught error.
      e.preventDefault?.();
      finish(() => reject(new Error(messages.crashed(e.message || ''))));
    };
    worker.onmessageerror = () => finish(() => reject(new Error(messages.unreadable)));
    try {
      worker.postMessage(job.request, job.transfer ?? []);
    } catch (error) {
      finish(() => reject(new Error((messages.notSent ?? messages.crashed)(String(error)))));
    }
  });
}

