// `npm run bench` (part): the command line as the program people run (issue 15, item 4), against
// node doing the least the same job needs, each as its own process, in the same run:
//   - start-up: `markwise help` (the built .output/cli/markwise.mjs) against `node -e 0`; the target
//     is `markwise help` itself within 150 ms;
//   - a year's export (570,000 rows): `markwise check FILE --policy micklefield --today T --json`
//     against bench/papaparse-program.ts built the same way (bundled, minified: read the file,
//     decode, Papa.parse, tally the marks), wall time from start to exit and peak memory (maxRSS,
//     reported by each process at exit through bench/max-rss.cjs); targets: each ratio of medians
//     at most 1.5.
// Rounds alternate (a, b, b, a, ...) after one warm-up pair. Reports and exits 0.
//
//   npx tsx bench/cli-program.ts [--rounds 7] [--json]

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'vite';
import { alternately } from './alternately';
import { median } from './stats';
import { yearExport } from './year-export';

const TARGET_START_MS = 150;
const TARGET_RATIO = 1.5;

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 7;
const json = args.includes('--json');
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error('Usage: npx tsx bench/cli-program.ts [--rounds N] [--json]');
  process.exit(2);
}

const PROGRAM = resolve('.output/cli/markwise.mjs');
const MAX_RSS = resolve('bench/max-rss.cjs');

interface Run {
  ms: number;
  maxRssMb: number;
}

/** One process from spawn to exit; its output is read and dropped (as a pipe to a file would be). */
function time(argv: readonly string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', MAX_RSS, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const rss = /bench-max-rss-kb (\d+)\s*$/.exec(stderr);
      if (rss === null || (code !== 0 && code !== 1)) fail(new Error(`${argv.join(' ')} ended with status ${code}: ${stderr.slice(0, 400)}`));
      else done({ ms, maxRssMb: Number(rss[1]) / 1024 });
    });
  });
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const spread = (xs: readonly number[]) => ({ median: round1(median(xs)), min: round1(Math.min(...xs)), max: round1(Math.max(...xs)) });

/** Both measurements, alternately, after one warm-up of each. */
async function compare(a: readonly string[], b: readonly string[]) {
  const as: Run[] = [];
  const bs: Run[] = [];
  await time(a);
  await time(b);
  await alternately(
    ROUNDS,
    async () => void as.push(await time(a)),
    async () => void bs.push(await time(b)),
  );
  return { a: as, b: bs };
}

const dir = mkdtempSync(join(os.tmpdir(), 'markwise-bench-cli-'));
try {
  const loadAtStart = round2(os.loadavg()[0]!);
  // The program as `npm ci` builds it, and the yardstick built the same way.
  await build({ configFile: resolve('cli/vite.config.ts'), logLevel: 'warn' });
  await build({
    configFile: false,
    logLevel: 'warn',
    ssr: { noExternal: true, target: 'node' },
    build: { ssr: resolve('bench/papaparse-program.ts'), outDir: dir, emptyOutDir: false, target: 'node20', minify: true, rollupOptions: { output: { entryFileNames: 'papaparse.mjs', format: 'es' } } },
  });
  const year = yearExport();
  const file = join(dir, 'year.csv');
  writeFileSync(file, year.csv);

  const start = await compare([PROGRAM, 'help'], ['-e', '0']);
  const check = await compare([PROGRAM, 'check', file, '--policy', 'micklefield', '--today', year.today, '--json'], [join(dir, 'papaparse.mjs'), file]);
  const help = start.a.map((r) => r.ms);
  const timeRatio = median(check.a.map((r) => r.ms)) / median(check.b.map((r) => r.ms));
  const memoryRatio = median(check.a.map((r) => r.maxRssMb)) / median(check.b.map((r) => r.maxRssMb));
  const result = {
    rounds: ROUNDS,
    machine: { cores: os.cpus().length, node: process.version, loadAverageAtStart: loadAtStart },
    startUp: { markwiseHelpMs: spread(help), bareNodeMs: spread(start.b.map((r) => r.ms)), pass: median(help) <= TARGET_START_MS },
    yearExport: {
      rows: year.rows,
      checkMs: spread(check.a.map((r) => r.ms)),
      papaparseMs: spread(check.b.map((r) => r.ms)),
      timeRatio: round2(timeRatio),
      checkPeakMb: spread(check.a.map((r) => r.maxRssMb)),
      papaparsePeakMb: spread(check.b.map((r) => r.maxRssMb)),
      memoryRatio: round2(memoryRatio),
      pass: { time: timeRatio <= TARGET_RATIO, memory: memoryRatio <= TARGET_RATIO },
    },
  };
  if (json) console.log(JSON.stringify(result, null, 2));
  else {
    const s = (x: { median: number; min: number; max: number }, unit = ' ms') => `median ${x.median}${unit} (${x.min}-${x.max})`;
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    console.log(`\nThe command line as a program (issue 15, item 4): ${ROUNDS} rounds after a warm-up, each a new process; ${result.machine.cores} cores, load ${loadAtStart} at start`);
    console.log(`  markwise help      ${s(result.startUp.markwiseHelpMs)}   target <= ${TARGET_START_MS} ms   ${verdict(result.startUp.pass)}`);
    console.log(`  node -e 0          ${s(result.startUp.bareNodeMs)}   (node's own start-up, for comparison)`);
    const y = result.yearExport;
    console.log(`  a year's export (${y.rows.toLocaleString('en-GB')} rows):`);
    console.log(`    markwise check   ${s(y.checkMs)}, peak ${s(y.checkPeakMb, ' MB')}`);
    console.log(`    papaparse alone  ${s(y.papaparseMs)}, peak ${s(y.papaparsePeakMb, ' MB')}`);
    console.log(`    time ${y.timeRatio}, memory ${y.memoryRatio}   target <= ${TARGET_RATIO} each   ${verdict(y.pass.time)}, ${verdict(y.pass.memory)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
