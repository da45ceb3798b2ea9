// `npm run screenshots`: the README's pictures of the panel, a hint, the badges and
// the widget, taken from the demo MIS with the built extension (and the widget without
// it), so they stay true. The extension is the e2e build (npm run build:e2e): the development
// build with open shadow roots, so that Playwright can find what to photograph; it looks the same.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { bundleReady, CHROMIUM, launchWithExtension, QUIET_FLAGS, serviceWorkerOf } from '../test/e2e/fixtures';
import { DEMO_CASES } from './mis/school';
import { startDemoMis } from './mis/server';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
const server = await startDemoMis({ port: 0 });
const profile = mkdtempSync(join(tmpdir(), 'markwise-shots-'));
const context = await launchWithExtension(profile);
try {
  await bundleReady(await serviceWorkerOf(context));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto(`${server.url}/register/class?class=4A`);
  await page.locator('markwise-root aside.panel[data-status="ready"]').waitFor();
  await page.screenshot({ path: join(OUT, 'register.png') });
  await page.locator('markwise-root aside.panel').screenshot({ path: join(OUT, 'panel.png') });

  const c = DEMO_CASES.lateBeforeClose;
  const cell = page.locator(`tr[data-pupil-id="${c.pupilId}"] td.reg-cell[data-date="2025-11-26"][data-session="PM"] input`);
  await cell.click();
  await page.keyboard.type('H');
  await page.locator('markwise-root .tip').waitFor();
  await page.waitForTimeout(100);
  const box = (await cell.boundingBox())!;
  await page.screenshot({ path: join(OUT, 'hint.png'), clip: { x: Math.max(0, box.x - 420), y: Math.max(0, box.y - 60), width: 760, height: 330 } });

  await page.goto(`${server.url}/pupils?class=4A`);
  await page.locator('markwise-pupil-badge').first().waitFor();
  const badge = page.locator('markwise-pupil-badge .badge[data-tier="5"]').first();
  await badge.scrollIntoViewIfNeeded();
  await badge.hover();
  const b = (await badge.boundingBox())!;
  await page.screenshot({ path: join(OUT, 'badges.png'), clip: { x: 0, y: Math.max(0, b.y - 160), width: 900, height: 400 } });

  // The widget on a plain register table, in a page of its own with no extension.
  const plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
  const widgetPage = await plain.newPage({ viewport: { width: 1280, height: 800 } });
  await widgetPage.goto(`${server.url}/widget/table`);
  await widgetPage.locator('markwise-panel aside.panel[data-status="ready"]').waitFor();
  await widgetPage.screenshot({ path: join(OUT, 'widget.png') });
  await plain.close();
  console.log(`Screenshots written to ${OUT}/`);
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
