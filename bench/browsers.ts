// The browser the benchmarks compare Markwise against: the same Chromium, flags and window, with no
// extension, in a profile directory of its own (HOME and the XDG folders too, so nothing is shared).

import { chromium, type BrowserContext } from '@playwright/test';
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
