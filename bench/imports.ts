// `npm run bench` (fourth part): the big inputs of issue 5, after `npm run build`.
//   - Checking a year's register export of a whole school (1,500 pupils, 570,000 rows, about
//     30 MB) on the extension's check-an-export page, in headless Chromium with the built
//     extension: the time from choosing the file to the findings shown, and how late a 10 ms timer
//     in the page fires meanwhile (the page's own thread is free only if the work is elsewhere).
//     Target (issue 5): the page never freezes; we hold it to no timer later than 100 ms.
//   - Reading a 2,000-pupil attendance report as the options page does (on the page's own
//     thread, as it is small): the median of 20 reads. Target: under 50 ms, so no worker is needed.
// Reports and exits 0: a benchmark is not a test.
//
//   npx tsx bench/imports.ts [--runs 3] [--json]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { guessMapping, readReport, readReportTable } from '../rules/attendance-report';
import { decodeFileText } from '../rules/file-text';
import { bundleReady, launchWithExtension, serviceWorkerOf, SHIPPED_EXTENSION_DIR } from '../test/e2e/fixtures';
import { probeUntilChecked, yearExport } from './year-export';
import { median } from './stats';

const TARGET_MAX_LAG_MS = 100;
const TARGET_REPORT_MS = 50;
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 3;
const json = process.argv.includes('--json');


// The year's export, as the e2e test builds it.
const year = yearExport();
const exportCsv = year.csv;

// A 2,000-pupil report, SIMS-style headers.
const report = ['UPN,Legal Surname,Legal Forename,Possible,Present + AEA,Authorised Absence,Unauthorised Absence'];
for (let i = 0; i < 2000; i++) report.push(`A${String(100000000000 + i)},Surname${i},Forename${i},${150 + (i % 50)},${120 + (i % 30)},${i % 9},${i % 7}`);
const reportBytes = new TextEncoder().encode(`${report.join('\r\n')}\r\n`);
const reportTimes: number[] = [];
for (let i = 0; i < 25; i++) {
  const start = performance.now();
  const table = readReportTable(decodeFileText(reportBytes).text);
  if (!table.ok) throw new Error('the bench report does not read');
  const read = readReport(table.table, guessMapping(table.table.header), '2025-11-21', '2025-11-26');
  if (!read.ok || read.report.figures.length !== 2000) throw new Error('the bench report does not read whole');
  if (i >= 5) reportTimes.push(performance.now() - start);
}

const checks: { total: number; maxLag: number; probes: number; progressValues: number }[] = [];
const dir = mkdtempSync(join(tmpdir(), 'markwise-bench-imports-'));
const context = await launchWithExtension(dir, SHIPPED_EXTENSION_DIR);
try {
  const worker = await serviceWorkerOf(context);
  await bundleReady(worker);
  const id = new URL(worker.url()).host;
  const page = await context.newPage();
  for (let run = 0; run < RUNS + 1; run++) {
    await page.goto(`chrome-extension://${id}/check.html`);
    await page.locator('#check-today').fill(year.today);
    const start = Date.now();
    await page.locator('#export-file').setInputFiles({ name: 'year.csv', mimeType: 'text/csv', buffer: exportCsv });
    const { lags, progress } = await probeUntilChecked(page);
    const total = Date.now() - start;
    if ((await page.locator('section[data-outcome="checked"]').count()) === 0) throw new Error('the year export was refused');
    // The first run warms the browser's caches and the worker's code; it is not reported.
    if (run > 0) checks.push({ total, maxLag: Math.max(...lags), probes: lags.length, progressValues: progress.size });
  }
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}

const result = {
  export: { rows: year.rows, megabytes: exportCsv.length / 1024 / 1024, runs: checks, medianTotalMs: median(checks.map((c) => c.total)), worstLagMs: Math.max(...checks.map((c) => c.maxLag)) },
  report: { pupils: 2000, medianMs: median(reportTimes), maxMs: Math.max(...reportTimes) },
};
const lagPass = result.export.worstLagMs <= TARGET_MAX_LAG_MS;
const reportPass = result.report.medianMs < TARGET_REPORT_MS;
if (json) {
  console.log(JSON.stringify({ ...result, verdict: { lag: lagPass, report: reportPass } }));
} else {
  console.log(`\nBig inputs (issue 5)`);
  console.log(`  year's export: ${result.export.rows.toLocaleString('en-GB')} rows, ${result.export.megabytes.toFixed(1)} MB, checked on the extension page ${RUNS} times after a warm-up`);
  for (const c of checks) console.log(`    chosen to findings ${(c.total / 1000).toFixed(1)} s; longest timer delay in the page ${c.maxLag.toFixed(0)} ms over ${c.probes} probes; ${c.progressValues} progress values seen`);
  console.log(`  median chosen to findings: ${(result.export.medianTotalMs / 1000).toFixed(1)} s`);
  console.log(`  page never freezes (no timer more than ${TARGET_MAX_LAG_MS} ms late): worst ${result.export.worstLagMs.toFixed(0)} ms  ${lagPass ? 'PASS' : 'FAIL'}`);
  console.log(`  2,000-pupil report read: median ${result.report.medianMs.toFixed(1)} ms, max ${result.report.maxMs.toFixed(1)} ms (target under ${TARGET_REPORT_MS} ms)  ${reportPass ? 'PASS' : 'FAIL'}`);
}
