import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// The path aliases (@contract, @domain/…, @exchange/…) come from tsconfig.base.json, their one home.
const resolveOptions = { tsconfigPaths: true };

// Our layout is not electron-vite's default (src/main, src/preload, src/renderer), so every
// entry is named explicitly. Main and preload build as CommonJS: a sandboxed preload needs it.
export default defineConfig({
  main: {
    resolve: resolveOptions,
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/index.ts') } },
    },
  },
  preload: {
    resolve: resolveOptions,
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() npm packages: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/preload.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: resolveOptions,
    plugins: [react()],
    base: './',
    // Figures remembered in the database (db/remembered.ts) are never read by another build.
    define: { __RENDERER_BUILD__: JSON.stringify(`${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`) },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; old office PCs load it from slow disks.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
    worker: { format: 'es' },
  },
});
