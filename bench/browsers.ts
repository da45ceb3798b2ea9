// The browser the benchmarks compare Markwise against: the same Chromium, flags and window, with no
// extension, in a profile directory of its own (HOME and the XDG folders too, so nothing is shared).

import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, launchWithExtension, QUIET_FLAGS } from '../test/e2e/fixtures';
import { median, medianAndRange, ratioInterval } from './stats';

export function launchWithout(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: QUIET_FLAGS,
    env: { ...process.env, HOME: profileDir, XDG_CONFIG_HOME: join(profileDir, 'config'), XDG_CACHE_HOME: join(profileDir, 'cache') },
    viewport: { width: 1400, height: 900 },
  });
}

/**
 * The floor an extension cannot go under (issue 15, item 1: "an empty extension costs about 1.05
 * here"): the same Chromium with an extension whose content script is empty, declared for the same
 * pages and at the same moment as the built extension's (`like`, its folder), and nothing else.
 */
export function launchWithEmptyExtension(profileDir: string, like: string): Promise<BrowserContext> {
  const built = JSON.parse(readFileSync(join(like, 'manifest.json'), 'utf8')) as { content_scripts?: { matches: string[]; run_at?: string }[] };
  const declared = built.content_scripts?.[0];
  if (declared === undefined) throw new Error(`${like}/manifest.json declares no content script to be like`);
  const folder = join(profileDir, 'empty-extension');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Empty', version: '1.0', content_scripts: [{ matches: declared.matches, run_at: declared.run_at, js: ['content.js'] }] }));
  writeFileSync(join(folder, 'content.js'), '');
  return launchWithExtension(profileDir, folder);
}

/** Main-thread work, ms, from Chromium's own counters (task, layout and style-recalculation time). */
export interface MainThreadWork {
  readonly task: number;
  readonly layout: number;
  readonly style: number;
}

/**
 * Chromium's counters of a page's main-thread work (CDP Performance.getMetrics), for the document the
 * page has now: they start again at each navigation (checked: four loads of the office page read 1.06
 * to 1.30 s each, not a running sum). Unlike the load event, they count what was done, not when the
 * browser chose to fire an event; so what a build adds to a page shows run to run, where the load
 * event's time moves with the machine (issue 15, item 6).
 */
export async function mainThreadWork(page: Page): Promise<() => Promise<MainThreadWork>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { task: value('TaskDuration'), layout: value('LayoutDuration'), style: value('RecalcStyleDuration') };
  };
}

/** Medians of main-thread work, as the benches print them: "1973 ms (layout 443, style 188)". */
export function workMedians(list: readonly MainThreadWork[]): string {
  const of = (part: keyof MainThreadWork) => median(list.map((w) => w[part])).toFixed(0);
  return `${of('task')} ms (layout ${of('layout')}, style ${of('style')})`;
}

/** One page's main-thread work (task time) by another's, medians, with the 90% interval over rounds. */
export function workRatio(a: readonly MainThreadWork[], b: readonly MainThreadWork[]): string {
  const tasks = (list: readonly MainThreadWork[]) => list.map((w) => w.task);
  return `${(median(tasks(a)) / median(tasks(b))).toFixed(3)} (90% interval ${ratioInterval(tasks(a), tasks(b)).map((r) => r.toFixed(3)).join(' to ')})`;
}

/** The durations of the long tasks that started after `from` (ms on the page's clock), two seconds after it. */
export async function longTasksAfter(page: Page, from: number): Promise<number[]> {
  return page.evaluate(
    (after) =>
      new Promise<number[]>((resolve) => {
        const wait = Math.max(0, after + 2000 - performance.now());
        setTimeout(() => {
          const found: number[] = [];
          const observer = new PerformanceObserver(() => {});
          // Buffered: the long tasks since navigation, not only from now.
          observer.observe({ type: 'longtask', buffered: true });
          for (const entry of observer.takeRecords()) if (entry.startTime >= after) found.push(Math.round(entry.duration));
          observer.disconnect();
          resolve(found);
        }, wait);
      }),
    from,
  );
}

/** A frame of the page that took over 50 ms, rendering included, and how much of it was Markwise's script. */
export interface LongFrame {
  /** When its rendering started, on the page's clock (ms after navigation start); 0: it rendered nothing. */
  readonly renderStart: number;
  readonly duration: number;
  /** Its style, layout and paint: from its rendering's start to its end. */
  readonly rendering: number;
  /** Script from `ours` (a URL part: the widget's file, or chrome-extension://) in the frame: scripts under 5 ms are not listed by the browser. */
  readonly ours: number;
}

/**
 * The long animation frames (Chromium's Long Animation Frames API) from navigation to two seconds
 * after `from` (the load event). The page's first full layout and paint comes before the load event
 * in some loads and after it in others, so a window starting at the load event misses it in some.
 * Unlike a long task, a frame counts whether or not a script ran in it: the page's own first layout
 * and paint is a long frame with or without Markwise, and a long task only when some callback (the
 * page's, or Markwise's) happens to run in it. Like by like, then, for what Markwise adds to the
 * page's frames (issue 15, items 2 and 6).
 */
export async function longFramesUntil(page: Page, from: number, ours: string): Promise<LongFrame[]> {
  return page.evaluate(
    ([after, part]) =>
      new Promise<LongFrame[]>((resolve) => {
        setTimeout(() => {
          const observer = new PerformanceObserver(() => {});
          observer.observe({ type: 'long-animation-frame', buffered: true });
          type Frame = PerformanceEntry & { renderStart: number; scripts: { duration: number; sourceURL: string }[] };
          const frames = observer.takeRecords() as Frame[];
          observer.disconnect();
          resolve(frames.map((f) => ({ renderStart: Math.round(f.renderStart), duration: Math.round(f.duration), rendering: f.renderStart > 0 ? Math.round(f.startTime + f.duration - f.renderStart) : 0, ours: Math.round(f.scripts.filter((s) => s.sourceURL.includes(part)).reduce((t, s) => t + s.duration, 0)) })));
        }, Math.max(0, after + 2000 - performance.now()));
      }),
    [from, ours] as const,
  );
}

/**
 * Each load's long frames whose rendering started at or after its load event (`loads[i]`, on the
 * page's clock): how many, and their rendering (style, layout, paint) together. By when the rendering
 * started, not the frame: the page's own first full paint after the load event belongs to a frame
 * that started with the load event's task. Like by like with the page without Markwise: what
 * Markwise's work after the load event (its badges going into the rows near the screen, say) costs
 * the page's rendering, which no long task shows.
 */
export function framesAfterLoad(frames: readonly (readonly LongFrame[])[], loads: readonly number[]): { count: number; rendering: number }[] {
  return frames.map((list, i) => {
    const after = list.filter((f) => f.renderStart > 0 && f.renderStart >= loads[i]!);
    return { count: after.length, rendering: after.reduce((total, f) => total + f.rendering, 0) };
  });
}

/** framesAfterLoad's loads as the benches print them: the medians of the count and of the rendering. */
export function framesAfterLoadText(loads: readonly { count: number; rendering: number }[]): string {
  return `${median(loads.map((l) => l.count))} frames, rendering ${medianAndRange(loads.map((l) => l.rendering))}`;
}

/** Each load's longest rendering, from its frames: the page's first full layout and paint. */
export function longestRenderings(loads: readonly (readonly LongFrame[])[]): number[] {
  return loads.map((frames) => Math.max(0, ...frames.map((f) => f.rendering)));
}

/** The codes a teacher types in bench/typing.ts and bench/trace-typing.ts, one a cell in turn. */
const CODES = ['/', '\\', 'N', 'L', 'U', '/', 'C', '\\'];

/** The keys for one cell of the register: clear it, type a code, Tab to the next. */
export function keysForCell(cell: number): readonly string[] {
  return ['Backspace', CODES[cell % CODES.length]!, 'Tab'];
}

/** A style put in every page of `context` at DOMContentLoaded: a diagnosis (what hiding a part costs), never a build's change. */
export async function styleAtDomContentLoaded(context: BrowserContext, css: string): Promise<void> {
  await context.addInitScript((text) =>
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = text;
      document.head.append(style);
    }), css);
}
