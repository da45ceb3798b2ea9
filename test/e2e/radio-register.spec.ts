// The demo MIS's Take Attendance page (demo/mis/radio-register.ts): one radio group per pupil, the
// code known by its column header, the date in a date box. The built extension finds the planted
// cases (RADIO_CASES), writes a fix by clicking the right radio, and treats a click anywhere in a
// pupil's group as that pupil's cell (issue 12, items 1, 2 and 9).

import type { Page } from '@playwright/test';
import { RADIO_CASES } from '../../demo/mis/radio-register';
import { expect, panel, test, chooseRole } from './fixtures';
import { axeViolations } from './axe';

/** The pupil's row and id, by its place in the register: the page shows no UPN, so the MIS id stands in. */
async function pupil(page: Page, index: number) {
  const row = page.locator('tr.student-row').nth(index);
  const id = (await row.getAttribute('data-student-id'))!;
  return { row, id, radio: (codeId: number) => row.locator(`input[type="radio"][value="${codeId}"]`) };
}

function finding(page: Page, rule: string, id: string) {
  return panel(page).locator(`li.finding[data-rule="${rule}"][data-upn="${id}"]`);
}

const LATE = 4102;
const LATE_AFTER_CLOSE = 4103;

test('finds the planted cases on a register of radio buttons, and says which group has nothing checked', async ({ page, mis }) => {
  await page.goto(`${mis.url}/attendance/take?class=5B`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const late = await pupil(page, RADIO_CASES.lateAfterClose.index);
  const item = finding(page, 'late-should-be-u', late.id);
  await expect(item).toHaveAttribute('data-date', '2025-11-26');
  await expect(item).toHaveAttribute('data-session', 'AM');
  await expect(item).toContainText('09:41');
  // The arrival is the time box's live value, the date the date box's.
  const withdrawn = await pupil(page, RADIO_CASES.withdrawnCode.index);
  await expect(finding(page, 'code-withdrawn', withdrawn.id)).toHaveCount(1);
  // The unchecked group is a read problem, counted and named, never a blank mark.
  const blank = await pupil(page, RADIO_CASES.nothingChecked.index);
  const name = (await blank.row.locator('td.student-name').textContent())!.trim();
  await expect(panel(page)).toContainText('Markwise read 29 marks of the 30 cells on this page');
  await expect(panel(page).locator('p.notice')).toContainText([`Could not read row ${RADIO_CASES.nothingChecked.index + 1} (${name}): no radio button is checked.`]);
  await expect(panel(page).locator(`li.finding[data-upn="${blank.id}"]`)).toHaveCount(0);
  await expect(panel(page)).not.toContainText('Nothing to correct on this page');
});

test('an N past its deadline on an earlier day of the register', async ({ page, mis }) => {
  const { index, date } = RADIO_CASES.nOverdue;
  await page.goto(`${mis.url}/attendance/take?class=5B&date=${date}&period=AM`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const { id } = await pupil(page, index);
  await expect(finding(page, 'n-overdue', id)).toHaveAttribute('data-date', date);
});

test('a fix from the panel clicks the right radio, the page hears it, and Undo checks the old one again', async ({ page, mis, context, extensionId }) => {
  // U is the office's to enter (issue 14, item 1): the person says so in the popup.
  await chooseRole(context, extensionId, new URL(mis.url).origin, 'office');
  await page.goto(`${mis.url}/attendance/take?class=5B`);
  const { row, id, radio } = await pupil(page, RADIO_CASES.lateAfterClose.index);
  await finding(page, 'late-should-be-u', id).locator('button[data-action="fix"]').click();
  await expect(radio(LATE_AFTER_CLOSE)).toBeChecked();
  await expect(radio(LATE)).not.toBeChecked();
  // The page's own change listener saw it, as it sees a person's click.
  await expect(page.locator('#unsaved-count')).toHaveText('1 unsaved change');
  await expect(row).toHaveClass(/dirty/);
  await expect(finding(page, 'late-should-be-u', id)).toHaveCount(0);
  await panel(page).locator('button[data-action="undo"]').first().click();
  await expect(radio(LATE)).toBeChecked();
  await expect(finding(page, 'late-should-be-u', id)).toHaveCount(1);
});

test('a teacher clicking the U radio by hand makes the finding go; a hint shows on the group', async ({ page, mis }) => {
  await page.goto(`${mis.url}/attendance/take?class=5B`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const { id, radio } = await pupil(page, RADIO_CASES.lateAfterClose.index);
  await radio(LATE).focus();
  const tip = page.locator('markwise-root .tip');
  await expect(tip).toBeVisible();
  // U is the office's to enter (issue 14, item 1): the hint says what to do instead of offering it.
  await expect(tip).toContainText('Tell the office: arrived at');
  await expect(tip).not.toContainText('Alt+Enter');
  await radio(LATE_AFTER_CLOSE).click();
  await expect(finding(page, 'late-should-be-u', id)).toHaveCount(0);
  // U is right for the arrival; Micklefield lets teachers enter only / \ L N, so a warning remains and no error.
  await expect(panel(page).locator(`li.finding[data-upn="${id}"][data-severity="error"]`)).toHaveCount(0);
  await expect(page.locator(`markwise-root .marker[data-key="${id}|2025-11-26|AM"] .corner`)).toHaveText('!');
});

test('Show takes the keyboard to the group\'s checked radio, where Alt+Enter accepts the fix', async ({ page, mis, context, extensionId }) => {
  // U is the office's to enter (issue 14, item 1): the person says so in the popup.
  await chooseRole(context, extensionId, new URL(mis.url).origin, 'office');
  await page.goto(`${mis.url}/attendance/take?class=5B`);
  const { id, radio } = await pupil(page, RADIO_CASES.lateAfterClose.index);
  await finding(page, 'late-should-be-u', id).locator('button[data-action="show"]').click();
  await expect(page.locator(`markwise-root .marker.highlight[data-key="${id}|2025-11-26|AM"]`)).toHaveCount(1);
  await expect(radio(LATE)).toBeFocused();
  await page.keyboard.press('Alt+Enter');
  await expect(radio(LATE_AFTER_CLOSE)).toBeChecked();
});

test('Alt+Enter on a focused radio accepts the fix', async ({ page, mis, context, extensionId }) => {
  // U is the office's to enter (issue 14, item 1): the person says so in the popup.
  await chooseRole(context, extensionId, new URL(mis.url).origin, 'office');
  await page.goto(`${mis.url}/attendance/take?class=5B`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const { id, radio } = await pupil(page, RADIO_CASES.lateAfterClose.index);
  await radio(LATE).focus();
  await page.keyboard.press('Alt+Enter');
  await expect(radio(LATE_AFTER_CLOSE)).toBeChecked();
  await expect(finding(page, 'late-should-be-u', id)).toHaveCount(0);
});

test('checking a radio in the group that had none reads it: the read problem goes', async ({ page, mis }) => {
  await page.goto(`${mis.url}/attendance/take?class=5B`);
  await expect(panel(page)).toContainText('Markwise read 29 marks of the 30 cells');
  const { radio } = await pupil(page, RADIO_CASES.nothingChecked.index);
  await radio(4101).click();
  await expect(panel(page)).not.toContainText('no radio button is checked');
  await expect(panel(page)).not.toContainText('Markwise read 29 marks');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
});


for (const path of ['/attendance/take?class=5B', '/register/week?class=6A']) {
  test(`no axe violations with the panel, hints and badges on ${path}`, async ({ page, mis }) => {
    await page.goto(`${mis.url}${path}`);
    await expect(panel(page)).toHaveAttribute('data-status', 'ready');
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
  });
}
