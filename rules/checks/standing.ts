// Where a pupil stands: attendance by the DfE method, persistent and severe
// absence, and the school's colour band and tier with the next steps it names.
//
// DfE method [E]: possible sessions = present (/ \ L) + approved educational
// activity + authorised absence + unauthorised absence; codes that are not a
// possible session are left out. Attendance = (present + approved activity) ÷
// possible. Each mark counts by the code set in force on its date. Thresholds
// are compared on the unrounded figures: exactly 10% missed is persistent.

import { compareUpperLines, inBand, tierApplies, tierLine } from '../policy/lines';
import type { Band, Policy, Tier } from '../policy/schema';
import type { PupilTimeline } from '../timeline';
import type { SchoolCalendar } from '../calendar/school-calendar';
import { dayNumber } from '../dates';
import type { ReportFailure, RulesContext } from './check';

export interface SessionTally {
  present: number;
  approvedActivity: number;
  authorised: number;
  unauthorised: number;
  notPossible: number;
  /** L marks: present, but late before the register closed. */
  late: number;
}

export interface PupilStanding extends SessionTally {
  readonly upn: string;
  readonly name: string;
  readonly possibleSessions: number;
  /** Present plus approved educational activity. */
  readonly attendedSessions: number;
  /** Attendance as a percentage (0-100), unrounded; null with no possible sessions yet. */
  readonly attendance: number | null;
  readonly persistentAbsence: boolean;
  readonly severeAbsence: boolean;
  readonly band: Band | null;
  readonly tier: Tier | null;
}

/** Which marks a tally counts besides being dated on or before today. */
export interface CountedMarks {
  /** The first day counted (1 September of the school year). */
  readonly fromDay: number;
  /** Only its school days count: a mark on a weekend or in a holiday is a finding, not a session. */
  readonly calendar: SchoolCalendar;
  /** A mark whose day could not be looked up is not counted, and said so. */
  readonly fail?: ReportFailure;
}

/** Tallies the marks dated on or before today (and, given `counted`, in its days) by how each counts. */
export function tallySessions(timeline: PupilTimeline, todayDay: number, counted?: CountedMarks): SessionTally {
  const tally: SessionTally = { present: 0, approvedActivity: 0, authorised: 0, unauthorised: 0, notPossible: 0, late: 0 };
  const { codes, days } = timeline;
  for (let i = 0; i < timeline.length; i++) {
    // A mark entered ahead of its day (a planned appointment, agreed leave) has not happened yet.
    if (days[i]! > todayDay) break;
    const code = codes[i];
    if (code === undefined) continue;
    if (counted !== undefined) {
      if (days[i]! < counted.fromDay) continue;
      try {
        if (!counted.calendar.isSchoolDayNumber(days[i]!)) continue;
      } catch (error) {
        counted.fail?.(i, error);
        continue;
      }
    }
    switch (code.counts) {
      case 'present':
        tally.present++;
        if (code.code === 'L') tally.late++;
        break;
      case 'approved-activity':
        tally.approvedActivity++;
        break;
      case 'authorised':
        tally.authorised++;
        break;
      case 'unauthorised':
        tally.unauthorised++;
        break;
      case 'not-possible':
        tally.notPossible++;
        break;
    }
  }
  return tally;
}

/**
 * Whether missed sessions reach a threshold percentage, compared exactly (no rounding).
 * The share is one correctly rounded division of exact integers, as the threshold is one
 * correctly rounded decimal, so equal values compare equal: multiplying the threshold
 * instead carries its binary error (8.8 × 375 is 3300.0000000000005, above 33 × 100).
 */
export function reachesAbsenceThreshold(missed: number, possible: number, thresholdPercent: number): boolean {
  return possible > 0 && (missed * 100) / possible >= thresholdPercent;
}

/** The band holding this attendance, each line included or not as the band says (rules/policy/lines.ts). */
export function bandFor(policy: Policy, attendance: number): Band | null {
  return policy.bands.find((b) => inBand(b, attendance)) ?? null;
}

/**
 * The tier a pupil's attendance places them in: the tier with the lowest
 * threshold they are below. Where tiers share a threshold (escalation within a
 * range, as in Micklefield's tiers 3 and 4), the pupil enters the first of
 * them; moving on is a person's decision that the policy's next steps name.
 */
export function tierFor(policy: Policy, attendance: number): Tier | null {
  let chosen: Tier | null = null;
  for (const tier of policy.tiers) {
    if (tierApplies(tier, attendance) && (chosen === null || compareUpperLines(tierLine(tier), tierLine(chosen)) < 0)) chosen = tier;
  }
  return chosen;
}

/**
 * Where the pupil stands in the school year asked for (by default today's), up to today: only
 * that year's school days count, never last July's marks or a Saturday's.
 */
export function standingOf(timeline: PupilTimeline, context: RulesContext, fail?: ReportFailure): PupilStanding {
  const fromDay = dayNumber(`${context.schoolYear}-09-01`);
  const lastDay = Math.min(context.todayDay, dayNumber(`${context.schoolYear + 1}-08-31`));
  const tally = tallySessions(timeline, lastDay, { fromDay, calendar: context.calendar, ...(fail === undefined ? {} : { fail }) });
  const attended = tally.present + tally.approvedActivity;
  const missed = tally.authorised + tally.unauthorised;
  const possible = attended + missed;
  const attendance = possible === 0 ? null : (attended * 100) / possible;
  const { thresholds } = context.policy;
  return {
    upn: timeline.pupil.upn,
    name: timeline.pupil.name,
    ...tally,
    possibleSessions: possible,
    attendedSessions: attended,
    attendance,
    persistentAbsence: reachesAbsenceThreshold(missed, possible, thresholds.persistentAbsence),
    severeAbsence: reachesAbsenceThreshold(missed, possible, thresholds.severeAbsence),
    band: attendance === null ? null : bandFor(context.policy, attendance),
    tier: attendance === null ? null : tierFor(context.policy, attendance),
  };
}
