// Issue 15, item 1: Markwise must not hold up the page's own load event. Traced on the 15,000-cell
// office page (BENCHMARKS.md, "Where the load time went"): without Markwise the load event fires
// in the parser's last task; with Markwise's panel drawn at DOMContentLoaded it fired only after
// the browser had laid out and painted the whole page first (0.5-1.5 s there), because the panel
// held <details> elements. Not a timed test: it asks whether a frame was drawn between
// DOMContentLoaded and load, which on these pages happens only when something holds the load
// event back, and checks the same page without Markwise as the control.

import { chromium, type Page } from '@playwright/test';
import { CHROMIUM, expect, panel, QUIET_FLAGS, test } from './fixtures';

/** Whether the page drew a frame after DOMContentLoaded and before its load event. */
async function frameBeforeLoad(page: Page, url: string): Promise<boolean> {
  await page.addInitScript(() => {
    const w = window as unknown as { frameBeforeLoad: boolean | null };
    w.frameBeforeLoad = null;
    let loaded = false;
    window.addEventListener('load', () => {
      loaded = true;
      w.frameBeforeLoad ??= false;
    });
    document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => (w.frameBeforeLoad ??= !loaded)));
  });
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(() => (window as unknown as { frameBeforeLoad: boolean }).frameBeforeLoad);
}

const PAGES = ['/register/class?class=4A', '/office/unexplained', '/pupils', '/bench/office?pupils=300&sessions=10'];

for (const path of PAGES) {
  test(`${path}: the load event is not held back for a frame, as without Markwise`, async ({ page, mis }) => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
    try {
      const plain = await browser.newPage();
      expect(await frameBeforeLoad(plain, `${mis.url}${path}`), 'without Markwise').toBe(false);
    } finally {
      await browser.close();
    }
    expect(await frameBeforeLoad(page, `${mis.url}${path}`), 'with Markwise').toBe(false);
    // And the panel was drawn (before the load event or after it, it is complete).
    await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  });
}
