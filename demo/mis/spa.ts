// The single-page-app register (Arbor-like): the route lives in the query string
// (/app/?/register/4A/2025-11-26/AM), the page loads JSON and renders it, and moving
// between registers replaces the register element without a page load.

import type { SessionName } from '../../rules/codes';
import { isIsoDate } from '../../rules/dates';
import { page, ukDate } from './html';
import { setMark } from './pages';
import {
  adjacentSession,
  attendanceOf,
  CLASS_IDS,
  CURRENT_YEAR,
  displayName,
  formatPercent,
  isClassId,
  markKey,
  pupilsOfClass,
  SCHOOL_NAME,
  type DemoSchool,
} from './school';
import { spaOptionForCode, spaOptionsFor, type SpaOption } from './spa-options';

export const SPA_DEFAULT_ROUTE = '/register/4A/2025-11-26/AM';

export function spaShellPage(): string {
  const body = `<h1 class="mis-app-title">Registers</h1>
<nav class="mis-nav" aria-label="Registers"></nav>
<section class="mis-register" aria-busy="true"><p>Loading the register…</p></section>`;
  return page('Registers', body, { mainId: 'mis-app', scriptSrc: '/app/app.js' });
}

export interface ApiResult {
  status: number;
  body: unknown;
}

export interface RegisterJson {
  school: string;
  classId: string;
  classes: readonly string[];
  date: string;
  dateLabel: string;
  session: SessionName;
  previous: { date: string; session: SessionName };
  next: { date: string; session: SessionName };
  options: SpaOption[];
  pupils: { id: string; name: string; mark: SpaOption | null; arrival: string | null }[];
}

export function registerJson(school: DemoSchool, params: URLSearchParams): ApiResult {
  const classId = params.get('class') ?? '';
  const date = params.get('date') ?? '';
  const session = params.get('session') ?? '';
  if (!isClassId(classId)) return { status: 404, body: { error: `No class ${classId}` } };
  if (!isIsoDate(date) || (session !== 'AM' && session !== 'PM')) return { status: 400, body: { error: 'date must be YYYY-MM-DD and session AM or PM' } };
  const options = spaOptionsFor(session);
  const body: RegisterJson = {
    school: SCHOOL_NAME,
    classId,
    classes: CLASS_IDS,
    date,
    dateLabel: ukDate(date),
    session,
    previous: adjacentSession(date, session, -1),
    next: adjacentSession(date, session, 1),
    options,
    pupils: pupilsOfClass(school, classId).map((p) => {
      const mark = p.marks.get(markKey(date, session));
      let option: SpaOption | null = null;
      if (mark !== undefined) {
        // A mark typed elsewhere in any case; a code the app has no name for shows as unrecognised.
        option = spaOptionForCode(mark.code) ?? spaOptionForCode(mark.code.toUpperCase()) ?? { value: '0', name: `Unrecognised mark (${mark.code})`, code: mark.code };
      }
      return { id: p.id, name: displayName(p), mark: option, arrival: mark?.arrival ?? null };
    }),
  };
  return { status: 200, body };
}

export function studentJson(school: DemoSchool, id: string): ApiResult {
  const pupil = school.byId.get(id);
  if (pupil === undefined) return { status: 404, body: { error: `No pupil ${id}` } };
  const a = attendanceOf(pupil, CURRENT_YEAR);
  return {
    status: 200,
    body: { id: pupil.id, name: displayName(pupil), upn: pupil.upn, dob: ukDate(pupil.dob), classId: pupil.classId, attendance: formatPercent(a.percent), sessions: `${a.attended}/${a.possible}` },
  };
}

/** POST /api/mark {pupilId, date, session, code}: records the mark (a blank code clears it). */
export function postMark(school: DemoSchool, json: unknown): ApiResult {
  if (typeof json !== 'object' || json === null) return { status: 400, body: { error: 'Expected a JSON object' } };
  const { pupilId, date, session, code } = json as Record<string, unknown>;
  if (typeof pupilId !== 'string' || !school.byId.has(pupilId)) return { status: 404, body: { error: 'No such pupil' } };
  if (typeof date !== 'string' || !isIsoDate(date) || (session !== 'AM' && session !== 'PM')) return { status: 400, body: { error: 'date must be YYYY-MM-DD and session AM or PM' } };
  if (typeof code !== 'string' || code.length > 8) return { status: 400, body: { error: 'code must be a short string' } };
  setMark(school, pupilId, date, session, code);
  const mark = school.byId.get(pupilId)!.marks.get(markKey(date, session));
  return { status: 200, body: { ok: true, pupilId, date, session, code: mark?.code ?? '' } };
}

/** The app's client code, served as /app/app.js. Builds every node with the DOM (no innerHTML). */
export const APP_SCRIPT = `(function () {
  'use strict';
  var app = document.getElementById('mis-app');
  if (!app) return;
  var DEFAULT_ROUTE = ${JSON.stringify(SPA_DEFAULT_ROUTE)};
  var SCHOOL = ${JSON.stringify(SCHOOL_NAME)};
  var renderCount = 0;
  var codesByValue = {};
  var current = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function parseRoute() {
    var parts = decodeURIComponent(location.search.slice(1)).split('/').filter(Boolean);
    if (parts[0] === 'register' && parts.length === 4) return { kind: 'register', classId: parts[1], date: parts[2], session: parts[3] };
    if (parts[0] === 'students' && parts.length === 2) return { kind: 'student', id: parts[1] };
    return null;
  }
  function registerHref(classId, date, session) { return '/app/?/register/' + classId + '/' + date + '/' + session; }
  function navLink(href, text, isCurrent) {
    var a = el('a', 'mis-nav-link', text);
    a.href = href;
    if (isCurrent) a.setAttribute('aria-current', 'page');
    return a;
  }
  function replaceView(nav, view) {
    var oldNav = app.querySelector('.mis-nav');
    var oldView = app.querySelector('.mis-register, .mis-student, .mis-error');
    if (oldNav) oldNav.replaceWith(nav); else app.appendChild(nav);
    if (oldView) oldView.replaceWith(view); else app.appendChild(view);
  }
  function buildNav(classes, route, data) {
    var nav = el('nav', 'mis-nav');
    nav.setAttribute('aria-label', 'Registers');
    var date = data ? data.date : '2025-11-26';
    var session = data ? data.session : 'AM';
    if (data) {
      nav.appendChild(navLink(registerHref(data.classId, data.previous.date, data.previous.session), 'Previous session', false));
      nav.appendChild(navLink(registerHref(data.classId, data.next.date, data.next.session), 'Next session', false));
    }
    classes.forEach(function (c) { nav.appendChild(navLink(registerHref(c, date, session), c, route && route.classId === c)); });
    return nav;
  }
  function showToast(text) {
    var old = document.querySelector('.mis-toast');
    if (old) old.remove();
    var toast = el('div', 'mis-toast', text);
    toast.setAttribute('role', 'status');
    app.appendChild(toast);
    setTimeout(function () { toast.remove(); }, 2500);
  }
  function renderRegister(route, data) {
    codesByValue = {};
    data.options.forEach(function (o) { codesByValue[o.value] = o.code; });
    var section = el('section', 'mis-register');
    section.setAttribute('data-class', data.classId);
    section.setAttribute('data-date', data.date);
    section.setAttribute('data-session', data.session);
    var h2 = el('h2', 'mis-register-title', 'Register ' + data.classId + ': ');
    h2.appendChild(el('span', 'mis-register-date', data.dateLabel));
    h2.appendChild(document.createTextNode(' '));
    h2.appendChild(el('span', 'mis-register-session', data.session));
    section.appendChild(h2);
    data.pupils.forEach(function (p) {
      var row = el('div', 'mis-row');
      row.setAttribute('data-pupil-id', p.id);
      var link = el('a', 'mis-pupil-link', p.name);
      link.href = '/app/?/students/' + p.id;
      row.appendChild(link);
      var select = el('select', 'mis-mark');
      select.setAttribute('aria-label', 'Mark for ' + p.name);
      select.setAttribute('data-pupil-id', p.id);
      select.appendChild(el('option', '', '\\u2014')).value = '';
      var options = data.options.slice();
      if (p.mark && !data.options.some(function (o) { return o.value === p.mark.value; })) {
        options.push(p.mark);
        codesByValue[p.mark.value] = p.mark.code;
      }
      options.forEach(function (o) {
        var option = el('option', '', o.name);
        option.value = o.value;
        if (p.mark && p.mark.value === o.value) { option.selected = true; option.defaultSelected = true; }
        select.appendChild(option);
      });
      row.appendChild(select);
      if (p.arrival) row.appendChild(el('span', 'mis-arrival', 'Arrived ' + p.arrival));
      section.appendChild(row);
    });
    replaceView(buildNav(data.classes, route, data), section);
    document.title = 'Register ' + data.classId + ' ' + data.dateLabel + ' ' + data.session + ' - ' + SCHOOL;
    current = data;
  }
  function renderStudent(data) {
    var section = el('section', 'mis-student');
    section.setAttribute('data-pupil-id', data.id);
    section.appendChild(el('h2', 'mis-student-name', data.name));
    var dl = el('dl');
    [['UPN', data.upn], ['Date of birth', data.dob], ['Class', data.classId], ['Attendance this year', data.attendance + ' (' + data.sessions + ')']].forEach(function (pair) {
      dl.appendChild(el('dt', '', pair[0]));
      dl.appendChild(el('dd', '', pair[1]));
    });
    section.appendChild(dl);
    var back = el('a', 'mis-nav-link', 'Back to the register');
    back.href = current ? registerHref(current.classId, current.date, current.session) : '/app/?' + DEFAULT_ROUTE;
    section.appendChild(back);
    replaceView(buildNav(${JSON.stringify(CLASS_IDS)}, { classId: data.classId }, null), section);
    document.title = data.name + ' - ' + SCHOOL;
  }
  function renderError(message) {
    var section = el('section', 'mis-error');
    section.appendChild(el('h2', '', 'Not found'));
    section.appendChild(el('p', '', message));
    replaceView(buildNav(${JSON.stringify(CLASS_IDS)}, null, null), section);
  }
  function render() {
    var route = parseRoute();
    if (!route) {
      history.replaceState(null, '', '/app/?' + DEFAULT_ROUTE);
      route = parseRoute();
    }
    var token = ++renderCount;
    var url = route.kind === 'register'
      ? '/api/register?class=' + encodeURIComponent(route.classId) + '&date=' + encodeURIComponent(route.date) + '&session=' + encodeURIComponent(route.session)
      : '/api/student?id=' + encodeURIComponent(route.id);
    fetch(url, { headers: { accept: 'application/json' } })
      .then(function (response) { return response.json().then(function (json) { return { ok: response.ok, json: json }; }); })
      .then(function (result) {
        if (token !== renderCount) return;
        if (!result.ok) renderError(result.json.error || 'Not found');
        else if (route.kind === 'register') renderRegister(route, result.json);
        else renderStudent(result.json);
      })
      .catch(function () { if (token === renderCount) renderError('The register could not be loaded.'); });
  }
  app.addEventListener('click', function (event) {
    var target = event.target;
    var a = target && target.closest ? target.closest('a.mis-nav-link, a.mis-pupil-link') : null;
    if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    render();
  });
  app.addEventListener('change', function (event) {
    var select = event.target;
    if (!select || !select.classList || !select.classList.contains('mis-mark') || !current) return;
    var code = select.value === '' ? '' : codesByValue[select.value];
    if (code === undefined) return;
    fetch('/api/mark', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pupilId: select.getAttribute('data-pupil-id'), date: current.date, session: current.session, code: code })
    })
      .then(function (response) { showToast(response.ok ? 'Saved' : 'Not saved'); })
      .catch(function () { showToast('Not saved'); });
  }, true);
  window.addEventListener('popstate', render);
  render();
})();
`;
