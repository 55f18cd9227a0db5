/**
 * Module worker: writes every exported workbook off the main thread (see workbook-jobs.ts).
 * ExcelJS (through the exchange writers) is imported only here, so it lands in this worker's
 * chunk and never in the main one.
 *
 * In: WorkbookWorkerRequest. Out: progress messages, then exactly one 'done' (the file's bytes,
 * transferred), 'cancelled' or 'error' (a Vietnamese message). 'cancel' stops a running write
 * between rows; the client also terminates the worker, which is what really frees the thread.
 */
import { writeTemplate } from '../../exchange/template';
import { writeUnitReport } from '../../exchange/writer';
import { writeCompletenessWorkbook, writeConsolidatedReport } from '../../exchange/writer-consolidated';
import type { WorkbookJob, WorkbookWorkerRequest, WorkbookWorkerResponse } from './workbook-jobs';

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
  switch (job.type) {
    case 'unit-report':
      return writeUnitReport(job.report, options);
    case 'template':
      return writeTemplate(job.input, options);
    case 'consolidated':
      return writeConsolidatedReport(job.report, options);
    case 'completeness':
      return writeCompletenessWorkbook(job.report, options);
  }
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

function writeFailedMessage(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const short = detail.length > 160 ? `${detail.slice(0, 157)}…` : detail;
  if (error instanceof RangeError || /memory|allocation|array buffer/i.test(detail)) {
    return `Không đủ bộ nhớ để tạo tệp Excel (${short}). Hãy đóng bớt chương trình khác rồi xuất lại, hoặc chọn kỳ ngắn hơn (quý thay vì năm).`;
  }
  return `Không tạo được tệp Excel (${short}). Hãy bấm xuất lại; nếu vẫn lỗi, khởi động lại ứng dụng rồi thử lần nữa.`;
}
