/**
 * Module worker: writes a unit's report workbook or the blank template off the main thread.
 * ExcelJS (through exchange/writer.ts and exchange/template.ts) is imported only here, so it
 * lands in this worker's chunk and never in the main one.
 *
 * In: ReportWorkerRequest. Out: progress messages, then exactly one 'done' (the file's bytes,
 * transferred) or 'error' (a Vietnamese message). 'cancel' stops a running write between rows;
 * the client also terminates the worker, which is what really frees the thread.
 */
import { writeTemplate } from '../../exchange/template';
import { writeUnitReport } from '../../exchange/writer';
import type { ReportWorkerRequest, ReportWorkerResponse } from './report-jobs';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ReportWorkerRequest>) => void) | null;
  postMessage(message: ReportWorkerResponse, transfer?: Transferable[]): void;
};

let running: AbortController | null = null;

function post(message: ReportWorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

async function run(request: Exclude<ReportWorkerRequest, { type: 'cancel' }>, signal: AbortSignal): Promise<Uint8Array> {
  const options = {
    ...request.options,
    signal,
    onProgress: (done: number, total: number) => post({ type: 'progress', done, total }),
  };
  return request.type === 'unit-report' ? writeUnitReport(request.report, options) : writeTemplate(request.input, options);
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
