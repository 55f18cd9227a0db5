/**
 * Module worker: writes the «Báo cáo kết quả» .docx off the main thread (docx-job.ts is its
 * client). The `docx` package is imported only here, so it lands in this worker's chunk and
 * never in the main one.
 *
 * In: one ResultDocument. Out: exactly one 'done' (the file's bytes, transferred) or 'error'.
 */
import type { ResultDocument } from '@domain/result-report';
import { writeResultDocx } from '@document/docx-writer';
import type { DocxWorkerResponse } from './docx-job';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ResultDocument>) => void) | null;
  postMessage(message: DocxWorkerResponse, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  writeResultDocx(e.data).then(
    (bytes) => {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      scope.postMessage({ type: 'done', bytes: buffer }, [buffer]);
    },
    (error: unknown) => scope.postMessage({ type: 'error', detail: error instanceof Error ? error.message : String(error) }),
  );
};
