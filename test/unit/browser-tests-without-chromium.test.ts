// On a machine without Chromium, the browser tests stop before the first test with one message
// that says how to get it (issue 14, item 11), rather than failing every test with Playwright's
// "executable doesn't exist". Run as `npm test` runs them: the real Playwright, a real config.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPOSITORY } from '../support/cli';

it('stops the browser tests with one message naming the missing Chromium and how to get it', { timeout: 60_000 }, async () => {
  const missing = '/nonexistent/markwise-test/chromium';
  const run = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      join(REPOSITORY, 'node_modules/.bin/playwright'),
      ['test', 'test/e2e/check-ctf.spec.ts', 'test/e2e/check-wide.spec.ts'],
      { cwd: REPOSITORY, env: { ...process.env, MARKWISE_CHROMIUM: missing, CI: '1' } },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), output: stdout + stderr }),
    );
  });
  expect(run.code).not.toBe(0);
  expect(run.output).toContain(`The browser tests need Chromium, and there is none at ${missing}`);
  expect(run.output).toContain('apt-get install chromium');
  expect(run.output).toContain('MARKWISE_CHROMIUM');
  expect(run.output.match(/The browser tests need Chromium/g)).toHaveLength(1);
  // No test was started: none failed on its own.
  expect(run.output).not.toMatch(/Executable doesn't exist/i);
  expect(run.output).not.toMatch(/\d+ failed/);
});
