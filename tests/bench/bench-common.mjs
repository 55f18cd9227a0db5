/**
 * What the Chromium benchmark runners share: their arguments, Playwright's launch args, a
 * static server on 127.0.0.1, and the medians and tables they print.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');

/** `--name value` and bare `--flag` (value '') into a Map. */
export function parseArgs(argv) {
  const m = new Map();
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const next = argv[i + 1];
    m.set(argv[i], next !== undefined && !next.startsWith('--') ? argv[++i] : '');
  }
  return m;
}

/** The Chromium args of playwright.config.ts, read from its text (Node cannot import the .ts). */
export function playwrightArgs() {
  const text = readFileSync(join(repo, 'playwright.config.ts'), 'utf8');
  const m = /args:\s*\[([^\]]*)\]/.exec(text);
  if (!m) throw new Error('launch args not found in playwright.config.ts');
  return [...m[1].matchAll(/'([^']+)'|"([^"]+)"/g)].map((x) => x[1] ?? x[2]);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.xlsx': 'application/octet-stream', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

/** Serves the files under `root` (`index` at /) on 127.0.0.1, a free port; nothing outside it. */
export function serveStatic(root, index) {
  return serveRoots([['/', root, index]]);
}

/**
 * Serves several folders on 127.0.0.1: `roots` lists [url prefix, folder, file at the prefix
 * itself], the first prefix a path starts with wins; nothing outside them. `port` 0: a free one.
 */
export function serveRoots(roots, port = 0) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const [prefix, root, index] = roots.find(([p]) => path.startsWith(p));
      const file = normalize(join(root, path.slice(prefix.length) || index));
      if (!file.startsWith(root + sep)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A text table, the columns in `numeric` right-aligned. */
export function table(header, rows, numeric) {
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => [...r[c]].length)));
  const line = (r) => r.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' │ ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}
