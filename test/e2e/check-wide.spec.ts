// The check page over a week grid (one row a pupil, a column a session), as a school would drop in a
// SIMS report saved from Excel on Windows: two header rows, Windows-1252, CRLF
// (test/fixtures/exports/README.md cites the shape's source). Findings and names worked out by hand.

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { DEMO_TODAY } from '../../demo/make-demo-register';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';

const GRID = readFileSync(new URL('../fixtures/exports/wide-two-header-rows-cp1252.csv', import.meta.url));
const DISAGREES = readFileSync(new URL('../fixtures/exports/wide-weekday-disagrees.csv', import.meta.url));
const csvFile = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/csv', buffer });

async function openCheckPage(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/check.html`);
  // Wed 26 Nov 2025 with the micklefield policy: the grid's week, Mon 17 to Fri 21 Nov 2025, is past.
  await expect(page.locator('#check-today')).toHaveValue(DEMO_TODAY);
  expect(DEMO_TODAY).toBe('2025-11-26');
  await expect(page.locator('#check-policy')).toHaveValue('micklefield');
}

test('a Windows-1252 week grid with two header rows is read as a week grid, its names right, and checked', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(csvFile('week-grid.csv', GRID));
  const result = page.locator('section[data-outcome="checked"]');
  // By hand: Siân Evans's N on Thu 20 Nov 2025 PM is due by Thu 27 Nov (the 5th school day after it),
  // one school day after Wed 26 Nov: due soon, a warning. Nothing else: I and M are authorised, '-' is blank.
  await expect(result).toHaveAttribute('data-findings', '1');
  await expect(page.locator('#result-h')).toHaveText('week-grid.csv: 0 errors, 1 warning');
  // Three pupils, ten sessions each (blanks included).
  await expect(result).toContainText('3 pupils and 30 marks');
  // Missing 10% or more of possible sessions: Zoë 2 of 10, Siân 1 of 10, Kit 1 of 9; none 50%.
  await expect(result).toContainText('3 pupils persistently absent (missing 10% or more), 0 of them severely');
  const notes = page.locator('#read-notes');
  await expect(notes).toHaveAttribute('data-shape', 'register-wide');
  await expect(notes).toContainText('Read as a week grid, one row a pupil and a column a session.');
  // The day row is line 5, under the report's name, the school, the date range and a blank line.
  await expect(notes).toContainText("The header is on line 5; lines 1–4 above it were skipped as the report's title.");
  await expect(notes).toContainText("1 mark written '-' (no mark recorded) was read as blank.");
  await expect(result.locator('[data-encoding="windows-1252"]')).toContainText('read as Windows-1252');

  const finding = page.locator('[data-testid="findings"] li.finding[data-rule="n-due-soon"]');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('Siân Evans');
  await expect(finding).toContainText('Thu 27 Nov 2025');

  // Every pupil by name, as the file spells them: ë and ’ are single Windows-1252 bytes (EB, 92).
  await expect(page.locator('#card-pupil option')).toHaveText(['Choose a pupil…', 'Kit Ng (Q383200120013)', 'Siân Evans (B383200120012)', 'Zoë O’Brien (M383200120011)']);
  await page.locator('#card-pupil').selectOption('M383200120011');
  const card = page.locator('.pupil-card[data-upn="M383200120011"]');
  await expect(card.locator('h3')).toContainText('Zoë O’Brien');
  // Zoë: / \ / \ I I / \ / \: 8 of 10 possible sessions attended.
  await expect(card.locator('.card-summary')).toContainText('8 of 10 possible sessions');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-findings').click()]);
  const rows = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').slice(1), { skipEmptyLines: true }).data;
  expect(rows.slice(1).map((r) => [r[2], r[3], r[4], r[5], r[7], r[8]])).toEqual([['n-due-soon', 'B383200120012', 'Siân Evans', '2025-11-20', 'PM', 'N']]);
});

test('a week grid whose weekday disagrees with its date is refused, naming the column, and nothing is checked', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(csvFile('disagrees.csv', DISAGREES));
  const alert = page.locator('[data-outcome="refused"]');
  await expect(alert).toHaveAttribute('data-shape', 'register-wide');
  await expect(alert).toContainText('disagrees.csv could not be read, so nothing was checked');
  const why = 'it says Wednesday, but 18/11/2025 is a Tuesday (Tue 18 Nov 2025): is the date or the day mistyped? Nothing in this column was read';
  await expect(alert.locator('li')).toHaveText([`disagrees.csv line 2, column Wed 18/11/2025 AM: ${why}`, `disagrees.csv line 2, column Wed 18/11/2025 PM: ${why}`]);
  await expect(page.locator('section[data-outcome="checked"]')).toHaveCount(0);
});

test('the check page with a week grid read, and with one refused, has no axe violations', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  for (const [name, buffer, selector] of [
    ['week-grid.csv', GRID, 'section[data-outcome="checked"]'],
    ['disagrees.csv', DISAGREES, '[data-outcome="refused"]'],
  ] as const) {
    await page.locator('#export-file').setInputFiles(csvFile(name, buffer));
    await expect(page.locator(selector)).toBeVisible();
    expect(await axeViolations(page), name).toEqual([]);
  }
});
