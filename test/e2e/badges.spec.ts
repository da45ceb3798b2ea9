// Issue 14, item 6: badges keep the page's shape. Each pupil's row is measured with Markwise's
// badges and again with them taken out, on the class register and the app-style register, at a
// laptop's width and at 200% zoom (half the CSS width): rows do not grow, names do not wrap more.

import type { Page } from '@playwright/test';
import { expect, panel, test } from './fixtures';
import { axeViolations } from './axe';
import { cellsMoved, placesWhenRoomIsMade } from './places';

interface RowShape {
  readonly height: number;
  readonly nameLines: number;
}

/** Each row's height and how many lines its name takes (one client rect per line of an inline link). */
function shapes(page: Page, rows: string, name: string): Promise<RowShape[]> {
  return page.locator(rows).evaluateAll(
    (els, nameSel) =>
      els.map((row) => ({ height: row.getBoundingClientRect().height, nameLines: row.querySelector(nameSel)!.getClientRects().length })),
    name,
  );
}

async function withAndWithout(page: Page, rows: string, name: string): Promise<{ on: RowShape[]; off: RowShape[] }> {
  const on = await shapes(page, rows, name);
  await page.evaluate(() => document.querySelectorAll('markwise-pupil-badge').forEach((b) => b.remove()));
  const off = await shapes(page, rows, name);
  return { on, off };
}

function expectSameShape(on: RowShape[], off: RowShape[], what: string) {
  expect(on.length, what).toBe(off.length);
  on.forEach((row, i) => {
    expect(row.height, `${what}: row ${i + 1} height`).toBeLessThanOrEqual(off[i]!.height + 0.5);
    expect(row.nameLines, `${what}: row ${i + 1} name lines`).toBeLessThanOrEqual(off[i]!.nameLines);
  });
}

const SIZES = [
  { width: 1366, height: 768, what: '1366×768' },
  { width: 683, height: 384, what: '200% zoom' },
];

for (const size of SIZES) {
  test(`the class register keeps its rows' height with badges, at ${size.what}`, async ({ page, mis }) => {
    await page.setViewportSize(size);
    await page.goto(`${mis.url}/register/class?class=4A`);
    await expect(panel(page)).toHaveAttribute('data-status', 'ready');
    await expect(page.locator('markwise-pupil-badge .badge')).toHaveCount(30);
    const { on, off } = await withAndWithout(page, 'tr[data-pupil-id]', 'td.pupil-name a');
    expectSameShape(on, off, `class register at ${size.what}`);
  });

  test(`the app-style register keeps its rows' height with badges, at ${size.what}`, async ({ page, mis }) => {
    // Each app row is a 40em flex row where the name shares the width with a 406px dropdown and has 5px to
    // spare (Louis Lund-Hansen, 121px of 126px): a badge in the row would take width and a flex gap from the
    // name and wrap it. Markwise draws it beside the row's end instead, in its own layer.
    await page.setViewportSize(size);
    // The pupil list gives Markwise the figures the app's register does not show.
    await page.goto(`${mis.url}/pupils`);
    await expect(page.locator('markwise-pupil-badge .badge').first()).toBeAttached();
    await expect(panel(page)).toHaveAttribute('data-status', 'ready');
    await expect(async () => {
      await page.goto(`${mis.url}/app/?/register/4A/2025-11-26/AM`);
      await expect(page.locator('markwise-pupil-badge .badge')).toHaveCount(30, { timeout: 2000 });
    }).toPass();
    const { on, off } = await withAndWithout(page, 'div.mis-row', 'a.mis-pupil-link');
    expectSameShape(on, off, `app register at ${size.what}`);
    await expectBesideRows(page);
    // The window made the other size: the app's navigation wraps (or unwraps), every row moves, and each badge follows its row.
    const other = SIZES.find((s) => s !== size)!;
    await page.setViewportSize(other);
    await expect(async () => expectBesideRows(page)).toPass({ timeout: 3000 });
  });
}

/** Each app row's badge is just past the row's end, level with it, covering none of the row. */
async function expectBesideRows(page: Page) {
  const rows = await page.locator('div.mis-row').evaluateAll((els) =>
    els.map((row) => ({ name: row.querySelector('a.mis-pupil-link')!.textContent!, box: row.getBoundingClientRect().toJSON() as DOMRect })),
  );
  const badges = await page.locator('markwise-pupil-badge .badge').evaluateAll((els) =>
    els.map((el) => ({ name: el.getAttribute('aria-label')!.split(':')[0]!, box: el.querySelector('.mark')!.getBoundingClientRect().toJSON() as DOMRect })),
  );
  expect(badges.map((b) => b.name).sort()).toEqual(rows.map((r) => r.name).sort());
  for (const { name, box } of badges) {
    const row = rows.find((r) => r.name === name)!.box;
    expect(box.left, `${name}: badge after the row's end`).toBeGreaterThanOrEqual(row.right);
    expect(box.left, `${name}: badge beside the row`).toBeLessThan(row.right + 12);
    const middle = (box.top + box.bottom) / 2;
    expect(Math.abs(middle - (row.top + row.bottom) / 2), `${name}: badge level with its row`).toBeLessThan(2);
  }
}

/** The badge's text a sighted person sees before hovering (its details hidden). */
function visibleText(page: Page, badge: string): Promise<string> {
  return page.locator(badge).evaluate((el) => (el as HTMLElement).innerText.trim());
}

test('a badge is a fixed-width tier mark; band and figure on hover or focus, closed by Escape; no percentage the page shows', async ({ page, mis }) => {
  await page.goto(`${mis.url}/pupils`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await expect(page.locator('markwise-pupil-badge .badge')).toHaveCount(420);
  // The same width for every tier (1, 2 and 5 on the demo).
  const marks = await page.locator('markwise-pupil-badge .badge').evaluateAll((els) =>
    els.map((el) => ({ tier: el.getAttribute('data-tier'), width: Math.round(el.querySelector('.mark')!.getBoundingClientRect().width * 10) / 10 })),
  );
  expect(new Set(marks.map((m) => m.tier)).size).toBeGreaterThan(1);
  expect(new Set(marks.map((m) => m.width)).size).toBe(1);

  const first = page.locator('markwise-pupil-badge .badge[data-tier="5"]').first();
  const upn = (await first.getAttribute('data-upn'))!;
  const band = (await first.getAttribute('data-band'))!;
  const badge = `markwise-pupil-badge .badge[data-upn="${upn}"]`;
  expect(await visibleText(page, badge)).toBe('T5');
  // The pupil list shows the percentage: the badge does not repeat it, not even in its details.
  const details = first.locator('.details');
  await expect(details).toBeHidden();
  await first.hover();
  await expect(details).toBeVisible();
  await expect(details).toContainText(`Band: ${band}`);
  const shown = (await page.locator(`tr.pupil-row:has(td.pupil-upn:text-is("${upn}")) td.ytd-attendance`).textContent())!.trim();
  expect(shown).toMatch(/^\d+(\.\d)?%$/);
  await expect(details).not.toContainText('Attendance this year');
  await expect(details).not.toContainText(shown);
  await expect(first).not.toHaveAttribute('aria-label', /attendance/);
  expect(await axeViolations(page, ['markwise-pupil-badge'])).toEqual([]);
  // Escape closes the details while the pointer is still over the badge (WCAG 1.4.13).
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await page.mouse.move(0, 0);
  // On focus (the office's pupil list makes badges Tab stops), and Escape again.
  await first.focus();
  await expect(details).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(first).toBeFocused();
});

test('where the page shows no percentage, the badge gives the figure on hover', async ({ page, mis }) => {
  await page.goto(`${mis.url}/pupils`);
  await expect(page.locator('markwise-pupil-badge .badge').first()).toBeAttached();
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await expect(async () => {
    await page.goto(`${mis.url}/app/?/register/4A/2025-11-26/AM`);
    await expect(page.locator('markwise-pupil-badge .badge')).toHaveCount(30, { timeout: 2000 });
  }).toPass();
  const first = page.locator('markwise-pupil-badge .badge').first();
  const tier = (await first.getAttribute('data-tier'))!;
  expect(await first.evaluate((el) => (el as HTMLElement).innerText.trim())).toBe(`T${tier}`);
  await first.hover();
  await expect(first.locator('.details')).toBeVisible();
  await expect(first.locator('.details')).toContainText(/Attendance this year: \d+\.\d%/);
  await expect(first).toHaveAttribute('aria-label', /attendance \d+\.\d%/);
  // Drawn beside their rows, the badges are in Markwise's own layer.
  expect(await axeViolations(page, ['markwise-root'])).toEqual([]);
});

// Issue 15, item 1: badges drawn after the page was first shown took room beside each name, so the
// register's columns moved under the person's pointer (and a 15,000-cell table was laid out again, a
// long task). Where the browser painted the page before Markwise read it (a long page arriving in
// parts, a busy machine), the room is made once, with the panel; from then on nothing may move. Each
// cell's place is taken in the first frame after the panel is complete, and again once every badge is drawn.

test('the class register: badges appear without moving anything on the page', async ({ page, mis }) => {
  await placesWhenRoomIsMade(page);
  await page.goto(`${mis.url}/register/class?class=4A`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await expect(page.locator('markwise-pupil-badge .badge')).toHaveCount(30);
  expect(await cellsMoved(page)).toEqual([]);
});

test('a large register: badges drawn as rows come near the screen move nothing on the page', async ({ page, mis }) => {
  // More pupils than are drawn in idle time: the rows further down are drawn only as they are scrolled to.
  await placesWhenRoomIsMade(page);
  await page.goto(`${mis.url}/bench/office?pupils=600&sessions=5`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const last = page.locator('tr.pupil-row').last().locator('markwise-pupil-badge');
  // Far from the screen, the last row has nothing of Markwise's in it: its room is made by a style
  // that was in the page before its rows arrived (putting an empty host in each of a large table's
  // rows had the browser lay the table out again before the page's load event; issue 15, item 1).
  await expect(page.locator('tr.pupil-row').first().locator('markwise-pupil-badge .badge')).toHaveCount(1);
  await expect(last).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(last.locator('.badge')).toHaveCount(1);
  expect(await cellsMoved(page)).toEqual([]);
});

test("a large register: the first rows' badges are drawn into hosts put in their rows with the panel, before the page's load event", async ({ page, mis }) => {
  // Issue 15, items 1 and 2: hosts put in a large table's rows after its load event had the browser lay
  // the whole table out again, in a frame of 45-86 ms on the 15,000-cell page.
  await page.addInitScript(() => {
    const w = window as unknown as { heldAtReady: number | null; heldBeforeLoad: number | null };
    w.heldAtReady = w.heldBeforeLoad = null;
    const held = () => [...document.querySelectorAll('tr.pupil-row td.pupil-name > markwise-pupil-badge')];
    new MutationObserver((_, observer) => {
      observer.disconnect();
      // Marked in the page's world, to know them again once the badges are drawn.
      for (const host of held()) (host as unknown as { heldAtReady: boolean }).heldAtReady = true;
      w.heldAtReady = held().length;
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready-at'] });
    addEventListener('load', () => (w.heldBeforeLoad = held().length));
  });
  await placesWhenRoomIsMade(page);
  await page.goto(`${mis.url}/bench/office?pupils=600&sessions=5`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const first = page.locator('tr.pupil-row').first().locator('markwise-pupil-badge .badge');
  await expect(first).toHaveCount(1);
  const held = await page.evaluate(() => {
    const w = window as unknown as { heldAtReady: number; heldBeforeLoad: number };
    return { atReady: w.heldAtReady, beforeLoad: w.heldBeforeLoad };
  });
  expect(held).toEqual({ atReady: 125, beforeLoad: 125 });
  // The badges near the screen (the first rows, at the top of the page) were drawn into those hosts: none replaced, none added beside them.
  const rows = await page.locator('tr.pupil-row').evaluateAll((els) =>
    els.slice(0, 125).map((row) => {
      const hosts = [...row.querySelectorAll('markwise-pupil-badge')];
      return { hosts: hosts.length, held: (hosts[0] as unknown as { heldAtReady?: boolean } | undefined)?.heldAtReady === true, drawn: hosts[0]?.shadowRoot?.querySelector('.badge') != null };
    }),
  );
  expect(rows.filter((r) => r.hosts !== 1 || !r.held)).toEqual([]);
  expect(rows.filter((r) => r.drawn).length).toBeGreaterThan(20);
  expect(await cellsMoved(page)).toEqual([]);
});

test('a register that shows no percentage: badges from figures seen before appear without moving anything', async ({ page, mis }) => {
  // The radio register (a table) shows no attendance figure: its badges come from the pupil list's,
  // which the background gives the page after the panel is complete, often after its first paint.
  await page.goto(`${mis.url}/pupils?class=5B`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await expect(page.locator('markwise-pupil-badge .badge').first()).toBeAttached();
  await placesWhenRoomIsMade(page);
  await page.goto(`${mis.url}/attendance/take?class=5B`);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const rows = await page.locator('td.student-name').count();
  expect(rows).toBeGreaterThan(0);
  await expect(page.locator('td.student-name markwise-pupil-badge .badge')).toHaveCount(rows);
  expect(await cellsMoved(page)).toEqual([]);
});
