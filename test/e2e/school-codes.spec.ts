// The options page's table of the school's own codes (issue 13, item 3), with the built extension:
// rows are added with the keyboard, saved, shown again after a reload and carried by the policy
// export; a row with a mistake is marked at its field, and the save changes nothing.

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeViolations } from './axe';
import { dumpDatabase } from './database';


const CODE = 'Code (as the MIS writes it, up to 4 characters)';
const DFE = 'DfE code it stands for';
const NAME = 'Name (what the school calls it)';
const row = (page: Page, n: number) => page.getByRole('group', { name: `School code ${n}` });

test.beforeEach(async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('#active-policy')).toBeVisible();
  // The development build's own policy (a choice here would reload the form while it is filled in).
  await expect(page.locator('#active-policy')).toHaveValue('micklefield');
  await expect(page.getByLabel('School name')).toHaveValue('Micklefield CE Primary Academy');
  await expect(page.locator('#school-codes-none')).toHaveText('None: every mark is read as written.');
});

test('school codes are added from the keyboard, saved, shown after a reload and exported with the policy', async ({ page }) => {
  // Row 1, from the keyboard alone: the add button, then Tab from field to field.
  await page.locator('#add-school-code').focus();
  await page.keyboard.press('Enter');
  await row(page, 1).getByLabel(CODE).focus();
  await page.keyboard.type('I01');
  await page.keyboard.press('Tab');
  await expect(row(page, 1).getByLabel(DFE)).toBeFocused();
  // The list names each code with its meaning.
  await expect(row(page, 1).getByLabel(DFE).locator('option[value="I"]')).toHaveText('I: Illness (not a medical or dental appointment)');
  await row(page, 1).getByLabel(DFE).selectOption('I');
  await page.keyboard.press('Tab');
  await expect(row(page, 1).getByLabel(NAME)).toBeFocused();
  await page.keyboard.type("Illness: doctor's note seen");

  await page.locator('#add-school-code').click();
  await row(page, 2).getByLabel(CODE).fill('7');
  await row(page, 2).getByLabel(DFE).selectOption('X');
  await row(page, 2).getByLabel(NAME).fill('Not required to attend (COVID-era code)');
  expect(await axeViolations(page)).toEqual([]);

  await page.locator('#save-policy').click();
  await expect(page.locator('#policy-save-result')).toContainText('Saved.');
  await page.reload();
  await expect(row(page, 1).getByLabel(CODE)).toHaveValue('I01');
  await expect(row(page, 1).getByLabel(DFE)).toHaveValue('I');
  await expect(row(page, 1).getByLabel(NAME)).toHaveValue("Illness: doctor's note seen");
  await expect(row(page, 2).getByLabel(CODE)).toHaveValue('7');
  await expect(row(page, 2).getByLabel(DFE)).toHaveValue('X');
  await expect(row(page, 3)).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#policy-export').click()]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(exported.schoolCodes).toEqual([
    { code: 'I01', dfe: 'I', name: "Illness: doctor's note seen" },
    { code: '7', dfe: 'X', name: 'Not required to attend (COVID-era code)' },
  ]);

  // Removing a row and saving takes it out.
  await row(page, 1).getByRole('button', { name: 'Remove school code 1' }).click();
  await page.locator('#save-policy').click();
  await expect(page.locator('#policy-save-result')).toContainText('Saved.');
  await page.reload();
  await expect(row(page, 1).getByLabel(CODE)).toHaveValue('7');
  await expect(row(page, 2)).toHaveCount(0);
});

test('a row with a mistake is refused at its field, and nothing changes', async ({ page }) => {
  const before = await dumpDatabase(page);
  await page.locator('#add-school-code').click();
  await row(page, 1).getByLabel(CODE).fill('L');
  await row(page, 1).getByLabel(DFE).selectOption('U');
  await row(page, 1).getByLabel(NAME).fill('Late after the register closed');
  await page.locator('#add-school-code').click();
  await row(page, 2).getByLabel(CODE).fill('7');
  // No DfE code chosen for row 2.
  await row(page, 2).getByLabel(NAME).fill('COVID-era code');
  await page.locator('#save-policy').click();

  // GOV.UK's error summary at the top of the form, focused (issue 14, item 8).
  const result = page.locator('#policy-errors');
  await expect(result).toBeFocused();
  await expect(result.getByRole('alert')).toContainText('The policy was not saved: nothing has changed.');
  await expect(result).toContainText("School code 1, the code: L is a DfE code already: the table is for the school's own codes");
  await expect(result).toContainText('School code 2, the DfE code: is empty: choose the DfE code this one stands for');
  // At the field: the message, and the control marked and described by it.
  const code = row(page, 1).getByLabel(CODE);
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveAccessibleDescription("Error: L is a DfE code already: the table is for the school's own codes");
  await expect(row(page, 2).getByLabel(DFE)).toHaveAccessibleDescription('Error: Choose the DfE code this one stands for, such as I or X');
  await expect(row(page, 1).getByLabel(NAME)).not.toHaveAttribute('aria-invalid', 'true');
  expect(await axeViolations(page)).toEqual([]);

  expect(await dumpDatabase(page)).toEqual(before);
  await page.reload();
  await expect(page.locator('#school-codes-none')).toBeVisible();
  await expect(row(page, 1)).toHaveCount(0);
});
