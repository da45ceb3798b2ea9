// The class-register grid (teachers type codes into text inputs), shared by the class
// register, the bench page and the hostile fixture. Site profiles depend on this markup:
// keep the ids, classes, data attributes and input names exactly.

import type { SessionName } from '../../rules/codes';
import type { IsoDate } from '../../rules/dates';
import { esc, sessionLabel } from './html';
import type { DemoMark } from './school';

export interface GridSession {
  date: IsoDate;
  session: SessionName;
  /** Not a school day: the cell is shown but cannot be marked. */
  noSchool?: boolean;
}

export interface GridRow {
  id: string;
  /** 'Surname, Forename' */
  name: string;
  upn: string;
  /** Year-to-date attendance as shown, e.g. '87.5%'. */
  ytd: string;
  href: string;
}

/** The register grid inside its form, built in one pass (the bench page has 15,000 cells). */
export function registerGrid(
  sessions: readonly GridSession[],
  rows: readonly GridRow[],
  markOf: (rowIndex: number, sessionIndex: number) => DemoMark | undefined,
  /** The inputs' class: another one stands for an MIS that changed its markup under a profile. */
  inputClass = 'reg-code',
): string {
  const out: string[] = [];
  out.push('<form id="register-form" method="post"><table id="register" class="register-grid">\n<thead><tr><th scope="col">Pupil</th><th scope="col">UPN</th><th scope="col">Year to date</th>');
  const labels = sessions.map((s) => sessionLabel(s.date, s.session));
  sessions.forEach((s, i) => {
    out.push(`<th scope="col" class="session-head" data-date="${s.date}" data-session="${s.session}"${s.noSchool ? ' data-no-school="true"' : ''}>${esc(labels[i]!)}</th>`);
  });
  out.push('</tr></thead>\n<tbody>\n');
  const cellHeads = sessions.map((s) => `<td class="reg-cell${s.noSchool ? ' no-school' : ''}" data-date="${s.date}" data-session="${s.session}">`);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const id = esc(row.id);
    const name = esc(row.name);
    out.push(
      `<tr class="pupil-row" data-pupil-id="${id}"><td class="pupil-name"><a href="${esc(row.href)}">${name}</a></td><td class="pupil-upn">${esc(row.upn)}</td><td class="ytd-attendance">${esc(row.ytd)}</td>`,
    );
    for (let c = 0; c < sessions.length; c++) {
      const s = sessions[c]!;
      const mark = s.noSchool ? undefined : markOf(r, c);
      out.push(
        cellHeads[c]!,
        `<input class="${inputClass}" name="mark|${id}|${s.date}|${s.session}" value="${mark ? esc(mark.code) : ''}" maxlength="3" autocomplete="off" aria-label="${name}, ${labels[c]}"${s.noSchool ? ' disabled' : ''}>`,
        mark?.arrival ? `<span class="reg-arrival">${esc(mark.arrival)}</span>` : '',
        '</td>',
      );
    }
    out.push('</tr>\n');
  }
  out.push('</tbody></table>\n<div class="toolbar"><p id="unsaved-count" aria-live="polite">No unsaved changes</p><button type="submit">Save</button></div></form>');
  return out.join('');
}

/**
 * The MIS's own change tracking: a row that was typed in is marked dirty and the count of
 * unsaved changes updates. Listens in the capture phase so events that do not bubble count too.
 * Nothing is upper-cased: the page keeps exactly what was typed.
 */
export const REGISTER_SCRIPT = `(function () {
  var form = document.getElementById('register-form');
  var count = document.getElementById('unsaved-count');
  if (!form || !count) return;
  var changed = new Set();
  function noticed(event) {
    var input = event.target;
    if (!input || !input.classList || !input.classList.contains('reg-code')) return;
    var row = input.closest('tr');
    if (row) row.classList.add('dirty');
    if (input.value !== input.defaultValue) changed.add(input); else changed.delete(input);
    var n = changed.size;
    count.textContent = n === 0 ? 'No unsaved changes' : n === 1 ? '1 unsaved change' : n + ' unsaved changes';
  }
  form.addEventListener('input', noticed, true);
  form.addEventListener('change', noticed, true);
})();`;
