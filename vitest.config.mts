import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@contract': resolve(import.meta.dirname, 'src-renderer/platform/contract.ts'),
      '@domain': resolve(import.meta.dirname, 'src-renderer/domain'),
      '@resources': resolve(import.meta.dirname, 'resources'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 20_000,
  },
});
