// What a badge in each row costs a large table's layout (issue 15, items 1 and 2): on the
// 15,000-cell office page in plain Chromium (no extension), after load, an element the size of a
// tier badge is put into the name cell of the first N rows, in the line (as badges are drawn now) or
// out of flow (position: absolute at its place in the line), and layout is read at once: the time
// that read takes is the layout the insertion caused.
//
//   npx tsx bench/table-badges.ts [--rounds 2]

import { chromium } from '@playwright/test';
import { startDemoMis } from '../demo/mis/server';
import { CHROMIUM, QUIET_FLAGS } from '../test/e2e/fixtures';
import { median } from './stats';

const i = process.argv.indexOf('--rounds');
const ROUNDS = i >= 0 ? Number(process.argv[i + 1]) : 2;
const CASES = [
  { rows: 1500, position: 'static' },
  { rows: 1500, position: 'absolute' },
  { rows: 30, position: 'static' },
  { rows: 30, position: 'absolute' },
] as const;

const server = await startDemoMis({ port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
try {
  const times = new Map<string, { insert: number[]; layout: number[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of CASES) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${server.url}/bench/office?pupils=1500&sessions=10`, { waitUntil: 'load' });
      const t = await page.evaluate(async ({ rows, position }) => {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)));
        document.body.offsetHeight;
        const start = performance.now();
        for (const cell of [...document.querySelectorAll('td.pupil-name')].slice(0, rows)) {
          const badge = document.createElement('span');
          badge.textContent = 'T2';
          badge.style.cssText = `position:${position};margin-left:4px;border:1px solid #555;border-left-width:6px;padding:1px 4px`;
          cell.append(badge);
        }
        const inserted = performance.now();
        document.body.offsetHeight;
        return { insert: inserted - start, layout: performance.now() - inserted };
      }, c);
      const key = `${c.rows} rows, ${c.position === 'static' ? 'in the line' : 'position: absolute'}`;
      const entry = times.get(key) ?? { insert: [], layout: [] };
      entry.insert.push(t.insert);
      entry.layout.push(t.layout);
      times.set(key, entry);
      await page.close();
    }
  }
  console.log(`A badge-sized element in each of the first N rows' name cells of the 15,000-cell page, ${ROUNDS} rounds (medians):`);
  for (const [key, { insert, layout }] of times) console.log(`  ${key.padEnd(32)} insert ${median(insert).toFixed(1)} ms, layout it causes ${median(layout).toFixed(1)} ms`);
} finally {
  await browser.close();
  await server.close();
}
