// "Teach Markwise this page" (issue 16), with the built extension: on an MIS page no profile reads,
// the popup offers to learn it; the steps appear on the page, and a test answers them as a person
// would, by clicking the page and the steps' buttons. The taught profile must find what a profile
// written by hand for the same page finds. Cancel leaves no trace; a page with no register is said
// to have none, and nothing is saved.
//
// The site is the demo MIS reached as http://mis.school.local (test/e2e/school-site.ts), which the
// development build does not run on until it is added. The popup is opened as a page naming its tab,
// as first-run.spec.ts explains.

import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, panel } from './fixtures';
import { HTTP_SITE, allowOnExtensionsPage, asked, grantedOrigins, popupFor, test, type Chrome } from './school-site';
import { axeViolations } from './axe';
import { rowsOf } from './database';
import { WEBFORMS_PATH } from '../../demo/mis/webforms-register';
import { LIST_OPTIONS, LIST_PATH } from '../../demo/mis/list-register';
import { ROSARIO_CODES, ROSARIO_PATH, ROSARIO_PUPILS } from '../../demo/mis/rosario-register';
import { weekGridUpn } from '../../demo/mis/week-grid';
import { periodRegisterUpn } from '../../demo/mis/period-register';
import { demoWeekGrid } from '../../sites/builtin/demo-week-grid';
import { demoAbsenceReport } from '../../sites/builtin/demo-absence-report';
import { absenceReportUpn } from '../../demo/mis/absence-report';
import { scholarpackUnverified } from '../../sites/builtin/unverified';
import { BUTTON_PUPILS, BUTTONS_PATH } from '../../demo/mis/button-register';
import { GIBBON_PATH, GIBBON_PUPILS, GIBBON_Q, GIBBON_TYPES } from '../../demo/mis/gibbon-register';
import { demoPeriodRegister } from '../../sites/builtin/demo-period-register';
import type { SiteProfileInput } from '../../sites/profile';
import { gibbonByHand, listByHand, rosarioByHand, webFormsByHand } from '../support/by-hand-profiles';

const SITE = HTTP_SITE;
const WEBFORMS = `${SITE}${WEBFORMS_PATH}?group=3C`;

/** The steps on the page (their shadow root is open in the e2e build). */
const steps = (page: Page) => page.locator('markwise-teach .steps');

/** Each finding in the panel, as rule, pupil, date and session. */
async function findingsOn(page: Page): Promise<string[]> {
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const items = panel(page).locator('.group:not([data-group="dismissed"]) li.finding[data-rule]');
  const found = await items.evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-rule')} ${li.getAttribute('data-upn')} ${li.getAttribute('data-date')} ${li.getAttribute('data-session')}`));
  return found.sort();
}

/** What the test counts, for BENCHMARKS.md: clicks on the page and on the steps, and the steps shown. */
class Person {
  clicks = 0;
  constructor(readonly page: Page) {}
  async clickPage(locator: ReturnType<Page['locator']>) {
    this.clicks++;
    await locator.click();
  }
  async press(name: string) {
    this.clicks++;
    await steps(this.page).getByRole('button', { name, exact: true }).click();
  }
}


/** The page opened, the site allowed as a person allows it (chrome://extensions), and "Teach Markwise this page" pressed in the popup. */
async function teachFromPopup(context: BrowserContext, extensionId: string, page: Page, url: string): Promise<{ popup: Page; box: Locator; person: Person }> {
  await page.goto(url);
  await allowOnExtensionsPage(context, extensionId, SITE);
  const popup = await popupFor(context, extensionId, page);
  await popup.getByRole('button', { name: 'Teach Markwise this page' }).click();
  return { popup, box: steps(page), person: new Person(page) };
}

/** Imports site profiles on the options page, as a school's IT would; returns that page. */
async function importProfiles(context: BrowserContext, extensionId: string, profiles: readonly SiteProfileInput[]): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('#profiles-import').setInputFiles({ name: 'profiles.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ schemaVersion: 2, profiles })) });
  await expect(options.locator('#profiles-import-result')).toContainText(`Imported ${profiles.length} site profile`);
  return options;
}

test('a register grid no profile reads is taught by pointing: the steps, a live preview, Save, and the findings a hand-written profile finds', async ({ context, page, extensionId }) => {
  const { popup, box, person } = await teachFromPopup(context, extensionId, page, WEBFORMS);
  await expect(page.locator('markwise-root')).toHaveCount(0);
  await expect(popup.locator('#not-running')).toContainText('Markwise is showing its steps on the page: answer them there.');
  expect(await asked(popup)).toEqual([{ origins: [`${SITE}/*`] }]);

  // 1. The register Markwise proposes by itself, with what it found.
  await expect(box.getByRole('heading', { name: 'Teach Markwise this page' })).toBeFocused();
  await expect(box).toContainText('Step 1 of 9: The register');
  await expect(box.getByRole('status')).toHaveText('Found: 10 pupils, 10 sessions');
  expect(await axeViolations(page, ['markwise-teach'])).toEqual([]);
  await person.press("Yes, that's the register");

  // 2. A pupil's name: clicked on the page (a WebForms postback link, which must not be followed).
  await expect(box).toContainText("Step 2 of 9: A pupil's name");
  // By keyboard: a name Tabbed to (focus() stands in for the Tabs) and Enter, which does not follow the link.
  await page.getByRole('link', { name: 'Dunn, Chloe' }).focus();
  await page.keyboard.press('Enter');
  await expect(box.getByRole('status')).toHaveText("Found: 10 pupils' names, such as “Dunn, Chloe”");
  expect(page.url()).toBe(WEBFORMS);
  // And by a click, changing the answer (not counted twice: a person does one or the other).
  await person.clickPage(page.getByRole('link', { name: 'Bello, Amara' }));
  await expect(box.getByRole('status')).toHaveText("Found: 10 pupils' names, such as “Bello, Amara”");
  expect(page.url()).toBe(WEBFORMS);
  await person.press('Use this');

  // 3. One mark: by keyboard, a box Tabbed to and Enter, which neither sends the form nor changes the box.
  const box25 = page.getByRole('textbox', { name: 'Bello, Amara, Tue 25 Nov 2025 AM' });
  await page.getByRole('textbox', { name: 'Abbott, Freya, Mon 24 Nov 2025 AM' }).focus();
  await page.keyboard.press('Enter');
  await expect(box.getByRole('status')).toHaveText('Found: 100 marks in 10 rows');
  await expect(box.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('#ctl00_MainContent_lblStatus')).toHaveText('');
  // And by a click, which does not put the cursor in the box.
  await person.clickPage(box25);
  await expect(box25).not.toBeFocused();
  await expect(box25).toHaveValue('H');
  await person.press('Use this');

  // 4 and 5. Its date and session: the header above it, suggested, says both.
  await expect(box).toContainText("Step 4 of 9: That mark's date");
  await expect(box.getByRole('status')).toHaveText('Found: “Tue 25 Nov 2025 AM”, a header over each of 10 sessions');
  await expect(page.locator('markwise-teach .outline')).toHaveCount(10);
  await person.press('Use this');
  await expect(box).toContainText("Step 5 of 9: That mark's session");
  await person.press('Use this');

  // 6 to 8. No UPN, attendance or arrival on this page.
  for (const step of ["A pupil's UPN", 'The attendance figure', 'An arrival time']) {
    await expect(box).toContainText(step);
    await person.press('Skip');
  }

  // 9. The live preview: pupils by sessions, with each mark's code; nothing kept yet.
  await expect(box).toContainText('Step 9 of 9: Check and save');
  await expect(box.getByRole('status')).toContainText('10 pupils × 10 sessions: 100 marks read; 0 problems reading the page.');
  const preview = box.getByRole('region', { name: 'What Markwise reads' });
  await expect(preview.getByRole('row', { name: /Bello, Amara/ })).toContainText('H');
  expect(await rowsOf(popup, 'siteProfiles')).toEqual([]);
  expect(await axeViolations(page, ['markwise-teach'])).toEqual([]);
  await person.press('Save');
  await expect(box).toContainText('Saved. Markwise now reads this page with what you taught it');

  // Saved: kept as made on this site, the site added with it, and used at once, without a reload.
  const stored = (await rowsOf(popup, 'siteProfiles')) as { id: string; taughtOn: string; profile: SiteProfileInput }[];
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ taughtOn: SITE, profile: { register: 'table.rgMasterTable', rows: 'tbody tr' } });
  const sites = ((await rowsOf(popup, 'settings')) as { key: string; value: { origin: string; profileIds: string[] }[] }[]).find((r) => r.key === 'sites')!.value;
  expect(sites).toEqual([expect.objectContaining({ origin: SITE, profileIds: [stored[0]!.id] })]);
  expect(await grantedOrigins(popup)).toContain(`${SITE}/*`);
  const taughtFindings = await findingsOn(page);
  expect(taughtFindings.some((f) => f.startsWith('code-withdrawn '))).toBe(true);
  expect(taughtFindings.some((f) => f.startsWith('code-unknown '))).toBe(true);
  await person.press('Close');
  await expect(page.locator('markwise-teach')).toHaveCount(0);
  console.log(`Taught the WebForms grid with ${person.clicks} clicks (on the page and the steps).`);

  // The same page read by a profile written by hand (the same id, imported in its place) finds the same.
  const options = await importProfiles(context, extensionId, [webFormsByHand(stored[0]!.id)]);
  expect(((await rowsOf(options, 'siteProfiles')) as { profile: SiteProfileInput }[]).map((r) => r.profile.name)).toEqual(['WebForms register (by hand)']);
  await page.reload();
  await expect(async () => {
    expect(await findingsOn(page)).toEqual(taughtFindings);
  }).toPass();
});

test('Cancel leaves no trace on the page or in storage, and the page works again', async ({ context, page, extensionId }) => {
  const { popup, box } = await teachFromPopup(context, extensionId, page, WEBFORMS);
  await box.getByRole('button', { name: "Yes, that's the register" }).click();
  await box.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('markwise-teach')).toHaveCount(0);
  expect(await rowsOf(popup, 'siteProfiles')).toEqual([]);
  expect(await rowsOf(popup, 'settings')).not.toContainEqual(expect.objectContaining({ key: 'sites' }));
  // The page's own boxes take clicks and typing again.
  const cell = page.getByRole('textbox', { name: 'Abbott, Freya, Wed 26 Nov 2025 PM' });
  await cell.click();
  await expect(cell).toBeFocused();
  await page.keyboard.type('n');
  await expect(cell).toHaveValue('N');
  await expect(page.locator('#ctl00_MainContent_lblStatus')).toHaveText('You have unsaved changes.');
});

test('on a page with no register, the popup says so, nothing is drawn on the page, nothing is saved, and the access is given back', async ({ context, page, extensionId }) => {
  const { popup } = await teachFromPopup(context, extensionId, page, `${SITE}/`);
  await expect(popup.locator('#not-running')).toContainText(
    `Markwise found no register on this page to learn from: no rows of pupils with their marks. Nothing was saved, and the access given for ${SITE} is given back. Open a page showing a register and try again.`,
  );
  await expect(page.locator('markwise-teach')).toHaveCount(0);
  expect(await rowsOf(popup, 'siteProfiles')).toEqual([]);
  expect(await rowsOf(popup, 'settings')).not.toContainEqual(expect.objectContaining({ key: 'sites' }));
  expect(await popup.evaluate((origin) => (globalThis as unknown as Chrome).chrome.permissions.contains({ origins: [`${origin}/*`] }), SITE)).toBe(false);
});

test('an app-style list of name dropdowns: the names matched to codes in a list that says what each means, and the taught profile follows the list when the app replaces it', async ({ context, page, extensionId }) => {
  const url = `${SITE}${LIST_PATH}?group=4B&date=2025-11-26&session=AM`;
  const { popup, box, person } = await teachFromPopup(context, extensionId, page, url);
  await expect(box.getByRole('status')).toHaveText('Found: 8 pupils, 1 session');
  await person.press("Yes, that's the register");
  // The name Markwise suggests is taken with the keyboard: Tab to "Use this", Enter.
  await expect(box.getByRole('status')).toHaveText("Found: 8 pupils' names, such as “Aziz, Omar”");
  await box.getByRole('button', { name: 'Use this' }).focus();
  await page.keyboard.press('Enter');
  person.clicks++;
  await person.clickPage(page.getByRole('combobox', { name: 'Chen, Wei' }));
  await expect(page.getByRole('combobox', { name: 'Chen, Wei' })).toHaveValue('Absent - No reason yet');
  await person.press('Use this');
  // The date and the session are in the heading above the list, which Markwise suggests.
  await expect(box.getByRole('status')).toHaveText('Found: “Wednesday 26 November 2025, AM registration”');
  await person.press('Use this');
  await expect(box).toContainText("That mark's session");
  await person.press('Use this');

  // The names the dropdowns show, each once, matched to a code from a list that says what each code means.
  await expect(box).toContainText('Step 6 of 10: What the names mean');
  await expect(box.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
  const present = box.getByRole('combobox', { name: 'Present', exact: true });
  await expect(present.locator('option', { hasText: 'N: Reason for absence not yet established' })).toHaveCount(1);
  expect(await axeViolations(page, ['markwise-teach'])).toEqual([]);
  for (const option of LIST_OPTIONS) {
    await box.getByRole('combobox', { name: option.name, exact: true }).selectOption(option.code);
    person.clicks += 2;
  }
  await person.press('Next');
  for (let i = 0; i < 3; i++) await person.press('Skip');
  await expect(box.getByRole('status')).toContainText('8 pupils × 1 session: 8 marks read; 0 problems reading the page.');
  await person.press('Save');
  await expect(box).toContainText('Saved.');
  await person.press('Close');
  console.log(`Taught the app-style list with ${person.clicks} clicks and key presses (nine names matched).`);
  const taughtToday = await findingsOn(page);
  expect(taughtToday.some((f) => f.startsWith('code-withdrawn '))).toBe(true);

  // The app replaces the list in place: the taught profile reads the new one.
  await page.getByRole('button', { name: 'Previous session' }).click();
  await expect(page.locator('h2.mis-register-title')).toHaveText('Tuesday 25 November 2025, PM registration');
  await expect(async () => {
    const now = await findingsOn(page);
    expect(now).not.toEqual(taughtToday);
    expect(now.every((f) => f.includes(' 2025-11-25 ') || !f.includes(' 2025-11-26 AM'))).toBe(true);
  }).toPass();
  const taughtBefore = await findingsOn(page);

  // The same two sessions read by a profile written by hand find the same.
  const stored = (await rowsOf(popup, 'siteProfiles')) as { id: string }[];
  await importProfiles(context, extensionId, [listByHand(stored[0]!.id)]);
  await page.reload();
  await expect(async () => expect(await findingsOn(page)).toEqual(taughtBefore)).toPass();
  await page.goto(url);
  await expect(async () => expect(await findingsOn(page)).toEqual(taughtToday)).toPass();
});

test('a radio-button register whose date is in three dropdowns and period in another: taught by clicking them, and finds what a hand-written profile finds', async ({ context, page, extensionId }) => {
  const url = `${SITE}${ROSARIO_PATH}?modname=Attendance/TakeAttendance.php`;
  const { popup, box, person } = await teachFromPopup(context, extensionId, page, url);
  await expect(box.getByRole('status')).toHaveText(`Found: ${ROSARIO_PUPILS.length} pupils, 1 session`);
  await person.press("Yes, that's the register");
  await person.clickPage(page.getByText('Morgan, Ella'));
  await expect(box.getByRole('status')).toHaveText(`Found: ${ROSARIO_PUPILS.length} pupils' names, such as “Morgan, Ella”`);
  await person.press('Use this');
  // A radio is clicked: the row's group is the mark, and the page's radio is not changed.
  const ill = page.getByRole('radio', { name: 'Morgan, Ella: Ill' });
  await person.clickPage(ill);
  await expect(ill).not.toBeChecked();
  await expect(page.getByRole('radio', { name: 'Morgan, Ella: No reason yet' })).toBeChecked();
  await person.press('Use this');
  // The date: a click on the day dropdown, which does not open; its month and year beside it are found.
  await person.clickPage(page.getByRole('combobox', { name: 'Day' }));
  await expect(box.getByRole('status')).toHaveText('Found: “26 November 2025 (in three dropdowns)”');
  await person.press('Use this');
  // The period by keyboard: Tab to it on the page (focus() stands in for the Tabs), then Enter.
  await page.getByRole('combobox', { name: 'Period' }).focus();
  await page.keyboard.press('Enter');
  person.clicks++;
  await expect(box.getByRole('status')).toHaveText('Found: “Registration AM”');
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveValue('1');
  await person.press('Use this');
  await expect(box).toContainText('What the names mean');
  for (const c of ROSARIO_CODES) {
    await box.getByRole('combobox', { name: c.title, exact: true }).selectOption(c.code);
    person.clicks += 2;
  }
  await person.press('Next');
  for (let i = 0; i < 3; i++) await person.press('Skip');
  await expect(box.getByRole('status')).toContainText(`${ROSARIO_PUPILS.length} pupils × 1 session: ${ROSARIO_PUPILS.length - 1} marks read; 1 problem reading the page.`);
  // The problem is said, and pointed at on the page: the row with nothing checked, outlined.
  const row = `row ${ROSARIO_PUPILS.length} (Rahman, Sami)`;
  await expect(box.locator('.problems')).toContainText(`${row}: no radio button is checked`);
  await box.getByRole('button', { name: `Show ${row} on the page` }).click();
  const last = await page.locator('table.list tbody tr').last().boundingBox();
  const outline = await page.locator('markwise-teach .outline').boundingBox();
  expect(outline).not.toBeNull();
  expect(Math.abs(outline!.y - (last!.y - 2))).toBeLessThan(1.5);
  expect(Math.abs(outline!.height - (last!.height + 4))).toBeLessThan(1.5);
  await person.press('Save');
  await expect(box).toContainText('Saved.');
  await person.press('Close');
  console.log(`Taught the RosarioSIS-like radio register with ${person.clicks} clicks (eight names matched).`);
  const taught = await findingsOn(page);
  expect(taught.some((f) => f.startsWith('code-withdrawn '))).toBe(true);

  const stored = (await rowsOf(popup, 'siteProfiles')) as { id: string }[];
  await importProfiles(context, extensionId, [rosarioByHand(stored[0]!.id)]);
  await page.reload();
  await expect(async () => expect(await findingsOn(page)).toEqual(taught)).toPass();
});

test('where a profile already reads the page, the popup offers to adjust it: what is taught then reads the page, and is listed on the options page as taught there, for export', async ({ context, page, extensionId }) => {
  // The site added with the profile a school might have written, which reads only the first four rows.
  const url = `${SITE}${WEBFORMS_PATH}?group=3C`;
  await page.goto(url);
  await allowOnExtensionsPage(context, extensionId, SITE);
  let options = await importProfiles(context, extensionId, [{ ...webFormsByHand('webforms-partial'), name: 'WebForms register (first rows only)', rows: 'tbody tr:nth-child(-n+4)' }]);
  await options.locator('#site-origin').fill(SITE);
  await options.locator('#site-profile-webforms-partial').check();
  await options.getByRole('button', { name: 'Add the site' }).click();
  await expect(options.locator('#sites-result')).toContainText(`Markwise now runs on ${SITE}`);
  await options.close();
  await page.reload();
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await expect(panel(page)).toContainText('4 pupils');

  const popup = await popupFor(context, extensionId, page);
  await popup.getByRole('button', { name: 'Adjust how Markwise reads this page' }).click();
  await expect(popup.locator('#adjust')).toContainText('Markwise is showing its steps on the page');
  const box = steps(page);
  await expect(box.getByRole('status')).toHaveText('Found: 10 pupils, 10 sessions');
  // A click on Markwise's own panel is not an answer.
  await panel(page).locator('h2').first().click();
  await expect(box.getByRole('status')).toHaveText('Found: 10 pupils, 10 sessions');
  await box.getByRole('button', { name: "Yes, that's the register" }).click();
  await box.getByRole('button', { name: 'Use this' }).click();
  await box.getByRole('button', { name: 'Use this' }).click();
  await box.getByRole('button', { name: 'Use this' }).click();
  await box.getByRole('button', { name: 'Use this' }).click();
  for (let i = 0; i < 3; i++) await box.getByRole('button', { name: 'Skip' }).click();
  await box.getByRole('button', { name: 'Save' }).click();
  await expect(box).toContainText('Saved.');
  // Taught, it reads the page in place of the profile before it: all ten pupils, without a reload.
  await expect(panel(page)).toContainText('10 pupils');

  options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const listed = options.locator('#taught-profiles li');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(`taught on ${SITE}, `);
  await expect(listed).toContainText(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(new Date()));
  const [download] = await Promise.all([options.waitForEvent('download'), listed.getByRole('button', { name: /^Export .* as JSON$/ }).click()]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as { schemaVersion: number; profiles: SiteProfileInput[] };
  expect(file.schemaVersion).toBe(2);
  expect(file.profiles).toHaveLength(1);
  expect(file.profiles[0]).toMatchObject({ register: 'table.rgMasterTable', rows: 'tbody tr' });
  expect(await axeViolations(options)).toEqual([]);
});

test('on a page of a site already added that none of its profiles reads, the popup offers to teach it; Cancel leaves the site as it was', async ({ context, page, extensionId }) => {
  await page.goto(`${SITE}${LIST_PATH}?group=4B&date=2025-11-26&session=AM`);
  await allowOnExtensionsPage(context, extensionId, SITE);
  // The site added with the WebForms grid's profile, which does not read this page.
  const options = await importProfiles(context, extensionId, [webFormsByHand('webforms-only')]);
  await options.locator('#site-origin').fill(SITE);
  await options.locator('#site-profile-webforms-only').check();
  await options.getByRole('button', { name: 'Add the site' }).click();
  await expect(options.locator('#sites-result')).toContainText(`Markwise now runs on ${SITE}`);
  await options.close();
  await page.reload();
  const popup = await popupFor(context, extensionId, page);
  await expect(popup.locator('#not-running')).toContainText(`Markwise is not running on this page: none of the profiles chosen for ${SITE} reads it.`);
  await popup.getByRole('button', { name: 'Teach Markwise this page' }).click();
  await expect(steps(page).getByRole('status')).toHaveText('Found: 8 pupils, 1 session');
  await steps(page).getByRole('button', { name: 'Cancel' }).click();
  const sites = ((await rowsOf(popup, 'settings')) as { key: string; value: { origin: string; profileIds: string[] }[] }[]).find((r) => r.key === 'sites')!.value;
  expect(sites).toEqual([expect.objectContaining({ origin: SITE, profileIds: ['webforms-only'] })]);
});

/** Imports the built-in profile written by hand for a page in the taught one's place (its id), and reloads: the findings must be the same. */
async function sameAsByHand(context: BrowserContext, extensionId: string, page: Page, popup: Page, byHand: SiteProfileInput, taught: string[]): Promise<void> {
  const stored = (await rowsOf(popup, 'siteProfiles')) as { id: string }[];
  await importProfiles(context, extensionId, [{ ...byHand, id: stored[0]!.id }]);
  await page.reload();
  await expect(async () => expect(await findingsOn(page)).toEqual(taught)).toPass();
}

test('a week grid whose headers give day and month only, and an Arrived column after each session: the year found in the heading, the arrival in the next cell (mis-pages.md, "Values outside the mark\'s cell")', async ({ context, page, extensionId }) => {
  const { popup, box, person } = await teachFromPopup(context, extensionId, page, `${SITE}/shapes/week-grid`);
  await expect(box.getByRole('status')).toHaveText('Found: 4 pupils, 10 sessions');
  await person.press("Yes, that's the register");
  await expect(box.getByRole('status')).toHaveText("Found: 4 pupils' names, such as “Amara Bello”");
  await person.press('Use this');
  await person.press('Use this');
  // "Mon 24/11 AM": no year in the header; it comes from "Week commencing 24/11/2025".
  await expect(box.getByRole('status')).toHaveText('Found: “Mon 24/11 AM”, a header over each of 10 sessions');
  await person.press('Use this');
  await person.press('Use this');
  await expect(box).toContainText("A pupil's UPN");
  await person.press('Use this');
  await person.press('Skip');
  // The arrival Markwise suggests is in the cell after the mark, under "Arrived".
  await expect(box).toContainText('An arrival time or minutes late');
  await expect(box.getByRole('status')).toHaveText('Found: “09:40”, and 3 arrivals in all');
  await expect(page.locator('markwise-teach .outline')).toHaveCount(3);
  await person.press('Use this');
  await expect(box.getByRole('status')).toContainText('4 pupils × 10 sessions: 40 marks read, 3 with an arrival time; 0 problems reading the page.');
  const preview = box.getByRole('region', { name: 'What Markwise reads' });
  await expect(preview.getByRole('columnheader', { name: 'Mon 24 Nov AM' })).toHaveCount(1);
  await expect(preview.getByRole('row', { name: /Amara Bello/ }).getByRole('cell').first()).toHaveText('L 09:40');
  expect(await axeViolations(page, ['markwise-teach'])).toEqual([]);
  await person.press('Save');
  await expect(box).toContainText('Saved.');
  await person.press('Close');
  console.log(`Taught the week grid with ${person.clicks} clicks (every suggestion taken).`);
  const taught = await findingsOn(page);
  // L, arrived 09:40 in the Arrived column, after the 09:25 close; U at 09:15, before it; a withdrawn H.
  expect(taught).toEqual(expect.arrayContaining([`late-should-be-u ${weekGridUpn('W101')} 2025-11-24 AM`, `late-should-be-l ${weekGridUpn('W104')} 2025-11-26 AM`, `code-withdrawn ${weekGridUpn('W102')} 2025-11-25 AM`]));
  await sameAsByHand(context, extensionId, page, popup, demoWeekGrid, taught);
});

test('a register by period, its date in dropdowns of the school year\'s months and minutes late in their own column: lessons are left alone, and it finds what the hand-written profile finds', async ({ context, page, extensionId }) => {
  const url = `${SITE}/shapes/period-register`;
  const { popup, box, person } = await teachFromPopup(context, extensionId, page, url);
  await expect(box.getByRole('status')).toHaveText('Found: 4 pupils, 1 session');
  await person.press("Yes, that's the register");
  await person.press('Use this');
  await person.press('Use this');
  // The date: the Day dropdown clicked (it does not open); the Month dropdown offers Sep to Dec only.
  await person.clickPage(page.getByRole('combobox', { name: 'Day' }));
  await expect(box.getByRole('status')).toHaveText('Found: “26 Nov 2025 (in three dropdowns)”');
  await person.press('Use this');
  await person.clickPage(page.getByRole('combobox', { name: 'Register' }));
  await expect(box.getByRole('status')).toHaveText('Found: “AM registration”');
  await person.press('Use this');
  // Its codes are all codes ("A" is this MIS's own, not the DfE's): no names to match.
  await expect(box).toContainText("A pupil's UPN");
  await person.press('Use this');
  await person.press('Skip');
  await expect(box.getByRole('status')).toHaveText('Found: “Mins late: 45”, and 3 arrivals in all');
  await person.press('Use this');
  await expect(box.getByRole('status')).toContainText('4 pupils × 1 session: 4 marks read, 3 with minutes late; 0 problems reading the page.');
  await expect(box.locator('.others')).toHaveText('Not DfE codes, read as written, and flagged wherever they are used: “A”.');
  await expect(box.getByRole('region', { name: 'What Markwise reads' }).getByRole('row', { name: /Ava Hughes/ }).getByRole('cell')).toHaveText('L +45 min');
  await person.press('Save');
  await expect(box).toContainText('Saved.');
  await person.press('Close');
  console.log(`Taught the register by period with ${person.clicks} clicks.`);
  const taught = await findingsOn(page);
  // 45 minutes late from the 08:55 start is 09:40, after the 09:25 close; 10 minutes (09:05) is before it.
  expect(taught).toEqual(expect.arrayContaining([`late-should-be-u ${periodRegisterUpn('R201')} 2025-11-26 AM`, `late-should-be-l ${periodRegisterUpn('R203')} 2025-11-26 AM`]));
  expect(taught.filter((f) => f.includes(periodRegisterUpn('R202')))).toEqual([]);
  // A lesson's register (Period 1, with its A) is left alone: nothing found, nothing said to be unreadable.
  await page.goto(`${url}?period=Period%201`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await expect(panel(page).locator('li.finding')).toHaveCount(0);
  await expect(panel(page)).not.toContainText('Could not read');
  await page.goto(url);
  await sameAsByHand(context, extensionId, page, popup, demoPeriodRegister, taught);
});

test('a positive register of code buttons, one group a pupil, with a minutes-late box: a button clicked is taken as the mark without pressing it, and the taught profile finds what the hand-written one finds', async ({ context, page, extensionId }) => {
  const { popup, box, person } = await teachFromPopup(context, extensionId, page, `${SITE}${BUTTONS_PATH}?group=2A`);
  await expect(box.getByRole('status')).toHaveText(`Found: ${BUTTON_PUPILS.length} pupils, 1 session`);
  await person.press("Yes, that's the register");
  await expect(box.getByRole('status')).toHaveText(`Found: ${BUTTON_PUPILS.length} pupils' names, such as “Adeyemi, Tomi”`);
  await person.press('Use this');
  // A button of Barker's group clicked: the group is the mark, and the page's button is not pressed.
  const barker = page.getByRole('group', { name: 'Barker, Freddie: mark' });
  await person.clickPage(barker.getByRole('button', { name: 'U', exact: true }));
  await expect(box.getByRole('status')).toHaveText(`Found: ${BUTTON_PUPILS.length} marks in ${BUTTON_PUPILS.length} rows`);
  await expect(barker.getByRole('button', { name: 'U', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(barker.getByRole('button', { name: 'L', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#saved')).toHaveText('');
  await person.press('Use this');
  // The date and session are in the heading, suggested (not the column's title "Mark").
  await expect(box.getByRole('status')).toHaveText('Found: “Manage Register: 2A, 26/11/2025 AM”');
  await person.press('Use this');
  await person.press('Use this');
  await person.press('Skip');
  await person.press('Skip');
  await expect(box.getByRole('status')).toHaveText('Found: “45”, and 2 arrivals in all');
  await person.press('Use this');
  await expect(box.getByRole('status')).toContainText(`${BUTTON_PUPILS.length} pupils × 1 session: ${BUTTON_PUPILS.length} marks read, 2 with minutes late; 0 problems reading the page.`);
  await expect(box.getByRole('region', { name: 'What Markwise reads' }).getByRole('row', { name: /Barker, Freddie/ }).getByRole('cell')).toHaveText('L +45 min');
  expect(await axeViolations(page, ['markwise-teach'])).toEqual([]);
  await person.press('Save');
  await expect(box).toContainText('Saved.');
  await person.press('Close');
  console.log(`Taught the register of code buttons with ${person.clicks} clicks.`);
  const taught = await findingsOn(page);
  expect(taught.filter((f) => f.startsWith('late-should-be-u ')).length).toBe(1);
  expect(taught.filter((f) => f.startsWith('late-should-be-l ')).length).toBe(1);
  // The page works again: a button pressed by a person is pressed.
  await barker.getByRole('button', { name: 'U', exact: true }).click();
  await expect(barker.getByRole('button', { name: 'U', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(async () => expect((await findingsOn(page)).filter((f) => f.startsWith('late-should-be-u ')).length).toBe(0)).toPass();
  await page.reload();
  await sameAsByHand(context, extensionId, page, popup, scholarpackUnverified, taught);
});

test('an app that replaces its register while a person teaches: Markwise finds it again and starts the steps over, keeping the names matched, and what is taught reads the new one', async ({ context, page, extensionId }) => {
  const { box } = await teachFromPopup(context, extensionId, page, `${SITE}${LIST_PATH}?group=4B&date=2025-11-26&session=AM`);
  await box.getByRole('button', { name: "Yes, that's the register" }).click();
  for (let i = 0; i < 4; i++) await box.getByRole('button', { name: 'Use this' }).click();
  await expect(box).toContainText('What the names mean');
  for (const option of LIST_OPTIONS) await box.getByRole('combobox', { name: option.name, exact: true }).selectOption(option.code);
  // The app draws its list again, as after a refresh: the same pupils, new elements.
  await page.evaluate(() => {
    const section = document.querySelector('section.mis-register')!;
    section.outerHTML = section.outerHTML;
  });
  await expect(box.getByRole('alert')).toHaveText('The page replaced its register while you were teaching. Markwise has found it again: check it is the register, then answer the steps again. The names you matched are kept.');
  await expect(box).toContainText('Step 1 of 10: The register');
  await box.getByRole('button', { name: "Yes, that's the register" }).click();
  for (let i = 0; i < 4; i++) await box.getByRole('button', { name: 'Use this' }).click();
  await expect(box.getByRole('combobox', { name: 'Present', exact: true })).toHaveValue('PRESENT');
  await box.getByRole('button', { name: 'Next', exact: true }).click();
  for (let i = 0; i < 3; i++) await box.getByRole('button', { name: 'Skip' }).click();
  await expect(box.getByRole('status')).toContainText('8 pupils × 1 session: 8 marks read; 0 problems reading the page.');
});

test('a page that shows no date or session is taught as always today\'s AM register, and finds what the hand-written profile finds from the heading', async ({ context, page, extensionId }) => {
  const { popup, box } = await teachFromPopup(context, extensionId, page, `${SITE}${BUTTONS_PATH}?group=2A`);
  await box.getByRole('button', { name: "Yes, that's the register" }).click();
  for (let i = 0; i < 2; i++) await box.getByRole('button', { name: 'Use this' }).click();
  await expect(box).toContainText("That mark's date");
  await box.getByRole('button', { name: "The page shows only today's register" }).click();
  await expect(box).toContainText("That mark's session");
  await box.getByRole('button', { name: 'Always the AM register' }).click();
  for (let i = 0; i < 2; i++) await box.getByRole('button', { name: 'Skip' }).click();
  await box.getByRole('button', { name: 'Use this' }).click();
  // The development build checks as of Wed 26 Nov 2025: the marks are that day's morning's.
  await expect(box.getByRole('status')).toContainText(`${BUTTON_PUPILS.length} pupils × 1 session: ${BUTTON_PUPILS.length} marks read, 2 with minutes late; 0 problems reading the page.`);
  await expect(box.getByRole('region', { name: 'What Markwise reads' }).getByRole('columnheader', { name: 'Wed 26 Nov AM' })).toHaveCount(1);
  await box.getByRole('button', { name: 'Save' }).click();
  await expect(box).toContainText('Saved.');
  const stored = (await rowsOf(popup, 'siteProfiles')) as { profile: SiteProfileInput }[];
  expect(stored[0]!.profile.cells).toMatchObject({ date: { today: true }, session: { always: 'AM' } });
  await box.getByRole('button', { name: 'Close' }).click();
  const taught = await findingsOn(page);
  expect(taught.some((f) => f.startsWith('late-should-be-u ') && f.endsWith(' 2025-11-26 AM'))).toBe(true);
  await sameAsByHand(context, extensionId, page, popup, scholarpackUnverified, taught);
});

test('a Gibbon-like grid of cards with a type and a reason dropdown a pupil: the types are the marks, the pupils keyed by the id in their links, and it finds what the hand-written profile finds', async ({ context, page, extensionId }) => {
  const { popup, box, person } = await teachFromPopup(context, extensionId, page, `${SITE}${GIBBON_PATH}?q=${GIBBON_Q}&gibbonRollGroupID=00004&currentDate=26/11/2025`);
  // One mark a pupil: the reason dropdown beside each type is not a second session.
  await expect(box.getByRole('status')).toHaveText(`Found: ${GIBBON_PUPILS.length} pupils, 1 session`);
  await person.press("Yes, that's the register");
  await expect(box.getByRole('status')).toHaveText(`Found: ${GIBBON_PUPILS.length} pupils' names, such as “Ana Costa”`);
  await person.press('Use this');
  await expect(box.getByRole('status')).toHaveText(`Found: ${GIBBON_PUPILS.length} marks in ${GIBBON_PUPILS.length} rows`);
  // A person who points at the reason dropdown is taken at their word (the reasons become the marks),
  // and pointing at the type dropdown again takes the types back: the names asked next are the types'.
  await page.getByRole('combobox', { name: 'Ben Doherty: reason' }).click();
  await expect(box.getByRole('status')).toHaveText(`Found: ${GIBBON_PUPILS.length} marks in ${GIBBON_PUPILS.length} rows`);
  await expect(box.getByRole('alert')).toHaveCount(0);
  await person.clickPage(page.getByRole('combobox', { name: 'Ben Doherty: type' }));
  await person.press('Use this');
  // The date box above, clicked; one register a day, taken as the morning's.
  await person.clickPage(page.getByRole('textbox', { name: 'Date' }));
  await expect(box.getByRole('status')).toHaveText('Found: “26/11/2025”');
  await person.press('Use this');
  await person.press('Always the AM register');
  await expect(box).toContainText('What the names mean');
  await expect(box.locator('.names label')).toHaveText(GIBBON_TYPES.map((t) => t.name));
  for (const type of GIBBON_TYPES) {
    await box.getByRole('combobox', { name: type.name, exact: true }).selectOption(type.code);
    person.clicks += 2;
  }
  await person.press('Next');
  for (let i = 0; i < 3; i++) await person.press('Skip');
  await expect(box.getByRole('status')).toContainText(`${GIBBON_PUPILS.length} pupils × 1 session: ${GIBBON_PUPILS.length} marks read; 0 problems reading the page.`);
  await person.press('Save');
  await expect(box).toContainText('Saved.');
  await person.press('Close');
  console.log(`Taught the Gibbon-like grid of cards with ${person.clicks} clicks (eight names matched).`);
  const taught = await findingsOn(page);
  expect(taught).toContainEqual('code-withdrawn 0000001205 2025-11-26 AM');
  const stored = (await rowsOf(popup, 'siteProfiles')) as { profile: SiteProfileInput }[];
  expect(stored[0]!.profile.pupilId).toMatchObject({ attribute: 'href' });
  await sameAsByHand(context, extensionId, page, popup, gibbonByHand(), taught);
});

test('an absence report, one mark a row with its own date written out: each row\'s date and session are read in that row, a wrong weekday is said, and it finds what the hand-written profile finds', async ({ context, page, extensionId }) => {
  const { popup, box } = await teachFromPopup(context, extensionId, page, `${SITE}/shapes/absence-report`);
  await expect(box.getByRole('status')).toHaveText('Found: 5 pupils, 1 session');
  await box.getByRole('button', { name: "Yes, that's the register" }).click();
  for (let i = 0; i < 2; i++) await box.getByRole('button', { name: 'Use this' }).click();
  // The date Markwise suggests is the row's own, one in each row.
  await expect(box.getByRole('status')).toHaveText('Found: “Monday 17 November 2025”, and one in each of 5 rows');
  await box.getByRole('button', { name: 'Use this' }).click();
  await expect(box.getByRole('status')).toHaveText('Found: “AM”, and one in each of 5 rows');
  await box.getByRole('button', { name: 'Use this' }).click();
  await box.getByRole('button', { name: 'Use this' }).click();
  for (let i = 0; i < 2; i++) await box.getByRole('button', { name: 'Skip' }).click();
  // "Monday 18 November 2025" was a Tuesday: that row is not read, and says so.
  await expect(box.getByRole('status')).toContainText('1 problem reading the page.');
  await expect(box.locator('.problems')).toContainText('its weekday is not that of');
  await box.getByRole('radio', { name: 'The office correcting registers' }).check();
  await box.getByRole('button', { name: 'Save' }).click();
  await expect(box).toContainText('Saved.');
  await box.getByRole('button', { name: 'Close' }).click();
  const taught = await findingsOn(page);
  expect(taught).toContainEqual(`code-withdrawn ${absenceReportUpn('A302')} 2025-11-18 PM`);
  await sameAsByHand(context, extensionId, page, popup, demoAbsenceReport, taught);
});
