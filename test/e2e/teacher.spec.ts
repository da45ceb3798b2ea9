// Issue 14, items 1 and 2: a teacher at 8:55 on class 4A, with the demo's Micklefield policy (teachers
// enter only / \ L N, seed 002 §7.1; the morning register closes at 09:25, §7.2). Walked as a teacher
// would: open the register, read the panel, type, press Alt+Enter; then say in the popup that this
// person is office staff, and back.

import type { Page, Worker } from '@playwright/test';
import { DEMO_CASES } from '../../demo/mis/school';
import { axeViolations } from './axe';
import { expect, panel, test } from './fixtures';

const TEACHER_CODES = ['/', '\\', 'L', 'N'];

function cellInput(page: Page, pupilId: string, date: string, session: string) {
  return page.locator(`tr[data-pupil-id="${pupilId}"] td.reg-cell[data-date="${date}"][data-session="${session}"] input.reg-code`);
}

async function upnOf(page: Page, pupilId: string): Promise<string> {
  return (await page.locator(`tr[data-pupil-id="${pupilId}"] td.pupil-upn`).first().textContent())!.trim();
}

function finding(page: Page, rule: string, upn: string) {
  return panel(page).locator(`li.finding[data-rule="${rule}"][data-upn="${upn}"]`);
}

async function openClass4A(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/register/class?class=4A`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
}

/**
 * The popup for the register's tab. The popup asks the browser for the active tab; opened as a page of
 * its own it would be that tab, so the browser's answer is given the register's tab (found by the
 * status its content script told the background), as it is when the person clicks the toolbar button.
 */
async function popupFor(page: Page, worker: Worker, extensionId: string, origin: string): Promise<Page> {
  let tabId: number | null = null;
  await expect
    .poll(async () =>
      (tabId = await worker.evaluate(async (origin) => {
        const all = await (globalThis as unknown as { chrome: { storage: { session: { get(): Promise<Record<string, { site?: string; registerFound?: boolean }>> } } } }).chrome.storage.session.get();
        const found = Object.entries(all).find(([key, s]) => key.startsWith('tab-status:') && s.site === origin && s.registerFound);
        return found === undefined ? null : Number(found[0].slice('tab-status:'.length));
      }, origin)),
    )
    .not.toBeNull();
  const popup = await page.context().newPage();
  await popup.addInitScript((id) => {
    const tabs = (globalThis as unknown as { chrome: { tabs: { query: unknown } } }).chrome.tabs;
    tabs.query = async () => [{ id }];
  }, tabId);
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('#role-choice')).toBeVisible();
  return popup;
}

test('a teacher opening 4A sees no role warnings for the marks the office entered; a code the teacher types that teachers may not enter is flagged', async ({ page, mis }) => {
  await openClass4A(page, mis.url);
  // The office's marks are on the page: codes teachers may not enter (I, O, U, G…).
  const officeMarks = await page.locator('input.reg-code').evaluateAll((inputs, allowed) => inputs.map((i) => (i as HTMLInputElement).value.trim().toUpperCase()).filter((v) => v !== '' && !allowed.includes(v)), TEACHER_CODES);
  expect(officeMarks.length).toBeGreaterThan(0);
  await expect(panel(page).locator('li.finding[data-rule="code-not-allowed"]')).toHaveCount(0);
  await expect(page.locator('markwise-root .marker')).not.toHaveCount(0);

  // The teacher types I (illness) for this afternoon: that is the office's to record.
  const { pupilId } = DEMO_CASES.lateBeforeClose;
  const upn = await upnOf(page, pupilId);
  const cell = cellInput(page, pupilId, '2025-11-26', 'PM');
  await cell.click();
  await page.keyboard.type('I');
  await expect(cell).toBeFocused();
  const flagged = panel(page).locator(`li.finding[data-rule="code-not-allowed"][data-upn="${upn}"][data-date="2025-11-26"][data-session="PM"]`);
  await expect(flagged).toContainText('I is not one of the codes a teacher may enter: I means illness (not a medical or dental appointment).');
  await expect(flagged).toContainText('Enter N (reason for absence not yet established) if the pupil is absent');
  // No brackets inside brackets.
  expect(await flagged.textContent()).not.toMatch(/\([^)]*\(/);
  await expect(panel(page).locator('li.finding[data-rule="code-not-allowed"]')).toHaveCount(1);
});

test('L, arrived 09:40, after the 09:25 close: a teacher is offered no U by Alt+Enter, the hint or the panel, is told to tell the office, and nothing is written', async ({ page, mis }) => {
  await openClass4A(page, mis.url);
  const { pupilId, date, session } = DEMO_CASES.lateAfterClose;
  const upn = await upnOf(page, pupilId);
  const item = finding(page, 'late-should-be-u', upn);
  await expect(item).toContainText('Arrived at 09:40, after the register closed at 09:25, but marked L.');
  await expect(item).toContainText('Tell the office: arrived at 09:40, after the register closed at 09:25; they record U.');
  await expect(item.locator('button[data-action="fix"]')).toHaveCount(0);
  await expect(item).not.toContainText('Change the mark to U');

  const input = cellInput(page, pupilId, date, session);
  await input.focus();
  const tip = page.locator('markwise-root .tip');
  await expect(tip).toContainText('Tell the office: arrived at 09:40');
  await expect(tip).not.toContainText('Alt+Enter');
  await page.keyboard.press('Alt+Enter');
  await expect(input).toHaveValue('L');
  await expect(input).toBeFocused();
  await expect(page.locator(`tr[data-pupil-id="${pupilId}"]`)).not.toHaveClass(/dirty/);
  await expect(panel(page).locator('button[data-action="undo"]')).toHaveCount(0);
  await expect(item).toHaveCount(1);
});

test('a typed H: a teacher is told what to do instead, not to change it to C or G', async ({ page, mis }) => {
  await openClass4A(page, mis.url);
  const { pupilId } = DEMO_CASES.lateBeforeClose;
  const upn = await upnOf(page, pupilId);
  const cell = cellInput(page, pupilId, '2025-11-26', 'PM');
  await cell.click();
  await page.keyboard.type('H');
  const tip = page.locator('markwise-root .tip');
  await expect(tip).toContainText('H is no longer an attendance code');
  await expect(tip).toContainText('Tell the office whether the school granted this holiday; they record C or G.');
  await expect(tip).not.toContainText('Change the mark to C or G');
  await expect(tip).not.toContainText('Alt+Enter');
  const item = panel(page).locator(`li.finding[data-rule="code-withdrawn"][data-upn="${upn}"][data-date="2025-11-26"]`);
  await expect(item).toContainText('Tell the office whether the school granted this holiday');
  await expect(item).not.toContainText('Change the mark to');
  await page.keyboard.press('Alt+Enter');
  await expect(cell).toHaveValue('H');
});

test('in the popup a person says they are office staff: the U fix is offered and Alt+Enter writes it; choosing teacher again takes it away', async ({ page, mis, worker, extensionId }) => {
  await openClass4A(page, mis.url);
  const { pupilId, date, session } = DEMO_CASES.lateAfterClose;
  const upn = await upnOf(page, pupilId);
  await expect(finding(page, 'late-should-be-u', upn).locator('button[data-action="fix"]')).toHaveCount(0);

  let popup = await popupFor(page, worker, extensionId, new URL(mis.url).origin);
  const choice = popup.locator('#role-choice');
  await expect(choice.getByRole('radio', { name: 'Teacher' })).toBeChecked();
  await expect(popup.locator('#role-in-use')).toHaveText("Checking with the codes teachers may enter: the site profile's guess.");
  expect(await axeViolations(popup)).toEqual([]);
  await choice.getByRole('radio', { name: 'Office staff' }).check();
  await expect(popup.locator('#role-in-use')).toHaveText('Checking with the codes office staff may enter: your choice (the site profile guesses teacher).');

  await page.bringToFront();
  await page.reload();
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await expect(panel(page)).toContainText('office codes');
  const item = finding(page, 'late-should-be-u', upn);
  await expect(item.locator('button[data-action="fix"]')).toHaveText(/Change to U/);
  await expect(item).toContainText('Change the mark to U.');
  const input = cellInput(page, pupilId, date, session);
  await input.focus();
  await page.keyboard.press('Alt+Enter');
  await expect(input).toHaveValue('U');

  // The choice is kept for the site: the popup says so when opened again, and choosing teacher goes back to the guess.
  await popup.close();
  popup = await popupFor(page, worker, extensionId, new URL(mis.url).origin);
  await expect(popup.locator('#role-choice').getByRole('radio', { name: 'Office staff' })).toBeChecked();
  await expect(popup.locator('#role-in-use')).toContainText('your choice');
  await popup.locator('#role-choice').getByRole('radio', { name: 'Teacher' }).check();
  await expect(popup.locator('#role-in-use')).toHaveText("Checking with the codes teachers may enter: the site profile's guess.");
  await page.reload();
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await expect(panel(page)).toContainText('teacher codes');
  await expect(finding(page, 'late-should-be-u', upn)).toContainText('Tell the office');
  await expect(finding(page, 'late-should-be-u', upn).locator('button[data-action="fix"]')).toHaveCount(0);
});
