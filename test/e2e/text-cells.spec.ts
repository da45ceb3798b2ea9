// The demo MIS's week register whose cells are text until clicked and a dropdown after, each with an
// inline script beside the mark (demo/mis/text-register.ts); and badges that keep a table's shape
// (issue 12, items 2, 3 and 10).

import type { Page } from '@playwright/test';
import { TEXT_CASES } from '../../demo/mis/text-register';
import { expect, panel, test, chooseRole } from './fixtures';

function finding(page: Page, rule: string, id: string) {
  return panel(page).locator(`li.finding[data-rule="${rule}"][data-upn="${id}"]`);
}

test('a cell of text is read, and after the click its dropdown is, and a fix writes to the dropdown', async ({ page, mis, context, extensionId }) => {
  // U is the office's to enter (issue 14, item 1): the person says so in the popup.
  await chooseRole(context, extensionId, new URL(mis.url).origin, 'office');
  await page.goto(`${mis.url}/register/week?class=6A`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  // Blank cells hold only an inline script: read as blank, not as the script's text.
  await expect(panel(page).locator('li.finding[data-rule="code-unknown"]')).toHaveCount(0);
  await expect(panel(page)).not.toContainText('could not be read');
  const { index, date, session } = TEXT_CASES.lateAfterClose;
  const row = page.locator('tr.pupil-row').nth(index);
  const id = (await row.getAttribute('data-pupil-id'))!;
  const item = finding(page, 'late-should-be-u', id);
  await expect(item).toContainText('09:50');
  // Text cannot take a fix: none is offered until the cell is a dropdown.
  await expect(item.locator('button[data-action="fix"]')).toHaveCount(0);
  const cell = row.locator(`td.mark-cell[data-key="${id}|${date}|${session}"]`);
  await cell.click();
  const select = cell.locator('select');
  await expect(select).toBeFocused();
  await expect(select).toHaveValue('L');
  // Read again from the dropdown: the finding stays, and now it can be fixed there.
  await expect(item.locator('button[data-action="fix"]')).toHaveCount(1);
  await item.locator('button[data-action="fix"]').click();
  await expect(select).toHaveValue('U');
  await expect(page.locator('#unsaved-count')).toHaveText('1 unsaved change');
  await expect(finding(page, 'late-should-be-u', id)).toHaveCount(0);
});

test('a teacher choosing U in the dropdown by hand makes the finding go', async ({ page, mis }) => {
  await page.goto(`${mis.url}/register/week?class=6A`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const { index, date, session } = TEXT_CASES.lateAfterClose;
  const row = page.locator('tr.pupil-row').nth(index);
  const id = (await row.getAttribute('data-pupil-id'))!;
  await expect(finding(page, 'late-should-be-u', id)).toHaveCount(1);
  const cell = row.locator(`td.mark-cell[data-key="${id}|${date}|${session}"]`);
  await cell.click();
  await cell.locator('select').selectOption('U');
  await expect(finding(page, 'late-should-be-u', id)).toHaveCount(0);
});

/** How many cells each row has: a badge put beside a cell would add one. */
async function cellsPerRow(page: Page, rows: string): Promise<number[]> {
  return page.locator(rows).evaluateAll((trs) => trs.map((tr) => tr.children.length));
}

test('badges go inside the name cell (badgeIn): every row keeps its number of cells', async ({ page, mis }) => {
  await page.goto(`${mis.url}/register/week?class=6A`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const badges = page.locator('td.pupil-name > markwise-pupil-badge');
  await expect(badges).toHaveCount(30);
  const heads = await page.locator('#week-register thead th').count();
  expect(await cellsPerRow(page, '#week-register tbody tr')).toEqual(new Array(30).fill(heads));
});

test('a badge pointed after a table cell (badgeAfter: td) goes inside it, at its end: the row keeps its shape', async ({ page, mis }) => {
  // The office list's profile puts badges after td.pupil-name; figures seen on the pupil list give its pupils badges there.
  await page.goto(`${mis.url}/pupils?class=4A`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await page.goto(`${mis.url}/office/unexplained`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await expect(page.locator('markwise-pupil-badge').first()).toBeAttached();
  await expect(page.locator('td.pupil-name > markwise-pupil-badge').first()).toBeAttached();
  const heads = await page.locator('#unexplained thead th').count();
  const counts = await cellsPerRow(page, '#unexplained tbody tr');
  expect(counts.length).toBeGreaterThan(0);
  expect(counts.every((n) => n === heads)).toBe(true);
});
