// Teaching Markwise a page (issue 16), below the browser: on the demo MIS's own pages (served over
// HTTP, parsed by jsdom), the register Markwise proposes by itself, and the profile made from what a
// person would point at, read against the profile written by hand for the same page.

import { describe, expect, it } from 'vitest';
import { demoClassRegister } from '../builtin/demo';
import { demoRadioRegister } from '../builtin/demo-radios';
import { demoTextCellRegister } from '../builtin/demo-text-cells';
import { demoWeekGrid } from '../builtin/demo-week-grid';
import { demoPeriodRegister } from '../builtin/demo-period-register';
import { demoAbsenceReport } from '../builtin/demo-absence-report';
import { scholarpackUnverified } from '../builtin/unverified';
import { BUTTON_PUPILS } from '../../demo/mis/button-register';
import { GIBBON_PUPILS, GIBBON_TYPES } from '../../demo/mis/gibbon-register';
import { profile, servedDemoMis } from '../../test/support/demo-pages';
import { gibbonByHand, listByHand, rosarioByHand, webFormsByHand } from '../../test/support/by-hand-profiles';
import type { SiteProfile, SiteProfileInput } from '../profile';
import { parseSiteProfiles } from '../profile-import';
import { findRegister, readRegister } from '../read';
import { findRegisters, type RegisterGuess } from './find';
import { dateSourceIn, formatOf, namesToMatch, otherCodes, pathPattern, sessionSourceIn, teachProfile, type Lesson } from './lesson';
import { commonEnd, commonStart, looksGenerated, selectorFor } from './stable';
import { JSDOM } from 'jsdom';
import { LIST_OPTIONS } from '../../demo/mis/list-register';
import { ROSARIO_CODES, ROSARIO_PUPILS } from '../../demo/mis/rosario-register';

const mis = servedDemoMis();

function read(doc: Document, p: SiteProfile) {
  const root = findRegister(doc, p);
  expect(root, `${p.id} finds its register`).not.toBeNull();
  return readRegister(doc, root!, p);
}

/** What a register read says about each pupil: name and marks, in order. */
function marksOf(doc: Document, p: SiteProfile) {
  const register = read(doc, p);
  return { problems: register.problems, pupils: register.snapshot.pupils.map((pupil) => ({ name: pupil.name, marks: pupil.marks })) };
}

function taught(doc: Document, lesson: Omit<Lesson, 'guess' | 'role' | 'names'> & { guess?: RegisterGuess; names?: Record<string, string> }): SiteProfileInput {
  const guess = lesson.guess ?? findRegisters(doc)[0]!;
  const result = teachProfile({ role: 'teacher', names: {}, ...lesson, guess }, { location: doc.location, title: doc.title });
  if (!result.ok) throw new Error(`${result.step}: ${result.message}`);
  // What the options page's import (and the background, at Save) accepts: the schema and its safety checks.
  const parsed = parseSiteProfiles({ schemaVersion: 2, profiles: [result.profile] });
  expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  return result.profile;
}

describe('steady selectors', () => {
  it('takes record numbers, CSS-in-JS hashes and framework ids for generated, and words for written', () => {
    for (const made of ['row-1093', 'P1001', 'css-1x9k2p', 'sc-bdVaJa', 'Grid_row__aZqXb', '_row_1kx3', 'ember1234', ':r3:', 'mat-input-7']) expect(looksGenerated(made), made).toBe(true);
    for (const written of ['pupil-row', 'student-name', 'reg-code', 'attendance-list', 'register', 'markCell']) expect(looksGenerated(written), written).toBe(false);
  });

  it("cuts a common start of names back to a separator, leaving out a record's own characters", () => {
    expect(commonStart(['attendance[1093]', 'attendance[1094]'])).toBe('attendance[');
    expect(commonStart(['mark|P1001|2025-11-24|AM', 'mark|P1002|2025-11-24|AM'])).toBe('mark|');
    expect(commonStart(['comment', 'comment'])).toBe('comment');
    expect(commonStart(['a1', 'b2'])).toBe('');
    // Gibbon numbers its fields by place: the steady part is their end.
    expect(commonEnd(['0-type', '1-type', '12-type'])).toBe('-type');
    expect(commonEnd(['attendance[1093]', 'attendance[1094]'])).toBe('');
  });

  it('picks out the rows and nothing else: not the header row, not a row of another table in a cell', () => {
    const doc = new JSDOM(`<table id="r"><thead><tr class="row"><th>Name</th></tr></thead><tbody>
      <tr class="row pupil" id="row-1"><td><table><tr class="row"><td>x</td></tr></table></td></tr>
      <tr class="row pupil dirty" id="row-2"><td></td></tr></tbody></table>`).window.document;
    const rows = Array.from(doc.querySelectorAll('tr.pupil'));
    const selector = selectorFor(rows, doc.querySelector('#r')!);
    expect(selector).toBe('tr.pupil');
    // A state class ("dirty") is never the one chosen, and nor is an id.
    expect(selector).not.toMatch(/dirty|row-\d|nth-child/);
  });
});

describe('Markwise proposes the register by itself', () => {
  it('the class register: a grid of text boxes, one row per pupil and ten sessions', async () => {
    const doc = await mis.load('/register/class?class=4A');
    const [guess] = findRegisters(doc);
    expect(guess!.register).toBe(doc.querySelector('table#register'));
    expect(guess!.kind).toBe('text-input');
    expect(guess!.rows).toEqual(Array.from(doc.querySelectorAll('tbody tr.pupil-row')));
    expect(guess!.sessions).toBe(doc.querySelectorAll('thead th.session-head').length);
  });

  it('the radio register: one radio group per pupil, the row holding it, not the small table around each radio', async () => {
    const doc = await mis.load('/attendance/take?class=5B&date=2025-11-26&period=AM');
    const [guess] = findRegisters(doc);
    expect(guess!.kind).toBe('radios');
    expect(guess!.register).toBe(doc.querySelector('table#attendance-list'));
    expect(guess!.rows.length).toBe(doc.querySelectorAll('tr.student-row').length);
    expect(guess!.marks.every((m) => m.length === 1)).toBe(true);
    // The period dropdown above the register (two options) is not a register's mark.
    expect(findRegisters(doc).some((g) => g.register.contains(doc.querySelector('#period')))).toBe(false);
  });

  it('the week register of read-only codes: blank cells are marks too, found by what they share with the others', async () => {
    const doc = await mis.load('/register/week?class=6A');
    const [guess] = findRegisters(doc);
    expect(guess!.kind).toBe('text');
    expect(guess!.register).toBe(doc.querySelector('table#week-register'));
    expect(guess!.marks.every((m) => m.length === 10)).toBe(true);
  });

  it('a page with no register proposes none', async () => {
    for (const path of ['/', '/pupils/P1001']) {
      const doc = await mis.load(path);
      expect(findRegisters(doc), path).toEqual([]);
    }
  });
});

describe('a profile taught by pointing reads the page as the hand-written one does', () => {
  it('the class register: a name, a session header (date and session in its attributes), a UPN, the attendance, an arrival time', async () => {
    const doc = await mis.load('/register/class?class=4A');
    const row = doc.querySelectorAll('tbody tr.pupil-row')[3]!;
    const header = doc.querySelectorAll('thead th.session-head')[2]!;
    const withArrival = doc.querySelector('td.reg-cell span.reg-arrival')!;
    const p = taught(doc, { name: row.querySelector('td.pupil-name a')!, date: header, session: header, upn: row.querySelector('td.pupil-upn')!, attendance: row.querySelector('td.ytd-attendance')!, arrival: withArrival });
    expect(p).toMatchObject({ register: 'table#register', rows: 'tr.pupil-row', cells: { selector: 'td.reg-cell', columns: { headers: 'th.session-head' }, mark: { kind: 'text-input', selector: 'input.reg-code' } } });
    expect(p.pupilId).toEqual({ scope: 'row', attribute: 'data-pupil-id' });
    expect(p.paths.some((path) => new RegExp(path).test('/register/class?class=4A'))).toBe(true);
    const byHand = marksOf(doc, profile(demoClassRegister));
    const byPointing = marksOf(doc, profile(p));
    expect(byPointing).toEqual(byHand);
    expect(byPointing.pupils.flatMap((pupil) => pupil.marks).some((m) => m.arrival !== null)).toBe(true);
  });

  it('the radio register: the date from the date box, the session from the heading, the codes from the column headers', async () => {
    const doc = await mis.load('/attendance/take?class=5B&date=2025-11-26&period=AM');
    const guess = findRegisters(doc)[0]!;
    const names = namesToMatch(guess);
    // Each name once, in the order of the columns.
    expect(names).toEqual(['Present', 'Late', 'Late after register closed', 'Reason not yet provided', 'Illness', 'Medical appointment', 'Holiday (authorised)', 'Holiday not agreed', 'Unauthorised absence']);
    const lesson = { guess, name: doc.querySelector('tr.student-row td.student-name')!, date: doc.querySelector('#attendance-date')!, session: doc.querySelector('h2.register-heading .period-name')! };
    // Not saved until every name is matched to a code.
    const unmatched = teachProfile({ ...lesson, role: 'teacher', names: {} }, { location: doc.location, title: doc.title });
    expect(unmatched).toMatchObject({ ok: false, step: 'names' });
    const p = taught(doc, { ...lesson, names: demoRadioRegister.cells!.mark && !Array.isArray(demoRadioRegister.cells!.mark) ? demoRadioRegister.cells!.mark.names! : {} });
    expect(p.cells).toMatchObject({ selector: ':scope', mark: { kind: 'radios', codeFrom: 'header' }, date: { scope: 'page', selector: 'input#attendance-date', state: 'value' } });
    expect(marksOf(doc, profile(p)).pupils.map((x) => x.marks.map((m) => m.mark))).toEqual(marksOf(doc, profile(demoRadioRegister)).pupils.map((x) => x.marks.map((m) => m.mark)));
    expect(marksOf(doc, profile(p)).problems).toEqual(marksOf(doc, profile(demoRadioRegister)).problems);
  });

  it('the week register of read-only codes', async () => {
    const doc = await mis.load('/register/week?class=6A');
    const header = doc.querySelectorAll('thead th[data-date]')[0]!;
    const name = doc.querySelector('tr.pupil-row td.pupil-name a')!;
    // Without the arrival times, the marks are the same and the times are not read.
    const marksOnly = marksOf(doc, profile(taught(doc, { name, date: header, session: header })));
    const byHand = marksOf(doc, profile(demoTextCellRegister));
    expect(marksOnly.pupils.map((x) => x.marks.map((m) => m.mark))).toEqual(byHand.pupils.map((x) => x.marks.map((m) => m.mark)));
    const p = taught(doc, { name, date: header, session: header, arrival: doc.querySelector('td.mark-cell time.arrived')! });
    expect(p.cells).toMatchObject({ selector: 'td.mark-cell', mark: [{ kind: 'select', selector: 'select' }, { kind: 'text' }], arrival: { scope: 'cell', selector: 'time.arrived' } });
    expect(marksOf(doc, profile(p))).toEqual(byHand);
    // A cell clicked becomes a dropdown, as the page's own script does it; its choice is then the mark, as by hand.
    const cell = doc.querySelector('td.mark-cell')!;
    const select = doc.createElement('select');
    for (const code of ['', '/', 'L', 'U']) select.add(new (doc.defaultView!.Option)(code, code, false, code === 'U'));
    cell.querySelector('.code')?.replaceWith(select) ?? cell.prepend(select);
    const afterClick = marksOf(doc, profile(p));
    expect(afterClick.pupils[0]!.marks[0]!.mark).toBe('U');
    expect(afterClick).toEqual(marksOf(doc, profile(demoTextCellRegister)));
  });

  it('says which step needs another answer: a name outside the rows, a date that is not one', async () => {
    const doc = await mis.load('/register/class?class=4A');
    const guess = findRegisters(doc)[0]!;
    const header = doc.querySelectorAll('thead th.session-head')[0]!;
    const page = { location: doc.location, title: doc.title };
    expect(teachProfile({ guess, role: 'teacher', names: {}, name: doc.querySelector('h1')!, date: header, session: header }, page)).toMatchObject({ ok: false, step: 'name' });
    const pupilHeader = doc.querySelector('thead th')!;
    expect(teachProfile({ guess, role: 'teacher', names: {}, name: doc.querySelector('td.pupil-name a')!, date: pupilHeader, session: header }, page)).toMatchObject({ ok: false, step: 'date' });
  });

  it('reads the format a date is written in, as the reader will read it', () => {
    expect(formatOf('Tuesday 18 November 2025')).toBe('EEEE d MMMM yyyy');
    expect(formatOf('Mon 24 Nov 2025')).toBe('EEE d MMM yyyy');
    expect(formatOf('Friday, 28th November 2025')).toBe("EEEE',' do MMMM yyyy");
    expect(formatOf('24 Nov 2025')).toBe('d MMM yyyy');
    expect(formatOf('24/11/2025')).toBeNull();
    const doc = new JSDOM('<h2 id="h">Register for Tuesday 18 November 2025, AM</h2>').window.document;
    const source = dateSourceIn(doc.getElementById('h')!, { scope: 'page', selector: 'h2#h' });
    expect(source).toMatchObject({ format: 'EEEE d MMMM yyyy' });
    expect(new RegExp((source as { pattern: string }).pattern).exec(doc.getElementById('h')!.textContent!)?.[1]).toBe('Tuesday 18 November 2025');
    const session = sessionSourceIn(doc.getElementById('h')!, { scope: 'page' }) as { pattern: string };
    for (const [text, word] of [['Tuesday 18 November 2025, AM', 'AM'], ['Mon 24 Nov 2025PM', 'PM'], ['Morning registration', 'Morning'], ['PROGRAM', undefined]] as const) expect(new RegExp(session.pattern).exec(text)?.[1], text).toBe(word);
  });

  it("keeps the page's words in its path pattern and leaves out its record numbers", () => {
    expect(pathPattern('/attendance/take')).toBe('^/attendance/take(\\?|$)');
    expect(new RegExp(pathPattern('/classes/4021/register')).test('/classes/5177/register?date=2025-11-26')).toBe(true);
    expect(new RegExp(pathPattern('/classes/4021/register')).test('/classes/5177/pupils')).toBe(false);
  });
});

describe('a page Markwise has no profile for: the WebForms register grid', () => {

  it('is proposed without its generated ids, the "Set all" row left out, and read as by hand', async () => {
    const doc = await mis.load('/Nucleus/UI/Areas/Attendance/Register.aspx?group=3C');
    const [guess] = findRegisters(doc);
    expect(guess!.rows).toEqual(Array.from(doc.querySelectorAll('tbody tr')));
    expect(guess!.sessions).toBe(10);
    const header = doc.querySelectorAll('thead th.rgHeader')[3]!;
    const p = taught(doc, { guess, name: doc.querySelector('tbody tr a')!, date: header, session: header });
    expect(JSON.stringify(p)).not.toMatch(/ctl\d|nth-child|rgAltRow/);
    expect(p.pupilId).toMatchObject({ scope: 'row', attribute: 'value' });
    const read = marksOf(doc, profile(p));
    expect(read).toEqual(marksOf(doc, profile(webFormsByHand())));
    expect(read.pupils).toHaveLength(10);
    expect(read.pupils[1]!.marks.map((m) => m.mark).slice(0, 5)).toEqual(['/', '\\', 'H', 'H', '/']);
  });
});

describe('a page Markwise has no profile for: the app-style list of name dropdowns', () => {
  const names = Object.fromEntries(LIST_OPTIONS.map((o) => [o.name, o.code]));

  it('proposes the list, not the "Set all blanks" dropdown above it, and lists each name once for a person to match', async () => {
    const doc = await mis.load('/mis/attendance/list?group=4B&date=2025-11-26&session=AM');
    const guesses = findRegisters(doc);
    expect(guesses).toHaveLength(1);
    expect(guesses[0]!.register).toBe(doc.querySelector('ul.mis-register-list'));
    expect(guesses[0]!.kind).toBe('select');
    expect(namesToMatch(guesses[0]!)).toEqual(LIST_OPTIONS.map((o) => o.name));
  });

  it('taught with the names matched, it reads the marks as by hand, with the date and session from the heading', async () => {
    const doc = await mis.load('/mis/attendance/list?group=4B&date=2025-11-26&session=AM');
    const heading = doc.querySelector('h2.mis-register-title')!;
    const p = taught(doc, { name: doc.querySelector('.mis-pupil-name')!, date: heading, session: heading, names });
    expect(p.cells).toMatchObject({ selector: 'select.mis-select', date: { scope: 'page', selector: 'h2.mis-register-title', format: 'EEEE d MMMM yyyy' }, mark: { kind: 'select', options: 'name' } });
    const read = marksOf(doc, profile(p));
    expect(read).toEqual(marksOf(doc, profile(listByHand())));
    expect(read.pupils.map((x) => x.marks[0]!.mark)).toEqual(['/', 'H', 'N', 'L', '', '/', '/', 'G']);
  });
});

describe('a page Markwise has no profile for: the RosarioSIS-like radio register, its date in three dropdowns', () => {
  const names = Object.fromEntries(ROSARIO_CODES.map((c) => [c.title, c.code]));

  it('taught with the date dropdowns and the period dropdown clicked, reads the marks as by hand', async () => {
    const doc = await mis.load('/Modules.php?modname=Attendance/TakeAttendance.php');
    const [guess] = findRegisters(doc);
    expect(guess!.kind).toBe('radios');
    expect(guess!.rows).toHaveLength(ROSARIO_PUPILS.length);
    expect(namesToMatch(guess!)).toEqual(ROSARIO_CODES.map((c) => c.title));
    const p = taught(doc, { guess, name: doc.querySelector('.tipmsg-label')!, date: doc.querySelector('#day_date')!, session: doc.querySelector('#school_period')!, names });
    expect(p.cells!.date).toEqual({ parts: { day: { scope: 'page', selector: 'select#day_date', state: 'selected-text' }, month: { scope: 'page', selector: 'select#month_date', state: 'selected-text' }, year: { scope: 'page', selector: 'select#year_date', state: 'selected-text' } } });
    expect(p.pupilId).toMatchObject({ attribute: 'name', pattern: '^attendance\\[([^\\]|]+)' });
    const read = marksOf(doc, profile(p));
    expect(read).toEqual(marksOf(doc, profile(rosarioByHand())));
    const checked = ROSARIO_PUPILS.filter((x) => x.checked !== '');
    expect(read.pupils.filter((x) => x.marks.length > 0).map((x) => x.marks[0])).toEqual(checked.map((x) => ({ date: '2025-11-26', session: 'AM', mark: names[x.checked] === 'PRESENT' ? '/' : names[x.checked], arrival: null })));
    // The row with nothing checked is said, not read as a mark.
    expect(read.problems).toEqual([{ where: `row ${ROSARIO_PUPILS.length} (Rahman, Sami)`, message: 'no radio button is checked' }]);
  });
});

describe("values outside the mark's cell (shared/reference/mis-pages.md): the demo's week grid and register by period, read as their built-in profiles read them", () => {
  it('the week grid: "Mon 24/11 AM" headers taking the year from "Week commencing 24/11/2025", and the Arrived column after each session', async () => {
    const doc = await mis.load('/shapes/week-grid');
    const header = doc.querySelectorAll('thead th.session')[0]!;
    expect(dateSourceIn(header, { scope: 'cell' })).toEqual({ scope: 'cell', pattern: '([A-Za-z]{3} \\d{1,2}/\\d{1,2})', format: 'EEE d/M', yearFrom: { scope: 'page', selector: 'h2#week-heading' } });
    const amara = doc.querySelector('tr[data-pupil-id="W101"]')!;
    const arrived = amara.querySelector('td.arrived')!;
    expect(arrived.textContent).toBe('09:40');
    const p = taught(doc, { name: amara.querySelector('th.name')!, date: header, session: header, upn: amara.querySelector('td.upn')!, arrival: arrived });
    expect(p.cells).toMatchObject({ selector: 'td.mark', columns: { headers: 'th.session' }, arrival: { scope: 'next-cell' } });
    const byPointing = marksOf(doc, profile(p));
    expect(byPointing).toEqual(marksOf(doc, profile(demoWeekGrid)));
    expect(byPointing.pupils[0]!.marks[0]).toEqual({ date: '2025-11-24', session: 'AM', mark: 'L', arrival: '09:40' });
  });

  it('a day and month with no full date anywhere on the page is not given a year: the date step says so', () => {
    const doc = new JSDOM(`<table id="g"><thead><tr><th>Pupil</th><th class="s">Mon 24/11 AM</th><th class="s">Mon 24/11 PM</th></tr></thead><tbody>
      <tr class="p" data-pupil-id="1"><th class="n">Amara Bello</th><td class="m"><input size="2" value="/"></td><td class="m"><input size="2" value="\\"></td></tr>
      <tr class="p" data-pupil-id="2"><th class="n">Ben Carter</th><td class="m"><input size="2" value="/"></td><td class="m"><input size="2" value="N"></td></tr></tbody></table>`, { url: 'https://mis.example.sch.uk/week' }).window.document;
    const header = doc.querySelector('th.s')!;
    expect(dateSourceIn(header, { scope: 'cell' })).toBeNull();
    const result = teachProfile({ guess: findRegisters(doc)[0]!, role: 'teacher', names: {}, name: doc.querySelector('th.n')!, date: header, session: header }, { location: doc.location, title: doc.title });
    expect(result).toMatchObject({ ok: false, step: 'date' });
  });

  it('the register by period: the date in dropdowns of the school year\'s months only, the period dropdown as periods (lessons left alone), and a "Mins late" column as minutes late', async () => {
    const doc = await mis.load('/shapes/period-register');
    const ava = doc.querySelector('tr[data-pupil-id="R201"]')!;
    const late = ava.querySelector('td.late')!;
    expect(late.textContent).toBe('Mins late: 45');
    // Its dropdowns offer "A", a code of this MIS that is not the DfE's: read as written (and flagged), not asked as a name.
    expect(namesToMatch(findRegisters(doc)[0]!)).toEqual([]);
    expect(otherCodes(findRegisters(doc)[0]!)).toEqual(['A']);
    const p = taught(doc, { name: ava.querySelector('td.name')!, date: doc.querySelector('#month')!, session: doc.querySelector('#period')!, upn: ava.querySelector('td.upn')!, arrival: late });
    expect(p.cells).toMatchObject({
      date: { parts: { day: { selector: 'select#day' }, month: { selector: 'select#month' }, year: { selector: 'select#year' } } },
      session: { scope: 'page', selector: 'select#period', state: 'selected-text' },
      periods: { 'AM registration': 'AM', 'PM registration': 'PM' },
      arrival: { scope: 'column', column: { header: '^Mins late$' }, means: 'minutes-late' },
    });
    const byPointing = marksOf(doc, profile(p));
    expect(byPointing).toEqual(marksOf(doc, profile(demoPeriodRegister)));
    expect(byPointing.pupils[0]!.marks[0]).toMatchObject({ date: '2025-11-26', session: 'AM', mark: 'L', minutesLate: 45 });
    // A lesson's register is left alone by both, not called unreadable.
    const lesson = await mis.load('/shapes/period-register?period=Period%201');
    expect(marksOf(lesson, profile(p))).toEqual(marksOf(lesson, profile(demoPeriodRegister)));
    expect(marksOf(lesson, profile(p)).problems).toEqual([]);
  });

  it('an arrival it cannot place is refused at its step, saying why: a name for a time, a column of several sessions', async () => {
    const doc = await mis.load('/shapes/week-grid');
    const header = doc.querySelectorAll('thead th.session')[0]!;
    const amara = doc.querySelector('tr[data-pupil-id="W101"]')!;
    const lesson = { guess: findRegisters(doc)[0]!, role: 'teacher' as const, names: {}, name: amara.querySelector('th.name')!, date: header, session: header };
    const page = { location: doc.location, title: doc.title };
    expect(teachProfile({ ...lesson, arrival: amara.querySelector('th.name')! }, page)).toMatchObject({ ok: false, step: 'arrival', message: expect.stringContaining('Amara Bello') });
    // The UPN cell is not a time; and in a row of ten sessions a row-wide value would be every session's.
    expect(teachProfile({ ...lesson, arrival: amara.querySelector('td.upn')! }, page)).toMatchObject({ ok: false, step: 'arrival' });
  });
});

describe('never the wrong pupil', () => {
  it("a link's parameter that is the row's place (?n=1, 2, 3) is not the pupil's id; one that differs otherwise is", () => {
    const page = (ids: readonly string[]) =>
      new JSDOM(`<h1>Register 26/11/2025 AM</h1><table><tbody>${['Amara Bello', 'Ben Carter', 'Chloe Dunn'].map((name, i) => `<tr><td><a href="/pupil?n=${i + 1}&amp;pid=${ids[i]}">${name}</a></td><td class="m"><input size="2" value="/"></td></tr>`).join('')}</tbody></table>`, { url: 'https://mis.example.sch.uk/reg' }).window.document;
    const doc = page(['P77', 'P12', 'P40']);
    const p = taught(doc, { name: doc.querySelector('a')!, date: doc.querySelector('h1')!, session: doc.querySelector('h1')! });
    expect(p.pupilId).toEqual({ scope: 'row', selector: 'a[href*="pid="]', attribute: 'href', pattern: '[?&]pid=([^&#]+)' });
    // Every link the same id: not one a pupil; the name is used instead (and no two names are the same).
    const same = page(['P77', 'P77', 'P77']);
    expect(taught(same, { name: same.querySelector('a')!, date: same.querySelector('h1')!, session: same.querySelector('h1')! }).pupilId).toEqual({ scope: 'row', selector: 'a' });
  });

  it("a row's place in the list (data-index, data-row, or 1, 2, 3…) is never taken for the pupil's id: sorted, it would be another pupil's", () => {
    const rows = ['Smith, Jo', 'Patel, Riya', 'Brown, Isla'].map((name, i) => `<tr data-index="${i}" data-n="${i + 1}" data-row-key="r${i}" data-pupil="${7000 + i * 7}"><td class="who">${name}</td><td><input class="mark" maxlength="2" value="/"></td></tr>`).join('');
    const doc = new JSDOM(`<h2 id="when">Wednesday 26 November 2025, AM</h2><table id="reg"><tbody>${rows}</tbody></table>`, { url: 'https://mis.example/register' }).window.document;
    const heading = doc.getElementById('when')!;
    const result = teachProfile({ guess: findRegisters(doc)[0]!, role: 'teacher', names: {}, name: doc.querySelector('td.who')!, date: heading, session: heading }, { location: doc.location, title: doc.title });
    expect(result).toMatchObject({ ok: true, profile: { pupilId: { scope: 'row', attribute: 'data-pupil' } } });
  });

  it('a page that shows only names, two of them the same, is not taught without a UPN: the two would be taken for one pupil', () => {
    const rows = ['Smith, Jo', 'Patel, Riya', 'Brown, Isla', 'Chen, Wei', 'Smith, Jo', 'Evans, Dev'].map((name, i) => `<tr><td class="who">${name}</td><td><input class="mark" maxlength="2" value="${i === 1 ? 'N' : '/'}"></td></tr>`).join('');
    const doc = new JSDOM(`<h2 id="when">Wednesday 26 November 2025, AM</h2><table id="reg"><tbody>${rows}</tbody></table>`, { url: 'https://mis.example/register' }).window.document;
    const guess = findRegisters(doc)[0]!;
    expect(guess.rows).toHaveLength(6);
    const heading = doc.getElementById('when')!;
    const result = teachProfile({ guess, role: 'teacher', names: {}, name: doc.querySelector('td.who')!, date: heading, session: heading }, { location: doc.location, title: doc.title });
    expect(result).toEqual({ ok: false, step: 'upn', message: 'Two rows show the name "Smith, Jo", and the page shows no id of the MIS\'s for its pupils: Markwise could take two pupils for one. Click a pupil\'s UPN.' });
    // With the names told apart, it is taught, its plain cells stood for by the boxes in them.
    doc.querySelectorAll('td.who')[4]!.textContent = 'Smith, Joanne';
    const told = teachProfile({ guess, role: 'teacher', names: {}, name: doc.querySelector('td.who')!, date: heading, session: heading }, { location: doc.location, title: doc.title });
    expect(told).toMatchObject({ ok: true, profile: { rows: 'tr', pupilId: { scope: 'row', selector: 'td.who' }, cells: { selector: 'input.mark' } } });
  });
});

describe('a page Markwise has no profile for: the ScholarPack-like register of button groups', () => {
  it('proposes one group of buttons a pupil, and, taught, reads the pressed button as the mark and the minutes box as minutes late, as the hand-written profile does', async () => {
    const doc = await mis.load('/register/manage-register?group=2A');
    const [guess] = findRegisters(doc);
    expect(guess).toMatchObject({ kind: 'buttons', sessions: 1 });
    expect(guess!.rows).toHaveLength(BUTTON_PUPILS.length);
    expect(namesToMatch(guess!)).toEqual([]);
    const barker = doc.querySelector('tr[data-pupil-id="7102"]')!;
    const p = taught(doc, { guess, name: barker.querySelector('.pupil-name')!, date: doc.querySelector('h1')!, session: doc.querySelector('h1')!, arrival: barker.querySelector('input[type="number"]')! });
    expect(p.cells).toMatchObject({ selector: 'div.mark-buttons', mark: { kind: 'buttons', options: 'code' }, arrival: { scope: 'column', column: { header: '^Mins late$' }, state: 'value', means: 'minutes-late' } });
    const byPointing = marksOf(doc, profile(p));
    const byHand = marksOf(doc, profile(scholarpackUnverified));
    expect(byPointing.pupils.map((x) => x.marks.map((m) => [m.date, m.session, m.mark, m.minutesLate ?? null]))).toEqual(byHand.pupils.map((x) => x.marks.map((m) => [m.date, m.session, m.mark, m.minutesLate ?? null])));
    expect(byPointing.pupils.map((x) => x.marks[0]!.mark)).toEqual(BUTTON_PUPILS.map((x) => x.code));
    expect(byPointing.pupils[1]!.marks[0]).toMatchObject({ date: '2025-11-26', session: 'AM', mark: 'L', minutesLate: 45 });
  });

  it('a group of icon buttons is read by each button\'s aria-label, and its names are asked of a person', () => {
    const doc = new JSDOM(`<h1>Register 26/11/2025 AM</h1><table class="reg"><tbody>${['Amara Bello', 'Ben Carter', 'Chloe Dunn'].map((name, i) => `<tr data-id="${i + 11}"><td class="who">${name}</td><td><span class="marks"><button aria-label="Present" aria-pressed="${i === 0}"><svg></svg></button><button aria-label="Late" aria-pressed="${i === 1}"><svg></svg></button><button aria-label="Absent" aria-pressed="false"><svg></svg></button></span></td></tr>`).join('')}</tbody></table>`, { url: 'https://mis.example.sch.uk/reg' }).window.document;
    const [guess] = findRegisters(doc);
    expect(guess?.kind).toBe('buttons');
    expect(namesToMatch(guess!)).toEqual(['Present', 'Late', 'Absent']);
    const p = taught(doc, { guess, name: doc.querySelector('td.who')!, date: doc.querySelector('h1')!, session: doc.querySelector('h1')!, names: { Present: 'PRESENT', Late: 'L', Absent: 'N' } });
    expect(p.cells!.mark).toMatchObject({ kind: 'buttons', options: 'name', buttonAttribute: 'aria-label' });
    expect(marksOf(doc, profile(p)).pupils.map((x) => x.marks[0]!.mark)).toEqual(['/', 'L', '']);
  });
});

describe('a page that shows no date or session: always today\'s register, always AM', () => {
  const page = `<h1>Take register: 2A</h1><table class="register"><tbody>${['Amara Bello', 'Ben Carter', 'Chloe Dunn'].map((name, i) => `<tr data-pupil-id="${i + 1}"><td class="name">${name}</td><td class="mark"><input size="2" value="${['/', 'L', 'H'][i]}"></td></tr>`).join('')}</tbody></table>`;

  it('is taught as the person says, and read as of the day Markwise checks as of; without that day, no date is guessed', () => {
    const doc = new JSDOM(page, { url: 'https://mis.example.sch.uk/take' }).window.document;
    const p = taught(doc, { name: doc.querySelector('td.name')!, date: 'today', session: 'AM' });
    expect(p.cells).toMatchObject({ date: { today: true }, session: { always: 'AM' } });
    expect(p.assumptions!.join(' ')).toContain("only ever shows today's register");
    const parsed = profile(p);
    const root = findRegister(doc, parsed)!;
    expect(readRegister(doc, root, parsed, '', '2025-11-26').snapshot.pupils.map((x) => x.marks)).toEqual([
      [{ date: '2025-11-26', session: 'AM', mark: '/', arrival: null }],
      [{ date: '2025-11-26', session: 'AM', mark: 'L', arrival: null }],
      [{ date: '2025-11-26', session: 'AM', mark: 'H', arrival: null }],
    ]);
    const unknownDay = readRegister(doc, root, parsed);
    expect(unknownDay.snapshot.pupils.flatMap((x) => x.marks)).toEqual([]);
    expect(unknownDay.problems[0]!.message).toContain('today’s date was not given');
  });
});

describe('a page Markwise has no profile for: the Gibbon-like grid of cards, two dropdowns a pupil', () => {
  const url = '/index.php?q=/modules/Attendance/attendance_take_byRollGroup.php&gibbonRollGroupID=00004&currentDate=26/11/2025';
  const names = Object.fromEntries(GIBBON_TYPES.map((t) => [t.name, t.code]));

  it('proposes the type dropdowns as the marks, one a pupil, not the reasons beside them nor the "Change All" row', async () => {
    const doc = await mis.load(url);
    const [guess] = findRegisters(doc);
    expect(guess).toMatchObject({ kind: 'select', sessions: 1 });
    expect(guess!.rows).toHaveLength(GIBBON_PUPILS.length);
    expect(guess!.marks.map((m) => m.map((x) => x.control.getAttribute('name')))).toEqual(GIBBON_PUPILS.map((_p, n) => [`${n}-type`]));
    expect(namesToMatch(guess!)).toEqual(GIBBON_TYPES.map((t) => t.name));
  });

  it("taught, keys each pupil by the MIS's id in their name's link, never by their place in the list (0-type, 1-type)", async () => {
    const doc = await mis.load(url);
    const cell = doc.querySelectorAll('#attendance > div')[1]!;
    const p = taught(doc, { name: cell.querySelector('a.font-bold')!, date: doc.querySelector('#currentDate')!, session: 'AM', names });
    expect(p.pupilId).toEqual({ scope: 'row', selector: 'a[href*="gibbonPersonID="]', attribute: 'href', pattern: '[?&]gibbonPersonID=([^&#]+)' });
    const read = read_(doc, p);
    expect(read.pupilIds).toEqual(GIBBON_PUPILS.map((x) => x.id));
    expect(read.snapshot.pupils.map((x) => x.marks[0]!.mark)).toEqual(['/', 'L', 'I', '/', 'H', 'N']);
    expect(read.snapshot.pupils[0]!.marks[0]).toMatchObject({ date: '2025-11-26', session: 'AM' });
    expect(marksOf(doc, profile(p))).toEqual(marksOf(doc, profile(gibbonByHand())));
  });
});

function read_(doc: Document, p: SiteProfileInput) {
  return read(doc, profile(p));
}

describe("the MIS's own id, pointed at in the UPN step", () => {
  it("RosarioSIS's ID column (plain cells, found by their header) keys the pupils; a column of the rows' places is refused", async () => {
    const doc = await mis.load('/Modules.php?modname=Attendance/TakeAttendance.php');
    const [guess] = findRegisters(doc);
    const names = Object.fromEntries(ROSARIO_CODES.map((c) => [c.title, c.code]));
    const idCell = doc.querySelectorAll('table.list tbody tr')[2]!.querySelectorAll('td')[1]!;
    expect(idCell.textContent).toBe('303');
    const lesson = { guess, name: doc.querySelector('.tipmsg-label')!, date: doc.querySelector('#day_date')!, session: doc.querySelector('#school_period')!, names };
    const p = taught(doc, { ...lesson, upn: idCell });
    expect(p.pupilId).toEqual({ scope: 'column', column: { header: '^RosarioSIS ID$' } });
    expect(p.upn).toBeUndefined();
    expect(read(doc, profile(p)).pupilIds).toEqual(ROSARIO_PUPILS.map((x) => String(x.id)));
    // The grade column says "Year 6" in every row: not an id.
    const grade = doc.querySelectorAll('table.list tbody tr')[2]!.querySelectorAll('td')[2]!;
    expect(teachProfile({ ...lesson, guess: guess!, role: 'teacher', upn: grade }, { location: doc.location, title: doc.title })).toMatchObject({ ok: false, step: 'upn' });
  });
});

describe('one mark a row, each with its own date and session (an absence report)', () => {
  it('reads the date and session in each row, as the hand-written profile does, never one row\'s date for all', async () => {
    const doc = await mis.load('/shapes/absence-report');
    const [guess] = findRegisters(doc);
    const row = guess!.rows[1]!;
    const p = taught(doc, { guess, name: row.querySelector('td.name')!, date: row.querySelector('td.date')!, session: row.querySelector('td.session')!, upn: row.querySelector('td.upn')! });
    expect(p.cells).toMatchObject({ date: { scope: 'row', selector: 'td.date', format: 'EEEE d MMMM yyyy' }, session: { scope: 'row', selector: 'td.session' } });
    const byPointing = marksOf(doc, profile(p));
    expect(byPointing).toEqual(marksOf(doc, profile(demoAbsenceReport)));
    expect(new Set(byPointing.pupils.flatMap((x) => x.marks.map((m) => m.date))).size).toBeGreaterThan(1);
  });

  it('a date in the row of a register of several sessions a row is refused: it would be every session\'s', async () => {
    const doc = await mis.load('/shapes/week-grid');
    const header = doc.querySelectorAll('thead th.session')[0]!;
    const amara = doc.querySelector('tr[data-pupil-id="W101"]')!;
    const result = teachProfile({ guess: findRegisters(doc)[0]!, role: 'teacher', names: {}, name: amara.querySelector('th.name')!, date: amara.querySelector('td.arrived')!, session: header }, { location: doc.location, title: doc.title });
    expect(result).toMatchObject({ ok: false, step: 'date' });
  });
});
