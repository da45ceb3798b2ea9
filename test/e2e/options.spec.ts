// The options page with the built extension: imports are all-or-nothing and say
// what is wrong and where, a good import becomes the active policy, the wipe
// button empties the database, and the page is axe-clean.

import type { Page } from '@playwright/test';
import { presetInput } from '../../rules/presets';
import { academicYearStarting } from '../../rules/calendar/school-calendar';
import { formatSchoolDate } from '../../rules/dates';
import { todayInEngland } from '../../storage/bundle';
import { expect, test } from './fixtures';
import { axeViolations } from './axe';
import { dumpDatabase, plant } from './database';


function jsonFile(name: string, text: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') };
}

test.beforeEach(async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('#active-policy')).toBeVisible();
});

test('a broken policy import changes nothing and says what is wrong and where', async ({ page }) => {
  const before = await dumpDatabase(page);
  const activeBefore = await page.locator('#active-policy').inputValue();
  const bad = structuredClone(presetInput('micklefield')) as unknown as { id: string; sessions: { AM: { registerClosesAt: string } } };
  bad.id = 'broken-school';
  bad.sessions.AM.registerClosesAt = '9.25';
  await page.locator('#policy-import').setInputFiles(jsonFile('broken.json', JSON.stringify(bad, null, 2)));
  const result = page.locator('#policy-import-result');
  await expect(result).toHaveAttribute('role', 'alert');
  await expect(result).toContainText('The file was not imported: nothing has changed.');
  // Said by the field's label, not its schema path (issue 14, item 7).
  await expect(result).toContainText('Morning register closes: must be a time of day written as HH:MM');
  await expect(result).not.toContainText('sessions.AM');

  await page.locator('#policy-import').setInputFiles(jsonFile('not-json.json', '{\n  "schemaVersion": 1,\n  "id": "x",\n  oops\n}'));
  await expect(result).toContainText('line 4');

  expect(await dumpDatabase(page)).toEqual(before);
  await expect(page.locator('#active-policy')).toHaveValue(activeBefore);
});

test('a good policy import becomes the active policy, and pages are told', async ({ page, worker }) => {
  const good = structuredClone(presetInput('valence')) as unknown as { id: string; schoolName: string };
  good.id = 'our-school';
  good.schoolName = 'Our Test School';
  await page.locator('#policy-import').setInputFiles(jsonFile('ours.json', JSON.stringify(good)));
  await expect(page.locator('#policy-import-result')).toContainText("Markwise now checks by Our Test School's policy (our-school)");
  await expect(page.locator('#active-policy')).toHaveValue('our-school');
  await expect
    .poll(() => worker.evaluate(async () => ((await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { policy: { id: string } }>> } } } }).chrome.storage.local.get('markwise.bundle'))['markwise.bundle']?.policy.id)))
    .toBe('our-school');
});

test('an edited session time is saved, and a bad one is refused with its place', async ({ page }) => {
  const closes = page.getByLabel('Morning register closes');
  // '9.15' is a time as staff write it, kept as 09:15 (issue 14, item 8); '9.75' is no time.
  await closes.fill('9.75');
  await page.locator('#save-policy').click();
  await expect(page.locator('#policy-errors')).toContainText('Morning register closes: enter a time of day');
  await closes.fill('9.15');
  await page.locator('#save-policy').click();
  await expect(page.locator('#policy-save-result')).toContainText('Saved.');
  await page.reload();
  await expect(page.getByLabel('Morning register closes')).toHaveValue('09:15');
});

test('each band and tier line shows and sets whether it includes the line, and a line on neither side is warned about (issue 11, item 14)', async ({ page, worker }) => {
  await page.locator('#active-policy').selectOption('dfe');
  // Choosing a policy is asked first (issue 14, item 8).
  await page.locator('#policy-choose-yes').click();
  const band = (n: number) => page.getByRole('group', { name: `Band ${n}` });
  // dfe: "Not persistently absent" is above 90% (90.0% is persistently absent, missing 10% or more).
  await expect(band(1).getByLabel('At the From line')).toHaveValue('out');
  await expect(band(1).getByLabel('At the From line').locator('option:checked')).toHaveText('not included (above 90%)');
  await expect(band(2).getByLabel('At the To line').locator('option:checked')).toHaveText('included (90% and below)');
  await expect(page.getByRole('group', { name: 'Tier 2' }).getByLabel('At the line').locator('option:checked')).toHaveText('included (90% and below)');
  // Leave 90.0% in no band: saved (it is legal), but said at once.
  await band(2).getByLabel('At the To line').selectOption('out');
  await page.locator('#save-policy').click();
  const result = page.locator('#policy-save-result');
  await expect(result).toContainText('Saved.');
  await expect(result).toContainText('No band holds attendance of exactly 90%: one band must include its line.');
  await expect
    .poll(() => worker.evaluate(async () => ((await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { policy: { bands: unknown[] } }>> } } } }).chrome.storage.local.get('markwise.bundle'))['markwise.bundle']?.policy.bands[1])))
    .toMatchObject({ name: 'Persistently absent', above: 50, below: 90 });
});

/** A local authority's term dates for 2026-27 as an iCalendar file, the way councils publish them. */
function termDatesIcs(): string {
  const event = (summary: string, start: string, endExclusive: string) => ['BEGIN:VEVENT', `DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${endExclusive}`, `SUMMARY:${summary}`, 'END:VEVENT'];
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    ...event('Autumn term starts', '20260903', '20260904'),
    ...event('Half term', '20261026', '20261031'),
    ...event('Autumn term ends', '20261218', '20261219'),
    ...event('Spring term starts', '20270104', '20270105'),
    ...event('Spring half term', '20270215', '20270220'),
    ...event('Spring term ends', '20270326', '20270327'),
    ...event('Summer term starts', '20270412', '20270413'),
    ...event('Half Term', '20270531', '20270605'),
    ...event('Summer term ends', '20270721', '20270722'),
    'END:VCALENDAR',
  ].join('\r\n');
}

function icsFile(name: string, text: string) {
  return { name, mimeType: 'text/calendar', buffer: Buffer.from(text, 'utf8') };
}

test('term dates from an iCalendar file: a bad file changes nothing and names its line; a good one joins the policy', async ({ page }) => {
  const before = await dumpDatabase(page);
  const result = page.locator('#terms-import-result');
  await page.locator('#terms-import').setInputFiles(icsFile('bad.ics', termDatesIcs().replace('DTSTART;VALUE=DATE:20261218', 'DTSTART;VALUE=DATE:20261318')));
  await expect(result).toContainText('The term dates were not imported: nothing has changed.');
  await expect(result).toContainText('line 14: DTSTART 20261318 is not a real date (event "Autumn term ends")');
  expect(await dumpDatabase(page)).toEqual(before);

  await page.locator('#terms-import').setInputFiles(icsFile('terms.ics', termDatesIcs()));
  await expect(result).toContainText('Imported term dates for 2026-27.');
  const active = await page.locator('#active-policy').inputValue();
  const stored = (await dumpDatabase(page)).policies as { id: string; input: { calendar: { academicYears: { label: string; terms: { name: string; start: string; end: string }[] }[] } } }[];
  const year = stored.find((p) => p.id === active)?.input.calendar.academicYears.find((y) => y.label === '2026-27');
  expect(year?.terms.map((t) => [t.name, t.start, t.end])).toEqual([
    ['Autumn', '2026-09-03', '2026-12-18'],
    ['Spring', '2027-01-04', '2027-03-26'],
    ['Summer', '2027-04-12', '2027-07-21'],
  ]);
});

test('the wipe button deletes everything Markwise stored, after asking', async ({ page }) => {
  const good = structuredClone(presetInput('dfe')) as unknown as { id: string };
  good.id = 'to-be-wiped';
  await page.locator('#policy-import').setInputFiles(jsonFile('w.json', JSON.stringify(good)));
  await expect(page.locator('#active-policy')).toHaveValue('to-be-wiped');
  await expect(page.locator('#storage-summary tr[data-table="policies"] td')).toHaveText('1');
  await page.locator('#wipe').click();
  await page.locator('#wipe-confirm').click();
  await expect(page.locator('#wipe-result')).toBeVisible();
  const after = await dumpDatabase(page);
  for (const [table, rows] of Object.entries(after)) expect(rows, table).toEqual([]);
  await expect(page.locator('#storage-summary tr[data-table="policies"] td')).toHaveText('0');
});

test('pupil data older than the retention setting is removed, and the privacy section says what is held', async ({ page }) => {
  // Retention goes by today in England, whatever date Markwise checks as of.
  const today = todayInEngland();
  const year = academicYearStarting(today);
  const [older, lastYear] = [`${year - 2}-10-01`, `${year - 1}-10-01`];
  const n = (pupilId: string, date: string) => ({ key: `https://mis.example|${pupilId}|${date}|AM`, site: 'https://mis.example', pupilId, date, session: 'AM', upn: null, name: pupilId, firstSeen: `${date}T09:00:00.000Z`, lastSeen: `${date}T09:00:00.000Z`, pageUrl: null, pageTitle: null });
  const figure = (pupilId: string, seenOn: string) => ({ site: 'https://mis.example', pupilId, upn: null, name: pupilId, attendance: 90, possible: null, attended: null, seenOn, seenAt: `${seenOn}T09:00:00.000Z` });
  await plant(page, {
    nFirstSeen: [n('older', older), n('last-year', lastYear), n('this-year', today)],
    pupilFigures: [figure('older', older), figure('last-year', lastYear)],
  });
  // By default this and the previous school year are kept.
  await page.reload();
  await expect(page.locator('#retention')).toHaveValue('previous-school-year');
  await expect(page.locator('#retention-note')).toContainText(`dated before ${formatSchoolDate(`${year - 1}-09-01`)} are removed, going by today in England (${formatSchoolDate(today)})`);
  await expect(page.locator('#held-about')).toHaveText(`Held now: attendance figures seen on pages for 1 pupil, figures from reports for 0 pupils, N records for 2 pupils; the oldest is dated ${formatSchoolDate(lastYear)}.`);
  let held = await dumpDatabase(page);
  expect(held.nFirstSeen!.map((r) => (r as { pupilId: string }).pupilId).sort()).toEqual(['last-year', 'this-year']);

  // This school year only: asked first, then done.
  await page.locator('#retention').selectOption('this-school-year');
  await expect(page.locator('#retention-note')).toContainText(`dated before ${formatSchoolDate(`${year}-09-01`)}`);
  await page.locator('#retention-confirm-yes').click();
  await expect(page.locator('#held-about')).toHaveText(`Held now: attendance figures seen on pages for 0 pupils, figures from reports for 0 pupils, N records for 1 pupil; the oldest is dated ${formatSchoolDate(today)}.`);
  held = await dumpDatabase(page);
  expect(held.nFirstSeen!.map((r) => (r as { pupilId: string }).pupilId)).toEqual(['this-year']);
  expect(held.pupilFigures).toEqual([]);
});


test('the options page has no axe violations', async ({ page }) => {
  // Extension pages forbid inline scripts; the test harness evaluates axe directly.
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);
});

test('the popup says what Markwise sees on a tab', async ({ context, extensionId, mis }) => {
  const tab = await context.newPage();
  await tab.goto(`${mis.url}/register/class?class=4A`);
  await expect(tab.locator('markwise-root aside.panel')).toHaveAttribute('data-status', 'ready');
  await tab.waitForTimeout(300);
  // The popup asks for the active tab; opened as a page it finds the register tab by its id.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  // Without the tabs permission Markwise cannot see tabs' addresses: ask for each tab's status.
  const statuses = await popup.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> }; runtime: { sendMessage(m: object): Promise<{ status: { profileName: string; findings: number; registerFound: boolean } | null }> } } }).chrome;
    const tabs = await api.tabs.query({});
    return Promise.all(tabs.map(async (t) => (await api.runtime.sendMessage({ type: 'get-tab-status', tabId: t.id })).status));
  });
  const status = statuses.find((s) => s !== null) ?? null;
  expect(status?.profileName).toBe('Demo MIS: class register');
  expect(status?.registerFound).toBe(true);
  expect(status?.findings).toBeGreaterThan(0);
});

test('the MIS sites section comes first, where a new user looks before anything works (issue 14, item 10)', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('main section').first()).toHaveAttribute('data-section', 'sites');
  await expect(page.locator('main h2').first()).toHaveText(await page.locator('#sites-h').innerText());
});

test('edits not yet saved are named before another policy is chosen, kept on Cancel, and never dropped without a word', async ({ page }) => {
  const closes = page.getByLabel('Morning register closes');
  const active = await page.locator('#active-policy').inputValue();
  const other = active === 'dfe' ? 'valence' : 'dfe';
  // Typed, not saved ('9.20' as staff write it).
  await closes.fill('9.20');
  await page.getByLabel('School name').fill('Our Edited School');
  await page.locator('#active-policy').selectOption(other);
  const question = page.locator('#policy-choose-confirm');
  await expect(question).toContainText('Your edits to this policy are not saved: School name, Morning register closes.');
  await expect(page.locator('#policy-choose-yes')).toHaveText(/^Discard my edits and check by /);
  expect(await axeViolations(page)).toEqual([]);
  // Cancel keeps what was typed (the time written as the policy keeps it once focus left it).
  await page.locator('#policy-choose-cancel').click();
  await expect(closes).toHaveValue('09:20');
  await expect(page.getByLabel('School name')).toHaveValue('Our Edited School');
  await expect(page.locator('#active-policy')).toHaveValue(active);
  // Chosen anyway, the edits go, and that is said.
  await page.locator('#active-policy').selectOption(other);
  await page.locator('#policy-choose-yes').click();
  await expect(page.locator('#policy-choose-result')).toContainText('Your edits to the policy it checked by before were not saved, and are gone.');
  await expect(page.locator('#active-policy')).toHaveValue(other);
  await expect(page.getByLabel('School name')).not.toHaveValue('Our Edited School');
  // With nothing typed, the question says nothing of edits.
  await page.locator('#active-policy').selectOption(active);
  await expect(question).not.toContainText('not saved');
  await expect(page.locator('#policy-choose-yes')).toHaveText(/^Yes, check by /);
});

test('edits not yet saved when an imported policy replaces the one they were typed into are said to be gone, by name', async ({ page }) => {
  await page.getByLabel('School name').fill('Our Edited School');
  await page.getByLabel('Morning register closes').fill('9.20');
  const good = structuredClone(presetInput('valence')) as unknown as { id: string; schoolName: string };
  good.id = 'imported-school';
  good.schoolName = 'Imported School';
  await page.locator('#policy-import').setInputFiles(jsonFile('imported.json', JSON.stringify(good)));
  await expect(page.locator('#policy-import-result')).toContainText('Markwise now checks by Imported School');
  const lost = page.locator('#policy-edits-lost');
  await expect(lost).toContainText('The policy changed before your edits were saved');
  await expect(lost.getByRole('listitem')).toHaveText(['School name', 'Morning register closes']);
  await expect(page.getByLabel('School name')).toHaveValue('Imported School');
  expect(await axeViolations(page)).toEqual([]);
  // A save is no loss: nothing said.
  await page.getByLabel('School name').fill('Imported School (edited)');
  await page.locator('#save-policy').click();
  await expect(page.locator('#policy-save-result')).toContainText('Saved.');
  await expect(lost).toBeEmpty();
});
