// Where a page load's time goes, from a Chromium trace (issue 15: "find where the time goes with a
// Chromium trace before changing anything"). Loads the 15,000-cell office page with the extension
// (or, with --without, without it), traces one load, and prints the renderer main thread's tasks
// from navigation to the load event: each task's length and what it spent its time on, and before
// them the main thread's work up to DOMContentLoaded, with Markwise's own script in it. With --empty,
// the extension is one whose content script is empty, declared like Markwise's (bench/browsers.ts).
//
//   npx tsx bench/trace-load.ts [--without | --empty] [--url PATH] [--min-ms 8] [--keep trace.json]

import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startDemoMis } from '../demo/mis/server';
import { CHROMIUM, EXTENSION_DIR, launchWithExtension, QUIET_FLAGS, serviceWorkerOf, bundleReady } from '../test/e2e/fixtures';
import { launchWithEmptyExtension } from './browsers';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const without = process.argv.includes('--without');
const empty = process.argv.includes('--empty');
const server = await startDemoMis({ port: 0 });
const url = `${server.url}${arg('--url') ?? '/bench/office?pupils=1500&sessions=10'}`;
const dir = mkdtempSync(join(os.tmpdir(), 'markwise-trace-'));

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { data?: Record<string, unknown>; name?: string } }

try {
  const context = without
    ? await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS, viewport: { width: 1400, height: 900 } })
    : empty
      ? await launchWithEmptyExtension(dir, EXTENSION_DIR)
      : await launchWithExtension(dir, EXTENSION_DIR);
  if (!without && !empty) await bundleReady(await serviceWorkerOf(context));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url, { waitUntil: 'load' }); // warm the caches
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,loading,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(2500);
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  const keep = arg('--keep');
  if (keep) writeFileSync(keep, JSON.stringify({ traceEvents: events }));

  // The renderer's main thread: the one with the navigation's marks.
  const mark = (name: string) => events.find((e) => e.name === name && e.ph !== 'E');
  const start = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.['documentLoaderURL'] ?? '').startsWith(server.url)) ?? mark('navigationStart');
  const after = events.filter((e) => e.ts >= start!.ts);
  const load = after.find((e) => e.name === 'loadEventStart');
  // The page's own: the last before its load (the first after navigation start can be about:blank's).
  const dcl = after.filter((e) => e.name === 'domContentLoadedEventStart' && (load === undefined || e.ts <= load.ts)).pop();
  const main = (dcl ?? load)!;
  const ms = (ts: number) => ((ts - start!.ts) / 1000).toFixed(0).padStart(5);
  console.log(`${without ? 'without' : empty ? 'with an empty extension, not' : 'with'} Markwise: DOMContentLoaded at ${dcl ? ms(dcl.ts) : '?'} ms, load at ${load ? ms(load.ts) : '?'} ms`);
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= start!.ts);
  if (dcl) {
    const before = onMain.filter((e) => e.ts < dcl.ts);
    const sum = (keep: (e: TraceEvent) => boolean) => (before.filter(keep).reduce((total, e) => total + (e.dur ?? 0), 0) / 1000).toFixed(1);
    const ours = (e: TraceEvent) => (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && /^chrome-extension:/.test(String(e.args?.data?.['url'] ?? ''));
    console.log(`before DOMContentLoaded: tasks ${sum((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')} ms; an extension's script ${sum(ours)}; parsing ${sum((e) => e.name === 'ParseHTML')}; style ${sum((e) => e.name === 'UpdateLayoutTree')}; layout ${sum((e) => e.name === 'Layout')}; pre-paint ${sum((e) => e.name === 'PrePaint')}; paint ${sum((e) => e.name === 'Paint')}`);
  }
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').filter((t) => (t.dur ?? 0) > Number(arg("--min-ms") ?? 8) * 1000);
  const end = (load?.ts ?? Infinity) + 2_000_000;
  for (const task of tasks) {
    if (task.ts > end) break;
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur! && (e.dur ?? 0) > 500);
    const parts = new Map<string, number>();
    for (const e of inside) {
      if (!['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'ParseHTML', 'EvaluateScript', 'FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'FireIdleCallback', 'IntersectionObserverController::computeIntersections', 'Layerize', 'UpdateLayer', 'HitTest', 'v8.compile', 'v8.compileModule', 'V8.GCScavenger', 'v8.run', 'V8.Execute', 'FunctionCall', 'v8.parseOnBackground', 'V8.ScriptCompiler', 'MajorGC', 'MinorGC', 'RecalculateStyles', 'ScheduleStyleRecalculation', 'Commit', 'ParseAuthorStyleSheet', 'v8.callFunction', 'XHRReadyStateChange'].includes(e.name)) continue;
      const what = e.name === 'EventDispatch' ? `event ${e.args?.data?.['type']}` : e.name === 'FunctionCall' ? `call ${String(e.args?.data?.['url'] ?? '').split('/').pop()}:${e.args?.data?.['functionName'] ?? ''}` : e.name === 'EvaluateScript' ? `script ${String(e.args?.data?.['url'] ?? '').split('/').pop()}` : e.name;
      parts.set(what, Math.max(parts.get(what) ?? 0, (e.dur ?? 0) / 1000));
    }
    const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, d]) => `${n} ${d.toFixed(0)}`).join('; ');
    const marks = [dcl && dcl.ts >= task.ts && dcl.ts <= task.ts + task.dur! ? 'DCL' : '', load && load.ts >= task.ts && load.ts <= task.ts + task.dur! ? 'LOAD' : ''].filter(Boolean).join(' ');
    console.log(`${ms(task.ts)} +${((task.dur ?? 0) / 1000).toFixed(0).padStart(4)} ms ${marks.padEnd(8)} ${top}`);
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
