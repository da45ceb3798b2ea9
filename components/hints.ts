// Inline code hints over the MIS's register: a marker over each cell with a
// problem, drawn in Markwise's own layer so the page's layout never moves, and
// a tip beside the cell being worked on. Plain DOM rather than Preact: this
// runs on every keystroke and must stay well under a frame. Text only, never HTML.

import type { Severity } from '../rules/findings';
import { SEVERITY_GLYPHS } from './rule-titles';

export interface TipContent {
  /** The code in the cell and what it means ('L: Late: arrived before the register closed'). */
  readonly meaning: string | null;
  readonly problems: readonly { readonly severity: Severity; readonly text: string }[];
  /** The valid codes for this date and role, filtered by what is typed. */
  readonly codes: readonly { readonly code: string; readonly meaning: string }[];
  readonly codesHeading: string;
  /** The hint's own buttons: the fix this person may make here (null: none), and what each does. */
  readonly act?: { readonly fix: string | null; apply(): void; dismiss(): void };
}

/** A rectangle in the viewport's coordinates. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * Told, while layout is read, where the focused cell and its hint are (null: no cell has focus) and
 * the viewport's size; returns what to write once every read is done.
 */
export type KeepClear = (box: Box | null, width: number, height: number) => () => void;

interface Marker {
  readonly key: string;
  element: Element;
  severity: Severity;
  label: string;
  /** Drawn only while the cell is on or near the screen. */
  box: HTMLElement | null;
}

/** Markers are drawn for cells within this distance of the screen. */
const NEAR_SCREEN = '600px';

export class HintLayer {
  readonly #layer: HTMLElement;
  /** The markers' box, in the layer (components/hints.css). */
  readonly #marks: HTMLElement;
  readonly #tip: HTMLElement;
  readonly #live: HTMLElement;
  readonly #markers = new Map<string, Marker>();
  /** Cells' markers, by cell: a cell has one marker. */
  readonly #byElement = new Map<Element, Marker>();
  readonly #visibility: IntersectionObserver;
  #tipFor: Element | null = null;
  #tipPlacedFor: Element | null = null;
  #highlighted: string | null = null;
  #frame = 0;
  #act: TipContent['act'];
  #shape = '';
  #closing: Element | null = null;
  /** Where focus was before it moved into the hint: it goes back there when the hint closes. */
  #returnTo: HTMLElement | null = null;
  /** Keeps Markwise's panel clear of the focused cell and its hint (the page surface sets it). */
  keepClear: KeepClear | null = null;
  /** Badges drawn in this layer, each beside its row: where one in the row would change the row's layout. */
  readonly #pinned = new Map<HTMLElement, Element>();

  readonly #root: ShadowRoot;

  constructor(root: ShadowRoot) {
    this.#root = root;
    const doc = root.ownerDocument;
    const view = doc.defaultView!;
    this.#layer = doc.createElement('div');
    this.#layer.className = 'layer';
    this.#marks = doc.createElement('div');
    this.#marks.className = 'marks';
    this.#layer.append(this.#marks);
    this.#tip = doc.createElement('div');
    this.#tip.className = 'tip mw';
    this.#tip.hidden = true;
    this.#tip.setAttribute('role', 'group');
    this.#tip.setAttribute('aria-label', 'Markwise hint');
    this.#tip.addEventListener('click', (e) => {
      const action = (e.target as Element).closest('button')?.dataset.action;
      if (action === 'apply') this.#act?.apply();
      else if (action === 'dismiss') this.#act?.dismiss();
    });
    this.#live = doc.createElement('div');
    this.#live.className = 'visually-hidden';
    this.#live.setAttribute('role', 'status');
    this.#live.setAttribute('aria-live', 'polite');
    // Beside the markers' layer, not in it: above every marker, and above the panel (which keeps
    // clear of a focused cell's hint; a hint shown by the mouse may be over the panel, never under it).
    root.append(this.#layer, this.#tip, this.#live);
    // The browser reports where cells are as they come near the screen, from its own layout:
    // no forced layout on a 15,000-cell page, and nothing drawn that nobody can see.
    this.#visibility = new view.IntersectionObserver((entries) => this.#onVisibility(entries), { rootMargin: NEAR_SCREEN });
  }

  #onVisibility(entries: IntersectionObserverEntry[]): void {
    const view = this.#root.ownerDocument.defaultView!;
    // Read the scroll position once, before any marker is drawn: reading it after a write would
    // make the browser lay out the whole register again, once per marker.
    const scrollX = view.scrollX;
    const scrollY = view.scrollY;
    for (const entry of entries) {
      const marker = this.#byElement.get(entry.target);
      if (marker === undefined) continue;
      if (entry.isIntersecting) {
        this.#draw(marker);
        this.#place(marker, entry.boundingClientRect, scrollX, scrollY);
      } else if (marker.box !== null) {
        marker.box.remove();
        marker.box = null;
      }
    }
  }

  #draw(marker: Marker): void {
    let box = marker.box;
    if (box === null) {
      const doc = this.#root.ownerDocument;
      box = doc.createElement('div');
      box.className = 'marker';
      const corner = doc.createElement('span');
      corner.className = 'corner';
      box.append(corner);
      this.#marks.append(box);
      marker.box = box;
    }
    box.dataset.severity = marker.severity;
    box.dataset.key = marker.key;
    box.title = marker.label;
    box.classList.toggle('highlight', marker.key === this.#highlighted);
    box.firstElementChild!.textContent = SEVERITY_GLYPHS[marker.severity];
  }

  #forget(marker: Marker): void {
    marker.box?.remove();
    this.#visibility.unobserve(marker.element);
    this.#byElement.delete(marker.element);
    this.#markers.delete(marker.key);
  }

  /** Marks one cell (or clears it with severity null), without reading layout: safe on every keystroke. */
  mark(key: string, element: Element, severity: Severity | null, label: string): void {
    const existing = this.#markers.get(key);
    if (severity === null) {
      if (existing !== undefined) this.#forget(existing);
      return;
    }
    if (existing !== undefined && existing.element === element) {
      existing.severity = severity;
      existing.label = label;
      if (existing.box !== null) this.#draw(existing);
      return;
    }
    if (existing !== undefined) this.#forget(existing);
    const marker: Marker = { key, element, severity, label, box: null };
    this.#markers.set(key, marker);
    this.#byElement.set(element, marker);
    this.#visibility.observe(element);
  }

  /** Replaces every marker at once. */
  markAll(entries: readonly { key: string; element: Element; severity: Severity; label: string }[]): void {
    for (const marker of [...this.#markers.values()]) this.#forget(marker);
    for (const entry of entries) this.mark(entry.key, entry.element, entry.severity, entry.label);
  }

  clear(): void {
    this.markAll([]);
    this.hideTip();
  }

  /**
   * Issue 14, item 6: a badge placed in a flex or grid row would be one more of its items, taking
   * width (and a gap) from the name and wrapping it. There, where the window has room to the row's
   * right, the badge is drawn in this layer just past the row's end, and the row is left as it was.
   * Reads layout (call before writing); the rectangle where it goes, else null (keep it in the row).
   */
  roomBeside(row: Element): readonly [number, number] | null {
    const doc = this.#root.ownerDocument;
    const view = doc.defaultView!;
    if (!/flex|grid/.test(view.getComputedStyle(row).display)) return null;
    const rect = row.getBoundingClientRect();
    return rect.right + 48 <= doc.documentElement.clientWidth ? this.#beside(rect, view.scrollX, view.scrollY) : null;
  }

  /** Where a pinned badge goes, in the page's coordinates: just past the row's end, centred on it. */
  #beside(rect: DOMRectReadOnly, scrollX: number, scrollY: number): readonly [number, number] {
    return [rect.right + scrollX + 2, (rect.top + rect.bottom) / 2 + scrollY];
  }

  /** Shows a badge's host beside its row, at the place roomBeside gave, and keeps it there as the page moves. Writes only. */
  pin(host: HTMLElement, row: Element, [x, y]: readonly [number, number]): void {
    this.#pinned.set(host, row);
    host.style.left = `${x}px`;
    host.style.top = `${y}px`;
    if (host.parentNode !== this.#layer) this.#layer.append(host);
  }

  #place(marker: Marker, rect: DOMRectReadOnly, scrollX: number, scrollY: number): void {
    if (marker.box === null) return;
    const style = marker.box.style;
    style.transform = `translate(${rect.left + scrollX - 2}px,${rect.top + scrollY - 2}px)`;
    style.width = `${rect.width + 4}px`;
    style.height = `${rect.height + 4}px`;
  }

  /** After the page scrolled inside a container, resized or re-flowed: one frame, reads then writes. */
  schedulePlacement(): void {
    if (this.#frame !== 0) return;
    const view = this.#root.ownerDocument.defaultView!;
    this.#frame = view.requestAnimationFrame(() => {
      this.#frame = 0;
      // Every read first, then every write: the browser lays the page out once.
      const drawn = [...this.#markers.values()].filter((m) => m.box !== null);
      const rects = drawn.map((m) => m.element.getBoundingClientRect());
      // A badge taken off the page (its register gone) is forgotten.
      const pins = [...this.#pinned].filter(([host]) => host.isConnected || !this.#pinned.delete(host));
      const rows = pins.map(([, row]) => row.getBoundingClientRect());
      const { scrollX, scrollY } = view;
      const tip = this.#tipFor === null ? null : this.#placeTip(this.#tipFor);
      drawn.forEach((m, i) => this.#place(m, rects[i]!, scrollX, scrollY));
      pins.forEach(([host, row], i) => this.pin(host, row, this.#beside(rows[i]!, scrollX, scrollY)));
      tip?.();
    });
  }

  highlight(key: string | null): void {
    const previous = this.#highlighted === null ? undefined : this.#markers.get(this.#highlighted);
    this.#highlighted = key;
    if (previous?.box) previous.box.classList.remove('highlight');
    const marker = key === null ? undefined : this.#markers.get(key);
    if (marker?.box) marker.box.classList.add('highlight');
  }

  showTip(element: Element, content: TipContent): void {
    const doc = this.#root.ownerDocument;
    const act = content.act;
    this.#act = act;
    // The same hint for the same cell (the MIS's change event as focus moves to the hint's button) is
    // left as it is: rebuilt, the button being pressed or focused would be gone.
    const shape = JSON.stringify(content);
    // A hint closed with Escape shows again when asked for after that (the person typed in the cell again).
    if (element === this.#tipFor && shape === this.#shape && (!this.#tip.hidden || this.#tip.childElementCount === 0)) return;
    this.#shape = shape;
    if (element === this.#closing) {
      // Focus back in the cell after Escape in the hint: the hint stays closed.
      this.#tipFor = element;
      return;
    }
    const parts: HTMLElement[] = [];
    if (content.meaning !== null) {
      const p = doc.createElement('p');
      p.textContent = content.meaning;
      parts.push(p);
    }
    for (const problem of content.problems) {
      const p = doc.createElement('p');
      p.className = `problem sev-${problem.severity}`;
      p.dataset.severity = problem.severity;
      p.textContent = `${SEVERITY_GLYPHS[problem.severity]} ${problem.text}`;
      parts.push(p);
    }
    if (content.codes.length > 0) {
      const heading = doc.createElement('p');
      heading.textContent = content.codesHeading;
      const list = doc.createElement('ul');
      list.className = 'codes';
      for (const { code, meaning } of content.codes) {
        const li = doc.createElement('li');
        const c = doc.createElement('code');
        c.textContent = code;
        const m = doc.createElement('span');
        m.textContent = meaning;
        li.append(c, m);
        list.append(li);
      }
      parts.push(heading, list);
    }
    if (act !== undefined && content.problems.length > 0) {
      const row = doc.createElement('p');
      row.className = 'tip-actions';
      const button = (action: string, text: string) => {
        const b = doc.createElement('button');
        b.type = 'button';
        b.dataset.action = action;
        b.textContent = text;
        row.append(b);
        return b;
      };
      if (act.fix !== null) button('apply', `Change to ${act.fix}`).setAttribute('aria-keyshortcuts', 'Alt+Enter');
      button('dismiss', 'Dismiss hint');
      const keys = doc.createElement('p');
      keys.className = 'keys';
      keys.textContent = 'Alt+Down: these buttons. Escape: close.';
      parts.push(row, keys);
    }
    const grew = this.#tip.childElementCount !== parts.length;
    this.#tip.replaceChildren(...parts);
    this.#tip.hidden = parts.length === 0;
    this.#tipFor = element;
    // Typing in the same cell: the tip is already beside it, and reading layout now would make the
    // browser lay out the whole register on every keystroke; only when the hint gains or loses a
    // part (the codes offered appear) is it placed again, to keep clear of the cells and the panel.
    if (this.#tipPlacedFor !== element || grew) this.schedulePlacement();
    // Screen readers hear the problem without focus moving.
    const said = content.problems.map((p) => p.text).join(' ');
    if (this.#live.textContent !== said) this.#live.textContent = said;
  }

  /**
   * Reads where the cell is, and returns the writes that put the hint beside it (right, else left,
   * else above; below only when nothing else fits), so the next rows' cells in the column being
   * filled stay in sight, and that keep the panel clear of the focused cell and its hint.
   */
  #placeTip(element: Element): () => void {
    this.#tipPlacedFor = element;
    const doc = this.#root.ownerDocument;
    const view = doc.defaultView!;
    const r = element.getBoundingClientRect();
    const viewport = doc.compatMode === 'BackCompat' ? doc.body : doc.documentElement;
    const width = viewport.clientWidth;
    const height = viewport.clientHeight;
    const tip = this.#tip;
    const { width: w, height: h } = tip.getBoundingClientRect();
    const active = doc.activeElement;
    const focused = active !== null && (element.contains(active) || tip.contains(this.#root.activeElement));
    const side = r.right + w <= width - 4 ? r.right : r.left - w >= 4 ? r.left - w : null;
    const left = side ?? Math.max(4, Math.min(r.left, width - w - 4));
    const top = side !== null ? Math.max(4, Math.min(r.top, height - h - 4)) : r.top - h >= 4 ? r.top - h : r.bottom;
    const box = { left: Math.min(left, r.left), top: Math.min(top, r.top), right: Math.max(left + w, r.right), bottom: Math.max(top + h, r.bottom) };
    const keep = this.keepClear?.(focused ? box : null, width, height);
    const { scrollX, scrollY } = view;
    return () => {
      tip.style.left = `${left + scrollX}px`;
      tip.style.top = `${top + scrollY}px`;
      keep?.();
    };
  }

  /** Moves focus to the hint's first button (Alt+Down in a cell); false when the hint has none. */
  focusTip(): boolean {
    const button = this.#tip.hidden ? null : this.#tip.querySelector('button');
    if (button === null) return false;
    const active = this.#root.ownerDocument.activeElement;
    this.#returnTo = active instanceof HTMLElement ? active : null;
    button.focus();
    return true;
  }

  /** Escape: closes the hint, focus back in the cell if it was in the hint; the cell keeps its mark. False when no hint was open. */
  closeTip(): boolean {
    if (this.#tip.hidden) return false;
    this.#tip.hidden = true;
    if (this.#tip.contains(this.#root.activeElement)) {
      this.#closing = this.#tipFor;
      this.#returnTo?.focus();
      this.#closing = null;
    }
    return true;
  }

  hideTip(): void {
    const had = this.#tipFor !== null;
    this.#tip.hidden = true;
    this.#tipFor = null;
    this.#tipPlacedFor = null;
    // The panel may open again where it was folded away from the cell.
    if (had) this.schedulePlacement();
  }
}
