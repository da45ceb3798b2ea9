// Styles for Markwise's own elements, inside shadow roots so that the MIS's
// styles and ours never mix. System fonts, no web fonts (no network).
// Colours meet WCAG AA contrast on white; every colour has a word or a shape beside it.

export const BASE_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.mw { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d1d1f; }
button { font: inherit; cursor: pointer; border: 1px solid #5a5a5e; background: #fff; color: #1d1d1f; border-radius: 4px; padding: 2px 8px; }
button:hover { background: #f0f0f3; }
button:focus-visible, select:focus-visible, input:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
.sev { display: inline-flex; align-items: center; gap: 4px; font-weight: 600; }
.glyph { display: inline-grid; place-items: center; width: 1.25em; height: 1.25em; font-size: 0.8em; color: #fff; font-weight: 700; }
.sev-error .glyph { background: #b3261e; }
.sev-warning .glyph { background: #8a5300; clip-path: polygon(50% 0, 100% 100%, 0 100%); padding-top: 0.25em; }
.sev-info .glyph { background: #1a56db; border-radius: 50%; }
.sev-error .sev-word { color: #b3261e; }
.sev-warning .sev-word { color: #8a5300; }
.sev-info .sev-word { color: #1a56db; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export const PANEL_CSS = `
.panel { position: fixed; right: 16px; bottom: 16px; width: min(420px, calc(100vw - 32px)); max-height: min(70vh, 640px); display: flex; flex-direction: column;
  background: #fff; border: 1px solid #5a5a5e; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.25); z-index: 2147483646; }
.panel.collapsed { width: auto; }
.panel-head { display: flex; align-items: center; gap: 8px; padding: 8px 10px; border-bottom: 1px solid #d0d0d5; }
.panel-head h2 { font-size: 15px; margin: 0; flex: 1; }
.panel-body { overflow: auto; padding: 6px 10px 10px; }
.panel-meta { margin: 4px 0 8px; color: #4a4a4f; font-size: 13px; }
.summary-counts { display: flex; gap: 12px; margin: 0; padding: 0; list-style: none; }
details.group { border-top: 1px solid #e2e2e6; padding: 4px 0; }
details.group > summary { font-weight: 600; padding: 4px 0; }
.count { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 10px; background: #eceef2; padding: 0 6px; margin-left: 4px; font-weight: 600; }
ol.findings { list-style: none; margin: 0; padding: 0; }
li.finding { border-left: 4px solid #5a5a5e; padding: 6px 8px; margin: 6px 0; background: #fafafb; }
li.finding[data-severity="error"] { border-left-color: #b3261e; }
li.finding[data-severity="warning"] { border-left-color: #8a5300; }
li.finding[data-severity="info"] { border-left-color: #1a56db; }
li.finding.current { background: #eef3ff; }
.finding p { margin: 2px 0; }
.finding .where { font-weight: 600; }
.finding .why { color: #4a4a4f; font-size: 13px; }
.finding .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.finding .done { color: #1b5e20; font-weight: 600; }
.dismiss-form { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 6px; }
.notice { padding: 8px; border: 1px solid #8a5300; background: #fff8e6; margin: 6px 0; }
.notice.error { border-color: #b3261e; background: #fdecea; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; background: #eceef2; padding: 0 4px; border-radius: 3px; }
`;

export const BADGE_CSS = `
.badge { display: inline-flex; align-items: center; gap: 3px; margin-left: 4px; padding: 0 5px; border: 1px solid #5a5a5e; border-radius: 10px;
  font: 11px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d1d1f; background: #fff; white-space: nowrap; position: relative; vertical-align: middle; }
.swatch { width: 10px; height: 10px; border-radius: 2px; border: 1px solid rgba(0,0,0,.4); }
.badge .details { display: none; position: absolute; left: 0; top: calc(100% + 4px); z-index: 2147483645; width: 280px; white-space: normal;
  background: #fff; border: 1px solid #5a5a5e; border-radius: 6px; padding: 6px 8px; box-shadow: 0 4px 12px rgba(0,0,0,.2); }
.badge:hover .details, .badge:focus .details, .badge:focus-within .details { display: block; }
.details ul { margin: 4px 0 0; padding-left: 18px; }
.details p { margin: 2px 0; }
`;

export const HINT_CSS = `
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none; z-index: 2147483640; }
.marker { position: absolute; border: 2px dashed #b3261e; border-radius: 3px; }
.marker[data-severity="warning"] { border-color: #8a5300; border-style: dotted; }
.marker[data-severity="info"] { border-color: #1a56db; border-style: dotted; }
.marker .corner { position: absolute; right: -7px; top: -7px; width: 14px; height: 14px; display: grid; place-items: center;
  font: 700 10px/1 system-ui, sans-serif; color: #fff; background: #b3261e; }
.marker[data-severity="warning"] .corner { background: #8a5300; clip-path: polygon(50% 0, 100% 100%, 0 100%); padding-top: 3px; }
.marker[data-severity="info"] .corner { background: #1a56db; border-radius: 50%; }
.marker.highlight { outline: 3px solid #1a56db; outline-offset: 2px; }
.tip { position: absolute; width: 300px; background: #fff; border: 1px solid #5a5a5e; border-radius: 6px; padding: 6px 8px; box-shadow: 0 4px 14px rgba(0,0,0,.25);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d1d1f; }
.tip[hidden] { display: none; }
.tip p { margin: 2px 0; }
.tip .problem { font-weight: 600; }
.tip ul.codes { margin: 4px 0 0; padding: 0; list-style: none; max-height: 160px; overflow: auto; }
.tip ul.codes li { display: flex; gap: 6px; }
.tip ul.codes code { min-width: 2.2em; font-weight: 700; }
`;
