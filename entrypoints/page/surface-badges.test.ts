// Badges coming near the screen are drawn a batch at a time, those on screen first (issue 15, item 1:
// scrolled to the middle of a large register, 60 came near at once and drawing them all in the
// observer's callback was a long task). jsdom lays nothing out, so the test is the browser's
// IntersectionObserver: it reports entries in the order the rows were observed, with where each is.

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { BadgeView } from '../../components/badge';
import { PageSurface } from './surface';

const ROWS = 50;
const ROW_HEIGHT = 30;

function register(scrolledTo: number, room?: { holds(cell: Element): boolean }) {
  const rows = Array.from({ length: ROWS }, (_, i) => `<tr><td class="name">Pupil ${i}</td><td>/</td></tr>`).join('');
  const dom = new JSDOM(`<!doctype html><body><table><tbody>${rows}</tbody></table></body>`, { url: 'https://mis.example/register' });
  let report: ((entries: Partial<IntersectionObserverEntry>[]) => void) | null = null;
  const observed: Element[] = [];
  Object.assign(dom.window, {
    // No idle time comes in these tests (on a small page, badges far from the screen are drawn then).
    requestIdleCallback: () => 0,
    IntersectionObserver: class {
      constructor(callback: (entries: Partial<IntersectionObserverEntry>[]) => void) {
        report = callback;
      }
      observe(target: Element) {
        observed.push(target);
      }
      unobserve(target: Element) {
        observed.splice(observed.indexOf(target), 1);
      }
      disconnect() {}
    },
  });
  const surface = new PageSurface(dom.window.document, false, () => {}, { shadowMode: 'open', room });
  const cells = [...dom.window.document.querySelectorAll('td.name')];
  const view = (i: number): BadgeView => ({ upn: `A${String(i).padStart(12, '0')}`, name: `Pupil ${i}`, attendance: 91, band: null, tier: null, from: '', focusable: false });
  surface.showBadges(cells.map((anchor, i) => ({ anchor, inside: true, view: view(i) })));
  const drawn = () => cells.flatMap((cell, i) => (cell.querySelector('markwise-pupil-badge')?.shadowRoot?.querySelector('.badge') ? [i] : []));
  // The browser's report as the rows are scrolled to: every row within 800 px of the 900 px screen.
  const near = () =>
    report!(
      [...observed].map((target) => {
        const top = cells.indexOf(target) * ROW_HEIGHT - scrolledTo;
        return { target, isIntersecting: top > -800 && top < 900 + 800, boundingClientRect: { top } as DOMRectReadOnly };
      }),
    );
  const task = () => new Promise((resolve) => dom.window.setTimeout(resolve));
  const hosts = () => dom.window.document.querySelectorAll('markwise-pupil-badge').length;
  return { surface, drawn, near, task, observed, hosts };
}

describe('badges near the screen', () => {
  it('are drawn 20 at a time, in tasks after the observer reports them, those on screen first', async () => {
    // Scrolled to row 25: rows 0 to 24 are above the screen, 25 to 49 on it.
    const { drawn, near, task } = register(25 * ROW_HEIGHT);
    expect(drawn()).toEqual([]);
    near();
    // Not in the observer's callback: a host put in the register there had the cell markers' callback,
    // next in the same frame, lay the whole table out again when it read the scroll position.
    expect(drawn()).toEqual([]);
    await task();
    expect(drawn()).toEqual(Array.from({ length: 20 }, (_, i) => 25 + i));
    await task();
    expect(drawn()).toEqual([...Array.from({ length: 15 }, (_, i) => i), ...Array.from({ length: 25 }, (_, i) => 25 + i)]);
    await task();
    expect(drawn()).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('are no longer watched once drawn', async () => {
    const { drawn, near, task, observed } = register(0);
    near();
    await task();
    await task();
    await task();
    expect(observed).toHaveLength(0);
    expect(drawn()).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe("badges near the screen, where the page's style keeps their room", () => {
  // Each host put in a table's cell has the browser lay the whole table out and paint it again in the
  // next frame (70-90 ms on the 15,000-cell page), however many go in. Put in a batch at a time, the
  // badges near the screen landed in two or three such frames after the page's load.
  it('are drawn a batch a task, and go into their cells together once all are drawn', async () => {
    const { drawn, near, task, observed, hosts } = register(25 * ROW_HEIGHT, { holds: () => true });
    expect(hosts()).toBe(0);
    near();
    await task();
    await task();
    // Two batches drawn, none in the page yet.
    expect(observed).toHaveLength(10);
    expect(hosts()).toBe(0);
    await task();
    expect(observed).toHaveLength(0);
    expect(drawn()).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
