// The demo MIS's pages for issue 12's shapes (week grid, register by period, absence report) read
// by their built-in profiles, below the browser; test/e2e/shapes.spec.ts runs them in Chromium.
import { describe, expect, it } from 'vitest';
import { demoAbsenceReport } from '../../sites/builtin/demo-absence-report';
import { demoPeriodRegister } from '../../sites/builtin/demo-period-register';
import { demoWeekGrid } from '../../sites/builtin/demo-week-grid';
import { findRegister, readRegister } from '../../sites/read';
import { profile, servedDemoMis } from '../support/demo-pages';
import type { SiteProfileInput } from '../../sites/profile';

const mis = servedDemoMis();

async function readAt(path: string, input: SiteProfileInput) {
  const doc = await mis.load(path);
  const p = profile(input);
  return readRegister(doc, findRegister(doc, p)!, p);
}

const marks = (r: Awaited<ReturnType<typeof readAt>>) => r.snapshot.pupils.flatMap((p) => p.marks.filter((m) => m.mark !== '/' && m.mark !== '\\' && m.mark !== '').map((m) => `${p.upn.slice(-3)} ${m.date} ${m.session} ${m.mark}${m.arrival ? ` @${m.arrival}` : ''}${m.minutesLate != null ? ` +${m.minutesLate}` : ''}`));

describe('the demo pages of issue 12, read by their profiles', () => {
  it('week grid: year from the heading, arrival from the Arrived column', async () => {
    const r = await readAt('/shapes/week-grid', demoWeekGrid);
    expect(r.problems).toEqual([]);
    expect(r.cellsFound).toBe(40);
    expect(marks(r)).toEqual(['101 2025-11-24 AM L @09:40', '102 2025-11-25 AM H', '103 2025-11-25 AM L @09:10', '104 2025-11-26 AM U @09:15']);
  });

  it('register by period: date from three dropdowns, minutes late by its header; a lesson period left alone', async () => {
    const r = await readAt('/shapes/period-register', demoPeriodRegister);
    expect(r.problems).toEqual([]);
    expect(marks(r)).toEqual(['201 2025-11-26 AM L +45', '202 2025-11-26 AM L +30', '203 2025-11-26 AM U +10']);
    const lesson = await readAt('/shapes/period-register?period=Period%201', demoPeriodRegister);
    expect([lesson.problems, lesson.cellsFound, lesson.cells.length, lesson.leftAlone]).toEqual([[], 0, 0, 4]);
  });

  it('absence report: dates written out; a wrong weekday is a read problem', async () => {
    const r = await readAt('/shapes/absence-report', demoAbsenceReport);
    expect(marks(r)).toEqual(['301 2025-11-17 AM N', '302 2025-11-18 PM H', '303 2025-11-25 AM N', '304 2025-11-21 AM I']);
    expect(r.problems).toEqual([{ where: 'row 5, cell 1', message: 'no date (read "Monday 18 November 2025": its weekday is not that of Tue 18 Nov 2025)' }]);
  });
});
