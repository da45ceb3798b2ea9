// The fragment stays in the page: it can hold ids and sign-in tokens. Only the route a profile
// matched by (up to a '?' in it) is kept as the page's address for the follow-up list.

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { presetPolicy } from '../../rules/presets';
import { demoHashAppRegister } from '../../sites/builtin/demo-hashapp';
import { siteProfileSchema } from '../../sites/profile';
import type { ContentBundle } from '../../storage/bundle';
import type { Request, Send } from '../../storage/messages';
import { PageSession } from './page-session';

const REGISTER = `<table class="hx-take"><caption><span class="hx-date">24/11/2025</span> <span class="hx-session">AM</span></caption>
<tbody><tr class="hx-pupil"><td><a class="hx-name" href="#/students/1093">Ada</a><input type="hidden" name="student_id[]" value="1093"></td>
<td class="hx-mark-cell"><input class="hx-mark" value="N"></td></tr></tbody></table>`;

async function pageAddressSent(url: string, paths: string[]): Promise<string[]> {
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
  const sent: Request[] = [];
  const send = (async (request: Request) => {
    sent.push(request);
    return {};
  }) as unknown as Send;
  const abort = new dom.window.AbortController();
  new PageSession(dom.window.document, bundle, send, abort.signal).start();
  await new Promise((resolve) => setTimeout(resolve, 50));
  abort.abort();
  return sent.flatMap((r) => (r.type === 'record-n-seen' ? [r.seen.page.url] : []));
}

describe('the page address kept for the follow-up list', () => {
  it('a route in the fragment is kept, without anything after a ? in it', async () => {
    expect(await pageAddressSent('https://mis.example/hashapp/#/attendance/take/4A/2025-11-24/AM?token=secret', ['^/hashapp/#/attendance/take/'])).toEqual([
      'https://mis.example/hashapp/#/attendance/take/4A/2025-11-24/AM',
    ]);
  });

  it('a page matched by its path and query keeps no fragment at all', async () => {
    expect(await pageAddressSent('https://mis.example/hashapp/?class=4A#access_token=secret', ['^/hashapp/'])).toEqual(['https://mis.example/hashapp/?class=4A']);
  });
});
