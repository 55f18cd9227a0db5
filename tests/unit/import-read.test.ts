/**
 * readImportFiles (features/import/import-read.ts) with a fake worker: files are read one after
 * the other; aborting the signal stops at once (the file being read is dropped, its worker
 * terminated, the rest never sent), and a crashed worker is replaced for the next file.
 */
import { describe, expect, it } from 'vitest';
import { readImportFiles, type ImportReadRequest, type ImportReadResponse, type ReadOutcome } from '../../src-renderer/features/import/import-read';
import type { ReadResult } from '../../src-renderer/exchange/reader';

/** A worker that answers each request after `delayMs`, or crashes on a file named "hong.xlsx". */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<ImportReadResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: string[] = [];
  terminated = false;
  constructor(private delayMs: number) {
    FakeWorker.made.push(this);
  }
  postMessage(m: ImportReadRequest): void {
    this.sent.push(m.name);
    setTimeout(() => {
      if (this.terminated) return;
      if (m.name === 'hong.xlsx') this.onerror?.({ message: 'sập', preventDefault() {} } as ErrorEvent);
      else this.onmessage?.({ data: { id: m.id, ok: true, result: { report: null, problems: [], counts: null } as unknown as ReadResult } } as MessageEvent<ImportReadResponse>);
    }, this.delayMs);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const files = (names: string[]) => names.map((name) => ({ name, bytes: new Uint8Array([1, 2, 3]) }));

describe('readImportFiles', () => {
  it('reads every file in order and replaces a crashed worker', async () => {
    FakeWorker.made = [];
    const seen: [number, boolean][] = [];
    const n = await readImportFiles(files(['a.xlsx', 'hong.xlsx', 'b.xlsx']), (i, o: ReadOutcome) => void seen.push([i, o.ok]), () => new FakeWorker(1) as unknown as Worker);
    expect(n).toBe(3);
    expect(seen).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ]);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made.every((w) => w.terminated)).toBe(true);
  });

  it('a cancel stops at once: the file being read is dropped and the rest are never sent', async () => {
    FakeWorker.made = [];
    const controller = new AbortController();
    const seen: number[] = [];
    const n = await readImportFiles(
      files(['1.xlsx', '2.xlsx', '3.xlsx', '4.xlsx', '5.xlsx']),
      (i) => {
        seen.push(i);
        // Cancel while the third file is being read.
        if (i === 1) setTimeout(() => controller.abort(), 5);
      },
      () => new FakeWorker(40) as unknown as Worker,
      controller.signal,
    );
    expect(n).toBe(2);
    expect(seen).toEqual([0, 1]);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.sent).toEqual(['1.xlsx', '2.xlsx', '3.xlsx']);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });
});
