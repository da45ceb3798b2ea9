// The sources findings cite, written as staff would recognise them.

import { formatSchoolDate, type IsoDate } from '../dates';
import type { Policy } from '../policy/schema';

export const REGULATIONS_2024 = 'the School Attendance (Pupil Registration) (England) Regulations 2024';
export const REGULATIONS_2006 = 'the Education (Pupil Registration) (England) Regulations 2006';
export const GUIDANCE_2024 = "the DfE's guidance 'Working together to improve school attendance' (August 2024)";

/** The regulations a session's register entry is governed by. */
export function regulationsOn(date: IsoDate): string {
  return date < '2024-08-19' ? REGULATIONS_2006 : REGULATIONS_2024;
}

/** "the attendance policy of Micklefield CE Primary Academy". */
export function schoolPolicy(policy: Policy): string {
  return `the attendance policy of ${policy.schoolName}`;
}

export function sessionName(session: 'AM' | 'PM'): string {
  return session === 'AM' ? 'morning' : 'afternoon';
}

/** "Wed 23 Oct 2024 (morning)". */
export function when(date: IsoDate, session: 'AM' | 'PM'): string {
  return `${formatSchoolDate(date)} (${sessionName(session)})`;
}

/** "1 school day", "3 school days". */
export function schoolDays(n: number): string {
  return `${n} school day${n === 1 ? '' : 's'}`;
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
