// The command line's build (npm run build:cli; npm ci runs it too, so that `npx markwise` works
// straight after install): one JavaScript program, .output/cli/markwise.mjs, that node runs as it
// is, with no TypeScript compiled at each run (issue 15, item 4). Its dependencies are bundled in,
// so that start-up reads one file instead of resolving hundreds of modules.

import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
export const CLI_OUTPUT = resolve(here, '../.output/cli/markwise.mjs');

/** The bin of package.json: the system runs it by its #! line, so it must be executable. */
const executable: Plugin = {
  name: 'markwise:executable',
  writeBundle() {
    chmodSync(CLI_OUTPUT, 0o755);
  },
};

export default defineConfig({
  root: resolve(here, '..'),
  publicDir: false,
  logLevel: 'warn',
  plugins: [executable],
  // Bundled: every package the program uses is in the one file (nothing resolved at run time).
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: resolve(here, 'bin.ts'),
    outDir: resolve(here, '../.output/cli'),
    emptyOutDir: true,
    target: 'node20',
    // Minified: node parses every byte of the program before it runs (a third of start-up).
    minify: true,
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'markwise.mjs', format: 'es', banner: '#!/usr/bin/env node' } },
  },
});
