// Where a key's time goes on the class register, from Chromium traces (issue 15, item 3). Types as
// bench/typing.ts does (clear the cell, a code, Tab; one key every 100 ms) on /register/class?class=4A,
// with the built extension (or, with --without, without it), tracing each round, and prints per key:
// the time from keydown to the end of the frame after it, split into the main thread's work before
// that frame begins (Markwise's own script in it: its listeners and observers), the wait for the
// frame, and the frame itself (its paint); then what comes after that frame before the next key (the
// frames Markwise's reaction draws). Means per key unless said; a diagnosis, with no target: the
// ratio with a target is bench/typing.ts's, without the tracing's own cost.
//
//   npx tsx bench/trace-typing.ts [--without | --hide-badges | --css "selector { ... }"] [--rounds 3] [--cells 20]
// --hide-badges: the in-row badges hidden (display: none) by a style put in at DOMContentLoaded;
// --css: any other style put in the same way, to try a change without a build. Needs the e2e build.

import type { BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startDemoMis } from '../demo/mis/server';
import { EXTENSION_DIR, launchWithExtension, serviceWorkerOf, bundleReady } from '../test/e2e/fixtures';
import { keysForCell, launchWithout, styleAtDomContentLoaded } from './browsers';
import { median, percentile } from './stats';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { data?: Record<string, unknown> } }

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const WITHOUT = process.argv.includes('--without');
const CSS = process.argv.includes('--hide-badges') ? 'markwise-pupil-badge { display: none !important; }' : (arg('--css') ?? '');
const ROUNDS = Number(arg('--rounds') ?? 3);
const CELLS = Number(arg('--cells') ?? 20);

const server = await startDemoMis({ port: 0 });
const url = `${server.url}/register/class?class=4A`;
const dir = mkdtempSync(join(os.tmpdir(), 'markwise-trace-typing-'));
const context: BrowserContext = WITHOUT
  ? await launchWithout(dir)
  : await launchWithExtension(dir, EXTENSION_DIR);

/** Per key, ms. */
interface Key {
  toFrameEnd: number;
  ourScript: number;
  mainBefore: number;
  wait: number;
  frame: number;
  framePaint: number;
  frameStyleLayout: number;
  frameScript: number;
  frameRest: number;
  laterFrames: number;
  laterWork: number;
}

try {
  if (!WITHOUT) await bundleReady(await serviceWorkerOf(context));
  if (CSS) await styleAtDomContentLoaded(context, CSS);
  const page: Page = context.pages()[0] ?? (await context.newPage());
  const keys: Key[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    await page.goto(url, { waitUntil: 'load' });
    if (!WITHOUT) await page.waitForSelector('markwise-root[data-ready-at]', { state: 'attached', timeout: 30_000 });
    await page.locator('input.reg-code:not([disabled])').first().focus();
    await page.waitForTimeout(1000);
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,cc', transferMode: 'ReportEvents' });
    await page.waitForTimeout(200);
    for (let cell = 0; cell < CELLS; cell++) {
      for (const key of keysForCell(cell)) {
        await page.keyboard.press(key);
        await page.waitForTimeout(100);
      }
    }
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    // Round 0 warms the caches and the extension's code.
    if (round === 0) continue;

    const keydowns = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.['type'] === 'keydown').sort((a, b) => a.ts - b.ts);
    const { pid, tid } = keydowns[0]!;
    const main = events.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts);
    const frames = main.filter((e) => e.name === 'ProxyMain::BeginMainFrame');
    const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
    const ours = main.filter((e) => e.name === 'FunctionCall' && /^chrome-extension:/.test(String(e.args?.data?.['url'] ?? '')));
    const within = (list: TraceEvent[], from: number, to: number) => list.filter((e) => e.ts >= from && e.ts + (e.dur ?? 0) <= to);
    const overlapping = (list: TraceEvent[], from: number, to: number) => list.filter((e) => e.ts + (e.dur ?? 0) > from && e.ts < to);
    // A nested event of the same kind (a Paint inside a Paint) counted once.
    const outermost = (list: TraceEvent[]) => list.filter((e, j) => !list.slice(0, j).some((o) => o.ts + o.dur! >= e.ts + e.dur!));
    const sum = (list: TraceEvent[]) => list.reduce((total, e) => total + (e.dur ?? 0), 0) / 1000;
    keydowns.forEach((keydown, i) => {
      const next = keydowns[i + 1]?.ts ?? Infinity;
      const frame = frames.find((f) => f.ts > keydown.ts);
      // A key that changed nothing on screen (Backspace in an empty cell) draws no frame.
      if (frame === undefined || frame.ts > next) return;
      const frameEnd = frame.ts + frame.dur!;
      // The tasks before the frame's own (the frame runs in a task of its own).
      const before = overlapping(tasks, keydown.ts, frame.ts).filter((t) => t.ts + t.dur! <= frame.ts);
      const later = frames.filter((f) => f.ts > frame.ts && f.ts < next);
      keys.push({
        toFrameEnd: (frameEnd - keydown.ts) / 1000,
        // Outermost calls only (a call inside a call is counted in it).
        ourScript: sum(outermost(within(ours, keydown.ts, frame.ts))),
        mainBefore: before.reduce((total, t) => total + t.ts + t.dur! - Math.max(t.ts, keydown.ts), 0) / 1000,
        wait: (frame.ts - Math.max(keydown.ts, ...before.map((t) => t.ts + t.dur!))) / 1000,
        frame: frame.dur! / 1000,
        framePaint: sum(outermost(within(main, frame.ts, frameEnd).filter((e) => e.name === 'Paint'))),
        frameStyleLayout: sum(outermost(within(main, frame.ts, frameEnd).filter((e) => e.name === 'UpdateLayoutTree' || e.name === 'Layout'))),
        frameScript: sum(outermost(within(main, frame.ts, frameEnd).filter((e) => e.name === 'FireAnimationFrame' || e.name === 'FunctionCall' || /Observer/.test(e.name)))),
        frameRest: sum(outermost(within(main, frame.ts, frameEnd).filter((e) => ['PrePaint', 'Layerize', 'Commit'].includes(e.name)))),
        laterFrames: later.length,
        laterWork: sum(within(tasks, frameEnd, next === Infinity ? frameEnd + 100_000 : next)),
      });
    });
  }
  const mean = (part: keyof Key) => keys.reduce((total, k) => total + k[part], 0) / keys.length;
  const list = (part: keyof Key) => keys.map((k) => k[part]);
  const f = (v: number) => v.toFixed(2);
  console.log(`${WITHOUT ? 'Without Markwise' : 'With Markwise'}${CSS ? `, style "${CSS}"` : ''}: ${keys.length} keys that drew a frame, ${ROUNDS} rounds (traced; times include the tracing's own cost)`);
  console.log(`  keydown to the end of its frame: p50 ${f(median(list('toFrameEnd')))} ms, p95 ${f(percentile(list('toFrameEnd'), 95))}, mean ${f(mean('toFrameEnd'))}`);
  console.log(`  before the frame: main-thread tasks ${f(mean('mainBefore'))} ms (Markwise's script ${f(mean('ourScript'))}); waiting for the frame p50 ${f(median(list('wait')))}, mean ${f(mean('wait'))}`);
  console.log(`  the frame: ${f(mean('frame'))} ms on the main thread (p50 ${f(median(list('frame')))}), of it: script (animation-frame and observer callbacks) ${f(mean('frameScript'))}, style and layout ${f(mean('frameStyleLayout'))}, paint ${f(mean('framePaint'))}, pre-paint, layerizing and commit ${f(mean('frameRest'))}`);
  console.log(`  after it, before the next key: ${f(mean('laterFrames'))} frames, ${f(mean('laterWork'))} ms of main-thread tasks`);
} finally {
  await context.close().catch(() => {});
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
