// The follow-up page in the built extension: staff walk register pages of the demo MIS, and the
// page lists every N they showed with the right countdown for the demo's fixed day; an N a
// register later shows with a code leaves the list; the list downloads as CSV.

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { DEMO_TODAY } from '../../demo/make-demo-register';
import { DEFAULT_UNEXPLAINED_FROM, DEFAULT_WEEK, weekSessions } from '../../demo/mis/pages';
import { CURRENT_YEAR, DEMO_CASES, attendanceOf, formatPercent, generateSchool, markKey, pupilsOfClass, registerName, type ClassId, type DemoPupil } from '../../demo/mis/school';
import { bandFor, tierFor } from '../../rules/checks/standing';
import { pupilCard } from '../../rules/pupil-card';
import { schoolCalendarFor } from '../../rules/calendar/bank-holidays';
import { nDeadline } from '../../rules/checks/unexplained-absence';
import { formatSchoolDate } from '../../rules/dates';
import { presetPolicy } from '../../rules/presets';
import { rowsOf } from './database';
import { expect, panel, test } from './fixtures';
import { axeViolations } from './axe';

const policy = presetPolicy('micklefield');
const calendar = schoolCalendarFor(policy.calendar);
/** The demo MIS as the server generates it for each test (the same seed). */
const school = generateSchool();

interface Expected {
  upn: string;
  date: string;
  session: 'AM' | 'PM';
  status: string;
  daysLeft: number;
}

const isN = (pupil: DemoPupil, date: string, session: 'AM' | 'PM') => pupil.marks.get(markKey(date, session))?.code.trim().toUpperCase() === 'N';

function expected(pupil: DemoPupil, date: string, session: 'AM' | 'PM'): Expected {
  const d = nDeadline(calendar, policy, date, DEMO_TODAY);
  return { upn: pupil.upn, date, session, status: d.status, daysLeft: d.schoolDaysLeft };
}

/** The week before the demo's, which holds 4A's planted N of 17, 19 and 20 November. */
const WEEK_BEFORE = '2025-11-17';

/** The N on a class's register for a week. */
function nOnRegister(classId: ClassId, week: string): Expected[] {
  return pupilsOfClass(school, classId).flatMap((p) => weekSessions(week).flatMap((s) => (isN(p, s.date, s.session) ? [expected(p, s.date, s.session)] : [])));
}

/** The N on the office's list of unexplained absences (the whole school, its default range). */
function nOnOfficeList(): Expected[] {
  return school.pupils.flatMap((p) =>
    [...p.marks.keys()].flatMap((key) => {
      const [date, session] = key.split('|') as [string, 'AM' | 'PM'];
      return date >= DEFAULT_UNEXPLAINED_FROM && date <= DEMO_TODAY && isN(p, date, session) ? [expected(p, date, session)] : [];
    }),
  );
}

const keyOf = (e: Pick<Expected, 'upn' | 'date' | 'session'>) => `${e.upn}|${e.date}|${e.session}`;
const sorted = (list: Expected[]) => [...new Map(list.map((e) => [keyOf(e), e])).values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));

async function listed(dashboard: Page): Promise<Expected[]> {
  const rows = await dashboard.locator('li.open-n').evaluateAll((trs) =>
    trs.map((tr) => ({
      upn: tr.getAttribute('data-upn')!,
      date: tr.getAttribute('data-date')!,
      session: tr.getAttribute('data-session') as 'AM' | 'PM',
      status: tr.getAttribute('data-status')!,
      daysLeft: Number(tr.getAttribute('data-days-left')),
    })),
  );
  return rows.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

async function openRegister(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
}

test('the N codes of every register page walked are listed by deadline, with the countdown for the fixed day', async ({ context, page, mis, extensionId }) => {
  const walk: [ClassId, string][] = [
    ['4A', WEEK_BEFORE],
    ['4A', DEFAULT_WEEK],
    ['4B', DEFAULT_WEEK],
    ['3A', DEFAULT_WEEK],
  ];
  const fromRegisters = sorted(walk.flatMap(([classId, week]) => nOnRegister(classId, week)));
  // Every kind of deadline is among them: the demo plants them in 4A.
  expect(fromRegisters.length).toBeGreaterThan(5);
  expect(new Set(fromRegisters.map((e) => e.status))).toEqual(new Set(['overdue', 'due-today', 'due-soon', 'later']));

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(dashboard.locator('#open-n-h')).toBeVisible();
  await expect(dashboard.locator('li.open-n')).toHaveCount(0);

  for (const [classId, week] of walk) await openRegister(page, `${mis.url}/register/class?class=${classId}&week=${week}`);
  // The dashboard, open in its own tab all along, catches up as the background records each page.
  await expect(dashboard.locator('li.open-n')).toHaveCount(fromRegisters.length);
  expect(await listed(dashboard)).toEqual(fromRegisters);

  // A planted case, in words: 4A's N from Wed 19 Nov is due today (26 Nov is the fifth school day after).
  const dueToday = dashboard.locator('li.open-n[data-status="due-today"][data-date="2025-11-19"]');
  await expect(dueToday.locator('.countdown')).toHaveText('due today');
  await expect(dueToday.locator('a')).toHaveText('Register 4A, week beginning 17/11/2025 - Oakfield Primary School');
  await expect(dashboard.locator('li.open-n[data-status="due-soon"][data-date="2025-11-20"] .countdown').first()).toHaveText('1 school day left');

  // The office's list of the whole school's unexplained absences adds the older ones.
  await openRegister(page, `${mis.url}/office/unexplained`);
  const everything = sorted([...fromRegisters, ...nOnOfficeList()]);
  await expect(dashboard.locator('li.open-n')).toHaveCount(everything.length);
  expect(await listed(dashboard)).toEqual(everything);
  await expect(dashboard.locator('li.open-n[data-status="overdue"][data-date="2025-11-13"][data-session="PM"] .countdown')).toHaveText('overdue by 4 school days');

  // The list downloads as CSV, a row an N, most urgent first.
  const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.locator('#download-open-n').click()]);
  const rows = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').slice(1), { skipEmptyLines: true }).data;
  expect(rows).toHaveLength(everything.length + 1);
  expect(rows[1]![0]).toBe('Overdue');
  expect(rows.slice(1).map((r) => `${r[2]}|${r[3]}|${r[5]}`).sort()).toEqual(everything.map(keyOf).sort());

  // This morning's N are the first-day calls (Micklefield's policy sets no calling times).
  const thisMorning = everything.filter((e) => e.date === DEMO_TODAY && e.session === 'AM');
  await expect(dashboard.locator('#first-day-calls .call-list li')).toHaveCount(thisMorning.length);
  await expect(dashboard.locator('#first-day-calls')).toContainText('The policy sets no calling times');
});

test('an N that a register page later shows with a code leaves the list', async ({ context, page, mis, extensionId }) => {
  const register = `${mis.url}/register/class?class=4A&week=${WEEK_BEFORE}`;
  await openRegister(page, register);
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const before = nOnRegister('4A', WEEK_BEFORE);
  await expect(dashboard.locator('li.open-n')).toHaveCount(before.length);

  // The office hears why: 4A's N from Wed 19 Nov becomes I (illness), and the register is saved.
  const dueToday = before.find((e) => e.date === '2025-11-19')!;
  const row = page.locator(`#register tbody tr`, { has: page.locator(`text=${dueToday.upn}`) });
  await row.locator(`input[name$="|2025-11-19|AM"]`).fill('I');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  // The page came back from the MIS with the saved code.
  await expect(row.locator(`input[name$="|2025-11-19|AM"]`)).toHaveValue('I');

  await expect(dashboard.locator('li.open-n')).toHaveCount(before.length - 1);
  await expect(dashboard.locator(`li.open-n[data-upn="${dueToday.upn}"][data-date="2025-11-19"]`)).toHaveCount(0);
  // An N on a page not opened again stays: only a page that shows the session can say it was dealt with.
  await expect(dashboard.locator('li.open-n[data-date="2025-11-17"]')).toHaveCount(before.filter((e) => e.date === '2025-11-17').length);
});

test('a blank cell never settles an N: a register whose marks arrive after it loads leaves the list as it was (issue 11, item 8)', async ({ context, page, mis, extensionId }) => {
  await openRegister(page, `${mis.url}/register/class?class=4A&week=${WEEK_BEFORE}`);
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const before = sorted(nOnRegister('4A', WEEK_BEFORE));
  expect(before.length).toBeGreaterThan(0);
  await expect(dashboard.locator('li.open-n')).toHaveCount(before.length);

  // The same register from an MIS that fills its marks in a moment after the page loads: Markwise
  // reads it while every cell is still blank.
  await openRegister(page, `${mis.url}/register/class?class=4A&week=${WEEK_BEFORE}&fault=marks-later`);
  const cell = page.locator(`input[name$="|${before[0]!.date}|${before[0]!.session}"]`).first();
  await expect(cell).toHaveValue(/./);
  // The background has taken in what that page showed: the marks kept for pupil cards now hold its blanks.
  const n = before[0]!;
  await expect
    .poll(async () => (await rowsOf(dashboard, 'pupilMarks')).some((row) => row.upn === n.upn && (row.marks as { date: string; session: string; mark: string }[]).some((m) => m.date === n.date && m.session === n.session && m.mark === '')))
    .toBe(true);
  // The follow-up page still lists every N.
  await dashboard.reload();
  await expect(dashboard.locator('li.open-n')).toHaveCount(before.length);
  expect(await listed(dashboard)).toEqual(before);
});

test('thresholds crossed: from two reports, and from the pupil records that show 10 days and the penalty-notice line', async ({ context, page, mis, extensionId }) => {
  // Two pupil records whose term of marks reaches a threshold (demo/mis/school.ts plants them).
  // Each threshold once per pupil, on the first session the page shows it reached.
  const firstReached = new Map<string, { rule: string; upn: string; date: string }>();
  for (const [name, rule] of [
    ['continuousAbsence', 'la-notify-10-days'],
    ['penaltyThreshold', 'penalty-threshold'],
  ] as const) {
    await openRegister(page, `${mis.url}/pupils/${DEMO_CASES[name].pupilId}`);
    await expect(panel(page).locator(`li.finding[data-rule="${rule}"]`).first()).toBeVisible();
    const found = await panel(page)
      .locator('li.finding[data-rule="la-notify-10-days"], li.finding[data-rule="penalty-threshold"]')
      .evaluateAll((lis) => lis.map((li) => ({ rule: li.getAttribute('data-rule')!, upn: li.getAttribute('data-upn')!, date: li.getAttribute('data-date')! })));
    for (const f of found) {
      const key = `${f.rule}|${f.upn}`;
      if (!firstReached.has(key) || f.date < firstReached.get(key)!.date) firstReached.set(key, f);
    }
  }
  const reached = [...firstReached.values()];
  expect(reached.map((r) => r.rule)).toContain('la-notify-10-days');
  expect(reached.map((r) => r.rule)).toContain('penalty-threshold');

  // Two reports a week apart: one pupil drops below 90%, one stays above.
  const [ada, ben] = pupilsOfClass(school, '4B');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  for (const [asOf, figures] of [
    ['2025-11-14', [92, 96]],
    ['2025-11-21', [89.5, 97]],
  ] as const) {
    const text = `UPN,Name,Attendance %\n${ada!.upn},Ada,${figures[0]}\n${ben!.upn},Ben,${figures[1]}\n`;
    await options.locator('#report-import').setInputFiles({ name: `week-${asOf}.csv`, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await options.locator('#report-as-of').fill(asOf);
    await options.locator('#report-confirm').click();
    await expect(options.locator('#report-result')).toContainText(`Imported figures for 2 pupils as of ${formatSchoolDate(asOf)}`);
  }

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const rows = dashboard.locator('#thresholds tr.threshold');
  // The last year: everything.
  await dashboard.locator('#thresholds-since').selectOption('365');
  const listed = async () => (await rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-kind')} ${tr.getAttribute('data-upn')} ${tr.getAttribute('data-date')}`))).sort();
  await expect(rows).toHaveCount(reached.length + 3);
  expect(await listed()).toEqual(
    [
      ...reached.map((r) => `${r.rule} ${r.upn} ${r.date}`),
      `persistent-absence ${ada!.upn} 2025-11-21`,
      `tier ${ada!.upn} 2025-11-21`,
      `band ${ada!.upn} 2025-11-21`,
    ].sort(),
  );
  // Each names the policy's next step: tier 2 of Micklefield's strategy for Ada.
  await expect(dashboard.locator(`tr.threshold[data-kind="tier"][data-upn="${ada!.upn}"]`)).toContainText('Add to the attendance tracker (PA and Fast Track)');
  await expect(dashboard.locator(`tr.threshold[data-kind="la-notify-10-days"]`)).toContainText('local authority');
  // The last 7 days: only what was reached since Wed 19 Nov.
  await dashboard.locator('#thresholds-since').selectOption('7');
  const recent = [...reached.filter((r) => r.date >= '2025-11-19').map((r) => r.rule), 'persistent-absence', 'tier', 'band'];
  await expect(rows).toHaveCount(recent.length);
});

test("a pupil's card from the class registers opened: the weeks seen, the sessions by how they count, the findings", async ({ context, page, mis, extensionId }) => {
  for (const week of [WEEK_BEFORE, DEFAULT_WEEK]) await openRegister(page, `${mis.url}/register/class?class=4A&week=${week}`);
  // The oracle: the demo MIS's own marks for those two weeks, up to the demo's day, through pupilCard
  // (itself tested against the engine's standings).
  const pupil = school.byId.get(DEMO_CASES.nDueToday.pupilId)!;
  const marks = [WEEK_BEFORE, DEFAULT_WEEK].flatMap((week) =>
    weekSessions(week).flatMap((s) => {
      const mark = pupil.marks.get(markKey(s.date, s.session));
      return mark === undefined ? [] : [{ date: s.date, session: s.session, mark: mark.code, arrival: mark.arrival ?? null }];
    }),
  );
  const expectedCard = pupilCard({ upn: pupil.upn, name: registerName(pupil), dob: null, year: null, marks }, DEMO_TODAY);
  expect(expectedCard.weeks).toHaveLength(2);

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const chooser = dashboard.locator('#pupil-cards #card-pupil');
  await expect(chooser.locator('option')).toHaveCount(pupilsOfClass(school, '4A').length + 1);
  await chooser.selectOption(`${new URL(mis.url).origin}|${pupil.id}`);
  const card = dashboard.locator(`.pupil-card[data-upn="${pupil.upn}"]`);
  await expect(card.locator('rect.week-bar')).toHaveCount(2);
  for (const [key, value] of Object.entries(expectedCard.sessions)) await expect(card.locator(`.legend li[data-category="${key}"] strong`), key).toHaveText(String(value));
  // Her N from Wed 19 Nov is due today: the card's findings say so.
  await expect(card.locator('ol.history li[data-rule="n-due-today"]')).toHaveCount(1);
  // The card downloads as CSV too, like everything on the page.
  const [download] = await Promise.all([dashboard.waitForEvent('download'), card.locator('button.download-card').click()]);
  const rows = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').slice(1), { skipEmptyLines: true }).data;
  expect(rows.filter((r) => r[0] === 'Week').map((r) => r[1])).toEqual(expectedCard.weeks.map((w) => w.monday));
});

test('no tier from part of a year: the card gives the marks seen as "from N sessions seen", and the band and tier from the year-to-date figure (issue 11, item 15)', async ({ context, page, mis, extensionId }) => {
  for (const week of [WEEK_BEFORE, DEFAULT_WEEK]) await openRegister(page, `${mis.url}/register/class?class=4A&week=${week}`);
  const seenMarks = (pupil: DemoPupil) =>
    [WEEK_BEFORE, DEFAULT_WEEK].flatMap((week) =>
      weekSessions(week).flatMap((s) => {
        const mark = pupil.marks.get(markKey(s.date, s.session));
        return mark === undefined || s.date > DEMO_TODAY ? [] : [{ date: s.date, session: s.session, mark: mark.code, arrival: mark.arrival ?? null }];
      }),
    );
  // The register's own year-to-date column, as the badge reads it (one decimal place).
  const yearToDate = (pupil: DemoPupil) => Number.parseFloat(formatPercent(attendanceOf(pupil, CURRENT_YEAR).percent));
  const seenFigure = (pupil: DemoPupil) => {
    const card = pupilCard({ upn: pupil.upn, name: '', dob: null, year: null, marks: seenMarks(pupil) }, DEMO_TODAY);
    const possible = card.weeks.reduce((n, w) => n + w.possible, 0);
    return { possible, attendance: (card.weeks.reduce((n, w) => n + w.attended, 0) * 100) / possible };
  };
  // A pupil whose fortnight seen would put them in another tier than their year does (40.0% seen, 87.8% for the year).
  const pupil = pupilsOfClass(school, '4A').find((p) => tierFor(policy, seenFigure(p).attendance)?.level !== tierFor(policy, yearToDate(p))?.level)!;
  expect(pupil).toBeDefined();
  const seen = seenFigure(pupil);
  const ytdTier = tierFor(policy, yearToDate(pupil))!;
  const ytdBand = bandFor(policy, yearToDate(pupil))!;

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dashboard.locator('#card-pupil').selectOption(`${new URL(mis.url).origin}|${pupil.id}`);
  const card = dashboard.locator(`.pupil-card[data-upn="${pupil.upn}"]`);
  const marks = seenMarks(pupil);
  await expect(card.locator('.card-seen')).toContainText(`from ${seen.possible} sessions seen (${formatSchoolDate(marks[0]!.date)} to ${formatSchoolDate(marks.at(-1)!.date)})`);
  await expect(card.locator('.card-seen')).not.toContainText('tier');
  await expect(card.locator('.card-seen')).not.toContainText('band');
  const ytd = card.locator('.card-year-to-date');
  await expect(ytd).toHaveAttribute('data-tier', String(ytdTier.level));
  await expect(ytd).toContainText(`${yearToDate(pupil).toFixed(1)}%`);
  await expect(ytd).toContainText(`tier ${ytdTier.level}, ${ytdTier.name}`);
  await expect(ytd).toContainText(`band ${ytdBand.name}`);
});


test('the follow-up page has no axe violations, and the popup leads to it', async ({ context, page, mis, extensionId }) => {
  await openRegister(page, `${mis.url}/office/unexplained`);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const [dashboard] = await Promise.all([context.waitForEvent('page'), popup.locator('#open-dashboard').click()]);
  await expect(dashboard.locator('h1')).toHaveText('Markwise: follow-up');
  await expect(dashboard.locator('li.open-n').first()).toBeVisible();
  // With a pupil's card open too (the office list's pupils have their listed marks kept).
  await dashboard.locator('#card-pupil').selectOption({ index: 1 });
  await expect(dashboard.locator('.pupil-card')).toBeVisible();
  const violations = await axeViolations(dashboard);
  expect(violations).toEqual([]);
});
