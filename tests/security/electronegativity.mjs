#!/usr/bin/env node
// Security gate: runs @doyensec/electronegativity over the Electron shell and fails on any
// finding above LOW that the source does not justify (see ./justification.mjs for the rule).
//
//   node tests/security/electronegativity.mjs [--skip-build] [--source-only] [--input DIR] [--output FILE.sarif]
//
// What is scanned (staged into a temp folder, same relative layout):
//   src-main/**          main process and preload, TypeScript (electronegativity parses TS
//                        with @babel/parser's typescript plugin)
//   src-renderer/index.html, package.json
//   out/main, out/preload, out/renderer   the built JS that actually ships (built first
//                        with `electron-vite build` unless --skip-build; left out with --source-only)
// Exit codes: 0 = no unjustified finding above LOW; 1 = at least one; 2 = the scan itself
// failed (a file could not be parsed, the tool crashed, the preload bundle requires something
// other than electron, or it took longer than 55 s).
//
// Offline: the tool fetches translations (i18n) and Electron release notes
// (AvailableSecurityFixesGlobalCheck) with `got`. Here `got` is replaced by a function that
// rejects at once, that global check is excluded, and any socket connect throws.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findJustification, findVendorJustification } from './justification.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const HARD_TIMEOUT_MS = 55_000;
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

function parseArgs(argv) {
  const args = { skipBuild: false, sourceOnly: false, input: null, output: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--skip-build') args.skipBuild = true;
    else if (a === '--source-only') args.sourceOnly = true;
    else if (a === '--input') args.input = resolve(argv[++i]);
    else if (a === '--output') args.output = resolve(argv[++i]);
    else throw new Error(`unknown argument: ${a}`);
  }
  return args;
}

function fail(message) {
  console.error(`electronegativity: ${message}`);
  process.exit(2);
}

/** Makes the tool's network calls fail immediately instead of reaching the internet. */
function forceOffline() {
  const Module = require('node:module');
  const originalLoad = Module._load;
  const offlineGot = () => Promise.reject(new Error('network disabled in this check'));
  Module._load = function load(request, ...rest) {
    if (request === 'got') return Object.assign(offlineGot, { default: offlineGot });
    return originalLoad.call(this, request, ...rest);
  };
  net.Socket.prototype.connect = function connect() {
    throw new Error('electronegativity check: network access is disabled');
  };
}

function build() {
  const bin = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const result = spawnSync(bin, ['build'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8', timeout: 40_000 });
  if (result.status !== 0) {
    const detail = String(result.stderr || result.stdout || result.error).split('\n').filter((l) => !/^\s+at /.test(l));
    fail(`electron-vite build failed (fix the build, or scan the last build with --skip-build):\n${detail.slice(0, 15).join('\n')}`);
  }
}

/** Copies what is scanned into a temp folder, keeping project-relative paths. */
function stage(sourceOnly) {
  const dir = mkdtempSync(join(tmpdir(), 'sokh-eng-'));
  const copy = (rel) => {
    const from = join(ROOT, rel);
    if (!existsSync(from)) fail(`missing ${rel}${rel.startsWith('out') ? ' (build first)' : ''}`);
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    cpSync(from, join(dir, rel), { recursive: true });
  };
  copy('src-main');
  copy(join('src-renderer', 'index.html'));
  copy('package.json');
  if (!sourceOnly) for (const rel of ['out/main', 'out/preload', 'out/renderer']) copy(rel);
  return dir;
}

/** The sandboxed preload can only require('electron'); anything else fails at runtime. */
function checkPreloadBundle() {
  const file = join(ROOT, 'out', 'preload', 'index.js');
  const code = readFileSync(file, 'utf8');
  const required = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  const others = required.filter((r) => r !== 'electron');
  if (others.length > 0 || code.includes('import(')) {
    fail(`out/preload/index.js must require only "electron", found: ${others.join(', ') || 'dynamic import'}`);
  }
  console.log(`preload bundle: requires only electron (${required.length} require call${required.length === 1 ? '' : 's'})`);
}

async function runTool(input, output) {
  const runner = require('@doyensec/electronegativity/dist/runner.js');
  const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const log = console.log;
  // The tool prints one line when it cannot fetch translations; that is expected offline.
  console.log = (...a) => {
    if (!String(a[0]).startsWith('Could not retrieve updated translations')) log(...a);
  };
  try {
    return await runner(
      {
        input,
        output,
        isSarif: true,
        isRelative: true,
        customScan: [],
        excludeFromScan: EXCLUDED_CHECKS,
        severitySet: undefined,
        confidenceSet: undefined,
        isVerbose: false,
        electronUpgrade: undefined,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const timer = setTimeout(() => fail(`took longer than ${HARD_TIMEOUT_MS / 1000} s`), HARD_TIMEOUT_MS);
  timer.unref();

  const started = Date.now();
  const scanningProject = args.input === null;
  if (scanningProject && !args.sourceOnly) {
    if (!args.skipBuild) build();
    checkPreloadBundle();
  }
  const input = args.input ?? stage(args.sourceOnly);
  const sourceRoot = args.input ?? ROOT;
  const output = args.output ?? join(tmpdir(), `electronegativity-${process.pid}.sarif`);

  forceOffline();
  let result;
  try {
    result = await runTool(input, output);
  } catch (error) {
    fail(`the tool crashed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (scanningProject) rmSync(input, { recursive: true, force: true });
  }

  const hardErrors = result.errors.filter((e) => !e.tolerable);
  if (hardErrors.length > 0) {
    for (const e of hardErrors) console.error(`  could not parse ${relative(input, e.file)}: ${e.message}`);
    fail(`${hardErrors.length} file(s) could not be parsed, so they were not checked`);
  }

  const above = [];
  let justified = 0;
  for (const issue of result.issues) {
    if (issue.severity.value <= 1) continue; // INFORMATIONAL (0) and LOW (1) are reported, not gated
    const rel = issue.file.split(/[\\/]/).join(sep);
    const file = join(sourceRoot, rel);
    const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const bundled = rel.split(sep).slice(0, 3).join('/') === 'out/renderer/assets';
    const reason =
      findJustification(source, issue.location.line, issue.id) ??
      (bundled ? findVendorJustification(source, issue.location.line, issue.location.column, issue.id) : null);
    if (reason) justified++;
    above.push({ issue, rel, reason });
  }

  for (const issue of result.issues) {
    const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
    const entry = above.find((a) => a.issue === issue);
    const status = !entry ? 'reported' : entry.reason ? `justified: ${entry.reason}` : 'NOT JUSTIFIED';
    console.log(`  ${issue.severity.name.padEnd(6)} ${issue.id} ${where} — ${status}`);
  }
  const unjustified = above.filter((a) => !a.reason);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`report: ${pathToFileURL(output).href} (${seconds} s, ${result.atomicChecks} atomic + ${result.globalChecks} global checks)`);
  console.log(`electronegativity: ${result.issues.length} findings, ${above.length} above LOW (${justified} justified)`);
  if (unjustified.length > 0) {
    console.error(
      `electronegativity: ${unjustified.length} finding(s) above LOW need a fix or a ` +
        '`// electronegativity-safe(CHECK_ID): <reason>` comment on or directly above the line',
    );
    process.exit(1);
  }
  process.exit(0);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
