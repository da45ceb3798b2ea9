// A register with two dropdowns per pupil, in a grid of cards rather than a table: the fifth page
// Markwise is taught by pointing (issue 16). Written fresh for the demo, modelled on Gibbon's Take
// Attendance by Roll Group (GibbonEdu/core, modules/Attendance/attendance_take_byRollGroup.php, GPL:
// read, not copied) and shared/reference/mis-pages.md's Gibbon row:
// - one cell per pupil in a flex grid (Tailwind classes, no table): the pupil's photo link, their
//   name as a link to student_view_details.php carrying gibbonPersonID, the days absent, then
//   select[name="{n}-type"] (the type's name, "Present - Late", never a short code),
//   select[name="{n}-reason"] (a reason list: Pending, Medical...), input[name="{n}-comment"];
// - {n} is the pupil's place in the list (0, 1, 2...), not an id; the ids are hidden inputs
//   "{n}-gibbonPersonID" at the form's top level, outside the cells;
// - a "Change All?" row after the grid, with set-all-type and set-all-reason dropdowns of the same
//   lists;
// - the date in a text box above ("26/11/2025"), and one register a day: no AM or PM anywhere.
//   /index.php?q=/modules/Attendance/attendance_take_byRollGroup.php&gibbonRollGroupID=00004&currentDate=26/11/2025

import { esc, page } from './html';

export const GIBBON_PATH = '/index.php';
export const GIBBON_Q = '/modules/Attendance/attendance_take_byRollGroup.php';

/** The attendance types this school set up in Gibbon, and the DfE code each means (a person teaches Markwise this). */
export const GIBBON_TYPES: readonly { name: string; code: string }[] = [
  { name: 'Present', code: 'PRESENT' },
  { name: 'Present - Late', code: 'L' },
  { name: 'Present - Late after close', code: 'U' },
  // A pupil who leaves after registration was present at it: / or \ (attendance-codes.md).
  { name: 'Left - Early', code: 'PRESENT' },
  { name: 'Absent - Illness', code: 'I' },
  { name: 'Absent - No reason yet', code: 'N' },
  { name: 'Absent - Unauthorised', code: 'O' },
  // Set up before August 2024 and never removed: H was withdrawn on 19 August 2024.
  { name: 'Absent - Holiday (authorised)', code: 'H' },
];

/** Gibbon's default reasons (the second dropdown): not marks. */
const REASONS = ['', 'Pending', 'Education', 'Family', 'Medical', 'Other'];

/** Roll group 4B on Wednesday 26 November 2025: each pupil's type and reason. */
export const GIBBON_PUPILS: readonly { id: string; name: string; type: string; reason: string; absent: number }[] = [
  { id: '0000001201', name: 'Ana Costa', type: 'Present', reason: '', absent: 0 },
  { id: '0000001202', name: 'Ben Doherty', type: 'Present - Late', reason: '', absent: 2 },
  { id: '0000001203', name: 'Cai Evans', type: 'Absent - Illness', reason: 'Medical', absent: 4 },
  { id: '0000001204', name: 'Dara Flynn', type: 'Left - Early', reason: 'Family', absent: 1 },
  { id: '0000001205', name: 'Esme Grant', type: 'Absent - Holiday (authorised)', reason: 'Family', absent: 6 },
  { id: '0000001206', name: 'Finn Hale', type: 'Absent - No reason yet', reason: 'Pending', absent: 3 },
];

function select(name: string, label: string, options: readonly string[], selected: string, classes: string): string {
  return `<select name="${esc(name)}" id="${esc(name)}" aria-label="${esc(label)}" class="${classes}">${options.map((o) => `<option value="${esc(o)}"${o === selected ? ' selected' : ''}>${esc(o)}</option>`).join('')}</select>`;
}

export function gibbonRegisterPage(): string {
  const types = GIBBON_TYPES.map((t) => t.name);
  const hidden = GIBBON_PUPILS.map((p, n) => `<input type="hidden" name="${n}-gibbonPersonID" value="${p.id}">`).join('');
  const cells = GIBBON_PUPILS.map((p, n) => {
    const link = `./index.php?q=/modules/Students/student_view_details.php&amp;gibbonPersonID=${p.id}&amp;subpage=Attendance`;
    return `<div class="text-center py-2 px-1 -mr-px -mb-px flex flex-col justify-between">
<a href="${link}"><img class="user" src="data:," alt="" width="75" height="100"></a>
<a class="pt-2 font-bold underline" href="${link}">${esc(p.name)}</a>
<div class="text-xxs italic py-2">${p.absent === 0 ? '' : `${p.absent} ${p.absent === 1 ? 'Day' : 'Days'} Absent`}</div>
${select(`${n}-type`, `${p.name}: type`, types, p.type, 'mx-auto float-none w-32 m-0 mb-px')}
${select(`${n}-reason`, `${p.name}: reason`, REASONS, p.reason, 'mx-auto float-none w-32 m-0 mb-px')}
<input type="text" name="${n}-comment" id="${n}-comment" maxlength="255" aria-label="${esc(p.name)}: comment" class="mx-auto float-none w-32 m-0 mb-2">
</div>`;
  }).join('\n');
  const body = `<form method="get" action="index.php" class="w-full">
<input type="hidden" name="q" value="${GIBBON_Q}">
<label for="gibbonRollGroupID">Roll Group</label> ${select('gibbonRollGroupID', 'Roll Group', ['4B'], '4B', 'standardWidth')}
<label for="currentDate">Date</label> <input type="text" name="currentDate" id="currentDate" value="26/11/2025" maxlength="10" class="datepicker">
<input type="submit" value="Search">
</form>
<form method="post" action="modules/Attendance/attendance_take_byRollGroupProcess.php" id="attendanceByRollGroup">
<input type="hidden" name="currentDate" value="2025-11-26"><input type="hidden" name="count" value="${GIBBON_PUPILS.length}">${hidden}
<h3>Take Attendance: 4B</h3>
<div id="attendance" class="flex flex-wrap items-stretch">
${cells}
</div>
<div class="flex items-center">
<button type="button" data-toggle=".change-all" class="w-32 m-px">Change All?</button>
<div class="change-all hidden flex flex-col">${select('set-all-type', 'Change all: type', types, 'Present', 'm-px')}${select('set-all-reason', 'Change all: reason', REASONS, '', 'm-px')}<input type="text" name="set-all-comment" maxlength="255" aria-label="Change all: comment" class="m-px"><button type="button" id="set-all">Apply</button></div>
<input type="submit" value="Submit">
</div>
</form>`;
  return page('Take Attendance by Roll Group', body);
}
