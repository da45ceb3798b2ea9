// N is temporary: the correct code replaces it within the policy's limit of
// school days after the session (5 in seeds 001, 002 and 003); with no reason
// found, the absence becomes O [R]. Only school days count: weekends, bank
// holidays, half terms, holidays and training days never do.

import type { SchoolCalendar } from '../calendar/school-calendar';
import { dateOfDayNumber, dayNumber, formatSchoolDate, type IsoDate } from '../dates';
import type { Policy } from '../policy/schema';
import type { Session } from '../snapshot';
import { findingAt, type Check, type FindingDetails, type RulesContext } from './check';
import { capitalised, REGULATIONS_2024, schoolDays, schoolPolicy, when } from './sources';

export type NStatus = 'overdue' | 'due-today' | 'due-soon' | 'later';

export interface NDeadline {
  /** The last school day to record the reason. */
  readonly deadline: IsoDate;
  /**
   * School days after today up to and including the deadline: 0 on the deadline itself,
   * negative when overdue (-2: the deadline was two school days ago).
   */
  readonly schoolDaysLeft: number;
  readonly status: NStatus;
}

function deadlineOfDay(calendar: SchoolCalendar, policy: Policy, day: number, todayDay: number): { deadline: number; left: number; status: NStatus } {
  const { limitSchoolDays, warnWhenSchoolDaysLeft } = policy.unexplainedAbsence;
  const deadline = calendar.nthSchoolDayAfterNumber(day, limitSchoolDays);
  const left = calendar.schoolDayOrdinal(deadline) - calendar.schoolDayOrdinal(todayDay);
  const status: NStatus = todayDay > deadline ? 'overdue' : todayDay === deadline ? 'due-today' : left <= warnWhenSchoolDaysLeft ? 'due-soon' : 'later';
  return { deadline, left, status };
}

/** When the N from `date` must be replaced under the policy, and where that leaves it on `today`. */
export function nDeadline(calendar: SchoolCalendar, policy: Policy, date: IsoDate, today: IsoDate): NDeadline {
  const { deadline, left, status } = deadlineOfDay(calendar, policy, dayNumber(date), dayNumber(today));
  return { deadline: dateOfDayNumber(deadline), schoolDaysLeft: left, status };
}

/**
 * What an N on a given date and session means today. It is the same for every
 * pupil with an N in that session, so it is worked out once per evaluation.
 */
function verdict(context: RulesContext, day: number, session: Session): FindingDetails | null {
  const { calendar, todayDay, policy } = context;
  const { limitSchoolDays, fallbackCode } = policy.unexplainedAbsence;
  const { deadline, left, status } = deadlineOfDay(calendar, policy, day, todayDay);
  const deadlineText = formatSchoolDate(dateOfDayNumber(deadline));
  const why = `${capitalised(schoolPolicy(policy))} says the reason must be recorded within ${schoolDays(limitSchoolDays)} of the session, which makes ${deadlineText} the last day for the N from ${when(dateOfDayNumber(day), session)}.`;
  if (status === 'overdue') {
    const late = -left;
    return {
      rule: 'n-overdue',
      severity: 'error',
      suggestion: fallbackCode,
      alternatives: [fallbackCode],
      what: `N (reason for absence not yet established) is overdue: it should have been replaced by ${deadlineText}${late > 0 ? `, ${schoolDays(late)} ago` : ''}.`,
      why: `${why} With no reason found, the absence is recorded as ${fallbackCode}, unauthorised (${REGULATIONS_2024}).`,
      action: `Record the reason if the family has given one; otherwise change N to ${fallbackCode}.`,
    };
  }
  if (status === 'due-today') {
    return {
      rule: 'n-due-today',
      severity: 'warning',
      what: 'N (reason for absence not yet established) is due today: today is the last day to record the reason.',
      why,
      action: `Contact the family today and record the reason; if none is given, change N to ${fallbackCode} tomorrow.`,
    };
  }
  if (status === 'later') return null;
  return {
    rule: 'n-due-soon',
    severity: 'warning',
    what: `N (reason for absence not yet established) is due soon: ${schoolDays(left)} left after today, until ${deadlineText}.`,
    why,
    action: 'Contact the family and record the reason before the deadline.',
  };
}

const verdicts = new WeakMap<RulesContext, Map<number, FindingDetails | null>>();

export const unexplainedAbsence: Check = {
  id: 'unexplained-absence',
  rules: ['n-due-soon', 'n-due-today', 'n-overdue'],
  run(timeline, context, report, fail) {
    const { normalised, codes, days, arrivals, sessions } = timeline;
    let known = verdicts.get(context);
    if (known === undefined) {
      known = new Map();
      verdicts.set(context, known);
    }
    for (let i = 0; i < timeline.length; i++) {
      // An arrival time means the pupil came in: the lateness check decides U or L.
      if (normalised[i] !== 'N' || codes[i] === undefined || arrivals[i]! >= 0) continue;
      const day = days[i]!;
      if (day > context.todayDay) break;
      const key = day * 2 + sessions[i]!;
      let details = known.get(key);
      if (details === undefined) {
        try {
          details = verdict(context, day, sessions[i] === 1 ? 'PM' : 'AM');
        } catch (error) {
          // This N's deadline cannot be found (no school days ahead): the pupil's other N still count.
          fail(i, error);
          continue;
        }
        known.set(key, details);
      }
      if (details !== null) report(findingAt(timeline, i, details, context));
    }
  },
};
