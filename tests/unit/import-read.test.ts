/**
 * readImportFiles (features/import/import-read.ts) with a fake worker: files are handed over in
 * order, whether one worker reads them or a pool; aborting the signal stops at once (the file being read is dropped, its worker
 * terminated, the rest never sent), and a crashed worker is replaced for the next file.
 */
import { describe, expect, it } from 'vitest';
import { readImportFiles, readImportGroups, type ImportReadRequest, type ImportReadResponse, type ReadOutcome } from '@features/import/import-read';
import type { ReadResult } from '@exchange/reader';

/** A worker that answers each request after `delayMs`, or crashes on a file named "hong.xlsx". */
class FakeWorker {
  static made: FakeWorker[] = [];
  /** Files being read right now over every fake worker, and the most there ever were at once. */
  static reading = 0;
  static mostAtOnce = 0;
  onmessage: ((e: MessageEvent<ImportReadResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: string[] = [];
  terminated = false;
  constructor(private delayMs: number) {
    FakeWorker.made.push(this);
  }
  postMessage(m: ImportReadRequest): void {
    this.sent.push(m.name);
    FakeWorker.mostAtOnce = Math.max(FakeWorker.mostAtOnce, ++FakeWorker.reading);
    setTimeout(() => {
      FakeWorker.reading--;
      if (this.terminated) return;
      if (m.name === 'hong.xlsx') this.onerror?.({ message: 'sập', preventDefault() {} } as ErrorEvent);
      else this.onmessage?.({ data: { id: m.id, ok: true, result: { report: null, problems: [], counts: null } as unknown as ReadResult, fileHash: `hash of ${m.name}` } } as MessageEvent<ImportReadResponse>);
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

  it('a pool reads several files at once and still hands them over in order', async () => {
    FakeWorker.made = [];
    const names = Array.from({ length: 12 }, (_, i) => `${i}.xlsx`);
    const seen: number[] = [];
    FakeWorker.reading = 0;
    FakeWorker.mostAtOnce = 0;
    const n = await readImportFiles(files(names), (i, o) => void seen.push(o.ok ? i : -1), () => new FakeWorker(30) as unknown as Worker, undefined, 3);
    expect(n).toBe(12);
    expect(seen).toEqual(names.map((_, i) => i));
    expect(FakeWorker.made).toHaveLength(3);
    expect(FakeWorker.made.map((w) => w.sent.length).sort()).toEqual([4, 4, 4]);
    expect(FakeWorker.made.every((w) => w.terminated)).toBe(true);
    // Three files were being read at the same time, not one after the other.
    expect(FakeWorker.mostAtOnce).toBe(3);
  });

  it('a cancel stops every worker of the pool; an error in onFile does too, and rejects', async () => {
    FakeWorker.made = [];
    const controller = new AbortController();
    const seen: number[] = [];
    const n = await readImportFiles(
      files(Array.from({ length: 20 }, (_, i) => `${i}.xlsx`)),
      (i) => {
        seen.push(i);
        if (i === 3) controller.abort();
      },
      () => new FakeWorker(10) as unknown as Worker,
      controller.signal,
      2,
    );
    expect(n).toBe(4);
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(FakeWorker.made.every((w) => w.terminated)).toBe(true);
    expect(FakeWorker.made.flatMap((w) => w.sent).length).toBeLessThan(20);

    FakeWorker.made = [];
    await expect(
      readImportFiles(
        files(['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx']),
        (i) => {
          if (i === 1) throw new Error('xem trước hỏng');
        },
        () => new FakeWorker(5) as unknown as Worker,
        undefined,
        2,
      ),
    ).rejects.toThrow('xem trước hỏng');
    expect(FakeWorker.made.every((w) => w.terminated)).toBe(true);
  });
});

describe('readImportGroups', () => {
  it('hands the files over in groups, in order, never more than the group holds, each group once its files are read or its wait is over', async () => {
    FakeWorker.made = [];
    const names = Array.from({ length: 11 }, (_, i) => `${i}.xlsx`);
    const groups: number[][] = [];
    const n = await readImportGroups(files(names), (first, outcomes) => void groups.push(outcomes.map((o, k) => (o.ok ? first + k : -1))), {
      makeWorker: () => new FakeWorker(5) as unknown as Worker,
      poolSize: 2,
      group: { files: 4, waitMs: 1_000 },
    });
    expect(n).toBe(11);
    // Every group full but the last: a group waits for its files (the wait is longer than the reading).
    expect(groups).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10]]);
  });

  it('a group does not wait past its wait: a slow file comes in a later group', async () => {
    FakeWorker.made = [];
    const groups: number[][] = [];
    await readImportGroups(files(['0.xlsx', '1.xlsx']), (first, outcomes) => void groups.push(outcomes.map((_, k) => first + k)), {
      makeWorker: () => new FakeWorker(60) as unknown as Worker,
      poolSize: 1,
      group: { files: 10, waitMs: 20 },
    });
    expect(groups).toEqual([[0], [1]]);
  });
});
