// The follow-up list read by pupil (issue 14, item 9), in the built extension: N records stored as
// register pages would have left them are planted in Markwise's own database, and the list shows one
// row per pupil, matched by UPN whatever order a page printed the name in, two rows for two UPNs of
// one name, and "first seen" as the stored date and time, never later than the date it is as of.

import type { Page } from '@playwright/test';
import { schoolCalendarFor } from '../../rules/calendar/bank-holidays';
import { nDeadline } from '../../rules/checks/unexplained-absence';
import { presetPolicy } from '../../rules/presets';
import { plant } from './database';
import { expect, test } from './fixtures';
import { axeViolations } from './axe';

const SITE = 'http://localhost:5178';

function nRow(pupilId: string, upn: string | null, name: string, date: string, session: 'AM' | 'PM', firstSeen: string) {
  return {
    key: `${SITE}|${pupilId}|${date}|${session}`,
    firstSeen,
    site: SITE,
    pupilId,
    date,
    session,
    upn,
    name,
    lastSeen: firstSeen,
    pageUrl: `${SITE}/register/class?class=4A`,
    pageTitle: 'Register 4A',
  };
}

async function openDashboard(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(page.locator('#open-n-h')).toBeVisible();
}

test('one row per pupil: four N of one pupil, one UPN printed two ways, and two UPNs of one name', async ({ page, extensionId }) => {
  // The development build checks as of the demo's day, Wed 26 Nov 2025.
  await openDashboard(page, extensionId);
  await plant(page, {
    nFirstSeen: [
      // Arthur Begum, seen four times (the class register, then the office's list printing "Begum, Arthur").
      nRow('1001', 'A100000000001', 'Arthur Begum', '2025-11-20', 'AM', '2025-11-20T09:41:00.000Z'),
      nRow('1001', 'A100000000001', 'Arthur Begum', '2025-11-20', 'PM', '2025-11-20T13:41:00.000Z'),
      nRow('1001', 'A100000000001', 'Arthur Begum', '2025-11-21', 'AM', '2025-11-21T09:05:00.000Z'),
      nRow('S1001', 'A100000000001', 'Begum, Arthur', '2025-11-21', 'PM', '2025-11-24T08:55:00.000Z'),
      // Grace Smith-Jones as the register prints her, and as the office's list does, under one UPN.
      nRow('1002', 'G100000000002', 'Grace Smith-Jones', '2025-11-24', 'AM', '2025-11-24T09:12:00.000Z'),
      nRow('S1002', 'G100000000002', 'Smith-Jones, Grace', '2025-11-25', 'AM', '2025-11-25T10:30:00.000Z'),
      // Another pupil of the same name, with her own UPN: never the same pupil.
      nRow('1003', 'G100000000003', 'Grace Smith-Jones', '2025-11-25', 'PM', '2025-11-25T14:02:00.000Z'),
    ],
  });
  await page.reload();

  const rows = page.locator('tr.pupil');
  await expect(rows).toHaveCount(3);
  const arthur = page.locator('tr.pupil[data-upn="A100000000001"]');
  await expect(arthur).toHaveCount(1);
  await expect(arthur.locator('th')).toContainText('Arthur Begum');
  await expect(arthur.locator('.open-n')).toHaveCount(4);
  // Most urgent first: the 20 November morning's deadline comes first.
  expect(await arthur.locator('.open-n').evaluateAll((items) => items.map((i) => `${i.getAttribute('data-date')} ${i.getAttribute('data-session')}`))).toEqual([
    '2025-11-20 AM',
    '2025-11-20 PM',
    '2025-11-21 AM',
    '2025-11-21 PM',
  ]);

  const grace = page.locator('tr.pupil[data-upn="G100000000002"]');
  await expect(grace).toHaveCount(1);
  await expect(grace.locator('th')).toContainText('Grace Smith-Jones');
  await expect(grace.locator('th')).not.toContainText('Smith-Jones, Grace');
  await expect(grace.locator('.open-n')).toHaveCount(2);
  const otherGrace = page.locator('tr.pupil[data-upn="G100000000003"]');
  await expect(otherGrace).toHaveCount(1);
  await expect(otherGrace.locator('.open-n')).toHaveCount(1);

  // First seen: the stored date and time, as staff in England read it.
  await expect(arthur.locator('.open-n[data-date="2025-11-21"][data-session="PM"] .first-seen')).toHaveText('Mon 24 Nov 2025, 08:55');
  await expect(grace.locator('.open-n[data-date="2025-11-25"] .first-seen')).toHaveText('Tue 25 Nov 2025, 10:30');
  await expect(page.locator('#open-n-as-of')).toHaveText('Wed 26 Nov 2025');

  expect(await axeViolations(page)).toEqual([]);
});

test('left open past midnight, the list is as of the new day: an N first seen after midnight is never later than the date it is as of', async ({ page, extensionId }) => {
  await openDashboard(page, extensionId);
  // Checking as of today in England, not the demo's fixed day.
  await plant(page, {
    settings: [{ key: 'today', value: { mode: 'real' } }],
    // Recorded by the background two minutes after midnight, while the list stood open from the evening before.
    nFirstSeen: [nRow('1001', 'A100000000001', 'Arthur Begum', '2025-11-26', 'AM', '2025-11-26T00:02:00.000Z')],
  });
  await page.clock.install({ time: new Date('2025-11-25T23:58:00.000Z') });
  await page.reload();
  await expect(page.locator('#open-n-as-of')).toHaveText('Tue 25 Nov 2025');

  await page.clock.runFor('05:00');
  await expect(page.locator('#open-n-as-of')).toHaveText('Wed 26 Nov 2025');
  const n = page.locator('tr.pupil[data-upn="A100000000001"] .open-n');
  await expect(n.locator('.first-seen')).toHaveText('Wed 26 Nov 2025, 00:02');
  // Counted from the new day too (the development build's policy is Micklefield's).
  const policy = presetPolicy('micklefield');
  const fromToday = nDeadline(schoolCalendarFor(policy.calendar), policy, '2025-11-26', '2025-11-26').schoolDaysLeft;
  expect(fromToday).not.toBe(nDeadline(schoolCalendarFor(policy.calendar), policy, '2025-11-26', '2025-11-25').schoolDaysLeft);
  await expect(n).toHaveAttribute('data-days-left', String(fromToday));
});
