// Markwise's life on one page (in the content script, or in the widget): which profile fits it, where
// its register is, and a fresh register view (with its own AbortSignal) each
// time a single-page app replaces the register. Failures are reported in the
// panel and never reach the MIS page.
//
// entrypoints/page/ holds the page code that both the content script and the widget run;
// it is not an entrypoint (WXT builds only the index files of entrypoints/).

import { academicYearLabel, SchoolCalendar } from '../../rules/calendar/school-calendar';
import { listedBankHolidays } from '../../rules/calendar/bank-holiday-source';
import type { Finding } from '../../rules/findings';
import { marksSeen } from '../../sites/marks-seen';
import { findRegister, markKey, profilesForPath, readRegister, unambiguousPart } from '../../sites/read';
import type { SiteProfile } from '../../sites/profile';
import type { Role } from '../../rules/policy/schema';
import { dismissalsOn, originMatches, todayOf, type ContentBundle } from '../../storage/bundle';
import type { PageFigure, Send, StoredFigure } from '../../storage/messages';
import { BadgeRoom } from './badge-room';
import { RegisterView, type FirstMarks } from './register-view';
import { OWN_ATTRIBUTE, PageSurface, WIDGET, type SurfaceOptions } from './surface';
import type { TellStatus } from './tab-status';

export interface PageSessionOptions extends SurfaceOptions {
  /** Told the tab's status (the extension's popup shows it); the widget has nobody to tell. */
  readonly tellStatus?: TellStatus;
}

/**
 * Resolves when the page has been parsed: Markwise reads the register then (the content script and
 * the widget alike). Reading while a large page is still arriving would make the browser lay it out
 * early and again (about 170 ms each time on a 15,000-cell register).
 */
export function documentParsed(document: Document): Promise<void> {
  return new Promise((resolve) => {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });
}

/** How long a matching page may take to show its register before the panel says it is missing. */
const REGISTER_WAIT_MS = 3000;

function isOwn(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute(OWN_ATTRIBUTE);
}

/** The address kept for going back: the fragment can hold ids and tokens, so only a route a profile matched by, up to its own query. */
function pageUrl({ origin, pathname, search, hash }: Location, profile: SiteProfile): string {
  return origin + pathname + search + (profilesForPath([profile], pathname + search).length > 0 ? '' : hash.split('?')[0]);
}

/** The profiles the school chose for this site. */
function profilesOn(bundle: ContentBundle, site: string): SiteProfile[] {
  const ids = new Set(bundle.sites.find((s) => originMatches(s.origin, site))?.profileIds);
  return bundle.profiles.filter((p) => ids.has(p.id));
}

/** The thresholds the view found; a pupil shown without a UPN is named by this site's MIS id, so the same id elsewhere is another pupil. */
function thresholdsOf(register: ReturnType<typeof unambiguousPart>, view: RegisterView): Finding[] {
  const at = new Map(register.snapshot.pupils.map((p, i) => [p.upn, i]));
  return view.thresholds!().map((f) => {
    const i = at.get(f.upn);
    return i === undefined || register.upns[i] !== null ? f : { ...f, pupilId: register.pupilIds[i]! };
  });
}

/**
 * What the page's observer watches: elements added and removed (a register drawn or replaced), and
 * aria-pressed, which is all that changes when a person presses a code button (a button group's
 * mark fires no input or change event). Without it a finding stayed after the mark was corrected.
 */
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-pressed'] };

export class PageSession {
  #surface: PageSurface | null = null;
  /** Room for the badges, made before the register's rows arrive; none in the widget. */
  #room: BadgeRoom | null = null;
  #view: RegisterView | null = null;
  #viewAbort: AbortController | null = null;
  #profile: SiteProfile | null = null;
  #root: Element | null = null;
  /** The address the profiles were last matched against: patterns run once per address, not per DOM change. */
  #matchedAt: string | null = null;
  #observer: MutationObserver | null = null;
  #waitTimer: ReturnType<typeof setTimeout> | undefined;
  #rereadTimer: ReturnType<typeof setTimeout> | undefined;
  #calendar: SchoolCalendar;
  #statusTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Each mark as this document first showed it (by pupil id, session and date), kept across re-reads and a
   * single-page app's routes: a role warning is only for marks changed since (issue 14, item 2).
   */
  readonly #loaded: FirstMarks = new Map();
  /**
   * Cells typed in (in the order last typed) and the cell focus last went to, handled once the
   * browser has drawn the key's frame: the hint, markers and findings follow a key one frame later,
   * and the frame that shows the typed letter does not wait for them (issue 15, item 3).
   */
  readonly #typed = new Set<Element>();
  #focused: Element | null = null;
  /** Focus left an element for somewhere other than the hint: the tip goes, unless focus came to another cell. */
  #blurred = false;
  /** Whether a run is queued; a run queued before the pending work was handled or dropped finds nothing to do. */
  #queued = false;

  readonly #document: Document;
  #bundle: ContentBundle;
  readonly #send: Send;
  readonly #signal: AbortSignal;
  readonly #surfaceOptions: PageSessionOptions;

  constructor(
    document: Document,
    bundle: ContentBundle,
    send: Send,
    signal: AbortSignal,
    surfaceOptions: PageSessionOptions = {},
  ) {
    this.#document = document;
    this.#bundle = bundle;
    this.#send = send;
    this.#signal = signal;
    this.#surfaceOptions = surfaceOptions;
    this.#calendar = this.#makeCalendar();
    // At document_start in the content script, or as the widget's element has been parsed: the
    // profile this address matches (the widget's element's) makes room for its badges while the
    // page is still arriving (issue 15, items 1 and 2). start() goes on from this match.
    this.#room = new BadgeRoom(document);
    this.#matchAddress();
  }

  /** The policy's calendar, with its day tables already filled for today's year and the next. */
  #makeCalendar(): SchoolCalendar {
    const calendar = new SchoolCalendar(this.#bundle.policy.calendar, listedBankHolidays(this.#bundle.bankHolidays));
    calendar.isSchoolDay(todayOf(this.#bundle.today));
    return calendar;
  }

  get #site(): string {
    return this.#document.location.origin;
  }

  /** This site's dismissals only: one made on another site (or the check page) does not apply here. */
  #dismissedHere(): Readonly<Record<string, string>> {
    return dismissalsOn(this.#site, this.#bundle.dismissed);
  }

  /** The role the person chose in the popup for this site, or the profile's guess. */
  get #role(): Role | undefined {
    return this.#bundle.roles?.[this.#site] ?? this.#profile?.role;
  }

  start(): void {
    // Stopped before it started (the element went, the extension was switched off while the page arrived): the room goes too.
    if (this.#signal.aborted) return this.#stop();
    const win = this.#document.defaultView!;
    this.#observer = new win.MutationObserver((records) => this.#onMutations(records));
    this.#observer.observe(this.#document.documentElement, OBSERVED);
    win.addEventListener('popstate', () => this.#check(), { signal: this.#signal });
    win.addEventListener('hashchange', () => this.#check(), { signal: this.#signal });
    this.#document.addEventListener('input', (e) => this.#onInput(e), { capture: true, signal: this.#signal });
    this.#document.addEventListener('change', (e) => this.#onInput(e), { capture: true, signal: this.#signal });
    this.#document.addEventListener('focusin', (e) => this.#onFocus(e), { signal: this.#signal });
    this.#document.addEventListener('focusout', (e) => this.#onBlur(e), { signal: this.#signal });
    // Hovering a cell shows its hint, which the widget has none of.
    if (!WIDGET) this.#document.addEventListener('mouseover', (e) => this.#onHover(e), { passive: true, signal: this.#signal });
    this.#document.addEventListener('keydown', (e) => this.#onKeyDown(e), { capture: true, signal: this.#signal });
    // The hint follows its cell; the widget draws no hints, so it listens to neither.
    if (!WIDGET) {
      win.addEventListener('resize', () => this.#surface?.hints.schedulePlacement(), { passive: true, signal: this.#signal });
      this.#document.addEventListener('scroll', () => this.#surface?.hints.schedulePlacement(), { passive: true, capture: true, signal: this.#signal });
    }
    this.#signal.addEventListener('abort', () => this.#stop());
    this.#check();
  }

  #stop(): void {
    this.#observer?.disconnect();
    this.#endView();
    clearTimeout(this.#waitTimer);
    clearTimeout(this.#rereadTimer);
    // A stopped page (a wipe, the extension switched off) reports no status after it.
    clearTimeout(this.#statusTimer);
    this.#surface?.remove();
    this.#surface = null;
    this.#room?.set(undefined);
  }

  /** A new bundle (policy edited, a finding dismissed in another tab, the panel collapsed). */
  updateBundle(bundle: ContentBundle): void {
    // Never called in the widget, whose element starts a new session instead: its build leaves this out.
    if (WIDGET) return;
    const policyChanged = JSON.stringify(bundle.policy) !== JSON.stringify(this.#bundle.policy) || JSON.stringify(bundle.today) !== JSON.stringify(this.#bundle.today);
    const sitesChanged = JSON.stringify(bundle.sites) !== JSON.stringify(this.#bundle.sites) || JSON.stringify(bundle.profiles) !== JSON.stringify(this.#bundle.profiles) || bundle.roles?.[this.#site] !== this.#bundle.roles?.[this.#site];
    this.#bundle = bundle;
    if (this.#surface !== null) this.#surface.signals.collapsed.value = bundle.panelCollapsed;
    if (policyChanged || sitesChanged) {
      this.#calendar = this.#makeCalendar();
      this.#profile = null;
      this.#matchedAt = null;
      this.#check(true);
    } else {
      this.#view?.setDismissed(this.#dismissedHere());
    }
  }

  #onMutations(records: MutationRecord[]): void {
    let foreign = false;
    let insideRegister = false;
    for (const record of records) {
      const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
      if (nodes.length > 0 && nodes.every(isOwn)) continue;
      foreign = true;
      if (this.#root !== null && this.#root.contains(record.target)) insideRegister = true;
    }
    if (!foreign) return;
    if (this.#root !== null && this.#root.isConnected && insideRegister) {
      // The MIS re-rendered rows inside the same register: read it again, once things settle.
      this.#rereadSoon();
      return;
    }
    this.#check();
  }

  /** Works out which profile and register the page has now, and starts a view when either changed. */
  #check(force = false): void {
    try {
      if (this.#matchAddress()) force = true;
      if (this.#profile === null) {
        this.#endView();
        this.#surface?.remove();
        this.#surface = null;
        this.#reportStatus();
        return;
      }
      const root = findRegister(this.#document, this.#profile);
      if (!force && root === this.#root && root !== null && root.isConnected) return;
      this.#ensureSurface();
      this.#endView();
      this.#root = root;
      if (root === null) {
        this.#waitForRegister(this.#profile);
        // The popup hears at once that this route's profile is another one, its register not yet shown.
        this.#reportStatus();
        return;
      }
      clearTimeout(this.#waitTimer);
      const profile = this.#profile;
      this.#unobserved(() => this.#startView(profile, root));
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Which profile the page's address matches, once per address; true when it is another one than before. */
  #matchAddress(): boolean {
    const { pathname, search, hash } = this.#document.location;
    const here = pathname + search + hash;
    if (this.#matchedAt === here) return false;
    this.#matchedAt = here;
    // The widget's one profile is its element's, for wherever the element is (entrypoints/widget/elements.ts).
    const profile = (WIDGET ? this.#bundle.profiles : profilesForPath(profilesOn(this.#bundle, this.#site), pathname + search, hash))[0] ?? null;
    if (profile === this.#profile) return false;
    this.#profile = profile;
    this.#room?.set(profile ? this.#bundle.badgeRooms?.[profile.id] : undefined);
    return true;
  }

  /**
   * Markwise's own insertions, unobserved: a register's badges put a host in each row (1,500 on a
   * large page), and each was a mutation record that the observer's callback then went through, in
   * the task that holds up the page's load event (issue 15, item 1). No page script runs while
   * this does, so nothing of the page's is missed; records already queued are delivered as before.
   */
  #unobserved(work: () => void): void {
    const observer = this.#observer;
    const queued = observer?.takeRecords() ?? [];
    observer?.disconnect();
    try {
      work();
    } finally {
      if (observer !== null && !this.#signal.aborted) {
        observer.observe(this.#document.documentElement, OBSERVED);
        if (queued.length) queueMicrotask(() => this.#signal.aborted || this.#onMutations(queued));
      }
    }
  }

  #ensureSurface(): PageSurface {
    if (this.#surface === null) {
      this.#surface = new PageSurface(this.#document, this.#bundle.panelCollapsed, (collapsed) => {
        void this.#send({ type: 'set-panel-collapsed', collapsed }).catch(() => {});
      }, { ...this.#surfaceOptions, room: this.#room });
    }
    return this.#surface;
  }

  #waitForRegister(profile: SiteProfile): void {
    const surface = this.#ensureSurface();
    surface.publishPanel({ ...surface.signals.state.value, status: 'reading', profileName: profile.name, items: [], fixes: [], problems: [] });
    clearTimeout(this.#waitTimer);
    this.#waitTimer = setTimeout(() => {
      if (this.#root !== null || this.#profile !== profile) return;
      surface.publishPanel({
        ...surface.signals.state.value,
        status: 'not-found',
        profileName: profile.name,
        verified: profile.verified,
        policyName: this.#bundle.policy.schoolName,
        today: todayOf(this.#bundle.today),
        role: profile.role,
        pupils: 0,
        message: `This page looks like "${profile.name}", but its register (${profile.register}) is not on it. The MIS may have changed its pages. Markwise has not changed anything on this page; check the site profile in Markwise's options.`,
      });
      this.#reportStatus();
    }, REGISTER_WAIT_MS);
  }

  #endView(): void {
    // Typing in a register that is being replaced: the new view reads the marks afresh.
    this.#dropPending();
    this.#viewAbort?.abort();
    this.#viewAbort = null;
    this.#view?.dispose();
    this.#view = null;
    this.#surface?.clearPage();
    this.#surface?.useActions(null);
  }

  #startView(profile: SiteProfile, root: Element): void {
    const surface = this.#ensureSurface();
    const abort = new AbortController();
    this.#viewAbort = abort;
    const today = todayOf(this.#bundle.today);
    const register = readRegister(this.#document, root, profile, this.#document.location.href, today);
    register.snapshot.role = this.#role!;
    const pupilIds = register.pupilIds;
    const view = new RegisterView({
      register,
      evaluate: { policy: this.#bundle.policy, calendar: this.#calendar, today, standings: false },
      policyName: this.#bundle.policy.schoolName,
      termNotes: this.#bundle.termNotes?.[academicYearLabel(today)] ?? [],
      dismissed: this.#dismissedHere(),
      surface,
      storedFigures: new Map(),
      nFirstSeen: new Map(),
      loaded: this.#loaded,
      onDismiss: (finding: Finding, reason: string) => {
        void this.#send({ type: 'dismiss', rule: finding.rule, upn: finding.upn, date: finding.date, session: finding.session, reason }).catch(() => {});
      },
      onRestore: (key) => {
        void this.#send({ type: 'undismiss', key }).catch(() => {});
      },
      signal: abort.signal,
    });
    this.#view = view;
    // The MIS may re-flow the register (a font loading, a column resized): keep markers on their cells.
    // Not in the widget, which draws none: the observer's callback runs inside the browser's rendering
    // of a frame, which made the page's first full paint after load (200-400 ms on a large register) a
    // long task of the widget's in every load (issue 15, item 2).
    const win = this.#document.defaultView!;
    if (!WIDGET && win.ResizeObserver !== undefined) {
      const resized = new win.ResizeObserver(() => surface.hints.schedulePlacement());
      resized.observe(root);
      abort.signal.addEventListener('abort', () => resized.disconnect());
    }
    surface.useActions(view.actions);
    // Where the page's style keeps the badges' room, they wait for a task after the panel's (below), but
    // for the first rows' empty hosts (entrypoints/page/surface.ts, holdBadges);
    // elsewhere (a style refused, badges outside a table) their room is made now, with the panel, as
    // the page's first layout after the load event would otherwise have to lay a large table out twice.
    const badgesLater = this.#room?.made() === true;
    view.render(!badgesLater);
    // When the panel was complete, on the page's clock (npm run bench reads it).
    this.#host().setAttribute('data-ready-at', String(performance.now()));
    // Not the panel: the badges where the style keeps their room (on the large page, 1,500 rows handed
    // to the browser to say which are near the screen; those are drawn later still), then telling the
    // popup, and what is kept from the page (readings, N first seen, the badges' stored figures), run
    // after it in tasks of their own, a step in each, so that they neither hold up the page's load
    // event (fired in the DOMContentLoaded task when nothing else is loading) nor make a long task
    // after it (issue 15, item 1: together 25-60 ms on the large page); every step of the readings
    // left runs at once if the page is left first, so nothing read is lost.
    // (A timer left when the page is left finds the steps done. A view ended between steps, by a new
    // register or everything deleted in the options page, keeps nothing more.)
    const steps = this.#learn(register, view, abort.signal, today);
    const step = (all?: boolean) => {
      while (!abort.signal.aborted && !steps.next().done) if (!all) return void win.setTimeout(step);
      win.removeEventListener('pagehide', rest);
    };
    const rest = () => step(true);
    win.addEventListener('pagehide', rest);
    if (badgesLater) win.setTimeout(() => abort.signal.aborted || view.renderBadges());
    win.setTimeout(step);
  }

  #host(): Element {
    return this.#ensureSurface().host;
  }

  /**
   * After the panel is up, in two steps: tell the popup, remember the figures this page shows and
   * ask for figures seen elsewhere for pupils it does not; then record the cells seen (when each N
   * was first seen comes back), and give the view the answers when they come.
   */
  *#learn(read: ReturnType<typeof readRegister>, view: RegisterView, signal: AbortSignal, today: string): Generator<void, void> {
    try {
      this.#reportStatus();
      // Rows that cannot be told apart (one UPN on two rows) feed nothing that is kept.
      const register = unambiguousPart(read);
      const figures: PageFigure[] = [];
      const missing: string[] = [];
      const upns: (string | null)[] = [];
      for (const row of register.rows) {
        const pupil = register.snapshot.pupils[row.pupil]!;
        const pupilId = register.pupilIds[row.pupil]!;
        const attendance = row.attendance ?? (row.sessions ? (row.sessions.attended * 100) / row.sessions.possible : null);
        if (attendance === null) {
          if (row.badgeAnchor !== null) missing.push(pupilId), upns.push(register.upns[row.pupil]!);
          continue;
        }
        figures.push({ pupilId, upn: register.upns[row.pupil]!, name: pupil.name, attendance, possible: row.sessions?.possible ?? null, attended: row.sessions?.attended ?? null });
      }
      // No message waits for another's answer: on pagehide (a person moving straight on) the page is
      // gone before any answer comes, and what was not yet sent would be lost.
      const answers = [
        figures.length > 0 ? this.#send({ type: 'record-figures', site: this.#site, seenOn: today, figures }) : null,
        missing.length > 0 ? this.#send({ type: 'figures-for', site: this.#site, pupilIds: missing, upns }) : { figures: {} as Record<string, StoredFigure> },
      ] as const;
      yield;
      // Every page with cells is reported, N or not: a page that shows a former N with a code has dealt with it.
      // (The widget keeps when each N was first seen, and nothing for the extension's follow-up list:
      // the page's address, thresholds crossed and marks are left out of its build.)
      // The cells seen, the thresholds crossed and the sending are a task each: together they were a
      // 51 ms task after the panel on the 15,000-cell page (issue 15, item 1: no long task after it).
      const cells = register.cells.length > 0;
      const seenHere = cells ? marksSeen(register, WIDGET ? { url: '', title: '' } : { url: pageUrl(this.#document.location, read.profile), title: this.#document.title }) : null;
      if (cells) yield;
      const thresholds = cells && !WIDGET ? thresholdsOf(register, view) : [];
      if (cells && !WIDGET) yield;
      const seen =
        seenHere !== null
          ? this.#send({
              type: 'record-n-seen',
              site: this.#site,
              seen: seenHere,
              thresholds,
              marks: WIDGET || register.cells.length > 2000 ? [] : register.snapshot.pupils.map((p, i) => ({ ...p, pupilId: register.pupilIds[i]!, upnShown: register.upns[i] !== null })),
            })
          : { firstSeen: {} as Record<string, string> };
      void Promise.all([...answers, seen])
        .then(([, stored, seen]) => {
          if (signal.aborted || this.#view !== view) return;
          const nFirstSeen = new Map<string, string>();
          const upnOf = new Map(register.pupilIds.map((id, i) => [id, register.snapshot.pupils[i]!.upn]));
          for (const [key, firstSeen] of Object.entries(seen.firstSeen)) {
            const [pupilId, date, session] = key.split('|').slice(-3) as [string, string, 'AM' | 'PM'];
            const upn = upnOf.get(pupilId);
            if (upn !== undefined) nFirstSeen.set(markKey(upn, date, session), firstSeen);
          }
          view.learned(new Map(Object.entries(stored.figures)), nFirstSeen);
        })
        .catch(() => {});
    } catch {
      // The background may be restarting; the page's own figures are already shown.
    }
  }

  #onInput(event: Event): void {
    const target = event.target;
    if (this.#view === null || !(target instanceof Element)) return;
    // Typed, even the same mark again: a hint dismissed for the cell's mark comes back (a change event is not typing).
    if (event.type === 'input') {
      this.#view.typedIn(target);
      // Typed in, so focus is in this cell: focus leaving another cell before is over.
      this.#blurred = false;
    }
    this.#typed.delete(target);
    this.#typed.add(target);
    // Focus that came before this key is this cell's: its tip comes from the typing, with codes offered.
    this.#focused = null;
    this.#soonAfterFrame();
  }

  #onFocus(event: FocusEvent): void {
    const target = event.target;
    if (this.#view === null || !(target instanceof Element)) return;
    this.#focused = target;
    this.#soonAfterFrame();
  }

  #onBlur(event: FocusEvent): void {
    if (event.target === this.#focused) this.#focused = null;
    // Focus going into the hint (its buttons) keeps the hint open.
    if (event.relatedTarget === this.#surface?.host) return;
    this.#blurred = true;
    this.#soonAfterFrame();
  }

  /**
   * Runs the pending cells once the key's frame is drawn: a task queued from the frame's animation
   * callback runs after its paint. A hidden tab draws no frames, so a timer stands in there.
   */
  #soonAfterFrame(): void {
    if (this.#queued) return;
    this.#queued = true;
    const win = this.#document.defaultView!;
    const run = () => this.#flushTyping();
    // (A document that draws nothing, jsdom's, has no animation frames: the timer alone.)
    win.requestAnimationFrame?.(() => win.setTimeout(run));
    win.setTimeout(run, 250);
  }

  #dropPending(): void {
    this.#queued = false;
    this.#typed.clear();
    this.#focused = null;
    this.#blurred = false;
  }

  /** The cells typed in are read and checked, then the focused cell's tip shown; before any key of Markwise's acts too. */
  #flushTyping(): void {
    // Nothing pending (a run already done, or dropped with its view).
    if (!this.#queued) return;
    const view = this.#view;
    const typed = [...this.#typed];
    const focused = this.#focused;
    const blurred = this.#blurred;
    this.#dropPending();
    try {
      let reread = false;
      // A cell that could not be read now reads (or one no longer does): read the page again, to say it.
      if (view !== null) for (const target of typed) if (view.cellChanged(target) === 'reread') reread = true;
      if (reread) this.#rereadSoon();
      if (typed.length > 0) this.#reportStatusSoon();
      // In the order the events came: the typed cell's hint, then focus leaving it, then the cell focus went to.
      if (blurred) this.#surface?.hideTip();
      if (view !== null && focused !== null && focused.isConnected && view.owns(focused)) view.showTipFor(focused, false);
    } catch (error) {
      this.#fail(error);
    }
  }

  #rereadSoon(): void {
    clearTimeout(this.#rereadTimer);
    this.#rereadTimer = setTimeout(() => this.#check(true), 50);
  }

  /** Hovering anywhere in a cell (a radio, its label, the cell's padding) is hovering that cell. */
  #onHover(event: MouseEvent): void {
    const target = event.target;
    if (this.#view === null || !(target instanceof Element) || this.#root === null || !this.#root.contains(target)) return;
    this.#flushTyping();
    this.#view.hover(target);
  }

  #onKeyDown(event: KeyboardEvent): void {
    // Only a person's keys act: a page script's synthetic Alt+Enter writes nothing.
    if (!event.isTrusted || this.#view === null) return;
    const { key, target } = event;
    // Markwise's own keys act on what is typed so far: a fix is for the mark the cell holds now.
    if (key === 'Escape' || event.altKey) this.#flushTyping();
    // Escape closes the hint and goes no further: the MIS never sees it, so the cell keeps its mark.
    // With nothing of Markwise's open, the MIS has it. (A badge's details close on Escape by
    // themselves; the widget draws no hint.)
    if (!WIDGET && key === 'Escape' && this.#surface?.escape()) {
      // Focus going back to the cell is part of closing: the hint stays closed.
      this.#focused = null;
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (!event.altKey || !(target instanceof Element) || !this.#view.owns(target)) return;
    // Alt+Enter: the cell's fix. Alt+Down: to the hint's buttons.
    if (key === 'Enter' ? this.#view.fixCellFromKeyboard(target) : !WIDGET && key === 'ArrowDown' && this.#surface!.hints.focusTip()) event.preventDefault();
  }

  #fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const surface = this.#surface;
    if (surface === null) return;
    surface.publishPanel({ ...surface.signals.state.value, status: 'ready', problems: [...surface.signals.state.value.problems, `Markwise hit a problem and stopped checking this page: ${message}`] });
  }

  #reportStatusSoon(): void {
    clearTimeout(this.#statusTimer);
    this.#statusTimer = setTimeout(() => this.#reportStatus(), 500);
  }

  #reportStatus(): void {
    this.#surfaceOptions.tellStatus?.(this.#profile, this.#view, this.#surface?.signals.state.value.pupils ?? 0, this.#role);
  }
}

