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
}

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

  readonly #root: ShadowRoot;

  constructor(root: ShadowRoot) {
    this.#root = root;
    const doc = root.ownerDocument;
    const view = doc.defaultView!;
    this.#layer = doc.createElement('div');
    this.#layer.className = 'layer';
    this.#tip = doc.createElement('div');
    this.#tip.className = 'tip mw';
    this.#tip.hidden = true;
    this.#tip.setAttribute('role', 'tooltip');
    this.#tip.id = 'mw-tip';
    this.#live = doc.createElement('div');
    this.#live.className = 'visually-hidden';
    this.#live.setAttribute('role', 'status');
    this.#live.setAttribute('aria-live', 'polite');
    this.#layer.append(this.#tip);
    root.append(this.#layer, this.#live);
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
      this.#layer.append(box);
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

  #place(marker: Marker, rect: DOMRectReadOnly, scrollX: number, scrollY: number): void {
    if (marker.box === null) return;
    const style = marker.box.style;
    style.left = `${rect.left + scrollX - 2}px`;
    style.top = `${rect.top + scrollY - 2}px`;
    style.width = `${rect.width + 4}px`;
    style.height = `${rect.height + 4}px`;
  }

  /** After the page scrolled inside a container, resized or re-flowed: one frame, reads then writes. */
  schedulePlacement(): void {
    if (this.#frame !== 0) return;
    const view = this.#root.ownerDocument.defaultView!;
    this.#frame = view.requestAnimationFrame(() => {
      this.#frame = 0;
      const drawn = [...this.#markers.values()].filter((m) => m.box !== null);
      const rects = drawn.map((m) => m.element.getBoundingClientRect());
      drawn.forEach((m, i) => this.#place(m, rects[i]!, view.scrollX, view.scrollY));
      if (this.#tipFor !== null) this.#placeTip(this.#tipFor);
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
    this.#tip.replaceChildren(...parts);
    this.#tip.hidden = parts.length === 0;
    this.#tipFor = element;
    // Typing in the same cell: the tip is already beside it, and reading layout now would
    // make the browser lay out the whole register on every keystroke.
    if (this.#tipPlacedFor !== element) this.schedulePlacement();
    // Screen readers hear the problem without focus moving.
    const said = content.problems.map((p) => p.text).join(' ');
    if (this.#live.textContent !== said) this.#live.textContent = said;
  }

  #placeTip(element: Element): void {
    this.#tipPlacedFor = element;
    const view = this.#root.ownerDocument.defaultView!;
    const rect = element.getBoundingClientRect();
    const left = Math.max(4, Math.min(rect.left, view.innerWidth - 310));
    this.#tip.style.left = `${left + view.scrollX}px`;
    this.#tip.style.top = `${rect.bottom + view.scrollY + 4}px`;
  }

  hideTip(): void {
    this.#tip.hidden = true;
    this.#tipFor = null;
    this.#tipPlacedFor = null;
  }
}
