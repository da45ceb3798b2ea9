// The background trusts the browser, not the message (issue 11, items 4, 9 and 10): a message
// sent from the content script's world on an MIS page is checked against its schema, its site is
// the page's own origin whatever the message claims, a tab may ask only about itself, the
// follow-up page links only to pages of the sites Markwise runs on, every threshold crossing is
// kept, and a wipe also forgets each tab's status and empties the open MIS pages.

import type { Page, Worker } from '@playwright/test';
import { expect, panel, test } from './fixtures';
import { plant, rowsOf } from './database';

type Api = {
  chrome: {
    tabs: { query(q: object): Promise<{ id: number }[]> };
    runtime: { sendMessage(m: unknown): Promise<unknown> };
  };
};

/** The tab id of a page: the one tab the browser says is active once the page is brought to the front. */
async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const ids = await worker.evaluate(async () => (await (globalThis as unknown as Api).chrome.tabs.query({ active: true })).map((t) => t.id));
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

/**
 * Sends a message from Markwise's content-script world on the page (found through the DevTools
 * protocol, as a script running there would), and returns the reply.
 */
async function sendFromPage(page: Page, message: unknown): Promise<Record<string, unknown>> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
  if (world === undefined) throw new Error("Markwise's content script is not running on this page");
  const reply = await cdp.send('Runtime.evaluate', { contextId: world.id, expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (reply.exceptionDetails !== undefined) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
  return reply.result.value as Record<string, unknown>;
}

async function openRegister(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
}

const figure = (pupilId: string, attendance: unknown) => ({ pupilId, upn: null, name: 'Claimed Pupil', attendance, possible: null, attended: null });

test("a page's message is stored under the page's own site, whatever site it claims", async ({ page, worker, mis, extensionId }) => {
  const url = `${mis.url}/register/class?class=4A`;
  await openRegister(page, url);
  const reply = await sendFromPage(page, { type: 'record-figures', site: 'https://other-school.example', seenOn: '2025-11-26', figures: [figure('claimed-1', 91)] });
  expect(reply).toEqual({ ok: true });
  const options = await page.context().newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const stored = (await rowsOf(options, 'pupilFigures')).filter((r) => r.pupilId === 'claimed-1');
  expect(stored.map((r) => r.site)).toEqual([new URL(mis.url).origin]);
});

test('a message that does not match its schema is refused, saying what is wrong and where, and nothing is stored', async ({ page, worker, mis, extensionId }) => {
  const url = `${mis.url}/register/class?class=4A`;
  await openRegister(page, url);
  const reply = await sendFromPage(page, { type: 'record-figures', site: new URL(mis.url).origin, seenOn: '2025-11-26', figures: [figure('bad-1', 'lots')] });
  expect(String(reply.error)).toContain('figures[0].attendance');
  const unknown = await sendFromPage(page, { type: 'drop-everything' });
  expect(String(unknown.error)).toContain('refused');
  const options = await page.context().newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  expect((await rowsOf(options, 'pupilFigures')).filter((r) => r.pupilId === 'bad-1')).toEqual([]);
});

test("a tab may ask only about its own status, and only Markwise's own pages may ask for a rebuild", async ({ context, page, worker, mis, extensionId }) => {
  const first = `${mis.url}/register/class?class=4A`;
  const second = `${mis.url}/register/class?class=4B`;
  await openRegister(page, first);
  const other = await context.newPage();
  await openRegister(other, second);
  await page.waitForTimeout(300);
  const [firstTab, secondTab] = [await tabIdOf(worker, page), await tabIdOf(worker, other)];
  // The popup may ask about any tab: the first tab has a status.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const fromPopup = (await popup.evaluate((id) => (globalThis as unknown as Api).chrome.runtime.sendMessage({ type: 'get-tab-status', tabId: id }), firstTab)) as { status: { profileName: string } | null };
  expect(fromPopup.status?.profileName).toBe('Demo MIS: class register');

  const asked = await sendFromPage(other, { type: 'get-tab-status', tabId: firstTab });
  expect(asked.status ?? null).toBeNull();
  expect(String(asked.error)).toContain('only about its own tab');
  const own = (await sendFromPage(other, { type: 'get-tab-status', tabId: secondTab })) as { status: { profileName: string } | null };
  expect(own.status?.profileName).toBe('Demo MIS: class register');
  expect(String((await sendFromPage(other, { type: 'storage-changed' })).error)).toContain("only from Markwise's own pages");
});

test('the follow-up page links only to http(s) pages of the sites Markwise runs on', async ({ page, mis, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('#active-policy')).toBeVisible();
  const site = new URL(mis.url).origin;
  const n = (pupilId: string, pageUrl: string, pageTitle: string) => ({
    key: `${site}|${pupilId}|2025-11-24|AM`,
    site,
    pupilId,
    date: '2025-11-24',
    session: 'AM',
    upn: `UPN-${pupilId}`,
    name: pupilId,
    firstSeen: '2025-11-24T09:00:00.000Z',
    lastSeen: '2025-11-24T09:00:00.000Z',
    pageUrl,
    pageTitle,
  });
  await plant(page, {
    nFirstSeen: [
      n('script', 'javascript:alert(document.domain)', 'Register by script'),
      n('elsewhere', 'https://phish.example/login', 'Register elsewhere'),
      n('data', 'data:text/html,<b>hi</b>', 'Register as data'),
      n('ours', `${mis.url}/register/class?class=4A`, 'Register 4A'),
    ],
  });
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(page.locator('li.open-n')).toHaveCount(4);
  const links = await page.locator('li.open-n a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(links).toEqual([`${mis.url}/register/class?class=4A`]);
  // The others are still listed, as text.
  await expect(page.locator('li.open-n[data-upn="UPN-script"]')).toContainText('Register by script');
  await expect(page.locator('li.open-n[data-upn="UPN-elsewhere"]')).toContainText('not a page of a site Markwise runs on');
});

test("a pupil's second run of 10 days and second penalty-threshold crossing in a year are kept, each on the follow-up page", async ({ page, worker, mis, extensionId }) => {
  const url = `${mis.url}/register/class?class=4A`;
  await openRegister(page, url);
  const crossing = (rule: string, date: string) => ({ rule, upn: 'T111111111111', name: 'Twice Crossed', date, what: `${rule} reached on ${date}`, action: 'Tell the local authority' });
  const seen = { page: { url, title: 'Register' }, pupils: [], columns: [], cells: null, n: [], blank: [] };
  // First the earlier runs, from one page; weeks later, another page shows the second ones.
  for (const thresholds of [
    [crossing('la-notify-10-days', '2025-09-19'), crossing('penalty-threshold', '2025-09-17')],
    [crossing('la-notify-10-days', '2025-11-14'), crossing('penalty-threshold', '2025-11-12')],
  ]) {
    expect(await sendFromPage(page, { type: 'record-n-seen', site: new URL(mis.url).origin, seen, thresholds, marks: [] })).toEqual({ firstSeen: {} });
  }
  const dashboard = await page.context().newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dashboard.locator('#thresholds-since').selectOption('365');
  const rows = dashboard.locator('#thresholds tr.threshold[data-upn="T111111111111"]');
  await expect(rows).toHaveCount(4);
  expect((await rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-kind')} ${tr.getAttribute('data-date')}`))).sort()).toEqual([
    'la-notify-10-days 2025-09-19',
    'la-notify-10-days 2025-11-14',
    'penalty-threshold 2025-09-17',
    'penalty-threshold 2025-11-12',
  ]);
});

test('wiping also forgets each tab’s status, open MIS pages drop what Markwise shows, and the page says which site access remains', async ({ context, page, worker, mis, extensionId }) => {
  const url = `${mis.url}/register/class?class=4A`;
  await openRegister(page, url);
  await expect(page.locator('markwise-root')).toHaveCount(1);
  await page.waitForTimeout(300);
  const tabId = await tabIdOf(worker, page);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const statusOf = () => options.evaluate((id) => (globalThis as unknown as Api).chrome.runtime.sendMessage({ type: 'get-tab-status', tabId: id }), tabId) as Promise<{ status: unknown }>;
  expect((await statusOf()).status).not.toBeNull();

  await options.locator('#wipe').click();
  await options.locator('#wipe-confirm').click();
  await expect(options.locator('#wipe-result')).toBeVisible();
  await expect.poll(async () => (await statusOf()).status).toBeNull();
  // The register tab no longer shows Markwise's panel, hints or badges.
  await expect(page.locator('markwise-root')).toHaveCount(0);
  await expect(page.locator('[data-markwise]')).toHaveCount(0);

  // Deleting the data leaves the browser's site access: the page says what remains.
  const granted = options.locator('#granted-sites');
  await expect(granted).toContainText('http://localhost');
  await expect(granted).toContainText('http://127.0.0.1');
  await expect(granted.locator('li[data-pattern="http://127.0.0.1/*"]')).toContainText('needed by this build');
});
