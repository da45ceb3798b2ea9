// An MIS app that routes in the fragment (/hashapp/#/attendance/take/4A/…) and shows no UPN, only
// its own numeric pupil id: the built extension follows its hash routes forward and back, starts
// and stops the right profile, keeps what it learns by (site, MIS id), and a report is matched by MIS id.

import type { Page } from '@playwright/test';
import { DEMO_CASES } from '../../demo/mis/school';
import { rowsOf } from './database';
import { expect, panel, test, chooseRole } from './fixtures';

/** The app's own id for a demo pupil: the number of its P-id. */
const ownId = (name: keyof typeof DEMO_CASES) => DEMO_CASES[name].pupilId.slice(1);
const take = (date: string) => `/hashapp/#/attendance/take/4A/${date}/AM`;
const finding = (page: Page, rule: string, id: string, date: string) => panel(page).locator(`li.finding[data-rule="${rule}"][data-upn="${id}"][data-date="${date}"]`);
/** What the popup would say of the MIS tab: the profile its page reported (asked from an extension page, for each tab). */
const tabProfiles = (extensionPage: Page) =>
  extensionPage.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> }; runtime: { sendMessage(m: object): Promise<{ status: { profileId: string | null; registerFound: boolean } | null }> } } }).chrome;
    const tabs = await api.tabs.query({});
    const statuses = await Promise.all(tabs.map(async (t) => (await api.runtime.sendMessage({ type: 'get-tab-status', tabId: t.id })).status));
    return statuses.filter((s) => s !== null).map((s) => `${s.profileId} ${s.registerFound}`);
  });
const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

test('a register routed in the fragment is found, followed forward and back, and its pupils are kept by site and MIS id', async ({ context, page, mis, extensionId }) => {
  // U is the office's to enter (issue 14, item 1): the person says so in the popup.
  await chooseRole(context, extensionId, new URL(mis.url).origin, 'office');
  const site = new URL(mis.url).origin;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await page.bringToFront();
  await page.goto(`${mis.url}${take('2025-11-24')}`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await expect(panel(page)).toContainText('take attendance (hash routes)');
  await expect.poll(() => tabProfiles(options)).toEqual(['demo-hashapp-register true']);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  // The planted cases of Mon 24 Nov, keyed by the MIS's own id (the page shows no UPN).
  await expect(finding(page, 'code-unknown', ownId('invalidCode'), '2025-11-24')).toHaveCount(1);
  const late = finding(page, 'late-should-be-u', ownId('lateAfterClose'), '2025-11-24');
  await expect(late).toHaveCount(1);
  // The fix goes into that pupil's own input.
  await late.locator('button[data-action="fix"]').click();
  await expect(page.locator('tr.hx-pupil', { has: page.locator(`input[value="${ownId('lateAfterClose')}"]`) }).locator('input.hx-mark')).toHaveValue('U');
  await expect(late).toHaveCount(0);

  // Forward to Mon 17 Nov by a hash link: the N planted then is overdue, and Monday's findings went.
  await page.locator('a.hx-day', { hasText: 'Mon 17/11' }).click();
  await expect(page).toHaveURL(/#\/attendance\/take\/4A\/2025-11-17\/AM$/);
  await expect(finding(page, 'n-overdue', ownId('nOverdue17Nov'), '2025-11-17')).toHaveCount(1);
  await expect(finding(page, 'code-unknown', ownId('invalidCode'), '2025-11-24')).toHaveCount(0);

  // A pupil's record, another route of the same page: the other profile starts, and keeps the figure by MIS id.
  const pupil = ownId('nOverdue17Nov');
  await page.locator(`a.hx-name[href="#/students/${pupil}"]`).click();
  await expect(page.locator('h1.hx-name')).toBeVisible();
  await expect(panel(page)).toContainText('student record (hash routes)');
  await expect(page.locator('markwise-pupil-badge .badge')).toHaveCount(1);
  await expect(panel(page).locator('li.finding')).toHaveCount(0);
  await expect.poll(() => tabProfiles(options)).toEqual(['demo-hashapp-student true']);

  // Back to Mon 17 Nov: the register again, its badge from the figure the record showed (same site, same MIS id).
  await page.goBack();
  await expect(panel(page)).toContainText('take attendance (hash routes)');
  await expect(finding(page, 'n-overdue', pupil, '2025-11-17')).toHaveCount(1);
  await expect(page.locator(`markwise-pupil-badge .badge[data-upn="${pupil}"]`)).toHaveCount(1);
  // Back to Mon 24 Nov: read afresh, with the fix the MIS saved; the page never reloaded.
  await page.goBack();
  await expect(page).toHaveURL(/2025-11-24\/AM$/);
  await expect(finding(page, 'code-unknown', ownId('invalidCode'), '2025-11-24')).toHaveCount(1);
  await expect(finding(page, 'late-should-be-u', ownId('lateAfterClose'), '2025-11-24')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // A route no profile names: the panel goes.
  await page.evaluate(() => (location.hash = '#/timetable'));
  await expect(page).toHaveURL(/#\/attendance\/take\/4A\/2025-11-26\/AM$/);
  await page.evaluate(() => history.pushState(null, '', '#/timetable/none'));
  await page.evaluate(() => document.getElementById('hx-app')!.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Timetable' })));
  await expect(panel(page)).toHaveCount(0);
  await expect.poll(() => tabProfiles(options)).toEqual(['null false']);

  // What was kept: by this site and the MIS's id, with no UPN; and no fragment beyond the route.
  await expect.poll(async () => (await rowsOf(options, 'pupilFigures')).filter((r) => r.site === site).map((r) => [r.pupilId, r.upn])).toEqual([[pupil, null]]);
  const n = (await rowsOf(options, 'nFirstSeen')).find((r) => r.key === `${site}|${pupil}|2025-11-17|AM`);
  expect(n).toMatchObject({ site, pupilId: pupil, upn: null, pageUrl: `${site}${take('2025-11-17')}` });
});

test('a report is matched by MIS id for the site it came from, and gives the badge on the hash-routed register', async ({ context, page, mis, extensionId }) => {
  const site = new URL(mis.url).origin;
  const pupil = ownId('invalidCode');
  await page.goto(`${mis.url}${take('2025-11-24')}`);
  const item = finding(page, 'code-unknown', pupil, '2025-11-24');
  await expect(item).toHaveCount(1);
  await expect(page.locator(`markwise-pupil-badge .badge[data-upn="${pupil}"]`)).toHaveCount(0);
  // A dismissal of a pupil shown without a UPN is kept for this site and the MIS's id.
  await item.locator('button[data-action="dismiss"]').click();
  await item.getByLabel('Being dealt with by the office').check();
  await item.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(panel(page).locator('[data-group="dismissed"]')).toContainText('Being dealt with by the office');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('#report-import').setInputFiles(csv('by-id.csv', `Student ID,Name,Possible,Attended\n${pupil},Someone,200,150\n`));
  // Without a UPN column it cannot be matched by UPN: it says so, and offers the MIS id for a site.
  await expect(options.locator('#report-problems li')).toHaveText(["by-id.csv: no column is the pupils' UPN"]);
  await options.locator('#report-match').selectOption({ value: site });
  await expect(options.locator('select[data-field="pupilId"]')).toHaveValue('0');
  await expect(options.locator('#report-rows tbody tr')).toHaveCount(1);
  await options.locator('#report-confirm').click();
  await expect(options.locator('#report-result')).toContainText(`Imported figures for 1 pupil`);
  await expect(options.locator('#report-result')).toContainText(site);
  const rows = await rowsOf(options, 'siteReportFigures');
  expect(rows).toMatchObject([{ site, pupilId: pupil, upn: null, attendance: 75 }]);
  expect(await rowsOf(options, 'reportFigures')).toEqual([]);
  expect((await rowsOf(options, 'dismissals')).map((d) => [d.key, d.site, d.upn])).toEqual([[`${site}|code-unknown|${pupil}|2025-11-24|AM`, site, pupil]]);

  await page.reload();
  const badge = page.locator(`markwise-pupil-badge .badge[data-upn="${pupil}"]`);
  await expect(badge).toHaveCount(1);
  await expect(badge).toHaveAttribute('aria-label', /attendance 75\.0%/);
  await expect(badge.locator('.details')).toContainText('from the attendance report by-id.csv');
  // Only that pupil: the same report matched nobody else on the page.
  await expect(page.locator('markwise-pupil-badge .badge')).toHaveCount(1);
  // Still dismissed after the reload, and after going to another route and back.
  await expect(panel(page).locator(`.group:not([data-group="dismissed"]) li.finding[data-rule="code-unknown"][data-upn="${pupil}"]`)).toHaveCount(0);
  await page.locator('a.hx-day', { hasText: 'Mon 17/11' }).click();
  await expect(panel(page).locator('li.finding[data-rule="n-overdue"]')).toHaveCount(1);
  await page.goBack();
  await expect(panel(page).locator('[data-group="dismissed"]')).toContainText('Being dealt with by the office');
  await expect(panel(page).locator(`.group:not([data-group="dismissed"]) li.finding[data-rule="code-unknown"][data-upn="${pupil}"]`)).toHaveCount(0);
});
