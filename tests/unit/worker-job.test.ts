/**
 * The one worker-client helper (platform/worker-job.ts) and the clients built on it: the
 * workbook export, the Word report and the unit list reader. A fake Worker stands in for the
 * module worker (Node has none): it records what it is sent and lets the test answer.
 */
import { describe, expect, it } from 'vitest';
import { JobCancelled, runWorkerJob, type WorkerJob } from '@platform/worker-job';
import { runWorkbookJob, WorkbookJobCancelled, type WorkbookJob } from '@features/exports/workbook-jobs';
import { DocxJobCancelled, writeDocxInWorker } from '@features/report-doc/docx-job';
import { readUnitFile, ReadCancelled } from '@features/units/read-unit-file';
import type { ResultDocument } from '@domain/result-report';
import type { UnitReport } from '@domain/report';

class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  posted: { message: unknown; transfer: Transferable[] }[] = [];
  terminated = 0;
  failPost: Error | null = null;
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (this.failPost) throw this.failPost;
    this.posted.push({ message, transfer });
  }
  terminate(): void {
    this.terminated++;
  }
  reply(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
  crash(message: string): { prevented: boolean } {
    const seen = { prevented: false };
    this.onerror?.({ message, preventDefault: () => (seen.prevented = true) } as unknown as ErrorEvent);
    return seen;
  }
}

function job(worker: FakeWorker, extra: Partial<WorkerJob<string, number>> = {}): WorkerJob<string, number> {
  return {
    makeWorker: () => worker as unknown as Worker,
    request: { hello: 1 },
    step: (data) => {
      const m = data as { p?: number; ok?: string; bad?: string; stop?: true; other?: true };
      if (m.p !== undefined) return { progress: m.p };
      if (m.ok !== undefined) return { result: m.ok };
      if (m.bad !== undefined) return { error: new Error(m.bad) };
      if (m.stop) return { cancelled: true };
      return null;
    },
    messages: { crashed: (d) => `hỏng (${d || 'không rõ'})`, unreadable: 'không đọc được' },
    ...extra,
  };
}

describe('runWorkerJob', () => {
  it('posts the request with its transfer list, routes progress, resolves once and terminates', async () => {
    const w = new FakeWorker();
    const buffer = new ArrayBuffer(8);
    const seen: number[] = [];
    const p = runWorkerJob(job(w, { transfer: [buffer], onProgress: (n) => seen.push(n) }));
    expect(w.posted).toEqual([{ message: { hello: 1 }, transfer: [buffer] }]);
    w.reply({ p: 1 });
    w.reply({ other: true });
    w.reply({ p: 2 });
    w.reply({ ok: 'xong' });
    w.reply({ p: 3 });
    w.reply({ bad: 'late' });
    await expect(p).resolves.toBe('xong');
    expect(seen).toEqual([1, 2]);
    expect(w.terminated).toBe(1);
  });

  it('rejects with the worker’s error, or with JobCancelled when the worker says it stopped', async () => {
    const a = new FakeWorker();
    const pa = runWorkerJob(job(a));
    a.reply({ bad: 'Không tạo được.' });
    await expect(pa).rejects.toThrow('Không tạo được.');
    const b = new FakeWorker();
    const pb = runWorkerJob(job(b));
    b.reply({ stop: true });
    await expect(pb).rejects.toBeInstanceOf(JobCancelled);
    expect([a.terminated, b.terminated]).toEqual([1, 1]);
  });

  it('abort: posts the cancel request, terminates, rejects with JobCancelled («Đã hủy.»); never settles twice', async () => {
    const w = new FakeWorker();
    const ac = new AbortController();
    const p = runWorkerJob(job(w, { signal: ac.signal, cancelRequest: { type: 'cancel' } }));
    ac.abort();
    w.reply({ ok: 'too late' });
    await expect(p).rejects.toThrow(new JobCancelled());
    expect(w.posted.map((x) => x.message)).toEqual([{ hello: 1 }, { type: 'cancel' }]);
    expect(w.terminated).toBe(1);
  });

  it('an already aborted signal starts no worker', async () => {
    let made = 0;
    const ac = new AbortController();
    ac.abort();
    await expect(runWorkerJob(job(new FakeWorker(), { signal: ac.signal, makeWorker: () => (made++, new FakeWorker() as unknown as Worker) }))).rejects.toBeInstanceOf(JobCancelled);
    expect(made).toBe(0);
  });

  it('maps a crash, an unreadable message, a failed start and a failed post to the caller’s sentences', async () => {
    const a = new FakeWorker();
    const pa = runWorkerJob(job(a));
    const seen = a.crash('');
    await expect(pa).rejects.toThrow('hỏng (không rõ)');
    expect(seen.prevented).toBe(true);
    expect(a.terminated).toBe(1);

    const b = new FakeWorker();
    const pb = runWorkerJob(job(b));
    b.onmessageerror?.({} as MessageEvent);
    await expect(pb).rejects.toThrow('không đọc được');

    await expect(
      runWorkerJob(job(new FakeWorker(), { makeWorker: () => { throw new Error('no worker'); }, messages: { crashed: () => 'x', unreadable: 'y', notStarted: (d) => `không khởi động (${d})` } })),
    ).rejects.toThrow('không khởi động (Error: no worker)');

    const c = new FakeWorker();
    c.failPost = new Error('DataCloneError');
    await expect(runWorkerJob(job(c))).rejects.toThrow('hỏng (Error: DataCloneError)');
    expect(c.terminated).toBe(1);
  });
});

describe('the clients on it', () => {
  const unitJob = { type: 'unit-report', report: { activities: [] } as unknown as UnitReport } satisfies WorkbookJob;

  it('runWorkbookJob: progress, the bytes, the worker’s Vietnamese error, cancel through the worker', async () => {
    const w = new FakeWorker();
    const progress: unknown[] = [];
    const p = runWorkbookJob(unitJob, (x) => progress.push(x), undefined, () => w as unknown as Worker);
    expect(w.posted[0]!.message).toBe(unitJob);
    w.reply({ type: 'progress', done: 1000, total: 2000 });
    w.reply({ type: 'done', bytes: new Uint8Array([80, 75]).buffer });
    expect(Array.from(await p)).toEqual([80, 75]);
    expect(progress).toEqual([{ done: 1000, total: 2000 }]);

    const e = new FakeWorker();
    const pe = runWorkbookJob(unitJob, () => undefined, undefined, () => e as unknown as Worker);
    e.reply({ type: 'error', message: 'Không đủ bộ nhớ để tạo tệp Excel.' });
    await expect(pe).rejects.toThrow('Không đủ bộ nhớ để tạo tệp Excel.');

    const c = new FakeWorker();
    const ac = new AbortController();
    const pc = runWorkbookJob(unitJob, () => undefined, ac.signal, () => c as unknown as Worker);
    ac.abort();
    await expect(pc).rejects.toBeInstanceOf(WorkbookJobCancelled);
    expect(c.posted.at(-1)!.message).toEqual({ type: 'cancel' });

    const x = new FakeWorker();
    const px = runWorkbookJob(unitJob, () => undefined, undefined, () => x as unknown as Worker);
    x.crash('out of memory');
    await expect(px).rejects.toThrow('Bộ tạo tệp Excel gặp lỗi (out of memory). Hãy bấm xuất lại; nếu vẫn lỗi, khởi động lại ứng dụng.');
  });

  it('writeDocxInWorker: the bytes, the writer’s failure in words, abort', async () => {
    const doc = { title: 'x' } as unknown as ResultDocument;
    const w = new FakeWorker();
    const p = writeDocxInWorker(doc, new AbortController().signal, () => w as unknown as Worker);
    w.reply({ type: 'done', bytes: new Uint8Array([1, 2]).buffer });
    expect(Array.from(await p)).toEqual([1, 2]);

    const e = new FakeWorker();
    const pe = writeDocxInWorker(doc, new AbortController().signal, () => e as unknown as Worker);
    e.reply({ type: 'error', detail: 'bad table' });
    await expect(pe).rejects.toThrow('Không tạo được tệp Word (bad table). Hãy bấm xuất lại.');

    const c = new FakeWorker();
    const ac = new AbortController();
    const pc = writeDocxInWorker(doc, ac.signal, () => c as unknown as Worker);
    ac.abort();
    await expect(pc).rejects.toBeInstanceOf(DocxJobCancelled);
    expect(c.terminated).toBe(1);
  });

  it('readUnitFile: transfers its own copy of the bytes, resolves with the table, names the file when the reader crashes', async () => {
    const original = new Uint8Array([1, 2, 3]);
    const w = new FakeWorker();
    const p = readUnitFile({ name: 'don-vi.xlsx', bytes: original }, undefined, () => w as unknown as Worker);
    const sent = w.posted[0]!;
    const request = sent.message as { name: string; bytes: Uint8Array };
    expect(request.name).toBe('don-vi.xlsx');
    expect(sent.transfer).toEqual([request.bytes.buffer]);
    expect(request.bytes.buffer).not.toBe(original.buffer);
    const table = { headers: ['Tên'], rows: [] };
    w.reply({ ok: true, table });
    await expect(p).resolves.toBe(table);

    const x = new FakeWorker();
    const px = readUnitFile({ name: 'don-vi.xlsx', bytes: original }, undefined, () => x as unknown as Worker);
    x.crash('');
    await expect(px).rejects.toThrow('Không đọc được tệp «don-vi.xlsx» (lỗi trình đọc). Hãy thử lại.');

    const c = new FakeWorker();
    const ac = new AbortController();
    const pc = readUnitFile({ name: 'don-vi.xlsx', bytes: original }, ac.signal, () => c as unknown as Worker);
    ac.abort();
    await expect(pc).rejects.toBeInstanceOf(ReadCancelled);
    expect(c.terminated).toBe(1);
  });
});
