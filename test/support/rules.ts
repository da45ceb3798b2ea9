// Test support for the rules engine: a policy whose every fact cites its source,
// and small builders for registers. Tests build registers from these, never
// from hand-written findings.

import type { Check } from '../../rules/checks/check';
import { evaluateRegister, type Evaluation } from '../../rules/engine';
import { parsePolicy, type Policy, type PolicyInput } from '../../rules/policy/schema';
import { LEEDS_ACADEMIC_YEARS } from '../../rules/presets/leeds-calendar';
import type { RegisterSnapshot, SnapshotMark, SnapshotPupil } from '../../rules/snapshot';
import { schoolCalendarFor } from '../../rules/calendar/bank-holidays';

/**
 * A test school: Valence's register times (seed 003 §9.1: AM register taken at
 * 09:00 and open until 09:30; its PM close is not given, so 13:30 keeps both
 * registers open for the same 30 minutes [G]), the 5-school-day N limit (seeds
 * 001-003), the Leeds calendar above, and Micklefield's tier thresholds and
 * target (seed 002). Teachers may enter only / \ L N (seed 002 §7.1).
 */
export const TEST_POLICY_INPUT: PolicyInput = {
  schemaVersion: 1,
  id: 'test-school',
  schoolName: 'Test Primary School',
  codes: { teacher: ['/', '\\', 'L', 'N'], office: 'all' },
  sessions: {
    AM: { registrationStartsAt: '09:00', registerClosesAt: '09:30' },
    PM: { registrationStartsAt: '13:00', registerClosesAt: '13:30' },
  },
  unexplainedAbsence: { limitSchoolDays: 5, warnWhenSchoolDaysLeft: 2 },
  calendar: { bankHolidays: 'england', academicYears: LEEDS_ACADEMIC_YEARS },
  attendanceTarget: 93.5,
  bands: [
    { name: 'At or above 90%', colour: '#1b7f3b', atLeast: 90, below: null },
    { name: '80% to 90%', colour: '#b25e00', atLeast: 80, below: 90 },
    { name: 'Below 80%', colour: '#b3261e', atLeast: 0, below: 80 },
  ],
  tiers: [
    { level: 1, name: 'Expect', appliesBelow: null, nextSteps: ['Whole-school attendance culture'] },
    { level: 2, name: 'Monitor', appliesBelow: 90, nextSteps: ['Review attendance every two weeks'] },
    { level: 3, name: 'Listen and understand', appliesBelow: 90, nextSteps: ['Meet the family'] },
    { level: 5, name: 'Formalise support', appliesBelow: 80, nextSteps: ['Letter three: formalising support'] },
  ],
};

export function makePolicy(changes: Partial<PolicyInput> = {}): Policy {
  const result = parsePolicy({ ...TEST_POLICY_INPUT, ...changes });
  if (!result.ok) throw new Error(`test policy is invalid: ${JSON.stringify(result.problems)}`);
  return result.policy;
}

export const TEST_POLICY = makePolicy();

/** One mark: mark('2024-10-23', 'AM', 'N') or with an arrival time. */
export function mark(date: string, session: 'AM' | 'PM', code: string, arrival: string | null = null): SnapshotMark {
  return { date, session, mark: code, arrival };
}

export function pupil(marks: SnapshotMark[], details: Partial<Omit<SnapshotPupil, 'marks'>> = {}): SnapshotPupil {
  return { upn: 'A123456789012', name: 'Ada Okafor', dob: null, year: null, ...details, marks };
}

export interface RunOptions {
  today: string;
  policy?: Policy;
  role?: 'teacher' | 'office';
  checks?: readonly Check[];
}

export function run(pupils: SnapshotPupil[], options: RunOptions): Evaluation {
  const policy = options.policy ?? TEST_POLICY;
  const snapshot: RegisterSnapshot = { role: options.role ?? 'office', source: 'test', pupils };
  return evaluateRegister(snapshot, {
    policy,
    calendar: schoolCalendarFor(policy.calendar),
    today: options.today,
    ...(options.checks ? { checks: options.checks } : {}),
  });
}

/** The rule ids found, in order, for compact assertions. */
export function rulesOf(evaluation: Evaluation): string[] {
  return evaluation.findings.map((f) => f.rule);
}

/** School days of the test calendar from start to end inclusive, found by the calendar itself. */
export function schoolDaysFrom(start: string, count: number, policy: Policy = TEST_POLICY): string[] {
  const calendar = schoolCalendarFor(policy.calendar);
  const days: string[] = [];
  let day = start;
  if (calendar.isSchoolDay(day)) days.push(day);
  while (days.length < count) {
    day = calendar.nthSchoolDayAfter(day, 1);
    days.push(day);
  }
  return days;
}
