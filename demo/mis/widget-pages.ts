// The demo MIS's pages with the embeddable widget and no extension: the same class register
// with <markwise-panel> and one script tag, a plain register table read by selector, badges from
// attributes, the JavaScript API over a snapshot, and a malformed inline policy.

import { presetInput } from '../../rules/presets';
import { demoClassRegister } from '../../sites/builtin/demo';
import type { SiteProfileInput } from '../../sites/profile';
import { esc, page, type ScriptAt } from './html';
import { benchPage, classRegisterPage, type WidgetEmbed } from './pages';
import { DEMO_TODAY, type ClassId, type DemoSchool } from './school';
import type { IsoDate } from '../../rules/dates';

/** The widget's classic script, as an integrator includes it. */
export const WIDGET_SCRIPT = '/widget/markwise-widget.iife.js';
export const WIDGET_MODULE = '/widget/markwise-widget.js';
/**
 * An empty script, served like the widget's: on the bench page in the widget's place, what any
 * script tag there costs the page (bench/widget.ts). Served by the page's own server rather than put
 * in by the bench's browser, whose request interception slows the whole page's load.
 */
export const EMPTY_SCRIPT = '/widget/empty.js';
/**
 * Where the README puts the widget's tag on a register page: a classic script in the head, with the
 * <markwise-panel> element before the register, so that the badges' room is made before the rows are
 * laid out (README, "The embeddable widget"; BENCHMARKS.md, issue 15, item 2). ?script=end-defer and
 * ?script=head-async give the other places integrators use.
 */
export const README_SCRIPT_AT: ScriptAt = 'head';

/** JSON inside a <script> element: '</' would end the element early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/<\//g, '<\\/');
}

/** The panel element for the demo: the Micklefield preset as of the demo's day, as the extension's demo build checks. */
function panelWithProfile(profile: SiteProfileInput, policy: 'preset' | 'inline' = 'preset'): string {
  const inline = policy === 'inline' ? `\n<script type="application/json">\n${scriptJson(presetInput('micklefield'))}\n</script>` : '';
  return `<markwise-panel${policy === 'preset' ? ' preset="micklefield"' : ''} today="${DEMO_TODAY}">${inline}
<script type="application/json" data-for="profile">
${scriptJson(profile)}
</script>
</markwise-panel>`;
}

/** How the page gives the widget its policy and where its script tag is (the demo's query: ?policy=inline&script=head). */
export interface EmbedChoice {
  readonly policy?: 'preset' | 'inline';
  readonly scriptAt?: ScriptAt;
  /** The bench page only (?script-file=empty): the empty script in the widget's place. */
  readonly scriptFile?: 'empty';
}

/** The class register with the widget; by default the preset named and the script in the head, as the README shows. */
export function widgetRegisterPage(school: DemoSchool, classId: ClassId, week: IsoDate, embed: EmbedChoice = {}): string {
  return classRegisterPage(school, classId, week, { element: panelWithProfile(demoClassRegister, embed.policy), scriptSrc: WIDGET_SCRIPT, scriptAt: embed.scriptAt ?? README_SCRIPT_AT });
}

/**
 * The bench page with the widget instead of the extension, its tag in the head as the README advises
 * unless `embed` says otherwise. The policy is inside the element by default, the quickest way
 * to give it; policy="preset" names the preset instead, which the widget then reads from
 * presets/micklefield.json beside its script: a request answered only once the page's own load is done.
 */
export function widgetBenchPage(pupils: number, sessions: number, embed: EmbedChoice = {}): string {
  return benchPage(pupils, sessions, { element: panelWithProfile(demoClassRegister, embed.policy ?? 'inline'), scriptSrc: embed.scriptFile === 'empty' ? EMPTY_SCRIPT : WIDGET_SCRIPT, scriptAt: embed.scriptAt ?? README_SCRIPT_AT });
}

export function widgetIndexPage(): string {
  const links: [string, string][] = [
    ['/widget/register?class=4A', 'The class register of 4A with <markwise-panel> and a site profile, instead of the extension'],
    ['/widget/table', 'A plain register table read by selector, with badges from attributes'],
    ['/widget/api', 'The JavaScript API: a snapshot in, findings out'],
    ['/widget/broken-policy', 'A malformed inline policy: the element says what is wrong and where'],
  ];
  return page(
    'The widget',
    `<h1>Markwise without the extension</h1>
<p class="note">These pages include the widget with one script tag (${esc(WIDGET_SCRIPT)}). Nothing is installed in the browser.</p>
<ul class="home-links">${links.map(([href, what]) => `<li><a href="${esc(href)}">${esc(what)}</a></li>`).join('')}</ul>`,
  );
}

/** The pupils of the table page, with a case for each kind of finding the table can show. */
const TABLE_SESSIONS: readonly [IsoDate, 'AM' | 'PM'][] = [
  ['2025-11-24', 'AM'],
  ['2025-11-24', 'PM'],
  ['2025-11-25', 'AM'],
  ['2025-11-25', 'PM'],
  ['2025-11-26', 'AM'],
];
const TABLE_PUPILS: readonly { upn: string; name: string; attendance: string; marks: readonly (string | [string, string])[] }[] = [
  { upn: 'T100000000001', name: 'Amira Khan', attendance: '97.5', marks: ['/', '\\', '/', '\\', '/'] },
  { upn: 'T100000000002', name: 'Ben Carter', attendance: '91.0', marks: ['H', 'H', '/', '\\', '/'] },
  { upn: 'T100000000003', name: 'Chloe Davies', attendance: '88.2', marks: ['/', '\\', '/', '\\', ['L', '09:40']] },
  { upn: 'T100000000004', name: 'Daniel Evans', attendance: '79.4', marks: ['N', 'N', '/', '\\', '/'] },
];

/** Styles a careless host page might have: they must not reach into the widget, nor the widget's reach out. */
const HOST_CSS = `
  .host-demo p, .host-demo li, .host-demo button { color: rgb(200, 0, 0) !important; font-family: "Courier New", monospace !important; }
  .panel.host-panel { border: 3px dotted rgb(0, 0, 200); }
  :root { --markwise-font: Georgia, serif; }
`;

/** storage: 'indexeddb' to keep dismissals in the page's own IndexedDB (the page opts in). */
export function widgetTablePage(storage: 'memory' | 'indexeddb' = 'memory'): string {
  const head = TABLE_SESSIONS.map(([date, session]) => `<th scope="col" data-date="${date}" data-session="${session}">${esc(date.slice(8))}/${esc(date.slice(5, 7))} ${session}</th>`).join('');
  const rows = TABLE_PUPILS.map((p) => {
    const cells = p.marks
      .map((mark) => {
        const [code, arrival] = typeof mark === 'string' ? [mark, null] : mark;
        return `<td><input aria-label="${esc(p.name)}" value="${esc(code)}" size="2">${arrival === null ? '' : ` <time>${esc(arrival)}</time>`}</td>`;
      })
      .join('');
    return `<tr data-upn="${esc(p.upn)}" data-attendance="${esc(p.attendance)}"><th scope="row">${esc(p.name)}</th>${cells}</tr>`;
  }).join('\n');
  const badges = TABLE_PUPILS.map(
    (p) => `<li>${esc(p.name)} <markwise-badge preset="micklefield" upn="${esc(p.upn)}" name="${esc(p.name)}" attendance="${esc(p.attendance)}"></markwise-badge></li>`,
  ).join('\n');
  return page(
    'A register table with the widget',
    `<style>${HOST_CSS}</style>
<div class="host-demo">
<h1>A register table with the widget</h1>
<p class="note">The page's own styles colour its paragraphs, lists and buttons red: they stay out of the widget, and the widget's stay out of the page.</p>
<aside class="panel host-panel"><p class="finding">The page's own panel, styled by the page.</p></aside>
<markwise-panel selector="#register-table" preset="micklefield" today="${DEMO_TODAY}"${storage === 'indexeddb' ? ' storage="indexeddb"' : ''}></markwise-panel>
<form method="post" action="/widget/table">
<table id="register-table" class="register">
<thead><tr><th scope="col">Pupil</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</form>
<h2>Badges from attributes</h2>
<ul class="badges">
${badges}
<li>From sessions: <markwise-badge preset="micklefield" upn="T100000000005" name="Erin Foster" attended="150" possible="200"></markwise-badge></li>
</ul>
</div>`,
    { scriptSrc: WIDGET_SCRIPT, scriptAt: README_SCRIPT_AT },
  );
}

export function widgetApiPage(): string {
  const snapshot = {
    role: 'office',
    source: 'the vendor\'s own data',
    pupils: TABLE_PUPILS.map((p) => ({
      upn: p.upn,
      name: p.name,
      marks: p.marks.map((mark, i) => {
        const [code, arrival] = typeof mark === 'string' ? [mark, null] : mark;
        return { date: TABLE_SESSIONS[i]![0], session: TABLE_SESSIONS[i]![1], mark: code, arrival };
      }),
    })),
  };
  const script = `import { check } from '${WIDGET_MODULE}';
const snapshot = JSON.parse(document.getElementById('snapshot').textContent);
// A school's preset is a file beside the widget (only dfe is built in): the vendor's page passes it as the policy.
const policy = await (await fetch('/widget/presets/micklefield.json')).json();
const result = check(snapshot, { policy, today: '${DEMO_TODAY}' });
const out = document.getElementById('api-result');
if (!result.ok) {
  out.textContent = 'Not checked: ' + result.problems.map((p) => p.path + ': ' + p.message).join('; ');
} else {
  out.dataset.findings = String(result.findings.length);
  const list = document.createElement('ul');
  for (const f of result.findings) {
    const li = document.createElement('li');
    li.dataset.rule = f.rule;
    li.textContent = f.name + ', ' + f.date + ' ' + f.session + ': ' + f.what;
    list.append(li);
  }
  out.append(result.findings.length + ' findings:', list);
}`;
  return page(
    'The widget API',
    `<h1>The JavaScript API</h1>
<p class="note">A vendor with the register in its own data calls check() with a snapshot; no page is read.</p>
<script type="application/json" id="snapshot">${scriptJson(snapshot)}</script>
<output id="api-result" aria-live="polite"></output>
<script type="module">${script}</script>`,
  );
}

/** A policy with a register that closes at "9.25": the element must say so, not stay blank. */
export function widgetBrokenPolicyPage(school: DemoSchool, classId: ClassId, week: IsoDate): string {
  const broken = {
    schemaVersion: 1,
    id: 'broken-school',
    schoolName: 'A school with a typo',
    codes: { teacher: 'all' },
    sessions: { AM: { registrationStartsAt: '08:55', registerClosesAt: '9.25' }, PM: { registrationStartsAt: '13:15', registerClosesAt: '13:45' } },
    unexplainedAbsence: {},
    calendar: { academicYears: [] },
    attendanceTarget: 96,
    bands: [{ name: 'All', colour: '#1b7f3b', atLeast: 0, below: null }],
    tiers: [{ level: 1, name: 'Universal', appliesBelow: null }],
  };
  const element = `<markwise-panel today="${DEMO_TODAY}">
<script type="application/json">
${scriptJson(broken)}
</script>
<script type="application/json" data-for="profile">
${scriptJson(demoClassRegister)}
</script>
</markwise-panel>`;
  return classRegisterPage(school, classId, week, { element, scriptSrc: WIDGET_SCRIPT, scriptAt: README_SCRIPT_AT });
}
