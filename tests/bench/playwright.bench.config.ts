import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

const root = resolve(__dirname, '../..');

// `npm run bench:responsiveness`: the built app in Debian's Chromium, driven like the e2e suite
// (same launch options, viewport, locale and static server), but measuring instead of testing.
export default defineConfig({
  ...base,
  testDir: 'browser',
  testMatch: '*.bench.ts',
  reporter: [['list']],
  outputDir: resolve(root, 'test-results/bench-playwright'),
  timeout: 600_000,
  webServer: { ...base.webServer, cwd: root } as typeof base.webServer,
});
