// Decides how `npm start` runs the desktop shell: find Electron's binary, try once (bounded)
// to fetch it when missing, and otherwise explain in Vietnamese and English how to use the
// browser version instead. Plain Node ESM, no dependencies; start.mjs only wires it up.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const INSTALL_TIMEOUT_MS = 60_000;
export const BROWSER_URL = 'http://127.0.0.1:4173/';

export const MISSING_SHELL_MESSAGE = [
  'Không mở được ứng dụng dạng cửa sổ: chưa tải được phần vỏ máy tính (Electron),',
  'có thể vì máy đang không có kết nối Internet.',
  'Bạn vẫn dùng được chính ứng dụng này trong trình duyệt: chạy lệnh `npm run browser`,',
  `rồi mở ${BROWSER_URL} — địa chỉ này chỉ phục vụ trên máy tính này.`,
  '',
  'Could not open the desktop app: its desktop shell (Electron) could not be downloaded,',
  'probably because this computer has no internet connection.',
  'The same app opens in a browser: run `npm run browser`, then open',
  `${BROWSER_URL} (served on this computer only).`,
].join('\n');

/**
 * Path of the Electron executable inside `electronDir` (node_modules/electron), or null
 * when it is not there. Mirrors node_modules/electron/index.js without its side effect
 * (which downloads, unbounded, when the binary is missing).
 */
export function findElectronBinary(electronDir, env = process.env) {
  let relative;
  try {
    relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = undefined;
  }
  const overrideDist = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (overrideDist) {
    const candidate = join(overrideDist, relative || 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const candidate = join(electronDir, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
}

/** Runs Electron's own install script once, with a time limit and its output captured. */
export function tryInstallElectron(electronDir, timeoutMs = INSTALL_TIMEOUT_MS) {
  const script = join(electronDir, 'install.js');
  if (!existsSync(script)) return { ok: false, reason: 'no-install-script' };
  const result = spawnSync(process.execPath, [script], {
    cwd: electronDir,
    stdio: 'pipe',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    windowsHide: true,
  });
  if (result.error) return { ok: false, reason: result.error.code === 'ETIMEDOUT' ? 'timeout' : 'spawn-failed' };
  if (result.status !== 0) return { ok: false, reason: `exit-${result.status ?? 'signal'}` };
  return { ok: true, reason: 'installed' };
}

/**
 * The binary to run, or null. `install` is injectable so tests never reach the network.
 * @returns {{ binary: string | null, attempted: boolean, reason?: string }}
 */
export function resolveElectron(electronDir, { install = tryInstallElectron, env = process.env } = {}) {
  const found = findElectronBinary(electronDir, env);
  if (found) return { binary: found, attempted: false };
  const outcome = install(electronDir);
  return { binary: findElectronBinary(electronDir, env), attempted: true, reason: outcome.reason };
}
