/**
 * Worker thread of the main process writing one exported workbook (write-workbook-file.ts), so
 * that the main process's own thread stays free for the window and IPC. workbook-export.ts
 * starts it and is the only one talking to it.
 *
 * In: one ExportWorkerRequest 'write' (the job as JSON bytes, the file), then maybe 'cancel'.
 * Out: 'progress' messages, then exactly one 'written', 'cancelled' or 'failed'.
 */
import { parentPort } from 'node:worker_threads';
import { writeFailedMessage } from '@exchange/workbook-job';
import type { ExportWorkerRequest, ExportWorkerResponse } from './workbook-export';
import { writeWorkbookFile } from './write-workbook-file';

const port = parentPort;
if (!port) throw new Error('workbook-export.worker runs as a worker thread');

const controller = new AbortController();
const post = (m: ExportWorkerResponse) => port.postMessage(m);

port.on('message', (m: ExportWorkerRequest) => {
  if (m.type === 'cancel') {
    controller.abort(new Error('cancelled'));
    return;
  }
  writeWorkbookFile(m.job, m.file, controller.signal, (done, total) => post({ type: 'progress', done, total })).then(post, (error: unknown) =>
    post({ type: 'failed', message: writeFailedMessage(error) }),
  );
});
