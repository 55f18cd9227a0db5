#!/usr/bin/env node
/**
 * npm run bench:startup — the built app (out/renderer, as the e2e tests serve it) started cold in
 * Chromium over a database holding an import of many unit workbooks (by default the province's
 * 2,000 × 40 = 80,000 activities), then «Nhật ký» opened twice and searched, as an officer would.
 *
 *   node tests/bench/run-startup-bench.mjs [--files <folder of unit workbooks>] [--reps 3] [--build] [--profile <dir>]
 *
 * --profile keeps Chromium's profile (with the imported database) in <dir> and reuses it on the
 * next run instead of importing again.
 *
 * The workbooks are those `npm run bench:workbook -- --only-chromium --chromium-reps 1 --keep
 * --import-files 2000 --import-activities 40` leaves in out/bench/workbook-bench-files/units.
 *
 * 1. The app is built when out/renderer is missing (or with --build: `electron-vite build`); the
 *    import benchmark's page (import-bench.html) is built beside it.
 * 2. One server on 127.0.0.1 serves that page at /, the workbooks at /units/ and the app at /app/:
 *    one origin, so one IndexedDB. Chromium runs with a profile folder of its own (Playwright's
 *    persistent context; the launch args of playwright.config.ts; any request elsewhere fails
 *    the run), the date moved to 10/12/2025 (within the period the generated reports fall in).
 * 3. The page imports every workbook as the import screen does (readWorkbook in the reader pool,
 *    previewImport, one applyBatch; not timed) into the app's database and marks the setup done.
 * 4. `--reps` times, two starts each: one after the figures the app remembers
 *    (db/remembered.ts, table meta) are removed from the database, as after any change to the
 *    data (the overview is computed from the digests), then one as the next start finds it (the
 *    figures remembered). Each time Chromium is started afresh on that profile (a cold start: new
 *    processes, the database read from disk), the app opened at /app/, and timed on the page's
 *    clock from the start of navigation: the shell drawn (navigation usable), «Tổng quan» showing its figures
 *    (the first usable screen; target ≤ 1 s), its charts drawn. Then «Nhật ký» is opened (its
 *    count and first row shown), «Tổng quan» and «Nhật ký» again, and, once the list holds every
 *    activity, «tuyen truyen» typed into its search field (until the count of matches is shown):
 *    targets ≤ 300 ms to open, ≤ 100 ms to search.
 *
 * Prints medians and min–max with the load average before and after; writes
 * test-results/bench-startup.json. Exit code 1 only when something failed (not for a missed target).
 */
/* global window, document, HTMLInputElement, requestAnimationFrame, indexedDB */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from '@playwright/test';
import { median, parseArgs, playwrightArgs, serveRoots } from './bench-common.mjs';

const repo = resolve(import.meta.dirname, '../..');
const pageDir = join(repo, 'out/bench-import');
const appDir = join(repo, 'out/renderer');
const TARGETS = { firstScreenMs: 1000, logOpenMs: 300, logSearchMs: 100 };
const NOW = '2025-12-10T09:00:00+07:00';
const started = Date.now();

/** The bench page at /, the workbooks at /units/, the app at /app/. */
const serve = (unitsDir, port = 0) =>
  serveRoots(
    [
      ['/units/', unitsDir, ''],
      ['/app/', appDir, 'index.html'],
      ['/', pageDir, 'import-bench.html'],
    ],
    port,
  );

/** Chromium on the profile folder, every request not to the server refused (and recorded). */
async function launch(profile, port, failures) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: playwrightArgs(),
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' && url.port === String(port)) return route.continue();
    failures.push(`request outside 127.0.0.1: ${url.href}`);
    return route.abort();
  });
  return context;
}

/** Page time (performance.now(), from the start of navigation) at the first frame where `selector` matches. */
const shownAt = (page, selector) =>
  page.waitForFunction((s) => (document.querySelector(s) ? performance.now() : 0), selector, { polling: 'raf', timeout: 120_000 }).then((h) => h.jsonValue());

/**
 * In the page: runs `action` (a nav button's label to click, or text to type into the log's
 * search field), then waits, frame by frame, until the list shows a count different from
 * `before` and is not loading; returns the ms it took and the count shown.
 */
function timeInPage({ click, type, before }) {
  const countText = () => document.querySelector('.list-count')?.textContent ?? '';
  const loading = () => (document.querySelector('.act-empty')?.textContent ?? '').includes('Đang tải');
  const t0 = performance.now();
  if (click) [...document.querySelectorAll('.main-nav button')].find((b) => b.textContent === click).click();
  if (type) {
    const input = document.querySelector('.filter-search input');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, type);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return new Promise((resolve, reject) => {
    const step = () => {
      const text = countText();
      const rowsShown = document.querySelector('.act-body [role="row"]') !== null || document.querySelector('.act-empty') !== null;
      if (text !== '' && text !== before && !loading() && rowsShown) resolve({ ms: performance.now() - t0, count: text });
      else if (performance.now() - t0 > 60_000) reject(new Error(`the log did not answer: «${text}»`));
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

async function oneStart(profile, port) {
  const failures = [];
  const context = await launch(profile, port, failures);
  try {
    // The clock moved to NOW for Date only: Playwright's clock would also drive timers,
    // requestAnimationFrame and performance.now(), which time everything here.
    await context.addInitScript((now) => {
      const RealDate = Date;
      const shift = now - RealDate.now();
      class ShiftedDate extends RealDate {
        constructor(...args) {
          super(...(args.length > 0 ? args : [RealDate.now() + shift]));
        }
        static now() {
          return RealDate.now() + shift;
        }
      }
      globalThis.Date = ShiftedDate;
    }, Date.parse(NOW));
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`http://127.0.0.1:${port}/app/index.html`, { waitUntil: 'commit' });
    const shellMs = await shownAt(page, '[data-app-ready="true"]');
    const firstScreenMs = await shownAt(page, '.overview .ov-card');
    const chartsMs = await shownAt(page, '.overview .ov-card canvas, .overview .ov-card svg');
    // Let the start-up settle (charts, the background work after opening) before the log.
    await page.waitForTimeout(1500);
    const logOpen = await page.evaluate(timeInPage, { click: 'Nhật ký', before: '' });
    await page.evaluate(() => [...document.querySelectorAll('.main-nav button')].find((b) => b.textContent === 'Tổng quan').click());
    await shownAt(page, '.overview .ov-card');
    const logReopen = await page.evaluate(timeInPage, { click: 'Nhật ký', before: '' });
    // Opened from a light screen (Cài đặt): the log's own cost, without leaving «Tổng quan».
    await page.evaluate(() => [...document.querySelectorAll('.main-nav button')].find((b) => b.textContent === 'Cài đặt').click());
    await page.waitForTimeout(1000);
    const logFromSettings = await page.evaluate(timeInPage, { click: 'Nhật ký', before: '' });
    // The whole list is read after the first screen (the table then holds every row, not the
    // first screen's); a search is typed once it has been.
    await page.waitForFunction(
      () => {
        const count = Number((document.querySelector('.list-count')?.textContent ?? '').replace(/\D/g, ''));
        return Number(document.querySelector('.act-table')?.getAttribute('aria-rowcount')) === count + 1;
      },
      null,
      { timeout: 120_000 },
    );
    await page.waitForTimeout(500);
    const search = await page.evaluate(timeInPage, { type: 'tuyen truyen', before: logReopen.count });
    if (errors.length > 0 || failures.length > 0) throw new Error([...errors, ...failures].join('; '));
    return { shellMs, firstScreenMs, chartsMs, logOpenMs: logOpen.ms, logCount: logOpen.count, logReopenMs: logReopen.ms, logFromSettingsMs: logFromSettings.ms, searchMs: search.ms, searchCount: search.count };
  } finally {
    await context.close();
  }
}

/**
 * Removes what the app remembers (the `remembered|…` records of table meta) straight from the
 * database, as a page of the same origin: the next start computes the overview again.
 */
async function forgetRemembered(profile, port) {
  const failures = [];
  const context = await launch(profile, port, failures);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${port}/`);
    return await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('so-ke-hoach');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const idb = open.result;
            const tx = idb.transaction('meta', 'readwrite');
            let removed = 0;
            const cursor = tx.objectStore('meta').openCursor();
            cursor.onsuccess = () => {
              const c = cursor.result;
              if (!c) return;
              if (String(c.key).startsWith('remembered|')) {
                c.delete();
                removed++;
              }
              c.continue();
            };
            tx.oncomplete = () => {
              idb.close();
              resolve(removed);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
  } finally {
    await context.close();
  }
}

/** The import, as the import screen does it, into the app's database on the profile (not timed here). */
async function seed(profile, port, names) {
  const failures = [];
  const seeding = await launch(profile, port, failures);
  try {
    const page = seeding.pages()[0] ?? (await seeding.newPage());
    page.on('pageerror', (e) => failures.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.importBenchReady === true);
    console.error(`importing ${names.length} workbooks into the app's database…`);
    const seeded = await page.evaluate((opts) => window.seedImport(opts), { names });
    if (failures.length > 0) throw new Error(failures.join('; '));
    return seeded;
  } finally {
    await seeding.close();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const unitsDir = resolve(args.get('--files') ?? join(repo, 'out/bench/workbook-bench-files/units'));
  const reps = Math.max(3, Number(args.get('--reps') ?? 3));
  if (!existsSync(unitsDir)) throw new Error(`${unitsDir}: no workbooks (npm run bench:workbook -- --only-chromium --chromium-reps 1 --keep --import-files 2000 --import-activities 40)`);
  const names = readdirSync(unitsDir).filter((n) => n.endsWith('.xlsx')).sort();
  if (args.has('--build') || !existsSync(join(appDir, 'index.html'))) {
    const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: repo, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('electron-vite build failed');
  }
  await build({ configFile: join(repo, 'tests/bench/vite.import-bench.config.mts'), logLevel: 'warn' });
  // --profile <dir>: keep the seeded profile there and reuse it next time (no import again); the
  // database belongs to the origin, so the same port serves it again.
  const kept = args.get('--profile') ? resolve(args.get('--profile')) : null;
  const reuse = kept !== null && existsSync(join(kept, 'seeded.json'));
  const before = reuse ? JSON.parse(await readFile(join(kept, 'seeded.json'), 'utf8')) : null;
  const server = await serve(unitsDir, before?.port ?? 0);
  const port = server.address().port;
  const profile = kept ?? mkdtempSync(join(tmpdir(), 'startup-bench-'));
  try {
    const seeded = before ?? { ...(await seed(profile, port, names)), port };
    if (kept) writeFileSync(join(kept, 'seeded.json'), JSON.stringify(seeded));
    console.error(`  ${seeded.activities.toLocaleString('en-US')} activities imported${reuse ? ' before' : ` in ${(seeded.ms / 1000).toFixed(0)} s`} (not measured)`);


    const loadBefore = loadavg();
    const runs = [];
    const computed = [];
    const line = (r) =>
      `shell ${r.shellMs.toFixed(0)} ms, «Tổng quan» figures ${r.firstScreenMs.toFixed(0)} ms, charts ${r.chartsMs.toFixed(0)} ms; «Nhật ký» ${r.logOpenMs.toFixed(0)} ms (${r.logCount}), again ${r.logReopenMs.toFixed(0)} ms, from «Cài đặt» ${r.logFromSettingsMs.toFixed(0)} ms, search ${r.searchMs.toFixed(0)} ms (${r.searchCount})`;
    for (let i = 0; i < reps; i++) {
      const removed = await forgetRemembered(profile, port);
      const c = await oneStart(profile, port);
      console.error(`  start ${i + 1}a, figures computed (${removed} remembered records removed first): ${line(c)}`);
      computed.push(c);
      const r = await oneStart(profile, port);
      console.error(`  start ${i + 1}b, figures remembered: ${line(r)}`);
      runs.push(r);
    }
    const loadAfter = loadavg();
    const stat = (k, of = runs) => {
      const xs = of.map((r) => r[k]);
      return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
    };
    const fmt = (s) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
    const s = Object.fromEntries(['shellMs', 'firstScreenMs', 'chartsMs', 'logOpenMs', 'logReopenMs', 'logFromSettingsMs', 'searchMs'].map((k) => [k, stat(k)]));
    const sc = Object.fromEntries(['shellMs', 'firstScreenMs', 'chartsMs', 'logOpenMs'].map((k) => [k, stat(k, computed)]));
    const missed = [];
    if (s.firstScreenMs.median > TARGETS.firstScreenMs) missed.push(`first usable screen ${s.firstScreenMs.median.toFixed(0)} ms > ${TARGETS.firstScreenMs} ms`);
    if (s.logOpenMs.max > TARGETS.logOpenMs) missed.push(`«Nhật ký» first open up to ${s.logOpenMs.max.toFixed(0)} ms > ${TARGETS.logOpenMs} ms`);
    if (s.logReopenMs.max > TARGETS.logOpenMs) missed.push(`«Nhật ký» second open up to ${s.logReopenMs.max.toFixed(0)} ms > ${TARGETS.logOpenMs} ms`);
    if (s.searchMs.max > TARGETS.logSearchMs) missed.push(`first search up to ${s.searchMs.max.toFixed(0)} ms > ${TARGETS.logSearchMs} ms`);
    console.log('');
    console.log(`Cold start of the built app in Chromium over ${names.length} imported unit workbooks (${seeded.activities.toLocaleString('en-US')} activities), medians (min–max) of ${reps} starts each, page time from the start of navigation:`);
    console.log(`  with the figures remembered (a start with nothing changed since the last):`);
    console.log(`    shell drawn (navigation usable)        ${fmt(s.shellMs)}`);
    console.log(`    «Tổng quan» figures (first usable screen) ${fmt(s.firstScreenMs)}   target ≤ ${TARGETS.firstScreenMs} ms`);
    console.log(`    «Tổng quan» charts drawn                ${fmt(s.chartsMs)}`);
    console.log(`  with the figures computed (the first start after the data changed, or after an update of the app):`);
    console.log(`    shell drawn ${fmt(sc.shellMs)}, «Tổng quan» figures ${fmt(sc.firstScreenMs)}, charts ${fmt(sc.chartsMs)}; «Nhật ký» first open ${fmt(sc.logOpenMs)}`);
    console.log(`«Nhật ký» after the start with the figures remembered (click to its count and first row shown; ${runs[0].logCount} in the period of the context bar):`);
    console.log(`  first open ${fmt(s.logOpenMs)}, second open ${fmt(s.logReopenMs)} (both from «Tổng quan», which is taken down meanwhile)   target ≤ ${TARGETS.logOpenMs} ms every time`);
    console.log(`  opened from «Cài đặt» (a light screen) ${fmt(s.logFromSettingsMs)}, for reference`);
    console.log(`  first search «tuyen truyen» (typed to the count shown: ${runs[0].searchCount}) ${fmt(s.searchMs)}   target ≤ ${TARGETS.logSearchMs} ms`);
    console.log(`load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
    console.log(missed.length === 0 ? 'startup targets met' : `startup targets missed: ${missed.join('; ')}`);
    mkdirSync(join(repo, 'test-results'), { recursive: true });
    writeFileSync(join(repo, 'test-results/bench-startup.json'), JSON.stringify({ files: names.length, activities: seeded.activities, runs, computed, stats: s, statsComputed: sc, loadBefore, loadAfter, at: new Date().toISOString() }, null, 2));
  } finally {
    server.close();
    if (!kept) rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
