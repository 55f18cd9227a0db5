/**
 * Builds the 50,000-activity benchmark page (activities-bench.html) with the app's own modules:
 * the same aliases as electron.vite.config.ts, so the page runs the real db and query code.
 * Output: out/bench (ignored by git, like the app's build).
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
    outDir: resolve(repo, 'out/bench'),
    emptyOutDir: true,
    // As the app ships: minified.
    minify: true,
    rollupOptions: { input: { index: resolve(here, 'activities-bench.html') } },
  },
});
