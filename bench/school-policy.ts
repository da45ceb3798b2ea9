// The policy the benchmark runs under: the micklefield preset (seed 002) on the
// Leeds City Council calendar, so the bench measures what a school runs.

import { SchoolCalendar } from '../rules/calendar/school-calendar';
import type { Policy } from '../rules/policy/schema';
import { presetPolicy } from '../rules/presets';
import { schoolCalendarFor } from '../rules/calendar/bank-holidays';

/** The academic year the benchmark's register starts in: 2024-25. */
export const BENCH_ACADEMIC_YEAR = 2024;

export interface BenchSchool {
  readonly policy: Policy;
  /** Built once and shared by every iteration: its day tables fill on first use and are then reused. */
  readonly calendar: SchoolCalendar;
  /** Where the policy came from, printed with the results. */
  readonly policySource: string;
}

export function benchSchool(): BenchSchool {
  const policy = presetPolicy('micklefield');
  return { policy, calendar: schoolCalendarFor(policy.calendar), policySource: 'the micklefield preset (rules/presets/micklefield.ts)' };
}
