// The check page reading register exports as MIS products write them (issue 13): the columns are
// guessed from MIS header spellings and shown, a person corrects them and they are remembered for
// files of that shape, title rows are skipped (or the header's line said), minutes late are read
// and the page says how, and a file that is not a register says what it is. Fixtures cite their
// public sources in test/fixtures/exports/README.md; findings are worked out by hand from the
// micklefield preset (AM register 08:55 to 09:25).

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO_TODAY } from '../../demo/make-demo-register';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/exports/${name}`, import.meta.url));
const csvFile = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/csv', buffer });

async function openCheckPage(page: Page, extensionId: string, today = '2025-11-05'): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/check.html`);
  await expect(page.locator('#check-today')).toHaveValue(DEMO_TODAY);
  await page.locator('#check-today').fill(today);
}

/** The findings in the panel, as rule, UPN, date and session. */
async function findings(page: Page): Promise<string[]> {
  const items = page.locator('[data-testid="findings"] li.finding');
  const all = await items.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-rule')} ${el.getAttribute('data-upn')} ${el.getAttribute('data-date')} ${el.getAttribute('data-session')}`));
  return all.sort();
}

test('an Arbor-style marks list is read by its own headings, minutes late counted from the register start, and the page says how', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(csvFile('arbor-marks.csv', fixture('arbor-marks.csv')));
  const result = page.locator('section[data-outcome="checked"]');
  await expect(result).toHaveAttribute('data-findings', '2');
  // Arthur, 31 minutes late (09:26): U, not L. Cara, 10 minutes late (09:05): L, not U.
  expect(await findings(page)).toEqual(['late-should-be-l Y383200025003 2025-11-05 AM', 'late-should-be-u J383200025002 2025-11-05 AM']);
  const notes = page.locator('#read-notes');
  await expect(notes).toContainText("Minutes late from 'Minutes Late'");
  await expect(notes).toContainText('Lateness is read as minutes late, counted from the start of registration');
  await expect(notes).toContainText('so 10 minutes late to the morning register is an arrival at 09:05');
  await expect(page.locator('#columns summary')).toContainText('guessed from the header');
  expect(await axeViolations(page)).toEqual([]);
});

test('a SIMS-style report: title rows skipped, Windows-1252 names, "-" read as no mark, and the header line can be said', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId, '2025-11-14');
  await page.locator('#export-file').setInputFiles(csvFile('sims-marks-report.csv', fixture('sims-marks-report.csv')));
  const result = page.locator('section[data-outcome="checked"]');
  // Zoë's two Ns of Mon 3 Nov were due by Mon 10 Nov; Sam's L at 31 minutes late (09:26) should be U.
  await expect(result).toHaveAttribute('data-findings', '3');
  // Sam's I01, a school sub-code no table translates, is said once above the panel.
  await expect(page.locator('#unknown-codes li')).toHaveText([/^'I01' is not a DfE code and not in the policy's school codes: 1 mark of 1 pupil/]);
  await expect(page.locator('#read-notes')).toContainText("The header is on line 5; lines 1–4 above it were skipped as the report's title.");
  await expect(page.locator('#read-notes')).toContainText("1 mark written '-' (no mark recorded) was read as blank.");
  await page.locator('#card-pupil').selectOption('M383200025004');
  await expect(page.locator('.pupil-card h3')).toContainText('Zoë O’Brien');

  // Saying the header is on line 2 (a title row) reads nothing, and says why, with the form still there to put it back.
  await page.locator('#columns summary').click();
  await page.locator('#header-line').fill('2');
  await page.locator('#header-line-read').click();
  await expect(page.locator('[data-outcome="refused"]')).toContainText('does not look like a register export');
  await expect(page.locator('#header-line')).toHaveValue('2');
  await page.locator('#header-line').fill('5');
  await page.locator('#header-line-read').click();
  await expect(result).toHaveAttribute('data-findings', '3');
});

test('columns a person chooses are used, remembered for files with the same header, and can be forgotten', async ({ page, extensionId }) => {
  const odd = Buffer.from(['Pupil Ref,Child,When,Reg,Entry,Arrived at', 'V383200025001,Ada Okafor,05/11/2025,AM,L,09:40', 'V383200025001,Ada Okafor,05/11/2025,PM,\\,'].join('\r\n'));
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(csvFile('odd.csv', odd));
  const refused = page.locator('[data-outcome="refused"]');
  await expect(refused).toContainText('odd.csv could not be read, so nothing was checked');
  await expect(refused).toContainText('does not look like a register export: no line near the top names its columns');
  const form = page.locator('#columns');
  await expect(form).toHaveAttribute('open', '');
  // The guess found the arrival column; the rest are the person's to say.
  await expect(form.locator('select[data-field="arrival"]')).toHaveValue('Arrived at');
  expect(await axeViolations(page)).toEqual([]);
  for (const [field, header] of [
    ['upn', 'Pupil Ref'],
    ['name', 'Child'],
    ['date', 'When'],
    ['session', 'Reg'],
    ['mark', 'Entry'],
  ] as const) {
    await form.locator(`select[data-field="${field}"]`).selectOption(header);
  }
  await page.locator('#columns-read').click();
  const result = page.locator('section[data-outcome="checked"]');
  // 09:40 is after the 09:25 close: U, not L.
  await expect(result).toHaveAttribute('data-findings', '1');
  expect(await findings(page)).toEqual(['late-should-be-u V383200025001 2025-11-05 AM']);
  await expect(page.locator('#columns')).toContainText('--columns "upn=Pupil Ref,name=Child,date=When,session=Reg,mark=Entry,arrival=Arrived at"');

  // Next month's file of the same shape: read the same way without asking.
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(csvFile('odd-december.csv', odd));
  await expect(result).toHaveAttribute('data-findings', '1');
  await expect(page.locator('#columns summary')).toContainText('as you chose before for files with this header');
  await page.locator('#columns summary').click();
  await page.locator('#columns-forget').click();
  await expect(refused).toContainText('does not look like a register export: no line near the top names its columns');
});

test('a mapping with a mistake changes nothing and says what and where', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(csvFile('arbor-marks.csv', fixture('arbor-marks.csv')));
  await expect(page.locator('section[data-outcome="checked"]')).toHaveAttribute('data-findings', '2');
  await page.locator('#columns summary').click();
  // The Year column as the date: every row's date is then wrong, each said with its line.
  await page.locator('#columns select[data-field="year"]').selectOption('');
  await page.locator('#columns select[data-field="date"]').selectOption('Year');
  await page.locator('#columns-read').click();
  const refused = page.locator('[data-outcome="refused"]');
  await expect(refused).toContainText("arbor-marks.csv line 2, column Year: 'Year 4' is not a real date");
  await expect(page.locator('section[data-outcome="checked"]')).toHaveCount(0);
  // Nothing was remembered from the failed mapping: a fresh page guesses again.
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(csvFile('arbor-marks.csv', fixture('arbor-marks.csv')));
  await expect(page.locator('#columns summary')).toContainText('guessed from the header');
});

test('a summary, or XML that is not a CTF, says what it is and where it belongs', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(csvFile('arbor-summary-for-check.csv', fixture('arbor-summary-for-check.csv')));
  const refused = page.locator('[data-outcome="refused"]');
  await expect(refused).toContainText('this looks like an attendance summary (one row per pupil');
  await expect(refused.getByRole('link', { name: 'Import it as attendance figures on the options page' })).toBeVisible();
  await page.locator('#export-file').setInputFiles({ name: 'feed.xml', mimeType: 'application/xml', buffer: Buffer.from('<?xml version="1.0"?>\n<rss><channel/></rss>\n') });
  await expect(refused).toContainText('this is an XML file, but not a Common Transfer File (its root element is <rss>');
});

test("the policy's school codes translate a SIMS sub-code on the check page, and the page says which and how many", async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('#active-policy')).toHaveValue('micklefield');
  await expect(page.locator('#school-codes-none')).toBeVisible();
  await page.locator('#add-school-code').click();
  const row = page.getByRole('group', { name: 'School code 1' });
  await row.getByLabel('Code (as the MIS writes it, up to 4 characters)').fill('I01');
  await row.getByLabel('DfE code it stands for').selectOption('I');
  await row.getByLabel('Name (what the school calls it)').fill('Illness: GP letter seen');
  await page.locator('#save-policy').click();
  await expect(page.locator('#policy-save-result')).toContainText('Saved.');

  await openCheckPage(page, extensionId, '2025-11-14');
  await page.locator('#export-file').setInputFiles(csvFile('sims-marks-report.csv', fixture('sims-marks-report.csv')));
  const result = page.locator('section[data-outcome="checked"]');
  // I01 is now I, an authorised absence: no unknown code, the three other findings as before.
  await expect(result).toHaveAttribute('data-findings', '3');
  await expect(page.locator('#unknown-codes')).toHaveCount(0);
  await expect(page.locator('#read-notes')).toContainText("Read by the policy's school codes: I01 as I (Illness: GP letter seen, 1 mark).");
  await page.locator('#card-pupil').selectOption('B383200025005');
  await expect(page.locator('.pupil-card .legend li[data-category="authorised"] strong')).toHaveText('1');
});
