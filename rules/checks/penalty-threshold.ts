// The national penalty-notice threshold from August 2024: 10 sessions of
// unauthorised absence (G, N, O, U) within a rolling period of 10 school weeks,
// which may span terms [G]. A school week is a Monday-to-Sunday week with at
// least one school day; weeks without school do not count towards the 10.

import { UNAUTHORISED_CODES } from '../codes';
import { formatSchoolDate } from '../dates';
import { findingAt, type Check } from './check';
import { GUIDANCE_2024, when } from './sources';

/** Sessions of unauthorised absence that meet the threshold [G]. */
export const PENALTY_SESSIONS = 10;
/** The rolling period, in school weeks [G]. */
export const PENALTY_SCHOOL_WEEKS = 10;

export const penaltyThreshold: Check = {
  id: 'penalty-threshold',
  rules: ['penalty-threshold'],
  run(timeline, context, report, fail) {
    const { normalised, codes, days, marks } = timeline;
    const { calendar, todayDay } = context;
    // Indices of unauthorised sessions inside the current window, oldest first.
    const window: number[] = [];
    const weeks: number[] = [];
    let head = 0;
    let reported = false;
    for (let i = 0; i < timeline.length; i++) {
      if (days[i]! > todayDay) break;
      if (codes[i] === undefined || !UNAUTHORISED_CODES.has(normalised[i]!)) continue;
      let week: number;
      try {
        week = calendar.schoolWeekOrdinal(days[i]!);
      } catch (error) {
        fail(i, error);
        continue;
      }
      window.push(i);
      weeks.push(week);
      while (week - weeks[head]! >= PENALTY_SCHOOL_WEEKS) head++;
      const count = window.length - head;
      if (count < PENALTY_SESSIONS) {
        reported = false;
      } else if (!reported) {
        reported = true;
        const first = marks[window[head]!]!;
        report(
          findingAt(timeline, i, {
            rule: 'penalty-threshold',
            severity: 'warning',
            what: `${timeline.pupil.name || 'This pupil'} has ${count} sessions of unauthorised absence within ${PENALTY_SCHOOL_WEEKS} school weeks, from ${when(first.date, first.session)} to ${formatSchoolDate(marks[i]!.date)}.`,
            why: `${PENALTY_SESSIONS} or more sessions of unauthorised absence (G, N, O or U) in a rolling ${PENALTY_SCHOOL_WEEKS} school weeks meets the national threshold at which a penalty notice must be considered (${GUIDANCE_2024}).`,
            action: 'Review the absences with the attendance lead and decide the next step under the national framework and your local code of conduct.',
          }),
        );
      }
    }
  },
};
