// The command line as a program (issue 15, item 4): package.json's bin, run by npx straight after
// `npm ci`, as built JavaScript that node runs with no TypeScript compiled at run time.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_PROGRAM, REPOSITORY, markwise } from '../test/support/cli';

function npx(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['--no-install', 'markwise', ...args], { cwd: REPOSITORY, env: { ...process.env, NO_COLOR: '' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}

describe('markwise, the program', () => {
  it("is package.json's bin, an executable JavaScript file node runs by its #! line", () => {
    const manifest = JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(join(REPOSITORY, manifest.bin.markwise!)).toBe(CLI_PROGRAM);
    expect(readFileSync(CLI_PROGRAM, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(CLI_PROGRAM).mode & 0o111).not.toBe(0);
  });

  it('runs as `npx markwise` in the repository, with its usage and nothing else on standard output', async () => {
    const { code, stdout, stderr } = await npx('help');
    expect(code).toBe(0);
    expect(stdout.startsWith('Markwise: attendance rules over an exported register.\n')).toBe(true);
    expect(stderr).toBe('');
  }, 60_000);

  it("carries none of the demo's code: the demo generator's main-module code never runs", async () => {
    // Run as a program, demo/make-demo-register.ts writes register.csv beside itself: bundled, that
    // would be beside the built program, at every run.
    expect(await markwise('help')).toMatchObject({ code: 0, stderr: '' });
    expect(await markwise('demo')).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(dirname(CLI_PROGRAM))).toEqual(['markwise.mjs']);
  });

  it('checks the demo register from the built program, reading demo/register.csv from the repository', async () => {
    const { code, stdout } = await markwise('demo');
    expect(code).toBe(0);
    expect(stdout).toContain('This was the demo register (a fictional class), checked as of Wed 26 Nov 2025');
  });

  it("refuses a today past the bank holidays it knows, rather than count a bank holiday as a school day", async () => {
    const { code, stderr } = await markwise('check', 'demo/register.csv', '--policy', 'dfe', '--today', '2045-03-01');
    expect(code).toBe(2);
    expect(stderr).toContain("--today is Wed 1 Mar 2045: this copy of Markwise knows England's bank holidays only to 2045");
    const year = await markwise('check', 'demo/register.csv', '--policy', 'dfe', '--school-year', '2045-46');
    expect(year.code).toBe(2);
    expect(year.stderr).toContain("--school-year: '2045-46' is not a school year");
  });
});
