// The check page reading a Common Transfer File (issue 13, item 5), as a school would drop one in.
// Expected findings and figures worked out by hand from test/fixtures/exports/ctf-register.xml,
// whose comment cites the CTF's public sources; the same file the command line tests read.

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeViolations } from './axe';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/exports/${name}`, import.meta.url));
const xmlFile = (name: string) => ({ name, mimeType: 'application/xml', buffer: fixture(name) });

/** Mon 15 Sep 2025: the Monday after the fixture's last marks. */
const TODAY = '2025-09-15';

async function openCheckPage(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/check.html`);
  await expect(page.locator('#check-policy')).toHaveValue('micklefield');
  await page.locator('#check-today').fill(TODAY);
}

test("a CTF's marks are checked: the withdrawn H, the two N marks due soon, and the totals that disagree are said", async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(xmlFile('ctf-register.xml'));
  const result = page.locator('section[data-outcome="checked"]');
  await expect(result).toHaveAttribute('data-findings', '3');
  await expect(page.locator('#result-h')).toHaveText('ctf-register.xml: 1 error, 2 warnings');
  // Ada 20 marks (weekends' '##' make none), Ben 10 last year and 20 this, Chloe 10.
  await expect(result).toContainText('3 pupils and 60 marks, checked against Micklefield CE Primary Academy as of Mon 15 Sep 2025');
  // Ada 85% and Ben 75% miss 10% or more; nobody misses half.
  await expect(result).toContainText('2 pupils persistently absent (missing 10% or more), 0 of them severely (50% or more)');

  const findings = page.locator('[data-testid="findings"] li.finding');
  await expect(findings).toHaveCount(3);
  const withdrawn = page.locator('[data-testid="findings"] li.finding[data-rule="code-withdrawn"]');
  await expect(withdrawn).toHaveCount(1);
  await expect(withdrawn).toContainText('Chloe Dunn');
  await expect(withdrawn).toContainText('Fri 5 Sep 2025');
  const dueSoon = page.locator('[data-testid="findings"] li.finding[data-rule="n-due-soon"]');
  await expect(dueSoon).toHaveCount(2);
  await expect(dueSoon.first()).toContainText('Ada Okafor');

  await expect(page.locator('#file-warnings li')).toHaveText([
    'ctf-register.xml line 88, Pupil 2 (UPN Y383299902001) YearData 2025 SessionsAttended: the file says 16 sessions attended but its marks give 15',
    'ctf-register.xml line 89, Pupil 2 (UPN Y383299902001) YearData 2025 SessionsUnauthorised: the file says 4 sessions of unauthorised absence but its marks give 5',
  ]);
  expect(await axeViolations(page)).toEqual([]);
});

test('a CTF carrying a DTD is refused with its message, and nothing is checked', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(xmlFile('ctf-doctype.xml'));
  const alert = page.locator('[data-outcome="refused"]');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toHaveAttribute('data-shape', 'xml-other');
  await expect(alert.locator('li')).toHaveText([
    'ctf-doctype.xml line 2: this XML file declares a DTD (<!DOCTYPE>): a Common Transfer File never has one, and Markwise does not read DTDs or the entities they declare. Export the CTF from the MIS again',
  ]);
  await expect(page.locator('section[data-outcome="checked"]')).toHaveCount(0);
});

test('a CTF with a mistake in it is a register export that could not be read, with the line and the pupil', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  // The fixture with pupil 2's UPN emptied: whose marks these are cannot be told, so nothing is checked.
  const text = fixture('ctf-register.xml').toString('utf8').replace('<UPN>Y383299902001</UPN>', '<UPN></UPN>');
  await page.locator('#export-file').setInputFiles({ name: 'no-upn.xml', mimeType: 'application/xml', buffer: Buffer.from(text) });
  const alert = page.locator('[data-outcome="refused"]');
  await expect(alert).toHaveAttribute('data-shape', 'ctf');
  await expect(alert).toContainText('no-upn.xml could not be read, so nothing was checked');
  await expect(alert.locator('li')).toHaveText(['no-upn.xml line 60, Pupil 2: this pupil has no UPN, so Markwise cannot tell whose marks these are']);
  await expect(page.locator('section[data-outcome="checked"]')).toHaveCount(0);
});
