// Statutory rules only: the DfE code sets, the 2024 regulations [R] and the
// guidance [G] (shared/reference/attendance-codes.md). Everything a school sets
// for itself is a stated default here, listed in notes so staff see it.

import type { PolicyInput } from '../policy/schema';

/** Register times the statute does not fix: a 30-minute register, the longest the guidance advises [G]. */
export const DEFAULT_SESSIONS: PolicyInput['sessions'] = {
  AM: { registrationStartsAt: '08:45', registerClosesAt: '09:15' },
  PM: { registrationStartsAt: '13:00', registerClosesAt: '13:30' },
};

export const dfe = {
  schemaVersion: 1,
  id: 'dfe',
  schoolName: 'Statutory rules (DfE)',
  source: 'School Attendance (Pupil Registration) (England) Regulations 2024; DfE, Working together to improve school attendance (August 2024)',
  codes: { teacher: 'all', office: 'all' },
  sessions: DEFAULT_SESSIONS,
  // The 5-school-day limit for N is school policy (seeds 001-003), not statute [R]; it is the common choice.
  unexplainedAbsence: { limitSchoolDays: 5, warnWhenSchoolDaysLeft: 2 },
  calendar: { bankHolidays: 'england', academicYears: [] },
  // The DfE sets no attendance target; 90% is the persistent-absence line [E].
  attendanceTarget: 90,
  // Colours are Markwise's choice; the band's name always shows beside its colour.
  bands: [
    // "10% or more" and "50% or more" missed [E]: exactly 90.0% and 50.0% attendance are on the absent side.
    { name: 'Not persistently absent', colour: '#1b7f3b', above: 90, meaning: 'Missing less than 10% of sessions' },
    { name: 'Persistently absent', colour: '#b25e00', above: 50, atMost: 90, meaning: 'Missing 10% or more of sessions [E]' },
    { name: 'Severely absent', colour: '#b3261e', atLeast: 0, atMost: 50, meaning: 'Missing 50% or more of sessions [E]' },
  ],
  tiers: [
    { level: 1, name: 'Universal support', appliesBelow: null, nextSteps: ['Keep expecting and encouraging good attendance'] },
    { level: 2, name: 'Targeted support', appliesAtOrBelow: 90, nextSteps: ['Meet the family to understand the barriers and agree support [G]'] },
    { level: 3, name: 'Intensive support', appliesAtOrBelow: 50, nextSteps: ['Agree a joint approach with the local authority and other services [G]'] },
  ],
  thresholds: { persistentAbsence: 10, severeAbsence: 50 },
  notes: [
    'Register times are a default (08:45-09:15 and 13:00-13:30): enter your school\'s own.',
    'The DfE sets no attendance target: 90% (the persistent-absence line) is used until you enter yours.',
  ],
} satisfies PolicyInput;
