// The widget's build (npm run build:widget, also part of npm run build): one ES module and one
// classic script, each a single file with nothing further to download, in .output/widget/.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: resolve(here, '../..'),
  publicDir: false,
  logLevel: 'info',
  define: { 'import.meta.env.MARKWISE_RELEASE': JSON.stringify('true') },
  build: {
    outDir: resolve(here, '../../.output/widget'),
    emptyOutDir: true,
    target: 'es2022',
    minify: process.env.MARKWISE_PROFILE === 'true' ? false : 'terser',
    // ascii_only: a school's server may send the file with no charset to a page that declares
    // none, and the browser then reads UTF-8 bytes as windows-1252 ("Â·" for "·").
    terserOptions: JSON.parse(process.env.TO!),
    reportCompressedSize: true,
    lib: {
      // main.ts, not index.ts: WXT would take an index file in entrypoints/ for an extension entrypoint.
      entry: resolve(here, 'main.ts'),
      name: 'Markwise',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'markwise-widget.js' : 'markwise-widget.iife.js'),
    },
  },
});
