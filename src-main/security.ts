/**
 * Session- and app-wide hardening. Everything that can reach the network, open a window,
 * navigate the page or grant a permission is refused here, in one place.
 *
 * The pure decisions (isAllowedRequestUrl, withCspHeader, isAllowedNavigation) are exported
 * for unit tests; the install* functions only wire them to Electron.
 */
import type { App, Session, WebContents } from 'electron';
import { filePathOf, isAppPageUrl, isPathInside, safeUrl, type AppPages } from './app-pages';

/**
 * The <meta> tag's policy in src-renderer/index.html plus frame-ancestors (a unit test keeps them equal).
 * Sent as a header too: a header also covers what a meta tag cannot (frame-ancestors,
 * workers) and the dev server's responses. Chromium may not run onHeadersReceived for
 * file:// loads, which is why the meta tag stays the primary policy for the built app.
 */
const META_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
];

/** The policy of the <meta> tag: Chromium ignores (and warns about) frame-ancestors there. */
export const META_CONTENT_SECURITY_POLICY = META_DIRECTIVES.join('; ');

export const CONTENT_SECURITY_POLICY = [...META_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** Schemes the page may load without touching the network. */
const LOCAL_SCHEMES = new Set(['file:', 'devtools:', 'blob:', 'data:']);

/**
 * Chromium switches that stop background traffic (component updates, safe-browsing pings,
 * variations, domain reliability, DNS prefetch) which an offline app has no use for.
 * They are Chromium switches that Electron passes through (Electron documents only its own
 * switches); Chromium ignores a switch it does not know, so a rename upstream is harmless.
 * The real guarantee is hardenSession's onBeforeRequest, which cancels every remote request
 * the page makes; these switches cover the browser process's own traffic.
 */
export const OFFLINE_SWITCHES: ReadonlyArray<readonly [string, string?]> = [
  ['disable-background-networking'],
  ['disable-component-update'],
  ['disable-domain-reliability'],
  ['disable-sync'],
  ['no-pings'],
  ['dns-prefetch-disable'],
  ['disable-breakpad'],
  ['no-proxy-server'],
  ['disable-quic'],
];

/**
 * Whether the page may request `raw`. Only local schemes pass; file: only inside the built
 * renderer folder when `rendererDir` is given; http(s)/ws(s) only to the dev server origin
 * when one is allowed (development, loopback only).
 */
export function isAllowedRequestUrl(raw: string, devOrigin?: string | null, rendererDir?: string): boolean {
  const url = safeUrl(raw);
  if (!url) return false;
  if (LOCAL_SCHEMES.has(url.protocol)) {
    if (url.protocol === 'file:' && rendererDir !== undefined) {
      const path = filePathOf(url);
      return path !== null && isPathInside(path, rendererDir);
    }
    return true;
  }
  if (!devOrigin) return false;
  const dev = safeUrl(devOrigin);
  if (!dev) return false;
  // Vite's HMR socket uses ws:// on the same host and port as the dev page.
  if (url.protocol === 'http:' || url.protocol === 'ws:') return url.host === dev.host && dev.protocol === 'http:';
  return false;
}

/** Response headers with our CSP added (and any CSP the response carried replaced). */
export function withCspHeader(
  headers: Record<string, string[] | string> | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/** Only the app's own page may be navigated to (e.g. a reload); everything else is refused. */
export function isAllowedNavigation(raw: string, pages: AppPages): boolean {
  return isAppPageUrl(raw, pages);
}

function logBlocked(what: string, url: string): void {
  console.warn(`[security] blocked ${what}: ${url.slice(0, 200)}`);
}

/** Before `ready`: sandbox every renderer and silence Chromium's background networking. */
export function hardenAppBeforeReady(app: App): void {
  app.enableSandbox();
  for (const [name, value] of OFFLINE_SWITCHES) {
    if (value === undefined) app.commandLine.appendSwitch(name);
    else app.commandLine.appendSwitch(name, value);
  }
}

/** No network, our CSP on every response, and no permission ever granted. */
export function hardenSession(session: Session, pages: AppPages): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, pages.devOrigin, pages.devOrigin ? undefined : pages.rendererDir);
    if (!allowed) logBlocked('request', details.url);
    callback({ cancel: !allowed });
  });

  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });

  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    logBlocked('permission request', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => {
    logBlocked('display media request', 'screen capture');
    callback(null);
  });
  // Nothing in the app needs a download; the renderer saves files through `file:save`.
  session.on('will-download', (event, item) => {
    logBlocked('download', item.getURL());
    event.preventDefault();
  });
}

/** Navigation, redirects, new windows and <webview> are refused for every web contents. */
export function guardWebContents(contents: WebContents, pages: AppPages): void {
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url, pages)) return;
    logBlocked('navigation', url);
    event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame && isAllowedNavigation(event.url, pages)) return;
    logBlocked('frame navigation', event.url);
    event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (isAllowedNavigation(url, pages)) return;
    logBlocked('redirect', url);
    event.preventDefault();
  });
  // Never opened, not even in the system browser: the app has no business on the web.
  contents.setWindowOpenHandler(({ url }) => {
    logBlocked('window.open', url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    logBlocked('webview', 'will-attach-webview');
    event.preventDefault();
  });
}

export function installWebContentsGuards(app: App, pages: AppPages): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, pages));
}
