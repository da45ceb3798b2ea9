// The demo MIS's week register whose cells are text until clicked and a dropdown after, each with
// an inline script beside the mark (demo/mis/text-register.ts). Badges go inside the name cell.

import type { SiteProfileInput } from '../profile';

export const demoTextCellRegister: SiteProfileInput = {
  id: 'demo-text-cell-register',
  name: 'Demo MIS: week register (text until clicked)',
  product: 'Markwise demo MIS',
  verified: true,
  assumptions: ['Each row has one cell per session column, in the order of the session headers, which carry data-date and data-session.', 'A clicked cell shows a dropdown of codes in place of its text.'],
  paths: ['^/register/week(\\?|$)'],
  role: 'teacher',
  register: 'table#week-register',
  rows: 'tbody tr.pupil-row',
  pupilId: { scope: 'row', attribute: 'data-pupil-id' },
  pupilName: { scope: 'row', selector: 'td.pupil-name' },
  badgeIn: 'td.pupil-name',
  attendance: { scope: 'row', selector: 'td.ytd' },
  cells: {
    selector: 'td.mark-cell',
    columns: { headers: 'thead th[data-date]' },
    date: { scope: 'cell', attribute: 'data-date' },
    session: { scope: 'cell', attribute: 'data-session' },
    mark: [{ kind: 'select', selector: 'select' }, { kind: 'text' }],
    arrival: { scope: 'cell', selector: 'time.arrived' },
  },
};
