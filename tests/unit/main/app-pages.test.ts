import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAppPages, isAppPageUrl, resolveDevOrigin } from '../../../src-main/app-pages';

const indexPath = join(resolve('/opt/Sổ kế hoạch/out/renderer'), 'index.html');
const pages = createAppPages(indexPath, null);

describe('resolveDevOrigin', () => {
  it('accepts only loopback http in an unpackaged app', () => {
    expect(resolveDevOrigin('http://localhost:5173', false)).toBe('http://localhost:5173');
    expect(resolveDevOrigin('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173');
    expect(resolveDevOrigin('http://localhost:5173', true)).toBeNull();
    expect(resolveDevOrigin(undefined, false)).toBeNull();
    expect(resolveDevOrigin('https://localhost:5173', false)).toBeNull();
    expect(resolveDevOrigin('http://192.168.1.5:5173', false)).toBeNull();
    expect(resolveDevOrigin('http://localhost.evil.com:5173', false)).toBeNull();
    expect(resolveDevOrigin('http://user:pw@localhost:5173', false)).toBeNull();
    expect(resolveDevOrigin('file:///etc/passwd', false)).toBeNull();
    expect(resolveDevOrigin('not a url', false)).toBeNull();
  });
});

describe('isAppPageUrl', () => {
  it('matches our index.html, with a non-ASCII path, any hash or query', () => {
    expect(pages.indexUrl).toContain('%E1%BB%95'); // "ổ", percent-encoded as Chromium does
    expect(isAppPageUrl(pages.indexUrl, pages)).toBe(true);
    expect(isAppPageUrl(`${pages.indexUrl}#/ke-hoach`, pages)).toBe(true);
    expect(isAppPageUrl(`${pages.indexUrl}?x=1`, pages)).toBe(true);
  });

  it('rejects other files, other schemes and the dev server when not in dev', () => {
    expect(isAppPageUrl(pathToFileURL(join(resolve(indexPath, '..'), 'other.html')).href, pages)).toBe(false);
    expect(isAppPageUrl(pathToFileURL('/tmp/index.html').href, pages)).toBe(false);
    expect(isAppPageUrl('file://evil-host/opt/index.html', pages)).toBe(false);
    expect(isAppPageUrl('https://example.com/index.html', pages)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/', pages)).toBe(false);
    expect(isAppPageUrl('about:blank', pages)).toBe(false);
    expect(isAppPageUrl('', pages)).toBe(false);
  });

  it('matches the dev server origin in dev', () => {
    const dev = createAppPages(indexPath, 'http://localhost:5173');
    expect(isAppPageUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppPageUrl('http://localhost:5173/#/x', dev)).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPageUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });
});
