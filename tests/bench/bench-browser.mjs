/**
 * What a benchmark that runs in Debian's Chromium needs from Node: the launch args of
 * playwright.config.ts, a tiny static server on 127.0.0.1, and a page whose every request
 * elsewhere is refused and recorded, with its errors collected. (run-overview-bench.mjs uses it;
 * the older runners have their own copies.)
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const repo = resolve(import.meta.dirname, '../..');

/** The Chromium args of playwright.config.ts, read from its text (Node cannot import the .ts). */
export function playwrightArgs() {
  const text = readFileSync(join(repo, 'playwright.config.ts'), 'utf8');
  const m = /args:\s*\[([^\]]*)\]/.exec(text);
  if (!m) throw new Error('launch args not found in playwright.config.ts');
  return [...m[1].matchAll(/'([^']+)'|"([^"]+)"/g)].map((x) => x[1] ?? x[2]);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** Serves `root` on 127.0.0.1 at a free port, `index` at /. */
export function serve(root, index) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const file = normalize(join(root, path === '/' ? index : path));
      if (!file.startsWith(root + sep)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/**
 * A page at 1366×768 (vi-VN, Vietnam time) in which only 127.0.0.1:`port` answers: `refused`
 * lists what else was asked for, `errors` the page's errors and console errors.
 */
export async function benchPage(browser, port, { verbose = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
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
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    else if (verbose) console.log(m.text());
  });
  return { context, page, refused, errors };
}

/** "1.23 1.05 0.98": the load average over 1, 5 and 15 minutes. */
export const loadAverage = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/**
 * The longest task of the renderer's main thread inside each window `name` of a Chrome trace
 * (recorded with the 'toplevel' and 'blink.user_timing' categories): between the page's
 * '<name>-start' and '<name>-end' marks, every window, a task counting when it overlaps one.
 * By wall time (dur) and CPU time (tdur), in ms, and how many tasks reached 50 ms.
 */
export function longestTasksIn(events, names) {
  const marks = events.filter((e) => names.some((n) => e.name === `${n}-start` || e.name === `${n}-end`));
  // The page's own main thread: where its marks are.
  const pid = marks[0]?.pid;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (pid === undefined || e.pid === pid));
  const tasks = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'));
  const out = {};
  for (const name of names) {
    const starts = marks.filter((e) => e.name === `${name}-start`).map((e) => e.ts).sort((a, b) => a - b);
    const ends = marks.filter((e) => e.name === `${name}-end`).map((e) => e.ts).sort((a, b) => a - b);
    let wall = 0;
    let cpu = 0;
    let over50 = 0;
    for (let i = 0; i < starts.length; i++) {
      for (const t of tasks) {
        if (t.ts <= ends[i] && t.ts + t.dur >= starts[i]) {
          wall = Math.max(wall, t.dur / 1000);
          cpu = Math.max(cpu, (t.tdur ?? 0) / 1000);
          if (t.dur >= 50_000) over50++;
        }
      }
    }
    out[name] = { wall: Math.round(wall), cpu: Math.round(cpu), over50, windows: starts.length };
  }
  return out;
}
