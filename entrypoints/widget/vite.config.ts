// The widget's build (npm run build:widget, also part of npm run build): one ES module and one
// classic script, each a single file with nothing further to download, in .output/widget/.

import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { defineConfig, type Plugin } from 'vite';
import { presetInput, PRESET_IDS } from '../../rules/presets';
import { internalNames } from './internal-names';

const here = fileURLToPath(new URL('.', import.meta.url));

// Vite keeps /* @__PURE__ */ marks in a library's ES file for bundlers that take it in; the widget's
// file runs as it is, where they are only bytes (about 300 gzipped). Printed again without them.
const dropPureMarks: Plugin = {
  name: 'markwise:drop-pure-marks',
  renderChunk: {
    order: 'post',
    async handler(code, _chunk, options) {
      if (options.format !== 'es' || process.env.MARKWISE_PROFILE === 'true') return null;
      const out = await minify(code, { compress: false, mangle: false, module: true, sourceMap: options.sourcemap ? { asObject: true } : false, format: { ascii_only: true, comments: false } });
      return { code: out.code!, map: (out.map as string | undefined) ?? null };
    },
  },
};

// The presets as files beside the widget's script (presets/<id>.json): the widget carries only dfe,
// and reads a school's preset from here when an element names it (entrypoints/widget/policy.ts).
const presetFiles: Plugin = {
  name: 'markwise:preset-files',
  closeBundle() {
    const dir = resolve(here, '../../.output/widget/presets');
    mkdirSync(dir, { recursive: true });
    for (const id of PRESET_IDS) writeFileSync(resolve(dir, `${id}.json`), `${JSON.stringify(presetInput(id), null, 2)}\n`);
  },
};

export default defineConfig({
  plugins: [dropPureMarks, presetFiles],
  root: resolve(here, '../..'),
  publicDir: false,
  logLevel: 'info',
  define: { 'import.meta.env.MARKWISE_RELEASE': JSON.stringify('true'), __MARKWISE_WIDGET__: 'true' },
  build: {
    outDir: resolve(here, '../../.output/widget'),
    emptyOutDir: true,
    target: 'es2022',
    minify: process.env.MARKWISE_PROFILE === 'true' ? false : 'terser',
    // pure_getters: no property read in the widget is made for its side effect (no forced-layout reads
    // left standing alone), so terser may drop unused ones: 70 bytes gzipped.
    // ascii_only: a school's server may send the file with no charset to a page that declares
    // none, and the browser then reads UTF-8 bytes as windows-1252 ("Â·" for "·").
    terserOptions: { ecma: 2020, toplevel: true, compress: { passes: 3, unsafe_arrows: true, pure_getters: true }, mangle: { properties: { regex: internalNames() } }, format: { ascii_only: true } },
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
