// The demo MIS's absence report (demo/mis/absence-report.ts): dates written out in full.

import type { SiteProfileInput } from '../profile';

export const demoAbsenceReport: SiteProfileInput = {
  id: 'demo-absence-report',
  name: 'Demo MIS: absence report',
  product: 'Markwise demo MIS',
  verified: true,
  assumptions: ['One row per absence; dates written out as "Tuesday 18 November 2025".'],
  paths: ['^/shapes/absence-report(\\?|$)'],
  role: 'office',
  register: 'table#absence-report',
  rows: 'tbody tr.absence',
  pupilId: { scope: 'row', attribute: 'data-pupil-id' },
  upn: { scope: 'row', selector: 'td.upn' },
  pupilName: { scope: 'row', selector: 'td.name' },
  badgeAfter: 'td.name',
  cells: {
    selector: 'td.code',
    date: { scope: 'row', selector: 'td.date', format: 'EEEE d MMMM yyyy' },
    session: { scope: 'row', selector: 'td.session' },
    mark: { kind: 'text' },
  },
};
