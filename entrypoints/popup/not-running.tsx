// The popup where Markwise is not running on the tab: the way to start (issue 14, item 10). "Use
// Markwise on this site" asks the browser for that one site inside the click (the options page's
// way of adding a site: one exact origin, then the site with its profiles), then tests the page
// against the profiles Markwise has: the site is added with the one that reads it, or the popup
// says plainly that none does and where profiles are imported.
//
// The tab's address comes from activeTab (given when the person opens the popup on the tab), or
// from the site access already given; without either the popup cannot know the site, and says only
// that Markwise is not running.

import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { BUILTIN_PROFILES, DEMO_PROFILE_IDS } from '../../sites';
import type { SiteProfile } from '../../sites/profile';
import { parseSiteProfiles, usableProfiles } from '../../sites/profile-import';
import { profileLabel } from '../../sites/profile-label';
import { profilesForPath } from '../../sites/read';
import { notifyStorageChanged, openExtensionStore } from '../../storage/extension-store';
import type { TabStatus } from '../../storage/messages';
import { readSiteOrigin, UNENCRYPTED_WARNING } from '../../storage/site-origin';
import { notGranted } from '../options/site-access';
import { TEACH_FOUND } from '../teach/found';

const release = import.meta.env.MARKWISE_RELEASE === 'true';

/** The tab the popup speaks of: the active one, or (opened as a page) the one named by ?tab=. */
export async function popupTab(): Promise<Browser.tabs.Tab | undefined> {
  const named = new URLSearchParams(location.search).get('tab');
  if (named !== null && /^\d+$/.test(named)) return browser.tabs.get(Number(named)).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** The profiles a site can be added with: the built-in ones (the demo's only in development builds), and those the school imported. */
async function candidateProfiles(): Promise<SiteProfile[]> {
  const builtin = parseSiteProfiles({ profiles: BUILTIN_PROFILES.filter((p) => !release || !DEMO_PROFILE_IDS.includes(p.id)) });
  const stored = await openExtensionStore().siteProfiles();
  const byId = new Map<string, SiteProfile>();
  for (const p of [...(builtin.ok ? builtin.profiles : []), ...usableProfiles(stored.map((s) => s.profile))]) byId.set(p.id, p);
  return [...byId.values()];
}

/** The profiles that read this page: its address matches their paths, and their register is on it. */
async function profilesReading(tabId: number, url: URL): Promise<SiteProfile[]> {
  const byPath = profilesForPath(await candidateProfiles(), url.pathname + url.search, url.hash);
  if (byPath.length === 0) return [];
  // Run in the page once, now that the site is allowed: only whether each register selector finds an element.
  const [answer] = await browser.scripting.executeScript({
    target: { tabId },
    func: (selectors: string[]) => selectors.map((s) => document.querySelector(s) !== null),
    args: [byPath.map((p) => p.register)],
  });
  const found = (answer?.result ?? []) as boolean[];
  return byPath.filter((_, i) => found[i] === true);
}

/** Puts the teaching steps into the tab; how many registers Markwise found there to propose. */
async function teachIn(tabId: number): Promise<number> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['teach.js'] });
  const [answer] = await browser.scripting.executeScript({ target: { tabId }, func: (key: string) => (globalThis as unknown as Record<string, unknown>)[key], args: [TEACH_FOUND] });
  return typeof answer?.result === 'number' ? answer.result : 0;
}

type Said = { kind: 'ok' | 'warn'; text: string; reload?: boolean; profiles?: boolean } | null;

export function NotRunning({ tab, status }: { tab: Browser.tabs.Tab | undefined; status: TabStatus | null }) {
  const url = tab?.url !== undefined && URL.canParse(tab.url) ? new URL(tab.url) : null;
  const site = url === null ? null : readSiteOrigin(url.origin);
  const origin = site?.ok ? site.origin : null;
  const [added, setAdded] = useState<boolean | null>(null);
  const [said, setSaid] = useState<Said>(null);
  useEffect(() => {
    if (origin === null) return;
    void (async () => {
      const sites = await openExtensionStore().sites();
      const granted = await browser.permissions.contains({ origins: [`${origin}/*`] });
      setAdded(granted && sites.some((s) => s.origin === origin));
    })();
  }, [origin]);

  const use = async (tabId: number, at: URL, here: string) => {
    // Asked for here, inside the click: the browser shows its own prompt for this one site.
    const asking = browser.permissions.request({ origins: [`${here}/*`] });
    setSaid({ kind: 'ok', text: `Asking the browser for access to ${here} only: choose Allow in its prompt.` });
    const granted = await asking.catch((error: unknown) => String(error instanceof Error ? error.message : error));
    if (granted !== true) return setSaid({ kind: 'warn', text: `Markwise was not turned on: ${notGranted(granted)}.` });
    const reading = await profilesReading(tabId, at).catch(() => []);
    const first = reading[0];
    if (first === undefined) {
      // The narrowest permissions: access to a site Markwise does not run on is given back (a site
      // already in Markwise's list, an administrator's among them, keeps its own).
      const listed = (await openExtensionStore().sites()).some((s) => s.origin === here);
      const givenBack = !listed && (await browser.permissions.remove({ origins: [`${here}/*`] }).catch(() => false));
      return setSaid({
        kind: 'warn',
        text: `None of Markwise's site profiles reads this page, so ${here} was not added${givenBack ? ', and the access the browser gave for it is given back' : ''}. Open a register page on it and use this button there; for an MIS Markwise does not know, import a site profile for it on the options page.`,
        profiles: true,
      });
    }
    // The page's profile, and the others for the same MIS, so its other pages are read too.
    const products = new Set(reading.map((p) => p.product));
    const ids = (await candidateProfiles()).filter((p) => products.has(p.product)).map((p) => p.id);
    await openExtensionStore().addSite(here, [...new Set([...reading.map((p) => p.id), ...ids])]);
    await notifyStorageChanged();
    setAdded(true);
    setSaid({ kind: 'ok', text: `Markwise now runs on ${here}. This page is read by the profile ${profileLabel(first)}. Reload the page to see it.`, reload: true });
  };

  /** "Teach Markwise this page" (issue 16): the site asked for inside the click, then the steps put into the page. */
  const teach = async (tabId: number, here: string) => {
    const asking = browser.permissions.request({ origins: [`${here}/*`] });
    setSaid({ kind: 'ok', text: `Asking the browser for access to ${here} only: choose Allow in its prompt.` });
    const granted = await asking.catch((error: unknown) => String(error instanceof Error ? error.message : error));
    if (granted !== true) return setSaid({ kind: 'warn', text: `Markwise cannot learn this page: ${notGranted(granted)}.` });
    const found = await teachIn(tabId).catch(() => null);
    if (found === null || found === 0) {
      const listed = (await openExtensionStore().sites()).some((s) => s.origin === here);
      const givenBack = !listed && (await browser.permissions.remove({ origins: [`${here}/*`] }).catch(() => false));
      return setSaid({
        kind: 'warn',
        text:
          found === null
            ? `Markwise could not start on this page, so nothing was learnt or saved${givenBack ? `, and the access given for ${here} is given back` : ''}.`
            : `Markwise found no register on this page to learn from: no rows of pupils with their marks. Nothing was saved${givenBack ? `, and the access given for ${here} is given back` : ''}. Open a page showing a register and try again.`,
      });
    }
    setSaid({ kind: 'ok', text: 'Markwise is showing its steps on the page: answer them there.' });
  };

  return (
    <div role="status" id="not-running">
      {said !== null ? (
        <>
          <p class={said.kind === 'warn' ? 'warn' : undefined}>{said.text}</p>
          {said.reload && tab?.id !== undefined ? (
            <button type="button" onClick={() => void browser.tabs.reload(tab.id!).then(() => window.close())}>
              Reload the page
            </button>
          ) : null}
          {said.profiles ? (
            <button type="button" onClick={() => void browser.tabs.create({ url: new URL('options.html#profiles-import', location.href).href })}>
              Import a site profile
            </button>
          ) : null}
        </>
      ) : added === true ? (
        <>
          <p>{status === null ? `Markwise is set to run on ${origin}: reload the page to start it.` : `Markwise is not running on this page: none of the profiles chosen for ${origin} reads it.`}</p>
          {/* A page of a site added that no profile reads: it can be taught here too (issue 16). */}
          {status !== null && origin !== null && tab?.id !== undefined ? (
            <button type="button" id="teach-here" onClick={() => void teach(tab.id!, origin)}>
              Teach Markwise this page
            </button>
          ) : null}
        </>
      ) : (
        <>
          <p>Markwise is not running on this page.</p>
          {origin !== null && added === false && tab?.id !== undefined && url !== null ? (
            <>
              <button type="button" class="primary" id="use-here" onClick={() => void use(tab.id!, url, origin)}>
                Use Markwise on this site
              </button>
              <button type="button" id="teach-here" onClick={() => void teach(tab.id!, origin)}>
                Teach Markwise this page
              </button>
              <p class="note">The browser is asked for access to {origin} only.</p>
              {site?.ok && site.unencrypted ? <p class="warn">{UNENCRYPTED_WARNING}</p> : null}
            </>
          ) : null}
        </>
      )}
    </div>
  );
}

/**
 * Where a profile reads the page: "Adjust how Markwise reads this page" puts the teaching steps into
 * it (issue 16). Markwise already has the site, so nothing is asked of the browser; what is taught
 * reads the page from then on, before the profile that read it until now.
 */
export function Adjust({ tabId }: { tabId: number }) {
  const [said, setSaid] = useState<string | null>(null);
  const adjust = async () => {
    const found = await teachIn(tabId).catch(() => null);
    setSaid(found === null ? 'Markwise could not start its steps on this page.' : found === 0 ? 'Markwise found no register on this page to learn from. Nothing was changed.' : 'Markwise is showing its steps on the page: answer them there.');
  };
  return (
    <div id="adjust">
      <button type="button" id="adjust-here" onClick={() => void adjust()}>
        Adjust how Markwise reads this page
      </button>
      {said !== null ? <p role="status">{said}</p> : null}
    </div>
  );
}
