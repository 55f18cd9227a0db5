import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findJustification, findVendorJustification, parseMarker } from '../../security/justification.mjs';

const SCRIPT = resolve(__dirname, '../../security/electronegativity.mjs');

describe('vendor justifications (bundled third-party code)', () => {
  // As Vite minifies JSZip's setimmediate polyfill into our bundles.
  const bundle = 'x=1;u.setImmediate=function(e){typeof e!=`function`&&(e=Function(``+e));for(var t=0;t<1;t++);},u.clearImmediate=c';
  const column = bundle.indexOf('Function(') + 1;

  it('accepts the setimmediate polyfill only for the dangerous-functions check', () => {
    expect(findVendorJustification(bundle, 1, column, 'DANGEROUS_FUNCTIONS_JS_CHECK')).toMatch(/setimmediate polyfill/);
    expect(findVendorJustification(bundle, 1, column, 'PRELOAD_JS_CHECK')).toBeNull();
  });

  it('does not accept other uses of Function() or eval', () => {
    const ours = 'const run=function(code){return Function(code)()};';
    expect(findVendorJustification(ours, 1, ours.indexOf('Function(') + 1, 'DANGEROUS_FUNCTIONS_JS_CHECK')).toBeNull();
    const evil = 'u.setImmediate=function(e){e=Function(``+e)};';
    expect(findVendorJustification(evil, 1, evil.indexOf('Function(') + 1, 'DANGEROUS_FUNCTIONS_JS_CHECK')).toBeNull();
    expect(findVendorJustification(bundle, 2, column, 'DANGEROUS_FUNCTIONS_JS_CHECK')).toBeNull();
  });
});

describe('justification markers', () => {
  it('needs a check id and a real reason', () => {
    expect(parseMarker('// electronegativity-safe(PRELOAD_JS_CHECK): our own sandboxed preload')).toEqual({
      checks: ['PRELOAD_JS_CHECK'],
      reason: 'our own sandboxed preload',
    });
    expect(parseMarker('/* electronegativity-safe(A_CHECK, B_CHECK): explained at length here */')?.checks).toEqual([
      'A_CHECK',
      'B_CHECK',
    ]);
    expect(parseMarker('// electronegativity-safe: no check id given here')).toBeNull();
    expect(parseMarker('// electronegativity-safe(PRELOAD_JS_CHECK): ok')).toBeNull();
    expect(parseMarker('// just a comment')).toBeNull();
  });

  it('is found on the line or in the comment block directly above, for that check only', () => {
    const source = [
      'const a = 1;',
      '// electronegativity-safe(PRELOAD_JS_CHECK): reviewed, exposes named methods only',
      '// (more explanation)',
      'preload: p,',
      '',
      'sandbox: false, // electronegativity-safe(SANDBOX_JS_CHECK): inline reason for this line',
      '// electronegativity-safe(NODE_INTEGRATION_JS_CHECK): separated by code below',
      'const b = 2;',
      'nodeIntegration: true,',
    ].join('\n');
    expect(findJustification(source, 4, 'PRELOAD_JS_CHECK')).toBe('reviewed, exposes named methods only (more explanation)');
    expect(findJustification(source, 4, 'SANDBOX_JS_CHECK')).toBeNull();
    expect(findJustification(source, 6, 'SANDBOX_JS_CHECK')).toBe('inline reason for this line');
    expect(findJustification(source, 9, 'NODE_INTEGRATION_JS_CHECK')).toBeNull();
    expect(findJustification('', 1, 'X')).toBeNull();
  });
});

describe('tests/security/electronegativity.mjs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sokh-eng-fixture-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('fails (exit 1) on an insecure window without justification', () => {
    writeFileSync(
      join(dir, 'main.js'),
      [
        "const { BrowserWindow } = require('electron');",
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
      ].join('\n'),
    );
    const result = run('--input', dir, '--output', join(dir, 'report.sarif'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/HIGH +CONTEXT_ISOLATION_JS_CHECK main\.js:2:\d+ — NOT JUSTIFIED/);
    expect(result.stdout).toMatch(/^electronegativity: \d+ findings, \d+ above LOW \(0 justified\)$/m);
  });

  it('accepts a justified finding (exit 0)', () => {
    writeFileSync(
      join(dir, 'main.ts'),
      [
        "import { app, BrowserWindow, session } from 'electron';",
        'new BrowserWindow({',
        '  webPreferences: {',
        '    // electronegativity-safe(PRELOAD_JS_CHECK): fixture preload, reviewed for this test',
        "    preload: 'p.js',",
        '    contextIsolation: true,',
        '    sandbox: true,',
        "    disableBlinkFeatures: 'Auxclick',",
        '  },',
        '});',
        'session.defaultSession.setPermissionRequestHandler((_w, _p, callback) => callback(false));',
        "app.on('web-contents-created', (_e, contents) => {",
        "  contents.on('will-navigate', (event) => event.preventDefault());",
        "  contents.setWindowOpenHandler(() => ({ action: 'deny' }));",
        '});',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'index.html'),
      `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; object-src 'none'; base-uri 'none'"></head></html>`,
    );
    const result = run('--input', dir, '--output', join(dir, 'report.sarif'));
    expect(result.stdout).toMatch(/PRELOAD_JS_CHECK .*justified: fixture preload/);
    expect(result.stdout).toMatch(/^electronegativity: \d+ findings, 1 above LOW \(1 justified\)$/m);
    expect(result.status).toBe(0);
  });

  it('passes on the project source', () => {
    const result = run('--source-only', '--output', join(dir, 'report.sarif'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^electronegativity: \d+ findings, \d+ above LOW \(\d+ justified\)$/m);
  });
});
