// What a register page showed is kept after its panel is drawn, a step in each task (issue 15, item 1:
// together they were one task of 25-60 ms on a 15,000-cell page, after the panel), and every step left
// runs at once when the page is left, so that a person moving straight on loses nothing.

import { describe, expect, it } from 'vitest';
import type { Request, Send } from '../../storage/messages';
import { hashAppSession } from '../../test/support/hashapp-session';
import { tabStatusTeller } from './tab-status';

function start() {
  const sent: Request['type'][] = [];
  const send = (async (request: Request) => {
    sent.push(request.type);
    return {};
  }) as unknown as Send;
  // The register has one pupil, with an N and no figure.
  const { dom, abort } = hashAppSession('https://mis.example/hashapp/#/attendance/take/4A/2025-11-24/AM', ['^/hashapp/#/attendance/take/'], send, { tellStatus: tabStatusTeller(send) });
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
    // The cells seen, then the thresholds crossed, are worked out in tasks of their own (on a
    // 15,000-cell page, with the sending, they were one 51 ms task: issue 15, item 1); then sent.
    await task();
    await task();
    expect(sent).toEqual(['tab-status', 'figures-for']);
    await task();
    expect(sent).toEqual(['tab-status', 'figures-for', 'record-n-seen']);
    await task();
    expect(sent).toEqual(['tab-status', 'figures-for', 'record-n-seen']);
    abort.abort();
  });

  it('left while the cells seen are being worked out, they are sent at once as the page goes', async () => {
    const { dom, sent, abort, task } = start();
    await task();
    await task();
    expect(sent).toEqual(['tab-status', 'figures-for']);
    dom.window.dispatchEvent(new dom.window.PageTransitionEvent('pagehide'));
    expect(sent).toEqual(['tab-status', 'figures-for', 'record-n-seen']);
    await task();
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

  it('everything deleted in the options page between the steps: nothing more is sent, then or as the page goes', async () => {
    const { dom, sent, abort, task } = start();
    await task();
    expect(sent).toEqual(['tab-status', 'figures-for']);
    // The content script's lifetime ends (FORGET_MESSAGE): the session stops, and its view with it.
    abort.abort();
    await task();
    dom.window.dispatchEvent(new dom.window.PageTransitionEvent('pagehide'));
    await task();
    expect(sent).not.toContain('record-n-seen');
  });

  it('left before the first step, everything is sent at once as the page goes', () => {
    const { dom, sent, abort } = start();
    dom.window.dispatchEvent(new dom.window.PageTransitionEvent('pagehide'));
    expect(sent).toEqual(['tab-status', 'figures-for', 'record-n-seen']);
    abort.abort();
  });
});
