// Markwise's own elements on the MIS page: one host element with a closed
// shadow root for the panel and the hint layer, and one small shadow host
// beside each pupil's name for the badge. The MIS's styles and ours never mix,
// the page's scripts cannot read inside, and nothing else of the page is changed.

import { effect, signal } from '@preact/signals-core';
import { h, render } from 'preact';
import { Badge, type BadgeView } from '../../components/badge';
import { HintLayer as PageHints, type Box } from '../../components/hints';
import { panelSignals, type PanelActions, type PanelState } from '../../components/model';
import { Panel } from '../../components/panel';
import { BADGE_CSS, BASE_CSS, HINT_CSS, PANEL_CSS } from '../../components/styles';
import { BADGE_HOST } from '../../sites/badge-room';
import type { Surface } from './register-view';

/** Up to this many pupils, badges off screen are drawn in idle time too. */
const IDLE_BADGES_UP_TO = 500;
/** Badges drawn in one task (near the screen, or in idle time): about 10 ms of a slow machine's time. */
const NEAR_BATCH = 20;
/**
 * Rows whose badges' hosts are put in with the panel (holdBadges): a tall screen (1,440px) and the
 * near margin below it (the IntersectionObserver's 800px), at 18px a row.
 */
const HELD_ROWS = 125;

/** Sorted by this (a stable sort, of entries in the page's order): those on screen and below it, top down, before those above it. */
const aboveScreen = (e: IntersectionObserverEntry) => +(e.boundingClientRect.top < 0);

/**
 * The widget draws the panel and badges only (README, "The embeddable widget"): the inline hints and
 * cell markers are the extension's, and their code has no room in the widget's 50 KB budget.
 */
export const WIDGET = typeof __MARKWISE_WIDGET__ !== 'undefined' && __MARKWISE_WIDGET__;
class NoHints {
  keepClear = null;
  mark(): void {}
  markAll(): void {}
  clear(): void {}
  schedulePlacement(): void {}
  highlight(): void {}
  showTip(): void {}
  hideTip(): void {}
  focusTip(): boolean {
    return false;
  }
  closeTip(): boolean {
    return false;
  }
}
const HintLayer: typeof PageHints = WIDGET ? (NoHints as unknown as typeof PageHints) : PageHints;
type HintLayer = PageHints;

/** Focuses the panel from anywhere on an MIS page (README); no MIS or browser uses it. */
const KEYS = 'Alt+Shift+M';

/** The skip link: hidden until a keyboard reaches it, first of the page's Tab stops (GOV.UK's pattern). */
const SKIP_CSS =
  ':host{position:fixed;top:0;left:0;z-index:2147483647}a{display:block;margin:8px;padding:8px 12px;background:#fff;color:#1d1d1f;font:16px/1.4 system-ui,sans-serif;outline:3px solid #1a56db}a:not(:focus){position:absolute;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}';

/** Marks Markwise's own elements, so that its observers ignore them. */
export const OWN_ATTRIBUTE = 'data-markwise';

function sheet(document: Document, css: string): CSSStyleSheet | HTMLStyleElement {
  try {
    const view = document.defaultView as (Window & typeof globalThis) | null;
    const s = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
    s.replaceSync(css);
    return s;
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    return style;
  }
}

function adopt(root: ShadowRoot, style: CSSStyleSheet | HTMLStyleElement): void {
  if ('replaceSync' in style) {
    try {
      root.adoptedStyleSheets = [style];
      return;
    } catch {
      // Some browsers refuse sheets made in the content script's world: fall back to a <style>.
    }
    const el = root.ownerDocument.createElement('style');
    el.textContent = Array.from(style.cssRules, (r) => r.cssText).join('\n');
    root.append(el);
  } else {
    root.append(style.cloneNode(true));
  }
}

/**
 * Events a page script could fake to press Markwise's buttons (a person's keys on a button make a
 * trusted click): only trusted ones get through. Choosing a dismissal's reason acts on nothing by itself.
 */
const ACTION_EVENTS = ['click', 'dblclick', 'auxclick', 'keydown', 'keyup', 'keypress', 'submit'] as const;

/** Stops every untrusted action event in a shadow root before any of Markwise's handlers sees it. */
export function acceptOnlyTrusted(root: ShadowRoot): void {
  const refuse = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of ACTION_EVENTS) root.addEventListener(type, refuse, { capture: true });
}

export interface SurfaceOptions {
  /**
   * 'closed' (the default) on MIS pages: the page's scripts cannot read pupils' figures or reach the
   * buttons. The widget passes 'open': it runs in the page's own world, where closing protects nothing.
   * The e2e build opens them too, for Playwright (wxt.config.ts).
   */
  readonly shadowMode?: ShadowRootMode;
  /** Where the panel is drawn (the widget's own element); omitted: fixed in a corner of the page. */
  readonly panelIn?: ShadowRoot;
  /** More CSS for the panel where it is drawn in panelIn. */
  readonly panelCss?: string;
  /** Told of every state the panel shows (the widget's findings event). */
  readonly onPublish?: (state: PanelState) => void;
  /** Which table cells the page's style already gives a badge's room (entrypoints/page/badge-room.ts). */
  readonly room?: { holds(cell: Element): boolean } | null;
}

interface ShownBadge {
  /**
   * Made at once where an empty host keeps the badge's room; where the page's style keeps it, made
   * when the badge is drawn (1,500 hosts made at DOMContentLoaded were badge work in the task that
   * fires the page's load event; issue 15, item 1). Never null in the widget.
   */
  host: HTMLElement | null;
  /** Where the badge is drawn, in the host's shadow root. */
  box: Element | null;
  readonly into: Element;
  /** What it shows, or will once drawn (until then its box is empty); null: room kept for a figure to come. */
  view: BadgeView | null;
}

/**
 * Whether the page's style keeps room at the end of this cell (entrypoints/page/badge-room.ts), until
 * the badge's host is put there when it is drawn, taking that room in its place. Asked once per badge,
 * in showBadges.
 */
const roomed = (options: SurfaceOptions, into: Element): boolean => options.room?.holds(into) === true;

/** Where a badge goes: the anchor itself (`inside`, or a cell of its row), or the element it is in. */
const intoOf = (anchor: Element, inside: boolean): Element | null => (inside || anchor.parentElement?.nodeName === 'TR' ? anchor : anchor.parentElement);

export class PageSurface implements Surface {
  readonly host: HTMLElement;
  readonly hints: HintLayer;
  readonly signals;
  readonly #panelRoot: HTMLElement;
  /** The skip link's own host, first in the page's Tab order; null where the panel is the widget's. */
  readonly #skip: HTMLElement | null = null;
  /** Each badge by the element it is beside. */
  #badges = new Map<Element, ShownBadge>();
  #badgeObserver: IntersectionObserver | null = null;
  readonly #badgeSheet: CSSStyleSheet | HTMLStyleElement;
  #actions: PanelActions;

  readonly #document: Document;
  readonly #onCollapse: (collapsed: boolean) => void;
  readonly #options: SurfaceOptions;
  /** Folded to its heading, for now, to keep clear of the focused cell: never the person's own choice, never stored. */
  readonly #folded = signal(false);
  /** The corner the panel is in: 1 left, 2 top (0: bottom right). */
  #dock = 0;
  #openSize: [number, number] | null = null;

  constructor(
    document: Document,
    collapsed: boolean,
    onCollapse: (collapsed: boolean) => void,
    options: SurfaceOptions = {},
  ) {
    this.#document = document;
    this.#onCollapse = onCollapse;
    this.#options = options;
    this.signals = panelSignals(collapsed);
    this.host = document.createElement('markwise-root');
    this.host.setAttribute(OWN_ATTRIBUTE, 'root');
    const shadow = this.host.attachShadow({ mode: options.shadowMode ?? 'closed' });
    acceptOnlyTrusted(shadow);
    adopt(shadow, sheet(document, BASE_CSS + PANEL_CSS + (WIDGET ? '' : HINT_CSS)));
    this.#panelRoot = document.createElement('div');
    if (options.panelIn === undefined) shadow.append(this.#panelRoot);
    else {
      acceptOnlyTrusted(options.panelIn);
      adopt(options.panelIn, sheet(document, BASE_CSS + PANEL_CSS + (options.panelCss ?? '')));
      options.panelIn.append(this.#panelRoot);
    }
    this.hints = new HintLayer(shadow);
    // A panel drawn in a page's own element (the widget) is where the page put it: it is never moved.
    if (!WIDGET && options.panelIn === undefined) this.hints.keepClear = (box, width, height) => this.#keepClear(box, width, height);
    this.#badgeSheet = sheet(document, BADGE_CSS);
    // Outside <body>, so a single-page app that replaces the body's children leaves it alone.
    document.documentElement.append(this.host);
    // (Never in the widget, whose panel is in the page's own element.)
    if (!WIDGET && options.panelIn === undefined) {
      // Office staff reach the panel from 300 inputs away: a shortcut, and a skip link as the
      // page's first Tab stop, in a host of Markwise's own before <head> (issue 14, item 5).
      const skip = (this.#skip = document.createElement('markwise-skip'));
      skip.setAttribute(OWN_ATTRIBUTE, 'skip');
      const root = skip.attachShadow({ mode: options.shadowMode ?? 'closed' });
      acceptOnlyTrusted(root);
      adopt(root, sheet(document, SKIP_CSS));
      render(
        h('a', { href: '#', 'aria-keyshortcuts': KEYS, onClick: (e: Event) => (e.preventDefault(), this.focusPanel()) }, `Skip to the Markwise panel (${KEYS})`),
        root,
      );
      document.documentElement.prepend(skip);
      document.addEventListener('keydown', this.#onKey, true);
    }
    this.#actions = this.#emptyActions();
    this.#renderPanel();
  }

  #onKey = (e: KeyboardEvent) => {
    if (e.isTrusted && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyM') {
      e.preventDefault();
      this.focusPanel();
    }
  };

  /** Opens the panel if collapsed, and puts focus on its heading. */
  focusPanel(): void {
    if (this.signals.collapsed.value) this.#setCollapsed(false);
    this.#panelRoot.querySelector('h2')?.focus();
  }

  #emptyActions(): PanelActions {
    const none = () => {};
    return { show: none, fix: none, undo: none, dismiss: none, restore: none, setCollapsed: (c) => this.#setCollapsed(c) };
  }

  #setCollapsed(collapsed: boolean): void {
    this.#folded.value = false;
    this.signals.collapsed.value = collapsed;
    this.#onCollapse(collapsed);
  }

  /**
   * Issue 14 (WCAG 2.4.11): the panel is never over the focused cell or its hint. Read while the hint
   * layer reads layout; returns the write. The panel stays in its corner while that is clear, else
   * moves to the first clear corner; where no corner is clear of the whole panel (a narrow window,
   * 200% zoom) it folds to its heading in a clear corner, and opens again when no cell has focus.
   */
  #keepClear(box: Box | null, width: number, height: number): () => void {
    // The widget's panel is where the page put it, and it has no hints to keep clear of.
    if (WIDGET) return () => {};
    const panel = this.#panelRoot.firstElementChild;
    if (panel === null) return () => {};
    const rect = panel.getBoundingClientRect();
    const collapsed = this.signals.collapsed.value;
    const folded = this.#folded.value;
    const now: [number, number] = [rect.width, rect.height];
    if (!collapsed && !folded) this.#openSize = now;
    const clear = ([w, h]: [number, number], dock: number) => {
      const x = dock & 1 ? 16 : width - 16 - w;
      const y = dock & 2 ? 16 : height - 16 - h;
      return box === null || x >= box.right + 4 || x + w <= box.left - 4 || y >= box.bottom + 4 || y + h <= box.top - 4;
    };
    const corners = [0, 1, 2, 3].map((d) => this.#dock ^ d);
    let dock = collapsed || this.#openSize === null ? undefined : corners.find((d) => clear(this.#openSize!, d));
    const fold = dock === undefined && !collapsed;
    // Folded, the panel is its heading: as measured, or until then about one line of it.
    dock ??= corners.find((d) => clear(collapsed || folded ? now : [Math.min(now[0], 340), 48], d)) ?? this.#dock;
    return () => {
      if (dock !== this.#dock) this.#panelRoot.className = `${dock & 1 ? 'dock-left ' : ''}${dock & 2 ? 'dock-top' : ''}`;
      this.#dock = dock;
      if (fold === folded) return;
      this.#folded.value = fold;
      // Measured again in its new shape, in the next frame.
      this.hints.schedulePlacement();
    };
  }

  #stopRendering: (() => void) | null = null;

  /** The panel follows its signals: an effect re-renders it whenever one of them changes. */
  #renderPanel(): void {
    this.#stopRendering?.();
    this.#stopRendering = effect(() => {
      render(h(Panel, { state: this.signals.state.value, collapsed: this.signals.collapsed.value || this.#folded.value, current: this.signals.current.value, actions: this.#actions, keys: this.#skip ? KEYS : undefined }), this.#panelRoot);
    });
  }

  /** The register view whose findings the panel shows, and acts on. */
  useActions(actions: PanelActions | null): void {
    this.#actions = actions === null ? this.#emptyActions() : { ...actions, setCollapsed: (c) => this.#setCollapsed(c) };
    this.#renderPanel();
  }

  /** The effect renders the panel at once (not on a later tick): when this returns, the panel is drawn. */
  publishPanel(state: PanelState): void {
    this.signals.state.value = state;
    this.#options.onPublish?.(state);
  }

  markCell(...args: Parameters<HintLayer['mark']>): void {
    this.hints.mark(...args);
  }

  markAll(entries: Parameters<HintLayer['markAll']>[0]): void {
    this.hints.markAll(entries);
  }

  showTip(...args: Parameters<HintLayer['showTip']>): void {
    this.hints.showTip(...args);
  }

  hideTip(): void {
    this.hints.hideTip();
  }

  highlight(key: string | null): void {
    this.hints.highlight(key);
    this.signals.current.value = null;
  }

  /**
   * Badges near the screen are drawn as the browser reports them (an IntersectionObserver, no
   * forced layout); on pages of up to IDLE_BADGES_UP_TO pupils the rest follow in idle time, a
   * batch at a time, so a page is never held up by badges nobody can see yet.
   *
   * A badge in a table cell takes room that is there from the browser's first layout of the page, so
   * that drawn later it moves nothing (a register's columns stay put under the person's pointer). The
   * room is made by a style put in the page before its rows arrive (options.room): the badge's host
   * goes in only when it is drawn, in place of that room, and the register's rows are left alone until
   * then (issue 15, item 1: 1,500 empty hosts put in at DOMContentLoaded had the browser lay a large
   * table out again before the page's load event), but for the first rows', put in with the panel
   * (holdBadges), which are drawn into. Where that style does not reach a cell, the host is
   * put in the cell at once, empty and of the badge's fixed size (components/badge.css). Hosts are
   * kept from one call to the next for the same element, so a fix or a dismissal moves nothing either.
   */
  showBadges(badges: { anchor: Element; inside: boolean; view: BadgeView | null }[]): void {
    this.#badgeObserver?.disconnect();
    const win = this.#document.defaultView!;
    const old = this.#badges;
    const now = (this.#badges = new Map<Element, ShownBadge>());
    const pending = new Set<Element>();
    for (const { anchor, inside, view } of badges) {
      let shown = old.get(anchor);
      old.delete(anchor);
      const into = intoOf(anchor, inside);
      if (into === null) continue;
      // Room only (no figure, or none yet): kept where it was, made in a table's cell (by the page's
      // style, or by an empty host), drawn when a figure comes.
      if (view === null) {
        if (!WIDGET) {
          if (shown?.host?.isConnected !== true) shown = /^T[DH]$/.test(into.nodeName) && !roomed(this.#options, into) ? this.#makeBadge(anchor, into, true) : undefined;
          else render(null, shown.box!);
          if (shown !== undefined) now.set(anchor, { ...shown, view });
        }
        continue;
      }
      if (shown?.host?.isConnected !== true) shown = roomed(this.#options, into) ? { host: null, box: null, into, view } : this.#makeBadge(anchor, into, true);
      // Not drawn yet; or drawn, and drawn again (Preact changes only what differs: a new figure, tier or band).
      if (!shown.box?.hasChildNodes()) pending.add(anchor);
      else render(h(Badge, { view }), shown.box);
      shown.view = view;
      now.set(anchor, shown);
    }
    for (const { host } of old.values()) host?.remove();
    if (pending.size === 0) return;
    /**
     * Draws these badges. With `waiting`, what shows them is left in it, to be done with the other
     * badges near the screen at once: a host to put in its cell, or, for a host already in its row, the
     * badge drawn aside to put into its empty box (any change to the page, however small, has the
     * browser paint a large register again: 35-50 ms on the 15,000-cell page, BENCHMARKS.md).
     */
    const draw = (anchors: Element[], waiting?: (() => void)[]) => {
      // Each once: an anchor queued twice (near the screen, then in idle time) is drawn the first time.
      anchors = anchors.filter((anchor) => (this.#badgeObserver?.unobserve(anchor), pending.delete(anchor)) && anchor.isConnected);
      // Every read first (where a badge kept out of its row goes: the widget has no layer), then every write: one layout.
      // (No host yet: the page's style keeps its room, at the end of its cell.)
      const places = WIDGET ? [] : anchors.map((anchor) => (now.get(anchor)!.host?.isConnected !== false ? null : this.hints.roomBeside(now.get(anchor)!.into)));
      anchors.forEach((anchor, i) => {
        let shown = now.get(anchor)!;
        const roomedHere = shown.host === null;
        if (roomedHere) now.set(anchor, (shown = { ...this.#makeBadge(anchor, shown.into, false), view: shown.view }));
        const aside = waiting && !roomedHere && shown.host!.isConnected;
        // (Into the box, not in its place: the box contains its layout, and a new one would lay the row out.)
        const box = aside ? this.#document.createElement('span') : shown.box!;
        render(h(Badge, { view: shown.view! }), box);
        if (aside) waiting!.push(() => (shown.box!.append(box), (shown.box = box)));
        else if (roomedHere && waiting) waiting.push(() => shown.into.append(shown.host!));
        else if (roomedHere) shown.into.append(shown.host!);
        else if (!WIDGET && places[i]) this.hints.pin(shown.host!, shown.into, places[i]!);
        else if (!shown.host!.isConnected) this.#placeInRow(anchor, shown);
      });
    };
    // Near the screen, a few at a time, in tasks of their own, those on screen first (scrolled to the
    // middle of a large page, 60 badges came near at once, and drawing them all was a long task; issue
    // 15, item 1). Where the page's style keeps their room, each batch's hosts wait, drawn, until every
    // badge near the screen is (or NEAR_BATCH * 5 are), and go into their cells together: each host put
    // in a table's cell has the browser lay the whole table out and paint it again in the next frame
    // (70-90 ms on the 15,000-cell page), once per frame however many go in, and batches put in as they
    // were drawn landed in two or three frames (issue 15, items 1 and 2).
    const near: Element[] = [];
    const waiting: (() => void)[] = [];
    const drawNear = () => {
      if (this.#badges !== now) return;
      draw(near.splice(0, NEAR_BATCH), waiting);
      if (!near.length || waiting.length >= NEAR_BATCH * 5) for (const show of waiting.splice(0)) show();
      if (near.length) win.setTimeout(drawNear);
    };
    this.#badgeObserver = new win.IntersectionObserver(
      // Entries queued before a later call disconnected it are still delivered: drawNear draws none of those.
      (entries) => {
        const was = near.length;
        near.push(...entries.filter((e) => e.isIntersecting).sort((a, b) => aboveScreen(a) - aboveScreen(b)).map((e) => e.target));
        // In a task of their own: a host put in the register here would have the next observer's
        // callback (the cell markers', which reads the scroll position) lay the table out again at once.
        if (!was) win.setTimeout(drawNear);
      },
      { rootMargin: '800px' },
    );
    for (const anchor of pending) this.#badgeObserver.observe(anchor);
    // On a very large page, badges far from the screen wait until they come near it.
    if (pending.size > IDLE_BADGES_UP_TO) return;
    const idle = () => {
      if (this.#badges !== now) return;
      draw([...pending].slice(0, NEAR_BATCH));
      if (pending.size) schedule();
    };
    // (No idle callbacks in Safari: a timer there.)
    const schedule = () => win.requestIdleCallback?.(idle, { timeout: 1000 }) ?? win.setTimeout(idle, 50);
    schedule();
  }

  /**
   * The first rows' badges' hosts, put in their cells empty with the panel, where the page's style keeps
   * their room: the page's own layout before its load event takes them in with the rows that arrived
   * last, and the badges drawn into them near the screen after it lay out only their boxes (put in after
   * load, the hosts had the browser lay a 15,000-cell register out again, 45-86 ms in a frame; issue 15,
   * items 1 and 2). The rest wait until they are drawn, as before (1,500 hosts with the panel cost the
   * load event more than they saved; BENCHMARKS.md).
   */
  holdBadges(rows: readonly { badgeAnchor: Element | null; badgeInside: boolean }[]): void {
    for (const { badgeAnchor: anchor, badgeInside } of rows.slice(0, HELD_ROWS)) {
      const into = anchor && intoOf(anchor, badgeInside);
      if (into && !this.#badges.has(anchor!) && roomed(this.#options, into)) this.#badges.set(anchor!, this.#makeBadge(anchor!, into, true));
    }
  }

  /** A badge's host; with `place`, its room made at once in a table's cell (elsewhere placed when it is drawn). */
  #makeBadge(anchor: Element, into: Element, place: boolean): ShownBadge {
    const host = this.#document.createElement(BADGE_HOST);
    host.setAttribute(OWN_ATTRIBUTE, 'badge');
    const shadow = host.attachShadow({ mode: this.#options.shadowMode ?? 'closed' });
    adopt(shadow, this.#badgeSheet);
    const box = this.#document.createElement('span');
    box.className = 'box';
    shadow.append('\u2060', box);
    const shown = { host, box, into, view: null };
    if (place && /^T[DH]$/.test(into.nodeName)) this.#placeInRow(anchor, shown);
    return shown;
  }

  /**
   * A badge in its row: at the end of `into` (a cell, or the name itself with badgeIn), after the
   * anchor otherwise; where a flex or grid row has no room for it, draw() pins it beside the row in
   * Markwise's own layer instead, so that the row keeps its layout (issue 14, item 6).
   */
  #placeInRow(anchor: Element, { host, into }: ShownBadge): void {
    // Never a sibling of a row's cells: it would push every column one place right. A cell takes it at its end.
    if (into === anchor) anchor.append(host!);
    else anchor.after(host!);
  }

  /** Escape: closes the hint (WCAG 1.4.13; a badge closes its own details). True when something closed. */
  escape(): boolean {
    // A badge's details close on Escape by themselves (components/badge.tsx).
    return this.hints.closeTip();
  }

  clearBadges(): void {
    this.showBadges([]);
  }

  /** Leaves the page as it was: for a page view that ended, or an extension that was switched off. */
  clearPage(): void {
    this.clearBadges();
    this.hints.clear();
  }

  remove(): void {
    this.clearPage();
    this.#stopRendering?.();
    render(null, this.#panelRoot);
    this.#panelRoot.remove();
    this.host.remove();
    this.#skip?.remove();
    this.#document.removeEventListener('keydown', this.#onKey, true);
  }
}
