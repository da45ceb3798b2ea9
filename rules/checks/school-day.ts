// A mark on a day without school: a weekend, a bank holiday, a half term, a holiday, a training
// day or a closure. Sessions are recorded on school days only [R], so the mark is most likely on
// the wrong date, or the term dates are wrong; it is not counted in the pupil's attendance.

import type { DayKind } from '../calendar/school-calendar';
import { dayNumber, formatSchoolDate, weekdayOfDayNumber } from '../dates';
import { findingAt, type Check } from './check';
import { regulationsOn, schoolPolicy, when } from './sources';

/** '#' is the code for a planned closure, so it belongs on a closed day; a blank cell is no mark. */
const MARKS_FOR_DAYS_WITHOUT_SCHOOL = new Set(['', '#']);

function dayWithoutSchool(kind: DayKind, date: string): string {
  switch (kind) {
    case 'weekend':
      return weekdayOfDayNumber(dayNumber(date)) === 6 ? 'a Saturday' : 'a Sunday';
    case 'bank-holiday':
      return 'a bank holiday';
    case 'half-term':
      return 'in half term';
    case 'holiday':
      return 'in the school holidays';
    case 'training-day':
      return 'a training day';
    default:
      return 'a day the school is closed';
  }
}

export const schoolDay: Check = {
  id: 'school-day',
  rules: ['mark-not-school-day'],
  run(timeline, context, report, fail) {
    const { normalised, days, marks } = timeline;
    const { calendar } = context;
    for (let i = 0; i < timeline.length; i++) {
      if (MARKS_FOR_DAYS_WITHOUT_SCHOOL.has(normalised[i]!)) continue;
      try {
        if (calendar.isSchoolDayNumber(days[i]!)) continue;
        const { date, session } = marks[i]!;
        const kind = calendar.kindOf(date);
        const which = kind === 'weekend' || kind === 'bank-holiday' ? 'England' : `the term dates in ${schoolPolicy(context.policy)}`;
        report(
          findingAt(timeline, i, {
            rule: 'mark-not-school-day',
            severity: 'warning',
            what: `A mark on ${formatSchoolDate(date)}, ${dayWithoutSchool(kind, date)}: there is no school that day, so it is not counted in attendance.`,
            why: `Registers are taken for each school session (${regulationsOn(date)}), and ${when(date, session)} is not a school day by ${which}.`,
            action: 'Check the date: the mark may belong to another day. If the school was open that day, correct the term dates.',
          }),
        );
      } catch (error) {
        fail(i, error);
      }
    }
  },
};
