import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electron));

import { createAppPages } from '../../../src-main/app-pages';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  OFFLINE_SWITCHES,
  guardWebContents,
  hardenAppBeforeReady,
  hardenSession,
  installWebContentsGuards,
  isAllowedRequestUrl,
  withCspHeader,
} from '../../../src-main/security';
import { electron, FakeWebContents, resetElectronMock } from './electron-mock';

const rendererDir = resolve('/opt/sokh/out/renderer');
const indexUrl = pathToFileURL(join(rendererDir, 'index.html')).href;
const pages = createAppPages(join(rendererDir, 'index.html'), null);
const devPages = createAppPages(join(rendererDir, 'index.html'), 'http://localhost:5173');

beforeEach(() => {
  resetElectronMock();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('isAllowedRequestUrl', () => {
  it.each([
    'http://example.com/',
    'https://example.com/x.js',
    'ws://example.com/socket',
    'wss://example.com/socket',
    'ftp://example.com/file',
    'http://localhost:5173/',
    'http://127.0.0.1:4173/',
    'https://localhost:5173/',
    'chrome-extension://abc/x.js',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('blocks %s without a dev origin', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });

  it.each([
    indexUrl,
    'devtools://devtools/bundled/inspector.html',
    'blob:file:///3f1c2a7e-1111-4222-8333-944455556666',
    'data:image/png;base64,iVBORw0KGgo=',
  ])('allows local %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(true);
  });

  it('limits file: to the renderer folder when one is given', () => {
    expect(isAllowedRequestUrl(`${pathToFileURL(rendererDir).href}/assets/index.js`, null, rendererDir)).toBe(true);
    expect(isAllowedRequestUrl(indexUrl, null, rendererDir)).toBe(true);
    expect(isAllowedRequestUrl(pathToFileURL('/etc/passwd').href, null, rendererDir)).toBe(false);
    expect(isAllowedRequestUrl(`${pathToFileURL(rendererDir).href}/../../secret.txt`, null, rendererDir)).toBe(false);
    expect(isAllowedRequestUrl(`${pathToFileURL(rendererDir).href}-evil/x.js`, null, rendererDir)).toBe(false);
    expect(isAllowedRequestUrl('file://remote-host/share/x.js', null, rendererDir)).toBe(false);
  });

  it('allows the dev server (page and HMR socket) only when a dev origin is given', () => {
    const dev = 'http://localhost:5173';
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAllowedRequestUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedRequestUrl('https://example.com/', dev)).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173/', null)).toBe(false);
  });
});

describe('CSP', () => {
  it('is the meta tag of src-renderer/index.html plus frame-ancestors, which only a header can set', () => {
    const html = readFileSync(resolve(__dirname, '../../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('allows no eval and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('replaces any CSP header a response carries and keeps the other headers', () => {
    const out = withCspHeader({ 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' });
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('hardenSession', () => {
  function harden(p = pages) {
    const session = electron.session.defaultSession;
    hardenSession(session as never, p);
    return session;
  }

  it('cancels every remote request and lets the app files through', () => {
    const session = harden();
    const onBeforeRequest = session.webRequest.onBeforeRequest.mock.calls[0]![0] as (
      details: { url: string },
      cb: (r: { cancel: boolean }) => void,
    ) => void;
    const decide = (url: string) => {
      const callback = vi.fn();
      onBeforeRequest({ url }, callback);
      expect(callback).toHaveBeenCalledTimes(1);
      return callback.mock.calls[0]![0];
    };
    expect(decide('https://example.com/tracker.js')).toEqual({ cancel: true });
    expect(decide('http://localhost:5173/')).toEqual({ cancel: true });
    expect(decide('ws://127.0.0.1:9222/')).toEqual({ cancel: true });
    expect(decide(pathToFileURL('/etc/passwd').href)).toEqual({ cancel: true });
    expect(decide(indexUrl)).toEqual({ cancel: false });
    expect(decide(`${pathToFileURL(rendererDir).href}/assets/index-abc.js`)).toEqual({ cancel: false });
    expect(decide('data:font/woff2;base64,AAAA')).toEqual({ cancel: false });
  });

  it('lets the dev server through only in dev', () => {
    const session = harden(devPages);
    const onBeforeRequest = session.webRequest.onBeforeRequest.mock.calls[0]![0] as (
      details: { url: string },
      cb: (r: { cancel: boolean }) => void,
    ) => void;
    const callback = vi.fn();
    onBeforeRequest({ url: 'http://localhost:5173/@vite/client' }, callback);
    onBeforeRequest({ url: 'https://fonts.googleapis.com/css' }, callback);
    expect(callback.mock.calls.map((c) => c[0])).toEqual([{ cancel: false }, { cancel: true }]);
  });

  it('adds the CSP header to responses', () => {
    const session = harden();
    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      details: { responseHeaders?: Record<string, string[]> },
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    onHeaders({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('refuses every permission request and check', () => {
    const session = harden();
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      permission: string,
      cb: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', indexUrl, {})).toBe(false);
    expect(check({}, 'clipboard-sanitized-write', indexUrl, {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
    const display = session.setDisplayMediaRequestHandler.mock.calls[0]![0] as (r: unknown, cb: (s: unknown) => void) => void;
    const displayCallback = vi.fn();
    display({}, displayCallback);
    expect(displayCallback).toHaveBeenCalledWith(null);
  });

  it('cancels downloads', () => {
    const session = harden();
    const event = { preventDefault: vi.fn() };
    session.emit('will-download', event, { getURL: () => 'https://example.com/x.exe' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('web contents guards', () => {
  function guarded(p = pages) {
    const contents = new FakeWebContents(indexUrl);
    guardWebContents(contents as never, p);
    return contents;
  }
  const fire = (contents: FakeWebContents, name: string, url: string) => {
    const event = { preventDefault: vi.fn() };
    contents.emit(name, event, url);
    return event.preventDefault.mock.calls.length > 0;
  };

  it('refuses navigation and redirects away from our page', () => {
    const contents = guarded();
    for (const name of ['will-navigate', 'will-redirect']) {
      expect(fire(contents, name, 'https://example.com/')).toBe(true);
      expect(fire(contents, name, pathToFileURL('/tmp/evil.html').href)).toBe(true);
      expect(fire(contents, name, 'http://localhost:5173/')).toBe(true);
      expect(fire(contents, name, 'javascript:alert(1)')).toBe(true);
      expect(fire(contents, name, indexUrl)).toBe(false);
      expect(fire(contents, name, `${indexUrl}#/plan`)).toBe(false);
    }
  });

  it('refuses frame navigation except our page in the main frame', () => {
    const contents = guarded();
    const fireFrame = (url: string, isMainFrame: boolean) => {
      const event = { url, isMainFrame, preventDefault: vi.fn() };
      contents.emit('will-frame-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(fireFrame('https://example.com/', false)).toBe(true);
    expect(fireFrame(indexUrl, false)).toBe(true);
    expect(fireFrame(indexUrl, true)).toBe(false);
  });

  it('allows navigation to the dev server only in dev', () => {
    const contents = guarded(devPages);
    expect(fire(contents, 'will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(fire(contents, 'will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('denies every new window and never opens a link externally', () => {
    const contents = guarded();
    for (const url of ['https://example.com/', indexUrl, 'mailto:a@b.vn', 'file:///etc/passwd']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses <webview>', () => {
    const contents = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('is installed app-wide for every new web contents', () => {
    installWebContentsGuards(electron.app as never, pages);
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(fire(contents, 'will-navigate', 'https://example.com/')).toBe(true);
  });
});

describe('hardenAppBeforeReady', () => {
  it('enables the sandbox for all renderers and appends the offline switches', () => {
    hardenAppBeforeReady(electron.app as never);
    expect(electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    const switches = electron.app.commandLine.appendSwitch.mock.calls.map((c) => c[0]);
    expect(switches).toEqual(OFFLINE_SWITCHES.map(([name]) => name));
    expect(switches).toContain('disable-background-networking');
    expect(switches).toContain('disable-component-update');
  });
});
