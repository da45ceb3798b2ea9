// Profiles for real MIS products, built from vendors' public help pages and
// public scripts (shared/reference/mis-pages.md), NOT checked against a live
// system: each is marked unverified and lists what it assumes, so that a school
// can correct it in the options page before relying on it.

import type { SiteProfileInput } from '../profile';

/** Gibbon (open source): its form markup is public, its code names are the school's own. */
export const gibbonUnverified: SiteProfileInput = {
  id: 'gibbon-unverified',
  name: 'Gibbon: take attendance by class (unverified)',
  product: 'Gibbon',
  verified: false,
  assumptions: [
    'The page is index.php?q=/modules/Attendance/attendance_take_byCourseClass.php (or _byRollGroup.php).',
    'Each pupil cell holds select[name="{n}-type"] and a hidden input[name="{n}-gibbonPersonID"].',
    'Type names are Gibbon\'s defaults; its "Left" is not the DfE L (late): schools must map their own names.',
    'The date is the page\'s date input (name="currentDate", DD/MM/YYYY); the session is taken as AM.',
  ],
  paths: ['[?&]q=/modules/Attendance/attendance_take_by'],
  role: 'teacher',
  register: 'form#attendanceByClass, form[action*="attendance_take"]',
  rows: 'select[name$="-type"]',
  pupilId: { scope: 'row', attribute: 'name', pattern: '^(\\d+)-type$' },
  pupilName: { scope: 'row', attribute: 'aria-label' },
  cells: {
    selector: ':scope',
    date: { scope: 'page', selector: 'input[name="currentDate"]', attribute: 'value' },
    session: { scope: 'page', selector: 'input[name="currentDate"]', attribute: 'data-session', pattern: '(AM|PM)' },
    mark: {
      kind: 'select',
      options: 'name',
      names: { Present: 'PRESENT', 'Present - Late': 'L', 'Present - Offsite': 'K', Absent: 'N' },
    },
  },
};

/** Arbor: a single-page app; the route is in the query string. */
export const arborUnverified: SiteProfileInput = {
  id: 'arbor-unverified',
  name: 'Arbor: register list view (unverified)',
  product: 'Arbor',
  verified: false,
  assumptions: [
    'Routes look like /?/attendance/register/... and the register is re-rendered without a page load.',
    'Classes start mis-; element ids are generated and are not used.',
    'Each row has a pupil link whose href ends in the student id, and a dropdown whose options are code names.',
    'The register heading shows the date as DD/MM/YYYY and the session as AM or PM.',
  ],
  paths: ['^/\\?/attendance'],
  role: 'teacher',
  register: '.mis-register, [class*="mis-register"]',
  rows: '[class*="mis-row"]',
  pupilId: { scope: 'row', selector: 'a[href*="student"]', attribute: 'href', pattern: 'student[^0-9]*(\\d+)' },
  pupilName: { scope: 'row', selector: 'a[href*="student"]' },
  badgeAfter: 'a[href*="student"]',
  cells: {
    selector: 'select',
    date: { scope: 'register', selector: '[class*="date"]', pattern: '(\\d{1,2}/\\d{1,2}/\\d{4})' },
    session: { scope: 'register', selector: '[class*="session"]', pattern: '(AM|PM)' },
    mark: {
      kind: 'select',
      options: 'name',
      names: {
        Present: 'PRESENT',
        'Late (before registers closed)': 'L',
        'Late (after registers closed)': 'U',
        Illness: 'I',
        'Medical/Dental Appointment': 'M',
        'No reason yet provided': 'N',
        'Unauthorised absence': 'O',
      },
    },
  },
};

/** Bromcom: ASP.NET WebForms register grid. */
export const bromcomUnverified: SiteProfileInput = {
  id: 'bromcom-unverified',
  name: 'Bromcom: register grid (unverified)',
  product: 'Bromcom',
  verified: false,
  assumptions: [
    'Pages live under /Nucleus/UI/Areas/ and end .aspx.',
    'The grid is a table with one row per pupil (data-studentid) and one input per session cell.',
    'Each session cell carries its date and session in data-date (DD/MM/YYYY) and data-session.',
  ],
  paths: ['^/Nucleus/UI/Areas/.*Register.*\\.aspx'],
  role: 'teacher',
  register: 'table[id*="Register"]',
  rows: 'tr[data-studentid]',
  pupilId: { scope: 'row', attribute: 'data-studentid' },
  pupilName: { scope: 'row', selector: 'td:first-child' },
  badgeAfter: 'td:first-child',
  cells: {
    selector: 'td[data-session]',
    date: { scope: 'cell', attribute: 'data-date' },
    session: { scope: 'cell', attribute: 'data-session' },
    mark: { kind: 'text-input', selector: 'input' },
  },
};

/** ScholarPack: the Manage Register page (positive or negative registers). */
export const scholarpackUnverified: SiteProfileInput = {
  id: 'scholarpack-unverified',
  name: 'ScholarPack: manage register (unverified)',
  product: 'ScholarPack',
  verified: false,
  assumptions: [
    'The register is a table with one row per pupil carrying data-pupil-id.',
    'Each mark is a button group with one button per code, the chosen one aria-pressed="true".',
    'The date (DD/MM/YYYY) and session (AM/PM) are in the page heading.',
    'Minutes late, where recorded, are not read.',
  ],
  paths: ['[Mm]anage[-_]?[Rr]egister'],
  role: 'teacher',
  register: 'table.register',
  rows: 'tr[data-pupil-id]',
  pupilId: { scope: 'row', attribute: 'data-pupil-id' },
  pupilName: { scope: 'row', selector: '.pupil-name' },
  badgeAfter: '.pupil-name',
  cells: {
    selector: '.mark-buttons',
    date: { scope: 'page', selector: 'h1', pattern: '(\\d{1,2}/\\d{1,2}/\\d{4})' },
    session: { scope: 'page', selector: 'h1', pattern: '\\b(AM|PM)\\b' },
    mark: { kind: 'buttons', options: 'code' },
  },
};
