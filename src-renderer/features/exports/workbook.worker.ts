/**
 * Module worker: writes every exported workbook off the main thread (see workbook-jobs.ts).
 * ExcelJS (through the exchange writers) is imported only here, so it lands in this worker's
 * chunk and never in the main one.
 *
 * In: WorkbookWorkerRequest. Out: progress messages, then exactly one 'done' (the file's bytes,
 * transferred), 'cancelled' or 'error' (a Vietnamese message). 'cancel' stops a running write
 * between rows; the client also terminates the worker, which is what really frees the thread.
 */
import { writeFailedMessage, type WorkbookJob } from '@exchange/workbook-job';
import { planWorkbookJob } from '@exchange/workbook-job-plans';
import { writePlansInMemory } from '@exchange/writer';
import type { WorkbookWorkerRequest, WorkbookWorkerResponse } from './workbook-jobs';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkbookWorkerRequest>) => void) | null;
  postMessage(message: WorkbookWorkerResponse, transfer?: Transferable[]): void;
};

let running: AbortController | null = null;

function post(message: WorkbookWorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

async function run(job: WorkbookJob, signal: AbortSignal): Promise<Uint8Array> {
  const onProgress = (done: number, total: number) => post({ type: 'progress', done, total });
  const options = { ...job.options, signal, onProgress };
  const { report, plans } = planWorkbookJob(job, options);
  return writePlansInMemory(report, plans, options);
}

scope.onmessage = (e) => {
  const request = e.data;
  if (request.type === 'cancel') {
    running?.abort(new DOMException('cancelled', 'AbortError'));
    return;
  }
  const controller = new AbortController();
  running = controller;
  run(request, controller.signal).then(
    (bytes) => {
      // writeBuffer() gives a view that may not cover its whole buffer: transfer exactly the
      // file's range (a plain view on a shared or larger buffer fails with DataCloneError).
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      post({ type: 'done', bytes: buffer }, [buffer]);
    },
    (error: unknown) => {
      if (controller.signal.aborted) post({ type: 'cancelled' });
      else post({ type: 'error', message: writeFailedMessage(error) });
    },
  );
};
