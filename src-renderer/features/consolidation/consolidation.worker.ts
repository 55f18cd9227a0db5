/**
 * Module worker: writes the consolidated report workbook ("Xuất báo cáo tổng hợp") or the
 * completeness workbook ("Xuất tình hình nộp") off the main thread. ExcelJS (through
 * exchange/writer-consolidated.ts) is imported only here, so it stays out of the main chunk.
 *
 * In: ConsolidationWorkerRequest. Out: progress messages, then exactly one 'done' (the bytes,
 * transferred), 'cancelled' or 'error' (Vietnamese). 'cancel' stops a running write between rows.
 */
import { writeCompletenessWorkbook, writeConsolidatedReport } from '../../exchange/writer-consolidated';
import type { ConsolidationWorkerRequest, ConsolidationWorkerResponse } from './consolidation-jobs';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ConsolidationWorkerRequest>) => void) | null;
  postMessage(message: ConsolidationWorkerResponse, transfer?: Transferable[]): void;
};

let running: AbortController | null = null;

function post(message: ConsolidationWorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

scope.onmessage = (e) => {
  const request = e.data;
  if (request.type === 'cancel') {
    running?.abort(new DOMException('cancelled', 'AbortError'));
    return;
  }
  const controller = new AbortController();
  running = controller;
  const onProgress = (done: number, total: number) => post({ type: 'progress', done, total });
  const write = request.type === 'consolidated' ? writeConsolidatedReport : writeCompletenessWorkbook;
  write(request.report, { signal: controller.signal }, onProgress).then(
    (bytes) => {
      // Transfer exactly the file's range (the view may not cover its whole buffer).
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
    return `Không đủ bộ nhớ để tạo tệp Excel (${short}). Hãy đóng bớt chương trình khác rồi xuất lại.`;
  }
  return `Không tạo được tệp Excel (${short}). Hãy bấm xuất lại; nếu vẫn lỗi, khởi động lại ứng dụng rồi thử lần nữa.`;
}
