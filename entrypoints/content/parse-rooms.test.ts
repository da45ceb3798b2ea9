// Room for the badges made while the page is still being parsed (issue 15, item 1): roomsWhileParsing
// makes it for each row the parser has closed, in the frame that first shows the row; the view started
// at DOMContentLoaded keeps the rooms of its pupils' rows and no others, and nothing is left behind when
// no view comes. The steps are the content script's own (entrypoints/content/index.ts). jsdom parses
// nothing progressively, so the test plays the parser: the register's rows are put in a few at a time
// while document.readyState says 'loading', with a frame between.

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { presetPolicy } from '../../rules/presets';
import { registerGrid } from '../../demo/mis/register';
import { demoClassRegister } from '../../sites/builtin/demo';
import { siteProfileSchema } from '../../sites/profile';
import type { ContentBundle } from '../../storage/bundle';
import type { Send } from '../../storage/messages';
import { PageSession, profileOn } from '../page/page-session';
import { removeRooms, roomsWhileParsing } from './parse-rooms';

const ROWS = 6;

function arriving() {
  const grid = registerGrid(
    [
      { date: '2025-11-24', session: 'AM' },
      { date: '2025-11-24', session: 'PM' },
    ],
    Array.from({ length: ROWS }, (_, i) => ({ id: `P${i + 1}`, name: `Pupil, Number ${i + 1}`, upn: `A12345678901${i}`, ytd: '95.0%', href: `/pupils/P${i + 1}` })),
    () => ({ code: '/' }),
  );
  const dom = new JSDOM(`<!doctype html><body><main>${grid}</main></body>`, { url: 'https://mis.example/register/class?class=4A', pretendToBeVisual: true });
  const { window } = dom;
  const document = window.document;
  // No layout in jsdom: the observers report nothing.
  Object.assign(window, {
    IntersectionObserver: class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  });
  let state: DocumentReadyState = 'loading';
  Object.defineProperty(document, 'readyState', { get: () => state, configurable: true });
  const body = document.querySelector('#register tbody')!;
  const rows = [...body.querySelectorAll('tr.pupil-row')];
  // Row 3 has no pupil id: the view does not read it as a pupil's.
  rows[2]!.removeAttribute('data-pupil-id');
  for (const row of rows) row.remove();
  const bundle: ContentBundle = {
    revision: 1,
    policy: presetPolicy('dfe'),
    bankHolidays: {},
    profiles: [siteProfileSchema.parse(demoClassRegister)],
    sites: [{ origin: 'https://mis.example', profileIds: [demoClassRegister.id] }],
    dismissed: {},
    panelCollapsed: false,
    today: { mode: 'fixed', date: '2025-11-26' },
  };
  const send = (async () => ({ ok: true, figures: {}, firstSeen: {} })) as unknown as Send;
  const abort = new window.AbortController();
  // As the content script starts: the rooms while the page arrives, and the session given them.
  const profile = profileOn(bundle, document.location);
  expect(profile?.id).toBe(demoClassRegister.id);
  const rooms = roomsWhileParsing(document, profile!, 'open', abort.signal);
  expect(rooms).toBeDefined();
  const session = new PageSession(document, bundle, send, abort.signal, { shadowMode: 'open', rooms });
  const frame = () => new Promise((resolve) => window.requestAnimationFrame(() => window.setTimeout(resolve)));
  return {
    window,
    abort,
    /** DOMContentLoaded, as the content script handles it. */
    start: () => {
      session.start();
      removeRooms(rooms!);
    },
    frame,
    /** The parser puts in the next rows. */
    arrive: (count: number) => body.append(...rows.splice(0, count)),
    parsed: () => (state = 'interactive'),
    /** Each row's badge hosts; each must be right after the pupil's link (the profile's badgeAfter). */
    rooms: () =>
      [...document.querySelectorAll('tr.pupil-row')].map((row) => {
        const hosts = [...row.querySelectorAll('markwise-pupil-badge')];
        for (const host of hosts) expect(host.previousElementSibling?.matches('td.pupil-name > a')).toBe(true);
        return hosts;
      }),
    all: () => document.querySelectorAll('markwise-pupil-badge').length,
  };
}

describe('room for the badges while the page is parsed', () => {
  it('is made for the rows the parser has closed; the view keeps its pupils\' rooms, adds the last row\'s, and drops a row that is not a pupil\'s', async () => {
    const page = arriving();
    page.arrive(2);
    await page.frame();
    // The second row may still be arriving: only the first is closed (another row follows it).
    expect(page.rooms().map((r) => r.length)).toEqual([1, 0]);
    page.arrive(3);
    await page.frame();
    expect(page.rooms().map((r) => r.length)).toEqual([1, 1, 1, 1, 0]);
    const madeWhileParsing = page.rooms().slice(0, 4).map((r) => r[0]);

    page.arrive(1);
    page.parsed();
    page.start();
    const after = page.rooms();
    expect(after.map((r) => r.length)).toEqual([1, 1, 0, 1, 1, 1]);
    // The same hosts, not new ones: a room the page already showed is not taken out and put back.
    expect([after[0]![0], after[1]![0], after[3]![0]]).toEqual([madeWhileParsing[0], madeWhileParsing[1], madeWhileParsing[3]]);
    expect(page.all()).toBe(5);
    page.abort.abort();
    expect(page.all()).toBe(0);
  });

  it('is taken out again when Markwise is stopped while the page is still arriving', async () => {
    const page = arriving();
    page.arrive(4);
    await page.frame();
    expect(page.all()).toBe(3);
    page.abort.abort();
    await page.frame();
    expect(page.all()).toBe(0);
  });

  it('is taken out when no register is read at DOMContentLoaded', async () => {
    const page = arriving();
    page.arrive(4);
    await page.frame();
    expect(page.all()).toBe(3);
    // The page's own script moved to another address while it was parsed: no profile is for it, so no view.
    page.window.history.replaceState({}, '', '/pupils');
    page.arrive(2);
    page.parsed();
    page.start();
    expect(page.all()).toBe(0);
    page.abort.abort();
  });
});
