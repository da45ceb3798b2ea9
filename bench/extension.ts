// `npm run bench` (second part): the extension on a whole-school office page,
// 1,500 pupils by 10 sessions (15,000 cells), in headless Chromium, in one run:
//   - the page's own load event with the extension, against the same event without it (target: ratio
//     of medians at most 1.10, with each round's ratio and a 90% bootstrap interval for the spread),
//     and the panel complete within 100 ms of DOMContentLoaded (reported on its own: it is not divided
//     by the other's load);
//   - the same load event with an extension whose content script is empty, declared like Markwise's:
//     the floor any extension pays here (the "about 1.05"), so that Markwise's own share shows;
//   - long tasks in the two seconds after the panel is complete (issue 15: none over 50 ms, badges
//     and markers included), beside the same page's without the extension in the two seconds after its load;
//   - main-thread work from navigation to two seconds after the load event (Chromium's own counters of
//     task, layout and style time), with and without: what Markwise adds to the page's work, which
//     moves far less from run to run than the load event's time does;
//   - a keystroke in a cell: from its frame drawn to its hint updated (target: 95th percentile under 8 ms);
//   - the content script's size (target: at most 40 KB gzipped, issue 12; it was 30 KB).
// Reports and exits 0: a benchmark is not a test. It loads the e2e build (npm run build:e2e): the
// development build with open shadow roots, so that it can read the panel's count and the tip; the
// two differ in that one constant only (test/unit/manifests.test.ts). The size is the shipped script's.
//
//   npm run bench                                  both benchmarks (builds the extension first)
//   npx tsx bench/extension.ts --loads 9 --keys 300 --json

import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startDemoMis } from '../demo/mis/server';
import { alternately } from './alternately';
import { EXTENSION_DIR, launchWithExtension, serviceWorkerOf, bundleReady, SHIPPED_EXTENSION_DIR } from '../test/e2e/fixtures';
import { median, medianAndRange, percentile, ratioInterval } from './stats';
import { framesAfterLoad, framesAfterLoadText, launchWithEmptyExtension, launchWithout, longestRenderings, longFramesUntil, longTasksAfter, mainThreadWork, workMedians, workRatio, type LongFrame, type MainThreadWork } from './browsers';

const TARGET_RATIO = 1.1;
const TARGET_AFTER_DCL_MS = 100;
const TARGET_KEY_P95_MS = 8;
const TARGET_SIZE_BYTES = 40 * 1024;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const LOADS = option('--loads', 9);
const KEYS = option('--keys', 200);
const json = process.argv.includes('--json');



interface LoadTiming {
  /** When the server's response had arrived. */
  responseEnd: number;
  /** When DOMContentLoaded was fired (Markwise's page work runs inside that event). */
  domContentLoaded: number;
  load: number;
}

async function navigationTiming(page: Page): Promise<LoadTiming> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventStart, load: nav.loadEventEnd };
  });
}

/** Types into one cell; returns keydown-to-input times, and input-to-hint times when the tip is there. */
async function measureTyping(page: Page, withHint: boolean): Promise<{ insert: number[]; hint: number[] }> {
  await page.locator('input.reg-code').nth(4321).click();
  await page.evaluate((watchTip) => {
    const w = window as unknown as { keyDown: number; input: number; frameDrawn: number; insert: number[]; hint: number[] };
    w.insert = [];
    w.hint = [];
    w.keyDown = 0;
    w.input = 0;
    w.frameDrawn = 0;
    // Registered before any page or extension listener runs: capture on window. The key's frame is
    // drawn when a message posted from its animation callback runs.
    window.addEventListener(
      'keydown',
      () => {
        w.keyDown = performance.now();
        w.frameDrawn = 0;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (w.frameDrawn = performance.now());
          channel.port2.postMessage(0);
        });
      },
      true,
    );
    window.addEventListener(
      'input',
      () => {
        w.input = performance.now();
        if (w.keyDown > 0) w.insert.push(w.input - w.keyDown);
        w.keyDown = 0;
      },
      true,
    );
    if (!watchTip) return;
    const tip = document.querySelector('markwise-root')!.shadowRoot!.querySelector('.tip')!;
    // Markwise's part of a key: from the key's frame drawn (the page's own work done) to the tip changed.
    new MutationObserver(() => {
      if (w.frameDrawn > 0) {
        w.hint.push(performance.now() - w.frameDrawn);
        w.frameDrawn = 0;
      }
    }).observe(tip, { childList: true, subtree: true, characterData: true, attributes: true });
  }, withHint);
  const keys = ['N', 'Backspace', 'L', 'Backspace', 'H', 'Backspace', 'U', 'Backspace', 'C', '1', 'Backspace', 'Backspace'];
  for (let i = 0; i < KEYS; i++) await page.keyboard.press(keys[i % keys.length]!);
  return page.evaluate(() => {
    const w = window as unknown as { insert: number[]; hint: number[] };
    return { insert: w.insert, hint: w.hint };
  });
}

const server = await startDemoMis({ port: 0 });
const url = `${server.url}/bench/office?pupils=1500&sessions=10`;
const profiles: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'markwise-bench-'));
  profiles.push(dir);
  return dir;
};

try {
  // Without the extension: the same Chromium, the same flags. Loads alternate between the two
  // browsers, so that both medians are taken under the same conditions on a noisy machine.
  const plainDir = tmp();
  const plain = await launchWithout(plainDir);
  const plainPage = plain.pages()[0] ?? (await plain.newPage());
  const empty = await launchWithEmptyExtension(tmp(), EXTENSION_DIR);
  const emptyPage = empty.pages()[0] ?? (await empty.newPage());
  const context = await launchWithExtension(tmp(), EXTENSION_DIR);
  await bundleReady(await serviceWorkerOf(context));
  const page = context.pages()[0] ?? (await context.newPage());
  const without: LoadTiming[] = [];
  const withEmpty: LoadTiming[] = [];
  const withExtension: (LoadTiming & { panel: number; findings: number; longTasks: number[]; frames: LongFrame[] })[] = [];
  const plainLongTasks: number[][] = [];
  const plainFrames: LongFrame[][] = [];
  // Warm-up loads: server and browser caches.
  await plainPage.goto(url);
  await emptyPage.goto(url);
  await page.goto(url);
  await page.waitForSelector('markwise-root[data-ready-at]', { state: 'attached' });
  // Main-thread work from navigation to 2 s after the load event, each page's own counters.
  const [workWithout, workWith] = await Promise.all([mainThreadWork(plainPage), mainThreadWork(page)]);
  const work: { with: MainThreadWork[]; without: MainThreadWork[] } = { with: [], without: [] };
  const loadWithout = async () => {
    await plainPage.goto(url, { waitUntil: 'load' });
    const timing = await navigationTiming(plainPage);
    without.push(timing);
    plainLongTasks.push(await longTasksAfter(plainPage, timing.load));
    plainFrames.push(await longFramesUntil(plainPage, timing.load, 'chrome-extension://'));
    work.without.push(await workWithout());
  };
  const loadWith = async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('markwise-root[data-ready-at]', { state: 'attached', timeout: 30_000 });
    const timing = await navigationTiming(page);
    const panel = Number(await page.locator('markwise-root').getAttribute('data-ready-at'));
    const findings = Number(await page.locator('markwise-root aside.panel').getAttribute('data-findings'));
    const longTasks = await longTasksAfter(page, panel);
    // Frames, rendering included, whether or not a script ran in them: like by like with the plain page's after its load.
    withExtension.push({ ...timing, panel, findings, longTasks, frames: await longFramesUntil(page, timing.load, 'chrome-extension://') });
    work.with.push(await workWith());
  };
  const loadEmpty = async () => {
    await emptyPage.goto(url, { waitUntil: 'load' });
    withEmpty.push(await navigationTiming(emptyPage));
  };
  // Three browsers in turn, each round led by the next.
  await alternately(LOADS, loadWithout, loadWith, loadEmpty);
  await plain.close();
  await empty.close();

  // Keystrokes, timed in the page on its own clock. Markwise's part runs after the frame that shows
  // the typed character is drawn (issue 15, item 3: it used to run inside the input event and hold
  // that frame back), so it is timed from that frame to the tip's change. Before it, the browser
  // inserts the character and draws it, which on a 15,000-cell page means laying the page out: the
  // page's own cost, measured here with and without the extension (keydown to input).
  const typing = await measureTyping(page, true);
  await context.close();
  const plainAgainDir = tmp();
  const plainAgain = await launchWithout(plainAgainDir);
  const plainTypingPage = plainAgain.pages()[0] ?? (await plainAgain.newPage());
  await plainTypingPage.goto(url, { waitUntil: 'load' });
  const plainTyping = await measureTyping(plainTypingPage, false);
  await plainAgain.close();
  const keyTimes = typing.hint;

  const script = readFileSync(join(SHIPPED_EXTENSION_DIR, 'content-scripts/content.js'));
  const gzipped = gzipSync(script, { level: 9 }).length;

  const loadMedianWithout = median(without.map((t) => t.load));
  const loadMedianWith = median(withExtension.map((t) => t.load));
  const panelWith = median(withExtension.map((t) => t.panel));
  const afterDcl = median(withExtension.map((t) => t.panel - t.domContentLoaded));
  // Like by like (issue 15, item 6): the page's own load event with Markwise by the same event
  // without it. The panel's time is reported on its own, never divided by the other's load.
  const ratio = loadMedianWith / loadMedianWithout;
  // Each round's loads were taken one after the other (alternately): their ratios show the spread.
  const roundRatios = withExtension.map((t, i) => t.load / without[i]!.load);
  // How far the ratio could move on another run of as many rounds (the rounds drawn again, pairs kept).
  const interval = ratioInterval(withExtension.map((t) => t.load), without.map((t) => t.load));
  const loadMedianEmpty = median(withEmpty.map((t) => t.load));
  const p95 = percentile(keyTimes, 95);
  const longestAfterPanel = Math.max(0, ...withExtension.flatMap((t) => t.longTasks));
  const longestPlainAfterLoad = Math.max(0, ...plainLongTasks.flat());
  const results = {
    page: '1,500 pupils x 10 sessions (15,000 cells), /bench/office on the demo MIS',
    loads: LOADS,
    withoutExtension: { responseEndMedianMs: median(without.map((t) => t.responseEnd)), domContentLoadedMedianMs: median(without.map((t) => t.domContentLoaded)), loadMedianMs: loadMedianWithout },
    withExtension: { responseEndMedianMs: median(withExtension.map((t) => t.responseEnd)), domContentLoadedMedianMs: median(withExtension.map((t) => t.domContentLoaded)), panelCompleteMedianMs: panelWith, loadMedianMs: median(withExtension.map((t) => t.load)), panelAfterDomContentLoadedMedianMs: afterDcl, findings: withExtension[0]?.findings ?? 0 },
    emptyExtension: { responseEndMedianMs: median(withEmpty.map((t) => t.responseEnd)), domContentLoadedMedianMs: median(withEmpty.map((t) => t.domContentLoaded)), loadMedianMs: loadMedianEmpty },
    ratio,
    ratioInterval90: interval,
    emptyRatio: loadMedianEmpty / loadMedianWithout,
    withByEmptyRatio: loadMedianWith / loadMedianEmpty,
    roundRatios: { median: median(roundRatios), min: Math.min(...roundRatios), max: Math.max(...roundRatios), all: roundRatios },
    loadSpreadMs: { without: [Math.min(...without.map((t) => t.load)), Math.max(...without.map((t) => t.load))], with: [Math.min(...withExtension.map((t) => t.load)), Math.max(...withExtension.map((t) => t.load))] },
    longTasksAfterPanelMs: withExtension.map((t) => t.longTasks),
    longTasksAfterLoadWithoutMs: plainLongTasks,
    longFramesToTwoSecondsAfterLoad: { withExtension: withExtension.map((t) => t.frames), without: plainFrames },
    // The frames over 50 ms whose rendering started after each load's load event: how many, and their rendering.
    longFramesAfterLoad: { withExtension: framesAfterLoad(withExtension.map((t) => t.frames), withExtension.map((t) => t.load)), without: framesAfterLoad(plainFrames, without.map((t) => t.load)) },
    mainThreadWorkMs: work,
    keystrokes: {
      count: keyTimes.length,
      frameToHintMedianMs: median(keyTimes),
      frameToHintP95Ms: p95,
      frameToHintMaxMs: Math.max(...keyTimes),
      keydownToInputWithMedianMs: median(typing.insert),
      keydownToInputWithP95Ms: percentile(typing.insert, 95),
      keydownToInputWithoutMedianMs: median(plainTyping.insert),
      keydownToInputWithoutP95Ms: percentile(plainTyping.insert, 95),
    },
    contentScript: { bytes: script.length, gzippedBytes: gzipped },
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', node: process.version },
    pass: { ratio: ratio <= TARGET_RATIO, afterDomContentLoaded: afterDcl <= TARGET_AFTER_DCL_MS, noLongTaskAfterPanel: longestAfterPanel <= 50, keystrokes: p95 < TARGET_KEY_P95_MS, size: gzipped <= TARGET_SIZE_BYTES },
  };
  if (json) console.log(JSON.stringify(results, null, 2));
  else {
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    console.log(`\nThe extension on ${results.page}, ${LOADS} loads each, ${results.machine.cpus} cores`);
    console.log(`  without: response ${ms(results.withoutExtension.responseEndMedianMs)}, DOMContentLoaded ${ms(results.withoutExtension.domContentLoadedMedianMs)}, load ${ms(loadMedianWithout)} (medians)`);
    console.log(`  with:    response ${ms(results.withExtension.responseEndMedianMs)}, DOMContentLoaded ${ms(results.withExtension.domContentLoadedMedianMs)}, load ${ms(results.withExtension.loadMedianMs)}`);
    console.log(`  empty:   response ${ms(results.emptyExtension.responseEndMedianMs)}, DOMContentLoaded ${ms(results.emptyExtension.domContentLoadedMedianMs)}, load ${ms(loadMedianEmpty)} (an extension whose content script is empty)`);
    console.log(`  load event with / without (medians)          ${ratio.toFixed(3)} (90% interval ${interval.map((r) => r.toFixed(3)).join(' to ')}; per round median ${results.roundRatios.median.toFixed(3)}, ${Math.min(...roundRatios).toFixed(2)} to ${Math.max(...roundRatios).toFixed(2)}; load without ${ms(results.loadSpreadMs.without[0]!)} to ${ms(results.loadSpreadMs.without[1]!)}, with ${ms(results.loadSpreadMs.with[0]!)} to ${ms(results.loadSpreadMs.with[1]!)})   target <= ${TARGET_RATIO}   ${verdict(results.pass.ratio)}`);
    console.log(`    an empty extension / without ${results.emptyRatio.toFixed(3)}; with Markwise / the empty extension ${results.withByEmptyRatio.toFixed(3)} (Markwise's own share)`);
    console.log(`  panel complete with the extension (median)   ${ms(panelWith)} after navigation start   (${results.withExtension.findings} findings)`);
    console.log(`  panel complete after DOMContentLoaded        ${ms(afterDcl)}   target <= ${TARGET_AFTER_DCL_MS} ms   ${verdict(results.pass.afterDomContentLoaded)}`);
    console.log(`  long tasks in the 2 s after the panel complete: longest ${longestAfterPanel} ms (without the extension, after load: ${longestPlainAfterLoad} ms)   target: none over 50 ms   ${verdict(results.pass.noLongTaskAfterPanel)}`);
    const ours = withExtension.flatMap((t) => t.frames.map((f) => f.ours));
    console.log(`  longest rendering (style, layout, paint) of a frame from navigation to 2 s after the load event, per load:`);
    console.log(`    with the extension ${medianAndRange(longestRenderings(withExtension.map((t) => t.frames)))} (its own script in any such frame at most ${Math.max(0, ...ours)} ms); without it ${medianAndRange(longestRenderings(plainFrames))}`);
    console.log(`  frames over 50 ms in the 2 s after the load event, per load (medians): with the extension ${framesAfterLoadText(results.longFramesAfterLoad.withExtension)}; without it ${framesAfterLoadText(results.longFramesAfterLoad.without)}`);
    console.log(`  main-thread work, navigation to 2 s after load (medians): with the extension ${workMedians(work.with)}; without ${workMedians(work.without)}; with ÷ without ${workRatio(work.with, work.without)}`);
    console.log(`  keystroke: its frame drawn to its hint updated, ${keyTimes.length} keys: median ${ms(median(keyTimes))}, p95 ${ms(p95)}   target p95 < ${TARGET_KEY_P95_MS} ms   ${verdict(results.pass.keystrokes)}`);
    const k = results.keystrokes;
    console.log(`    the browser's own keydown to input: with Markwise median ${ms(k.keydownToInputWithMedianMs)}, p95 ${ms(k.keydownToInputWithP95Ms)}; without, median ${ms(k.keydownToInputWithoutMedianMs)}, p95 ${ms(k.keydownToInputWithoutP95Ms)}`);
    console.log(`  content script ${(script.length / 1024).toFixed(1)} KB, gzipped (-9) ${(gzipped / 1024).toFixed(1)} KB   target <= ${TARGET_SIZE_BYTES / 1024} KB   ${verdict(results.pass.size)}`);
  }
} finally {
  await server.close();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
}
