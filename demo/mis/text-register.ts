// A week's register whose cells show the mark as text until clicked, and a dropdown after (the
// page swaps it in), each cell holding an inline <script> next to the mark; written fresh for the
// demo from shared/reference/mis-pages.md ("Cells that change: text until clicked, a dropdown
// after; cells that hold inline <script> next to the mark"), as server-rendered MIS grids that
// bind each cell with a script of its own do.
//   /register/week?class=6A

import type { SessionName } from '../../rules/codes';
import { addDays, type IsoDate } from '../../rules/dates';
import { esc, page, sessionLabel } from './html';
import { attendanceOf, CURRENT_YEAR, formatPercent, markKey, pupilsOfClass, registerName, type DemoMark, type DemoSchool } from './school';

export const TEXT_CLASS = '6A';
const WEEK: IsoDate = '2025-11-24';

/** Planted: by the pupil's place in class 6A's register. */
export const TEXT_CASES = {
  lateAfterClose: { index: 2, date: '2025-11-25', session: 'AM', mark: { code: 'L', arrival: '09:50' }, what: 'L with arrival 09:50, after the 09:25 close: should be U' },
} as const satisfies Record<string, { index: number; date: IsoDate; session: SessionName; mark: DemoMark; what: string }>;

const CODES: Record<SessionName, readonly string[]> = { AM: ['/', 'L', 'U', 'N', 'I', 'M', 'O', 'G'], PM: ['\\', 'L', 'U', 'N', 'I', 'M', 'O', 'G'] };

// The page's own script: a click on a cell swaps its text for a dropdown; a change is an unsaved change.
const SCRIPT = `
const CODES = ${JSON.stringify(CODES)};
const changed = new Set();
document.getElementById('week-register').addEventListener('click', (e) => {
  const cell = e.target.closest('td.mark-cell');
  if (!cell || cell.querySelector('select')) return;
  const code = [...cell.childNodes].find((n) => n.nodeType === 3 && n.textContent.trim() !== '');
  const now = code ? code.textContent.trim() : '';
  const select = document.createElement('select');
  select.setAttribute('aria-label', cell.getAttribute('aria-label'));
  for (const c of ['', ...CODES[cell.dataset.session]]) select.add(new Option(c, c, false, c === now));
  if (code) code.replaceWith(select); else cell.prepend(select);
  select.focus();
});
document.getElementById('week-register').addEventListener('change', (e) => {
  const cell = e.target.closest('td.mark-cell');
  if (!cell) return;
  changed.add(cell.dataset.key);
  cell.closest('tr').classList.add('dirty');
  document.getElementById('unsaved-count').textContent = changed.size + ' unsaved ' + (changed.size === 1 ? 'change' : 'changes');
});
`;

function markOf(school: DemoSchool, index: number, pupilId: string, date: IsoDate, session: SessionName): DemoMark | undefined {
  for (const c of Object.values(TEXT_CASES)) if (c.index === index && c.date === date && c.session === session) return c.mark;
  return pupilsOfClass(school, TEXT_CLASS).find((p) => p.id === pupilId)?.marks.get(markKey(date, session));
}

export function textRegisterPage(school: DemoSchool): string {
  const sessions: { date: IsoDate; session: SessionName }[] = [];
  for (let d = 0; d < 5; d++) for (const session of ['AM', 'PM'] as const) sessions.push({ date: addDays(WEEK, d), session });
  const heads = sessions.map((s) => `<th scope="col" data-date="${s.date}" data-session="${s.session}">${esc(sessionLabel(s.date, s.session))}</th>`).join('');
  const rows = pupilsOfClass(school, TEXT_CLASS).map((p, index) => {
    const name = registerName(p);
    const cells = sessions.map((s) => {
      const mark = markOf(school, index, p.id, s.date, s.session);
      const key = `${p.id}|${s.date}|${s.session}`;
      return `<td class="mark-cell" data-key="${esc(key)}" data-session="${s.session}" tabindex="0" aria-label="${esc(name)}, ${sessionLabel(s.date, s.session)}">${mark === undefined ? '' : esc(mark.code)}${mark?.arrival ? `<time class="arrived">${mark.arrival}</time>` : ''}<script>Register.cell(${JSON.stringify(key)})</script></td>`;
    });
    return `<tr class="pupil-row" data-pupil-id="${esc(p.id)}"><td class="pupil-name"><a href="/pupils/${esc(p.id)}">${esc(name)}</a></td><td class="ytd">${formatPercent(attendanceOf(p, CURRENT_YEAR).percent)}</td>${cells.join('')}</tr>`;
  });
  const body = `<h1>Class ${TEXT_CLASS}: week of Mon 24 Nov 2025</h1>
<p class="note">Click a mark to change it.</p>
<script>window.Register = { cell() {} };</script>
<table id="week-register"><thead><tr><th scope="col">Pupil</th><th scope="col">Year to date</th>${heads}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
<p id="unsaved-count" role="status"></p>`;
  return page(`Class ${TEXT_CLASS} week register`, body, { script: SCRIPT });
}
