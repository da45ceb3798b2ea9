// The browser the benchmarks compare Markwise against: the same Chromium, flags and window, with no
// extension, in a profile directory of its own (HOME and the XDG folders too, so nothing is shared).

import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { join } from 'node:path';
import { CHROMIUM, QUIET_FLAGS } from '../test/e2e/fixtures';

export function launchWithout(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: QUIET_FLAGS,
    env: { ...process.env, HOME: profileDir, XDG_CONFIG_HOME: join(profileDir, 'config'), XDG_CACHE_HOME: join(profileDir, 'cache') },
    viewport: { width: 1400, height: 900 },
  });
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
