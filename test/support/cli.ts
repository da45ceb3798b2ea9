// The command line as people and scripts run it, for tests: a real process running the built
// program (.output/cli/markwise.mjs, package.json's bin, built by vitest's global set-up) from the
// repository root, with its exit status and both outputs.

import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const REPOSITORY = join(__dirname, '..', '..');

/** The program `markwise` as package.json's bin names it. */
export const CLI_PROGRAM = join(REPOSITORY, '.output', 'cli', 'markwise.mjs');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function markwise(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_PROGRAM, ...args], { cwd: REPOSITORY, env: { ...process.env, NO_COLOR: '' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}
