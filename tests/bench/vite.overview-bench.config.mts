/**
 * Builds the «Tổng quan» benchmark page (overview-bench.html) with the app's own modules and the
 * app's React plugin: the same aliases as electron.vite.config.ts, so the page runs the real
 * Dexie database, consolidation, shaping and chart components, minified as shipped.
 * Output: out/bench-overview (ignored by git).
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
const repo = resolve(here, '../..');

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  // The path aliases come from tsconfig.base.json.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: resolve(repo, 'out/bench-overview'),
    emptyOutDir: true,
    minify: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: { index: resolve(here, 'overview-bench.html') } },
  },
});
