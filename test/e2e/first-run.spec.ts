// The first five minutes (issue 14, item 10), with the built extension: on an MIS page of a site the
// school has not added, the popup offers "Use Markwise on this site", asks the browser for that one
// site, and adds it with the built-in profile that reads the page (or says plainly that none does);
// a school checking by a policy without term dates is told that holidays count as school days, with
// the way to the terms import, until it imports them. And plain English (item 7): no profile is
// called "(unverified) (unverified)", and a card drawn from register pages does not speak of an export.
//
// The site is the demo MIS reached as http://mis.school.local, which the development build does not
// run on until it is added. Two things a test cannot do as a person does, done as near as can be:
// - The popup is opened as a page, naming its tab (popup.html?tab=ID), since Playwright cannot click
//   the toolbar. A person's click on the toolbar gives the popup the tab's address (activeTab);
//   Playwright cannot give activeTab (chrome.action.openPopup does not), so the site access is given
//   the popup opened as a page is given the tab's address as activeTab gives it (chrome.tabs.get
//   fills in the url the browser leaves out; nothing else of the browser is replaced). The site
//   access is given first as a person gives it on chrome://extensions (as
//   test/e2e/profiles-options.spec.ts does); the popup's click then makes the real
//   chrome.permissions.request, watched, not replaced, which the browser answers without a prompt.
// - The prompt's Deny is not exercised (headless Chromium's prompt cannot be answered).

import { expect, panel } from './fixtures';
import { HTTP_SITE, allowOnExtensionsPage, asked, grantedOrigins, popupFor, test, type Chrome } from './school-site';
import { axeViolations } from './axe';
import { rowsOf } from './database';
import { demoClassRegister } from '../../sites/builtin/demo';

const SITE = HTTP_SITE;
/** What the development build has without asking (its demo on localhost). */
const DEV_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

test('on a register of a site not added, the popup offers "Use Markwise on this site": that one site is asked for and added with the profile that reads the page, and Markwise runs there', async ({ context, page, extensionId }) => {
  await page.goto(`${SITE}/register/class?class=4A`);
  await expect(page.locator('table.register, table').first()).toBeVisible();
  await expect(page.locator('markwise-root')).toHaveCount(0);
  await allowOnExtensionsPage(context, extensionId, SITE);

  const popup = await popupFor(context, extensionId, page);
  const status = popup.locator('#not-running');
  await expect(status).toContainText('Markwise is not running on this page.');
  const use = popup.getByRole('button', { name: 'Use Markwise on this site' });
  await expect(use).toBeVisible();
  await expect(status).toContainText(`The browser is asked for access to ${SITE} only.`);
  expect(await axeViolations(popup)).toEqual([]);

  await use.click();
  await expect(status).toContainText(`Markwise now runs on ${SITE}. This page is read by the profile Demo MIS: class register. Reload the page to see it.`);
  expect(await asked(popup)).toEqual([{ origins: [`${SITE}/*`] }]);
  expect(await grantedOrigins(popup)).toEqual([...DEV_ORIGINS, `${SITE}/*`].sort());
  const sites = ((await rowsOf(popup, 'settings')) as { key: string; value: { origin: string; profileIds: string[] }[] }[]).find((r) => r.key === 'sites')!.value;
  expect(sites.map((s) => s.origin)).toEqual([SITE]);
  expect(sites[0]!.profileIds).toContain('demo-class-register');
  await expect(popup.getByRole('button', { name: 'Reload the page' })).toBeVisible();
  expect(await axeViolations(popup)).toEqual([]);

  // After a reload Markwise runs on the page, and the popup says what it sees.
  await page.reload();
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await expect(async () => {
    await popup.reload();
    await expect(popup.locator('[role="status"]').first()).toContainText('Page: Demo MIS: class register', { timeout: 1000 });
  }).toPass();
  await expect(popup.getByRole('button', { name: 'Use Markwise on this site' })).toHaveCount(0);
});

test('on a page of the site that no profile reads, the popup says so plainly, adds nothing, and leads to the profile import', async ({ context, page, extensionId }) => {
  await page.goto(`${SITE}/`);
  await allowOnExtensionsPage(context, extensionId, SITE);
  const popup = await popupFor(context, extensionId, page);
  await popup.getByRole('button', { name: 'Use Markwise on this site' }).click();
  const status = popup.locator('#not-running');
  await expect(status).toContainText(`None of Markwise's site profiles reads this page, so ${SITE} was not added, and the access the browser gave for it is given back.`);
  expect(await asked(popup)).toEqual([{ origins: [`${SITE}/*`] }]);
  // The narrowest permissions: no access is kept to a site Markwise does not run on.
  expect(await popup.evaluate((origin) => (globalThis as unknown as Chrome).chrome.permissions.contains({ origins: [`${origin}/*`] }), SITE)).toBe(false);
  expect(await rowsOf(popup, 'settings')).not.toContainEqual(expect.objectContaining({ key: 'sites' }));
  const [options] = await Promise.all([context.waitForEvent('page'), popup.getByRole('button', { name: 'Import a site profile' }).click()]);
  await expect(options.locator('#profiles-import')).toBeFocused();
  await page.reload();
  await expect(page.locator('markwise-root')).toHaveCount(0);
});

function ics(name: string, text: string) {
  return { name, mimeType: 'text/calendar', buffer: Buffer.from(text, 'utf8') };
}
const event = (summary: string, start: string, endExclusive: string) => ['BEGIN:VEVENT', `DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${endExclusive}`, `SUMMARY:${summary}`, 'END:VEVENT'];
const calendar = (...events: string[][]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flat(), 'END:VCALENDAR'].join('\r\n');
const wholeYear = calendar(
  event('Autumn term starts', '20250903', '20250904'),
  event('Autumn term ends', '20251219', '20251220'),
  event('Spring term starts', '20260105', '20260106'),
  event('Spring term ends', '20260327', '20260328'),
  event('Summer term starts', '20260413', '20260414'),
  event('Summer term ends', '20260722', '20260723'),
);

test('a school checking by the statutory rules, with no term dates, is told that holidays count as school days, and led to the terms import; after it imports its terms, that goes', async ({ context, page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('#active-policy')).toBeVisible();
  // The development build checks by Micklefield's policy, which has term dates: nothing to say.
  await expect(page.locator('#no-term-dates')).toHaveCount(0);
  // The statutory rules, as a release build starts with.
  await page.locator('#active-policy').selectOption('dfe');
  // Choosing a policy is confirmed first (issue 14, item 8).
  await page.locator('#policy-choose-yes').click();
  const notice = page.locator('#no-term-dates');
  await expect(notice).toContainText("This policy has no term dates, so Markwise counts the school's holidays as school days");
  await expect(notice).toContainText('until you import your term dates');
  // Above everything else on the page.
  expect(await page.locator('main > *').first().getAttribute('id')).toBe('no-term-dates');
  expect(await axeViolations(page)).toEqual([]);
  await notice.getByRole('link', { name: 'Import your term dates' }).click();
  await expect(page.locator('#terms-import')).toBeFocused();

  // The popup says it too, and leads to the same place.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('#no-term-dates')).toContainText("This policy has no term dates, so Markwise counts the school's holidays as school days");
  const [fromPopup] = await Promise.all([context.waitForEvent('page'), popup.getByRole('button', { name: 'Import term dates' }).click()]);
  await expect(fromPopup.locator('#terms-import')).toBeFocused();

  // The statutory rules set no calling times: the follow-up list says so by the field's name on the options page (item 7).
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(dashboard.locator('#first-day-calls')).toContainText('The policy sets no calling times (First-day contact steps, on the options page)');
  await expect(dashboard.locator('#first-day-calls')).not.toContainText('unexplainedAbsence');

  await page.locator('#terms-import').setInputFiles(ics('terms.ics', wholeYear));
  await expect(page.locator('#terms-import-result')).toContainText('Imported term dates for 2025-26');
  await expect(notice).toHaveCount(0);
  await popup.reload();
  await expect(popup.getByRole('button', { name: 'Options' })).toBeVisible();
  await expect(popup.locator('#no-term-dates')).toHaveCount(0);
});

test('a profile whose name already says "(unverified)" is not called "(unverified) (unverified)" on the options page or in the popup (issue 14, item 7)', async ({ context, page, extensionId }) => {
  const profile = { ...demoClassRegister, id: 'our-register', name: 'Our MIS register (unverified)', verified: false };
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.locator('#profiles-import').setInputFiles({ name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ profiles: [profile] }), 'utf8') });
  await expect(page.locator('#profiles-import-result')).toContainText('Imported 1 site profile');
  const choice = page.locator('[data-section="sites"] fieldset label').filter({ hasText: 'Our MIS register' });
  await expect(choice).toHaveText('Our MIS register (unverified)');
  await expect(page.locator('[data-section="sites"] fieldset')).not.toContainText('(unverified) (unverified)');
  await allowOnExtensionsPage(context, extensionId, SITE);
  await page.locator('#site-origin').fill(SITE);
  await choice.locator('input').check();
  await page.getByRole('button', { name: 'Add the site' }).click();
  await expect(page.locator('#sites-result')).toContainText(`Markwise now runs on ${SITE}.`);

  await page.goto(`${SITE}/register/class?class=4A`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const popup = await popupFor(context, extensionId, page);
  const status = popup.locator('[role="status"]').first();
  await expect(status).toContainText('Page: Our MIS register (unverified)');
  await expect(status).not.toContainText('(unverified) (');
});

test('a pupil card drawn from register pages never speaks of "this export": with no findings it says where it looked', async ({ context, page, mis, extensionId }) => {
  await page.goto(`${mis.url}/register/class?class=4A`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const chooser = dashboard.locator('#card-pupil');
  await expect.poll(() => chooser.locator('option').count()).toBeGreaterThan(2);
  const values = await chooser.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
  let none = 0;
  for (const value of values) {
    await chooser.selectOption(value);
    const card = dashboard.locator('.pupil-card');
    await expect(card).toContainText('Findings');
    await expect(card).not.toContainText('in this export');
    if ((await card.locator('ol.history').count()) === 0) {
      await expect(card).toContainText('None in the marks Markwise has seen on register pages.');
      none++;
    }
  }
  expect(none).toBeGreaterThan(0);
});
