// The check-an-export page in the built extension: a register export dropped in is read and
// checked by the same rules as the command line, shown in the panel, and saved as CSV; bad
// files say what and where; a year's export shows progress without freezing the page.

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { probeUntilChecked, yearExport } from '../../bench/year-export';
import { DEMO_TODAY } from '../../demo/make-demo-register';
import { schoolCalendarFor } from '../../rules/calendar/bank-holidays';
import { evaluateRegister } from '../../rules/engine';
import { presetPolicy } from '../../rules/presets';
import { pupilCard } from '../../rules/pupil-card';
import { readRegisterExport } from '../../rules/register-export';
import { expect, test } from './fixtures';
import { axeViolations } from './axe';

const DEMO_CSV = readFileSync(new URL('../../demo/register.csv', import.meta.url));
const HEADER = 'upn,name,date,session,mark,arrival';

const csvFile = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/csv', buffer });

async function openCheckPage(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/check.html`);
  // The development build checks as of the demo's day, with the demo school's policy.
  await expect(page.locator('#check-today')).toHaveValue(DEMO_TODAY);
  await expect(page.locator('#check-policy')).toHaveValue('micklefield');
}

async function downloadedCsv(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-findings').click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

/** What the command line's pipeline finds in the same file: rule, UPN, date and session. */
function engineFindings(text: string, role: 'office' | 'teacher' = 'office'): string[] {
  const read = readRegisterExport(text, 'register.csv');
  if (!read.ok) throw new Error('the demo register does not read');
  const policy = presetPolicy('micklefield');
  const evaluation = evaluateRegister(read.snapshot, { policy, calendar: schoolCalendarFor(policy.calendar), today: DEMO_TODAY, role });
  return evaluation.findings.map((f) => `${f.rule}|${f.upn}|${f.date}|${f.session}`).sort();
}

test('the demo register is checked as the command line checks it, and the findings download as CSV', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.locator('#export-file').setInputFiles(csvFile('register.csv', DEMO_CSV));
  const result = page.locator('section[data-outcome="checked"]');
  const expected = engineFindings(DEMO_CSV.toString('utf8'));
  // The demo's one unknown code (Q1) is said once above the panel, not as a finding in it; the download lists its mark.
  const inPanel = expected.filter((f) => !f.startsWith('code-unknown|'));
  expect(expected.length - inPanel.length).toBe(1);
  await expect(page.locator('#unknown-codes li')).toHaveText([/^'Q1' is not a DfE code and not in the policy's school codes: 1 mark of 1 pupil/]);
  await expect(result).toHaveAttribute('data-findings', String(inPanel.length));
  await expect(page.locator('#result-h')).toContainText('register.csv:');
  await expect(result).toContainText('checked against Micklefield CE Primary Academy as of Wed 26 Nov 2025, with the codes office staff may enter');
  // The same panel as on MIS pages, drawn in the page.
  const panel = page.locator('[data-testid="findings"] aside.panel');
  await expect(panel).toHaveAttribute('data-status', 'ready');
  await expect(panel).toHaveAttribute('data-findings', String(inPanel.length));
  await expect(panel.locator('[data-group="n-overdue"] > button.summary')).toContainText('N codes overdue');

  const rows = await downloadedCsv(page);
  expect(rows[0]).toEqual(['Severity', 'Rule', 'Rule id', 'UPN', 'Pupil', 'Date', 'Day', 'Session', 'Mark', 'Change to', 'What', 'Why', 'What to do']);
  expect(rows.slice(1).map((r) => `${r[2]}|${r[3]}|${r[5]}|${r[7]}`).sort()).toEqual(expected);

  // Teachers' codes: the check runs again with the same file.
  await page.locator('#check-role').selectOption('teacher');
  await expect(result).toHaveAttribute('data-findings', String(engineFindings(DEMO_CSV.toString('utf8'), 'teacher').filter((f) => !f.startsWith('code-unknown|')).length));
  await expect(panel.locator('[data-group="code-not-allowed"]')).toHaveCount(1);
  // Only the extension's own files were asked for: the export never left the computer.
  expect(requests.filter((url) => !url.startsWith(`chrome-extension://${extensionId}/`))).toEqual([]);
});

test("a pupil's card: the year week by week, the sessions by how they count, late marks and the findings", async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(csvFile('register.csv', DEMO_CSV));
  await expect(page.locator('section[data-outcome="checked"]')).toBeVisible();
  // The oracle: the engine's own standings and findings for the same file.
  const read = readRegisterExport(DEMO_CSV.toString('utf8'), 'register.csv');
  if (!read.ok) throw new Error('the demo register does not read');
  const policy = presetPolicy('micklefield');
  const evaluation = evaluateRegister(read.snapshot, { policy, calendar: schoolCalendarFor(policy.calendar), today: DEMO_TODAY });
  const busiest = evaluation.pupils.reduce((a, b) => (evaluation.findings.filter((f) => f.upn === b.upn).length > evaluation.findings.filter((f) => f.upn === a.upn).length ? b : a));
  await page.locator('#card-pupil').selectOption(busiest.upn);
  const card = page.locator(`.pupil-card[data-upn="${busiest.upn}"]`);
  await expect(card.locator('h3')).toContainText(busiest.name);
  await expect(card.locator('.card-summary')).toContainText(`${busiest.attendedSessions} of ${busiest.possibleSessions} possible sessions`);
  for (const [key, value] of [
    ['present', busiest.present],
    ['approvedActivity', busiest.approvedActivity],
    ['authorised', busiest.authorised],
    ['unauthorised', busiest.unauthorised],
    ['notPossible', busiest.notPossible],
  ] as const) {
    await expect(card.locator(`.legend li[data-category="${key}"] strong`), key).toHaveText(String(value));
  }
  const weeks = pupilCard(read.snapshot.pupils.find((p) => p.upn === busiest.upn)!, DEMO_TODAY).weeks;
  await expect(card.locator('rect.week-bar')).toHaveCount(weeks.length);
  // Below the line is hatched, not only coloured: the bars below 90% say so.
  const below = weeks.filter((w) => (w.attended * 100) / w.possible < 90).length;
  await expect(card.locator('rect.week-bar[data-below="true"]')).toHaveCount(below);
  await expect(card.locator('ol.history li')).toHaveCount(evaluation.findings.filter((f) => f.upn === busiest.upn).length);
});

test('a dismissed finding is left out of the download and stays dismissed, as on the MIS pages', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(csvFile('register.csv', DEMO_CSV));
  const result = page.locator('section[data-outcome="checked"]');
  await expect(result).toHaveAttribute('data-findings', /\d+/);
  const before = Number(await result.getAttribute('data-findings'));
  const item = page.locator('[data-testid="findings"] [data-group="n-overdue"] li.finding').first();
  const upn = await item.getAttribute('data-upn');
  await item.locator('button[data-action="dismiss"]').click();
  // No reason is chosen for the person (issue 14, item 5).
  await item.getByLabel('Checked: the mark is right').check();
  await item.locator('.dismiss-form button', { hasText: 'Dismiss' }).click();
  await expect(result).toHaveAttribute('data-findings', String(before - 1));
  const rows = await downloadedCsv(page);
  // The header, the findings left open, and the unknown code's one mark.
  expect(rows).toHaveLength(1 + (before - 1) + 1);
  expect(rows.filter((r) => r[2] === 'n-overdue' && r[3] === upn).length).toBeLessThan(engineFindings(DEMO_CSV.toString('utf8')).filter((f) => f.startsWith(`n-overdue|${upn}|`)).length);

  // Stored in the extension's database: a fresh check of the file still has it dismissed.
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(csvFile('register.csv', DEMO_CSV));
  await expect(result).toHaveAttribute('data-findings', String(before - 1));
  await expect(page.locator('[data-testid="findings"] [data-group="dismissed"] li.finding')).toHaveCount(1);
});

test('a name that would start a formula is escaped in the download, whatever follows it (issue 11, item 17)', async ({ page, extensionId }) => {
  // Each name starts with a character a spreadsheet reads as a formula, then a line break (which
  // papaparse's own escapeFormulae test misses), in a quoted CSV field as an MIS would write it.
  // (A leading tab or carriage return is trimmed from names by the reader; components/csv.test.ts
  // covers those.)
  const starts = ['=', '+', '-', '@'];
  const lines = starts.map((start, i) => `A${i + 1},"${start}HYPERLINK(""https://example.invalid/?${i}"",""Open"")\nSmith",2025-11-24,AM,H,`);
  await openCheckPage(page, extensionId);
  await page.locator('#export-file').setInputFiles(csvFile('formulae.csv', Buffer.from(`${HEADER}\n${lines.join('\n')}\n`)));
  await expect(page.locator('section[data-outcome="checked"]')).toHaveAttribute('data-findings', /\d+/);
  const rows = (await downloadedCsv(page)).slice(1);
  const names = new Map(rows.map((r) => [r[3], r[4]!]));
  starts.forEach((start, i) => {
    const name = names.get(`A${i + 1}`);
    expect(name, `the pupil whose name starts with ${JSON.stringify(start)}`).toBe(`'${start}HYPERLINK("https://example.invalid/?${i}","Open")\nSmith`);
  });
});

test('a broken export says what and where, an empty one says so, and nothing is checked', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  const alert = page.locator('[data-outcome="refused"]');
  await page.locator('#export-file').setInputFiles(csvFile('feb.csv', Buffer.from(`${HEADER}\nA1,Ada,2025-11-05,AM,/,\nA1,Ada,31/02/2025,AM,/,\nA2,"Jones, Ffion,2025-11-05,AM,/,\n`)));
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('feb.csv could not be read, so nothing was checked');
  await expect(alert.locator('li').first()).toHaveText("feb.csv line 3, column date: '31/02/2025' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)");
  await expect(alert).toContainText('feb.csv line 4: a quoted field is not closed');
  await expect(page.locator('section[data-outcome="checked"]')).toHaveCount(0);

  await page.locator('#export-file').setInputFiles(csvFile('empty.csv', Buffer.alloc(0)));
  await expect(alert.locator('li')).toHaveText(['empty.csv: the file is empty']);

  // Duplicate rows for one pupil and session, and a name that changes, are bad input too.
  await page.locator('#export-file').setInputFiles(csvFile('twice.csv', Buffer.from(`${HEADER}\nA1,Ada,2025-11-05,AM,/,\nA1,Ada,05/11/2025,AM,N,\nA1,Adam,2025-11-05,PM,\\,\n`)));
  await expect(alert.locator('li')).toHaveText([
    'twice.csv line 3, column session: pupil A1 already has an AM mark for Wed 5 Nov 2025, on line 2',
    "twice.csv line 4, column name: pupil A1 is named 'Adam' here but 'Ada' on line 2",
  ]);
});

test('an export saved as Windows-1252 is read with its accents, and the page says how it was read', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  const text = `${HEADER}\nA1,Zoë Brontë,2025-11-05,AM,H,\nA2,Seán O’Brien,2025-11-05,AM,/,\n`;
  const bytes = Buffer.from([...text].map((c) => ({ ë: 0xeb, á: 0xe1, '’': 0x92 })[c] ?? c.charCodeAt(0)));
  await page.locator('#export-file').setInputFiles(csvFile('ansi.csv', bytes));
  const result = page.locator('section[data-outcome="checked"]');
  await expect(result.locator('[data-encoding="windows-1252"]')).toContainText('read as Windows-1252');
  await expect(page.locator('[data-testid="findings"] li.finding[data-rule="code-withdrawn"]')).toContainText('Zoë Brontë');
  const rows = await downloadedCsv(page);
  expect(rows.find((r) => r[2] === 'code-withdrawn')?.[4]).toBe('Zoë Brontë');
});

test("a year's export of a whole school shows its progress, and the page answers while it is read", async ({ page, extensionId }) => {
  test.setTimeout(120_000);
  const year = yearExport();
  expect(year.rows).toBe(570_000);

  await openCheckPage(page, extensionId);
  await page.locator('#check-today').fill(year.today);
  await page.locator('#export-file').setInputFiles(csvFile('year.csv', year.csv));
  // While the worker reads, the page keeps drawing: the bar moves, and a 10 ms timer in the page
  // fires on time (it fires late only if the page's own thread is busy).
  const { lags, progress: seen } = await probeUntilChecked(page);
  expect(seen.size, 'distinct progress values seen while reading').toBeGreaterThanOrEqual(2);
  // A 10 ms timer fires late only if the page's own thread is busy; the reading is in the worker.
  expect(Math.max(...lags), `timer lags: ${lags.map((l) => l.toFixed(0)).join(', ')}`).toBeLessThan(500);
  const result = page.locator('section[data-outcome="checked"]');
  await expect(result).toContainText('1,500 pupils and 570,000 marks');
  await expect(page.locator('#result-h')).toContainText('year.csv:');
});

test('the popup and the options page lead to the check page', async ({ context, page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const [opened] = await Promise.all([context.waitForEvent('page'), page.locator('#open-check').click()]);
  await expect(opened.locator('h1')).toHaveText('Markwise: check a register export');
  expect(opened.url()).toBe(`chrome-extension://${extensionId}/check.html`);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.locator('#open-check').click();
  await expect(page.locator('h1')).toHaveText('Markwise: check a register export');
});


test('the check page, with findings and with a refused file, has no axe violations', async ({ page, extensionId }) => {
  await openCheckPage(page, extensionId);
  for (const [name, buffer, selector] of [
    ['register.csv', DEMO_CSV, 'section[data-outcome="checked"]'],
    ['feb.csv', Buffer.from(`${HEADER}\nA1,Ada,31/02/2025,AM,/,\n`), '[data-outcome="refused"]'],
  ] as const) {
    await page.locator('#export-file').setInputFiles(csvFile(name, buffer));
    await expect(page.locator(selector)).toBeVisible();
    // With a pupil's card open too.
    if (name === 'register.csv') await page.locator('#card-pupil').selectOption({ index: 1 });
    const violations = await axeViolations(page);
    expect(violations, name).toEqual([]);
  }
});
