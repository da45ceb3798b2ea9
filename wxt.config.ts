import { defineConfig } from 'wxt';

// The browser extension is built in a later step (issue 3); this file already
// fixes where its code lives so that rules/ and the extension share one tree.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  manifest: {
    name: 'Markwise',
    description: 'Attendance rules for English schools, inside the MIS pages staff already use.',
    permissions: ['storage'],
  },
});
