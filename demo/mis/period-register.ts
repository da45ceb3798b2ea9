// A one-day register taken by period ("AM registration", "Period 1", ..., "PM registration"), the
// date chosen in three dropdowns (day, month, year) and shown nowhere as text, the mark in a
// dropdown, and lateness recorded as minutes late in its own "Mins late" column. Written fresh; it
// models shared/reference/mis-pages.md: "Date as form controls" (three dropdowns), "Periods"
// (registers named by period) and "Values outside the mark's cell" ("Mins late" column); minutes
// late as Arbor's late dialog and SIMS/ScholarPack record it (the table's Arbor and ScholarPack rows).

import { esc, page } from './html';
import { makeUpn } from './school';

export const PERIODS = ['AM registration', 'Period 1', 'Period 2', 'PM registration', 'Period 4'] as const;

const CODES = ['', '/', '\\', 'L', 'U', 'N', 'I', 'M', 'A'] as const;
const MONTHS = ['Sep', 'Oct', 'Nov', 'Dec'];

/** Each pupil's mark and minutes late in the AM registration of Wed 26 Nov 2025 (the demo's today). */
const PUPILS: readonly { id: string; name: string; am: string; late: number | null }[] = [
  { id: 'R201', name: 'Ava Hughes', am: 'L', late: 45 },
  { id: 'R202', name: 'Bilal Iqbal', am: 'L', late: 30 },
  { id: 'R203', name: 'Cara Jones', am: 'U', late: 10 },
  { id: 'R204', name: 'Dan Kerr', am: '/', late: null },
];

export const PERIOD_REGISTER_CASES = {
  lateAfterCloseByMinutes: { pupilId: 'R201', what: 'L, 45 minutes late from the 08:55 start: 09:40, after the 09:25 close: should be U' },
  lateAtClose: { pupilId: 'R202', what: 'L, 30 minutes late: 09:25, exactly at the close: right' },
  uBeforeClose: { pupilId: 'R203', what: 'U, 10 minutes late: 09:05, before the close: should be L' },
} as const;

export function periodRegisterUpn(pupilId: string): string {
  return makeUpn('4107', 2020, Number(pupilId.slice(1)));
}

function dropdown(id: string, label: string, options: readonly string[], selected: string): string {
  return `<label>${label} <select id="${id}" name="${id}">${options.map((o) => `<option${o === selected ? ' selected' : ''}>${esc(o)}</option>`).join('')}</select></label>`;
}

/** The register of one period; a lesson period has an invented A mark that Markwise must leave alone. */
export function periodRegisterPage(period: string | null): string {
  const name = PERIODS.find((p) => p === period) ?? 'AM registration';
  const lesson = name.startsWith('Period');
  const rows = PUPILS.map((p, i) => {
    const mark = name === 'AM registration' ? p.am : lesson && i === 0 ? 'A' : '';
    const late = name === 'AM registration' && p.late !== null ? `Mins late: ${p.late}` : '';
    const options = CODES.map((c) => `<option value="${esc(c)}"${c === mark ? ' selected' : ''}>${esc(c)}</option>`).join('');
    return `<tr class="pupil" data-pupil-id="${p.id}"><td class="name">${esc(p.name)}</td><td class="upn">${periodRegisterUpn(p.id)}</td><td><select class="mark" aria-label="${esc(p.name)}: mark">${options}</select></td><td class="late">${late}</td><td><input class="comment" aria-label="${esc(p.name)}: comment"></td></tr>`;
  }).join('\n');
  const days = Array.from({ length: 31 }, (_v, i) => String(i + 1));
  return page(
    `Register: ${name}`,
    `<h1>Class 5D: take register</h1>
<form class="register-date" method="get">${dropdown('day', 'Day', days, '26')} ${dropdown('month', 'Month', MONTHS, 'Nov')} ${dropdown('year', 'Year', ['2025', '2026'], '2025')}
${dropdown('period', 'Register', PERIODS, name)} <button>Show</button></form>
<table id="day-register"><thead><tr><th colspan="2" scope="colgroup">Pupil</th><th scope="col">Mark</th><th scope="col">Mins late</th><th scope="col">Comment</th></tr></thead>
<tbody>
${rows}
</tbody></table>`,
  );
}
