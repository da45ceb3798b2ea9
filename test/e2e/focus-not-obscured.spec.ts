// Issue 14, item 3: the panel never hides the cell being filled (WCAG 2.2 2.4.11, focus not obscured).
// A teacher tabs through every cell of class 4A's register, as at 8:55, at 1366×768 and at 200% zoom,
// with the panel open and collapsed; after each Tab, the focused cell, and the hint beside it, must be
// clear of Markwise's panel.
//
// 200% zoom is emulated as the browser does it: a 1366×768 screen at 200% lays the page out in a
// 683×384 CSS-pixel viewport with two device pixels to each CSS pixel. Chromium's own emulation of
// those metrics (deviceScaleFactor 2, a 683×384 viewport) gives the page exactly that layout: the same
// CSS viewport for vw/vh, position: fixed and media queries. CSS zoom on the page would not: it scales
// the page's content while the viewport, and so the fixed panel's corner, stays at 1366×768.

import type { CDPSession, Page } from '@playwright/test';
import { expect, panel, test } from './fixtures';

interface Seen {
  name: string;
  /** The panel covers the cell: by rectangles, or by what is drawn at the cell's centre. */
  underPanel: boolean;
  tipUnderPanel: boolean;
  tipOverCell: boolean;
  /** The hint covers one of the next rows' cells in the column being filled. */
  tipOverColumn: boolean;
}

/**
 * The focused cell, the panel and the hint, once Markwise has placed them: it places in the next
 * animation frame, so this waits frames (never a fixed time) until the cell is clear, for at most ten.
 */
async function seeFocused(page: Page): Promise<Seen | null> {
  return page.evaluate(async () => {
    const cell = document.activeElement;
    if (!(cell instanceof HTMLInputElement) || !cell.matches('td.reg-cell input.reg-code')) return null;
    const root = document.querySelector('markwise-root')!.shadowRoot!;
    const panelBox = root.querySelector('aside.panel')!;
    const tip = root.querySelector<HTMLElement>('.tip')!;
    const meets = (a: DOMRect, b: DOMRect) => a.width > 0 && b.width > 0 && a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
    const td = cell.closest('td')!;
    const below: Element[] = [];
    for (let row = td.closest('tr')!.nextElementSibling; row !== null && below.length < 5; row = row.nextElementSibling) {
      const next = row.querySelector(`td.reg-cell[data-date="${td.dataset.date}"][data-session="${td.dataset.session}"]`);
      if (next !== null) below.push(next);
    }
    let seen = { name: cell.getAttribute('aria-label') ?? '', underPanel: true, tipUnderPanel: true, tipOverCell: true, tipOverColumn: true };
    for (let frame = 0; frame < 10; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const c = cell.getBoundingClientRect();
      const p = panelBox.getBoundingClientRect();
      const t = tip.hidden ? null : tip.getBoundingClientRect();
      const hit = document.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2);
      seen = {
        name: seen.name,
        underPanel: meets(c, p) || hit === null || !cell.closest('td')!.contains(hit),
        tipUnderPanel: t !== null && meets(t, p),
        tipOverCell: t !== null && meets(t, c),
        tipOverColumn: t !== null && below.some((b) => meets(t, b.getBoundingClientRect())),
      };
      if (!seen.underPanel && !seen.tipUnderPanel && !seen.tipOverCell && !seen.tipOverColumn) break;
    }
    return seen;
  });
}

/** Tabs from the first cell through every enabled cell of the register, as a teacher would; returns the cells obscured. */
async function tabThroughRegister(page: Page): Promise<{ cells: number; obscured: string[]; tipUnderPanel: string[]; tipOverCell: string[]; tipOverColumn: string[] }> {
  const inputs = page.locator('tr[data-pupil-id] td.reg-cell input.reg-code:not([disabled])');
  const total = await inputs.count();
  expect(total).toBe(300);
  await inputs.first().focus();
  const obscured: string[] = [];
  const tipUnderPanel: string[] = [];
  const tipOverCell: string[] = [];
  const tipOverColumn: string[] = [];
  const names = new Set<string>();
  for (let presses = 0; names.size < total && presses < total * 3; presses++) {
    const seen = await seeFocused(page);
    if (seen !== null && !names.has(seen.name)) {
      names.add(seen.name);
      if (seen.underPanel) obscured.push(seen.name);
      if (seen.tipUnderPanel) tipUnderPanel.push(seen.name);
      if (seen.tipOverCell) tipOverCell.push(seen.name);
      if (seen.tipOverColumn) tipOverColumn.push(seen.name);
    }
    await page.keyboard.press('Tab');
  }
  return { cells: names.size, obscured, tipUnderPanel, tipOverCell, tipOverColumn };
}

async function openRegister(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/register/class?class=4A`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
}

async function zoom200(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 683, height: 384, deviceScaleFactor: 2, mobile: false });
  return cdp;
}

test.describe.configure({ timeout: 240_000 });

const none = { obscured: [], tipUnderPanel: [], tipOverCell: [], tipOverColumn: [] };

test('at 1366×768 with the panel open, no focused cell of the register, nor its hint, is under the panel', async ({ page, mis }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openRegister(page, mis.url);
  await expect(panel(page)).not.toHaveClass(/collapsed/);
  const result = await tabThroughRegister(page);
  expect(result.cells).toBe(300);
  expect({ obscured: result.obscured, tipUnderPanel: result.tipUnderPanel, tipOverCell: result.tipOverCell, tipOverColumn: result.tipOverColumn }).toEqual(none);
});

test('at 1366×768 with the panel collapsed, no focused cell is under the collapsed panel', async ({ page, mis }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openRegister(page, mis.url);
  await panel(page).locator('button[data-action="collapse"]').click();
  await expect(panel(page)).toHaveClass(/collapsed/);
  const result = await tabThroughRegister(page);
  expect(result.cells).toBe(300);
  expect({ obscured: result.obscured, tipUnderPanel: result.tipUnderPanel, tipOverCell: result.tipOverCell, tipOverColumn: result.tipOverColumn }).toEqual(none);
  // The person's choice stands: the panel is still collapsed once focus leaves the register.
  await panel(page).locator('button[data-action="collapse"]').focus();
  await expect(panel(page)).toHaveClass(/collapsed/);
});

test('at 200% zoom (683×384 CSS pixels, two device pixels each), no focused cell nor its hint is under the panel, and the panel opens again after', async ({ page, mis }) => {
  await openRegister(page, mis.url);
  const cdp = await zoom200(page);
  expect(await page.evaluate(() => [innerWidth, innerHeight, devicePixelRatio])).toEqual([683, 384, 2]);
  await expect(panel(page)).not.toHaveClass(/collapsed/);
  const result = await tabThroughRegister(page);
  expect(result.cells).toBe(300);
  expect({ obscured: result.obscured, tipUnderPanel: result.tipUnderPanel, tipOverCell: result.tipOverCell, tipOverColumn: result.tipOverColumn }).toEqual(none);
  // Folded out of the way while a cell had focus, never collapsed for good: once focus leaves the register, it is open again.
  await page.locator('#register-form button[type="submit"]').focus();
  await expect(panel(page)).not.toHaveClass(/collapsed/);
  await cdp.detach();
});
