/**
 * The Chromium page of the lying-size zip bomb's benchmark (run-bomb-bench.mjs): reads one file
 * with the import screen's own reader (features/import/import-read.ts: a module worker running
 * exchange/reader.ts), exactly as choosing the file on «Nhập dữ liệu» does.
 */
import { readImportFiles, type ReadOutcome } from '@features/import/import-read';

declare global {
  interface Window {
    bombBenchReady?: boolean;
    readLikeImport?: (url: string, name: string) => Promise<{ ms: number; refused: boolean; activities: number; message: string }>;
  }
}

window.readLikeImport = async (url, name) => {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  let outcome: ReadOutcome | null = null;
  const t0 = performance.now();
  await readImportFiles([{ name, bytes }], (_, o) => {
    outcome = o;
  });
  const ms = performance.now() - t0;
  const o = outcome as ReadOutcome | null;
  if (!o) throw new Error('no outcome');
  if (!o.ok) return { ms, refused: true, activities: 0, message: o.message };
  return { ms, refused: o.result.report === null, activities: o.result.counts.activities, message: o.result.problems[0]?.message ?? '' };
};
window.bombBenchReady = true;
document.getElementById('status')!.textContent = 'Sẵn sàng';
