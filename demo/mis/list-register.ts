// An app-style register: a list of pupils (no table), each with one dropdown of code names, the
// date and session only in the heading above, and the list replaced in place when the person moves
// to the next session (no page load). No built-in profile reads it: the page Markwise is taught by
// pointing (issue 16). Written fresh for the demo, modelled on:
// - shared/reference/mis-pages.md, Arbor: "a dropdown per pupil in list view", "classes start
//   mis-", "numeric element ids are generated and unstable"; Gibbon: option text "is the code's
//   name, e.g. 'Present - Late', not the short code", and "a 'Change All' row" (here a "Set all"
//   dropdown above the list, with the same names);
// - "Whole-page AJAX: saving or changing the date replaces the page body without a load".
//   /mis/attendance/list?group=4B&date=2025-11-26&session=AM   (&fragment=1: the list alone, as the page's script fetches it)

import type { SessionName } from '../../rules/codes';
import { esc, page } from './html';

export const LIST_PATH = '/mis/attendance/list';

/** The names this MIS gives its codes (the DfE code each means is what a person teaches Markwise). */
export const LIST_OPTIONS: readonly { name: string; code: string }[] = [
  { name: 'Present', code: 'PRESENT' },
  { name: 'Present - Late', code: 'L' },
  { name: 'Late - after close', code: 'U' },
  { name: 'Absent - Illness', code: 'I' },
  { name: 'Absent - Appointment', code: 'M' },
  { name: 'Absent - No reason yet', code: 'N' },
  { name: 'Absent - Holiday (not agreed)', code: 'G' },
  { name: 'Absent - Unauthorised', code: 'O' },
  // Left over from before August 2024, and still chosen by some.
  { name: 'Holiday (authorised)', code: 'H' },
];

const SESSIONS: readonly { date: string; session: SessionName; heading: string }[] = [
  { date: '2025-11-25', session: 'PM', heading: 'Tuesday 25 November 2025, PM registration' },
  { date: '2025-11-26', session: 'AM', heading: 'Wednesday 26 November 2025, AM registration' },
];

/** Group 4B's pupils and, for each session above, the name of the option chosen ('' none yet). */
export const LIST_PUPILS: readonly { id: number; name: string; chosen: readonly string[] }[] = [
  { id: 5201, name: 'Aziz, Omar', chosen: ['Present', 'Present'] },
  { id: 5202, name: 'Brown, Isla', chosen: ['Present', 'Holiday (authorised)'] },
  { id: 5203, name: 'Chen, Wei', chosen: ['Absent - Illness', 'Absent - No reason yet'] },
  { id: 5204, name: 'Davies, Rhys', chosen: ['Present', 'Present - Late'] },
  { id: 5205, name: 'Eze, Chioma', chosen: ['Present', ''] },
  { id: 5206, name: 'Flynn, Aoife', chosen: ['Absent - Unauthorised', 'Present'] },
  { id: 5207, name: 'Gray, Logan', chosen: ['Present', 'Present'] },
  { id: 5208, name: 'Hart, Poppy', chosen: ['Present', 'Absent - Holiday (not agreed)'] },
];

function sessionAt(date: string | null, session: string | null): number {
  const found = SESSIONS.findIndex((s) => s.date === date && s.session === session);
  return found < 0 ? SESSIONS.length - 1 : found;
}

/** The list of one session, as the page draws it and as its script fetches it. */
function listOf(at: number): string {
  const s = SESSIONS[at]!;
  const options = (chosen: string) => ['', ...LIST_OPTIONS.map((o) => o.name)].map((name) => `<option value="${esc(name)}"${name === chosen ? ' selected' : ''}>${esc(name === '' ? '-- Select --' : name)}</option>`).join('');
  const items = LIST_PUPILS.map((p, i) => {
    // Ids numbered as the app renders, different at every draw: nothing steady in them.
    const uid = `mis-${at}${i}${p.id}`;
    return `<li class="mis-register-row" data-student-id="${p.id}"><span class="mis-avatar" aria-hidden="true">${esc(p.name.slice(0, 1))}</span><span class="mis-pupil-name" id="${uid}-name">${esc(p.name)}</span><select class="mis-select" id="${uid}" aria-labelledby="${uid}-name">${options(p.chosen[at] ?? '')}</select></li>`;
  }).join('\n');
  return `<section class="mis-register" data-session-index="${at}"><h2 class="mis-register-title">${esc(s.heading)}</h2>
<ul class="mis-register-list">
${items}
</ul>${at > 0 ? `<button type="button" class="mis-button" data-go="${at - 1}">Previous session</button>` : ''}${at < SESSIONS.length - 1 ? `<button type="button" class="mis-button" data-go="${at + 1}">Next session</button>` : ''}</section>`;
}

const SCRIPT = `
const app = document.getElementById('mis-app');
app.addEventListener('click', async (e) => {
  const go = e.target.closest('button[data-go]');
  if (!go) return;
  const s = ${JSON.stringify(SESSIONS)}[Number(go.dataset.go)];
  const html = await (await fetch('${LIST_PATH}?group=4B&date=' + s.date + '&session=' + s.session + '&fragment=1')).text();
  app.querySelector('section.mis-register').outerHTML = html;
  history.replaceState(null, '', '${LIST_PATH}?group=4B&date=' + s.date + '&session=' + s.session);
});
app.addEventListener('change', (e) => {
  if (e.target.id === 'mis-set-all') {
    for (const select of app.querySelectorAll('select.mis-select')) if (select.value === '') select.value = e.target.value;
  }
  document.getElementById('mis-status').textContent = 'Not saved yet.';
});
`;

/** The page, or (fragment) the list of one session alone. */
export function listRegisterPage(q: URLSearchParams): string {
  const at = sessionAt(q.get('date'), q.get('session'));
  if (q.get('fragment') === '1') return listOf(at);
  const setAll = ['', ...LIST_OPTIONS.map((o) => o.name)].map((name) => `<option value="${esc(name)}">${esc(name === '' ? '-- Set all blanks to --' : name)}</option>`).join('');
  const body = `<div id="mis-app" class="mis-app">
<h1 class="mis-page-title">Registers: 4B</h1>
<div class="mis-toolbar"><label for="mis-set-all">Set all blanks</label> <select id="mis-set-all" class="mis-select-all">${setAll}</select></div>
${listOf(at)}
<p id="mis-status" role="status"></p>
</div>`;
  return page('Registers: 4B', body, { script: SCRIPT });
}
