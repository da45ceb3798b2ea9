// Issue 14, items 5 and 7: the office's walk through the panel by keyboard alone, on the demo's
// class register (30 pupils, 300 inputs): focus stays in the panel after Change to, Undo and
// Dismiss; Dismiss asks for a reason with none chosen; a shortcut and a skip link reach the panel;
// each finding says what in one line, with the regulation behind "Why?".

import type { Page } from '@playwright/test';
import { chooseRole, expect, panel, test } from './fixtures';
import { axeViolations } from './axe';

/** Whether the page's focus is inside Markwise's own element (its shadow host holds it). */
function focusInMarkwise(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.tagName.toLowerCase() === 'markwise-root');
}

/** The focused element's rectangle, and the viewport's size. */
function focusedRect(page: Page) {
  return page.evaluate(() => {
    const inner = document.querySelector('markwise-root')?.shadowRoot?.activeElement;
    const r = inner?.getBoundingClientRect();
    return r === undefined ? null : { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: innerWidth, height: innerHeight };
  });
}

async function expectClean(page: Page, what: string) {
  expect(await axeViolations(page, ['markwise-root']), what).toEqual([]);
}

test.beforeEach(async ({ page }) => {
  // The walk of the issue: a laptop's screen.
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('Change to, Undo and Dismiss by keyboard keep focus in the panel; Dismiss asks for a reason, none chosen for you', async ({ context, extensionId, page, mis }) => {
  // Office staff: a teacher is offered no fix a teacher may not enter (issue 14, item 1).
  await chooseRole(context, extensionId, new URL(mis.url).origin, 'office');
  await page.goto(`${mis.url}/register/class?class=4A`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const item = panel(page).locator('li.finding', { has: page.locator('button[data-action="fix"]') }).first();
  const fixButton = item.locator('button[data-action="fix"]');
  await expect(fixButton).toHaveText(/^Change to \S+$/);
  const where = {
    rule: (await item.getAttribute('data-rule'))!,
    upn: (await item.getAttribute('data-upn'))!,
    date: (await item.getAttribute('data-date'))!,
    session: (await item.getAttribute('data-session'))!,
  };
  const sameFinding = panel(page).locator(
    `.group:not([data-group="dismissed"]) li.finding[data-rule="${where.rule}"][data-upn="${where.upn}"][data-date="${where.date}"][data-session="${where.session}"]`,
  );

  // Change to …, pressed with Enter: focus goes to the confirmation, in view, not to the page's body.
  await fixButton.focus();
  await page.keyboard.press('Enter');
  const confirmation = panel(page).locator('li[data-fix] .done').first();
  await expect(confirmation).toContainText('Save the register in the MIS to keep it');
  await expect(confirmation).toBeFocused();
  expect(await focusInMarkwise(page)).toBe(true);
  const rect = (await focusedRect(page))!;
  expect(rect.top).toBeGreaterThanOrEqual(0);
  expect(rect.left).toBeGreaterThanOrEqual(0);
  expect(rect.bottom).toBeLessThanOrEqual(rect.height);
  expect(rect.right).toBeLessThanOrEqual(rect.width);
  await expectClean(page, 'after Change to');

  // Its Undo is the next Tab stop; Undo puts focus on the finding that came back.
  await page.keyboard.press('Tab');
  await expect(panel(page).locator('li[data-fix] button[data-action="undo"]').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel(page).locator('li[data-fix]')).toHaveCount(0);
  await expect(sameFinding).toBeFocused();
  expect(await focusInMarkwise(page)).toBe(true);
  await expectClean(page, 'after Undo');

  // Dismiss…: focus on the reasons, none of them chosen.
  // The finding after it in the panel (across groups), or before it if it is the last.
  const open = await panel(page)
    .locator('.group:not([data-group="dismissed"]) li.finding')
    .evaluateAll((lis) => lis.map((n) => [n.getAttribute('data-rule'), n.getAttribute('data-upn'), n.getAttribute('data-date'), n.getAttribute('data-session')]));
  const at = open.findIndex((n) => n.join('|') === [where.rule, where.upn, where.date, where.session].join('|'));
  expect(at).toBeGreaterThanOrEqual(0);
  const next = open[at + 1] ?? open[at - 1] ?? null;
  expect(next).not.toBeNull();
  await sameFinding.locator('button[data-action="dismiss"]').focus();
  await page.keyboard.press('Enter');
  const form = sameFinding.locator('.dismiss-form');
  const radios = form.getByRole('radio');
  await expect(radios).toHaveCount(4);
  await expect(radios.first()).toBeFocused();
  for (const radio of await radios.all()) await expect(radio).not.toBeChecked();
  await expectClean(page, 'the dismiss form');

  // Dismissing with no reason chosen: an error at the field, nothing dismissed, focus back on the reasons.
  await form.getByRole('button', { name: 'Dismiss', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(form.locator('.error-message')).toContainText('Choose why you are dismissing this finding');
  await expect(panel(page).locator('[data-group="dismissed"]')).toHaveCount(0);
  await expect(radios.first()).toBeFocused();
  await expect(form.getByRole('group')).toHaveAccessibleDescription(/Choose why you are dismissing this finding/);
  await expectClean(page, 'the dismiss form with its error');

  // A reason chosen by keyboard (arrows move the choice), then Dismiss: focus on the next finding.
  await page.keyboard.press('ArrowDown');
  await expect(form.getByLabel('Being dealt with by the office')).toBeChecked();
  await form.getByRole('button', { name: 'Dismiss', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(panel(page).locator('[data-group="dismissed"]')).toContainText('Being dealt with by the office');
  await expect(panel(page).locator(`li.finding[data-rule="${next![0]}"][data-upn="${next![1]}"][data-date="${next![2]}"][data-session="${next![3]}"]`)).toBeFocused();
  expect(await focusInMarkwise(page)).toBe(true);
  await expectClean(page, 'after Dismiss');
});

test('Alt+Shift+M and the skip link take focus to the panel, opening it if collapsed; the shortcut is declared', async ({ page, mis }) => {
  await page.goto(`${mis.url}/register/class?class=4A`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const heading = panel(page).locator('h2');
  await expect(heading).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+M');

  // From a register cell, where the office is typing: the shortcut types nothing into the cell.
  const cell = page.locator('tr[data-pupil-id] td.reg-cell input.reg-code').first();
  await cell.focus();
  const before = await cell.inputValue();
  await page.keyboard.press('Alt+Shift+KeyM');
  await expect(heading).toBeFocused();
  expect(await focusInMarkwise(page)).toBe(true);
  expect(await cell.inputValue()).toBe(before);

  // Collapsed, the shortcut opens the panel too.
  await panel(page).locator('button[data-action="collapse"]').click();
  await expect(panel(page)).toHaveClass(/collapsed/);
  await cell.focus();
  await page.keyboard.press('Alt+Shift+KeyM');
  await expect(panel(page)).not.toHaveClass(/collapsed/);
  await expect(heading).toBeFocused();

  // The skip link is the page's first Tab stop, shown when focused, and goes to the panel.
  await page.reload();
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await page.keyboard.press('Tab');
  const skip = page.locator('markwise-skip a');
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await expect(skip).toContainText('Skip to the Markwise panel');
  await expect(skip).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+M');
  expect(await axeViolations(page, ['markwise-skip'])).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();
  expect(await focusInMarkwise(page)).toBe(true);
  // Nothing of the MIS's own markup changed: the skip link's host is Markwise's own element.
  expect(await page.evaluate(() => document.body.querySelector('markwise-skip'))).toBeNull();
});

test('each finding says what in one line; the regulation paragraph is behind "Why?"', async ({ page, mis }) => {
  await page.goto(`${mis.url}/register/class?class=4A`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const item = panel(page).locator('li.finding').first();
  const why = item.locator('.why');
  await expect(why.locator('button.summary')).toHaveText('Why?');
  await expect(item.locator('.what')).toBeVisible();
  const paragraph = why.locator('p');
  await expect(paragraph).toBeHidden();
  await expectClean(page, 'why closed');
  await why.locator('button.summary').focus();
  await page.keyboard.press('Enter');
  await expect(paragraph).toBeVisible();
  await expect(paragraph).not.toHaveText('');
  await expectClean(page, 'why open');
});
