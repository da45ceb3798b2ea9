// Attendance summaries as MIS products write them, imported on the options page of the built
// extension (issue 13, items 6-9): an Arbor-style summary with its AEA column, a SIMS-style one
// in Windows-1252 with title rows above its header, a percentage that disagrees with the sessions
// shown before the Import button, and files that are not summaries sent to the check-an-export page.
// The fixtures and their sources: test/fixtures/exports/README.md.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rowsOf } from './database';
import { expect, test } from './fixtures';

const fixture = (name: string) => ({ name, mimeType: 'text/csv', buffer: readFileSync(fileURLToPath(new URL(`../fixtures/exports/${name}`, import.meta.url))) });
const file = (name: string, text: string, mimeType = 'text/csv') => ({ name, mimeType, buffer: Buffer.from(text, 'utf8') });

test.beforeEach(async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('#report-held')).toHaveText('No figures from reports are held.');
});

test('an Arbor-style summary: attended is Present + AEA, so 150 present and 10 AEA of 190 is 84.21%, not 78.95% (issue 13 item 7)', async ({ page }) => {
  await page.locator('#report-import').setInputFiles(fixture('summary-arbor.csv'));
  const rows = page.locator('#report-rows tbody tr');
  await expect(rows).toHaveCount(4);
  // Amara Okafor: 150 present + 10 AEA = 160 of 190 = 84.21...%, shown cut to one place as badges show it.
  await expect(rows.nth(0).locator('td')).toHaveText(['E938201125001', 'Amara Okafor', '150 present + 10 AEA of 190', '84.2%']);
  // Ben Carter: 181 + 0 = 181 of 190 = 95.26%.
  await expect(rows.nth(1).locator('td')).toHaveText(['U938201125002', 'Ben Carter', '181 present + 0 AEA of 190', '95.2%']);
  // Chloe Nowak: 170 + 4 = 174 of 188 = 92.55%.
  await expect(rows.nth(2).locator('td')).toHaveText(['H938201125003', 'Chloe Nowak', '170 present + 4 AEA of 188', '92.5%']);
  // Dylan Price: 80 + 0 = 80 of 96 = 83.33%.
  await expect(rows.nth(3).locator('td')).toHaveText(['X938201125004', 'Dylan Price', '80 present + 0 AEA of 96', '83.3%']);
  await expect(page.locator('select[data-field="present"]')).toHaveValue('5');
  await expect(page.locator('select[data-field="aea"]')).toHaveValue('6');
  await expect(page.locator('select[data-field="attended"]')).toHaveValue('');
  // The report's own percentages agree with Present + AEA: nothing to look at again.
  await expect(page.locator('#report-warnings')).toHaveCount(0);

  await page.locator('#report-as-of').fill('2025-11-21');
  await page.locator('#report-confirm').click();
  await expect(page.locator('#report-result')).toHaveText('Imported figures for 4 pupils as of Fri 21 Nov 2025 from summary-arbor.csv.');
  const held = new Map((await rowsOf(page, 'reportFigures')).map((r) => [r.upn, r.attendance]));
  expect(held.get('E938201125001')).toBeCloseTo((160 * 100) / 190, 9);
  expect(held.get('H938201125003')).toBeCloseTo((174 * 100) / 188, 9);
});
