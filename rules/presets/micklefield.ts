// Micklefield CE Primary Academy, Leeds: attendance policy 2024-25
// (shared/seeds/002_3b967518e53fffba.txt), with the Leeds term dates.

import type { PolicyInput } from '../policy/schema';
import { LEEDS_ACADEMIC_YEARS } from './leeds-calendar';

export const micklefield = {
  schemaVersion: 1,
  id: 'micklefield',
  schoolName: 'Micklefield CE Primary Academy',
  source: 'shared/seeds/002_3b967518e53fffba.txt (Attendance Policy 2024-25)',
  // §7.1: "Class teachers will enter a present mark (/) ... and an absent mark"; reasons are the office's.
  codes: { teacher: ['/', '\\', 'L', 'N'], office: 'all' },
  sessions: {
    // §7.1: registration at 8.55 am and 1.15 pm. §7.2: after 9.25 am and 1.45 pm arrivals are U.
    // The front table says "Registers close at 9.15"; §7.2 is chosen because it gives both
    // sessions and keeps each register open the same 30 minutes, as the DfE guidance asks [G].
    AM: { registrationStartsAt: '08:55', registerClosesAt: '09:25' },
    PM: { registrationStartsAt: '13:15', registerClosesAt: '13:45' },
  },
  // "no later than 5 school days after the session" (line 239).
  unexplainedAbsence: { limitSchoolDays: 5, warnWhenSchoolDaysLeft: 2 },
  calendar: { bankHolidays: 'england', academicYears: LEEDS_ACADEMIC_YEARS },
  // Front table: "Attendance Target 93.5%".
  attendanceTarget: 93.5,
  // The strategy table's bands: All / Below 90% / Between 80-90% / Below 80%. Colours are Markwise's choice.
  bands: [
    { name: '90% and above', colour: '#1b7f3b', atLeast: 90, meaning: 'Tier 1: whole-school expectations' },
    { name: '80% to 90%', colour: '#b25e00', atLeast: 80, below: 90, meaning: 'Tiers 2-4: monitor, listen, facilitate support' },
    { name: 'Below 80%', colour: '#b3261e', atLeast: 0, below: 80, meaning: 'Tiers 5-6: formalise support, enforce' },
  ],
  // The strategy table. Tiers 2-4 share "below 90%" (3 and 4 "between 80-90%") and tiers 5-6 share
  // "below 80%": a pupil enters the first of a range; escalating within it is the school's decision.
  tiers: [
    { level: 1, name: 'Expect', appliesBelow: null, description: 'Aspire to high standards of attendance', nextSteps: ['Praise attendance; half-termly 100% letters', 'Prompt daily contact to establish the cause of any absence'] },
    { level: 2, name: 'Monitor', appliesBelow: 90, description: 'Use attendance data to spot patterns early', nextSteps: ['Add to the attendance tracker (PA and Fast Track)', 'HT/OM review attendance every two weeks; send the attendance letter'] },
    { level: 3, name: 'Listen and understand', appliesBelow: 90, description: 'Discuss barriers with the pupil and family', nextSteps: ['PA letter or Fast Track letter inviting the family to a meeting in school'] },
    { level: 4, name: 'Facilitate support', appliesBelow: 90, description: 'Attendance continues to decline after letter 2', nextSteps: ['Formal attendance meeting with HT/OM; offer agency support', 'Case work with the Leeds attendance officer or cluster'] },
    { level: 5, name: 'Formalise support', appliesBelow: 80, description: 'Voluntary support is not working', nextSteps: ['Letter 3: formalising support; warning of a penalty notice', 'Consider a parenting contract'] },
    { level: 6, name: 'Enforce', appliesBelow: 80, description: 'All other avenues exhausted', nextSteps: ['Office manager applies to the local authority for legal intervention'] },
  ],
  thresholds: { persistentAbsence: 10, severeAbsence: 50 },
  notes: [
    'Registers close at 09:25 and 13:45 (policy §7.2); the policy\'s front table says 9.15. Change it if 9.15 is right.',
    'Training days are not in the policy: add your five training days so N deadlines skip them.',
  ],
} satisfies PolicyInput;
