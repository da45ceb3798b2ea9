// What the options page lets in (issue 11, items 7, 12, 16 and 19), with the built extension:
// term dates that would remove terms are shown and asked about first, a broken iCalendar
// event is named by its line, a profile with a selector that is not CSS or a pattern that
// could freeze a page is refused, and a site address must be one exact site.

import type { Page } from '@playwright/test';
import { demoClassRegister } from '../../sites/builtin/demo';
import { expect, panel, test } from './fixtures';
import { axeViolations } from './axe';
import { plant, rowsOf } from './database';



function file(name: string, mimeType: string, text: string) {
  return { name, mimeType, buffer: Buffer.from(text, 'utf8') };
}

const event = (summary: string, start: string, endExclusive: string) => ['BEGIN:VEVENT', `DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${endExclusive}`, `SUMMARY:${summary}`, 'END:VEVENT'];
const calendar = (...events: string[][]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flat(), 'END:VCALENDAR'].join('\r\n');

/** The 2025-26 terms of the active policy (the development build checks by Micklefield's, with Leeds' dates). */
async function terms2025(page: Page): Promise<string[][]> {
  const active = await page.locator('#active-policy').inputValue();
  const stored = (await rowsOf(page, 'policies')) as { id: string; input: { calendar: { academicYears: { label: string; terms: { name: string; start: string; end: string }[] }[] } } }[];
  const input = stored.find((p) => p.id === active)?.input;
  // Until something is saved the preset is not stored: its terms are the preset's.
  if (input === undefined) return [['preset']];
  return input.calendar.academicYears.find((y) => y.label === '2025-26')!.terms.map((t) => [t.name, t.start, t.end]);
}

test.beforeEach(async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('#active-policy')).toBeVisible();
});

test('term dates with only the autumn term show what they would remove, and change nothing until confirmed (item 7)', async ({ page, context, mis }) => {
  const autumnOnly = calendar(event('Autumn term starts', '20250901', '20250902'), event('Half term', '20251027', '20251101'), event('Autumn term ends', '20251219', '20251220'));
  const before = await rowsOf(page, 'policies');
  await page.locator('#terms-import').setInputFiles(file('autumn.ics', 'text/calendar', autumnOnly));
  const preview = page.locator('#terms-import-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('2025-26');
  await expect(preview.locator('[data-change="removed"]')).toHaveCount(2);
  await expect(preview.locator('[data-change="removed"]').first()).toContainText('Spring term');
  await expect(preview).toContainText('Summer term');
  // School days per term, before and after: the spring term's go from some to none.
  await expect(preview.locator('[data-term="Spring"] [data-days="after"]')).toHaveText('0');
  await expect(preview.locator('[data-term="Spring"] [data-days="before"]')).not.toHaveText('0');
  expect(await rowsOf(page, 'policies')).toEqual(before);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toBeHidden();
  await expect(page.locator('#terms-import-result')).toContainText('nothing has changed');
  expect(await rowsOf(page, 'policies')).toEqual(before);

  // Asked again and confirmed: now the year holds only the autumn term, and the page warns about it.
  await page.locator('#terms-import').setInputFiles(file('autumn.ics', 'text/calendar', autumnOnly));
  await page.locator('#terms-import-confirm').click();
  await expect(page.locator('#terms-import-result')).toContainText('Imported term dates for 2025-26');
  expect(await terms2025(page)).toEqual([['Autumn', '2025-09-01', '2025-12-19']]);
  await expect(page.locator('#calendar-warnings')).toContainText("2025-26: the terms end on Fri 19 Dec 2025");

  // The register, checked as of Wed 26 Nov 2025, says so too: from January its checks would stop.
  const tab = await context.newPage();
  await tab.goto(`${mis.url}/register/class?class=4A`);
  await expect(panel(tab)).toHaveAttribute('data-status', 'ready');
  await expect(panel(tab)).toContainText('2025-26: the terms end on Fri 19 Dec 2025, not in July');
});

test('an iCalendar event without END:VEVENT, or ending before it starts, is named by its line and nothing changes (item 7)', async ({ page }) => {
  const before = await rowsOf(page, 'policies');
  const result = page.locator('#terms-import-result');
  const unclosed = calendar(
    event('Autumn term starts', '20260903', '20260904'),
    ['BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261026', 'DTEND;VALUE=DATE:20261031', 'SUMMARY:Half term'],
    event('Autumn term ends', '20261218', '20261219'),
  );
  await page.locator('#terms-import').setInputFiles(file('unclosed.ics', 'text/calendar', unclosed));
  await expect(result).toContainText('The term dates were not imported: nothing has changed.');
  await expect(result).toContainText('line 8: this event has no END:VEVENT line');

  const backwards = calendar(event('Autumn term starts', '20260903', '20260904'), event('Half term', '20261030', '20261026'), event('Autumn term ends', '20261218', '20261219'));
  await page.locator('#terms-import').setInputFiles(file('backwards.ics', 'text/calendar', backwards));
  await expect(result).toContainText('line 8: the event "Half term" ends (DTEND 20261026) before it starts (DTSTART 20261030)');
  expect(await rowsOf(page, 'policies')).toEqual(before);
});

const profileFile = (profile: object) => file('profiles.json', 'application/json', JSON.stringify({ profiles: [profile] }));

test('a site profile with a selector that is not CSS is refused, naming the profile and field (item 12)', async ({ page }) => {
  await page.locator('#profiles-import').setInputFiles(profileFile({ ...demoClassRegister, id: 'our-mis', register: 'table#register[' }));
  const result = page.locator('#profiles-import-result');
  await expect(result).toContainText('The site profiles were not imported: nothing has changed.');
  await expect(result).toContainText('Profile 1, the register (CSS selector): ');
  await expect(result).toContainText('our-mis');
  await expect(result).toContainText('not a CSS selector');
  expect(await rowsOf(page, 'siteProfiles')).toEqual([]);
});

test('a site profile path that could freeze a page is refused, saying why (item 16)', async ({ page }) => {
  await page.locator('#profiles-import').setInputFiles(profileFile({ ...demoClassRegister, id: 'our-mis', paths: ['^/(\\w+/?)+$'] }));
  const result = page.locator('#profiles-import-result');
  await expect(result).toContainText('The site profiles were not imported: nothing has changed.');
  await expect(result).toContainText('Profile 1, pages it reads (path patterns), path pattern 1: ');
  await expect(result).toContainText('our-mis');
  await expect(result).toContainText('repeats something that itself repeats');
  await page.locator('#profiles-import').setInputFiles(profileFile({ ...demoClassRegister, id: 'our-mis', paths: ['^/(a)\\1$'] }));
  await expect(result).toContainText('back-reference');
  expect(await rowsOf(page, 'siteProfiles')).toEqual([]);
});

test('a pattern stored before these checks cannot freeze a page (item 16)', async ({ page, context, mis, worker }) => {
  // As if imported by an earlier version: the profile and the site that uses it, straight into the database.
  await plant(page, {
    siteProfiles: [{ id: 'frozen', profile: { ...demoClassRegister, id: 'frozen', name: 'Frozen', paths: ['^/(\\w+/?)+$'] }, savedAt: '2025-11-01T09:00:00.000Z' }],
    settings: [{ key: 'sites', value: [{ origin: mis.url, profileIds: ['frozen'], addedAt: '2025-11-01T09:00:00.000Z' }] }],
  });
  await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'storage-changed' }));
  await expect
    .poll(() => worker.evaluate(async () => ((await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { sites: { profileIds: string[] }[] }>> } } } }).chrome.storage.local.get('markwise.bundle'))['markwise.bundle']?.sites.some((s) => s.profileIds.includes('frozen')))))
    .toBe(true);
  const tab = await context.newPage();
  // A path of 32 word characters that the pattern cannot match: 2^32 ways to try.
  await tab.goto(`${mis.url}/abcdefghijklmnopqrstuvwxyzabcdef!`, { waitUntil: 'domcontentloaded' });
  // The page answers within a bound, at load and after its DOM changes.
  const answers = async () =>
    Promise.race([tab.evaluate(() => document.readyState).then(() => 'answered'), new Promise<string>((resolve) => setTimeout(() => resolve('frozen'), 5000))]);
  expect(await answers()).toBe('answered');
  await tab.evaluate(() => document.body.append(document.createElement('p'))).catch(() => undefined);
  expect(await answers()).toBe('answered');
  // Not a silent miss: the options page names the profile that is not used, and why.
  await page.reload();
  await expect(page.locator('#profiles-refused')).toContainText('frozen: pages it reads (path patterns), path pattern 1: ');
  await expect(page.locator('#profiles-refused')).toContainText('repeats something that itself repeats');
});

test('a site address with a wildcard, or not one exact site, is refused (item 19)', async ({ page }) => {
  // GOV.UK's error summary at the top of the form (issue 14, item 8).
  const result = page.locator('#site-errors');
  await page.locator('[data-section="sites"] input[type="checkbox"]').first().check();
  for (const address of ['https://*', 'https://*.example', 'https://%2A.school.example', 'https://mis.school.example/*']) {
    await page.locator('#site-origin').fill(address);
    await page.getByRole('button', { name: 'Add the site' }).click();
    await expect(result, address).toContainText('The site was not added:');
    await expect(result, address).toContainText(address.includes('/*') && !address.startsWith('https://*') ? 'without a path' : 'one exact site');
    await page.locator('#site-origin').fill('');
  }
  expect(await rowsOf(page, 'settings')).not.toContainEqual(expect.objectContaining({ key: 'sites' }));

  // One saved by an earlier version is shown as not used, to be removed.
  await plant(page, { settings: [{ key: 'sites', value: [{ origin: 'https://*.school.example', profileIds: ['arbor-unverified'], addedAt: '2025-11-01T09:00:00.000Z' }] }] });
  await page.reload();
  await expect(page.locator('[data-section="sites"] li').filter({ hasText: 'https://*.school.example' })).toContainText('not used: not one exact site');
});
