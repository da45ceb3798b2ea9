// The policy the benchmark runs under: Micklefield CE Primary Academy (seed 002)
// on the Leeds City Council calendar (shared/reference/calendars.md).
//
// A stand-in written here until rules/presets/index.ts offers presetPolicy('micklefield');
// the benchmark should then use the preset itself, so it measures what schools run.

import { SchoolCalendar } from '../rules/calendar/school-calendar';
import { parsePolicy, type Policy, type PolicyInput } from '../rules/policy/schema';

const MICKLEFIELD_STAND_IN: PolicyInput = {
  schemaVersion: 1,
  id: 'micklefield-bench',
  schoolName: 'Micklefield CE Primary Academy',
  source: 'bench stand-in for the micklefield preset: seed 002_3b967518e53fffba.txt, shared/reference/calendars.md',
  // Seed 002 §7.1: class teachers enter / and an absent mark; the office sets the reason.
  codes: { teacher: ['/', '\\', 'L', 'N'], office: 'all' },
  sessions: {
    // Seed 002 §7.1-7.2: registration at 8.55 am and 1.15 pm; after 9.25 am and 1.45 pm a pupil is marked U.
    // (Its contact table says 9.15; §7.2 is used because it gives both sessions.)
    AM: { registrationStartsAt: '08:55', registerClosesAt: '09:25' },
    PM: { registrationStartsAt: '13:15', registerClosesAt: '13:45' },
  },
  // Seed 002: the reason for an N is recorded within 5 school days.
  unexplainedAbsence: { limitSchoolDays: 5, warnWhenSchoolDaysLeft: 2 },
  calendar: {
    bankHolidays: 'england',
    // Leeds City Council term dates (shared/reference/calendars.md); the school's own training days are not known.
    academicYears: [
      {
        label: '2024-25',
        terms: [
          { name: 'Autumn', start: '2024-09-02', end: '2024-12-20', halfTerm: { start: '2024-10-28', end: '2024-11-01' } },
          { name: 'Spring', start: '2025-01-06', end: '2025-04-04', halfTerm: { start: '2025-02-17', end: '2025-02-21' } },
          { name: 'Summer', start: '2025-04-22', end: '2025-07-22', halfTerm: { start: '2025-05-26', end: '2025-05-30' } },
        ],
      },
      {
        label: '2025-26',
        terms: [
          { name: 'Autumn', start: '2025-09-01', end: '2025-12-19', halfTerm: { start: '2025-10-27', end: '2025-10-31' } },
          { name: 'Spring', start: '2026-01-05', end: '2026-04-02', halfTerm: { start: '2026-02-16', end: '2026-02-20' } },
          { name: 'Summer', start: '2026-04-20', end: '2026-07-21', halfTerm: { start: '2026-05-25', end: '2026-05-29' } },
        ],
      },
    ],
  },
  // Seed 002: attendance target 93.5%; tiers 1-6 (all; below 90%; 80-90%; 80-90%; below 80%; below 80%).
  attendanceTarget: 93.5,
  bands: [
    { name: 'At or above 90%', colour: '#1b7f3b', atLeast: 90, below: null },
    { name: '80% to 90%', colour: '#b25e00', atLeast: 80, below: 90 },
    { name: 'Below 80%', colour: '#b3261e', atLeast: 0, below: 80 },
  ],
  tiers: [
    { level: 1, name: 'Expect', appliesBelow: null },
    { level: 2, name: 'Monitor', appliesBelow: 90 },
    { level: 3, name: 'Listen and understand', appliesBelow: 90 },
    { level: 4, name: 'Facilitate support', appliesBelow: 90 },
    { level: 5, name: 'Formalise support', appliesBelow: 80 },
    { level: 6, name: 'Enforce', appliesBelow: 80 },
  ],
};

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
  const parsed = parsePolicy(MICKLEFIELD_STAND_IN);
  if (!parsed.ok) throw new Error(`The benchmark's policy is invalid: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return {
    policy: parsed.policy,
    calendar: new SchoolCalendar(parsed.policy.calendar),
    policySource: 'stand-in for the micklefield preset (bench/school-policy.ts)',
  };
}
