// The demo MIS's radio-button register (demo/mis/radio-register.ts), modelled on openSIS's Take
// Attendance: one radio group per pupil, the code known by its column's header, since the radios'
// values are database ids a new school year renumbers.

import type { SiteProfileInput } from '../profile';

export const demoRadioRegister: SiteProfileInput = {
  id: 'demo-radio-register',
  name: 'Demo MIS: take attendance (radio buttons)',
  product: 'Markwise demo MIS',
  verified: true,
  assumptions: [
    'One session a page: the date is the date box above the register, the session the period named in its heading.',
    "Each pupil's row is one radio group; a radio's code is its column header's title, through the names below.",
    'No UPN is shown: pupils are known by the id in their radios\' name, attendance[<id>].',
  ],
  paths: ['^/attendance/take(\\?|$)'],
  role: 'teacher',
  register: 'table#attendance-list',
  rows: 'tbody tr.student-row',
  pupilId: { scope: 'row', selector: 'input[type="radio"]', attribute: 'name', pattern: '^attendance\\[([^\\]]+)\\]$' },
  pupilName: { scope: 'row', selector: 'td.student-name' },
  badgeIn: 'td.student-name',
  cells: {
    // The row is the cell: its radios are one group.
    selector: ':scope',
    date: { scope: 'page', selector: 'input#attendance-date', state: 'value' },
    session: { scope: 'page', selector: 'h2.register-heading .period-name' },
    mark: {
      kind: 'radios',
      codeFrom: 'header',
      names: {
        Present: 'PRESENT',
        Late: 'L',
        'Late after register closed': 'U',
        'Reason not yet provided': 'N',
        Illness: 'I',
        'Medical appointment': 'M',
        'Holiday (authorised)': 'H',
        'Holiday not agreed': 'G',
        'Unauthorised absence': 'O',
      },
    },
    arrival: { scope: 'cell', selector: 'input.arrived', state: 'value' },
  },
};
