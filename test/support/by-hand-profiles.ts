// Site profiles written by hand, as a school's IT would write them from each page's markup, for the
// demo MIS's pages that have no built-in profile (issue 16): what a profile taught by pointing must
// read and find the same as (sites/teach/teach.test.ts, below the browser; test/e2e/teach.spec.ts,
// with the built extension, under the taught profile's id so that one replaces the other).

import { LIST_OPTIONS } from '../../demo/mis/list-register';
import { ROSARIO_CODES } from '../../demo/mis/rosario-register';
import { GIBBON_TYPES } from '../../demo/mis/gibbon-register';
import type { SiteProfileInput } from '../../sites/profile';

/** The WebForms register grid (demo/mis/webforms-register.ts). */
export function webFormsByHand(id = 'webforms-by-hand'): SiteProfileInput {
  return {
    id,
    name: 'WebForms register (by hand)',
    product: 'Demo',
    verified: false,
    paths: ['^/Nucleus/UI/Areas/Attendance/Register\\.aspx'],
    role: 'teacher',
    register: 'table.rgMasterTable',
    rows: 'tbody tr',
    pupilId: { scope: 'row', selector: 'input[type="hidden"]', attribute: 'value' },
    pupilName: { scope: 'row', selector: 'td a' },
    badgeIn: 'td:first-child',
    cells: {
      selector: 'td.regCell',
      columns: { headers: 'th.rgHeader ~ th.rgHeader' },
      date: { scope: 'cell', pattern: '(\\w{3} \\d{1,2} \\w{3} \\d{4})', format: 'EEE d MMM yyyy' },
      session: { scope: 'cell', pattern: '(AM|PM)$' },
      mark: { kind: 'text-input', selector: 'input.regInput' },
    },
  };
}

/** The app-style list of name dropdowns (demo/mis/list-register.ts). */
export function listByHand(id = 'list-by-hand'): SiteProfileInput {
  return {
    id,
    name: 'List register (by hand)',
    product: 'Demo',
    verified: false,
    paths: ['^/mis/attendance/list'],
    role: 'teacher',
    register: 'ul.mis-register-list',
    rows: 'li.mis-register-row',
    pupilId: { scope: 'row', attribute: 'data-student-id' },
    pupilName: { scope: 'row', selector: '.mis-pupil-name' },
    badgeIn: '.mis-pupil-name',
    cells: {
      selector: 'select.mis-select',
      date: { scope: 'page', selector: 'h2.mis-register-title', pattern: '^(\\w+ \\d+ \\w+ \\d{4})', format: 'EEEE d MMMM yyyy' },
      session: { scope: 'page', selector: 'h2.mis-register-title', pattern: ', (AM|PM) ' },
      mark: { kind: 'select', options: 'name', names: Object.fromEntries(LIST_OPTIONS.map((o) => [o.name, o.code])) },
    },
  };
}

/** The RosarioSIS-like radio register, its date in three dropdowns (demo/mis/rosario-register.ts). */
export function rosarioByHand(id = 'rosario-by-hand'): SiteProfileInput {
  return {
    id,
    name: 'RosarioSIS take attendance (by hand)',
    product: 'Demo',
    verified: false,
    paths: ['^/Modules\\.php\\?modname=Attendance/TakeAttendance\\.php'],
    role: 'teacher',
    register: 'table.list',
    rows: 'tbody tr',
    pupilId: { scope: 'row', selector: 'input[type="radio"]', attribute: 'name', pattern: '^attendance\\[(\\d+)\\]$' },
    pupilName: { scope: 'row', selector: '.tipmsg-label' },
    badgeIn: 'td:first-child',
    cells: {
      selector: ':scope',
      date: { parts: { day: { scope: 'page', selector: '#day_date', state: 'selected-value' }, month: { scope: 'page', selector: '#month_date', state: 'selected-value' }, year: { scope: 'page', selector: '#year_date', state: 'selected-value' } } },
      session: { scope: 'page', selector: '#school_period', state: 'selected-text', pattern: '(AM|PM)$' },
      mark: { kind: 'radios', codeFrom: 'header', names: Object.fromEntries(ROSARIO_CODES.map((c) => [c.title, c.code])) },
    },
  };
}

/** The Gibbon-like grid of cards (demo/mis/gibbon-register.ts): one register a day, taken as the morning's. */
export function gibbonByHand(id = 'gibbon-by-hand'): SiteProfileInput {
  return {
    id,
    name: 'Gibbon take attendance by roll group (by hand)',
    product: 'Demo',
    verified: false,
    paths: ['^/index\\.php\\?q=/modules/Attendance/attendance_take_byRollGroup\\.php'],
    role: 'teacher',
    register: '#attendance',
    rows: ':scope > div',
    pupilId: { scope: 'row', selector: 'a.font-bold', attribute: 'href', pattern: 'gibbonPersonID=(\\d+)' },
    pupilName: { scope: 'row', selector: 'a.font-bold' },
    badgeIn: 'a.font-bold',
    cells: {
      selector: 'select[name$="-type"]',
      date: { scope: 'page', selector: 'input[name="currentDate"][type="text"]', attribute: 'value' },
      session: { always: 'AM' },
      mark: { kind: 'select', options: 'name', names: Object.fromEntries(GIBBON_TYPES.map((t) => [t.name, t.code])) },
    },
  };
}
