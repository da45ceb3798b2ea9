// Late or unauthorised? With an arrival time, the register's closing time
// decides: arriving at or before the close is L (present), after it is U
// (unauthorised absence) [R][G]. Arriving exactly at the closing minute counts
// as before the close. A pupil marked N (or not yet marked) who then arrives
// after the close must be re-marked U [G].

import { formatClockTime, type IsoDate } from '../dates';
import type { Policy } from '../policy/schema';
import type { Session } from '../snapshot';
import { findingAt, type Check } from './check';
import { capitalised, GUIDANCE_2024, regulationsOn, schoolPolicy, sessionName } from './sources';

/** Written only for the few marks that are wrong, never on the way past the rest. */
function whyByClosingTime(policy: Policy, session: Session, closeText: string, date: IsoDate): string {
  return `Under ${schoolPolicy(policy)} the ${sessionName(session)} register closes at ${closeText}; a pupil who arrives after it is recorded as U, an unauthorised absence, and one who arrives before it as L (${regulationsOn(date)}; ${GUIDANCE_2024}).`;
}

/** Marks that say the pupil was in on time, or that say nothing yet. */
const PRESENT_ON_TIME = new Set(['/', '\\']);

/** The mark a pupil's arrival time calls for, or null when the mark already fits it. */
function markForArrival(code: string, arrival: number, close: number, start: number, session: number): string | null {
  if (arrival > close) return code === 'L' || code === 'N' || code === '' || PRESENT_ON_TIME.has(code) ? 'U' : null;
  if (code !== 'U' && code !== 'N' && code !== '') return null;
  // Arriving before registration started is simply present, not late.
  return arrival > start ? 'L' : session === 0 ? '/' : '\\';
}

export const lateness: Check = {
  id: 'lateness',
  rules: ['late-should-be-u', 'late-should-be-l'],
  run(timeline, context, report, fail) {
    const { arrivals, normalised, sessions, marks } = timeline;
    for (let i = 0; i < timeline.length; i++) {
      try {
        const arrival = arrivals[i]!;
        if (arrival < 0) continue;
        const session = sessions[i]!;
        const close = context.registerClosesAt[session]!;
        const code = normalised[i]!;
        const right = markForArrival(code, arrival, close, context.registrationStartsAt[session]!, session);
        if (right === null) continue;
        const shown = code === '' ? 'no mark' : code;
        const closeText = formatClockTime(close);
        const arrivalText = formatClockTime(arrival);
        const after = right === 'U';
        const arrived = `arrived at ${arrivalText}, ${after ? `after the register closed at ${closeText}` : arrival === close ? 'exactly when the register closed' : `before the register closed at ${closeText}`}`;
        report(
          findingAt(
            timeline,
            i,
            {
              rule: after ? 'late-should-be-u' : 'late-should-be-l',
              severity: 'error',
              suggestion: right,
              what: `${capitalised(arrived)}, but marked ${shown}.`,
              why: whyByClosingTime(context.policy, marks[i]!.session, closeText, marks[i]!.date),
              action: `Change the mark to ${right}${after ? '' : right === 'L' ? ' (late, before the register closed)' : ' (present)'}.`,
              instead: `Tell the office: ${arrived}; they record ${right}.`,
            },
            context,
          ),
        );
      } catch (error) {
        fail(i, error);
      }
    }
  },
};
