// Profiles for the demo MIS (demo/mis/), the product's built-in default. Each
// models a shape real MIS use (shared/reference/mis-pages.md) and is tested
// against the demo's own pages.

import type { SiteProfileInput } from '../profile';

/** A class register where teachers type codes, one column per session (a ScholarPack/Bromcom-like grid). */
export const demoClassRegister: SiteProfileInput = {
  id: 'demo-class-register',
  name: 'Demo MIS: class register',
  product: 'Markwise demo MIS',
  verified: true,
  assumptions: ['Each row has one cell per session column, in the order of the session headers, which carry data-date and data-session.'],
  paths: ['^/register/class(\\?|$)', '^/bench/office(\\?|$)', '^/fixtures/hostile(\\?|$)'],
  role: 'teacher',
  register: 'table#register',
  rows: 'tbody tr.pupil-row',
  pupilId: { scope: 'row', attribute: 'data-pupil-id' },
  upn: { scope: 'row', selector: 'td.pupil-upn' },
  pupilName: { scope: 'row', selector: 'td.pupil-name' },
  badgeAfter: 'td.pupil-name > a',
  attendance: { scope: 'row', selector: 'td.ytd-attendance' },
  cells: {
    selector: 'td.reg-cell',
    columns: { headers: 'thead th.session-head' },
    date: { scope: 'cell', attribute: 'data-date' },
    session: { scope: 'cell', attribute: 'data-session' },
    mark: { kind: 'text-input', selector: 'input.reg-code' },
    arrival: { scope: 'cell', selector: 'span.reg-arrival' },
  },
};

/**
 * The register app's option names → DfE codes: what the profile below reads its dropdowns by. The
 * demo's app (demo/mis/spa-options.ts) draws its options from this table: the demo imports from the
 * product, never the other way (the design card; test/unit/layering.test.ts). Names follow rules/codes.ts meanings.
 */
export const DEMO_SPA_OPTION_NAMES: Readonly<Record<string, string>> = {
  'Present (AM)': '/',
  'Present (PM)': '\\',
  'Late (before registers closed)': 'L',
  'Late (after registers closed)': 'U',
  'Attending provision arranged by the local authority': 'K',
  'Educational visit or trip': 'V',
  'Sporting activity': 'P',
  'Work experience': 'W',
  'Other approved educational activity': 'B',
  'Dual registered: at the other school': 'D',
  'Leave of absence: regulated performance or employment abroad': 'C1',
  'Medical or dental appointment': 'M',
  'Leave of absence: interview': 'J1',
  'Leave of absence: study leave': 'S',
  'Not of compulsory school age': 'X',
  'Leave of absence: part-time timetable': 'C2',
  'Leave of absence: other exceptional circumstances': 'C',
  'Parent travelling for occupational purposes': 'T',
  'Religious observance': 'R',
  Illness: 'I',
  'Suspended or excluded: no alternative provision': 'E',
  'Unable to attend: lack of access arrangements': 'Q',
  'Unable to attend: transport not available': 'Y1',
  'Unable to attend: widespread travel disruption': 'Y2',
  'Unable to attend: part of school premises closed': 'Y3',
  'Unable to attend: school site unexpectedly closed': 'Y4',
  'Unable to attend: criminal justice detention': 'Y5',
  'Unable to attend: public health guidance or law': 'Y6',
  'Unable to attend: other unavoidable cause': 'Y7',
  'Holiday not agreed': 'G',
  'Reason not yet provided': 'N',
  'Unauthorised absence (other)': 'O',
  'Prospective pupil (not on roll)': 'Z',
  'Planned school closure': '#',
  // A legacy option, still shown where an old mark holds it (withdrawn on 19 August 2024).
  'Holiday (agreed, legacy)': 'H',
};

/**
 * The single-page-app register (Arbor-like): one dropdown per pupil whose
 * options are code names; the register is replaced on navigation.
 */
export function demoSpaRegister(names: Readonly<Record<string, string>> = DEMO_SPA_OPTION_NAMES): SiteProfileInput {
  return {
    id: 'demo-spa-register',
    name: 'Demo MIS: register app',
    product: 'Markwise demo MIS',
    verified: true,
    assumptions: [
      'The date and session are shown once, in the register title, as DD/MM/YYYY and AM or PM.',
      'The pupil id is the last part of each pupil link; no UPN is shown.',
    ],
    paths: ['^/app/'],
    role: 'teacher',
    register: 'section.mis-register',
    rows: 'div.mis-row',
    pupilId: { scope: 'row', selector: 'a.mis-pupil-link', attribute: 'href', pattern: '/students/([^/?#]+)' },
    pupilName: { scope: 'row', selector: 'a.mis-pupil-link' },
    badgeAfter: 'a.mis-pupil-link',
    cells: {
      selector: 'select.mis-mark',
      date: { scope: 'register', selector: '.mis-register-date' },
      session: { scope: 'register', selector: '.mis-register-session' },
      mark: { kind: 'select', options: 'name', names },
    },
  };
}

/** The office's list of unexplained absences: one read-only row per mark. */
export const demoOfficeUnexplained: SiteProfileInput = {
  id: 'demo-office-unexplained',
  name: 'Demo MIS: unexplained absences',
  product: 'Markwise demo MIS',
  verified: true,
  assumptions: ['One row per absence; dates as DD/MM/YYYY.'],
  paths: ['^/office/unexplained(\\?|$)'],
  role: 'office',
  register: 'table#unexplained',
  rows: 'tbody tr.absence-row',
  pupilId: { scope: 'row', attribute: 'data-pupil-id' },
  upn: { scope: 'row', selector: 'td.pupil-upn' },
  pupilName: { scope: 'row', selector: 'td.pupil-name' },
  badgeAfter: 'td.pupil-name',
  cells: {
    selector: 'td.absence-code',
    date: { scope: 'row', selector: 'td.absence-date' },
    session: { scope: 'row', selector: 'td.absence-session' },
    mark: { kind: 'text' },
  },
};

/** The pupil list, with year-to-date attendance: badges only. */
export const demoPupilList: SiteProfileInput = {
  id: 'demo-pupil-list',
  name: 'Demo MIS: pupil list',
  product: 'Markwise demo MIS',
  verified: true,
  assumptions: [],
  paths: ['^/pupils/?(\\?|$)'],
  role: 'office',
  register: 'table#pupil-list',
  rows: 'tbody tr.pupil-row',
  pupilId: { scope: 'row', attribute: 'data-pupil-id' },
  upn: { scope: 'row', selector: 'td.pupil-upn' },
  pupilName: { scope: 'row', selector: 'td.pupil-name' },
  badgeAfter: 'td.pupil-name > a',
  attendance: { scope: 'row', selector: 'td.ytd-attendance' },
  sessions: { scope: 'row', selector: 'td.ytd-sessions' },
};

/** A pupil's record: year-to-date attendance and this term's marks, read-only. */
export const demoPupilRecord: SiteProfileInput = {
  id: 'demo-pupil-record',
  name: 'Demo MIS: pupil record',
  product: 'Markwise demo MIS',
  verified: true,
  assumptions: ['Dates of birth as DD/MM/YYYY.'],
  paths: ['^/pupils/[^/?#]+'],
  role: 'office',
  register: 'section.pupil-record',
  pupilId: { scope: 'row', attribute: 'data-pupil-id' },
  upn: { scope: 'row', selector: 'dd.pupil-upn' },
  pupilName: { scope: 'row', selector: 'h1.pupil-name' },
  dob: { scope: 'row', selector: 'dd.pupil-dob' },
  badgeAfter: 'h1.pupil-name',
  attendance: { scope: 'row', selector: 'dd.ytd-attendance' },
  sessions: { scope: 'row', selector: 'dd.ytd-sessions' },
  cells: {
    selector: 'table.pupil-marks td.mark',
    date: { scope: 'cell', attribute: 'data-date' },
    session: { scope: 'cell', attribute: 'data-session' },
    mark: { kind: 'text' },
    arrival: { scope: 'cell', selector: 'span.mark-arrival' },
  },
};
