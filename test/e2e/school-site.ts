// A school's own MIS site for the specs that add one (profiles-options.spec.ts, first-run.spec.ts):
// the same browser as the other specs, with one difference: mis.school.local resolves to the demo
// MIS, which the development build does not run on until the site is added. And the two ways those
// specs give and read site access as a person and the extension would.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM, EXTENSION_DIR, QUIET_FLAGS, expect, test as base } from './fixtures';

/** The school's own MIS on its own network, over plain http: the demo MIS, reached by this name. */
export const HTTP_SITE = 'http://mis.school.local';

export const test = base.extend<{ context: BrowserContext }>({
  context: async ({ mis }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'markwise-e2e-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...QUIET_FLAGS, `--host-resolver-rules=MAP mis.school.local 127.0.0.1:${new URL(mis.url).port}`, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
      env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') },
      viewport: { width: 1400, height: 900 },
    });
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

/**
 * Site access given as a person gives it on chrome://extensions, through the API that page itself
 * calls (headless Chromium's permission prompt cannot be answered: profiles-options.spec.ts).
 */
export async function allowOnExtensionsPage(context: BrowserContext, extensionId: string, origin: string): Promise<void> {
  const tab = await context.newPage();
  await tab.goto(`chrome://extensions/?id=${extensionId}`);
  const answer = await tab.evaluate(
    ([id, pattern]) =>
      new Promise<string>((resolve) => {
        const api = (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string, done: () => void): void }; runtime: { lastError?: { message: string } } } }).chrome;
        api.developerPrivate.addHostPermission(id!, pattern!, () => resolve(api.runtime.lastError?.message ?? 'ok'));
      }),
    [extensionId, `${origin}/*`],
  );
  expect(answer).toBe('ok');
  await tab.close();
}

/** The site access the browser gives Markwise now, as the extension itself sees it. */
export async function grantedOrigins(page: Page): Promise<string[]> {
  return page.evaluate(async () => ((await (globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }).chrome.permissions.getAll()).origins ?? []).sort());
}

export type Chrome = {
  chrome: {
    permissions: { request(p: object): Promise<boolean>; contains(p: object): Promise<boolean> };
    tabs: { query(q: object): Promise<{ id: number; url?: string }[]> };
  };
};



/**
 * The popup of the tab showing this page, opened as a page naming that tab, with its permission
 * requests watched. A person opens it from the toolbar, which gives it the tab's address (activeTab);
 * Playwright cannot, so the address activeTab would give is filled in where the browser leaves it out.
 */
export async function popupFor(context: BrowserContext, extensionId: string, mis: Page): Promise<Page> {
  const popup = await context.newPage();
  await popup.addInitScript((url) => {
    const tabs = (globalThis as unknown as { chrome: { tabs: { get(id: number): Promise<{ url?: string }> } } }).chrome?.tabs;
    if (tabs === undefined) return;
    const real = tabs.get.bind(tabs);
    tabs.get = async (id: number) => {
      const tab = await real(id);
      return tab.url === undefined ? { ...tab, url } : tab;
    };
  }, mis.url());
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  // The MIS tab: the one tab that is not the popup's own.
  const tabId = await popup.evaluate(async () => {
    const api = (globalThis as unknown as Chrome & { chrome: { tabs: { getCurrent(): Promise<{ id: number }> } } }).chrome.tabs;
    const own = await api.getCurrent();
    const others = (await api.query({})).filter((t) => t.id !== own.id);
    return others.length === 1 ? others[0]!.id : null;
  });
  expect(tabId).not.toBeNull();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.evaluate(() => {
    const api = (globalThis as unknown as Chrome).chrome.permissions;
    const real = api.request.bind(api);
    const asked: object[] = ((globalThis as unknown as { asked: object[] }).asked = []);
    api.request = (p: object) => {
      asked.push(p);
      return real(p);
    };
  });
  return popup;
}

export const asked = (popup: Page) => popup.evaluate(() => (globalThis as unknown as { asked: object[] }).asked);
