/**
 * What every Chromium benchmark runner shares: the launch args of playwright.config.ts, its own
 * static server on 127.0.0.1, and a browser context that only reaches that server (any other
 * request is refused and recorded, and the runner fails on it: the app makes no network request).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');

/** The Chromium args of playwright.config.ts, read from its text (Node cannot import the .ts). */
export function playwrightArgs() {
  const text = readFileSync(join(repo, 'playwright.config.ts'), 'utf8');
  const m = /args:\s*\[([^\]]*)\]/.exec(text);
  if (!m) throw new Error('launch args not found in playwright.config.ts');
  return [...m[1].matchAll(/'([^']+)'|"([^"]+)"/g)].map((x) => x[1] ?? x[2]);
}

/** Lets `context` reach 127.0.0.1:`port` only; every other URL is aborted and pushed to `refused`. */
export async function onlyLocal(context, port, refused) {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' && url.port === String(port)) return route.continue();
    refused.push(url.href);
    return route.abort();
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.xlsx': 'application/octet-stream' };

/** `rel` under `root`, or null when it would leave it. */
export function fileUnder(root, rel) {
  const file = normalize(join(root, rel));
  return file.startsWith(root + sep) ? file : null;
}

/**
 * A server on 127.0.0.1 (a free port) answering each path with the file `fileOf(path)` names
 * (404 for null or a missing file), never cached. Resolves once it listens.
 */
export function serveLocal(fileOf) {
  const server = createServer(async (req, res) => {
    try {
      const file = fileOf(decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname));
      if (!file) throw new Error('not served');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}
