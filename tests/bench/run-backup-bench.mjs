#!/usr/bin/env node
/**
 * `npm run bench:backup`: restoring a backup of about 200 MB in Debian's Chromium with real
 * IndexedDB, beside a bare Dexie bulkPut of the same records in the same run.
 *
 *   node tests/bench/run-backup-bench.mjs [--submissions 900] [--per-report 500] [--activities 40000] [--reps 3]
 *
 * Builds backup-bench.html (vite.backup-bench.config.mts: the app's aliases, so the page runs
 * the app's real backup writer, reader and restore), serves out/bench-backup from 127.0.0.1,
 * launches Chromium through Playwright with the launch args of playwright.config.ts plus
 * --enable-precise-memory-info and --js-flags=--expose-gc, refuses every request elsewhere, and
 * runs the page's runBackupBench (what each case is: the header of backup-bench.ts). While a
 * case runs, the resident memory of every Chromium process (browser, renderer, utility: the
 * IndexedDB backend lives in the browser process) is summed from /proc every 100 ms.
 * Prints medians and min–max, the ratio restore / bulkPut, the load average; writes
 * test-results/bench-backup.json. Exit code 1 only when a case failed.
 */
/* global window */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from '@playwright/test';
import { median, parseArgs, playwrightArgs, serveStatic, table } from './bench-common.mjs';

const MB = 1024 * 1024;
const repo = resolve(import.meta.dirname, '../..');
const outDir = join(repo, 'out/bench-backup');
const started = Date.now();

/** Resident memory (bytes) of every process below `pid` (Chromium and its children, launched by this process). */
function treeRss(pid) {
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(name), Number(fields[21]) * 4096);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  let total = 0;
  const stack = [...(children.get(pid) ?? [])];
  while (stack.length > 0) {
    const p = stack.pop();
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const options = {
    submissions: Number(args.get('--submissions') || 900),
    perReport: Number(args.get('--per-report') || 500),
    activities: Number(args.get('--activities') || 40_000),
    reps: Math.max(1, Number(args.get('--reps') || 3)),
  };
  const loadBefore = loadavg();
  await build({ configFile: join(repo, 'tests/bench/vite.backup-bench.config.mts'), logLevel: 'error' });
  const server = await serveStatic(outDir, 'backup-bench.html');
  const { port } = server.address();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...playwrightArgs(), '--enable-precise-memory-info', '--js-flags=--expose-gc --max-old-space-size=4096'],
  });
  // Playwright's library starts Chromium as a child of this process.
  const browserPid = process.pid;
  const refused = [];
  /** The case running now and the largest resident memory of Chromium seen during each. */
  let current = null;
  const rssPeak = new Map();
  const rssStart = new Map();
  const timer = setInterval(() => {
    if (!current || !browserPid) return;
    const rss = treeRss(browserPid);
    rssPeak.set(current, Math.max(rssPeak.get(current) ?? 0, rss));
  }, 100);
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
    page.on('console', (m) => {
      const text = m.text();
      if (!text.startsWith('[bench]')) return;
      const c = /^\[bench\] case (\S+) (\d+)$/.exec(text);
      if (c) {
        current = `${c[1]} ${c[2]}`;
        if (browserPid) rssStart.set(current, treeRss(browserPid));
      } else if (text === '[bench] end') current = null;
      else process.stderr.write(`  chromium ${text.replace(/^\[bench\] /, '')}\n`);
    });
    const load = async () => {
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => window.backupBenchReady === true, null, { timeout: 30_000 });
    };
    await load();
    const prepared = await page.evaluate((o) => window.prepareBackupBench(o), options);
    const results = [];
    // Each case in a freshly loaded page; the order alternates between reps.
    const cases = ['bulkPut', 'restore', 'check', 'after'];
    for (let rep = 0; rep < options.reps; rep++) {
      for (const name of rep % 2 === 0 ? cases : [...cases].reverse()) {
        await load();
        results.push(await page.evaluate(([n, r]) => window.runBackupCase(n, r), [name, rep]));
      }
    }
    await load();
    results.push(await page.evaluate(() => window.runBackupCase('merge', 0)));
    await page.evaluate(() => window.clearBackupBench());
    const out = { ...prepared, results };
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    if (refused.length > 0) throw new Error(`requests outside 127.0.0.1 were made: ${refused.join(', ')}`);

    const of = (name) => out.results.filter((r) => r.case === name);
    const rssOf = (r) => rssPeak.get(`${r.case} ${r.rep}`) ?? 0;
    const rssGrowth = (r) => rssOf(r) - (rssStart.get(`${r.case} ${r.rep}`) ?? 0);
    const row = (label, rs, base) => {
      const ms = rs.map((r) => r.ms);
      const m = median(ms);
      return [
        label,
        m.toFixed(0),
        `${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}`,
        base ? `${(m / base).toFixed(2)}×` : '',
        `${Math.max(...rs.map((r) => r.heapPeakMb)).toFixed(0)} (+${Math.max(...rs.map((r) => r.heapPeakMb - r.heapStartMb)).toFixed(0)})`,
        `${(Math.max(...rs.map(rssOf)) / MB).toFixed(0)} (+${(Math.max(...rs.map(rssGrowth)) / MB).toFixed(0)})`,
        String(rs.length),
      ];
    };
    const base = median(of('bulkPut').map((r) => r.ms));
    const rows = of('restore')[0].rows;
    console.log('');
    console.log(
      `Backup of ${(out.bytes / MB).toFixed(0)} MB (${Object.entries(out.counts).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}; ${rows.toLocaleString('en-US')} records) in Chromium, real IndexedDB`,
    );
    console.log(
      table(
        ['case', 'median ms', 'min–max ms', 'vs bulkPut', 'JS heap peak MB (growth)', 'Chromium RSS peak MB (growth)', 'runs'],
        [
          row('bare Dexie bulkPut of the same records (baseline)', of('bulkPut')),
          row("restoreBackup 'replace' (read + hash + check + write)", of('restore'), base),
          row('inspectBackup (the dialog\'s check before the preview)', of('check'), base),
          row('restoreBackup of the bytes just checked (dialog\'s «Khôi phục»)', of('after'), base),
          row("restoreBackup 'merge' into a database holding it all", of('merge'), base),
        ],
        new Set([1, 3, 4, 5, 6]),
      ),
    );
    console.log(
      `bench:backup restore ${(out.bytes / MB).toFixed(0)} MB: ${median(of('restore').map((r) => r.ms)).toFixed(0)} ms (median of ${of('restore').length}), bare bulkPut ${base.toFixed(0)} ms, ratio ${(median(of('restore').map((r) => r.ms)) / base).toFixed(2)}×, restore JS heap peak ${Math.max(...of('restore').map((r) => r.heapPeakMb)).toFixed(0)} MB, Chromium RSS peak ${(Math.max(...of('restore').map(rssOf)) / MB).toFixed(0)} MB`,
    );
    const dialogMs = of('check').map((r, i) => r.ms + (of('after')[i]?.ms ?? 0));
    console.log(`the dialog, check then restore (what the officer waits, median): ${median(dialogMs).toFixed(0)} ms, ${(median(dialogMs) / base).toFixed(2)}× bulkPut`);
    console.log(`each run (ms): bulkPut ${of('bulkPut').map((r) => r.ms.toFixed(0)).join(', ')}; restore ${of('restore').map((r) => r.ms.toFixed(0)).join(', ')}; check ${of('check').map((r) => r.ms.toFixed(0)).join(', ')}; after check ${of('after').map((r) => r.ms.toFixed(0)).join(', ')}`);
    console.log(`not timed: filling the database ${(out.generateMs / 1000).toFixed(1)} s; createBackup ${(out.backupMs / 1000).toFixed(1)} s (JS heap peak ${out.backupHeapPeakMb.toFixed(0)} MB, +${(out.backupHeapPeakMb - out.backupHeapStartMb).toFixed(0)})`);
    console.log(
      `each case in a freshly loaded page holding only its input (restore, check: the file's bytes; bulkPut: the records parsed from them). heap: performance.memory${out.preciseMemory ? ' (precise)' : ''}, peak over the case (growth over its start, after GC${out.gc ? '' : ': no window.gc'}); RSS: every Chromium process summed from /proc every 100 ms (growth over the case's start).`,
    );
    console.log(`${out.userAgent.replace(/^.*(Chrom[^ ]+).*$/, '$1')}, ${((Date.now() - started) / 1000).toFixed(0)} s, load average before ${loadBefore.map((x) => x.toFixed(1)).join(' ')}, after ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    mkdirSync(join(repo, 'test-results'), { recursive: true });
    writeFileSync(join(repo, 'test-results/bench-backup.json'), JSON.stringify({ ...out, rssPeak: Object.fromEntries(rssPeak), at: new Date().toISOString() }, null, 2));
  } finally {
    clearInterval(timer);
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
