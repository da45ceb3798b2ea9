// Valence Primary School (Barking and Dagenham): KS1-2 attendance and
// engagement policy 2023-24 (shared/seeds/003_f0bb9957ca89f2af.txt).

import type { PolicyInput } from '../policy/schema';

export const valence = {
  schemaVersion: 1,
  id: 'valence',
  schoolName: 'Valence Primary School',
  source: 'shared/seeds/003_f0bb9957ca89f2af.txt (KS1-2 Attendance and Engagement Policy 2023-24)',
  // The policy does not limit teachers' codes (§9.1 lists the whole set in appendix 1).
  codes: { teacher: 'all', office: 'all' },
  sessions: {
    // §9.1: "The register for the first (AM) session will be taken at 09:00 and will be kept open until 09:30."
    AM: { registrationStartsAt: '09:00', registerClosesAt: '09:30' },
    // §9.1: the PM register is taken at 13:00; its close is not given, so it is kept open the same 30 minutes [G].
    PM: { registrationStartsAt: '13:00', registerClosesAt: '13:30' },
  },
  // §9.5: "no later than 5 working days after the session".
  unexplainedAbsence: { limitSchoolDays: 5, warnWhenSchoolDaysLeft: 2 },
  calendar: { bankHolidays: 'england', academicYears: [] },
  // Line 31: "The school therefore expects all pupils to have 100% attendance."
  attendanceTarget: 100,
  // Appendix 11: teachers track pupils "with 95% attendance and below"; §12.7 persistent 10%, severe 50%.
  // Each line says which side it falls on: exactly 95.0% is "95% and below", exactly 90.0% persistently absent. Colours are Markwise's choice.
  bands: [
    // Appendix 11: pupils "with 95% attendance and below" are monitored, so 95.0% is below; §12.7: missing "10% or more", "50% or more".
    { name: 'Above 95%', colour: '#1b7f3b', above: 95, meaning: 'Meeting expectations' },
    { name: '95% and below', colour: '#8a6d00', above: 90, atMost: 95, meaning: 'Class teacher monitors (appendix 11)' },
    { name: 'Persistently absent', colour: '#b25e00', above: 50, atMost: 90, meaning: 'Missing 10% or more (§12.7)' },
    { name: 'Severely absent', colour: '#b3261e', atLeast: 0, atMost: 50, meaning: 'Missing 50% or more (§12.7)' },
  ],
  // Appendix 11, graduated whole-school support. The policy names who acts at each tier, not a percentage;
  // the thresholds are the ones it uses elsewhere (95% monitoring, §12.7 persistent and severe absence).
  tiers: [
    { level: 1, name: 'Class teacher / HLTA', appliesBelow: null, nextSteps: ['Record attendance daily and promote punctual, regular attendance', 'Speak with parents about attendance issues'] },
    { level: 2, name: 'Attendance manager', appliesAtOrBelow: 95, nextSteps: ['Meet the pupil and family as prioritised with the attendance lead'] },
    { level: 3, name: 'Attendance lead', appliesAtOrBelow: 90, nextSteps: ['Arrange calls and meetings with parents', 'Refer to the Education Welfare Officer for targeted intervention'] },
    { level: 4, name: 'Strategic intervention (triage)', appliesAtOrBelow: 50, nextSteps: ["Refer to the LA's staged approach: Vulnerable Pupils Hot Clinic or statutory intervention"] },
  ],
  thresholds: { persistentAbsence: 10, severeAbsence: 50 },
  notes: [
    'The policy gives no afternoon closing time: 13:30 keeps both registers open 30 minutes. Change it if yours differs.',
    'The 2023-24 policy predates the 2024 codes; registers from 19 August 2024 are checked against the 2024 set.',
    'No term dates: school days are counted as weekdays less bank holidays until you add Barking and Dagenham\'s.',
  ],
} satisfies PolicyInput;
