// The demo MIS's one-day register by period (demo/mis/period-register.ts): the date in three
// dropdowns, registers named by period, minutes late in a column found by its header.

import type { SiteProfileInput } from '../profile';

export const demoPeriodRegister: SiteProfileInput = {
  id: 'demo-period-register',
  name: 'Demo MIS: register by period',
  product: 'Markwise demo MIS',
  verified: true,
  assumptions: [
    'The date is the day, month and year dropdowns above the register; the register shown is the one chosen in the Register dropdown.',
    'AM registration and PM registration are the statutory registers; lesson periods are left alone.',
    'The "Mins late" column counts minutes from the session\'s registration start in the school\'s policy.',
  ],
  paths: ['^/shapes/period-register(\\?|$)'],
  role: 'teacher',
  register: 'table#day-register',
  rows: 'tbody tr.pupil',
  pupilId: { scope: 'row', attribute: 'data-pupil-id' },
  upn: { scope: 'row', selector: 'td.upn' },
  pupilName: { scope: 'row', selector: 'td.name' },
  badgeAfter: 'td.name',
  cells: {
    selector: 'select.mark',
    date: {
      parts: {
        day: { scope: 'page', selector: 'select#day', state: 'selected-text' },
        month: { scope: 'page', selector: 'select#month', state: 'selected-text' },
        year: { scope: 'page', selector: 'select#year', state: 'selected-text' },
      },
    },
    session: { scope: 'page', selector: 'select#period', state: 'selected-text' },
    periods: { 'AM registration': 'AM', 'PM registration': 'PM' },
    mark: { kind: 'select' },
    arrival: { scope: 'column', column: { header: '^mins late$' }, means: 'minutes-late' },
  },
};
