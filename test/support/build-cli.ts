// Vitest's global set-up: builds the command line (cli/vite.config.ts) before any test, so that the
// tests run the program people run (.output/cli/markwise.mjs, by node) and never a stale build.

import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({ configFile: new URL('../../cli/vite.config.ts', import.meta.url).pathname, logLevel: 'error' });
}
