// Highfield Farm Primary School: attendance strategy
// (shared/seeds/004_94356fb5ba742ea4.txt).

import type { PolicyInput } from '../policy/schema';
import { DEFAULT_SESSIONS } from './dfe';

export const highfieldFarm = {
  schemaVersion: 1,
  id: 'highfield-farm',
  schoolName: 'Highfield Farm Primary School',
  source: 'shared/seeds/004_94356fb5ba742ea4.txt (Attendance Strategy)',
  codes: { teacher: 'all', office: 'all' },
  // The strategy gives no register times: the statutory preset's defaults, listed in notes.
  sessions: DEFAULT_SESSIONS,
  // The strategy gives no N limit: 5 school days, as in the other seeds (001-003).
  unexplainedAbsence: { limitSchoolDays: 5, warnWhenSchoolDaysLeft: 2 },
  calendar: { bankHolidays: 'england', academicYears: [] },
  // "the school attendance target of 96%".
  attendanceTarget: 96,
  // The strategy's colour-coded system names no colours: these are Markwise's choice.
  bands: [
    { name: '96% and above', colour: '#1b7f3b', atLeast: 96, meaning: 'At or above the school target' },
    { name: 'Below 96%', colour: '#8a6d00', atLeast: 92, below: 96, meaning: 'Monitored more closely each half term' },
    { name: 'Below 92%', colour: '#b25e00', atLeast: 50, below: 92, meaning: 'Formal attendance meeting and attendance contract' },
    { name: 'Below 50%', colour: '#b3261e', atLeast: 0, below: 50, meaning: 'Refer to MASH' },
  ],
  // Support tiers 1-4 ("Facilitate support" and "Formalise support"); the thresholds are those the
  // strategy attaches to each step: monitoring below 96%, a formal meeting below 92%, MASH below 50%.
  tiers: [
    { level: 1, name: 'Universal support', appliesBelow: null, nextSteps: ['Regular communication via Dojo; weekly attendance celebration'] },
    { level: 2, name: 'Targeted support for groups', appliesBelow: 96, nextSteps: ['Priority morning calls; key person welcome; attendance contract'] },
    { level: 3, name: 'Individual support', appliesBelow: 92, nextSteps: ['Formal attendance meeting with the parent support worker; signed attendance contract', 'Referral to external agencies where required'] },
    { level: 4, name: 'Formalised support', appliesBelow: 50, nextSteps: ['Attendance pathway letters 1 and 2; seek Local Authority Attendance Team support', 'Refer to MASH'] },
  ],
  thresholds: { persistentAbsence: 10, severeAbsence: 50 },
  notes: [
    'The strategy gives no register times: 08:45-09:15 and 13:00-13:30 are defaults. Enter your own.',
    'The strategy gives no limit for replacing N: 5 school days is used, as in most policies.',
    'No term dates: school days are counted as weekdays less bank holidays until you add yours.',
  ],
} satisfies PolicyInput;
