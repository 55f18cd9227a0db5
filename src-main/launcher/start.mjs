// `npm start` (after the build): runs the desktop shell on this project, or explains plainly,
// in Vietnamese and English, why it cannot and how to use the browser version instead.
// SOKH_ELECTRON_DIR overrides where Electron's npm package lives (used by tests).
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MISSING_SHELL_MESSAGE, resolveElectron } from './electron-shell.mjs';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronDir = process.env.SOKH_ELECTRON_DIR
  ? resolve(process.env.SOKH_ELECTRON_DIR)
  : join(projectDir, 'node_modules', 'electron');

function main() {
  let binary = null;
  try {
    binary = resolveElectron(electronDir).binary;
  } catch {
    binary = null;
  }
  if (!binary) {
    console.error(MISSING_SHELL_MESSAGE);
    process.exitCode = 1;
    return;
  }

  const child = spawn(binary, [projectDir], { stdio: 'inherit', windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', () => {
    console.error(MISSING_SHELL_MESSAGE);
    process.exit(1);
  });
  child.on('close', (code) => process.exit(code ?? 1));
}

main();
