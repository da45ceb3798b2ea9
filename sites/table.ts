// A register given only as a CSS selector (the widget's selector attribute): a
// plain HTML table in one documented shape, read by a profile made from it.
//
//   <table id="register">
//     <thead><tr><th>Pupil</th>
//       <th data-date="2025-11-24" data-session="AM">Mon AM</th> ... one per session
//     </tr></thead>
//     <tbody>
//       <tr data-upn="A123456789012" data-attendance="94.2">
//         <th scope="row">Ada Lovelace</th>
//         <td><input value="/"></td> ... one cell per session, in the headers' order
//       </tr>
//     </tbody>
//   </table>
//
// Marks are text inputs, dropdowns whose options show the code, or text; an
// arrival time is a <time> in the cell. Dates may be YYYY-MM-DD or DD/MM/YYYY.

import type { SiteProfileInput } from './profile';

export type TableMarks = 'input' | 'select' | 'text';

const MARK_CONTROLS: Readonly<Record<TableMarks, NonNullable<SiteProfileInput['cells']>['mark']>> = {
  input: { kind: 'text-input', selector: 'input' },
  select: { kind: 'select', selector: 'select', options: 'code' },
  text: { kind: 'text' },
};

export function tableProfile(selector: string, marks: TableMarks = 'input', role: 'teacher' | 'office' = 'teacher'): SiteProfileInput {
  return {
    id: 'register-table',
    name: 'Register table',
    product: 'This page',
    verified: true,
    assumptions: ['The table has the shape the widget documents: session headers with data-date and data-session, rows with data-upn.'],
    paths: ['.*'],
    role,
    register: selector,
    rows: 'tbody > tr[data-upn]',
    pupilId: { scope: 'row', attribute: 'data-upn' },
    pupilName: { scope: 'row', selector: 'th[scope="row"]' },
    attendance: { scope: 'row', attribute: 'data-attendance' },
    cells: {
      selector: 'td',
      columns: { headers: 'thead th[data-date][data-session]' },
      date: { scope: 'cell', attribute: 'data-date' },
      session: { scope: 'cell', attribute: 'data-session' },
      mark: MARK_CONTROLS[marks],
      arrival: { scope: 'cell', selector: 'time' },
    },
  };
}
