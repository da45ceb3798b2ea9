// `npm run bench` (part): the service worker's start-up (issue 15, item 5). The browser stops an idle
// extension's service worker after 30 s and starts it again, parsing and running its whole script,
// for the next message. Measured in headless Chromium with the shipped build, against a yardstick
// extension whose service worker only answers, in the same run: from an extension page, all service
// workers are stopped (DevTools protocol, ServiceWorker.stopAllWorkers), then one message is sent
// and its answer awaited (the worker's start, its script's evaluation, its answer). The message is
// `get-tab-status`, which Markwise's worker answers from memory and storage without other work.
// The page is bench-blank.html, added to a copy of each build (the product is not changed).
// Rounds alternate between the two browsers after one warm-up each. Reports and exits 0.
//
//   npx tsx bench/service-worker.ts [--rounds 15] [--json] [--extension DIR]   (after npm run build;
//   --extension: another build to measure in place of .output/chrome-mv3, such as an older commit's)

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension, serviceWorkerOf, SHIPPED_EXTENSION_DIR } from '../test/e2e/fixtures';
import { alternately } from './alternately';
import { median } from './stats';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 15;
const json = args.includes('--json');
const TARGET_GZIP_BYTES = 100 * 1024;
const extensionAt = args.indexOf('--extension');
const EXTENSION = extensionAt >= 0 ? args[extensionAt + 1]! : SHIPPED_EXTENSION_DIR;

const dir = mkdtempSync(join(os.tmpdir(), 'markwise-bench-sw-'));

/** A copy of an extension with a blank page of its own to send messages from. */
function withBlankPage(source: string | null, name: string): string {
  const out = join(dir, name);
  if (source !== null) cpSync(source, out, { recursive: true });
  else {
    // The yardstick: a service worker that answers every message, and nothing else.
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Yardstick', version: '1.0.0', background: { service_worker: 'background.js' } }));
    writeFileSync(join(out, 'background.js'), 'chrome.runtime.onMessage.addListener((message, sender, reply) => { reply(null); });\n');
  }
  writeFileSync(join(out, 'bench-blank.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>');
  return out;
}

interface Subject {
  context: BrowserContext;
  page: Page;
  stopWorkers: () => Promise<void>;
  samples: number[];
}

async function subject(extension: string, name: string): Promise<Subject> {
  const context = await launchWithExtension(join(dir, `${name}-profile`), extension);
  const worker = await serviceWorkerOf(context);
  const id = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/bench-blank.html`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return { context, page, stopWorkers: async () => void (await cdp.send('ServiceWorker.stopAllWorkers')), samples: [] };
}

/** Stops the worker, then times one message's round trip, which starts it again. */
async function coldMessage(s: Subject, record: boolean): Promise<void> {
  await s.stopWorkers();
  const ms = await s.page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
    const started = performance.now();
    await api.runtime.sendMessage({ type: 'get-tab-status', tabId: 0 });
    return performance.now() - started;
  });
  if (record) s.samples.push(ms);
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const spread = (xs: readonly number[]) => ({ median: round1(median(xs)), min: round1(Math.min(...xs)), max: round1(Math.max(...xs)) });

try {
  const loadAtStart = Math.round(os.loadavg()[0]! * 100) / 100;
  const gzipBytes = gzipSync(readFileSync(join(EXTENSION, 'background.js')), { level: 9 }).length;
  const markwise = await subject(withBlankPage(EXTENSION, 'markwise'), 'markwise');
  const yardstick = await subject(withBlankPage(null, 'yardstick'), 'yardstick');
  try {
    await coldMessage(markwise, false);
    await coldMessage(yardstick, false);
    await alternately(
      ROUNDS,
      () => coldMessage(markwise, true),
      () => coldMessage(yardstick, true),
    );
  } finally {
    await markwise.context.close();
    await yardstick.context.close();
  }
  const ratio = median(markwise.samples) / median(yardstick.samples);
  const result = {
    rounds: ROUNDS,
    loadAverageAtStart: loadAtStart,
    gzipBytes,
    gzipPass: gzipBytes <= TARGET_GZIP_BYTES,
    coldMessageMs: { markwise: spread(markwise.samples), yardstick: spread(yardstick.samples) },
    ratio: Math.round(ratio * 100) / 100,
  };
  if (json) console.log(JSON.stringify(result, null, 2));
  else {
    const s = (x: { median: number; min: number; max: number }) => `median ${x.median} ms (${x.min}-${x.max})`;
    console.log(`\nThe service worker's start-up (issue 15, item 5): ${ROUNDS} rounds after a warm-up; load ${loadAtStart} at start`);
    console.log(`  size               ${gzipBytes.toLocaleString('en-GB')} bytes gzipped   target <= ${TARGET_GZIP_BYTES.toLocaleString('en-GB')}   ${result.gzipPass ? 'PASS' : 'FAIL'}`);
    console.log(`  stopped, then one message answered:`);
    console.log(`    Markwise's worker   ${s(result.coldMessageMs.markwise)}`);
    console.log(`    a worker that only answers   ${s(result.coldMessageMs.yardstick)}`);
    console.log(`    Markwise ÷ yardstick  ${result.ratio}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
