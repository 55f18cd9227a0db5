/**
 * The lying-size zip bomb's benchmark line of `npm run bench:workbook` (also alone:
 * `npm run bench:workbook -- --only-bomb`): peak memory of refusing
 * tests/fixtures/workbooks/bad/bom-noi-doi-kich-thuoc.xlsx (1 MB that inflates to 1 GiB while
 * declaring about 90 MB), beside the same measurement reading an honest unit workbook of about
 * the same file size (5,000 activities) as the baseline, in the same run:
 *
 *   Node      readWorkbook in a fresh process (as the command line reads): peak RSS (VmHWM,
 *             reset just before), median and min–max over the runs.
 *   Chromium  the import screen's reader (features/import/import-read.ts: the module worker,
 *             exchange/reader.ts inside it) in Debian's Chromium, one fresh renderer per run:
 *             the renderer process's peak RSS (VmHWM; the worker lives in that process) when the
 *             page has loaded and after the file is read. run-bomb-bench.mjs does this part.
 *
 * Memory, not time, is what it is about; the wall time of each run is printed for reference.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readWorkbook } from '@exchange/reader';
import { writeUnitReport } from '@exchange/writer';
import type { UnitReport } from '@domain/report';

export const BOMB_CASES = ['bomb-node', 'honest-node'] as const;
export type BombCase = (typeof BOMB_CASES)[number];

export interface BombMeasurement {
  case: BombCase;
  ms: number;
  peakMb: number;
  startMb: number;
  detail: string;
}


function status(key: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${key}:\\s+(\\d+)\\s+kB`).exec(readFileSync('/proc/self/status', 'utf8'));
  if (!m) throw new Error(`no ${key} in /proc/self/status (Linux only)`);
  return Number(m[1]) / 1024;
}

/** Child process: read `file` once as the command line does; peak RSS around it. */
export async function runBombCase(name: BombCase, file: string): Promise<BombMeasurement> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const buf = readFileSync(file);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  gc?.();
  const startMb = status('VmRSS');
  writeFileSync('/proc/self/clear_refs', '5');
  const t0 = performance.now();
  const r = await readWorkbook(bytes, { fileName: file.slice(file.lastIndexOf('/') + 1) });
  const ms = performance.now() - t0;
  const peakMb = status('VmHWM');
  const refused = r.report === null;
  if (name === 'bomb-node' && !(refused && /giải nén ra nhiều hơn kích thước ghi trong tệp/.test(r.problems[0]?.message ?? ''))) {
    throw new Error(`the bomb was not refused for its sizes: ${r.problems[0]?.message ?? 'no problem'}`);
  }
  if (name === 'honest-node' && (refused || r.counts.errors > 0)) throw new Error(`the honest file did not read: ${r.problems[0]?.message ?? ''}`);
  return { case: name, ms, peakMb, startMb, detail: refused ? 'refused' : `${r.counts.activities} activities` };
}

export const BOMB_FILE = (repo: string) => join(repo, 'tests/fixtures/workbooks/bad/bom-noi-doi-kich-thuoc.xlsx');

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const spread = (xs: readonly number[]) => `${median(xs).toFixed(0)} MB (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

/**
 * Parent: `reps` fresh Node processes per case (alternating), then the Chromium part; prints the
 * lines. `runChild(case, file)` runs one case in a fresh process. False when a part failed.
 */
export async function bombBench(opts: {
  repo: string;
  dir: string;
  reps: number;
  honestReport: UnitReport;
  runChild: (name: BombCase, file: string) => Promise<BombMeasurement>;
}): Promise<boolean> {
  const bomb = BOMB_FILE(opts.repo);
  const honest = join(opts.dir, 'honest-5000.xlsx');
  writeFileSync(honest, await writeUnitReport(opts.honestReport));
  const load = loadavg();
  const node: Record<BombCase, BombMeasurement[]> = { 'bomb-node': [], 'honest-node': [] };
  for (let rep = 0; rep < opts.reps; rep++) {
    const order: BombCase[] = rep % 2 === 0 ? ['bomb-node', 'honest-node'] : ['honest-node', 'bomb-node'];
    for (const c of order) {
      const m = await opts.runChild(c, c === 'bomb-node' ? bomb : honest);
      node[c].push(m);
      process.stderr.write(`  ${c.padEnd(12)} peak ${m.peakMb.toFixed(0)} MB (start ${m.startMb.toFixed(0)} MB)  wall ${m.ms.toFixed(0)} ms  ${m.detail}\n`);
    }
  }
  const chromium = await chromiumPart(opts.repo, bomb, honest, opts.reps);
  console.log('');
  console.log('Lying-size zip bomb (bom-noi-doi-kich-thuoc.xlsx: 1 MB, declares ~90 MB, inflates to 1 GiB): peak memory of refusing it, beside reading an honest 5,000-activity workbook');
  const nb = node['bomb-node'].map((m) => m.peakMb);
  const nh = node['honest-node'].map((m) => m.peakMb);
  console.log(`  Node     (readWorkbook, fresh process)        refuse bomb: peak RSS ${spread(nb)}; honest file: ${spread(nh)}; ${opts.reps} runs each; bomb wall ${median(node['bomb-node'].map((m) => m.ms)).toFixed(0)} ms`);
  if (chromium) {
    const cb = chromium.filter((r) => r.case === 'bomb');
    const ch = chromium.filter((r) => r.case === 'honest');
    const loaded = [...cb, ...ch].map((r) => r.loadedMb);
    console.log(
      `  Chromium (import worker, renderer process)   refuse bomb: peak RSS ${spread(cb.map((r) => r.peakMb))}; honest file: ${spread(ch.map((r) => r.peakMb))}; page loaded: ${spread(loaded)}; ${cb.length} runs each; bomb wall ${median(cb.map((r) => r.ms)).toFixed(0)} ms`,
    );
  } else console.log('  Chromium: FAILED (see above)');
  console.log(`  load average before ${load.map((x) => x.toFixed(1)).join(' ')}, after ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  return chromium !== null;
}

interface ChromiumRun {
  case: 'bomb' | 'honest';
  loadedMb: number;
  peakMb: number;
  ms: number;
  detail: string;
}

function chromiumPart(repo: string, bomb: string, honest: string, reps: number): Promise<ChromiumRun[] | null> {
  const runner = resolve(repo, 'tests/bench/run-bomb-bench.mjs');
  return new Promise((ok) => {
    const p = spawn(process.execPath, [runner, '--bomb', bomb, '--honest', honest, '--reps', String(reps)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (d: string) => (out += d));
    p.on('error', () => ok(null));
    p.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BOMB_RESULT '));
      ok(code === 0 && line ? (JSON.parse(line.slice('BOMB_RESULT '.length)) as ChromiumRun[]) : null);
    });
  });
}
