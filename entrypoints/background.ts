// The background service worker owns the database. It answers content scripts'
// typed messages, prepares the bundle they read at page start, and registers
// the content script on the MIS sites the school added. It makes no network
// requests.

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { englandBankHolidays } from '../rules/calendar/bank-holidays';
import { parsePolicy, type Policy } from '../rules/policy/schema';
import { presetPolicy } from '../rules/presets';
import { BUILTIN_PROFILES, DEMO_PROFILE_IDS } from '../sites';
import type { SiteProfile } from '../sites/profile';
import { parseSiteProfiles, usableProfiles } from '../sites/profile-import';
import { BUNDLE_KEY, DEMO_ORIGINS, DEMO_TODAY, todayOf, type ContentBundle } from '../storage/bundle';
import { reconcileFigure } from '../storage/figures';
import type { Request, StoredFigure, TabStatus } from '../storage/messages';
import { openExtensionStore } from '../storage/extension-store';
import { readSiteOrigin } from '../storage/site-origin';

const release = import.meta.env.MARKWISE_RELEASE === 'true';
const CONTENT_SCRIPT_ID = 'markwise-sites';
const TAB_STATUS_KEY = (tabId: number) => `tab-status:${tabId}`;

export default defineBackground(() => {
  const store = openExtensionStore();
  let revision = 0;
  let publishing: Promise<void> = Promise.resolve();

  function builtinProfiles(): SiteProfile[] {
    const parsed = parseSiteProfiles({ profiles: BUILTIN_PROFILES });
    if (!parsed.ok) throw new Error(`A built-in site profile is invalid: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    return parsed.profiles;
  }

  async function activePolicy(): Promise<Policy> {
    const active = await store.activePolicy();
    const parsed = parsePolicy(active.input);
    // Stored policies were validated when saved; one that no longer parses falls back to the statutory rules.
    return parsed.ok ? parsed.policy : presetPolicy('dfe');
  }

  function bankHolidaysFor(policy: Policy, today: string): Record<string, string[]> {
    if (policy.calendar.bankHolidays !== 'england') return {};
    const years = new Set<number>();
    const thisYear = Number(today.slice(0, 4));
    for (let y = thisYear - 2; y <= thisYear + 1; y++) years.add(y);
    for (const year of policy.calendar.academicYears) {
      years.add(Number(year.label.slice(0, 4)));
      years.add(Number(year.label.slice(0, 4)) + 1);
    }
    const out: Record<string, string[]> = {};
    for (const y of years) out[String(y)] = [...englandBankHolidays(y)];
    return out;
  }

  async function buildBundle(): Promise<ContentBundle> {
    const [policy, stored, sites, dismissals, collapsed, today, managed] = await Promise.all([
      activePolicy(),
      store.siteProfiles(),
      store.sites(),
      store.dismissals(),
      store.getSetting('panelCollapsed'),
      store.getSetting('today'),
      store.managed(),
    ]);
    // An administrator's profile replaces one of the same id, as an imported one replaces a built-in.
    const byId = new Map<string, SiteProfile>();
    for (const profile of [...builtinProfiles(), ...usableProfiles(stored.map((s) => s.profile)), ...managed.profiles]) byId.set(profile.id, profile);
    const profiles = [...byId.values()];
    const siteList = sites.map((s) => ({ origin: s.origin, profileIds: s.profileIds }));
    if (!release) for (const origin of DEMO_ORIGINS) siteList.push({ origin, profileIds: [...DEMO_PROFILE_IDS] });
    return {
      revision: ++revision,
      policy,
      bankHolidays: bankHolidaysFor(policy, todayOf(today)),
      profiles,
      sites: siteList,
      dismissed: Object.fromEntries(dismissals.map((d) => [d.key, d.reason])),
      panelCollapsed: collapsed,
      today,
    };
  }

  /** Content scripts on the sites the school added (those whose permission is still granted). */
  async function registerSiteScripts(): Promise<void> {
    const sites = await store.sites();
    const granted: string[] = [];
    for (const site of sites) {
      // A wildcard saved by an earlier version is never registered (issue 11, item 19).
      if (!readSiteOrigin(site.origin).ok) continue;
      const pattern = `${site.origin}/*`;
      if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
    }
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    if (granted.length === 0) return;
    await browser.scripting.registerContentScripts([
      { id: CONTENT_SCRIPT_ID, matches: granted, js: ['content-scripts/content.js'], runAt: 'document_start', persistAcrossSessions: true },
    ]);
  }

  /** Rebuilds the bundle; calls are queued so that the last change always wins. */
  function publish(): Promise<void> {
    publishing = publishing
      .catch(() => {})
      .then(async () => {
        const bundle = await buildBundle();
        await browser.storage.local.set({ [BUNDLE_KEY]: bundle });
        await registerSiteScripts();
      });
    return publishing;
  }

  browser.runtime.onInstalled.addListener(async (details) => {
    // A development build starts on the demo's fixed day, so every check shows on the demo.
    if (!release && details.reason === 'install') await store.setSetting('today', { mode: 'fixed', date: DEMO_TODAY });
    await publish();
  });
  browser.runtime.onStartup.addListener(() => void publish());

  async function handle(request: Request, tabId: number | undefined): Promise<unknown> {
    switch (request.type) {
      case 'record-figures':
        await store.recordFigures(
          request.site,
          request.figures.map((f) => ({ pupilId: f.pupilId, upn: f.upn, name: f.name, attendance: f.attendance, possible: f.possible, attended: f.attended, seenOn: request.seenOn })),
        );
        return { ok: true };
      case 'figures-for': {
        const [pageFigures, reportFigures, today] = await Promise.all([
          store.figuresFor(request.site, request.pupilIds),
          store.reportFiguresFor(request.upns.filter((u): u is string => u !== null)),
          store.getSetting('today'),
        ]);
        const figures: Record<string, StoredFigure> = {};
        request.pupilIds.forEach((id, i) => {
          const upn = request.upns[i];
          const figure = reconcileFigure(id, pageFigures.get(id), upn == null ? undefined : reportFigures.get(upn), todayOf(today));
          if (figure !== null) figures[id] = figure;
        });
        return { figures };
      }
      case 'record-n-seen': {
        const [seen] = await Promise.all([
          store.recordMarksSeen(request.site, request.seen),
          store.recordThresholds(request.site, request.thresholds),
          store.getSetting('today').then((today) => store.recordPupilMarks(request.site, todayOf(today), request.marks)),
        ]);
        return { firstSeen: Object.fromEntries(seen) };
      }
      case 'dismiss':
        await store.dismiss({ rule: request.rule, upn: request.upn, date: request.date, session: request.session, reason: request.reason });
        await publish();
        return { ok: true };
      case 'undismiss':
        await store.undismiss(request.key);
        await publish();
        return { ok: true };
      case 'set-panel-collapsed':
        await store.setSetting('panelCollapsed', request.collapsed);
        await publish();
        return { ok: true };
      case 'tab-status':
        if (tabId !== undefined) await browser.storage.session.set({ [TAB_STATUS_KEY(tabId)]: request.status });
        return { ok: true };
      case 'get-tab-status': {
        const stored = await browser.storage.session.get(TAB_STATUS_KEY(request.tabId));
        return { status: (stored[TAB_STATUS_KEY(request.tabId)] as TabStatus | undefined) ?? null };
      }
      case 'storage-changed':
        await publish();
        return { ok: true };
    }
  }

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    handle(message as Request, sender.tab?.id)
      .then(sendResponse)
      .catch((error: unknown) => sendResponse({ error: error instanceof Error ? error.message : String(error) }));
    return true;
  });

  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(TAB_STATUS_KEY(tabId)));
  browser.permissions.onRemoved.addListener(() => void publish());
  // An administrator changed the managed policy, profiles or sites.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void publish();
  });

  // Each time the service worker starts (at least once a browser session), pupil data older than
  // the retention setting goes; the options page applies it too whenever it opens.
  void (async () => {
    try {
      await store.applyRetention(todayOf(await store.getSetting('today')));
    } catch {
      // A busy or closing database: the next start tries again.
    }
  })();

  // A service worker that woke for a message makes sure the bundle exists.
  void browser.storage.local.get(BUNDLE_KEY).then((stored) => {
    if (stored[BUNDLE_KEY] === undefined) void publish();
  });
});
