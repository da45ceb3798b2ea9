// `npm start`: the demo MIS on localhost with the freshly built extension.
// With a display, Chromium opens on the demo with the extension loaded (its own
// profile, so nothing touches the person's browser); without one, the URL and
// how to load the extension by hand are printed. Ctrl+C stops everything.

import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoMis } from './mis/server';

const EXTENSION = resolve('.output/chrome-mv3');
const CHROMIUM = process.env.MARKWISE_CHROMIUM ?? '/usr/bin/chromium';
const port = Number(process.env.MARKWISE_DEMO_PORT ?? 5178);

const server = await startDemoMis({ port });
/** Where the rest of Markwise is, once a few register pages have been opened. */
const FOLLOW_UP =
  "Then Markwise's popup leads to the follow-up list (every N seen, first-day calls, thresholds crossed, pupil cards) and to checking a register export (try demo/register.csv).";

console.log(`The demo MIS (Oakfield Primary School) is at ${server.url}/`);
console.log('Markwise checks it as of Wed 26 Nov 2025, the demo school\'s day, with the Micklefield preset.');
console.log(`The same register with the embeddable widget instead of the extension: ${server.url}/widget/\n`);

let context: BrowserContext | null = null;
let profile: string | null = null;
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (hasDisplay && existsSync(CHROMIUM) && existsSync(EXTENSION)) {
  profile = mkdtempSync(join(tmpdir(), 'markwise-demo-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: null,
    args: ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Give the background a moment to publish what the content script reads.
  await worker.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}/register/class?class=4A`);
  console.log('Chromium is open on the class register of 4A with Markwise loaded. Close it or press Ctrl+C to stop.');
  console.log(FOLLOW_UP);
  context.on('close', () => void stop());
} else {
  console.log(hasDisplay ? `Chromium was not found at ${CHROMIUM} (set MARKWISE_CHROMIUM).` : 'There is no display here, so no browser was opened.');
  console.log('To see Markwise on the demo in your own Chrome or Edge:');
  console.log('  1. open chrome://extensions (edge://extensions), switch on Developer mode;');
  console.log(`  2. "Load unpacked" and choose ${EXTENSION};`);
  console.log(`  3. open ${server.url}/register/class?class=4A`);
  console.log(FOLLOW_UP);
  console.log('\nPress Ctrl+C to stop the demo MIS.');
}

async function stop(): Promise<void> {
  await context?.close().catch(() => {});
  if (profile !== null) rmSync(profile, { recursive: true, force: true });
  await server.close();
  process.exit(0);
}

process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
