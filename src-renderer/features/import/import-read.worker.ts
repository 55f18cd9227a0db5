/**
 * Module worker: reads unit workbooks for the import screen off the main thread, and hashes each
 * file (its identity in the import history) so that the main thread does not have to keep and
 * hash every file's bytes. ExcelJS (through exchange/reader.ts) is imported only here, so it
 * never lands in the main chunk.
 *
 * In: ImportReadRequest (one file). Out: exactly one ImportReadResponse for it, with the same id.
 * The reader never throws for bad input; anything else becomes a Vietnamese message.
 */
import { withDetail } from '@exchange/problems';
import { readWorkbook } from '@exchange/reader';
import { sha256Hex } from '@domain/hash';
import type { ImportReadRequest, ImportReadResponse } from './import-read';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ImportReadRequest>) => void) | null;
  postMessage(message: ImportReadResponse): void;
};

scope.onmessage = (e) => {
  const { id, name, bytes } = e.data;
  Promise.all([readWorkbook(bytes, { fileName: name }), sha256Hex(bytes)]).then(
    ([result, fileHash]) => scope.postMessage({ id, ok: true, result, fileHash }),
    (error: unknown) =>
      scope.postMessage({
        id,
        ok: false,
        message: withDetail(`Không đọc được tệp «${name}». Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chọn lại.`, error instanceof Error ? error.message : String(error)),
      }),
  );
};
