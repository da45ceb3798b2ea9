// A pupil absent without authorisation for 10 continuous school days: the
// school must tell the local authority [G]. A day counts when every session
// recorded for it is an unauthorised absence (G, N, O, U); a school day with
// any other mark, or with no mark at all, breaks the run.

import { dateOfDayNumber, formatSchoolDate } from '../dates';
import { findingAt, type Check } from './check';
import { GUIDANCE_2024, schoolDays } from './sources';

/** The number of continuous school days that triggers the notification [G]. */
export const LA_NOTIFY_SCHOOL_DAYS = 10;

export const continuousAbsence: Check = {
  id: 'continuous-absence',
  rules: ['la-notify-10-days'],
  run(timeline, context, report, fail) {
    const { codes, days } = timeline;
    const { calendar, todayDay } = context;
    let run = 0;
    let runStart = -1;
    let lastOrdinal = -1;
    let i = 0;
    while (i < timeline.length) {
      const day = days[i]!;
      if (day > todayDay) break;
      // The marks of one day sit together: look at all of them.
      let unauthorisedDay = true;
      let last = i;
      for (; last < timeline.length && days[last] === day; last++) {
        if (codes[last]?.counts !== 'unauthorised') unauthorisedDay = false;
      }
      let ordinal: number | null;
      try {
        ordinal = calendar.isSchoolDayNumber(day) ? calendar.schoolDayOrdinal(day) : null;
      } catch (error) {
        // A day the calendar cannot place breaks the run and is said so; the next days still count.
        fail(i, error);
        run = 0;
        i = last;
        continue;
      }
      if (ordinal !== null) {
        if (!unauthorisedDay) {
          run = 0;
        } else {
          if (run > 0 && ordinal === lastOrdinal + 1) {
            run++;
          } else {
            run = 1;
            runStart = day;
          }
          if (run === LA_NOTIFY_SCHOOL_DAYS) {
            report(
              findingAt(timeline, last - 1, {
                rule: 'la-notify-10-days',
                severity: 'warning',
                what: `${timeline.pupil.name || 'This pupil'} has been absent without authorisation for ${schoolDays(LA_NOTIFY_SCHOOL_DAYS)} in a row, from ${formatSchoolDate(dateOfDayNumber(runStart))} to ${formatSchoolDate(dateOfDayNumber(day))}.`,
                why: `Schools must tell the local authority when a pupil is absent without authorisation for ${LA_NOTIFY_SCHOOL_DAYS} continuous school days (${GUIDANCE_2024}).`,
                action: 'Notify the local authority and follow your safeguarding procedures for a child missing education.',
              }),
            );
          }
        }
        lastOrdinal = ordinal;
      }
      i = last;
    }
  },
};
