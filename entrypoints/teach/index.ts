// "Teach Markwise this page" (issue 16): put into the tab by the popup, once the person has allowed
// the site, only when they ask. It draws its steps in a shadow root of its own (closed, open only in
// the e2e build), changes nothing of the page, and keeps nothing until the person presses Save.

import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { findRegisters } from '../../sites/teach/find';
import { BUNDLE_KEY, todayInEngland, todayOf, type ContentBundle } from '../../storage/bundle';
import type { Request } from '../../storage/messages';
import { TEACH_FOUND, TEACH_STATE } from './found';
import { startTeaching } from './teacher';

export default defineUnlistedScript(async () => {
  const state = globalThis as unknown as Record<string, unknown>;
  // Asked twice (the popup opened again): the steps already open stay, and are brought to the front.
  const open = state[TEACH_STATE] as (() => void) | undefined;
  if (open !== undefined) return open();
  const registers = findRegisters(document).length;
  // The popup reads this (scripting.executeScript, in the same world) to say whether a register was found.
  state[TEACH_FOUND] = registers;
  // Nothing that looks like a register: the popup says so, and nothing is drawn on the page.
  if (registers === 0) return;
  const shadowMode = import.meta.env.MARKWISE_SHADOW_MODE === 'open' ? 'open' : 'closed';
  // The day checked as of, as the content script has it: a page that is always today's register is read as of it.
  const bundle = (await browser.storage.local.get(BUNDLE_KEY))[BUNDLE_KEY] as ContentBundle | undefined;
  const focus = startTeaching(document, {
    shadowMode,
    today: bundle === undefined ? todayInEngland() : todayOf(bundle.today),
    save: (profile) => browser.runtime.sendMessage({ type: 'save-taught-profile', profile } satisfies Request) as Promise<{ ok: true; id: string } | { ok: false; problems: string[] } | { error: string }>,
    done: () => {
      delete state[TEACH_STATE];
    },
  });
  state[TEACH_STATE] = focus;
});
