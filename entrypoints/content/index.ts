// The content script: runs on the MIS sites the school added (and the demo's
// localhost in development builds). It reads the prepared bundle from the
// extension's own storage, then hands the page to a PageSession. Everything
// is wrapped so that nothing Markwise does can break the MIS page.

import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { BUNDLE_KEY, type ContentBundle } from '../../storage/bundle';
import type { Request, Send } from '../../storage/messages';
import { FORGET_MESSAGE } from '../../storage/forget';
import { documentParsed, PageSession } from '../page/page-session';
import { tabStatusTeller } from '../page/tab-status';

const DEMO_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];

export default defineContentScript({
  // Where and when the script runs is read by WXT while it builds, for the manifest, never by the
  // script itself: wxt.config.ts leaves what is between these two lines out of the bundle the browser
  // runs (60 bytes gzipped of its 40 KB budget).
  // <declared>
  // Development builds declare the demo's localhost; release builds declare nothing and
  // the background registers the script for each site the school adds.
  matches: import.meta.env.MARKWISE_RELEASE === 'true' ? [] : DEMO_MATCHES,
  registration: import.meta.env.MARKWISE_RELEASE === 'true' ? 'runtime' : 'manifest',
  // Start at document_start so the bundle is read while the page is still parsing; the register
  // is read at DOMContentLoaded, before the browser's first layout of a large page.
  runAt: 'document_start',
  // </declared>
  async main(ctx) {
    const send: Send = (request: Request) => browser.runtime.sendMessage(request);
    let session: PageSession | null = null;
    try {
      const parsed = documentParsed(document);
      const stored = await browser.storage.local.get(BUNDLE_KEY);
      const bundle = stored[BUNDLE_KEY] as ContentBundle | undefined;
      if (bundle === undefined) return;
      const lifetime = new AbortController();
      ctx.onInvalidated(() => lifetime.abort());
      // Everything was deleted in the options page: the panel, hints and badges go with it.
      browser.runtime.onMessage.addListener((message: unknown) => {
        if ((message as { type?: unknown } | null)?.type === FORGET_MESSAGE) lifetime.abort();
      });
      // The school calendar is built while the page is still arriving, so DOMContentLoaded only
      // pays for the register itself.
      // Closed in every shipped build; open only in the e2e build, for Playwright (wxt.config.ts).
      const shadowMode = import.meta.env.MARKWISE_SHADOW_MODE === 'open' ? 'open' : 'closed';
      session = new PageSession(document, bundle, send, lifetime.signal, { shadowMode, tellStatus: tabStatusTeller(send, location.origin) });
      await parsed;
      session.start();
      browser.storage.local.onChanged.addListener((changes) => {
        const change = changes[BUNDLE_KEY];
        if (change?.newValue !== undefined && !lifetime.signal.aborted) session?.updateBundle(change.newValue as ContentBundle);
      });
    } catch (error) {
      console.warn('Markwise could not start on this page:', error);
    }
  },
});
