// Late or unauthorised? With an arrival time, the register's closing time
// decides: arriving at or before the close is L (present), after it is U
// (unauthorised absence) [R][G]. Arriving exactly at the closing minute counts
// as before the close. A pupil marked N (or not yet marked) who then arrives
// after the close must be re-marked U [G].

import { formatClockTime, type IsoDate } from '../dates';
import type { Policy } from '../policy/schema';
import type { Session } from '../snapshot';
import { findingAt, type Check } from './check';
import { GUIDANCE_2024, regulationsOn, schoolPolicy, sessionName } from './sources';

/** Written only for the few marks that are wrong, never on the way past the rest. */
function whyByClosingTime(policy: Policy, session: Session, closeText: string, date: IsoDate): string {
  return `Under ${schoolPolicy(policy)} the ${sessionName(session)} register closes at ${closeText}; a pupil who arrives after it is recorded as U, an unauthorised absence, and one who arrives before it as L (${regulationsOn(date)}; ${GUIDANCE_2024}).`;
}

/** Marks that say the pupil was in on time, or that say nothing yet. */
const PRESENT_ON_TIME = new Set(['/', '\\']);

export const lateness: Check = {
  id: 'lateness',
  rules: ['late-should-be-u', 'late-should-be-l'],
  run(timeline, context, report) {
    const { arrivals, normalised, sessions, marks } = timeline;
    for (let i = 0; i < timeline.length; i++) {
      const arrival = arrivals[i]!;
      if (arrival < 0) continue;
      const session = sessions[i]!;
      const close = context.registerClosesAt[session]!;
      const code = normalised[i]!;
      const date = marks[i]!.date;
      if (arrival > close) {
        if (code === 'L' || code === 'N' || code === '' || PRESENT_ON_TIME.has(code)) {
          const shown = code === '' ? 'no mark' : code;
          const closeText = formatClockTime(close);
          const arrivalText = formatClockTime(arrival);
          report(
            findingAt(timeline, i, {
              rule: 'late-should-be-u',
              severity: 'error',
              suggestion: 'U',
              what: `Arrived at ${arrivalText}, after the register closed at ${closeText}, but marked ${shown}.`,
              why: whyByClosingTime(context.policy, marks[i]!.session, closeText, date),
              action: 'Change the mark to U.',
            }),
          );
        }
      } else if (code === 'U' || code === 'N' || code === '') {
        // Arriving before registration started is simply present, not late.
        const start = context.registrationStartsAt[session]!;
        const right = arrival > start ? 'L' : session === 0 ? '/' : '\\';
        const shown = code === '' ? 'no mark' : code;
        const closeText = formatClockTime(close);
        const arrivalText = formatClockTime(arrival);
        report(
          findingAt(timeline, i, {
            rule: 'late-should-be-l',
            severity: 'error',
            suggestion: right,
            what: `Arrived at ${arrivalText}, ${arrival === close ? 'exactly when the register closed' : `before the register closed at ${closeText}`}, but marked ${shown}.`,
            why: whyByClosingTime(context.policy, marks[i]!.session, closeText, date),
            action: `Change the mark to ${right}${right === 'L' ? ' (late, before the register closed)' : ' (present)'}.`,
          }),
        );
      }
    }
  },
};
