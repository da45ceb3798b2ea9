// The office's report of absences with dates written out ("Tuesday 18 November 2025"), one row per
// mark, read-only. Written fresh; it models shared/reference/mis-pages.md, "Values outside the mark's
// cell": dates written out, as office reports show them.

import { esc, page } from './html';
import { makeUpn } from './school';

const ROWS: readonly { id: string; name: string; date: string; session: 'AM' | 'PM'; code: string }[] = [
  { id: 'A301', name: 'Efe Lawal', date: 'Monday 17 November 2025', session: 'AM', code: 'N' },
  { id: 'A302', name: 'Freya Moss', date: 'Tuesday 18 November 2025', session: 'PM', code: 'H' },
  { id: 'A303', name: 'Gus Nolan', date: 'Tuesday 25 November 2025', session: 'AM', code: 'N' },
  { id: 'A304', name: 'Hana Osei', date: 'Friday 21 November 2025', session: 'AM', code: 'I' },
  // Typed with a weekday that is not the date's: Markwise says it cannot read it rather than guess.
  { id: 'A305', name: 'Ian Price', date: 'Monday 18 November 2025', session: 'AM', code: 'N' },
];

export const ABSENCE_REPORT_CASES = {
  nOverdue: { pupilId: 'A301', date: '2025-11-17', session: 'AM', what: 'N on Monday 17 November 2025, past its 5-school-day deadline' },
  withdrawnCode: { pupilId: 'A302', date: '2025-11-18', session: 'PM', what: 'H on Tuesday 18 November 2025: withdrawn on 19 August 2024' },
  nNotYetDue: { pupilId: 'A303', date: '2025-11-25', session: 'AM', what: 'N on Tuesday 25 November 2025: not yet due' },
  wrongWeekday: { pupilId: 'A305', what: '"Monday 18 November 2025": 18 November 2025 was a Tuesday, so the row is not read' },
} as const;

export function absenceReportUpn(pupilId: string): string {
  return makeUpn('4107', 2018, Number(pupilId.slice(1)));
}

export function absenceReportPage(): string {
  const rows = ROWS.map(
    (r) =>
      `<tr class="absence" data-pupil-id="${r.id}"><td class="name">${esc(r.name)}</td><td class="upn">${absenceReportUpn(r.id)}</td><td class="date">${esc(r.date)}</td><td class="session">${r.session}</td><td class="code">${esc(r.code)}</td></tr>`,
  ).join('\n');
  return page(
    'Absence report',
    `<h1>Absences: 17 to 26 November 2025</h1>
<table id="absence-report"><thead><tr><th scope="col">Pupil</th><th scope="col">UPN</th><th scope="col">Date</th><th scope="col">Session</th><th scope="col">Code</th></tr></thead>
<tbody>
${rows}
</tbody></table>`,
  );
}
