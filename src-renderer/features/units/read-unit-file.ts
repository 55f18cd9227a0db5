/** Reads a unit list file in a module worker; the returned handle can cancel it. */
import type { UnitFileRequest, UnitFileResponse } from './unit-file.worker';
import type { UnitTable } from './unit-import';

export interface ReadHandle {
  promise: Promise<UnitTable>;
  cancel: () => void;
}

export class ReadCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ReadCancelled';
  }
}

export function readUnitFile(file: { name: string; bytes: Uint8Array }): ReadHandle {
  const worker = new Worker(new URL('./unit-file.worker.ts', import.meta.url), { type: 'module' });
  let reject: (e: Error) => void = () => undefined;
  const promise = new Promise<UnitTable>((res, rej) => {
    reject = rej;
    worker.onmessage = (e: MessageEvent<UnitFileResponse>) => {
      worker.terminate();
      if (e.data.ok) res(e.data.table);
      else rej(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      rej(new Error(`Không đọc được tệp «${file.name}» (${e.message || 'lỗi trình đọc'}). Hãy thử lại.`));
    };
  });
  // A copy that owns its buffer, transferred (not cloned) to the worker.
  const bytes = file.bytes.slice();
  const request: UnitFileRequest = { name: file.name, bytes };
  worker.postMessage(request, [bytes.buffer]);
  return {
    promise,
    cancel: () => {
      worker.terminate();
      reject(new ReadCancelled());
    },
  };
}
