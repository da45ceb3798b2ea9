// The demo's register app that routes in the fragment and shows no UPN (demo/mis/hashapp.ts).

import type { SiteProfileInput } from '../profile';

export const demoHashAppRegister: SiteProfileInput = {
  id: 'demo-hashapp-register',
  name: 'Demo MIS: take attendance (hash routes)',
  product: 'Markwise demo MIS',
  verified: true,
  assumptions: [
    'The route is in the fragment: #/attendance/take/<class>/<date>/<session>.',
    "No UPN is shown: pupils are keyed by this site and the MIS's own id, in a hidden input of each row.",
  ],
  paths: ['^/hashapp/#/attendance/take/'],
  role: 'teacher',
  register: 'table.hx-take',
  rows: 'tbody tr.hx-pupil',
  pupilId: { scope: 'row', selector: 'input[name="student_id[]"]', attribute: 'value' },
  pupilName: { scope: 'row', selector: 'a.hx-name' },
  badgeAfter: 'a.hx-name',
  cells: {
    selector: 'td.hx-mark-cell',
    date: { scope: 'register', selector: 'caption .hx-date' },
    session: { scope: 'register', selector: 'caption .hx-session' },
    mark: { kind: 'text-input', selector: 'input.hx-mark' },
    arrival: { scope: 'cell', selector: 'span.hx-arrival' },
  },
};

/** The same app's pupil record (#/students/1093): this year's attendance, keyed by the MIS's id. */
export const demoHashAppStudent: SiteProfileInput = {
  id: 'demo-hashapp-student',
  name: 'Demo MIS: student record (hash routes)',
  product: 'Markwise demo MIS',
  verified: true,
  assumptions: ["The record is the whole section; the MIS's own id is in its hidden input, and no UPN is shown."],
  paths: ['^/hashapp/#/students/\\d+$'],
  role: 'office',
  register: 'section.hx-student',
  pupilId: { scope: 'row', selector: 'input[name="student_id"]', attribute: 'value' },
  pupilName: { scope: 'row', selector: 'h1.hx-name' },
  badgeAfter: 'h1.hx-name',
  attendance: { scope: 'row', selector: 'span.hx-ytd' },
};
