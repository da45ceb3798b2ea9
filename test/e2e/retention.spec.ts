// Retention runs on the real date (issue 11, items 5 and 6): a fixed checking date is for checking
// only. Opening the options page with a checking date in a later school year deletes nothing of
// this or the previous real school year; keeping this school year only asks first, saying what
// would go; an N whose deadline falls after 1 September stays; pages' figures are dated today.

import type { Page } from '@playwright/test';
import { presetInput } from '../../rules/presets';
import { academicYearStarting } from '../../rules/calendar/school-calendar';
import { todayInEngland } from '../../storage/bundle';
import { formatSchoolDate } from '../../rules/dates';

const formatDate = (date: string) => formatSchoolDate(date);
import { expect, panel, test } from './fixtures';
import { axeViolations } from './axe';
import { plant, rowsOf } from './database';


/** The real date in England the test runs on, and its school year's first calendar year. */
const TODAY = todayInEngland();
const YEAR = academicYearStarting(TODAY);
/** A day of the previous real school year, and one of the year before it. */
const LAST_YEAR = `${YEAR - 1}-10-01`;
const TWO_YEARS_AGO = `${YEAR - 2}-10-01`;

const SITE = 'https://mis.example';
const n = (pupilId: string, date: string) => ({ key: `${SITE}|${pupilId}|${date}|AM`, site: SITE, pupilId, date, session: 'AM', upn: null, name: pupilId, firstSeen: `${date}T09:00:00.000Z`, lastSeen: `${date}T09:00:00.000Z`, pageUrl: null, pageTitle: null });
const figure = (pupilId: string, seenOn: string) => ({ site: SITE, pupilId, upn: null, name: pupilId, attendance: 90, possible: null, attended: null, seenOn, seenAt: `${seenOn}T09:00:00.000Z` });
const report = (upn: string, asOf: string) => ({ upn, name: upn, attendance: 91, possible: 100, attended: 91, authorised: null, unauthorised: null, asOf, source: 'week.csv', importedAt: `${asOf}T10:00:00.000Z` });
const marks = (pupilId: string, date: string) => ({ key: `${SITE}|${pupilId}`, site: SITE, pupilId, upn: `U${pupilId}`, name: pupilId, dob: null, marks: [{ date, session: 'AM', mark: '/', arrival: null }], seenOn: date });

const ids = (rows: Record<string, unknown>[], field: string) => rows.map((r) => String(r[field])).sort();

async function openOptions(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('#active-policy')).toBeVisible();
}

async function checkAsOf(page: Page, date: string): Promise<void> {
  const section = page.locator('section[data-section="today"]');
  await section.locator('input[type="date"]').fill(date);
  await section.getByRole('button', { name: 'Check as of this date' }).click();
  await expect(section).toContainText('(a fixed date)');
}

test('a checking date in a later school year deletes nothing of this or the previous real school year', async ({ page, extensionId }) => {
  await openOptions(page, extensionId);
  await plant(page, {
    nFirstSeen: [n('this-year', TODAY), n('last-year', LAST_YEAR)],
    pupilFigures: [figure('this-year', TODAY), figure('last-year', LAST_YEAR)],
    reportFigures: [report('R1', TODAY), report('R2', LAST_YEAR)],
    pupilMarks: [marks('this-year', TODAY), marks('last-year', LAST_YEAR)],
  });
  await checkAsOf(page, `${YEAR + 2}-01-15`);
  await page.reload();
  await expect(page.locator('#retention-note')).toBeVisible();
  expect(ids(await rowsOf(page, 'nFirstSeen'), 'pupilId')).toEqual(['last-year', 'this-year']);
  expect(ids(await rowsOf(page, 'pupilFigures'), 'pupilId')).toEqual(['last-year', 'this-year']);
  expect(ids(await rowsOf(page, 'reportFigures'), 'upn')).toEqual(['R1', 'R2']);
  expect(ids(await rowsOf(page, 'pupilMarks'), 'pupilId')).toEqual(['last-year', 'this-year']);
  // The page says it goes by today in England, not the checking date.
  await expect(page.locator('#retention-note')).toContainText(`dated before ${formatDate(`${YEAR - 1}-09-01`)}`);
});

test('keeping this school year only asks first, saying what would be deleted by kind, and deletes nothing without a yes', async ({ page, extensionId }) => {
  await openOptions(page, extensionId);
  await plant(page, {
    nFirstSeen: [n('this-year', TODAY), n('last-year', LAST_YEAR), n('older', TWO_YEARS_AGO)],
    pupilFigures: [figure('this-year', TODAY), figure('last-year', LAST_YEAR)],
  });
  // Data from before the previous real school year goes by itself.
  await page.reload();
  await expect(page.locator('#retention')).toHaveValue('previous-school-year');
  await expect.poll(async () => ids(await rowsOf(page, 'nFirstSeen'), 'pupilId')).toEqual(['last-year', 'this-year']);
  await expect(page.locator('#retention-confirm')).toHaveCount(0);

  await page.locator('#retention').selectOption('this-school-year');
  const question = page.locator('#retention-confirm');
  await expect(question).toContainText(`Keeping pupil data from ${formatDate(`${YEAR}-09-01`)} would delete 1 attendance figure seen on pages, 1 N record.`);
  await expect(question).toContainText('Nothing is deleted until you say yes');
  // The question is keyboard reachable and axe-clean like the rest of the page.
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);
  await page.locator('#retention-confirm-yes').focus();
  await expect(page.locator('#retention-confirm-yes')).toBeFocused();
  // Opening the page again still asks, and still deletes nothing.
  await page.reload();
  await expect(page.locator('#retention-confirm')).toBeVisible();
  expect(ids(await rowsOf(page, 'nFirstSeen'), 'pupilId')).toEqual(['last-year', 'this-year']);
  expect(ids(await rowsOf(page, 'pupilFigures'), 'pupilId')).toEqual(['last-year', 'this-year']);

  await page.locator('#retention-confirm-yes').click();
  await expect(page.locator('#retention-result')).toContainText('Deleted 2 records');
  await expect(page.locator('#retention-confirm')).toHaveCount(0);
  expect(ids(await rowsOf(page, 'nFirstSeen'), 'pupilId')).toEqual(['this-year']);
  expect(ids(await rowsOf(page, 'pupilFigures'), 'pupilId')).toEqual(['this-year']);
});

test('while the newest data is dated far after today, nothing is deleted until someone says yes', async ({ page, extensionId }) => {
  await openOptions(page, extensionId);
  const ahead = new Date(`${TODAY}T12:00:00Z`);
  ahead.setUTCDate(ahead.getUTCDate() + 60);
  const future = ahead.toISOString().slice(0, 10);
  await plant(page, { pupilFigures: [figure('ahead', future), figure('older', TWO_YEARS_AGO)] });
  await page.reload();
  await expect(page.locator('#retention-ahead')).toContainText(`The newest pupil data held is dated ${formatDate(future)}`);
  await expect(page.locator('#retention-confirm')).toContainText('would delete 1 attendance figure seen on pages');
  expect(ids(await rowsOf(page, 'pupilFigures'), 'pupilId')).toEqual(['ahead', 'older']);
  await page.locator('#retention-confirm-yes').click();
  await expect(page.locator('#retention-result')).toContainText('Deleted 1 record');
  expect(ids(await rowsOf(page, 'pupilFigures'), 'pupilId')).toEqual(['ahead']);
});

test('"this school year only" keeps an N from late July whose deadline falls in September', async ({ page, extensionId }) => {
  await openOptions(page, extensionId);
  await page.locator('section[data-section="today"]').getByRole('button', { name: 'Check as of today' }).click();
  // A policy whose summer term ends on 22 July of the previous real school year.
  const policy = structuredClone(presetInput('micklefield')) as unknown as { id: string; schoolName: string; calendar: { academicYears: unknown[] } };
  policy.id = 'late-july';
  policy.schoolName = 'Late July School';
  policy.calendar.academicYears = [
    {
      label: `${YEAR - 1}-${String(YEAR % 100).padStart(2, '0')}`,
      terms: [
        { name: 'Autumn', start: `${YEAR - 1}-09-03`, end: `${YEAR - 1}-12-18` },
        { name: 'Spring', start: `${YEAR}-01-05`, end: `${YEAR}-03-27` },
        { name: 'Summer', start: `${YEAR}-04-13`, end: `${YEAR}-07-22` },
      ],
      closures: [],
    },
  ];
  await page.locator('#policy-import').setInputFiles({ name: 'late-july.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(policy)) });
  await expect(page.locator('#active-policy')).toHaveValue('late-july');
  const lateJuly = firstWeekdayFrom(`${YEAR}-07-18`);
  const june = firstWeekdayFrom(`${YEAR}-06-10`);
  await plant(page, { nFirstSeen: [n('late-july', lateJuly), n('june', june), n('this-year', TODAY)] });
  await page.locator('#retention').selectOption('this-school-year');
  await expect(page.locator('#retention-note')).toContainText(formatDate(`${YEAR}-09-01`));
  // Asked first (item 5): say yes.
  const yes = page.locator('#retention-confirm-yes');
  await yes.waitFor({ timeout: 5000 }).catch(() => {});
  if (await yes.isVisible()) await yes.click();
  await expect.poll(async () => ids(await rowsOf(page, 'nFirstSeen'), 'pupilId')).not.toContain('june');
  expect(ids(await rowsOf(page, 'nFirstSeen'), 'pupilId')).toEqual(['late-july', 'this-year']);
});

test("a register page's figures and marks are stored dated today in England, not the fixed checking date", async ({ page, mis, extensionId }) => {
  // Development builds check the demo as of its fixed day, Wed 26 Nov 2025.
  await page.goto(`${mis.url}/pupils`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const options = await page.context().newPage();
  await openOptions(options, extensionId);
  await expect.poll(async () => (await rowsOf(options, 'pupilFigures')).length).toBeGreaterThan(0);
  expect(new Set((await rowsOf(options, 'pupilFigures')).map((r) => r.seenOn))).toEqual(new Set([TODAY]));
});

function firstWeekdayFrom(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
