// The background service worker owns the database. It answers content scripts'
// typed messages, prepares the bundle they read at page start, and registers
// the content script on the MIS sites the school added. It makes no network
// requests.

import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { tabledEnglandBankHolidays } from '../rules/calendar/england-bank-holidays';
import { badgeRooms } from '../sites/badge-room';
import { termNotesByYear } from '../rules/calendar/term-coverage';
import { parsePolicy, type Policy } from '../rules/policy/schema';
import { presetPolicy } from '../rules/presets';
import { BUILTIN_PROFILES, DEMO_PROFILE_IDS } from '../sites';
import type { SiteProfile } from '../sites/profile';
import { parseSiteProfiles, usableProfiles } from '../sites/profile-import';
import { BUNDLE_KEY, DEMO_ORIGINS, DEMO_TODAY, todayInEngland, todayOf, type ContentBundle } from '../storage/bundle';
import { reconcileFigure } from '../storage/figures';
import { acceptsFromSite, requestSchema, type CheckedRequest, type StoredFigure, type TabStatus } from '../storage/messages';
import { describeIssues } from '../rules/validation';
import { openExtensionStore } from '../storage/extension-store';
import { dismissalKey, storedDismissalKey } from '../storage/store';
import { FORGET_MESSAGE } from '../storage/forget';
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
    // From the rule table (2000 to 2045), as the widget's: date-holidays and its time-zone data were
    // four fifths of the service worker, which the browser parses at every wake-up. A year outside
    // the table lists none, as in the widget (README, "Bank holidays").
    for (const y of years) out[String(y)] = [...tabledEnglandBankHolidays(y)];
    return out;
  }

  async function buildBundle(): Promise<ContentBundle> {
    const sites = await store.sites();
    // Dismissals from before Markwise kept their site go to each of the school's sites (the managed ones too).
    await store.settleUnsitedDismissals(sites.map((s) => s.origin));
    const [policy, stored, dismissals, collapsed, today, managed, roles] = await Promise.all([
      activePolicy(),
      store.siteProfiles(),
      store.dismissals(),
      store.getSetting('panelCollapsed'),
      store.getSetting('today'),
      store.managed(),
      store.getSetting('roles'),
    ]);
    // An administrator's profile replaces one of the same id, as an imported one replaces a built-in.
    const byId = new Map<string, SiteProfile>();
    for (const profile of [...builtinProfiles(), ...usableProfiles(stored.map((s) => s.profile)), ...managed.profiles]) byId.set(profile.id, profile);
    // A profile a person taught on a page comes first: where another profile also matches the page
    // (a built-in one they chose to adjust), what they taught is what reads it (issue 16).
    const taught = new Set(stored.filter((s) => s.taughtOn !== undefined).map((s) => s.id));
    const profiles = [...byId.values()].sort((a, b) => Number(taught.has(b.id)) - Number(taught.has(a.id)));
    const siteList = sites.map((s) => ({ origin: s.origin, profileIds: s.profileIds }));
    if (!release) for (const origin of DEMO_ORIGINS) siteList.push({ origin, profileIds: [...DEMO_PROFILE_IDS] });
    const dismissed: Record<string, Record<string, string>> = {};
    for (const d of dismissals) (dismissed[d.site] ??= {})[dismissalKey(d)] = d.reason;
    return {
      revision: ++revision,
      policy,
      bankHolidays: bankHolidaysFor(policy, todayOf(today)),
      termNotes: termNotesByYear(policy.calendar.academicYears),
      profiles,
      sites: siteList,
      dismissed,
      panelCollapsed: collapsed,
      today,
      roles,
      badgeRooms: badgeRooms(profiles),
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

  /**
   * Who sent a message, as the browser says: an extension page of Markwise's own, or a content
   * script on a site the school added (its origin, tab and frame). Anything else is refused.
   */
  type From = { kind: 'extension-page' } | { kind: 'site-page'; site: string; tabId: number; pageUrl: string };

  async function whoSent(sender: Browser.runtime.MessageSender, type: unknown): Promise<From> {
    if (sender.id !== browser.runtime.id) throw new Error('refused: the message did not come from Markwise');
    const own = globalThis.location.origin;
    const url = sender.url ?? '';
    const origin = sender.origin ?? (URL.canParse(url) ? new URL(url).origin : '');
    if (origin === own) return { kind: 'extension-page' };
    if (sender.tab?.id === undefined) throw new Error('refused: a page message came from no tab');
    const sites = (await store.sites()).map((s) => s.origin);
    if (!release) sites.push(...DEMO_ORIGINS);
    // A profile taught on a site not added yet comes from a site the person has just allowed (the popup asked the browser for it).
    const granted = type === 'save-taught-profile' && readSiteOrigin(origin).ok && (await browser.permissions.contains({ origins: [`${origin}/*`] }));
    if (!acceptsFromSite(type, origin, sites, granted)) throw new Error(`refused: ${origin || 'this page'} is not one of the sites Markwise runs on`);
    // The fragment stays in the page: it can hold ids and tokens (the page sends the route it matched by).
    return { kind: 'site-page', site: origin, tabId: sender.tab.id, pageUrl: url.split('#')[0]! };
  }

  /** Messages only Markwise's own pages send; the rest come from MIS pages. */
  /** Messages only MIS pages send. */
  const SITE_PAGE_ONLY = new Set<CheckedRequest['type']>(['save-taught-profile']);
  const EXTENSION_PAGE_ONLY = new Set<CheckedRequest['type']>(['storage-changed', 'wiped', 'set-role']);

  async function handle(request: CheckedRequest, from: From): Promise<unknown> {
    if (from.kind === 'site-page' && EXTENSION_PAGE_ONLY.has(request.type)) throw new Error(`refused: ${request.type} comes only from Markwise's own pages`);
    if (from.kind !== 'site-page' && SITE_PAGE_ONLY.has(request.type)) throw new Error(`refused: ${request.type} comes only from an MIS page`);
    // Each page gets its site from the browser, never from what the page says.
    const site = from.kind === 'site-page' ? from.site : null;
    const needSite = (): string => {
      if (site === null) throw new Error(`refused: ${request.type} comes only from an MIS page`);
      return site;
    };
    switch (request.type) {
      case 'record-figures': {
        // Dated on the real day in England: a fixed checking date is for checking only.
        const seenOn = todayInEngland();
        await store.recordFigures(
          needSite(),
          request.figures.map((f) => ({ pupilId: f.pupilId, upn: f.upn, name: f.name, attendance: f.attendance, possible: f.possible, attended: f.attended, seenOn })),
        );
        return { ok: true };
      }
      case 'figures-for': {
        // An imported report is the school's: its figures go only to a page of one of the school's
        // sites (whoSent admits no other page), never to whatever shows the same UPN. Figures
        // seen on pages stay on their own site.
        const [pageFigures, reportFigures, byMisId, today] = await Promise.all([
          store.figuresFor(needSite(), request.pupilIds),
          store.reportFiguresFor(request.upns.filter((u): u is string => u !== null)),
          store.siteReportFiguresFor(needSite(), request.pupilIds),
          store.getSetting('today'),
        ]);
        const figures: Record<string, StoredFigure> = {};
        request.pupilIds.forEach((id, i) => {
          const upn = request.upns[i];
          const byUpn = upn == null ? undefined : reportFigures.get(upn);
          // A report row of this site's id that names another UPN than the page shows is not this pupil's: never used.
          const byId = byMisId.get(id);
          const mine = byId !== undefined && (byId.upn === null || upn == null || byId.upn === upn) ? byId : undefined;
          const report = mine !== undefined && (byUpn === undefined || mine.asOf > byUpn.asOf) ? mine : byUpn;
          const figure = reconcileFigure(id, pageFigures.get(id), report, todayOf(today));
          if (figure !== null) figures[id] = figure;
        });
        return { figures };
      }
      case 'record-n-seen': {
        const here = needSite();
        // The page address kept for the follow-up list's link is the one the browser gave.
        const pageUrl = from.kind === 'site-page' && URL.canParse(request.seen.page.url) && new URL(request.seen.page.url).origin === here ? request.seen.page.url : from.kind === 'site-page' ? from.pageUrl : '';
        const [seen] = await Promise.all([
          store.recordMarksSeen(here, { ...request.seen, page: { url: pageUrl, title: request.seen.page.title } }),
          store.recordThresholds(here, request.thresholds),
          store.recordPupilMarks(here, todayInEngland(), request.marks),
        ]);
        return { firstSeen: Object.fromEntries(seen) };
      }
      case 'dismiss':
        // Kept for the site it was made on, as the browser names it: it applies nowhere else.
        await store.dismiss({ site: needSite(), rule: request.rule, upn: request.upn, date: request.date, session: request.session, reason: request.reason });
        await publish();
        return { ok: true };
      case 'undismiss':
        await store.undismiss(storedDismissalKey(needSite(), request.key));
        await publish();
        return { ok: true };
      case 'set-panel-collapsed':
        await store.setSetting('panelCollapsed', request.collapsed);
        await publish();
        return { ok: true };
      case 'tab-status':
        if (from.kind !== 'site-page') throw new Error('refused: tab-status comes only from an MIS page');
        await browser.storage.session.set({ [TAB_STATUS_KEY(from.tabId)]: request.status });
        return { ok: true };
      case 'get-tab-status': {
        // A page may ask only about its own tab; the popup asks about the tab it was opened on.
        if (from.kind === 'site-page' && request.tabId !== from.tabId) throw new Error("refused: a page may ask only about its own tab's status");
        const stored = await browser.storage.session.get(TAB_STATUS_KEY(request.tabId));
        return { status: (stored[TAB_STATUS_KEY(request.tabId)] as TabStatus | undefined) ?? null };
      }
      case 'set-role': {
        // Kept per site: the popup says which role is in use there, the profile's guess or this choice.
        const roles = await store.getSetting('roles');
        if (request.role === null) delete roles[request.origin];
        else roles[request.origin] = request.role;
        await store.setSetting('roles', roles);
        await publish();
        return { ok: true };
      }
      case 'save-taught-profile': {
        if (from.kind !== 'site-page') throw new Error('refused: a taught profile comes only from the page it was taught on');
        const parsed = parseSiteProfiles({ schemaVersion: 2, profiles: [request.profile] });
        if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => `${p.path}: ${p.message}`) };
        const profile = parsed.profiles[0]!;
        // Already running there (re-taught): the page takes the new bundle as it comes. Not yet: it starts now.
        const running = (await store.sites()).some((s) => s.origin === from.site);
        await store.saveTaughtProfile(from.site, profile);
        await publish();
        if (!running) await browser.scripting.executeScript({ target: { tabId: from.tabId }, files: ['content-scripts/content.js'] }).catch(() => undefined);
        return { ok: true, id: profile.id };
      }
      case 'storage-changed':
        await publish();
        return { ok: true };
      case 'wiped':
        await forgetEverywhere();
        await publish();
        return { ok: true };
    }
  }

  /** After a wipe: the per-tab status goes (it can hold UPNs), and open MIS tabs drop what they show. */
  async function forgetEverywhere(): Promise<void> {
    await browser.storage.session.clear();
    const tabs = await browser.tabs.query({});
    // Tabs without Markwise's content script have no listener: their refusal is expected.
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? null : browser.tabs.sendMessage(tab.id, { type: FORGET_MESSAGE }).catch(() => null))));
  }

  async function receive(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
    const from = await whoSent(sender, (message as { type?: unknown } | null)?.type);
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success) throw new Error(`refused: the message is not one Markwise sends (${describeIssues(parsed.error, message, '(the message)').map((p) => `${p.path}: ${p.message}`).join('; ')})`);
    return handle(parsed.data, from);
  }

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    receive(message, sender)
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
  // the retention setting goes, by the real date; anything of this or the previous real school
  // year waits for a yes on the options page.
  void (async () => {
    try {
      await store.applyRetention();
    } catch {
      // A busy or closing database: the next start tries again.
    }
  })();

  // A service worker that woke for a message makes sure the bundle exists.
  void browser.storage.local.get(BUNDLE_KEY).then((stored) => {
    if (stored[BUNDLE_KEY] === undefined) void publish();
  });
});
