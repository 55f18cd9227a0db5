#!/usr/bin/env node
/**
 * npm run bench:activities — the 50,000-activity benchmark of the activity log.
 *
 * 1. Builds tests/bench/activities-bench.html with Vite (vite.bench.config.mts: the app's
 *    aliases, so the page runs the real Dexie database and the real filterAndSortActivities).
 * 2. Serves out/bench from 127.0.0.1 with a tiny node:http server.
 * 3. Launches Debian's Chromium through Playwright (not the test runner) with the launch args
 *    of playwright.config.ts; every request not to 127.0.0.1 is refused and fails the run.
 * 4. In the page: stores 50,000 generated activities in IndexedDB, then times load, filter and
 *    search (median and p95 of BENCH_RUNS runs, default 25), and prints them beside the target
 *    (≤ 50 ms for filter and search) and a baseline measured in the same run.
 *
 * Filter and search run BENCH_RUNS times each. The loads (a) run up to BENCH_RUNS times within
 * BENCH_LOAD_BUDGET_MS (default 30 s: 2/3 app, 1/3 baseline, less when the machine is slow so that
 * the run ends within 2 minutes; never fewer than 3 app and 2 baseline runs); the "runs" column shows the runs
 * actually made (app/baseline).
 *
 * Env: BENCH_COUNT (default 50000), BENCH_RUNS (default 25, at least 20), BENCH_LOAD_BUDGET_MS,
 * BENCH_VERBOSE (page progress), CHROMIUM_PATH.
 * Writes test-results/bench-activities.json. Exit code 1 when a target is missed or on error.
 * Not part of `npm test`.
 */
/* global window */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from '@playwright/test';
import { playwrightArgs, serveStatic } from './bench-common.mjs';

const repo = resolve(import.meta.dirname, '../..');
const outDir = join(repo, 'out/bench');
const COUNT = Number(process.env.BENCH_COUNT ?? 50_000);
const RUNS = Math.max(20, Number(process.env.BENCH_RUNS ?? 25));
const DEADLINE_MS = 115_000;
/**
 * Time the (a) loads may take in all (2/3 app, 1/3 baseline): IndexedDB reads dominate the run.
 * The page shrinks it further when seeding was slow, so the run ends within DEADLINE_MS.
 */
const LOAD_BUDGET_MS = Number(process.env.BENCH_LOAD_BUDGET_MS ?? 30_000);
const started = Date.now();

const fmt = (n) => (n === null || n === undefined ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);

function printTable(result) {
  const rows = [['measure', 'runs', 'median', 'p95', 'target', 'met?', 'baseline median', 'baseline p95', 'rows (app / baseline)']];
  for (const m of result.measures) {
    const ok = m.target === null ? '' : m.app.median <= m.target && m.app.p95 <= m.target ? 'PASS' : 'FAIL';
    rows.push([
      m.label,
      m.baseline ? `${m.app.runs}/${m.baseline.runs}` : String(m.app.runs),
      `${fmt(m.app.median)} ms`,
      `${fmt(m.app.p95)} ms`,
      m.target === null ? '–' : `≤ ${m.target} ms`,
      ok,
      m.baseline ? `${fmt(m.baseline.median)} ms` : '–',
      m.baseline ? `${fmt(m.baseline.p95)} ms` : '–',
      `${m.app.rows}${m.baseline ? ` / ${m.baseline.rows}` : ''}`,
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const line = (r) => r.map((cell, c) => (c === 0 || c === 5 || c === 8 ? pad(cell, widths[c]) : padL(cell, widths[c]))).join(' │ ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const r of rows.slice(1)) console.log(line(r));
}

async function main() {
  console.log(`Benchmark: ${COUNT.toLocaleString('en-US')} activities, ${RUNS} runs per measure (median, p95)`);
  await build({ configFile: join(repo, 'tests/bench/vite.bench.config.mts') });
  const server = await serveStatic(outDir, 'activities-bench.html');
  const { port } = server.address();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: playwrightArgs(),
  });
  const refused = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' && url.port === String(port)) return route.continue();
      refused.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    if (process.env.BENCH_VERBOSE) page.on('console', (m) => console.log(m.text()));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 20_000 });
    const timer = setTimeout(() => {
      console.error(`Over ${DEADLINE_MS / 1000} s: stopping.`);
      process.exit(1);
    }, DEADLINE_MS - (Date.now() - started));
    const result = await page.evaluate((opts) => window.runBench(opts), {
      count: COUNT,
      runs: RUNS,
      loadBudgetMs: LOAD_BUDGET_MS,
      timeLeftMs: DEADLINE_MS - (Date.now() - started),
    });
    clearTimeout(timer);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    if (refused.length > 0) throw new Error(`requests outside 127.0.0.1 were made: ${refused.join(', ')}`);

    console.log(`Chromium: ${result.userAgent}`);
    console.log(`Seeded ${result.count.toLocaleString('en-US')} activities into IndexedDB: ${result.seedMs} ms\n`);
    printTable(result);
    const baselineNote =
      'baseline: (a) IDBIndex.getAll directly; (b), (c) Array.prototype.filter over the same array with precomputed lower-case text and String.includes (no accent folding, no sort).';
    console.log(`\n${baselineNote}`);
    console.log('(b) and (c) run on an array already sorted (sortedActivities cache); (b′) includes the sort.');
    console.log(`Total: ${((Date.now() - started) / 1000).toFixed(1)} s`);

    mkdirSync(join(repo, 'test-results'), { recursive: true });
    writeFileSync(join(repo, 'test-results/bench-activities.json'), JSON.stringify({ ...result, runs: RUNS, at: new Date().toISOString() }, null, 2));
    const missed = result.measures.filter((m) => m.target !== null && (m.app.median > m.target || m.app.p95 > m.target));
    if (missed.length > 0) {
      console.error(`\nTargets missed: ${missed.map((m) => m.label).join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
