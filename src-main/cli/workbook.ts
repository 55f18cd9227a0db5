/**
 * Node entry of the workbook command line (see workbook-cli.ts): supplies the file system and
 * the process. Built by vite.cli.config.mts into out/cli/workbook.mjs; run with
 * `npm run workbook -- <args>`. Paths are resolved against the folder the command was typed in
 * (npm runs scripts from the project root and passes that folder as INIT_CWD).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import pkg from '../../package.json';
import { runCli } from './workbook-cli';

const cwd = process.env.INIT_CWD ?? process.cwd();

// `npm run workbook -- check *.xlsx | head`: the reader of the pipe left; stop quietly instead of
// dying on an unhandled EPIPE with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

runCli(process.argv.slice(2), {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, bytes) => writeFile(path, bytes),
  resolvePath: (path) => resolve(cwd, path),
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date().toISOString(),
  appVersion: pkg.version,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Lỗi không mong đợi: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
