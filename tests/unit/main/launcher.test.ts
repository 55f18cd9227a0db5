import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BROWSER_URL,
  MISSING_SHELL_MESSAGE,
  findElectronBinary,
  resolveElectron,
  tryInstallElectron,
} from '../../../src-main/launcher/electron-shell.mjs';

const START = resolve(__dirname, '../../../src-main/launcher/start.mjs');
const NO_OVERRIDE = {} as NodeJS.ProcessEnv;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sokh-electron-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeElectronPackage(options: { installExit?: number; withBinary?: boolean; binaryScript?: string }) {
  writeFileSync(join(dir, 'install.js'), `process.exit(${options.installExit ?? 1});\n`);
  if (options.withBinary) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'path.txt'), 'electron');
    const bin = join(dir, 'dist', 'electron');
    writeFileSync(bin, options.binaryScript ?? '#!/bin/sh\nexit 0\n');
    chmodSync(bin, 0o755);
  }
}

describe('the bilingual message', () => {
  it('says what failed and how to use the browser, in Vietnamese and English', () => {
    expect(MISSING_SHELL_MESSAGE).toContain('Không mở được ứng dụng dạng cửa sổ');
    expect(MISSING_SHELL_MESSAGE).toContain('không có kết nối Internet');
    expect(MISSING_SHELL_MESSAGE).toContain('Could not open the desktop app');
    expect(MISSING_SHELL_MESSAGE).toContain('no internet connection');
    expect(MISSING_SHELL_MESSAGE.match(/npm run browser/g)).toHaveLength(2);
    expect(MISSING_SHELL_MESSAGE.split(BROWSER_URL)).toHaveLength(3);
    expect(BROWSER_URL).toBe('http://127.0.0.1:4173/');
    expect(MISSING_SHELL_MESSAGE).toContain('chỉ phục vụ trên máy tính này');
    expect(MISSING_SHELL_MESSAGE).toContain('on this computer only');
  });
});

describe('resolveElectron', () => {
  it('uses the binary when it is there, without trying to install', () => {
    fakeElectronPackage({ withBinary: true });
    const install = vi.fn();
    expect(resolveElectron(dir, { install, env: NO_OVERRIDE })).toEqual({ binary: join(dir, 'dist', 'electron'), attempted: false });
    expect(install).not.toHaveBeenCalled();
  });

  it('tries to install once when the binary is missing, and reports null if that fails', () => {
    const install = vi.fn(() => ({ ok: false, reason: 'exit-1' }));
    expect(resolveElectron(dir, { install, env: NO_OVERRIDE })).toEqual({ binary: null, attempted: true, reason: 'exit-1' });
    expect(install).toHaveBeenCalledTimes(1);
  });

  it('finds the binary the install just fetched', () => {
    const install = vi.fn(() => {
      fakeElectronPackage({ withBinary: true });
      return { ok: true, reason: 'installed' };
    });
    expect(resolveElectron(dir, { install, env: NO_OVERRIDE }).binary).toBe(join(dir, 'dist', 'electron'));
  });

  it('treats path.txt pointing at a missing file as missing, and honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir, NO_OVERRIDE)).toBeNull();
    const override = join(dir, 'custom');
    mkdirSync(override);
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'));
  });
});

describe('tryInstallElectron', () => {
  it('reports a missing install script, a failing one and a timeout', () => {
    expect(tryInstallElectron(join(dir, 'nope'))).toEqual({ ok: false, reason: 'no-install-script' });
    fakeElectronPackage({ installExit: 3 });
    expect(tryInstallElectron(dir)).toEqual({ ok: false, reason: 'exit-3' });
    writeFileSync(join(dir, 'install.js'), 'setTimeout(() => {}, 60000);\n');
    // The script would sleep 60 s: returning at all within the test's timeout shows it was stopped.
    expect(tryInstallElectron(dir, 300)).toEqual({ ok: false, reason: 'timeout' });
  });
});

describe('start.mjs (the real script)', () => {
  function runStart(electronDir: string) {
    return spawnSync(process.execPath, [START], {
      env: { ...process.env, SOKH_ELECTRON_DIR: electronDir, ELECTRON_OVERRIDE_DIST_PATH: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
  }

  it.each([
    ['a nonexistent electron folder', () => join(dir, 'does-not-exist')],
    ['an install that fails (no internet)', () => (fakeElectronPackage({ installExit: 1 }), dir)],
  ])('with %s: prints the bilingual message, no stack trace, exit code 1', (_label, electronDir) => {
    const result = runStart(electronDir());
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(MISSING_SHELL_MESSAGE);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  });

  it.skipIf(process.platform === 'win32')('runs the binary with the project folder and forwards its exit code', () => {
    fakeElectronPackage({ withBinary: true, binaryScript: '#!/bin/sh\necho "args:$1"\nexit 7\n' });
    const result = runStart(dir);
    expect(result.status).toBe(7);
    expect(result.stdout.trim()).toBe(`args:${resolve(__dirname, '../../..')}`);
  });
});
