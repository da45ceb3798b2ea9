// The server-rendered pages of the demo MIS. Every function returns a whole HTML page.

import type { SessionName } from '../../rules/codes';
import { addDays, isIsoDate, type IsoDate } from '../../rules/dates';
import { esc, page, shortDay, ukDate, type ScriptAt } from './html';
import { registerGrid, REGISTER_SCRIPT, type GridRow, type GridSession } from './register';
import {
  attendanceOf,
  CLASS_IDS,
  compareByName,
  CURRENT_TERM_START,
  CURRENT_YEAR,
  DEMO_CASES,
  DEMO_TODAY,
  displayName,
  formatPercent,
  isSchoolDay,
  makeUpn,
  markKey,
  mondayOf,
  pupilsOfClass,
  registerName,
  schoolDayBefore,
  SCHOOL_NAME,
  seededRandom,
  FORENAMES,
  SURNAMES,
  upnCheckLetter,
  type ClassId,
  type DemoMark,
  type DemoPupil,
  type DemoSchool,
} from './school';

const SESSIONS: readonly SessionName[] = ['AM', 'PM'];

/** The default week of the class register: the week of the demo's today. */
export const DEFAULT_WEEK: IsoDate = mondayOf(DEMO_TODAY);
/** The office list's default range: the 12 school days before today, to today. */
export const DEFAULT_UNEXPLAINED_FROM: IsoDate = schoolDayBefore(DEMO_TODAY, 12);

export function homePage(): string {
  const links: [string, string, string][] = [
    [`/register/class?class=4A&week=${DEFAULT_WEEK}`, 'Class register', 'One class for one week (Mon-Fri, AM and PM): teachers type a code into each cell and save. Class 4A holds the planted cases.'],
    ['/app/?/register/4A/2025-11-26/AM', 'Registers (single-page app)', 'An Arbor-like app: one session at a time, a dropdown of code names per pupil; it saves each change at once and moves between registers without a page load.'],
    ['/office/unexplained', 'Unexplained absences', 'The office list: every N mark (reason not yet provided) of the last 12 school days, one row per mark, read-only.'],
    ['/pupils', 'Pupils', 'All 420 pupils with their attendance this year; each links to the pupil record with this term\'s marks.'],
    ['/pupils/P1241', 'A pupil record', 'Details, attendance this year and the marks of the autumn term so far, read-only.'],
    ['/bench/office?pupils=1500&sessions=10', 'Bench register', 'The class-register markup with 1,500 generated pupils and 10 sessions (15,000 inputs), for timing.'],
    ['/attendance/take?class=5B', 'Take attendance (radio buttons)', 'An openSIS-like page: one radio per code under code-named column headers, database ids as values, the date in a date box (issue 12).'],
    ['/register/week?class=6A', 'Week register (text until clicked)', 'Each cell shows its mark as text and becomes a dropdown when clicked; some cells hold an inline script.'],
    ['/shapes/week-grid', 'Week grid with Arrived columns', 'Headers "Mon 24/11" with the year only in the heading, and an Arrived column after each session column.'],
    ['/shapes/period-register', 'Register by period', 'Named "AM registration", the date in three dropdowns, and a Mins late column (?period=Period%201 is a lesson, left alone).'],
    ['/shapes/absence-report', 'Absence report', 'Absences listed with dates written out ("Tuesday 18 November 2025").'],
    ['/Nucleus/UI/Areas/Attendance/Register.aspx?group=3C', 'Register grid (no profile yet)', 'An ASP.NET WebForms grid of text boxes with generated ids and alternating row classes. Markwise has no profile for it: teach it from the popup ("Teach Markwise this page").'],
    ['/mis/attendance/list?group=4B&date=2025-11-26&session=AM', 'Register list (no profile yet)', 'An app-style list: one dropdown of code names per pupil, the date and session in the heading, the list replaced in place by Next and Previous session. Teach it from the popup.'],
    ['/Modules.php?modname=Attendance/TakeAttendance.php', 'Take attendance by period (no profile yet)', 'A RosarioSIS-like page: one radio per code under code-titled headers, the date in three dropdowns and the period in another. Teach it from the popup.'],
    ['/register/manage-register?group=2A', 'Manage register (buttons, no profile yet)', 'A ScholarPack-like positive register: one group of code buttons per pupil, the chosen one pressed, and a minutes-late box. Teach it from the popup.'],
    ['/index.php?q=/modules/Attendance/attendance_take_byRollGroup.php&gibbonRollGroupID=00004&currentDate=26/11/2025', 'Take attendance by roll group (two dropdowns, no profile yet)', 'A Gibbon-like grid of cards: a type and a reason dropdown per pupil, ids only in links and hidden inputs, one register a day. Teach it from the popup.'],
    ['/hashapp/#/attendance/take/4A/2025-11-24/AM', 'Register app (routes after #)', 'Routes in the fragment and shows only the MIS\'s own pupil ids, no UPN.'],
    ['/widget/', 'The widget, without the extension', 'The same register and badges with Markwise included by one script tag, a plain register table, and the JavaScript API.'],
    ['/fixtures/hostile', 'Hostile fixture', 'The class-register markup with pupils whose names contain markup and quotes, shown as text.'],
    [
      `/register/class?class=4A&week=${DEFAULT_WEEK}&fault=same-upn`,
      'Faulty pages',
      `The class register with one UPN on two rows (or fault=marks-unreadable: marks the profile cannot read); the office list with a row typed as 1925 (/office/unexplained?typo=${DEMO_CASES.nOverdue17Nov.pupilId}) or one session shown twice (?twice=${DEMO_CASES.nOverdue17Nov.pupilId}).`,
    ],
  ];
  const body = `<h1>${esc(SCHOOL_NAME)}: staff MIS (demo)</h1>
<p class="note">A fictional school on a fake MIS, for trying Markwise. It is Wednesday 26 November 2025, after the morning register: the afternoon and later sessions are blank. Changes are kept in memory until the server stops.</p>
<ul class="home-links">
${links.map(([href, label, what]) => `<li><a href="${esc(href)}">${esc(label)}</a>: ${esc(what)}</li>`).join('\n')}
</ul>`;
  return page('Home', body);
}

export function notFoundPage(what = 'This page does not exist.'): string {
  return page('Page not found', `<h1>Page not found</h1><p>${esc(what)}</p><p><a href="/">Back to the home page</a></p>`);
}

function ytdOf(pupil: DemoPupil): string {
  return formatPercent(attendanceOf(pupil, CURRENT_YEAR).percent);
}

function classPicker(current: ClassId, href: (c: ClassId) => string, label: string): string {
  return `<nav class="picker" aria-label="${esc(label)}">Class: ${CLASS_IDS.map((c) => `<a href="${esc(href(c))}"${c === current ? ' aria-current="page"' : ''}>${c}</a>`).join(' ')}</nav>`;
}

export function weekSessions(monday: IsoDate, count = 10): GridSession[] {
  const sessions: GridSession[] = [];
  for (let d = 0; sessions.length < count; d++) {
    const date = addDays(monday, d);
    const weekday = d % 7;
    if (weekday >= 5) continue; // Saturday and Sunday
    for (const session of SESSIONS) if (sessions.length < count) sessions.push({ date, session, noSchool: !isSchoolDay(date) });
  }
  return sessions;
}

export function registerUrl(classId: ClassId, week: IsoDate): string {
  return `/register/class?class=${classId}&week=${week}`;
}

/** The widget on a page instead of the extension: its element above the register, its one script tag. */
export interface WidgetEmbed {
  /** Before the register. */
  readonly element: string;
  /** The widget's script tag, by default deferred at the end of the page. */
  readonly scriptSrc: string;
  readonly scriptAt?: ScriptAt;
}

/**
 * Faults a real MIS page can have, for trying Markwise on them (?fault=):
 * - same-upn: a second pupil's row shows the UPN of the pupil with the late L (a UPN typed twice);
 * - marks-unreadable: the mark inputs have another class than the profile expects (the MIS changed its markup);
 * - marks-later: the register arrives with blank cells and its marks are filled in by script a moment after
 *   the page has loaded, as app-style MIS pages fetch them.
 */
export const REGISTER_FAULTS = ['same-upn', 'marks-unreadable', 'marks-later'] as const;
export type RegisterFault = (typeof REGISTER_FAULTS)[number];

export function isRegisterFault(text: string | null): text is RegisterFault {
  return (REGISTER_FAULTS as readonly (string | null)[]).includes(text);
}

/** The row that shows another pupil's UPN on the same-upn page: the first after the late L's that has no planted case. */
export function sameUpnRow(pupils: readonly DemoPupil[]): number {
  const caseIds = new Set(Object.values(DEMO_CASES).map((c) => c.pupilId));
  const late = pupils.findIndex((p) => p.id === DEMO_CASES.lateAfterClose.pupilId);
  return pupils.findIndex((p, i) => i > late && !caseIds.has(p.id));
}

export function classRegisterPage(school: DemoSchool, classId: ClassId, week: IsoDate, widget?: WidgetEmbed, fault?: RegisterFault): string {
  const pupils = pupilsOfClass(school, classId);
  const sessions = weekSessions(week);
  const rows: GridRow[] = pupils.map((p) => ({ id: p.id, name: registerName(p), upn: p.upn, ytd: ytdOf(p), href: `/pupils/${p.id}` }));
  if (fault === 'same-upn') {
    const twin = sameUpnRow(pupils);
    const late = school.byId.get(DEMO_CASES.lateAfterClose.pupilId);
    if (twin >= 0 && late !== undefined) rows[twin] = { ...rows[twin]!, upn: late.upn };
  }
  const grid = registerGrid(
    sessions,
    rows,
    (r, c) => {
      const s = sessions[c]!;
      return fault === 'marks-later' ? undefined : pupils[r]!.marks.get(markKey(s.date, s.session));
    },
    fault === 'marks-unreadable' ? 'reg-mark' : undefined,
  );
  const later = fault === 'marks-later' ? marksLater(pupils, sessions) : '';
  const body = `<h1>Class register: ${esc(classId)}</h1>
${classPicker(classId, (c) => registerUrl(c, week), 'Classes')}
<nav class="picker" aria-label="Weeks"><a href="${esc(registerUrl(classId, addDays(week, -7)))}">Previous week</a> <strong>Week beginning ${esc(shortDay(week))}/${week.slice(0, 4)}</strong> <a href="${esc(registerUrl(classId, addDays(week, 7)))}">Next week</a></nav>
<p class="note">Type a code in each cell (/ or \\ present, L late, N reason not yet known) and save.</p>
${widget?.element ?? ''}
${grid}${later}`;
  return page(`Register ${classId}, week beginning ${ukDate(week)}`, body, { script: REGISTER_SCRIPT, scriptSrc: widget?.scriptSrc, scriptAt: widget?.scriptAt });
}

/** The marks of the marks-later fault: sent with the page as data, put in the cells 1.5 s after it has loaded. */
function marksLater(pupils: readonly DemoPupil[], sessions: readonly GridSession[]): string {
  const marks: Record<string, string> = {};
  for (const p of pupils) {
    for (const s of sessions) {
      const mark = p.marks.get(markKey(s.date, s.session));
      if (mark !== undefined) marks[`mark|${p.id}|${s.date}|${s.session}`] = mark.code;
    }
  }
  // JSON in a script element: '<' is escaped so no mark can end the element.
  return `
<script type="application/json" id="marks-later">${JSON.stringify(marks).replace(/</g, '\\u003c')}</script>
<script>addEventListener('load', function () { setTimeout(function () {
  var marks = JSON.parse(document.getElementById('marks-later').textContent);
  for (var name in marks) { var input = document.getElementsByName(name)[0]; if (input) input.value = marks[name]; }
}, 1500); });</script>`;
}

/** Applies a saved register form (fields `mark|<pupilId>|<date>|<session>`). Returns how many marks changed. */
export function saveRegisterForm(school: DemoSchool, form: URLSearchParams): number {
  let changed = 0;
  for (const [name, raw] of form) {
    const parts = name.split('|');
    if (parts.length !== 4 || parts[0] !== 'mark') continue;
    const [, pupilId, date, session] = parts as [string, string, string, string];
    if (setMark(school, pupilId, date, session, raw)) changed++;
  }
  return changed;
}

/** Records one mark as typed (trimmed; blank clears it). Keeps the arrival time while the code is unchanged. */
export function setMark(school: DemoSchool, pupilId: string, date: string, session: string, raw: string): boolean {
  const pupil = school.byId.get(pupilId);
  if (pupil === undefined || !isIsoDate(date) || (session !== 'AM' && session !== 'PM')) return false;
  const code = raw.trim();
  const key = markKey(date, session);
  const old = pupil.marks.get(key);
  if ((old?.code ?? '') === code) return false;
  if (code === '') pupil.marks.delete(key);
  else {
    const mark: DemoMark = { code };
    if (old?.arrival !== undefined && /^[LU]$/i.test(code)) mark.arrival = old.arrival;
    pupil.marks.set(key, mark);
  }
  return true;
}

/** The date of the row a typo adds to the office list (?typo=<pupil id>): 2025 typed as 1925. */
export const TYPO_DATE: IsoDate = '1925-11-24';

/**
 * The office list of N marks. typoFor adds a row for that pupil dated TYPO_DATE; twiceFor shows
 * that pupil's first N of the range again, as O (a report that joined two sources badly).
 */
export function unexplainedPage(school: DemoSchool, from: IsoDate, to: IsoDate, typoFor?: DemoPupil, twiceFor?: DemoPupil): string {
  const rows: { pupil: DemoPupil; date: IsoDate; session: SessionName; code: string }[] = [];
  for (const pupil of school.pupils) {
    for (const [key, mark] of pupil.marks) {
      const date = key.slice(0, 10);
      if (date < from || date > to || mark.code.trim().toUpperCase() !== 'N') continue;
      rows.push({ pupil, date, session: key.slice(11) as SessionName, code: mark.code.trim() });
    }
  }
  if (typoFor !== undefined) rows.push({ pupil: typoFor, date: TYPO_DATE, session: 'AM', code: 'N' });
  const first = rows.find((r) => r.pupil === twiceFor);
  if (first !== undefined) rows.splice(rows.indexOf(first) + 1, 0, { ...first, code: 'O' });
  rows.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.session.localeCompare(b.session) ||
      CLASS_IDS.indexOf(a.pupil.classId) - CLASS_IDS.indexOf(b.pupil.classId) ||
      compareByName(a.pupil, b.pupil),
  );
  const body = `<h1>Unexplained absences</h1>
<p class="note">Every N mark (reason for absence not yet provided) from ${esc(ukDate(from))} to ${esc(ukDate(to))}, one row per session. The office replaces each N with a reason.</p>
<form class="toolbar" method="get" action="/office/unexplained">
<label>From <input type="date" name="from" value="${esc(from)}"></label>
<label>To <input type="date" name="to" value="${esc(to)}"></label>
<button type="submit">Show</button>
</form>
<p class="count">${rows.length} ${rows.length === 1 ? 'mark' : 'marks'}</p>
<table id="unexplained" class="report"><thead><tr><th scope="col">Pupil</th><th scope="col">UPN</th><th scope="col">Class</th><th scope="col">Date</th><th scope="col">Session</th><th scope="col">Code</th></tr></thead><tbody>
${rows
  .map(
    (r) =>
      `<tr class="absence-row" data-pupil-id="${esc(r.pupil.id)}"><td class="pupil-name">${esc(registerName(r.pupil))}</td><td class="pupil-upn">${esc(r.pupil.upn)}</td><td class="pupil-class">${esc(r.pupil.classId)}</td><td class="absence-date">${ukDate(r.date)}</td><td class="absence-session">${r.session}</td><td class="absence-code">${esc(r.code)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
  return page('Unexplained absences', body);
}

export function pupilListPage(school: DemoSchool, classId: ClassId | null): string {
  const pupils = classId === null ? [...school.pupils].sort((a, b) => CLASS_IDS.indexOf(a.classId) - CLASS_IDS.indexOf(b.classId) || compareByName(a, b)) : pupilsOfClass(school, classId);
  const rows = pupils.map((p) => {
    const a = attendanceOf(p, CURRENT_YEAR);
    return `<tr class="pupil-row" data-pupil-id="${esc(p.id)}"><td class="pupil-name"><a href="/pupils/${esc(p.id)}">${esc(registerName(p))}</a></td><td class="pupil-upn">${esc(p.upn)}</td><td class="pupil-class">${esc(p.classId)}</td><td class="ytd-attendance">${formatPercent(a.percent)}</td><td class="ytd-sessions">${a.attended}/${a.possible}</td></tr>`;
  });
  const picker = `<nav class="picker" aria-label="Classes">Class: <a href="/pupils"${classId === null ? ' aria-current="page"' : ''}>All</a> ${CLASS_IDS.map((c) => `<a href="/pupils?class=${c}"${c === classId ? ' aria-current="page"' : ''}>${c}</a>`).join(' ')}</nav>`;
  const body = `<h1>Pupils${classId === null ? '' : `: ${esc(classId)}`}</h1>
${picker}
<p class="count">${pupils.length} pupils. Attendance is for ${CURRENT_YEAR} to date: sessions attended of possible sessions.</p>
<table id="pupil-list" class="report"><thead><tr><th scope="col">Pupil</th><th scope="col">UPN</th><th scope="col">Class</th><th scope="col">Attendance</th><th scope="col">Sessions</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
  return page(classId === null ? 'Pupils' : `Pupils ${classId}`, body);
}

export function pupilRecordPage(pupil: DemoPupil): string {
  const a = attendanceOf(pupil, CURRENT_YEAR);
  const heads = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].flatMap((d) => SESSIONS.map((s) => `<th scope="col">${d} ${s}</th>`)).join('');
  const weeks: string[] = [];
  for (let monday = mondayOf(CURRENT_TERM_START); monday <= DEMO_TODAY; monday = addDays(monday, 7)) {
    const cells: string[] = [];
    for (let d = 0; d < 5; d++) {
      const date = addDays(monday, d);
      for (const session of SESSIONS) {
        if (!isSchoolDay(date) || date < CURRENT_TERM_START) cells.push('<td class="no-school"></td>');
        else if (date > DEMO_TODAY) cells.push('<td class="future"></td>');
        else {
          const mark = pupil.marks.get(markKey(date, session));
          cells.push(
            `<td class="mark" data-date="${date}" data-session="${session}">${mark ? esc(mark.code) : ''}${mark?.arrival ? `<span class="mark-arrival">${esc(mark.arrival)}</span>` : ''}</td>`,
          );
        }
      }
    }
    weeks.push(`<tr><th scope="row">${esc(shortDay(monday))}</th>${cells.join('')}</tr>`);
  }
  const body = `<section class="pupil-record" data-pupil-id="${esc(pupil.id)}"><h1 class="pupil-name">${esc(displayName(pupil))}</h1>
<dl><dt>UPN</dt><dd class="pupil-upn">${esc(pupil.upn)}</dd><dt>Date of birth</dt><dd class="pupil-dob">${ukDate(pupil.dob)}</dd><dt>Class</dt><dd class="pupil-class"><a href="${esc(registerUrl(pupil.classId, DEFAULT_WEEK))}">${esc(pupil.classId)}</a></dd><dt>Attendance this year</dt><dd class="ytd-attendance">${formatPercent(a.percent)}</dd><dd class="ytd-sessions">${a.attended}/${a.possible}</dd></dl>
<h2>Marks this term (Autumn ${CURRENT_YEAR})</h2>
<table class="pupil-marks"><thead><tr><th scope="col">Week beginning</th>${heads}</tr></thead><tbody>
${weeks.join('\n')}
</tbody></table>
</section>`;
  return page(displayName(pupil), body);
}

// ---------------------------------------------------------------------------
// The bench page and the hostile fixture: the class-register markup with generated pupils.

const BENCH_OTHER_CODES = ['I', 'I', 'M', 'N', 'N', 'O', 'L', 'L', 'U', 'G', 'C', 'R'];

export function benchPage(pupilCount: number, sessionCount: number, widget?: WidgetEmbed): string {
  const rnd = seededRandom(1500);
  const sessions = weekSessions(DEFAULT_WEEK, sessionCount);
  const rows: GridRow[] = [];
  for (let i = 1; i <= pupilCount; i++) {
    const id = `B${String(i).padStart(5, '0')}`;
    const digits = `3839999${String(i).padStart(5, '0')}`;
    const forename = FORENAMES[Math.floor(rnd() * FORENAMES.length)]!;
    const surname = SURNAMES[Math.floor(rnd() * SURNAMES.length)]!;
    rows.push({ id, name: `${surname}, ${forename}`, upn: `${upnCheckLetter(digits)}${digits}`, ytd: formatPercent(75 + rnd() * 25), href: `/pupils/${id}` });
  }
  const grid = registerGrid(sessions, rows, (_r, c) => {
    const session = sessions[c]!.session;
    if (rnd() >= 0.03) return { code: session === 'AM' ? '/' : '\\' };
    const code = BENCH_OTHER_CODES[Math.floor(rnd() * BENCH_OTHER_CODES.length)]!;
    if (code === 'L') return { code, arrival: rnd() < 0.5 ? '09:40' : '09:12' };
    if (code === 'U') return { code, arrival: '09:35' };
    return { code };
  });
  const body = `<h1>Bench register: ${pupilCount} pupils, ${sessions.length} sessions</h1>
<p class="note">Generated pupils for timing; saving here changes nothing.</p>
${widget?.element ?? ''}
${grid}`;
  return page('Bench register', body, { script: REGISTER_SCRIPT, scriptSrc: widget?.scriptSrc, scriptAt: widget?.scriptAt });
}

/** Names that would run as markup if a page or an extension put them in innerHTML. */
export const HOSTILE_NAMES = ['<img src=x onerror=alert(1)>', '"Quote" & Ampersand', 'Baker, Olivia'] as const;

export function hostilePage(): string {
  const sessions = weekSessions(DEFAULT_WEEK);
  const rows: GridRow[] = HOSTILE_NAMES.map((name, i) => ({
    id: `H0000${i + 1}`,
    name,
    upn: makeUpn('9998', 19, i),
    ytd: formatPercent(96.5 - i * 7),
    href: `/pupils/H0000${i + 1}`,
  }));
  const grid = registerGrid(sessions, rows, (r, c) => {
    const session = sessions[c]!.session;
    if (r === 1 && c === 2) return { code: '<b>' };
    if (r === 0 && c === 0) return { code: 'L', arrival: '09:10' };
    return { code: session === 'AM' ? '/' : '\\' };
  });
  const body = `<h1>Hostile fixture</h1>
<p class="note">Pupil names and marks with markup in them: the page shows them as text.</p>
${grid}`;
  return page('Hostile fixture', body, { script: REGISTER_SCRIPT });
}
