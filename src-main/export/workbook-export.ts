/**
 * Writes an exported workbook into `file` by streaming (exchange/writer-stream.ts, ExcelJS's
 * WorkbookWriter): `writeWorkbookFile(job, file, { onProgress, signal })`, `job` as it came over
 * IPC (exchange/workbook-job.ts WireWorkbookJob, already checked by the contract), resolves 'written' once
 * the file is complete and closed, 'cancelled' when `signal` stopped it, and rejects with an Error
 * carrying the officer's Vietnamese message otherwise. A cancelled or failed write leaves no file.
 *
 * It runs on the main process's own thread, on the job IPC already delivered (a worker thread
 * would cost a second copy of the report and the start of another ExcelJS): about every 100 ms
 * the writer lets the event loop turn once (setImmediate), in which the window and IPC (a
 * cancel) are served and the zip takes the rows written so far.
 *
 * No Electron here: the IPC handler (handlers/exports.ts) calls it, and so does the benchmark,
 * which measures the export the way the desktop app performs it.
 */
import { once } from 'node:events';
import { createWriteStream, promises as fsp } from 'node:fs';
import { fromWireJob, writeFailedMessage, type WireWorkbookJob } from '@exchange/workbook-job';
import { writeWorkbookStreaming } from '@exchange/writer-stream';

export interface ExportRun {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Longest the writer holds the main process's thread between two turns of its event loop. */
const SLICE_MS = 100;

/**
 * The writer's pause: one event-loop turn once SLICE_MS have passed since the last one, else
 * none. A turn every thousand rows regardless made the export 7 % slower (the zip then deflates
 * many small pieces) for no gain in memory.
 */
function eventLoopTurns(): () => Promise<void> {
  let since = performance.now();
  return () => {
    if (performance.now() - since < SLICE_MS) return Promise.resolve();
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}

export async function writeWorkbookFile(wire: WireWorkbookJob, file: string, run: ExportRun = {}): Promise<'written' | 'cancelled'> {
  const signal = run.signal ?? new AbortController().signal;
  if (signal.aborted) return 'cancelled';
  const stream = createWriteStream(file);
  const closed = once(stream, 'close').then(
    () => undefined,
    () => undefined,
  );
  try {
    const onProgress = run.onProgress ? { onProgress: run.onProgress } : {};
    const job = fromWireJob(wire);
    await writeWorkbookStreaming(job, { ...job.options, signal, pause: eventLoopTurns(), ...onProgress, stream });
    signal.throwIfAborted();
    // Closed before the file is moved where the officer wants it (Windows refuses an open file).
    await closed;
    return 'written';
  } catch (error) {
    stream.destroy();
    await closed;
    await fsp.rm(file, { force: true });
    if (signal.aborted) return 'cancelled';
    throw new Error(writeFailedMessage(error));
  }
}
