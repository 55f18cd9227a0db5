import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = {
  '@contract': resolve(__dirname, 'src-renderer/platform/contract.ts'),
  '@domain': resolve(__dirname, 'src-renderer/domain'),
  '@resources': resolve(__dirname, 'resources'),
};

// Our layout is not electron-vite's default (src/main, src/preload, src/renderer), so every
// entry is named explicitly. Main and preload build as CommonJS: a sandboxed preload needs it.
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() npm packages: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/preload.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias },
    plugins: [react()],
    base: './',
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; old office PCs load it from slow disks.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
    worker: { format: 'es' },
  },
});
