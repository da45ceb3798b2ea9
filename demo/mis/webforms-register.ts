// A week's register grid of text boxes as an ASP.NET WebForms MIS draws it, with no built-in
// profile: the page Markwise is taught by pointing (issue 16). Written fresh for the demo, modelled on:
// - shared/reference/mis-pages.md: Bromcom's "ASP.NET WebForms pages under /Nucleus/UI/Areas/...aspx"
//   and its "register grid"; "No UPN on the page: only the MIS's own pupil id, in ... a hidden input";
// - ASP.NET WebForms' own naming (Microsoft's documentation of ClientIDMode.AutoID and naming
//   containers): every server control's id and name is generated from its containers, "ctl00_…" and
//   "ctl00$MainContent$gvRegister$ctl03$txtMark0", numbered row by row, so none is a steady selector;
// - Telerik's RadGrid for ASP.NET AJAX (its public documentation of the grid's rendering): data rows
//   alternate class rgRow and rgAltRow, header cells are th.rgHeader, a filter row of inputs sits in
//   the thead (here a "Set all" row a person can use to fill a column).
// The header gives day, date and session as text ("Mon 24 Nov 2025" and "AM" on two lines): no data
// attribute carries them.
//   /Nucleus/UI/Areas/Attendance/Register.aspx?group=3C

import { esc, page } from './html';

export const WEBFORMS_PATH = '/Nucleus/UI/Areas/Attendance/Register.aspx';

const DAYS = [
  ['Mon 24 Nov 2025', '2025-11-24'],
  ['Tue 25 Nov 2025', '2025-11-25'],
  ['Wed 26 Nov 2025', '2025-11-26'],
  ['Thu 27 Nov 2025', '2025-11-27'],
  ['Fri 28 Nov 2025', '2025-11-28'],
] as const;

/** Pupils of group 3C and their marks, Mon AM to Fri PM: taken up to Wed 26 Nov AM, the rest blank. */
export const WEBFORMS_PUPILS: readonly { id: number; name: string; marks: readonly string[] }[] = [
  { id: 4101, name: 'Abbott, Freya', marks: ['/', '\\', '/', '\\', '/'] },
  // H: withdrawn on 19 August 2024, still typed.
  { id: 4102, name: 'Bello, Amara', marks: ['/', '\\', 'H', 'H', '/'] },
  { id: 4103, name: 'Carter, Ben', marks: ['N', '\\', '/', '\\', '/'] },
  { id: 4104, name: "O'Connor, Siobhan", marks: ['/', '\\', '/', '\\', 'X1'] },
  { id: 4105, name: 'Dunn, Chloe', marks: ['/', '\\', '/', '\\', '/'] },
  { id: 4106, name: 'Evans, Dev', marks: ['I', 'I', '/', '\\', ''] },
  { id: 4107, name: 'Fraser-Hughes, Mia', marks: ['/', '\\', '/', '\\', '/'] },
  { id: 4108, name: 'Gill, Harpreet', marks: ['/', 'G', 'G', 'G', '/'] },
  { id: 4109, name: 'Hussain, Zain', marks: ['/', '\\', '/', '\\', '/'] },
  { id: 4110, name: 'Ivanova, Lena', marks: ['L', '\\', '/', '\\', '/'] },
];

/** The ten session columns' marks: the five given, then blanks for the sessions not yet taken. */
function sessionMarks(marks: readonly string[]): string[] {
  return [...marks, '', '', '', '', ''];
}

const SCRIPT = `
const grid = document.getElementById('ctl00_MainContent_gvRegister');
grid.addEventListener('input', (e) => {
  if (!e.target.matches('input.regInput')) return;
  e.target.value = e.target.value.toUpperCase();
  document.getElementById('ctl00_MainContent_lblStatus').textContent = 'You have unsaved changes.';
});
document.getElementById('ctl00_MainContent_btnSave').addEventListener('click', (e) => {
  e.preventDefault();
  document.getElementById('ctl00_MainContent_lblStatus').textContent = 'Saved (the demo keeps nothing).';
});
`;

export function webFormsRegisterPage(): string {
  const sessions = DAYS.flatMap(([label, date]) => (['AM', 'PM'] as const).map((s) => ({ label, date, s })));
  const heads = sessions.map((x) => `<th scope="col" class="rgHeader">${esc(x.label)}<br>${x.s}</th>`).join('');
  const setAll = sessions.map((_x, i) => `<td><input type="text" name="ctl00$MainContent$gvRegister$ctl02$txtSetAll${i}" id="ctl00_MainContent_gvRegister_ctl02_txtSetAll${i}" maxlength="2" size="2" aria-label="Set all for this session"></td>`).join('');
  const rows = WEBFORMS_PUPILS.map((p, r) => {
    const n = String(r + 3).padStart(2, '0');
    const marks = sessionMarks(p.marks);
    const cells = marks
      .map(
        (mark, i) =>
          `<td class="regCell"><input type="text" class="regInput" name="ctl00$MainContent$gvRegister$ctl${n}$txtMark${i}" id="ctl00_MainContent_gvRegister_ctl${n}_txtMark${i}" value="${esc(mark)}" maxlength="2" size="2" aria-label="${esc(p.name)}, ${esc(sessions[i]!.label)} ${sessions[i]!.s}"></td>`,
      )
      .join('');
    return `<tr class="${r % 2 === 0 ? 'rgRow' : 'rgAltRow'}" id="ctl00_MainContent_gvRegister_ctl${n}"><td><a href="javascript:__doPostBack('ctl00$MainContent$gvRegister$ctl${n}$lnkPupil','')">${esc(p.name)}</a><input type="hidden" name="ctl00$MainContent$gvRegister$ctl${n}$hfPupilId" id="ctl00_MainContent_gvRegister_ctl${n}_hfPupilId" value="${p.id}"></td>${cells}</tr>`;
  }).join('\n');
  const body = `<h1>Registers: 3C</h1>
<form method="post" action="./Register.aspx?group=3C" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwULLTE2MTY2ODcyMjlkZA==">
<div class="RadGrid RadGrid_Default" id="ctl00_MainContent_gvRegister">
<table class="rgMasterTable" id="ctl00_MainContent_gvRegister_ctl00">
<thead><tr><th scope="col" class="rgHeader">Pupil</th>${heads}</tr>
<tr class="rgFilterRow"><td>Set all</td>${setAll}</tr></thead>
<tbody>
${rows}
</tbody></table></div>
<p><span id="ctl00_MainContent_lblStatus" role="status"></span></p>
<input type="submit" name="ctl00$MainContent$btnSave" value="Save register" id="ctl00_MainContent_btnSave">
</form>`;
  return page('Registers: 3C', body, { script: SCRIPT });
}
