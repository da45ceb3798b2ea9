// A register's badges are not the panel: where the page's style keeps their room (adopted as the
// content script starts, issue 15 item 1), they are handed to the browser's visibility observer in a
// task after the panel's, which on a page with nothing else loading is the one that fires the page's
// load event (on the 15,000-cell page, 1,500 rows asked about: about 9 ms of it in a CPU profile). Where the style is
// refused, their room is made with the panel, as before: made later, it would have the browser lay a
// large table out a second time after the load event.

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { presetPolicy } from '../../rules/presets';
import { badgeRooms } from '../../sites/badge-room';
import { demoClassRegister } from '../../sites/builtin/demo';
import { siteProfileSchema } from '../../sites/profile';
import type { ContentBundle } from '../../storage/bundle';
import type { Send } from '../../storage/messages';
import { PageSession } from './page-session';

// The demo class register's shape (demo/mis), one pupil with her year's figure on the page.
const REGISTER = `<table id="register"><thead><tr><th>Pupil</th><th>UPN</th><th>Year to date</th>
<th class="session-head" data-date="2025-11-24" data-session="AM">Mon 24/11 AM</th></tr></thead>
<tbody><tr class="pupil-row" data-pupil-id="B00001"><td class="pupil-name"><a href="/pupils/B00001">O'Connor, Jan</a></td>
<td class="pupil-upn">P383999900001</td><td class="ytd-attendance">94.4%</td>
<td class="reg-cell" data-date="2025-11-24" data-session="AM"><input class="reg-code" value="/"></td></tr></tbody></table>`;

function start(styleTaken: boolean, { stoppedBeforeStart = false } = {}) {
  const dom = new JSDOM(`<!doctype html><body>${REGISTER}</body>`, { url: 'https://mis.example/register/class' });
  // jsdom makes constructable sheets but has no document.adoptedStyleSheets: given one, the page takes
  // the style as Chromium does; without, it refuses it, as a browser that refuses a content script's sheet.
  if (styleTaken) dom.window.document.adoptedStyleSheets = [];
  // jsdom lays nothing out: the observers are told nothing, and what they were asked to watch is kept.
  const watched: Element[] = [];
  Object.assign(dom.window, {
    requestIdleCallback: () => 0,
    IntersectionObserver: class {
      observe(target: Element) {
        watched.push(target);
      }
      unobserve() {}
      disconnect() {}
    },
  });
  const profile = siteProfileSchema.parse(demoClassRegister);
  const bundle: ContentBundle = {
    revision: 1,
    policy: presetPolicy('dfe'),
    bankHolidays: {},
    profiles: [profile],
    sites: [{ origin: 'https://mis.example', profileIds: [profile.id] }],
    dismissed: {},
    panelCollapsed: false,
    today: { mode: 'fixed', date: '2025-11-26' },
    badgeRooms: badgeRooms([profile]),
  };
  const send = (async () => ({})) as unknown as Send;
  const abort = new dom.window.AbortController();
  const session = new PageSession(dom.window.document, bundle, send, abort.signal, { shadowMode: 'open' });
  const roomBeforeStart = dom.window.document.adoptedStyleSheets?.length ?? 0;
  if (stoppedBeforeStart) abort.abort();
  session.start();
  const doc = dom.window.document;
  const name = doc.querySelector('td.pupil-name > a')!;
  return {
    abort,
    roomBeforeStart,
    sheets: () => doc.adoptedStyleSheets.length,
    panel: () => doc.querySelector('markwise-root')?.getAttribute('data-ready-at') ?? null,
    asked: () => watched.includes(name),
    hosts: () => doc.querySelectorAll('markwise-pupil-badge').length,
    drawn: () => doc.querySelector('markwise-pupil-badge')?.shadowRoot?.querySelector('.badge') != null,
    task: () => new Promise((resolve) => dom.window.setTimeout(resolve)),
  };
}

describe("a register's badges", () => {
  // The widget makes its session as soon as its element is parsed, so that the room is there before
  // the rows (issue 15, item 2), and starts it once the page is; the content script does the same at
  // document_start. Stopped in between (the element removed, the extension switched off), nothing is
  // drawn and the room goes: the page is left as it was.
  it('made and stopped before it started: no panel, and the room it made is gone', () => {
    const { roomBeforeStart, sheets, panel, hosts } = start(true, { stoppedBeforeStart: true });
    expect(roomBeforeStart).toBe(1);
    expect(sheets()).toBe(0);
    expect(panel()).toBeNull();
    expect(hosts()).toBe(0);
  });

  it("where the page's style keeps their room: the first rows' hosts put in with the panel, empty; the badges handed to the visibility observer in the next task", async () => {
    const { abort, panel, asked, hosts, drawn, task } = start(true);
    expect(panel()).not.toBeNull();
    expect(asked()).toBe(false);
    // In the panel's task, before the page's own layout before its load event (entrypoints/page/surface.ts, holdBadges).
    expect(hosts()).toBe(1);
    expect(drawn()).toBe(false);
    await task();
    expect(asked()).toBe(true);
    // Drawn only when the browser says the row is near the screen, into the same host.
    expect(hosts()).toBe(1);
    expect(drawn()).toBe(false);
    abort.abort();
  });

  it('where the style is refused: their room made with the panel, by a host in the name cell', () => {
    const { abort, panel, asked, hosts } = start(false);
    expect(panel()).not.toBeNull();
    expect(hosts()).toBe(1);
    expect(asked()).toBe(true);
    abort.abort();
  });
});
