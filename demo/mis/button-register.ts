// A register of button groups, one per pupil: the fourth page Markwise is taught by pointing (issue
// 16), and the one shape of mark the other three lack. Written fresh for the demo, modelled on
// shared/reference/mis-pages.md:
// - "Marks appear as: free-text inputs, <select> dropdowns ..., button groups" (Arbor's profile view
//   and ScholarPack's "Manage Register" both mark with buttons), the chosen code's button
//   aria-pressed="true" (the WAI-ARIA toggle button, which assistive technology reads as pressed);
// - ScholarPack: "positive registers (all assumed present)": a pupil nobody has marked has no button
//   pressed; "minutes late recorded against L or U": a minutes box in the row, named minutes_late[id];
// - the date written DD/MM/YYYY and the session in the page's heading, one session a page.
// The built-in "ScholarPack: manage register (unverified)" profile (sites/builtin/unverified.ts)
// was written by hand from the same description: the test compares what is taught with it.
//   /register/manage-register?group=2A

import { esc, page } from './html';

export const BUTTONS_PATH = '/register/manage-register';

/** The codes the buttons show, each with what it means as the button's title (its tooltip). */
export const BUTTON_CODES: readonly { code: string; title: string }[] = [
  { code: '/', title: 'Present' },
  { code: 'L', title: 'Late before registers closed' },
  { code: 'U', title: 'Late after registers closed' },
  { code: 'N', title: 'Reason not yet provided' },
  { code: 'I', title: 'Illness' },
  { code: 'M', title: 'Medical or dental appointment' },
  { code: 'G', title: 'Holiday not agreed' },
  { code: 'O', title: 'Unauthorised absence' },
];

/** Group 2A on Wednesday 26 November 2025, AM: the code pressed ('' none) and minutes late. */
export const BUTTON_PUPILS: readonly { id: number; name: string; code: string; late: number | null }[] = [
  { id: 7101, name: 'Adeyemi, Tomi', code: '/', late: null },
  // 45 minutes after the 08:55 start is 09:40, after the 09:25 close: U, not L.
  { id: 7102, name: 'Barker, Freddie', code: 'L', late: 45 },
  // 10 minutes late is 09:05, before the close: L, not U.
  { id: 7103, name: 'Cole, Imogen', code: 'U', late: 10 },
  { id: 7104, name: 'Doyle, Niamh', code: 'N', late: null },
  // A positive register: nobody has marked him yet.
  { id: 7105, name: 'Ellis, Harvey', code: '', late: null },
  { id: 7106, name: 'Fraser, Isla', code: 'I', late: null },
];

const SCRIPT = `
document.querySelector('table.register').addEventListener('click', (e) => {
  const button = e.target.closest('.mark-buttons button');
  if (!button) return;
  for (const b of button.parentElement.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b === button));
  document.getElementById('saved').textContent = 'Not saved yet.';
});
`;

export function buttonRegisterPage(): string {
  const rows = BUTTON_PUPILS.map((p) => {
    const buttons = BUTTON_CODES.map((c) => `<button type="button" title="${esc(c.title)}" aria-pressed="${c.code === p.code}">${esc(c.code)}</button>`).join('');
    return `<tr data-pupil-id="${p.id}"><td><span class="pupil-name">${esc(p.name)}</span></td><td><div class="mark-buttons" role="group" aria-label="${esc(p.name)}: mark">${buttons}</div></td><td><input type="number" min="0" name="minutes_late[${p.id}]" value="${p.late ?? ''}" aria-label="${esc(p.name)}: minutes late"></td></tr>`;
  }).join('\n');
  return page(
    'Manage Register: 2A',
    `<h1>Manage Register: 2A, 26/11/2025 AM</h1>
<p>Positive register: pupils are present unless marked otherwise. Press a code to mark a pupil.</p>
<table class="register"><thead><tr><th scope="col">Pupil</th><th scope="col">Mark</th><th scope="col">Mins late</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p id="saved" role="status"></p>`,
    { script: SCRIPT },
  );
}
