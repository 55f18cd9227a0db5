// Makes sure the programs the tests drive are on this machine before `npm test` runs them:
// Debian's Chromium (Playwright never downloads a browser here) and fonts with Vietnamese
// glyphs. Installs them with apt-get when running as root on Debian; otherwise says how.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// LibreOffice (Calc) is the "other program" the workbook tests open, render and fill files with;
// python3-uno drives it to fill a template as a person would; poppler-utils turns its PDFs
// into text and PNG pages.
// Fonts: the workbooks name Times New Roman. fonts-liberation2 gives its metric-compatible
// substitute, Liberation Serif 2, WITH Vietnamese glyphs (Liberation 1.x in fonts-liberation
// lacks «Ơ», «Ị»…, which LibreOffice then takes from DejaVu, and pdftotext splits the words at
// every such glyph). DejaVu is Chromium's fallback for the app's own text.
export const APT_PACKAGES = [
  'chromium',
  'fonts-dejavu-core',
  'fonts-liberation2',
  'libreoffice-calc-nogui',
  'libreoffice-writer-nogui',
  'python3-uno',
  'poppler-utils',
];

function isInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

export function ensureSystemDeps() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const hasDpkg = spawnSync('dpkg-query', ['--version']).status === 0;
  const missing = hasDpkg ? APT_PACKAGES.filter((p) => !isInstalled(p)) : existsSync(chromium) ? [] : ['chromium'];
  if (missing.length === 0) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!hasDpkg || !isRoot) {
    console.error(`Missing system packages: ${missing.join(' ')}. Install them, e.g.: sudo apt-get install -y ${missing.join(' ')}`);
    return false;
  }
  console.log(`Installing system packages: ${missing.join(' ')}`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return true;
  } catch {
    console.error('apt-get failed; install the packages above by hand.');
    return false;
  }
}

// Run directly (from .ci/run): exit 1 when something is still missing.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(ensureSystemDeps() ? 0 : 1);
}
