/**
 * What the export worker thread does (workbook-export.worker.ts): the job's JSON bytes checked
 * and written into `file` by streaming (exchange/writer-stream.ts, ExcelJS's WorkbookWriter),
 * so only the rows being zipped are in memory, never the whole workbook. A cancelled or failed
 * write leaves no file behind.
 */
import { once } from 'node:events';
import { createWriteStream, promises as fsp } from 'node:fs';
import { decodeWorkbookJob, writeFailedMessage } from '@exchange/workbook-job';
import { planWorkbookJob } from '@exchange/workbook-job-plans';
import { writePlansStreaming } from '@exchange/writer-stream';

export const INVALID_JOB_MESSAGE = 'Không tạo được tệp Excel: dữ liệu gửi sang không đúng dạng. Hãy bấm xuất lại; nếu vẫn lỗi, khởi động lại ứng dụng.';

export type WriteOutcome = { type: 'written' } | { type: 'cancelled' } | { type: 'failed'; message: string };

export async function writeWorkbookFile(
  jobBytes: Uint8Array,
  file: string,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
): Promise<WriteOutcome> {
  const job = decodeWorkbookJob(jobBytes);
  if (!job) return { type: 'failed', message: INVALID_JOB_MESSAGE };
  const stream = createWriteStream(file);
  const closed = once(stream, 'close').then(
    () => undefined,
    () => undefined,
  );
  try {
    const options = { ...job.options, signal, onProgress };
    const { report, plans } = planWorkbookJob(job, options);
    await writePlansStreaming(report, plans, { ...options, stream });
    signal.throwIfAborted();
    // Closed before the file is moved where the officer wants it (Windows refuses an open file).
    await closed;
    return { type: 'written' };
  } catch (error) {
    stream.destroy();
    await closed;
    await fsp.rm(file, { force: true });
    return signal.aborted ? { type: 'cancelled' } : { type: 'failed', message: writeFailedMessage(error) };
  }
}
