// Builds the workbook command line (workbook.ts) into one Node ES module, out/cli/workbook.mjs,
// because Node 20 cannot run TypeScript. `npm run workbook -- <args>` builds then runs it.
// Dependencies (exceljs, zod) stay external and load from node_modules; our own modules, the
// built-in plan's JSON included, are bundled.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');

export default defineConfig({
  root,
  logLevel: 'warn',
  // The path aliases come from tsconfig.base.json.
  resolve: { tsconfigPaths: true },
  build: {
    ssr: resolve(import.meta.dirname, 'workbook.ts'),
    outDir: resolve(root, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      output: { format: 'es', entryFileNames: 'workbook.mjs', codeSplitting: false },
    },
  },
});
