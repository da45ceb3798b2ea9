// What holds a page's load event back (issue 15, item 1; BENCHMARKS.md, "Where the page-load time
// went"): the 15,000-cell office page without any extension, given one element of each kind in a
// shadow root at DOMContentLoaded (an init script, as a content script would), loads alternating,
// and the time from DOMContentLoaded to the load event, median of each.
//
//   npx tsx bench/load-event-elements.ts [--rounds 7]

import { chromium } from '@playwright/test';
import { startDemoMis } from '../demo/mis/server';
import { CHROMIUM, QUIET_FLAGS } from '../test/e2e/fixtures';
import { median } from './stats';

const at = process.argv.indexOf('--rounds');
const ROUNDS = at >= 0 ? Number(process.argv[at + 1]) : 7;
const insert = (html: string) =>
  `document.addEventListener('DOMContentLoaded', () => { const h = document.createElement('x-m'); h.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(html)}; document.documentElement.append(h); });`;
const VARIANTS: Record<string, string> = {
  'nothing': '',
  'a <div>': insert('<div>hi</div>'),
  'a hidden="until-found" block': insert('<div hidden="until-found">y</div>'),
  'a content-visibility: hidden block': insert('<div style="content-visibility:hidden">y</div>'),
  'a <button> and a hidden <div>': insert('<button aria-expanded="false">x</button><div hidden>y</div>'),
  'a closed <details>': insert('<details><summary>x</summary>y</details>'),
  'an open <details>': insert('<details open><summary>x</summary>y</details>'),
  '(150 ms of busy script instead)': `document.addEventListener('DOMContentLoaded', () => { const t = performance.now(); while (performance.now() - t < 150); });`,
};

const server = await startDemoMis({ port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
try {
  const url = `${server.url}/bench/office?pupils=1500&sessions=10`;
  const gaps: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const names = Object.keys(VARIANTS);
    for (const name of round % 2 === 0 ? names : names.reverse()) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      if (VARIANTS[name] !== '') await page.addInitScript(VARIANTS[name]!);
      await page.goto(url, { waitUntil: 'load' });
      const gap = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return nav.loadEventStart - nav.domContentLoadedEventStart;
      });
      (gaps[name] ??= []).push(gap);
      await page.close();
    }
  }
  console.log(`\nDOMContentLoaded to load on ${url.replace(server.url, '')}, no extension, ${ROUNDS} rounds (median, min-max)`);
  for (const [name, values] of Object.entries(gaps)) console.log(`  ${name.padEnd(36)} ${median(values).toFixed(0).padStart(5)} ms  (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})`);
} finally {
  await browser.close();
  await server.close();
}
