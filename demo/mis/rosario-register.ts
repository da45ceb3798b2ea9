// A radio-button register with no built-in profile, its date in three dropdowns and its period in
// another: the third page Markwise is taught by pointing (issue 16). Written fresh for the demo,
// modelled on RosarioSIS's Take Attendance (francoisjacquet/rosariosis,
// modules/Attendance/TakeAttendance.php, GPL: read, not copied), as ListOutput draws it:
// - one column per attendance code, headed by the code's title; in each pupil's row one radio per
//   code, named attendance[<student id>], its value the code's database id ("CODE_12"), each radio
//   in a div.attendance-code, the school's default code checked where nothing is recorded yet;
// - columns for the student's name, the MIS's own student id and grade level before the codes, a
//   "Teacher Comment" box after them;
// - the date from PrepareDate: three dropdowns (month, day, year), no date written as text; the
//   period in a dropdown of school periods (shared/reference/mis-pages.md, "Date as form controls",
//   "Periods: registers named by period").
//   /Modules.php?modname=Attendance/TakeAttendance.php

import { esc, page } from './html';

export const ROSARIO_PATH = '/Modules.php';

/** The codes as this school set them up in RosarioSIS: title, DfE code it means, database id. */
export const ROSARIO_CODES: readonly { title: string; code: string; id: number }[] = [
  { title: 'Present', code: 'PRESENT', id: 11 },
  { title: 'Late', code: 'L', id: 12 },
  { title: 'Late (after close)', code: 'U', id: 13 },
  { title: 'Ill', code: 'I', id: 14 },
  { title: 'Appointment', code: 'M', id: 15 },
  { title: 'No reason yet', code: 'N', id: 16 },
  { title: 'Unauthorised', code: 'O', id: 17 },
  // Set up before August 2024 and never removed: H was withdrawn on 19 August 2024.
  { title: 'Holiday (agreed)', code: 'H', id: 18 },
];

/** The pupils, each with the title of the code checked for Wednesday 26 November 2025, AM. */
export const ROSARIO_PUPILS: readonly { id: number; name: string; grade: string; checked: string }[] = [
  { id: 301, name: 'Khan, Ayesha', grade: 'Year 6', checked: 'Present' },
  { id: 302, name: 'Lewis, Jack', grade: 'Year 6', checked: 'Late' },
  { id: 303, name: 'Morgan, Ella', grade: 'Year 6', checked: 'No reason yet' },
  { id: 304, name: 'Nowak, Kacper', grade: 'Year 6', checked: 'Ill' },
  { id: 305, name: 'Okafor, Tobi', grade: 'Year 6', checked: 'Present' },
  { id: 306, name: 'Patel, Riya', grade: 'Year 6', checked: 'Unauthorised' },
  { id: 307, name: 'Quinn, Sean', grade: 'Year 6', checked: 'Holiday (agreed)' },
  // Nothing checked: RosarioSIS checks the school's default code where nothing is recorded, and a
  // school may set none (AttendanceCodes.php's "Default" is optional).
  { id: 308, name: 'Rahman, Sami', grade: 'Year 6', checked: '' },
];

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

function selectOf(name: string, label: string, options: readonly [string, string][], selected: string): string {
  return `<select name="${name}" id="${name}" aria-label="${esc(label)}">${options.map(([value, text]) => `<option value="${esc(value)}"${value === selected ? ' selected' : ''}>${esc(text)}</option>`).join('')}</select>`;
}

export function rosarioRegisterPage(): string {
  const month = selectOf('month_date', 'Month', MONTHS.map((m, i) => [String(i + 1).padStart(2, '0'), m]), '11');
  const day = selectOf('day_date', 'Day', Array.from({ length: 31 }, (_, i) => [String(i + 1).padStart(2, '0'), String(i + 1)]), '26');
  const year = selectOf('year_date', 'Year', ['2024', '2025', '2026'].map((y) => [y, y]), '2025');
  const period = selectOf('school_period', 'Period', [['1', 'Registration AM'], ['2', 'Registration PM'], ['3', 'Period 1']], '1');
  const heads = ROSARIO_CODES.map((c) => `<th>${esc(c.title)}</th>`).join('');
  const rows = ROSARIO_PUPILS.map((p, r) => {
    const radios = ROSARIO_CODES.map(
      (c) =>
        `<td><div class="attendance-code${c.title === p.checked ? (c.code === 'PRESENT' ? ' present' : ' absent') : ''}"><input type="radio" name="attendance[${p.id}]" value="CODE_${c.id}" aria-label="${esc(p.name)}: ${esc(c.title)}"${c.title === p.checked ? ' checked' : ''}></div></td>`,
    ).join('');
    return `<tr class="${r % 2 === 0 ? 'list-row-odd' : 'list-row-even'}"><td><span class="tipmsg-label">${esc(p.name)}</span></td><td>${p.id}</td><td>${esc(p.grade)}</td>${radios}<td><input type="text" name="comment[${p.id}]" size="20" maxlength="500" aria-label="${esc(p.name)}: Teacher Comment"></td></tr>`;
  }).join('\n');
  const body = `<h2 class="program-title">Take Attendance</h2>
<form action="Modules.php?modname=Attendance/TakeAttendance.php&amp;table=0" method="POST">
<div class="header2">${period} <input type="submit" value="Save"></div>
<div class="header2">${month} ${day} ${year} <span class="nobr" style="color:green">You can edit this attendance</span></div>
<table class="list widefat rt">
<thead><tr><th>Student</th><th>RosarioSIS ID</th><th>Grade Level</th>${heads}<th>Teacher Comment</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<div class="center"><input type="submit" value="Save"></div>
</form>`;
  return page('Take Attendance', body);
}
