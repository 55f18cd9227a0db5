import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The path aliases (@domain/…, @exchange/…) come from tsconfig.base.json, their one home.
  resolve: { tsconfigPaths: true },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 20_000,
  },
});
