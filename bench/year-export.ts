// A whole school's year as the register export the command line and the check page take, and a
// probe of whether a page stays responsive while it works: shared by bench/imports.ts and the
// check page's end-to-end test, so both measure the same thing.

import type { Page } from '@playwright/test';
import { generateSchool } from './generate-school';
import { BENCH_ACADEMIC_YEAR, benchSchool } from './school-policy';

/** The bench's school (1,500 pupils, 190 school days: 570,000 rows) as CSV, and the day it ends. */
export function yearExport(): { csv: Buffer; rows: number; today: string } {
  const { calendar, policy } = benchSchool();
  const school = generateSchool({ pupils: 1500, schoolDays: 190, seed: 20240902, calendar, sessions: policy.sessions, academicYear: BENCH_ACADEMIC_YEAR });
  const lines = ['upn,name,date,session,mark,arrival,dob,year'];
  for (const p of school.snapshot.pupils) for (const m of p.marks) lines.push(`${p.upn},${p.name},${m.date},${m.session},${m.mark},${m.arrival ?? ''},${p.dob ?? ''},${p.year ?? ''}`);
  return { csv: Buffer.from(`${lines.join('\n')}\n`), rows: lines.length - 1, today: school.today };
}

/**
 * Until the check page shows its outcome: again and again, a 10 ms timer in the page and how late
 * it fires (late only if the page's own thread is busy), and the progress bar's value.
 */
export async function probeUntilChecked(page: Page): Promise<{ lags: number[]; progress: Set<number> }> {
  const lags: number[] = [];
  const progress = new Set<number>();
  for (let done = false; !done; ) {
    const probe = await page.evaluate(
      () =>
        new Promise<{ lag: number; value: number | null; done: boolean }>((resolve) => {
          const start = performance.now();
          setTimeout(() => {
            const bar = document.querySelector<HTMLProgressElement>('.progress progress');
            const finished = document.querySelector('section[data-outcome="checked"], [data-outcome="refused"]') !== null;
            resolve({ lag: performance.now() - start - 10, value: bar === null ? null : bar.position, done: finished });
          }, 10);
        }),
    );
    lags.push(probe.lag);
    if (probe.value !== null && probe.value > 0 && probe.value < 1) progress.add(probe.value);
    done = probe.done;
  }
  return { lags, progress };
}
