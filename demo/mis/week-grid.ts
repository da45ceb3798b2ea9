// A week's register grid whose column headers give the day and month only ("Mon 24/11 AM"), with
// the year only in the heading above ("Week commencing 24/11/2025"), and an "Arrived" column after
// each session column. Written fresh; it models the shapes in shared/reference/mis-pages.md, "Values
// outside the mark's cell" (an "Arrived" column after each session column; a header with day and
// month only and the year in the page heading), on a Bromcom-like register grid (its first table).

import { esc, page } from './html';
import { makeUpn } from './school';

/** A planted case: what the extension must find on this page. */
export interface WeekGridCase {
  readonly pupilId: string;
  readonly date: string;
  readonly session: 'AM' | 'PM';
  readonly what: string;
}

const DAYS = [
  ['Mon', '24/11', '2025-11-24'],
  ['Tue', '25/11', '2025-11-25'],
  ['Wed', '26/11', '2025-11-26'],
  ['Thu', '27/11', '2025-11-27'],
  ['Fri', '28/11', '2025-11-28'],
] as const;

/** Each pupil's marks and arrival times by session, Mon AM to Fri PM; today is Wed 26 Nov, after the morning register. */
const PUPILS: readonly { id: string; name: string; marks: string[]; arrived?: Record<number, string> }[] = [
  { id: 'W101', name: 'Amara Bello', marks: ['L', '\\', '/', '\\', '/'], arrived: { 0: '09:40' } },
  { id: 'W102', name: 'Ben Carter', marks: ['/', '\\', 'H', '\\', '/'] },
  { id: 'W103', name: 'Chloe Dunn', marks: ['/', '\\', 'L', '\\', '/'], arrived: { 2: '09:10' } },
  { id: 'W104', name: 'Dev Evans', marks: ['/', '\\', '/', '\\', 'U'], arrived: { 4: '09:15' } },
];

export const WEEK_GRID_CASES = {
  lateAfterCloseArrivedColumn: { pupilId: 'W101', date: '2025-11-24', session: 'AM', what: 'L, arrived 09:40 (in the Arrived column), after the 09:25 close: should be U' },
  withdrawnCode: { pupilId: 'W102', date: '2025-11-25', session: 'AM', what: 'H, the holiday code withdrawn on 19 August 2024' },
  uBeforeClose: { pupilId: 'W104', date: '2025-11-26', session: 'AM', what: 'U, arrived 09:15 (in the Arrived column), before the 09:25 close: should be L' },
} as const satisfies Record<string, WeekGridCase>;

export function weekGridUpn(pupilId: string): string {
  return makeUpn('4107', 2019, Number(pupilId.slice(1)));
}

export function weekGridPage(): string {
  const heads = DAYS.flatMap(([day, dm]) =>
    (['AM', 'PM'] as const).map((s) => `<th class="session" scope="col">${day} ${dm} ${s}</th><th class="arrived-head" scope="col">Arrived</th>`),
  ).join('');
  const rows = PUPILS.map((p) => {
    const cells = DAYS.flatMap((_d, day) =>
      [0, 1].map((pm) => {
        const i = day * 2 + pm;
        // Sessions after today's morning are not yet taken.
        const mark = i < p.marks.length ? p.marks[i]! : '';
        return `<td class="mark"><input class="code" aria-label="${esc(p.name)}, ${DAYS[day]![0]} ${pm ? 'PM' : 'AM'}" value="${esc(mark)}" size="2"></td><td class="arrived">${esc(p.arrived?.[i] ?? '')}</td>`;
      }),
    ).join('');
    return `<tr class="pupil" data-pupil-id="${p.id}"><th scope="row" class="name">${esc(p.name)}</th><td class="upn">${weekGridUpn(p.id)}</td>${cells}</tr>`;
  }).join('\n');
  return page(
    'Week register 4C',
    `<h1>Class 4C: attendance</h1>
<h2 id="week-heading">Week commencing 24/11/2025</h2>
<table id="week-grid"><thead><tr><th scope="col">Pupil</th><th scope="col">UPN</th>${heads}</tr></thead>
<tbody>
${rows}
</tbody></table>`,
  );
}
