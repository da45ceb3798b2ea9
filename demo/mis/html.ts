// HTML helpers for the demo MIS: escaping, the page frame, en-GB dates.

import type { SessionName } from '../../rules/codes';
import { dayNumber, weekdayOfDayNumber, type IsoDate } from '../../rules/dates';
import { SCHOOL_NAME } from './school';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** '2025-11-24' → 'Mon 24/11' */
export function shortDay(date: IsoDate): string {
  return `${WEEKDAYS[weekdayOfDayNumber(dayNumber(date))]} ${date.slice(8, 10)}/${date.slice(5, 7)}`;
}

/** '2025-11-24' → '24/11/2025' */
export function ukDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** 'Mon 24/11 AM' */
export function sessionLabel(date: IsoDate, session: SessionName): string {
  return `${shortDay(date)} ${session}`;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1a1a;background:#f4f4f4}
.mis-header{background:#4a4f55;color:#fff;padding:8px 16px;display:flex;align-items:center;gap:24px;flex-wrap:wrap}
.mis-header .school{font-weight:bold;font-size:16px;color:#fff;text-decoration:none}
.mis-header nav ul{list-style:none;margin:0;padding:0;display:flex;gap:16px;flex-wrap:wrap}
.mis-header nav a{color:#fff}
main{padding:12px 16px}
h1{font-size:20px;margin:4px 0 12px}
h2{font-size:16px}
a{color:#0b4f8a}
table{border-collapse:collapse;background:#fff}
th,td{border:1px solid #b8b8b8;padding:3px 6px;text-align:left;vertical-align:middle}
thead th{background:#e2e4e7;font-weight:bold}
.register-grid td.reg-cell{padding:2px;text-align:center;white-space:nowrap}
.register-grid input.reg-code{width:3.2em;text-align:center;font-family:monospace;font-size:14px;border:1px solid #767676;padding:2px}
.register-grid tr.dirty td{background:#fff8dc}
.reg-arrival,.mark-arrival{display:block;font-size:11px;color:#4d4d4d}
.register-grid .no-school input{background:#ddd}
.toolbar{display:flex;gap:16px;align-items:center;margin:8px 0;flex-wrap:wrap}
.picker{margin:6px 0}
.picker a{margin-right:6px}
.picker a[aria-current]{font-weight:bold;color:#1a1a1a}
button{font-size:14px;padding:4px 14px;background:#0b4f8a;color:#fff;border:1px solid #083a66;border-radius:2px;cursor:pointer}
#unsaved-count{margin:0;color:#1a1a1a}
.report td.absence-code,.pupil-marks td.mark{font-family:monospace;text-align:center}
.pupil-marks td.no-school{background:#e8e8e8}
dl{display:grid;grid-template-columns:max-content auto;gap:4px 16px;background:#fff;padding:8px;border:1px solid #b8b8b8;max-width:40em}
dt{font-weight:bold}
dd{margin:0}
dd.ytd-sessions{grid-column:2}
.mis-nav{display:flex;gap:8px;flex-wrap:wrap;margin-bottom:8px}
.mis-row{display:flex;gap:12px;align-items:center;padding:4px 8px;background:#fff;border-bottom:1px solid #ddd;max-width:40em}
.mis-row .mis-pupil-link{flex:1}
.mis-toast{position:fixed;bottom:16px;right:16px;background:#1b5e20;color:#fff;padding:8px 16px;border-radius:3px}
.note{color:#4d4d4d}
`;

const NAV: readonly [string, string][] = [
  ['/', 'Home'],
  ['/register/class', 'Class register'],
  ['/app/?/register/4A/2025-11-26/AM', 'Registers (app)'],
  ['/office/unexplained', 'Unexplained absences'],
  ['/pupils', 'Pupils'],
];

/**
 * Where a page's own script file goes, as integrators write the widget's one tag: deferred at the end
 * of the body (a page's default here, as the demo's own apps load theirs), or in the head, as a
 * classic script (as the README advises for the widget) or async, where it runs before the body is
 * parsed.
 */
export const SCRIPT_PLACES = ['end-defer', 'head', 'head-async'] as const;
export type ScriptAt = (typeof SCRIPT_PLACES)[number];

export function isScriptAt(text: string | null): text is ScriptAt {
  return (SCRIPT_PLACES as readonly (string | null)[]).includes(text);
}

/** A whole page: header bar with the school's name and nav, then the body inside <main>. */
export function page(title: string, body: string, options: { script?: string; scriptSrc?: string; scriptAt?: ScriptAt; mainId?: string } = {}): string {
  const at = options.scriptAt ?? 'end-defer';
  const tag = (src: string) => `<script${at === 'end-defer' ? ' defer' : at === 'head-async' ? ' async' : ''} src="${esc(src)}"></script>`;
  const nav = NAV.map(([href, label]) => `<li><a href="${esc(href)}">${esc(label)}</a></li>`).join('');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} - ${esc(SCHOOL_NAME)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
${options.scriptSrc && at !== 'end-defer' ? `${tag(options.scriptSrc)}\n` : ''}</head>
<body>
<header class="mis-header"><a class="school" href="/">${esc(SCHOOL_NAME)}</a><nav aria-label="Main"><ul>${nav}</ul></nav></header>
<main${options.mainId ? ` id="${esc(options.mainId)}"` : ''}>
${body}
</main>
${options.scriptSrc && at === 'end-defer' ? tag(options.scriptSrc) : ''}${options.script ? `<script>${options.script}</script>` : ''}
</body>
</html>
`;
}
