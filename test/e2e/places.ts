// Where a page's table cells are, taken in the first frame after Markwise's panel is complete and
// again later: what moved (test/e2e/badges.spec.ts, test/e2e/widget.spec.ts).

import type { Page } from '@playwright/test';

/** In the first frame after the panel is complete, where each of the page's table cells is (page coordinates). */
export async function placesWhenRoomIsMade(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { places: [number, number][] | null };
    w.places = null;
    // The panel is complete in the task that makes the badges' room (entrypoints/page/page-session.ts).
    new MutationObserver((_, observer) => {
      observer.disconnect();
      requestAnimationFrame(() => (w.places = [...document.querySelectorAll('td, th')].map((c) => [c.getBoundingClientRect().left + scrollX, c.getBoundingClientRect().top + scrollY])));
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready-at'] });
  });
}

/** The cells that are not where they were when the room was made: what moved, from where to where. */
export async function cellsMoved(page: Page): Promise<string[]> {
  await page.waitForFunction(() => (window as unknown as { places: unknown }).places !== null);
  return page.evaluate(() => {
    const before = (window as unknown as { places: [number, number][] }).places;
    const cells = [...document.querySelectorAll('td, th')];
    if (cells.length !== before.length) return [`${before.length} cells then, ${cells.length} now`];
    return cells.flatMap((c, i) => {
      const [x, y] = [c.getBoundingClientRect().left + scrollX, c.getBoundingClientRect().top + scrollY];
      const [x0, y0] = before[i]!;
      return Math.abs(x - x0) > 0.5 || Math.abs(y - y0) > 0.5 ? [`${c.nodeName}.${c.className} ${i}: (${x0}, ${y0}) to (${x}, ${y})`] : [];
    }).slice(0, 5);
  });
}
