import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { internalNames } from './entrypoints/widget/internal-names';

// Release builds (MARKWISE_RELEASE=true) run only on the MIS sites a school adds, asked for
// at that moment; development builds (npm start, the tests) also run on the demo's localhost.
const release = process.env.MARKWISE_RELEASE === 'true';

/**
 * The e2e build (npm run build:e2e, in .output/chrome-mv3-e2e) is the development build with its
 * shadow roots open, so that Playwright's locators reach the panel, hints and badges. Nothing else
 * may differ (test/unit/manifests.test.ts compares the two builds); shipped builds keep them closed.
 */
const e2e = process.env.MARKWISE_E2E === 'true';
if (e2e && release) throw new Error('MARKWISE_E2E is for the development build only: a release keeps its shadow roots closed.');

/**
 * Development builds have a fixed extension id (DEV_EXTENSION_ID in test/e2e/managed.spec.ts), so
 * that a managed policy can name it, as an administrator names the store's id. Only the public key:
 * nothing is ever packed or signed with it. Release builds take the store's id.
 */
const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuXLlXRRk0/1n3kQFpIZooLMSs1KOKV5G7vLFiQ8KSJP8bTgzRGP0pI9Dizd4uovKf/HOSQMJOH0AWjoamcwMBgGUQg2OhObbZvmntgS+/P3guaTYjC1vXN955pN5xRMGcy/4Qvc1l1kqiah00tFOiUU8R7ytaGGs+IFw3ibiUYAg7/+HUk0NhVn9tfs7jDoZvXtyktYR9qOSbJj4ZgofI9ONe13TObNFe8XgSrDb2V6J2l5ueuyToX1H0XoLbfLUjV6jblDE3Az8isTt3XvlKT7ehvrwQk4bZO9eb1mBK4L1O36ZgB5DYUsFrNYYCXNCiyLtSSq8uv5on4Dg44/GIQIDAQAB';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDirTemplate: release ? 'release/{{browser}}-mv{{manifestVersion}}' : `{{browser}}-mv{{manifestVersion}}${e2e ? '-e2e' : ''}`,
  vite: () => ({
    define: {
      'import.meta.env.MARKWISE_RELEASE': JSON.stringify(release ? 'true' : 'false'),
      'import.meta.env.MARKWISE_SHADOW_MODE': JSON.stringify(e2e ? 'open' : 'closed'),
      // The page code's widget-only branches (entrypoints/widget/vite.config.ts sets it true) are left out.
      __MARKWISE_WIDGET__: 'false',
    },
  }),
  hooks: {
    // The content script runs on every MIS page and has a budget of 30 KB gzipped (issue 3):
    // terser's second pass takes about 2% more off it than esbuild's minifier. Only that
    // script pays terser's time; the other entrypoints keep esbuild.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      // MARKWISE_PROFILE=true keeps the names readable in a CPU profile.
      config.build = { ...config.build, ...(process.env.MARKWISE_PROFILE === 'true' ? { minify: false } : { minify: 'terser', terserOptions: { compress: { passes: 2 }, mangle: { properties: { regex: internalNames(true) } } } }) };
      // WXT's content-script context carries timers, frames, idle callbacks, event helpers and a URL
      // watcher that Markwise never calls: entrypoints/content/context.ts keeps what the content script
      // uses, WXT's way (about 400 bytes gzipped of the budget; issue 15).
      const leanContext = fileURLToPath(new URL('./entrypoints/content/context.ts', import.meta.url));
      const contentEntry = fileURLToPath(new URL('./entrypoints/content/index.ts', import.meta.url));
      config.plugins = [
        ...(config.plugins ?? []),
        { name: 'markwise-lean-content-context', enforce: 'pre', resolveId: (id: string) => (id === 'wxt/utils/content-script-context' ? leanContext : undefined) },
        // What only WXT reads (matches, registration, runAt), left out of the script's own bundle (entrypoints/content/index.ts).
        {
          name: 'markwise-content-declarations',
          enforce: 'pre',
          transform: (code: string, id: string) => {
            if (id !== contentEntry) return undefined;
            const lean = code.replace(/\n\s*\/\/ <declared>\n[\s\S]*?\/\/ <\/declared>\n/, '\n');
            if (lean === code) throw new Error(`${contentEntry}: the "// <declared>" ... "// </declared>" lines are missing`);
            return lean;
          },
        },
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: release ? 'Markwise' : 'Markwise (development build)',
    description: 'Attendance rules for English schools, inside the MIS pages staff already use.',
    // storage: the bundle content scripts read; scripting: running on the sites the school adds;
    // activeTab: the popup opened on a tab knows that tab's site, to offer "Use Markwise on this site"
    // (no warning at install, and nothing is read until the school allows the site).
    permissions: ['storage', 'scripting', 'activeTab'],
    // Asked for one site at a time, when the school adds it in the options page; http for an MIS on the school's own network.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*', 'http://*/*'] } : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'markwise@markwise.invalid' } } } : {}),
    // What an administrator may set for every browser (Google Admin console, Intune, Group Policy): README, "For administrators".
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(release || browser === 'firefox' ? {} : { key: DEV_PUBLIC_KEY }),
  }),
});
