// What the badges' room costs a large page's load, and what its selector's shape costs (issue 15,
// item 1; BENCHMARKS.md, "the room's selector"). In plain Chromium, with no extension: the office
// bench page (15,000 cells) loaded in three browsers in turn, each round led by the next, one with no
// room, one with the room's style as Markwise makes it now for the demo's profile (sites/badge-room.ts),
// and one with the form it had before, which selected the cell of a `badgeAfter` anchor by
// `:has(> anchor)`. The style is put in by an init script, as the content script adopts it at
// document_start. For each: the page's load event, and Chromium's counters of main-thread, layout
// and style time from navigation to 1.5 s after load (medians), with each ratio's 90% interval.
//
//   npx tsx bench/room-style.ts [--rounds 20]

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startDemoMis } from '../demo/mis/server';
import { demoClassRegister } from '../sites/builtin/demo';
import { badgeRoomCss, badgeRooms } from '../sites/badge-room';
import { alternately } from './alternately';
import { launchWithout, mainThreadWork, workMedians, type MainThreadWork } from './browsers';
import { median, ratioInterval } from './stats';

const at = process.argv.indexOf('--rounds');
const ROUNDS = at >= 0 ? Number(process.argv[at + 1]) : 20;

const now = badgeRooms([{ ...demoClassRegister, id: 'demo' }])['demo']!;
const row = `:is(${demoClassRegister.register}) :is(${demoClassRegister.rows})`;
const badge = demoClassRegister.badgeAfter!;
/** The room's style before 5 Dec 2026: the anchor's cell by :has(), in every badgeAfter profile. */
const before = badgeRoomCss(`${row} :is(td, th):is(${badge}), ${row} :is(td, th):has(> :is(${badge}))`);
const variants = { 'no room': null, 'room now': now.css, 'room before': before } as const;

const server = await startDemoMis({ port: 0 });
const url = `${server.url}/bench/office?pupils=1500&sessions=10`;
const dirs: string[] = [];
try {
  const runs = await Promise.all(
    Object.entries(variants).map(async ([name, css]) => {
      const dir = mkdtempSync(join(os.tmpdir(), 'markwise-room-'));
      dirs.push(dir);
      const context = await launchWithout(dir);
      const page = context.pages()[0] ?? (await context.newPage());
      if (css !== null) {
        await page.addInitScript((text) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(text);
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        }, css);
      }
      await page.goto(url, { waitUntil: 'load' }); // warm the caches
      const work = await mainThreadWork(page);
      const loads: number[] = [];
      const works: MainThreadWork[] = [];
      const load = async () => {
        await page.goto(url, { waitUntil: 'load' });
        loads.push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
        await page.waitForTimeout(1500);
        works.push(await work());
      };
      return { name, context, load, loads, works };
    }),
  );
  await alternately(ROUNDS, ...runs.map((r) => r.load));
  console.log(`The badges' room on 1,500 pupils x 10 sessions (15,000 cells), /bench/office, plain Chromium, ${ROUNDS} loads each`);
  console.log(`  room now:    ${now.css}`);
  console.log(`  room before: ${before}`);
  const none = runs[0]!;
  for (const run of runs) {
    const interval = ratioInterval(run.loads, none.loads).map((r) => r.toFixed(3)).join(' to ');
    const ratio = run === none ? '' : `; load ÷ no room ${(median(run.loads) / median(none.loads)).toFixed(3)} (90% interval ${interval})`;
    console.log(`  ${run.name.padEnd(12)} load ${median(run.loads).toFixed(0)} ms${ratio}; main-thread work ${workMedians(run.works)}`);
  }
  await Promise.all(runs.map((r) => r.context.close()));
} finally {
  await server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
