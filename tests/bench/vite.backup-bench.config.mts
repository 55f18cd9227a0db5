/**
 * Builds the backup benchmark page (backup-bench.html) with the app's own modules: the same
 * aliases as electron.vite.config.ts, so the page runs the real backup writer and reader, the
 * real Dexie database and restore. Output: out/bench-backup (ignored by git; its own folder, as
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
    outDir: resolve(repo, 'out/bench-backup'),
    emptyOutDir: true,
    // As the app ships: minified.
    minify: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: { index: resolve(here, 'backup-bench.html') } },
  },
});
