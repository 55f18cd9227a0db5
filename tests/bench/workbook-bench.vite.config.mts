// Builds the workbook benchmark (workbook-bench.mts) into one Node ES module,
// out/bench/workbook-bench.mjs, the way src-main/cli/vite.cli.config.mts builds the
// workbook command: Node 20 cannot run TypeScript. `npm run bench:workbook` builds then runs it.
// ExcelJS stays external (loaded from node_modules, the same Node build the desktop app uses);
// our own modules, the built-in plan's JSON included, are bundled.
// out/bench is shared with the activities benchmark, so it is not emptied here.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');

export default defineConfig({
  root,
  logLevel: 'warn',
  // The path aliases come from tsconfig.base.json.
  resolve: { tsconfigPaths: true },
  build: {
    ssr: resolve(import.meta.dirname, 'workbook-bench.mts'),
    outDir: resolve(root, 'out/bench'),
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      output: { format: 'es', entryFileNames: 'workbook-bench.mjs', codeSplitting: false },
    },
  },
});
