/**
 * Which pages are "ours": the built renderer's index.html, and in development only the
 * electron-vite dev server on the loopback interface. Every security decision that asks
 * "is this our page?" (navigation, IPC senders, network requests) goes through here.
 *
 * Pure: no Electron import, so it is unit-tested directly.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface AppPages {
  /** file:// URL of out/renderer/index.html. */
  indexUrl: string;
  /** Folder holding the built renderer: the only files the page may load. */
  rendererDir: string;
  /** Origin of the dev server (e.g. http://localhost:5173), or null when packaged / not in dev. */
  devOrigin: string | null;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * The dev server URL electron-vite passes in ELECTRON_RENDERER_URL, accepted only when the
 * app is not packaged and the URL is plain http on the loopback interface.
 */
export function resolveDevOrigin(rendererUrl: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !rendererUrl) return null;
  let url: URL;
  try {
    url = new URL(rendererUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return null;
  if (url.username || url.password) return null;
  return url.origin;
}

export function createAppPages(rendererIndexPath: string, devOrigin: string | null): AppPages {
  const indexPath = resolve(rendererIndexPath);
  return {
    indexUrl: pathToFileURL(indexPath).href,
    rendererDir: resolve(indexPath, '..'),
    devOrigin,
  };
}

/** Parses a URL, or returns null instead of throwing. */
export function safeUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** The local path a file: URL points at, or null when it is not a usable file URL. */
export function filePathOf(url: URL): string | null {
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return null;
  try {
    return resolve(fileURLToPath(url));
  } catch {
    return null;
  }
}

function samePath(a: string, b: string): boolean {
  // Windows and default macOS file systems are case-insensitive.
  return process.platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase();
}

/** True when `child` is `dir` itself or lies inside it (no `..` escape). */
export function isPathInside(child: string, dir: string): boolean {
  const rel = relative(dir, child);
  if (rel === '') return true;
  if (isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return false;
  return true;
}

/**
 * True when `raw` is the app's own page: the built index.html (any hash or query, which the
 * renderer may use for routing), or any page of the allowed dev server.
 */
export function isAppPageUrl(raw: string, pages: AppPages): boolean {
  const url = safeUrl(raw);
  if (!url) return false;
  if (url.protocol === 'file:') {
    const path = filePathOf(url);
    const indexPath = filePathOf(new URL(pages.indexUrl));
    return path !== null && indexPath !== null && samePath(path, indexPath);
  }
  if (pages.devOrigin !== null && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return url.origin === pages.devOrigin;
  }
  return false;
}
