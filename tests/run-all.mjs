#!/usr/bin/env node
// The whole test command (`npm test`): every check and test runner of the project, in order,
// continuing after a failure so that the totals are complete. Prints one closing line
// "N passed, N failed" with the real totals and writes it to test-results/summary.txt
// (.ci/run repeats it as its very last line).
//
// Counting: each Vitest and Playwright test counts as one; each whole-project check
// (typecheck, lint, build, electronegativity) counts as one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemDeps } from './ensure-system-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];

function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: r.status === 0, seconds };
}

function check(label, command, args) {
  const { ok, seconds } = run(label, command, args);
  record(label, ok ? 1 : 0, ok ? 0 : 1, 0, seconds);
  return ok;
}

function record(label, passed, failed, skipped, seconds) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  rows.push(`${label.padEnd(22)} ${String(passed).padStart(4)} passed ${String(failed).padStart(3)} failed ${String(skipped).padStart(3)} skipped  (${seconds} s)`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

if (!ensureSystemDeps()) record('system packages', 0, 1, 0, '0.0');

check('typecheck', npx, ['tsc', '-b']);
check('lint', npx, ['eslint', '.', '--max-warnings', '0']);

{
  const out = join(results, 'unit.json');
  const { ok, seconds } = run('unit tests (vitest)', npx, [
    'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`,
  ]);
  const json = readJson(out);
  if (json) record('unit tests (vitest)', json.numPassedTests, json.numFailedTests + (ok || json.numFailedTests ? 0 : 1), json.numPendingTests + json.numTodoTests, seconds);
  else record('unit tests (vitest)', 0, 1, 0, seconds);
}

const built = check('build', npx, ['electron-vite', 'build']);

// Scans the sources and the bundles just built (so it must come after the build).
check('electronegativity', process.execPath, ['tests/security/electronegativity.mjs', ...(built ? ['--skip-build'] : [])]);

if (built) {
  const out = join(results, 'e2e.json');
  const { ok, seconds } = run('e2e tests (playwright)', npx, ['playwright', 'test']);
  const stats = readJson(out)?.stats;
  if (stats) record('e2e tests (playwright)', stats.expected + stats.flaky, stats.unexpected + (ok || stats.unexpected ? 0 : 1), stats.skipped, seconds);
  else record('e2e tests (playwright)', 0, 1, 0, seconds);
} else {
  record('e2e tests (playwright)', 0, 1, 0, '0.0');
}

// The closing line is exactly "N passed, N failed"; skipped tests (fixture makers, run on demand)
// are counted on the line before it.
const line = `${totals.passed} passed, ${totals.failed} failed`;
process.stdout.write(`\n=== summary ===\n${rows.join('\n')}\n\n${totals.skipped} skipped\n${line}\n`);
writeFileSync(join(results, 'summary.txt'), line + '\n');
process.exit(totals.failed === 0 ? 0 : 1);
