// Profiles for real MIS products, built from vendors' public help pages and
// public scripts (shared/reference/mis-pages.md), NOT checked against a live
// system: each is marked unverified and lists what it assumes, so that a school
// can correct it in the options page before relying on it.

import type { SiteProfileInput } from '../profile';

/**
 * Gibbon (open source): the form-group register, whose markup is public (modules/Attendance/
 * attendance_take_byFormGroup.php, _byRollGroup.php before v22). Its codes are the school's own.
 */
export const gibbonUnverified: SiteProfileInput = {
  id: 'gibbon-unverified',
  name: 'Gibbon: take attendance by form group (unverified)',
  product: 'Gibbon',
  verified: false,
  assumptions: [
    'The page is index.php?q=/modules/Attendance/attendance_take_byFormGroup.php (_byRollGroup.php before Gibbon v22). Attendance by class is a lesson, not a statutory register, and is left alone.',
    'The register is the form#attendanceByFormGroup (or #attendanceByRollGroup); each pupil is one grid cell holding select[name="{n}-type"], select[name="{n}-reason"] and input[name="{n}-comment"].',
    'The pupil is keyed by the gibbonPersonID in the link to their record (no UPN is shown); {n} is only the pupil\'s place on the page and is never used as an id.',
    'Marks are read from the type dropdown\'s option text, which is the type\'s name. Gibbon\'s short code for "Left" is L, which is not the DfE\'s L (late): short codes are never read. If the school renamed its types, correct the names table.',
    'Default types: Present, Present - Late (L), Present - Offsite (B: an approved educational activity), Absent (N until a reason is recorded), Left and Left - Early (present at registration, then left).',
    'The reason dropdown (Medical, Family, …) is not read: an Absent with a reason still reads as N; record the DfE code in the MIS.',
    'The date is the form\'s hidden currentDate (YYYY-MM-DD). Gibbon has no AM or PM: the form-group register, headed "Take Attendance: {group}", is taken as the morning register.',
    'Gibbon records no arrival time on this page: late after the register closed cannot be found here.',
  ],
  paths: ['[?&]q=/modules/Attendance/attendance_take_by(Form|Roll)Group\\.php'],
  role: 'teacher',
  register: 'form#attendanceByFormGroup, form#attendanceByRollGroup',
  rows: 'div.flex-col:has(select[name$="-type"])',
  pupilId: { scope: 'row', selector: 'a[href*="gibbonPersonID="]', attribute: 'href', pattern: 'gibbonPersonID=(\\d+)' },
  pupilName: { scope: 'row', selector: 'a.underline[href*="student_view_details"]' },
  badgeAfter: 'a.underline[href*="student_view_details"]',
  cells: {
    selector: 'select[name$="-type"]',
    date: { scope: 'register', selector: 'input[type="hidden"][name="currentDate"]', attribute: 'value' },
    session: { scope: 'register', selector: 'h3', pattern: '^\\s*(Take Attendance)' },
    periods: { 'Take Attendance': 'AM' },
    mark: {
      kind: 'select',
      options: 'name',
      names: { Present: 'PRESENT', 'Present - Late': 'L', 'Present - Offsite': 'B', Absent: 'N', Left: 'PRESENT', 'Left - Early': 'PRESENT' },
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
    'Marking a pupil late opens a dialog for minutes late; once saved, the row shows them in an element whose class names minutes-late (or mins-late), such as "Mins late: 15". They are counted from the policy\'s registration start. Where the row shows none, lateness after the close cannot be found.',
    'Option names are Arbor\'s defaults; a school that renamed them must correct the names table. Profile view (buttons per pupil) is not read.',
    'Arbor registers never close (changes go to its audit log): a corrected mark is read as it is now.',
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
    arrival: { scope: 'row', selector: '[class*="minutes-late"], [class*="mins-late"]', pattern: '(\\d+)', means: 'minutes-late' },
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
    'A session cell holds an input while it can be edited, and the mark as text once it cannot (a past, locked session): the input is read first, then the text.',
    '2024 codes are shown whole (C1, J1, Y3); where Bromcom shows a sub-code apart from its code, only the code is read.',
    'No arrival time is read. A Bromcom setting can turn late after the close into U by itself: where it is on, L after the close does not arise.',
  ],
  paths: ['^/Nucleus/UI/Areas/.*Register.*\\.aspx'],
  role: 'teacher',
  register: 'table[id*="Register"]',
  rows: 'tr[data-studentid]',
  pupilId: { scope: 'row', attribute: 'data-studentid' },
  pupilName: { scope: 'row', selector: 'td:first-child' },
  badgeIn: 'td:first-child',
  cells: {
    selector: 'td[data-session]',
    date: { scope: 'cell', attribute: 'data-date' },
    session: { scope: 'cell', attribute: 'data-session' },
    mark: [
      { kind: 'text-input', selector: 'input' },
      { kind: 'text', selector: 'span' },
    ],
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
    'Minutes late are recorded against L or U in an input in the pupil\'s row whose name says minutes (minutes_late, mins-late); they are counted from the policy\'s registration start.',
    'On a positive register (every pupil taken as present) an unmarked pupil shows no pressed button and is read as blank, not as present: lateness checks treat a blank as not yet marked.',
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
    arrival: { scope: 'row', selector: 'input[name*="minutes" i], input[name*="mins" i]', state: 'value', pattern: '(\\d+)', means: 'minutes-late' },
  },
};
