import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['rules/**/*.test.ts', 'sites/**/*.test.ts', 'cli/**/*.test.ts', 'test/unit/**/*.test.ts', 'bench/**/*.test.ts', 'storage/**/*.test.ts', 'entrypoints/**/*.test.ts', 'components/**/*.test.ts'],
    environment: 'node',
    // The command-line tests run the built program: built once, before them.
    globalSetup: ['test/support/build-cli.ts'],
    // The command-line tests start real processes; give them room on a 2-core machine.
    testTimeout: 20_000,
    // WXT's own modules read import.meta.env, which only Vite's transform gives them
    // (entrypoints/content/context.test.ts runs WXT's content-script context beside Markwise's).
    server: { deps: { inline: ['wxt'] } },
  },
});
