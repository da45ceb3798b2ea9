// The attendance report import on the options page, in the built extension: bad reports say
// what and where and change nothing; columns the guess missed can be chosen; a good report's
// figures give badges, by UPN, on a page of the demo MIS that shows no figures of its own.

import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO_TODAY } from '../../demo/make-demo-register';
import { DEFAULT_UNEXPLAINED_FROM } from '../../demo/mis/pages';
import { generateSchool, registerName } from '../../demo/mis/school';
import { bandFor, tierFor } from '../../rules/checks/standing';
import { presetPolicy } from '../../rules/presets';
import { expect, test } from './fixtures';
import { axeViolations } from './axe';


const csv = (name: string, text: string | Buffer) => ({ name, mimeType: 'text/csv', buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text });

/** Pupils the office's list of unexplained absences shows (it has UPNs and no attendance figures). */
const onOfficeList = generateSchool()
  .pupils.filter((p) => [...p.marks].some(([key, mark]) => key.slice(0, 10) >= DEFAULT_UNEXPLAINED_FROM && key.slice(0, 10) <= DEMO_TODAY && mark.code.trim().toUpperCase() === 'N'))
  .slice(0, 3);

/** The privacy section's count of pupils with figures from reports (it refreshes after an import). */
const heldCount = (page: Page) => page.locator('tr[data-table="reportFigures"] td');

test.beforeEach(async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('#report-held')).toHaveText('No figures from reports are held.');
});

test('a bad report names every bad row, and nothing is imported until it is right', async ({ page }, testInfo) => {
  const input = page.locator('#report-import');
  await input.setInputFiles(csv('empty.csv', ''));
  await expect(page.locator('#report-result')).toContainText('empty.csv: the file is empty');

  // 50 MB: refused before it is read, with a word on what it probably is.
  const huge = testInfo.outputPath('huge.csv');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'a'));
  await input.setInputFiles(huge);
  await expect(page.locator('#report-result')).toContainText('huge.csv: the file is 50.0 MB');

  await input.setInputFiles(csv('bad.csv', 'UPN,Name,Possible,Attended,%\nA1,Ada,200,180,\nB2,Ben,200,201,\na1,Ada again,100,90,\nC3,Cal,,,104\n'));
  const problems = page.locator('#report-problems');
  await expect(problems).toHaveAttribute('role', 'alert');
  await expect(problems.locator('li')).toHaveText([
    'bad.csv line 3, column Attended: 201 sessions attended is more than the 200 possible',
    'bad.csv line 4, column UPN: A1 is also on line 2: each pupil once',
    'bad.csv line 5, column %: 104 is over 100%',
  ]);
  await expect(page.locator('#report-confirm')).toHaveCount(0);

  // A date after today is refused too, at the date (GOV.UK's pattern, issue 14 item 8): the file itself has no problem.
  await input.setInputFiles(csv('good.csv', 'UPN,Name,%\nA1,Ada,90\n'));
  const asOf = page.locator('#report-as-of');
  await asOf.fill('2025-11-27');
  await asOf.press('Enter');
  await expect(page.locator('#report-errors')).toBeFocused();
  await expect(page.locator('#report-errors')).toContainText('Figures as of: the date must be today or in the past, not Thu 27 Nov 2025');
  await expect(asOf).toHaveAttribute('aria-invalid', 'true');
  await expect(asOf).toHaveAccessibleDescription("Error: The figures cannot be as of Thu 27 Nov 2025, after today (Wed 26 Nov 2025): enter today's date or an earlier one");
  await expect(page.locator('#report-problems li')).toHaveCount(0);
  await expect(page.locator('#report-confirm')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(heldCount(page)).toHaveText('0');
});

test("columns the guess missed are chosen by hand; the figures give badges by UPN where a page shows none, saying where they came from", async ({ context, page, mis }) => {
  expect(onOfficeList).toHaveLength(3);
  const policy = presetPolicy('micklefield');
  const figures = [95.5, 88, 49.5];
  // An export whose UPN column is headed "Pupil ref": not a spelling Markwise knows.
  const rows = onOfficeList.map((p, i) => `${p.upn},"${registerName(p)}",200,${figures[i]! * 2}`);
  await page.locator('#report-import').setInputFiles(csv('week-48.csv', `Pupil ref,Pupil Name,Possible Sessions,Present + AEA\n${rows.join('\n')}\n`));
  await expect(page.locator('#report-problems li')).toHaveText(["week-48.csv: no column is the pupils' UPN"]);
  await expect(page.locator('select[data-field="name"]')).toHaveValue('1');
  await expect(page.locator('select[data-field="possible"]')).toHaveValue('2');
  await page.locator('select[data-field="upn"]').selectOption({ label: 'Pupil ref' });
  await page.locator('#report-as-of').fill('2025-11-24');
  await expect(page.locator('#report-rows tbody tr')).toHaveCount(3);
  await expect(page.locator('#report-rows tbody tr').first()).toContainText('191 of 200');
  // The preview, with its column choices, is axe-clean.
  const violations = await axeViolations(page, ['section[data-section="report"]']);
  expect(violations).toEqual([]);
  await page.locator('#report-confirm').click();
  await expect(page.locator('#report-result')).toHaveText('Imported figures for 3 pupils as of Mon 24 Nov 2025 from week-48.csv.');
  await expect(page.locator('#report-held')).toHaveText('Figures from reports are held for 3 pupils, the newest as of Mon 24 Nov 2025.');
  await expect(heldCount(page)).toHaveText('3');

  // The office's list shows UPNs but no attendance: the badges come from the report.
  const office = await context.newPage();
  await office.goto(`${mis.url}/office/unexplained`);
  for (const [i, pupil] of onOfficeList.entries()) {
    const badge = office.locator(`markwise-pupil-badge .badge[data-upn="${pupil.upn}"]`).first();
    await expect(badge).toHaveAttribute('data-tier', String(tierFor(policy, figures[i]!)?.level ?? ''));
    await expect(badge).toHaveAttribute('data-band', bandFor(policy, figures[i]!)?.name ?? '');
    await expect(badge.locator('.details')).toContainText('from the attendance report week-48.csv, as of Mon 24 Nov 2025 (2 days ago)');
  }
});

test('a report is read with warnings it does not stop for: a UPN failing the DfE check letter, a percentage that disagrees with the sessions (issue 11, item 20)', async ({ page }) => {
  await page.locator('#report-import').setInputFiles(csv('week-48.csv', 'UPN,Name,Possible,Attended,%\nA801200005001,Ada,200,180,95.0\nB801200005001,Bo,200,190,95.0\n'));
  await expect(page.locator('#report-warnings li')).toHaveText([
    "week-48.csv line 2, column UPN: 'A801200005001' fails the DfE check letter (it would be B): check the UPN in the MIS",
    'week-48.csv line 2, column %: says 95.0 but 180 of 200 possible sessions attended is 90.0%: Markwise uses the sessions; check the report',
  ]);
  await page.locator('#report-confirm').click();
  await expect(heldCount(page)).toHaveText('2');
});
