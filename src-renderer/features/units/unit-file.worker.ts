/** Module worker: reads a unit list file off the main thread (ExcelJS lives only here). */
import { readUnitRows, UnitFileError } from './read-unit-rows';
import type { UnitTable } from './unit-import';

export interface UnitFileRequest {
  name: string;
  bytes: Uint8Array;
}

export type UnitFileResponse = { ok: true; table: UnitTable } | { ok: false; message: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<UnitFileRequest>) => void) | null;
  postMessage(message: UnitFileResponse): void;
};

scope.onmessage = (e) => {
  readUnitRows(e.data.bytes, e.data.name).then(
    (table) => scope.postMessage({ ok: true, table }),
    (error: unknown) =>
      scope.postMessage({
        ok: false,
        message:
          error instanceof UnitFileError
            ? error.message
            : `Không đọc được tệp «${e.data.name}». Hãy mở tệp bằng Excel, lưu lại rồi chọn lại. (${String(error)})`,
      }),
  );
};
