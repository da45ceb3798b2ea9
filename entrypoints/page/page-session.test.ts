// A page's patterns run once per address, not at every change of its DOM, and the background hears
// the tab's status only when it changes (issue 11, item 16: a pattern ran 27 s at each DOM change).

import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { presetPolicy } from '../../rules/presets';
import { demoClassRegister } from '../../sites/builtin/demo';
import { siteProfileSchema } from '../../sites/profile';
import type { ContentBundle } from '../../storage/bundle';
import type { Request, Send } from '../../storage/messages';
import { PageSession } from './page-session';
import { tabStatusTeller } from './tab-status';

const PATH = '^/register/class-only(\\?|$)';

function session(url: string) {
  const dom = new JSDOM('<!doctype html><body><main></main></body>', { url });
  const profile = siteProfileSchema.parse({ ...demoClassRegister, id: 'ours', paths: [PATH] });
  const bundle: ContentBundle = {
    revision: 1,
    policy: presetPolicy('dfe'),
    bankHolidays: {},
    profiles: [profile],
    sites: [{ origin: new URL(url).origin, profileIds: ['ours'] }],
    dismissed: {},
    panelCollapsed: false,
    today: { mode: 'fixed', date: '2025-11-26' },
  };
  const sent: Request[] = [];
  const send = (async (request: Request) => {
    sent.push(request);
    return { ok: true };
  }) as unknown as Send;
  const abort = new dom.window.AbortController();
  new PageSession(dom.window.document, bundle, send, abort.signal, { tellStatus: tabStatusTeller(send) }).start();
  return { dom, sent, abort };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => vi.restoreAllMocks());

describe('a page that no profile matches', () => {
  it('matches its address once, however often its DOM changes, and again when the address changes', async () => {
    const test = vi.spyOn(RegExp.prototype, 'test');
    const runs = () => test.mock.contexts.filter((re) => (re as RegExp).source === new RegExp(PATH).source).length;
    const { dom, sent, abort } = session('https://mis.example/pupils');
    expect(runs()).toBe(1);
    const main = dom.window.document.querySelector('main')!;
    for (let i = 0; i < 5; i++) {
      main.append(dom.window.document.createElement('p'));
      await settle();
    }
    expect(runs()).toBe(1);
    // Told once: nothing about the tab changed with the DOM.
    expect(sent.filter((r) => r.type === 'tab-status')).toHaveLength(1);

    dom.window.history.pushState({}, '', '/pupils/P1001');
    dom.window.dispatchEvent(new dom.window.PopStateEvent('popstate'));
    expect(runs()).toBe(2);
    expect(sent.filter((r) => r.type === 'tab-status')).toHaveLength(1);
    abort.abort();
  });
});
