// The command line as people and scripts run it, for tests: a real process (tsx, as `npm run
// markwise --` does) from the repository root, with its exit status and both outputs.

import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const REPOSITORY = join(__dirname, '..', '..');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function markwise(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(join(REPOSITORY, 'node_modules/.bin/tsx'), ['cli/markwise.ts', ...args], { cwd: REPOSITORY, env: { ...process.env, NO_COLOR: '' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}
