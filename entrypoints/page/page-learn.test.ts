// What a register page showed is kept after its panel is drawn, a step in each task (issue 15, item 1:
// together they were one task of 25-60 ms on a 15,000-cell page, after the panel), and every step left
// runs at once when the page is left, so that a person moving straight on loses nothing.

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { presetPolicy } from '../../rules/presets';
import { demoHashAppRegister } from '../../sites/builtin/demo-hashapp';
import { siteProfileSchema } from '../../sites/profile';
import type { ContentBundle } from '../../storage/bundle';
import type { Request, Send } from '../../storage/messages';
import { PageSession } from './page-session';
import { tabStatusTeller } from './tab-status';

// The demo hash app's register (sites/builtin/demo-hashapp.ts): one pupil, an N on Monday morning.
const REGISTER = `<table class="hx-take"><caption><span class="hx-date">24/11/2025</span> <span class="hx-session">AM</span></caption>
<tbody><tr class="hx-pupil"><td><a class="hx-name" href="#/students/1093">Ada</a><input type="hidden" name="student_id[]" value="1093"></td>
<td class="hx-mark-cell"><input class="hx-mark" value="N"></td></tr></tbody></table>`;

function start() {
  const url = 'https://mis.example/hashapp/#/attendance/take/4A/2025-11-24/AM';
  const dom = new JSDOM(`<!doctype html><body><main>${REGISTER}</main></body>`, { url });
  // jsdom lays nothing out: the hints' visibility observer has nothing to watch.
  Object.assign(dom.window, { IntersectionObserver: class { observe() {} unobserve() {} disconnect() {} } });
  const profile = siteProfileSchema.parse({ ...demoHashAppRegister, paths: ['^/hashapp/#/attendance/take/'] });
  const bundle: ContentBundle = {
    revision: 1,
    policy: presetPolicy('dfe'),
    bankHolidays: {},
    profiles: [profile],
    sites: [{ origin: new URL(url).origin, profileIds: [profile.id] }],
    dismissed: {},
    panelCollapsed: false,
    today: { mode: 'fixed', date: '2025-11-26' },
  };
  const sent: Request['type'][] = [];
  const send = (async (request: Request) => {
    sent.push(request.type);
    return {};
  }) as unknown as Send;
  const abort = new dom.window.AbortController();
  new PageSession(dom.window.document, bundle, send, abort.signal, { tellStatus: tabStatusTeller(send) }).start();
  // One task of the page's: timers of no delay run in the order they were set, so the session's step
  // set before this runs before it, and a step set by that one runs after it.
  const task = () => new Promise((resolve) => dom.window.setTimeout(resolve));
  return { dom, sent, abort, task };
}

describe("a register page's readings", () => {
  it('are sent after the panel, a step in each task: the status and figures first (a pupil with no figure on the page is asked for), then the cells seen', async () => {
    const { sent, abort, task } = start();
    // The panel's task sends nothing.
    expect(sent).toEqual([]);
    await task();
    expect(sent).toEqual(['tab-status', 'figures-for']);
    await task();
    expect(sent).toEqual(['tab-status', 'figures-for', 'record-n-seen']);
    await task();
    expect(sent).toEqual(['tab-status', 'figures-for', 'record-n-seen']);
    abort.abort();
  });

  it('left between the steps, the rest is sent at once as the page goes, and not again', async () => {
    const { dom, sent, abort, task } = start();
    await task();
    expect(sent).toEqual(['tab-status', 'figures-for']);
    dom.window.dispatchEvent(new dom.window.PageTransitionEvent('pagehide'));
    expect(sent).toEqual(['tab-status', 'figures-for', 'record-n-seen']);
    await task();
    await task();
    expect(sent).toEqual(['tab-status', 'figures-for', 'record-n-seen']);
    abort.abort();
  });

  it('left before the first step, everything is sent at once as the page goes', () => {
    const { dom, sent, abort } = start();
    dom.window.dispatchEvent(new dom.window.PageTransitionEvent('pagehide'));
    expect(sent).toEqual(['tab-status', 'figures-for', 'record-n-seen']);
    abort.abort();
  });
});
