#!/usr/bin/env node
/**
 * The Chromium part of the lying-size zip bomb's benchmark (bomb-bench-node.ts runs it):
 *
 *   node tests/bench/run-bomb-bench.mjs --bomb FILE --honest FILE [--reps 3]
 *
 * Builds bomb-bench.html (vite.bomb-bench.config.mts), serves it and the two files from
 * 127.0.0.1, launches Debian's Chromium through Playwright with the launch args of
 * playwright.config.ts (any request elsewhere fails the run) and, for each run and file
 * (alternating which goes first), opens the page in a fresh browser context, so in a fresh
 * renderer process, and reads the file with the import screen's worker. The renderer's pid comes
 * from the browser (CDP SystemInfo.getProcessInfo: the renderers that appeared with the page, the one that grows) and
 * its peak RSS from /proc/<pid>/status (VmHWM: the largest it has ever been, worker included),
 * read once the page has loaded and once the file is read. Prints BOMB_RESULT <json> for the
 * caller; exits 1 when something failed (the bomb not refused, the honest file not read).
 */
/* global window */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from '@playwright/test';
import { playwrightArgs, serveStatic } from './bench-common.mjs';

const repo = resolve(import.meta.dirname, '../..');
const outDir = join(repo, 'out/bench-bomb');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}



function peakMb(pid) {
  const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmHWM for ${pid}`);
  return Number(m[1]) / 1024;
}

async function rendererPids(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return new Set(processInfo.filter((p) => p.type === 'renderer').map((p) => p.id));
}

async function main() {
  const bomb = resolve(arg('--bomb'));
  const honest = resolve(arg('--honest'));
  const reps = Math.max(1, Number(arg('--reps', '3')));
  await build({ configFile: join(repo, 'tests/bench/vite.bomb-bench.config.mts'), logLevel: 'error' });
  // The two files beside the page, so that one static server serves everything.
  mkdirSync(join(outDir, 'files'), { recursive: true });
  copyFileSync(bomb, join(outDir, 'files', 'bomb.xlsx'));
  copyFileSync(honest, join(outDir, 'files', 'honest.xlsx'));
  const server = await serveStatic(outDir, 'bomb-bench.html');
  const { port } = server.address();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: playwrightArgs() });
  const cdp = await browser.newBrowserCDPSession();
  const results = [];
  let failed = false;
  try {
    for (let rep = 0; rep < reps; rep++) {
      const order = rep % 2 === 0 ? ['bomb', 'honest'] : ['honest', 'bomb'];
      for (const which of order) {
        const before = await rendererPids(cdp);
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        const refused = [];
        await context.route('**/*', (route) => {
          const url = new URL(route.request().url());
          if (url.hostname === '127.0.0.1' && url.port === String(port)) return route.continue();
          refused.push(url.href);
          return route.abort();
        });
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(`http://127.0.0.1:${port}/`);
        await page.waitForFunction(() => window.bombBenchReady === true, null, { timeout: 30_000 });
        // The page's renderer is among the renderers that appeared with it (Chromium may start
        // a spare one too): the one holding the worker is the one that grows.
        const mine = [...(await rendererPids(cdp))].filter((pid) => !before.has(pid));
        if (mine.length === 0) throw new Error('no new renderer process for the page');
        const loaded = new Map(mine.map((pid) => [pid, peakMb(pid)]));
        const name = which === 'bomb' ? basename(bomb) : basename(honest);
        const r = await page.evaluate(({ url, name }) => window.readLikeImport(url, name), { url: `/files/${which}.xlsx`, name });
        const grown = mine.map((pid) => ({ pid, peak: peakMb(pid) })).sort((a, b) => b.peak - a.peak)[0];
        const peak = grown.peak;
        const loadedMb = loaded.get(grown.pid);
        await context.close();
        if (errors.length > 0 || refused.length > 0) throw new Error(`page errors ${errors.join('; ')} / requests elsewhere ${refused.join(', ')}`);
        const ok = which === 'bomb' ? r.refused && /giải nén ra nhiều hơn kích thước ghi trong tệp/.test(r.message) : !r.refused && r.activities > 0;
        if (!ok) failed = true;
        const detail = r.refused ? `refused: ${r.message}` : `${r.activities} activities`;
        results.push({ case: which, loadedMb, peakMb: peak, ms: r.ms, detail });
        process.stderr.write(`  chromium ${which.padEnd(6)} renderer peak ${peak.toFixed(0)} MB (page loaded ${loadedMb.toFixed(0)} MB)  wall ${r.ms.toFixed(0)} ms  ${ok ? '' : 'UNEXPECTED '}${detail.slice(0, 120)}\n`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(`BOMB_RESULT ${JSON.stringify(results)}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  },
);
