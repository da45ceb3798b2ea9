// What a school checking by a policy without term dates (the statutory rules as installed) is told,
// wherever a lead looks first: the options page, the popup. One sentence, said the same everywhere
// (issue 14, item 10). Pure.

import type { AcademicYear } from '../policy/schema';

export const NO_TERM_DATES =
  "This policy has no term dates, so Markwise counts the school's holidays as school days (only weekends and bank holidays are not) until you import your term dates: N deadlines and the 10-day notice run on through the holidays.";

/** The sentence for a policy with no term dates at all, or null. */
export function noTermDatesNotice(years: readonly AcademicYear[]): string | null {
  return years.length === 0 ? NO_TERM_DATES : null;
}
