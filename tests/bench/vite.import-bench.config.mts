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
  resolve: {
    alias: {
      '@contract': resolve(repo, 'src-renderer/platform/contract.ts'),
      '@domain': resolve(repo, 'src-renderer/domain'),
      '@resources': resolve(repo, 'resources'),
    },
  },
  build: {
    outDir: resolve(repo, 'out/bench-import'),
    emptyOutDir: true,
    // As the app ships: minified.
    minify: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: { index: resolve(here, 'import-bench.html') } },
  },
});
