// The options page's forms in GOV.UK's pattern (issue 14, item 8), walked by keyboard in the built
// extension: a form sent with mistakes shows an error summary at its top, focused, with a link to
// each field that moves focus there, and the message at the field; a time typed as staff write it
// ("9.30") is kept as 09:30; choosing another policy is asked first, and a cancel changes nothing.

import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { presetInput } from '../../rules/presets';
import { expect, test } from './fixtures';
import { axeViolations } from './axe';
import { dumpDatabase, rowsOf } from './database';

test.beforeEach(async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  // The development build's own policy.
  await expect(page.locator('#active-policy')).toHaveValue('micklefield');
  await expect(page.getByLabel('School name')).toHaveValue('Micklefield CE Primary Academy');
});

/** Each of the summary's links, followed by keyboard (Tab to it, Enter), moves focus to its field. */
async function followEachLink(page: Page, summary: Locator, fields: Locator[]): Promise<void> {
  const links = summary.getByRole('link');
  await expect(links).toHaveCount(fields.length);
  for (let i = 0; i < fields.length; i++) {
    await summary.focus();
    for (let t = 0; t <= i; t++) await page.keyboard.press('Tab');
    await expect(links.nth(i)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(fields[i]!).toBeFocused();
  }
}

test('the policy form sent with mistakes: a summary at the top, focused, linking to each field, and the message at the field', async ({ page }) => {
  const before = await dumpDatabase(page);
  const name = page.getByLabel('School name');
  const closes = page.getByLabel('Morning register closes');
  const target = page.getByLabel('Attendance target (%)');
  // By keyboard: clear the name, type a time that is no time, and a target that is no number.
  await name.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await closes.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('nine-ish');
  await target.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('ninety');
  await page.keyboard.press('Enter');

  const summary = page.locator('#policy-errors');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('The policy was not saved: nothing has changed.');
  await expect(summary).toContainText('Morning register closes: enter a time of day, such as 08:40, 8.40 or 8:40am');
  // At the top of the form: before its first field.
  const above = await summary.evaluate((s) => !!(s.compareDocumentPosition(document.getElementById('policy-schoolName')!) & Node.DOCUMENT_POSITION_FOLLOWING));
  expect(above).toBe(true);

  // The message at each field, the control marked and described by it.
  await expect(closes).toHaveAttribute('aria-invalid', 'true');
  await expect(closes).toHaveAccessibleDescription('Error: Enter a time of day, such as 08:40, 8.40 or 8:40am');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(target).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Morning registration starts')).not.toHaveAttribute('aria-invalid', 'true');
  await followEachLink(page, summary, [name, closes, target]);
  expect(await axeViolations(page)).toEqual([]);

  // Nothing was saved.
  expect(await dumpDatabase(page)).toEqual(before);
});

test('"9.30" is read as 09:30, written back in the field, saved and shown so after a reload', async ({ page }) => {
  const closes = page.getByLabel('Morning register closes');
  await closes.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('9.30');
  await page.keyboard.press('Tab');
  await expect(closes).toHaveValue('09:30');
  const starts = page.getByLabel('Afternoon registration starts');
  await starts.fill('1:10pm');
  await page.locator('#save-policy').click();
  await expect(page.locator('#policy-save-result')).toContainText('Saved.');
  await expect(page.locator('#policy-errors')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Morning register closes')).toHaveValue('09:30');
  await expect(page.getByLabel('Afternoon registration starts')).toHaveValue('13:10');
  const policies = await rowsOf(page, 'policies');
  const saved = policies.find((p) => p.id === 'micklefield') as { input: { sessions: { AM: { registerClosesAt: string }; PM: { registrationStartsAt: string } } } };
  expect([saved.input.sessions.AM.registerClosesAt, saved.input.sessions.PM.registrationStartsAt]).toEqual(['09:30', '13:10']);
});

test('choosing a preset is asked first, saying what changes; a cancel leaves the stored policy as it was', async ({ page }) => {
  const before = await dumpDatabase(page);
  const choice = page.locator('#active-policy');
  await choice.focus();
  await choice.selectOption('milefield');
  const ask = page.locator('#policy-choose-confirm');
  await expect(ask).toBeVisible();
  await expect(ask).toBeFocused();
  await expect(ask).toContainText('Check by Milefield Primary School instead?');
  await expect(ask).toContainText('School name: Micklefield CE Primary Academy now, Milefield Primary School after');
  await expect(ask).toContainText('Nothing has changed yet.');
  expect(await axeViolations(page)).toEqual([]);

  // Cancel, by keyboard.
  await page.locator('#policy-choose-cancel').focus();
  await page.keyboard.press('Enter');
  await expect(ask).toHaveCount(0);
  await expect(page.locator('#policy-choose-result')).toHaveText('Nothing has changed: Markwise still checks by Micklefield CE Primary Academy.');
  await expect(choice).toHaveValue('micklefield');
  await expect(choice).toBeFocused();
  expect(await dumpDatabase(page)).toEqual(before);
  await page.reload();
  await expect(page.getByLabel('School name')).toHaveValue('Micklefield CE Primary Academy');

  // Chosen again and confirmed: applied, and said in the status region.
  await page.locator('#active-policy').selectOption('milefield');
  await page.locator('#policy-choose-yes').click();
  const done = page.locator('#policy-choose-result');
  await expect(done).toHaveAttribute('role', 'status');
  await expect(done).toContainText('Markwise now checks by Milefield Primary School. What changed:');
  const milefield = presetInput('milefield') as { sessions: { AM: { registerClosesAt: string } } };
  await expect(page.getByLabel('Morning register closes')).toHaveValue(milefield.sessions.AM.registerClosesAt);
  expect(await rowsOf(page, 'settings')).toContainEqual({ key: 'activePolicyId', value: 'milefield' });
});

test('the add-a-site form sent with mistakes: the summary focused, links to the address and the profiles', async ({ page }) => {
  const section = page.locator('[data-section="sites"]');
  await page.locator('#site-origin').fill('not a site');
  await page.locator('#site-origin').press('Enter');
  const summary = page.locator('#site-errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('Its pages are read by: choose at least one profile for its pages');
  await expect(page.locator('#site-origin')).toHaveAttribute('aria-invalid', 'true');
  await expect(section.locator('fieldset')).toHaveAccessibleDescription('Error: Choose at least one profile for its pages');
  await followEachLink(page, summary, [page.locator('#site-origin'), section.locator('input[type="checkbox"]').first()]);
  expect(await axeViolations(page)).toEqual([]);
  expect(await rowsOf(page, 'settings')).not.toContainEqual(expect.objectContaining({ key: 'sites' }));
});

test('the checking date form sent without a date: the summary focused, its link to the date', async ({ page }) => {
  const section = page.locator('[data-section="today"]');
  // The development build checks as of the demo's day: the date is taken out first.
  await section.getByLabel('A fixed date').fill('');
  await section.getByRole('button', { name: 'Check as of this date' }).focus();
  await page.keyboard.press('Enter');
  const summary = page.locator('#today-errors');
  await expect(summary).toBeFocused();
  await expect(section.getByLabel('A fixed date')).toHaveAccessibleDescription('Error: Enter the whole date Markwise checks as of, such as 26/11/2025');
  await followEachLink(page, summary, [section.getByLabel('A fixed date')]);
  expect(await axeViolations(page)).toEqual([]);
});

test("the check page's header line sent as no line number: the summary focused, its link to the field", async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/check.html`);
  const csv = readFileSync(new URL('../fixtures/exports/arbor-marks.csv', import.meta.url));
  await page.locator('#export-file').setInputFiles({ name: 'arbor-marks.csv', mimeType: 'text/csv', buffer: csv });
  await expect(page.locator('section[data-outcome="checked"]')).toBeVisible();
  await page.locator('#columns summary').click();
  const line = page.locator('#header-line');
  await line.fill('first');
  await line.press('Enter');
  const summary = page.locator('#header-line-errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('The header is on line: enter a line number, such as 5');
  await expect(line).toHaveAttribute('aria-invalid', 'true');
  await expect(line).toHaveAccessibleDescription('Error: Enter a line number, such as 5');
  await followEachLink(page, summary, [line]);
  expect(await axeViolations(page)).toEqual([]);
});

test("the attendance report's header line and as-of date with mistakes: the section's summary focused, a link to each field, the message at each, nothing saved", async ({ page }) => {
  const before = await dumpDatabase(page);
  const section = page.locator('[data-section="report"]');
  const csv = readFileSync(new URL('../fixtures/exports/summary-sims-title-rows.csv', import.meta.url));
  await page.locator('#report-import').setInputFiles({ name: 'summary-sims-title-rows.csv', mimeType: 'text/csv', buffer: csv });
  const line = section.getByLabel('Header is on line');
  const asOf = section.getByLabel('Figures as of');
  await expect(line).toHaveValue('4');
  await expect(section.locator('#report-rows tbody tr')).toHaveCount(3);

  // By keyboard: the date's day taken out, and sent with Enter.
  await asOf.focus();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  const summary = page.locator('#report-errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('Nothing has been saved.');
  await expect(summary).toContainText('Figures as of: enter the date the figures are as of, such as 26/11/2025');
  await expect(asOf).toHaveAttribute('aria-invalid', 'true');
  await expect(asOf).toHaveAccessibleDescription('Error: Enter the date the figures are as of, such as 26/11/2025');
  await expect(section.locator('#report-confirm')).toHaveCount(0);

  // Then a header line that is no line number, sent with Enter: both said, in the form's order.
  await line.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('four');
  await page.keyboard.press('Enter');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Header is on line: enter the number of the line the column names are on, such as 4');
  await expect(line).toHaveAttribute('aria-invalid', 'true');
  await expect(line).toHaveAccessibleDescription('Error: Enter the number of the line the column names are on, such as 4');
  // At the top of the section's form: before its first field.
  const above = await summary.evaluate((s) => !!(s.compareDocumentPosition(document.getElementById('report-header-line')!) & Node.DOCUMENT_POSITION_FOLLOWING));
  expect(above).toBe(true);
  await followEachLink(page, summary, [line, asOf]);
  expect(await axeViolations(page, ['section[data-section="report"]'])).toEqual([]);
  expect(await dumpDatabase(page)).toEqual(before);

  // Put right, the summary goes and the import is offered again.
  await line.fill('4');
  await asOf.fill('2025-11-21');
  await expect(summary).toHaveCount(0);
  await expect(line).not.toHaveAttribute('aria-invalid', 'true');
  await expect(section.locator('#report-confirm')).toBeVisible();
});

test("the check page's As of date taken out: the summary focused, its link to the date, the message at the field", async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/check.html`);
  const asOf = page.getByLabel('As of');
  await expect(asOf).not.toHaveValue('');
  await asOf.focus();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  const summary = page.locator('#check-errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('As of: enter the date to check the register as of, such as 26/11/2025');
  await expect(asOf).toHaveAttribute('aria-invalid', 'true');
  await expect(asOf).toHaveAccessibleDescription('Error: Enter the date to check the register as of, such as 26/11/2025');
  await followEachLink(page, summary, [asOf]);
  expect(await axeViolations(page)).toEqual([]);
  await asOf.fill('2025-11-05');
  await expect(summary).toHaveCount(0);
});

test("the check page's columns sent with mistakes: the summary focused, a link to each column's field, the message at each, nothing checked again", async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/check.html`);
  await page.getByLabel('As of').fill('2025-11-05');
  const csv = readFileSync(new URL('../fixtures/exports/arbor-marks.csv', import.meta.url));
  await page.locator('#export-file').setInputFiles({ name: 'arbor-marks.csv', mimeType: 'text/csv', buffer: csv });
  const checked = page.locator('section[data-outcome="checked"]');
  await expect(checked).toHaveAttribute('data-findings', '2');
  await page.locator('#columns summary').click();
  const form = page.locator('#columns');
  const upn = form.getByLabel('UPN', { exact: true });
  const year = form.getByLabel('Year group');
  // By keyboard: no column for the UPN, and the Year column as the date too.
  await upn.focus();
  await upn.selectOption('');
  await form.getByLabel('Date', { exact: true }).selectOption('Year');
  await page.locator('#columns-read').focus();
  await page.keyboard.press('Enter');
  const summary = page.locator('#columns-errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('UPN: choose its column (the check needs it)');
  await expect(summary).toContainText("Year group: choose another column ('Year' is already read as the Date)");
  await expect(upn).toHaveAttribute('aria-invalid', 'true');
  await expect(upn).toHaveAccessibleDescription('Error: Choose its column (the check needs it)');
  await expect(year).toHaveAccessibleDescription("Error: Choose another column ('Year' is already read as the Date)");
  await expect(form.getByLabel('Date', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  await followEachLink(page, summary, [upn, year]);
  expect(await axeViolations(page)).toEqual([]);
  // The file was not checked again: the findings by the columns before are still shown.
  await expect(checked).toHaveAttribute('data-findings', '2');
  await expect(page.locator('[data-outcome="refused"]')).toHaveCount(0);
});
