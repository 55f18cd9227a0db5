/**
 * Builds the import benchmark page (import-bench.html) with the app's own modules: the same
 * aliases as electron.vite.config.ts, so the page runs the real reader, the real Dexie database
 * and the real import operations. Output: out/bench-import (ignored by git; its own folder, as
 * the activities benchmark empties out/bench).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
const repo = resolve(here, '../..');

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  // The path aliases come from tsconfig.base.json.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: resolve(repo, 'out/bench-import'),
    emptyOutDir: true,
    // As the app ships: minified (BENCH_NO_MINIFY=1 keeps the names, for reading a --profile).
    minify: !process.env.BENCH_NO_MINIFY,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: { index: resolve(here, 'import-bench.html') } },
  },
});
