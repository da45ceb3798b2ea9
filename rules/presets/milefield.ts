// Milefield Primary School: attendance agreement 2024-25
// (shared/seeds/000_769b1a96229f8241.txt) and the "Working together to improve
// attendance" leaflet whose first heading closes seed 000 and whose text
// continues in shared/seeds/001_b70203f04ea68500.txt: read as one document.

import type { PolicyInput } from '../policy/schema';
import { DEFAULT_SESSIONS } from './dfe';

export const milefield = {
  schemaVersion: 1,
  id: 'milefield',
  schoolName: 'Milefield Primary School',
  source: 'shared/seeds/000_769b1a96229f8241.txt (Attendance Agreement 2024-25); shared/seeds/001_b70203f04ea68500.txt (leaflet)',
  codes: { teacher: 'all', office: 'all' },
  // The agreement gives no register times: the statutory preset's defaults, listed in notes.
  sessions: DEFAULT_SESSIONS,
  unexplainedAbsence: {
    // Seed 001: "If after 5 days no reason has been provided the absence will be recorded as 'unauthorised'."
    limitSchoolDays: 5,
    warnWhenSchoolDaysLeft: 2,
    // Seed 001, "Daily": a text if not arrived by 9.30am with no reason; a phone call by 10am.
    firstDayContact: [
      { at: '09:30', step: 'Text the family asking for the reason for absence' },
      { at: '10:00', step: 'Phone the family' },
    ],
  },
  calendar: { bankHolidays: 'england', academicYears: [] },
  // Seed 000: "WHOLE SCHOOL ATTENDANCE TARGET: 97%+".
  attendanceTarget: 97,
  // The agreement names no bands: the target and the DfE's persistent and severe lines [E]. Colours are Markwise's choice.
  bands: [
    // Seed 000: "97%+" includes 97%; "persistently" and "severely absent" are the DfE's, missing 10% or 50% or more [E].
    { name: 'At or above target (97%)', colour: '#1b7f3b', atLeast: 97, meaning: 'Meeting the whole-school target' },
    { name: 'Below target', colour: '#8a6d00', above: 90, below: 97, meaning: 'Below 97%: school-led support may be offered' },
    { name: 'Persistently absent', colour: '#b25e00', above: 50, atMost: 90, meaning: 'Missing 10% or more: additional targeted support' },
    { name: 'Severely absent', colour: '#b3261e', atLeast: 0, atMost: 50, meaning: 'Missing 50% or more: joint approach with the local authority' },
  ],
  // Seed 001: school-led support, then formal support with the LA Attendance Improvement Officer;
  // seed 000: persistent absence gets targeted support, severe absence a joint approach with the LA.
  tiers: [
    { level: 1, name: 'Expectations', appliesBelow: null, nextSteps: ['Daily follow-up of absence; fortnightly analysis of attendance'] },
    { level: 2, name: 'School-led support', appliesBelow: 97, nextSteps: ['Invite the family to discuss barriers and offer support', 'In-school meeting if absences persist'] },
    { level: 3, name: 'Formal support', appliesAtOrBelow: 90, nextSteps: ['Meeting with the Local Authority Attendance Improvement Officer for a formal plan of support'] },
    { level: 4, name: 'Joint approach with the local authority', appliesAtOrBelow: 50, nextSteps: ['Agree a joint approach for the severely absent pupil with the local authority'] },
  ],
  thresholds: { persistentAbsence: 10, severeAbsence: 50 },
  notes: [
    'The agreement gives no register times: 08:45-09:15 and 13:00-13:30 are defaults. Enter your own.',
    'Tier thresholds below 97%, 90% and below, and 50% and below are Markwise\'s reading of the agreement (persistent and severe absence as the DfE counts them): check them.',
    'No term dates: school days are counted as weekdays less bank holidays until you add yours.',
  ],
} satisfies PolicyInput;
