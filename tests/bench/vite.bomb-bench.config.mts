/**
 * Builds the lying-size zip bomb's benchmark page (bomb-bench.html, bomb-bench-page.ts) with the
 * app's aliases, so it runs the import screen's real worker and reader, minified as shipped.
 * Output: out/bench-bomb.
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
  // As the app builds its workers.
  worker: { format: 'es' },
  build: {
    outDir: resolve(repo, 'out/bench-bomb'),
    emptyOutDir: true,
    minify: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: { index: resolve(here, 'bomb-bench.html') } },
  },
});
