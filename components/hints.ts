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
  readonly element: Element;
  readonly box: HTMLElement;
}

export class HintLayer {
  private readonly layer: HTMLElement;
  private readonly tip: HTMLElement;
  private readonly live: HTMLElement;
  private readonly markers = new Map<string, Marker>();
  private tipFor: Element | null = null;
  private frame = 0;

  constructor(private readonly root: ShadowRoot) {
    const doc = root.ownerDocument;
    this.layer = doc.createElement('div');
    this.layer.className = 'layer';
    this.tip = doc.createElement('div');
    this.tip.className = 'tip mw';
    this.tip.hidden = true;
    this.tip.setAttribute('role', 'tooltip');
    this.tip.id = 'mw-tip';
    this.live = doc.createElement('div');
    this.live.className = 'visually-hidden';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.layer.append(this.tip);
    root.append(this.layer, this.live);
  }

  /** Marks one cell (or clears it with severity null). Positions are read in the same call: one cell, one layout read. */
  mark(key: string, element: Element, severity: Severity | null, label: string): void {
    const existing = this.markers.get(key);
    if (severity === null) {
      if (existing !== undefined) {
        existing.box.remove();
        this.markers.delete(key);
      }
      return;
    }
    let marker = existing;
    if (marker === undefined || marker.element !== element) {
      marker?.box.remove();
      const box = this.root.ownerDocument.createElement('div');
      box.className = 'marker';
      const corner = this.root.ownerDocument.createElement('span');
      corner.className = 'corner';
      box.append(corner);
      this.layer.append(box);
      marker = { element, box };
      this.markers.set(key, marker);
      this.place(marker, element.getBoundingClientRect());
    }
    marker.box.dataset.severity = severity;
    marker.box.dataset.key = key;
    marker.box.title = label;
    marker.box.firstElementChild!.textContent = SEVERITY_GLYPHS[severity];
  }

  /** Replaces every marker at once: all layout reads first, then all writes. */
  markAll(entries: readonly { key: string; element: Element; severity: Severity; label: string }[]): void {
    for (const marker of this.markers.values()) marker.box.remove();
    this.markers.clear();
    const rects = entries.map((e) => e.element.getBoundingClientRect());
    const fragment = this.root.ownerDocument.createDocumentFragment();
    entries.forEach((entry, i) => {
      const box = this.root.ownerDocument.createElement('div');
      box.className = 'marker';
      box.dataset.severity = entry.severity;
      box.dataset.key = entry.key;
      box.title = entry.label;
      const corner = this.root.ownerDocument.createElement('span');
      corner.className = 'corner';
      corner.textContent = SEVERITY_GLYPHS[entry.severity];
      box.append(corner);
      const marker = { element: entry.element, box };
      this.place(marker, rects[i]!);
      this.markers.set(entry.key, marker);
      fragment.append(box);
    });
    this.layer.append(fragment);
  }

  clear(): void {
    this.markAll([]);
    this.hideTip();
  }

  private place(marker: Marker, rect: DOMRect): void {
    const view = this.root.ownerDocument.defaultView!;
    const style = marker.box.style;
    style.left = `${rect.left + view.scrollX - 2}px`;
    style.top = `${rect.top + view.scrollY - 2}px`;
    style.width = `${rect.width + 4}px`;
    style.height = `${rect.height + 4}px`;
  }

  /** After the page scrolled inside a container, resized or re-flowed: one frame, reads then writes. */
  schedulePlacement(): void {
    if (this.frame !== 0) return;
    const view = this.root.ownerDocument.defaultView!;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      const markers = [...this.markers.values()];
      const rects = markers.map((m) => m.element.getBoundingClientRect());
      markers.forEach((m, i) => this.place(m, rects[i]!));
      if (this.tipFor !== null) this.placeTip(this.tipFor);
    });
  }

  highlight(key: string | null): void {
    for (const [k, marker] of this.markers) marker.box.classList.toggle('highlight', k === key);
  }

  hasMarker(key: string): boolean {
    return this.markers.has(key);
  }

  showTip(element: Element, content: TipContent): void {
    const doc = this.root.ownerDocument;
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
    this.tip.replaceChildren(...parts);
    this.tip.hidden = parts.length === 0;
    this.tipFor = element;
    this.placeTip(element);
    // Screen readers hear the problem without focus moving.
    const said = content.problems.map((p) => p.text).join(' ');
    if (this.live.textContent !== said) this.live.textContent = said;
  }

  private placeTip(element: Element): void {
    const view = this.root.ownerDocument.defaultView!;
    const rect = element.getBoundingClientRect();
    const left = Math.max(4, Math.min(rect.left, view.innerWidth - 310));
    this.tip.style.left = `${left + view.scrollX}px`;
    this.tip.style.top = `${rect.bottom + view.scrollY + 4}px`;
  }

  hideTip(): void {
    this.tip.hidden = true;
    this.tipFor = null;
  }

  get tipElement(): HTMLElement {
    return this.tip;
  }
}
