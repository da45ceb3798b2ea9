// Badges coming near the screen are drawn a batch at a time, those on screen first (issue 15, item 1:
// scrolled to the middle of a large register, 60 came near at once and drawing them all in the
// observer's callback was a long task), and shown together (each change to a large register's page is
// a frame of 35-50 ms, however small). jsdom lays nothing out, so the test is the browser's
// IntersectionObserver: it reports entries in the order the rows were observed, with where each is.

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { BadgeView } from '../../components/badge';
import { PageSurface } from './surface';

const ROWS = 50;
const ROW_HEIGHT = 30;

interface Shape {
  readonly rows?: number;
  readonly rowHeight?: number;
  /** Room made with the panel for the first rows' badges (holdBadges) before they are drawn. */
  readonly hold?: boolean;
}

function register(scrolledTo: number, room?: { holds(cell: Element): boolean }, { rows: count = ROWS, rowHeight = ROW_HEIGHT, hold = false }: Shape = {}) {
  const rows = Array.from({ length: count }, (_, i) => `<tr><td class="name">Pupil ${i}</td><td>/</td></tr>`).join('');
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
  if (hold) surface.holdBadges(cells.map((badgeAnchor) => ({ badgeAnchor, badgeInside: true })));
  const held = [...dom.window.document.querySelectorAll('markwise-pupil-badge')];
  surface.showBadges(cells.map((anchor, i) => ({ anchor, inside: true, view: view(i) })));
  const drawn = () => cells.flatMap((cell, i) => (cell.querySelector('markwise-pupil-badge')?.shadowRoot?.querySelector('.badge') ? [i] : []));
  // The browser's report as the rows are scrolled to: every row within 800 px of the 900 px screen.
  const near = () =>
    report!(
      [...observed].map((target) => {
        const top = cells.indexOf(target) * rowHeight - scrolledTo;
        return { target, isIntersecting: top > -800 && top < 900 + 800, boundingClientRect: { top } as DOMRectReadOnly };
      }),
    );
  const task = () => new Promise((resolve) => dom.window.setTimeout(resolve));
  const hosts = () => dom.window.document.querySelectorAll('markwise-pupil-badge').length;
  return { surface, drawn, near, task, observed, hosts, held, cells };
}

const from = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

describe('badges near the screen', () => {
  it('are drawn 20 a task after the observer reports them, those on screen first, and shown a hundred at a time at most', async () => {
    // 300 rows of 10 px, scrolled to row 100: rows 21 to 269 are within 800 px of the screen, 21 to 99 above it.
    const { drawn, near, task } = register(100 * 10, undefined, { rows: 300, rowHeight: 10 });
    expect(drawn()).toEqual([]);
    near();
    // Not in the observer's callback: a host put in the register there had the cell markers' callback,
    // next in the same frame, lay the whole table out again when it read the scroll position.
    expect(drawn()).toEqual([]);
    for (let i = 0; i < 4; i++) await task();
    // 80 drawn, none shown yet.
    expect(drawn()).toEqual([]);
    await task();
    expect(drawn()).toEqual(from(100, 199));
    for (let i = 0; i < 5; i++) await task();
    expect(drawn()).toEqual([...from(21, 50), ...from(100, 269)]);
    for (let i = 0; i < 2; i++) await task();
    expect(drawn()).toEqual([...from(21, 50), ...from(100, 269)]);
    await task();
    expect(drawn()).toEqual(from(21, 269));
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

describe("the first rows' badges, their room made with the panel", () => {
  // Hosts put in a large table's rows after its load event had the browser lay the whole table out again
  // (45-86 ms in a frame on the 15,000-cell page): the first rows' are put in with the panel, before the
  // page's own layout before its load event, and the badges near the screen are drawn into them.
  it('have their hosts at once, up to 125 rows, and are drawn into those same hosts, shown together', async () => {
    // 200 rows of 10 px, at the top: rows 0 to 169 are within 800 px of the 900 px screen.
    const { drawn, near, task, hosts, held, cells } = register(0, { holds: () => true }, { rows: 200, rowHeight: 10, hold: true });
    expect(held).toHaveLength(125);
    expect(held.map((host) => cells.indexOf(host.parentElement!))).toEqual(from(0, 124));
    // Empty: the figures are drawn after the panel.
    expect(drawn()).toEqual([]);
    near();
    for (let i = 0; i < 4; i++) await task();
    expect(drawn()).toEqual([]);
    await task();
    expect(drawn()).toEqual(from(0, 99));
    for (let i = 0; i < 4; i++) await task();
    expect(drawn()).toEqual(from(0, 169));
    // One host a row, those held the same elements (drawn into, not replaced).
    expect(hosts()).toBe(170);
    expect(cells.slice(0, 125).map((cell) => cell.querySelector('markwise-pupil-badge'))).toEqual(held);
  });

  it("are held only where the page's style keeps the room (elsewhere the room is made as they are shown)", () => {
    const { held } = register(0, { holds: () => false }, { rows: 10, hold: true });
    expect(held).toHaveLength(0);
    expect(register(0, undefined, { rows: 10, hold: true }).held).toHaveLength(0);
  });
});
