// The Chromium the browser tests drive: Debian's by default, or MARKWISE_CHROMIUM. Checked once,
// before any browser test, so that a machine without it hears one message that says how to get it.

import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export const CHROMIUM = process.env.MARKWISE_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when Chromium is there and starts. */
export function chromiumProblem(path = CHROMIUM): string | null {
  const where = process.env.MARKWISE_CHROMIUM === undefined ? `${path} (MARKWISE_CHROMIUM is not set)` : `${path} (from MARKWISE_CHROMIUM)`;
  const how = [
    'On Debian or Ubuntu: sudo apt-get install chromium (it installs /usr/bin/chromium).',
    'Elsewhere: set MARKWISE_CHROMIUM to a Chromium or Chrome executable, such as',
    '  MARKWISE_CHROMIUM="/Applications/Chromium.app/Contents/MacOS/Chromium" npm test',
    'No browser test was run. (The README, "Quick start", says the same.)',
  ].join('\n');
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return `The browser tests need Chromium, and there is none at ${where}.\n${how}`;
  }
  try {
    execFileSync(path, ['--version'], { timeout: 30_000, stdio: 'pipe' });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `The browser tests need Chromium, and the one at ${where} does not start (${reason}).\n${how}`;
  }
  return null;
}
