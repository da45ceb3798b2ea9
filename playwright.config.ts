import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium with the built extension loaded
// (npm run build first; npm test does). Each test gets its own browser profile.
export default defineConfig({
  testDir: 'test/e2e',
  // One check for Chromium before any test: without it, one message says how to get it.
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  use: { trace: 'off' },
});
