// The register app that routes in the fragment (/hashapp/#/attendance/take/4A/2025-11-24/AM):
// the server sends one shell; the app reads location.hash, loads JSON and replaces the whole
// page body on every hashchange, without a page load. It shows no UPN, only the MIS's own
// numeric pupil id, in a hidden input and in each pupil's link (#/students/1093).
//
// Modelled on single-page school systems that route in the fragment: OpenEduCat
// (openeducat/openeducat_erp, an open-source SIS on Odoo, whose web client of version 16 and
// earlier addresses every screen as /web#model=op.attendance.sheet&id=…&view_type=form) and the
// many Vue/Angular attendance apps addressed as /#/attendance/… (public repositories found by the
// "code" search, one of them passing a staff token in the fragment: #/attendance-management?hrToken=…,
// which is why Markwise keeps the fragment in the page). shared/reference/mis-pages.md: "No UPN on
// the page", "Whole-page AJAX". Arbor routes in the query string instead (/?/route: demo/mis/spa.ts).

import type { SessionName } from '../../rules/codes';
import { isIsoDate } from '../../rules/dates';
import { page, ukDate } from './html';
import { attendanceOf, CURRENT_YEAR, displayName, formatPercent, isClassId, markKey, pupilsOfClass, type DemoSchool } from './school';
import type { ApiResult } from './spa';

/** The MIS's own id: the number of the demo's P-id (P1093 is 1093), as a database row id. */
const ownId = (id: string) => id.slice(1);

export function hashAppShell(): string {
  return page('Take attendance', '<p>Loading…</p>', { mainId: 'hx-app', scriptSrc: '/hashapp/app.js' });
}

/** GET /hashapp/api/take?class=4A&date=2025-11-24&session=AM */
export function hashAppTake(school: DemoSchool, params: URLSearchParams): ApiResult {
  const classId = params.get('class') ?? '';
  const date = params.get('date') ?? '';
  const session = params.get('session') as SessionName;
  if (!isClassId(classId)) return { status: 404, body: { error: `No class ${classId}` } };
  if (!isIsoDate(date) || (session !== 'AM' && session !== 'PM')) return { status: 400, body: { error: 'date must be YYYY-MM-DD and session AM or PM' } };
  const pupils = pupilsOfClass(school, classId).map((p) => {
    const mark = p.marks.get(markKey(date, session));
    return { id: ownId(p.id), name: displayName(p), code: mark?.code ?? '', arrival: mark?.arrival ?? '' };
  });
  return { status: 200, body: { classId, date: ukDate(date), session, pupils } };
}

/** GET /hashapp/api/student?id=1093: the pupil's record, with this year's attendance. */
export function hashAppStudent(school: DemoSchool, id: string): ApiResult {
  const pupil = school.byId.get(`P${id}`);
  if (pupil === undefined) return { status: 404, body: { error: `No student ${id}` } };
  return { status: 200, body: { id, name: displayName(pupil), classId: pupil.classId, attendance: formatPercent(attendanceOf(pupil, CURRENT_YEAR).percent) } };
}

/** The app's client code, /hashapp/app.js. Every node is built with the DOM. */
export const HASH_APP_SCRIPT = `(function () {
  'use strict';
  var app = document.getElementById('hx-app');
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function render() {
    var parts = location.hash.replace(/^#\\/?/, '').split('/');
    if (parts[0] === 'students') {
      fetch('/hashapp/api/student?id=' + encodeURIComponent(parts[1] || '')).then(function (r) { return r.json(); }).then(function (p) {
        if (location.hash !== '#/students/' + parts[1]) return;
        var pupil = el('section', 'hx-student');
        pupil.appendChild(el('h1', 'hx-name', p.name));
        var hidden = el('input');
        hidden.type = 'hidden'; hidden.name = 'student_id'; hidden.value = p.id;
        pupil.appendChild(hidden);
        var ytd = el('p', '', 'Attendance this year: ');
        ytd.appendChild(el('span', 'hx-ytd', p.attendance));
        pupil.appendChild(ytd);
        var back = el('a', '', 'Take attendance');
        back.href = '#/attendance/take/' + p.classId + '/2025-11-24/AM';
        pupil.appendChild(back);
        app.replaceChildren(pupil);
      });
      return;
    }
    if (parts[0] !== 'attendance' || parts[1] !== 'take') { location.replace('#/attendance/take/4A/2025-11-26/AM'); return; }
    var classId = parts[2] || '4A', date = parts[3] || '2025-11-26', session = parts[4] || 'AM';
    var url = '/hashapp/api/take?class=' + encodeURIComponent(classId) + '&date=' + encodeURIComponent(date) + '&session=' + encodeURIComponent(session);
    fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      if (location.hash.indexOf(classId + '/' + date + '/' + session) < 0) return;
      var table = el('table', 'hx-take');
      var caption = el('caption');
      caption.appendChild(el('span', '', 'Class ' + data.classId + ', '));
      caption.appendChild(el('span', 'hx-date', data.date));
      caption.appendChild(el('span', '', ' '));
      caption.appendChild(el('span', 'hx-session', data.session));
      table.appendChild(caption);
      var head = el('thead'), hr = el('tr');
      ['Student', 'Mark'].forEach(function (t) { var th = el('th', '', t); th.scope = 'col'; hr.appendChild(th); });
      head.appendChild(hr);
      table.appendChild(head);
      var body = el('tbody');
      data.pupils.forEach(function (p) {
        var tr = el('tr', 'hx-pupil');
        var who = el('td');
        var link = el('a', 'hx-name', p.name);
        link.href = '#/students/' + p.id;
        var hidden = el('input');
        hidden.type = 'hidden'; hidden.name = 'student_id[]'; hidden.value = p.id;
        who.appendChild(link); who.appendChild(hidden);
        var cell = el('td', 'hx-mark-cell');
        var input = el('input', 'hx-mark');
        input.value = p.code; input.size = 3; input.setAttribute('aria-label', 'Mark for ' + p.name);
        input.addEventListener('change', function () {
          fetch('/api/mark', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pupilId: 'P' + p.id, date: date, session: session, code: input.value }) });
        });
        cell.appendChild(input);
        if (p.arrival) cell.appendChild(el('span', 'hx-arrival', p.arrival));
        tr.appendChild(who); tr.appendChild(cell);
        body.appendChild(tr);
      });
      table.appendChild(body);
      var nav = el('nav', 'hx-nav');
      [['2025-11-17', 'Mon 17/11'], ['2025-11-24', 'Mon 24/11'], ['2025-11-26', 'Wed 26/11']].forEach(function (d) {
        var a = el('a', 'hx-day', d[1]);
        a.href = '#/attendance/take/' + classId + '/' + d[0] + '/AM';
        nav.appendChild(a);
      });
      var h1 = el('h1', '', 'Take attendance');
      app.replaceChildren(h1, nav, table);
    });
  }
  window.addEventListener('hashchange', render);
  render();
})();
`;
