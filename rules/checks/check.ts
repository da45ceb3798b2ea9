// The contract between the engine and each check. A new rule is one file in
// rules/checks/ and one line in rules/checks/index.ts.

import { academicYearStarting, type SchoolCalendar } from '../calendar/school-calendar';
import { dayNumber, parseClockTime, type IsoDate } from '../dates';
import type { Finding, RuleId, Severity } from '../findings';
import type { Policy, Role } from '../policy/schema';
import type { PupilTimeline } from '../timeline';

export interface RulesContext {
  readonly policy: Policy;
  readonly calendar: SchoolCalendar;
  readonly today: IsoDate;
  readonly todayDay: number;
  readonly role: Role;
  /** The codes this role may enter; null when the policy allows every code. */
  readonly allowedCodes: ReadonlySet<string> | null;
  /** Minutes after midnight, indexed by session (0 = AM, 1 = PM). */
  readonly registrationStartsAt: readonly [number, number];
  readonly registerClosesAt: readonly [number, number];
  /** The school year standings count, by its first calendar year (2025 for 2025-26). */
  readonly schoolYear: number;
}

export type Report = (finding: Finding) => void;

/**
 * A mark a check could not decide (index in the timeline): the check goes on with the next mark,
 * so one bad mark never hides the pupil's other findings.
 */
export type ReportFailure = (index: number, error: unknown) => void;

export interface Check {
  readonly id: string;
  /** The rule ids this check can report. */
  readonly rules: readonly RuleId[];
  run(timeline: PupilTimeline, context: RulesContext, report: Report, fail: ReportFailure): void;
}

export interface EvaluateOptions {
  readonly policy: Policy;
  readonly calendar: SchoolCalendar;
  readonly today: IsoDate;
  /** Overrides the snapshot's role. */
  readonly role?: Role;
  readonly checks?: readonly Check[];
  /**
   * Whether to work out each pupil's standing from the marks (default true). A page that shows
   * one week has no year-to-date figure to work out; the extension takes the page's own.
   */
  readonly standings?: boolean;
  /**
   * The school year a standing counts, by its first calendar year (2024 for 2024-25); default the
   * school year of today. Only that year's school days up to today count.
   */
  readonly schoolYear?: number;
  /**
   * Given each pupil's timeline once the checks have read it, in the order of pupils: what else is
   * drawn from the marks (a pupil's card) need not read them again.
   */
  readonly eachTimeline?: (timeline: PupilTimeline) => void;
}

export function rulesContext(options: EvaluateOptions, snapshotRole: Role): RulesContext {
  const role = options.role ?? snapshotRole;
  const allowed = options.policy.codes[role];
  const { sessions } = options.policy;
  return {
    policy: options.policy,
    calendar: options.calendar,
    today: options.today,
    todayDay: dayNumber(options.today),
    role,
    allowedCodes: allowed === 'all' ? null : new Set(allowed),
    registrationStartsAt: [minutes(sessions.AM.registrationStartsAt), minutes(sessions.PM.registrationStartsAt)],
    registerClosesAt: [minutes(sessions.AM.registerClosesAt), minutes(sessions.PM.registerClosesAt)],
    schoolYear: options.schoolYear ?? academicYearStarting(options.today),
  };
}

/** The policy schema guarantees HH:MM, so a failure here is a programming error. */
function minutes(time: string): number {
  const parsed = parseClockTime(time);
  if (parsed === null) throw new Error(`Not a time of day: ${time}`);
  return parsed;
}

export interface FindingDetails {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly suggestion?: string | null;
  readonly alternatives?: readonly string[];
  readonly what: string;
  readonly why: string;
  readonly action: string;
  /** What to do when the role may not enter the fix ("Tell the office: …"); by default, who records which code. */
  readonly instead?: string;
}

/**
 * A finding about the mark at index i of a pupil's timeline. Given the context, a fix is offered only
 * where the role may enter it; otherwise the action says what to do instead (issue 14, item 1).
 */
export function findingAt(timeline: PupilTimeline, i: number, details: FindingDetails, context?: RulesContext): Finding {
  const mark = timeline.marks[i]!;
  let suggestion = details.suggestion ?? null;
  let alternatives = details.alternatives ?? (suggestion === null ? [] : [suggestion]);
  let action = details.action;
  const allowed = context?.allowedCodes;
  if (allowed && alternatives.some((code) => !allowed.has(code))) {
    action = details.instead ?? `Tell the office what you know; they record ${alternatives.join(' or ')}.`;
    alternatives = alternatives.filter((code) => allowed.has(code));
    if (suggestion !== null && !allowed.has(suggestion)) suggestion = null;
  }
  return {
    rule: details.rule,
    severity: details.severity,
    upn: timeline.pupil.upn,
    name: timeline.pupil.name,
    date: mark.date,
    session: mark.session,
    mark: mark.mark,
    suggestion,
    alternatives,
    what: details.what,
    why: details.why,
    action,
  };
}
