// WXT's content-script context, cut to what Markwise's content script uses (wxt.config.ts puts it in
// place of wxt/utils/content-script-context for that script only). WXT's own carries timers, frames,
// idle callbacks, a URL watcher and event helpers that Markwise never calls, about 400 bytes gzipped
// of the content script's 40 KB budget (issue 15). What it keeps, WXT's way:
//   - a context ends (onInvalidated, signal) when a newer copy of the same content script starts in
//     the page: each copy announces itself with a document event named as WXT names it, so a copy
//     built with WXT's own context and one built with this end each other alike.
// Unlike WXT's, it does not also post the announcement to the page's window, where the MIS page's
// own scripts would read it; it has no isInvalid, which nothing of Markwise's asks; and the end
// gives no reason, which nothing reads.

import { browser } from 'wxt/browser';

interface Started {
  readonly contentScriptName?: unknown;
  readonly messageId?: unknown;
}

/** WXT's name for the event (its getUniqueEventName). */
const STARTED = `${browser?.runtime?.id}:${(import.meta.env as { ENTRYPOINT?: string }).ENTRYPOINT}:wxt:content-script-started`;

export class ContentScriptContext {
  readonly #controller = new AbortController();
  readonly #id = Math.random().toString(36).slice(2);

  constructor(contentScriptName: string) {
    document.dispatchEvent(new CustomEvent(STARTED, { detail: { contentScriptName, messageId: this.#id } }));
    const newer = (event: Event) => {
      const detail = (event as CustomEvent<Started | null>).detail;
      if (event instanceof CustomEvent && detail?.contentScriptName === contentScriptName && detail.messageId !== this.#id) this.#controller.abort();
    };
    document.addEventListener(STARTED, newer);
    this.onInvalidated(() => document.removeEventListener(STARTED, newer));
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Called once when the context ends (WXT's also returns a function to take the call back, which Markwise never does). */
  onInvalidated(callback: () => void): void {
    this.signal.addEventListener('abort', callback);
  }
}
