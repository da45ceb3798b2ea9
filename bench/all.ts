// `npm run bench`: the engine (bench/run.ts, with every option it takes), then the extension on a
// 15,000-cell page (bench/extension.ts), typing on the class register with and without it
// (bench/typing.ts, issue 15, item 3), the widget on the same page (bench/widget.ts, its tag in the
// head as the README shows, then deferred at the end) and the big
// inputs of issue 5 (bench/imports.ts: a year's export on the check page, a 2,000-pupil report),
// checking that year's export against papaparse alone, on the command line and the check page
// (bench/export-check.ts, issue 13), and the command line as a program: its start-up, and a year's
// export against papaparse alone, each a process of its own (bench/cli-program.ts, issue 15), and the
// service worker's start-up against one that only answers (bench/service-worker.ts, issue 15),
// after a fresh development build (and its e2e twin). `--engine-only` stops
// after the engine. Each part reports; the command exits 0 unless a part could not run.

import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const engineOnly = args.includes('--engine-only');
const engineArgs = args.filter((a) => a !== '--engine-only');
const extensionArgs = args.filter((a) => a === '--json');

function run(command: string, commandArgs: string[]): void {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npx', ['tsx', 'bench/run.ts', ...engineArgs]);
if (!engineOnly && !args.includes('--help') && !args.includes('-h')) {
  run('npm', ['run', 'build']);
  // bench/extension.ts times the e2e build, whose open shadow roots let it read the panel and tip.
  run('npm', ['run', 'build:e2e']);
  run('npx', ['tsx', 'bench/extension.ts', ...extensionArgs]);
  run('npx', ['tsx', 'bench/typing.ts', ...extensionArgs]);
  run('npx', ['tsx', 'bench/widget.ts', ...extensionArgs]);
  // The README's tag is in the head; a deferred tag at the end costs the page a second layout of its
  // table (BENCHMARKS.md, issue 15, item 2), reported here so that the difference stays in view.
  run('npx', ['tsx', 'bench/widget.ts', '--script', 'end-defer', '--loads', '9', ...extensionArgs]);
  run('npx', ['tsx', 'bench/imports.ts', ...extensionArgs]);
  run('npx', ['tsx', 'bench/export-check.ts', ...extensionArgs]);
  run('npx', ['tsx', 'bench/cli-program.ts', ...extensionArgs]);
  run('npx', ['tsx', 'bench/service-worker.ts', ...extensionArgs]);
}
