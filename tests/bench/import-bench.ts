/**
 * The import benchmark page (built by vite.import-bench.config.mts, driven by
 * run-import-bench.mjs): 100 unit workbooks × 500 activities, handed over by the runner as
 * bytes, imported in Debian's Chromium with real IndexedDB and the app's real code.
 *
 *   raw   ExcelJS `wb.xlsx.load` of each file + touching every cell's value (the same baseline
 *         as the Node bench's raw reading).
 *   ours  what the import screen does: readWorkbook of each file in the app's pool of reader
 *         workers (one per core, at most 4), previewImport of each file as it arrives, then ONE
 *         applyBatch of all of them (one Dexie transaction) into a fresh "so-ke-hoach"
 *         database seeded like the app's (ensureSeeded, the district as own unit).
 *
 * Each case is timed by the wall clock (performance.now()); the JS heap (performance.memory,
 * precise with --enable-precise-memory-info) is sampled every 100 ms and at every file (reading it is not free); garbage is
 * collected (window.gc, --js-flags=--expose-gc) before each case. Long main-thread tasks
 * (PerformanceObserver 'longtask', ≥ 50 ms) are recorded per phase of ours: preview and apply
 * run on the renderer's thread in the app, so their longest task is what the officer waits
 * for between two frames. A cancel check aborts a batch after about half the files (from a
 * separate task, like a click on "Hủy") and compares every table's row count before and after.
 */
import ExcelJS from 'exceljs';
import type { ActivityFilter } from '@domain/activity';
import { activitiesOfPlan } from '@db/activity-read';
import { db } from '@db/db';
import { ensureSeeded } from '@db/plan-ops';
import { putSetting } from '@db/settings-ops';
import { applyBatch, type BatchEntry, type ImportPreview, type PreviewInput } from '@db/import-ops';
import { readImportGroups, readerPoolSize } from '@features/import/import-read';
import { previewFiles } from '@features/import/import-preview';
import { DEFAULT_ACTIVITY_SORT, filterAndSortActivities } from '@features/activities/activity-query';
import { FIRST_ROWS, openActivityLog } from '@features/activities/use-activity-log';

const DISTRICT = { code: 'LDLD-DMC', name: 'LĐLĐ huyện Dương Minh Châu' };
const MB = 1024 * 1024;

interface FileBytes {
  name: string;
  buffer: ArrayBuffer;
}

export interface CaseResult {
  case: 'raw' | 'ours';
  rep: number;
  ms: number;
  /** JS heap after collecting garbage at the start, and the largest sample during the case (MB). */
  heapStartMb: number;
  heapPeakMb: number;
  /** ours: wall ms of reading (previews included: they overlap), main-thread ms of the previews, wall ms of applyBatch. */
  phases?: { read: number; preview: number; apply: number };
  /** ours: reader workers in the pool. */
  workers?: number;
  /** ours: longest main-thread task (ms) while reading and previewing / during apply; 0 when none reached 50 ms. */
  longestTask?: { preview: number; apply: number };
  longTasks?: { preview: number; apply: number };
  /** ours: activities stored / raw: non-empty cells touched. */
  count: number;
  /** ours: progress callbacks seen during applyBatch. */
  progressCalls?: number;
  /** ours: «Nhật ký» afterwards (wall ms on the page's thread), see measureLog. */
  log?: LogTimes;
}

export interface CancelResult {
  /** Files of the batch; the abort came after `abortedAfter` progress calls. */
  files: number;
  abortedAfter: number;
  status: string;
  before: Record<string, number>;
  after: Record<string, number>;
  unchanged: boolean;
  ms: number;
}

const statusEl = () => document.getElementById('status')!;
function status(text: string): void {
  statusEl().textContent = text;
  console.log(`[bench] ${Math.round(performance.now())} ms: ${text}`);
}

const heapNow = (): number => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

/** Samples the heap every 100 ms (and whenever `poke` is called) until stopped. */
function heapSampler(): { poke: () => void; stop: () => number } {
  let peak = heapNow();
  const poke = () => {
    const h = heapNow();
    if (h > peak) peak = h;
  };
  const timer = setInterval(poke, 100);
  return {
    poke,
    stop: () => {
      clearInterval(timer);
      poke();
      return peak;
    },
  };
}

async function collect(): Promise<number> {
  const gc = (window as unknown as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  await new Promise((r) => setTimeout(r, 50));
  return heapNow();
}

/** Long tasks (≥ 50 ms) seen by the page, with their start and duration. */
const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

function longestIn(from: number, to: number): { longest: number; count: number } {
  // A task is attributed to the phase it started in.
  const inside = longTasks.filter((t) => t.start >= from && t.start < to);
  return { longest: inside.reduce((m, t) => Math.max(m, t.duration), 0), count: inside.length };
}

/** The task queue drains (pending long-task entries are delivered) before reading them. */
const settle = () => new Promise((r) => setTimeout(r, 100));

export interface LogTimes {
  /** Opening «Nhật ký» the first time: its first screen (the count and the first rows, read whole). */
  openMs: number;
  /** Then every activity read whole and the list filtered and sorted (what follows the first screen). */
  fullMs: number;
  /** The first search («tuyen truyen») over them once read. */
  searchMs: number;
  searchHits: number;
  /** Opening it again (another screen, then back). */
  reopenMs: number;
  /** Activities the list counts (every period, live); of which imported. */
  count: number;
  imported: number;
}

/** The list as «Nhật ký» opens it: every period (the largest count), newest first. */
const LOG_FILTER: ActivityFilter = { query: '', deleted: false };

/**
 * «Nhật ký» over every plan, by the functions its screen runs (features/activities/
 * use-activity-log.ts): the first screen, then every activity, then a search; then open again.
 * Checked: the first screen's count and rows are those of the whole list.
 */
async function measureLog(): Promise<LogTimes> {
  const plans = await db.plans.toArray();
  const open = async () => {
    const t = performance.now();
    const pages = [];
    for (const p of plans) pages.push(await openActivityLog(p.id, LOG_FILTER, DEFAULT_ACTIVITY_SORT));
    return { ms: performance.now() - t, pages };
  };
  const first = await open();
  const tFull = performance.now();
  const records = [];
  const lists = [];
  for (const p of plans) {
    records.push(await activitiesOfPlan(p.id));
    lists.push(filterAndSortActivities(records.at(-1)!, LOG_FILTER, DEFAULT_ACTIVITY_SORT));
  }
  const fullMs = performance.now() - tFull;
  // Typed into the search field: the screen filters the activities it holds (no read).
  const tSearch = performance.now();
  let searchHits = 0;
  for (const r of records) searchHits += filterAndSortActivities(r, { ...LOG_FILTER, query: 'tuyen truyen' }, DEFAULT_ACTIVITY_SORT).length;
  const searchMs = performance.now() - tSearch;
  const again = await open();
  for (const [i, list] of lists.entries()) {
    for (const page of [first.pages[i]!, again.pages[i]!]) {
      const same = page.count === list.length && (page.rows ?? []).every((r, k) => r.id === list[k]?.id) && (page.rows ?? []).length === Math.min(list.length, FIRST_ROWS);
      if (!same) throw new Error(`the log's first screen differs from its whole list (${page.count} / ${list.length})`);
    }
  }
  const all = lists.flat();
  return { openMs: first.ms, fullMs, searchMs, searchHits, reopenMs: again.ms, count: all.length, imported: all.filter((a) => a.submissionId !== undefined).length };
}

async function freshDatabase(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  const t = '2025-01-01T00:00:00.000Z';
  await db.units.add({ code: DISTRICT.code, name: DISTRICT.name, level: 'district', parentName: '', type: null, members: null, contact: '', phone: '', active: true, createdAt: t, updatedAt: t });
  await putSetting('ownUnitCode', DISTRICT.code);
}

async function tableCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of db.tables) out[t.name] = await t.count();
  // importedActivities holds one record per file: count the activities in them too.
  let read = 0;
  for (const p of await db.plans.toArray()) read += (await activitiesOfPlan(p.id)).length;
  out['activities as the log reads them'] = read;
  return out;
}

async function runRaw(files: readonly FileBytes[], rep: number): Promise<CaseResult> {
  const heapStart = await collect();
  const sampler = heapSampler();
  let cells = 0;
  const t0 = performance.now();
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(f.buffer);
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (v !== null && v !== undefined) cells++;
        }),
      ),
    );
    sampler.poke();
  }
  const ms = performance.now() - t0;
  const peak = sampler.stop();
  return { case: 'raw', rep, ms, heapStartMb: heapStart / MB, heapPeakMb: peak / MB, count: cells };
}

/**
 * What the import screen does to read a batch (features/import/import-store.ts readFiles): the
 * app's pool of reader workers (features/import/import-read.ts: readWorkbook + the file's hash
 * in each worker), the files handed over in groups as they arrive, in order, each group
 * previewed on this thread in one batch (features/import/import-preview.ts). `preview` is the
 * main-thread time of the previews alone; `read` the wall time of the whole phase (reading and
 * previewing overlap).
 */
async function readAndPreview(files: readonly FileBytes[], poke: () => void): Promise<{ entries: BatchEntry[]; read: number; preview: number; activities: number; workers: number }> {
  const previews: ImportPreview[] = [];
  let activities = 0;
  let preview = 0;
  let failure: string | null = null;
  const t0 = performance.now();
  const list = files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.buffer) }));
  await readImportGroups(list, async (first, outcomes) => {
    const inputs: PreviewInput[] = [];
    outcomes.forEach((outcome, k) => {
      const name = list[first + k]!.name;
      if (!outcome.ok || !outcome.result.report || outcome.result.counts.errors > 0) {
        failure ??= `${name}: ${outcome.ok ? (outcome.result.problems[0]?.message ?? 'not read') : outcome.message}`;
        return;
      }
      activities += outcome.result.counts.activities;
      inputs.push({ report: outcome.result.report, fileHash: outcome.fileHash, fileName: name });
    });
    const p0 = performance.now();
    for (const p of await previewFiles(inputs)) {
      if (!p.ok) failure ??= p.message;
      else previews.push(p.preview);
    }
    preview += performance.now() - p0;
    poke();
  });
  if (failure) throw new Error(failure);
  return { entries: previews.map((p) => ({ preview: p, options: { addUnit: true } })), read: performance.now() - t0, preview, activities, workers: readerPoolSize(files.length) };
}

async function runOurs(files: readonly FileBytes[], rep: number): Promise<CaseResult> {
  await freshDatabase();
  const heapStart = await collect();
  const sampler = heapSampler();
  const t0 = performance.now();
  // Marks for the runner's Chrome trace (the timed runs only, not the warm-up).
  const mark = (name: string) => rep >= 0 && performance.mark(name);
  mark('imp-preview-start');
  const { entries, read, preview, activities, workers } = await readAndPreview(files, sampler.poke);
  mark('imp-preview-end');
  mark('imp-apply-start');
  const tApply = performance.now();
  let progressCalls = 0;
  const result = await applyBatch(entries, {
    onProgress: (p) => {
      progressCalls++;
      // What the import screen shows: the file count.
      statusEl().textContent = `Đang nhập ${p.done}/${p.total} tệp…`;
      sampler.poke();
    },
  });
  const t1 = performance.now();
  mark('imp-apply-end');
  const peak = sampler.stop();
  if (result.status !== 'done') throw new Error(`applyBatch: ${result.status}`);
  const refused = result.files.filter((f) => !f.ok);
  if (refused.length > 0) throw new Error(`refused: ${refused.map((f) => (f.ok ? '' : `${f.fileName}: ${f.message}`)).join('; ')}`);
  const log = await measureLog();
  const stored = log.imported;
  if (stored !== activities) throw new Error(`read ${activities} activities, stored ${stored}`);
  await settle();
  // Reading runs in workers: every main-thread task of the reading phase is the previews'.
  const p = longestIn(t0, tApply);
  const a = longestIn(tApply, t1 + 1);
  return {
    case: 'ours',
    rep,
    ms: t1 - t0,
    heapStartMb: heapStart / MB,
    heapPeakMb: peak / MB,
    phases: { read, preview, apply: t1 - tApply },
    workers,
    longestTask: { preview: p.longest, apply: a.longest },
    longTasks: { preview: p.count, apply: a.count },
    count: stored,
    progressCalls,
    log,
  };
}

/**
 * Cancel: a database already holding the first 10 files' import; a batch of all the files is
 * aborted (AbortController, from a separate task) once about half of them are applied. Every
 * table must hold exactly what it held before.
 */
async function runCancel(files: readonly FileBytes[]): Promise<CancelResult> {
  await freshDatabase();
  const first = await readAndPreview(files.slice(0, 10), () => {});
  const pre = await applyBatch(first.entries);
  if (pre.status !== 'done') throw new Error('cancel check: the first 10 files were not imported');
  const { entries } = await readAndPreview(files, () => {});
  const before = await tableCounts();
  const ac = new AbortController();
  const half = Math.floor(entries.length / 2);
  let abortedAfter = 0;
  const t0 = performance.now();
  const result = await applyBatch(entries, {
    signal: ac.signal,
    onProgress: (p) => {
      statusEl().textContent = `Đang nhập ${p.done}/${p.total} tệp…`;
      if (p.done === half && abortedAfter === 0) {
        abortedAfter = p.done;
        // Like a click on "Hủy": another task of the event loop, between IndexedDB requests.
        setTimeout(() => ac.abort(), 0);
      }
    },
  });
  const ms = performance.now() - t0;
  const after = await tableCounts();
  const unchanged = Object.keys(before).length === Object.keys(after).length && Object.keys(before).every((k) => before[k] === after[k]);
  return { files: entries.length, abortedAfter, status: result.status, before, after, unchanged, ms };
}

export async function runImportBench(options: { names: string[]; reps: number; only?: 'raw' | 'ours' }): Promise<{ userAgent: string; results: CaseResult[]; cancel: CancelResult; preciseMemory: boolean; gc: boolean }> {
  status(`Đang tải ${options.names.length} tệp…`);
  const files: FileBytes[] = [];
  for (const name of options.names) {
    const res = await fetch(`units/${encodeURIComponent(name)}`);
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
    files.push({ name, buffer: await res.arrayBuffer() });
  }
  // Warm-up (not timed): ExcelJS and the reader's code loaded and compiled for both sides.
  status('Khởi động…');
  await runRaw(files.slice(0, 2), -1);
  await runOurs(files.slice(0, 2), -1);

  const results: CaseResult[] = [];
  for (let rep = 0; rep < options.reps; rep++) {
    const order: ('raw' | 'ours')[] = options.only ? [options.only] : rep % 2 === 0 ? ['raw', 'ours'] : ['ours', 'raw'];
    for (const c of order) {
      status(`Lần ${rep + 1}/${options.reps}: ${c}…`);
      const r = c === 'raw' ? await runRaw(files, rep) : await runOurs(files, rep);
      console.log(`[bench] ${c} rep ${rep + 1}: ${r.ms.toFixed(0)} ms, heap peak ${r.heapPeakMb.toFixed(0)} MB`);
      results.push(r);
    }
  }
  status('Kiểm tra hủy…');
  const cancel = await runCancel(files);
  db.close();
  await db.delete();
  status('Xong.');
  const mem = (performance as unknown as { memory?: { jsHeapSizeLimit: number } }).memory;
  return { userAgent: navigator.userAgent, results, cancel, preciseMemory: mem !== undefined, gc: typeof (window as unknown as { gc?: unknown }).gc === 'function' };
}

/**
 * For the start-up benchmark (run-startup-bench.mjs): the files imported as the import screen
 * does into a fresh app database, set up as an office that has finished the first-run setup,
 * and left there for the app itself to open.
 */
export async function seedImport(options: { names: string[] }): Promise<{ activities: number; ms: number }> {
  const files: FileBytes[] = [];
  for (const name of options.names) {
    const res = await fetch(`units/${encodeURIComponent(name)}`);
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
    files.push({ name, buffer: await res.arrayBuffer() });
  }
  const t0 = performance.now();
  await freshDatabase();
  const { entries, activities } = await readAndPreview(files, () => {});
  const result = await applyBatch(entries);
  if (result.status !== 'done' || result.files.some((f) => !f.ok)) throw new Error('seedImport: a file was refused');
  await putSetting('setupDoneAt', new Date().toISOString());
  // The app reminds of a backup a week after the last one; a fresh installation is not late.
  await putSetting('lastBackupAt', new Date().toISOString());
  const ms = performance.now() - t0;
  db.close();
  return { activities, ms };
}

declare global {
  interface Window {
    seedImport: typeof seedImport;
    runImportBench: typeof runImportBench;
    importBenchReady: boolean;
  }
}

window.runImportBench = runImportBench;
window.seedImport = seedImport;
window.importBenchReady = true;
status('Sẵn sàng.');
