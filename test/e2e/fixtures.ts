// Playwright fixtures: a real Chromium with the built extension loaded, its own
// profile and home folders, and the demo MIS served over HTTP on a free port.

import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoMis, type DemoMisServer } from '../../demo/mis/server';

/**
 * The extension the tests load: the e2e build (npm run build:e2e), the development build with one
 * difference, its shadow roots open, so that Playwright's locators can reach the panel, hints and
 * badges. The shipped builds close them (test/e2e/page-cannot-reach.spec.ts loads SHIPPED_EXTENSION_DIR).
 */
export const EXTENSION_DIR = resolve(fileURLToPath(new URL('../../.output/chrome-mv3-e2e', import.meta.url)));
/** The development build as shipped (npm run build): closed shadow roots. */
export const SHIPPED_EXTENSION_DIR = resolve(fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url)));
import { CHROMIUM } from './chromium';
export { CHROMIUM };

/** Flags that keep Chromium from reaching out to Google's services on a closed network. */
export const QUIET_FLAGS = [
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-quic',
  '--no-default-browser-check',
];

export async function launchWithExtension(profileDir: string, extension = EXTENSION_DIR): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...QUIET_FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
    env: { ...process.env, HOME: profileDir, XDG_CONFIG_HOME: join(profileDir, 'config'), XDG_CACHE_HOME: join(profileDir, 'cache') },
    viewport: { width: 1400, height: 900 },
  });
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Waits until the background has published the content bundle. */
export async function bundleReady(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome;
    // A first start builds the bundle from the presets in IndexedDB: on a busy two-core CI machine
    // that has taken more than the 5 s this once waited (CI, stop 31), so it waits up to 30 s.
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      const stored = await api.storage.local.get('markwise.bundle');
      if (stored['markwise.bundle'] !== undefined) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the background never published its bundle (waited 30 s)');
  });
}

interface Fixtures {
  /** Which build to load: EXTENSION_DIR unless a spec says `test.use({ extensionDir: SHIPPED_EXTENSION_DIR })`. */
  extensionDir: string;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  mis: DemoMisServer;
  page: Page;
}

export const test = base.extend<Fixtures>({
  extensionDir: [EXTENSION_DIR, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  mis: async ({}, use) => {
    const server = await startDemoMis({ port: 0 });
    await use(server);
    await server.close();
  },
  context: async ({ extensionDir }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'markwise-e2e-'));
    const context = await launchWithExtension(dir, extensionDir);
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
  worker: async ({ context }, use) => {
    const worker = await serviceWorkerOf(context);
    await bundleReady(worker);
    await use(worker);
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  page: async ({ context, worker: _worker }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => {
      throw error;
    });
    await use(page);
  },
});

export { expect } from '@playwright/test';

/** The Markwise panel on the page (inside its shadow root, open in the e2e build; Playwright's CSS locators pierce open roots only). */
export function panel(page: Page) {
  return page.locator('markwise-root aside.panel');
}

/**
 * Says which role the person is on the demo's site, as the popup does (issue 14, item 2): the demo's
 * registers are a teacher's, and a test of writing a fix only the office may enter (U) is the office's.
 */
export async function chooseRole(context: BrowserContext, extensionId: string, origin: string, role: 'teacher' | 'office' | null): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const reply = await page.evaluate(
    ([origin, role]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'set-role', origin, role }),
    [origin, role] as const,
  );
  expect(reply).toEqual({ ok: true });
  await page.close();
}
