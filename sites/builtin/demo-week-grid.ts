// The demo MIS's week grid (demo/mis/week-grid.ts): day and month in the headers, the year in the
// heading, an "Arrived" column after each session column.

import type { SiteProfileInput } from '../profile';

export const demoWeekGrid: SiteProfileInput = {
  id: 'demo-week-grid',
  name: 'Demo MIS: week grid with Arrived columns',
  product: 'Markwise demo MIS',
  verified: true,
  assumptions: [
    'Session headers read "Mon 24/11 AM": day and month only; the year comes from the heading "Week commencing 24/11/2025", each day taking the year nearest it.',
    'The arrival time is in the cell after each mark cell (the "Arrived" column).',
  ],
  paths: ['^/shapes/week-grid(\\?|$)'],
  role: 'teacher',
  register: 'table#week-grid',
  rows: 'tbody tr.pupil',
  pupilId: { scope: 'row', attribute: 'data-pupil-id' },
  upn: { scope: 'row', selector: 'td.upn' },
  pupilName: { scope: 'row', selector: 'th.name' },
  badgeAfter: 'th.name',
  cells: {
    selector: 'td.mark',
    columns: { headers: 'thead th.session' },
    date: { scope: 'cell', pattern: '^(\\w{3} \\d{1,2}/\\d{1,2})', format: 'EEE dd/MM', yearFrom: { scope: 'page', selector: '#week-heading' } },
    session: { scope: 'cell', pattern: '(AM|PM)$' },
    mark: { kind: 'text-input', selector: 'input.code' },
    arrival: { scope: 'next-cell' },
  },
};
