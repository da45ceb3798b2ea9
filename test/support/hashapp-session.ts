// A PageSession on the demo hash app's register (sites/builtin/demo-hashapp.ts) in jsdom, started as
// the content script starts one: one pupil, Ada, with an N on Monday 24 November 2025's morning.

import { JSDOM } from 'jsdom';
import { presetPolicy } from '../../rules/presets';
import { demoHashAppRegister } from '../../sites/builtin/demo-hashapp';
import { siteProfileSchema } from '../../sites/profile';
import type { ContentBundle } from '../../storage/bundle';
import type { Send } from '../../storage/messages';
import { PageSession, type PageSessionOptions } from '../../entrypoints/page/page-session';

const REGISTER = `<table class="hx-take"><caption><span class="hx-date">24/11/2025</span> <span class="hx-session">AM</span></caption>
<tbody><tr class="hx-pupil"><td><a class="hx-name" href="#/students/1093">Ada</a><input type="hidden" name="student_id[]" value="1093"></td>
<td class="hx-mark-cell"><input class="hx-mark" value="N"></td></tr></tbody></table>`;

/** The page at this address, the profile matching it by these paths; the session sends with send. */
export function hashAppSession(url: string, paths: string[], send: Send, options: PageSessionOptions = {}) {
  const dom = new JSDOM(`<!doctype html><body><main>${REGISTER}</main></body>`, { url });
  // jsdom lays nothing out: the hints' visibility observer has nothing to watch.
  Object.assign(dom.window, { IntersectionObserver: class { observe() {} unobserve() {} disconnect() {} } });
  const profile = siteProfileSchema.parse({ ...demoHashAppRegister, paths });
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
  const abort = new dom.window.AbortController();
  new PageSession(dom.window.document, bundle, send, abort.signal, options).start();
  return { dom, abort };
}
