/**
 * Reads a unit list file in a module worker (platform/worker-job.ts); aborting `signal` stops it
 * and rejects with ReadCancelled.
 */
import { runWorkerJob, type WorkerFactory } from '@platform/worker-job';
import type { UnitFileRequest, UnitFileResponse } from './unit-file.worker';
import type { UnitTable } from './unit-import';

export { JobCancelled as ReadCancelled } from '@platform/worker-job';

const defaultWorker: WorkerFactory = () => new Worker(new URL('./unit-file.worker.ts', import.meta.url), { type: 'module' });

export function readUnitFile(
  file: { name: string; bytes: Uint8Array },
  signal?: AbortSignal,
  makeWorker: WorkerFactory = defaultWorker,
): Promise<UnitTable> {
  // A copy that owns its buffer, transferred (not cloned) to the worker.
  const bytes = file.bytes.slice();
  const crashed = (detail: string) => `Không đọc được tệp «${file.name}» (${detail || 'lỗi trình đọc'}). Hãy thử lại.`;
  return runWorkerJob<UnitTable>({
    makeWorker,
    request: { name: file.name, bytes } satisfies UnitFileRequest,
    transfer: [bytes.buffer],
    signal,
    step: (data) => {
      const m = data as UnitFileResponse;
      return m.ok ? { result: m.table } : { error: new Error(m.message) };
    },
    messages: { crashed, unreadable: crashed('') },
  });
}
