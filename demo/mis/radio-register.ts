// A register of radio buttons, one session a page, written fresh for the demo and modelled on
// openSIS Classic's "Take Attendance" (OS4ED/openSIS-Classic, modules/attendance/TakeAttendance.php,
// GPL: read, not copied): one column per attendance code headed by the code's title, one radio
// per code in each pupil's row (name="attendance[<student id>]", value the code's database id,
// each radio in a small table of its own inside the cell, its label empty: here named by aria-label,
// so that the demo is accessible), a comment box per
// pupil; and shared/reference/mis-pages.md ("one radio group per pupil, one radio per code, the
// codes' names as the column headers; the radios' values are database ids"). The date is an
// <input type="date"> whose live value is the date; the period is in the heading.
//   /attendance/take?class=5B&date=2025-11-26&period=AM

import type { SessionName } from '../../rules/codes';
import { isIsoDate, type IsoDate } from '../../rules/dates';
import { esc, page } from './html';
import { DEMO_TODAY, isClassId, markKey, pupilsOfClass, registerName, type ClassId, type DemoMark, type DemoSchool } from './school';

/** The school's attendance codes as this MIS lists them: title, DfE code, database id (renumbered each year). */
export const RADIO_CODES: readonly { title: string; code: string; id: number }[] = [
  { title: 'Present', code: '/', id: 4101 },
  { title: 'Late', code: 'L', id: 4102 },
  { title: 'Late after register closed', code: 'U', id: 4103 },
  { title: 'Reason not yet provided', code: 'N', id: 4104 },
  { title: 'Illness', code: 'I', id: 4105 },
  { title: 'Medical appointment', code: 'M', id: 4106 },
  // Left over from before August 2024: the school never removed it.
  { title: 'Holiday (authorised)', code: 'H', id: 4107 },
  { title: 'Holiday not agreed', code: 'G', id: 4108 },
  { title: 'Unauthorised absence', code: 'O', id: 4109 },
];

export const RADIO_CLASS: ClassId = '5B';

/** Cases planted on this page, by the pupil's place in class 5B's register. */
export const RADIO_CASES = {
  lateAfterClose: { index: 3, date: DEMO_TODAY, session: 'AM', mark: { code: 'L', arrival: '09:41' }, what: 'L with arrival 09:41, after the 09:25 close: should be U' },
  withdrawnCode: { index: 5, date: DEMO_TODAY, session: 'AM', mark: { code: 'H' }, what: 'H, withdrawn on 19 August 2024, still offered as a column' },
  nothingChecked: { index: 10, date: DEMO_TODAY, session: 'AM', mark: null, what: 'no radio checked: a read problem' },
  nOverdue: { index: 20, date: '2025-11-17', session: 'AM', mark: { code: 'N' }, what: 'N on Mon 17 Nov AM, not yet replaced: overdue by 26 Nov' },
} as const satisfies Record<string, { index: number; date: IsoDate; session: SessionName; mark: DemoMark | null; what: string }>;

function markOf(school: DemoSchool, index: number, pupilId: string, date: IsoDate, session: SessionName): DemoMark | null {
  for (const c of Object.values(RADIO_CASES)) if (c.index === index && c.date === date && c.session === session) return c.mark;
  return pupilsOfClass(school, RADIO_CLASS).find((p) => p.id === pupilId)?.marks.get(markKey(date, session)) ?? null;
}

const SCRIPT = `
const form = document.getElementById('take-attendance');
const changed = new Set();
form.addEventListener('change', (e) => {
  const row = e.target.closest('tr.student-row');
  if (!row || e.target.type !== 'radio') return;
  changed.add(row.dataset.studentId);
  row.classList.add('dirty');
  document.getElementById('unsaved-count').textContent = changed.size + ' unsaved ' + (changed.size === 1 ? 'change' : 'changes');
});
document.getElementById('go').addEventListener('click', () => {
  location.search = '?class=${RADIO_CLASS}&date=' + document.getElementById('attendance-date').value + '&period=' + document.getElementById('period').value;
});
form.addEventListener('submit', (e) => { e.preventDefault(); document.getElementById('unsaved-count').textContent = 'Saved (the demo keeps nothing).'; });
`;

/** The Take Attendance page; null for a class, date or period it does not have. */
export function takeAttendancePage(school: DemoSchool, q: URLSearchParams): string | null {
  const classId = q.get('class') ?? RADIO_CLASS;
  const date = q.get('date') ?? DEMO_TODAY;
  const period = q.get('period') ?? 'AM';
  if (!isClassId(classId) || classId !== RADIO_CLASS || !isIsoDate(date) || (period !== 'AM' && period !== 'PM')) return null;
  const heads = RADIO_CODES.map((c) => `<th scope="col"><div class="text-center">${esc(c.title)}</div></th>`).join('');
  const rows = pupilsOfClass(school, classId).map((p, index) => {
    const mark = markOf(school, index, p.id, date, period);
    const name = `attendance[${esc(p.id)}]`;
    const radios = RADIO_CODES.map((c) => {
      const checked = mark !== null && (mark.code === c.code || (c.code === '/' && mark.code === (period === 'AM' ? '/' : '\\')));
      return `<td class="code-cell"><table align="center"><tr><td><label class="radio-inline"><input type="radio" name="${name}" value="${c.id}"${checked ? ' checked' : ''} aria-label="${esc(registerName(p))}: ${esc(c.title)}"><span></span></label></td></tr></table></td>`;
    });
    return `<tr class="student-row" data-student-id="${esc(p.id)}"><td class="student-name">${esc(registerName(p))}</td>${radios.join('')}<td><input type="time" class="arrived" name="arrived[${esc(p.id)}]" value="${mark?.arrival ?? ''}" aria-label="${esc(registerName(p))}, arrived"></td><td><input name="comment[${esc(p.id)}]" maxlength="80" aria-label="${esc(registerName(p))}, comment"></td></tr>`;
  });
  const body = `<h1>Take Attendance</h1>
<form id="take-attendance" method="post">
<div class="toolbar"><label for="attendance-date">Date</label> <input type="date" id="attendance-date" name="date" value="${date}">
<label for="period">Period</label> <select id="period" name="period"><option value="AM"${period === 'AM' ? ' selected' : ''}>AM registration</option><option value="PM"${period === 'PM' ? ' selected' : ''}>PM registration</option></select>
<button type="button" id="go">Go</button></div>
<h2 class="register-heading">Class ${classId}: <span class="period-name">${period}</span> registration</h2>
<table id="attendance-list" class="attendance-list"><thead><tr><th scope="col">Student</th>${heads}<th scope="col">Arrived</th><th scope="col">Comment</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
<p id="unsaved-count" role="status"></p>
<button type="submit">Save</button>
</form>`;
  return page('Take Attendance', body, { script: SCRIPT });
}
