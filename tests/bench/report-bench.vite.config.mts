// Builds the report benchmark (report-bench.mts) into one Node ES module,
// out/bench/report-bench.mjs, like workbook-bench.vite.config.mts: Node 20 cannot run
// TypeScript. `npm run bench:report` builds then runs it. docx stays external (node_modules).
// out/bench is shared with the other benchmarks, so it is not emptied here.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');

export default defineConfig({
  root,
  logLevel: 'warn',
  // The path aliases come from tsconfig.base.json.
  resolve: { tsconfigPaths: true },
  build: {
    ssr: resolve(import.meta.dirname, 'report-bench.mts'),
    outDir: resolve(root, 'out/bench'),
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      output: { format: 'es', entryFileNames: 'report-bench.mjs', codeSplitting: false },
    },
  },
});
