// The rules engine: a register snapshot and a policy in, findings and each
// pupil's standing out. Pure: no DOM, no browser APIs, no clock (today is given).

import { CHECKS } from './checks';
import { rulesContext, type EvaluateOptions, type Report, type ReportFailure } from './checks/check';
import { standingOf, type PupilStanding } from './checks/standing';
import { compareFindings, type Finding } from './findings';
import type { IsoDate } from './dates';
import type { RegisterSnapshot, Session } from './snapshot';
import { TimelineBuilder } from './timeline';

export type { Check, EvaluateOptions, RulesContext } from './checks/check';

/** A check that threw: reported, never allowed to stop the other checks. */
export interface CheckFailure {
  readonly check: string;
  readonly upn: string;
  readonly message: string;
  /** The mark it could not check, where it failed on one mark (otherwise on the pupil's whole register). */
  readonly date?: IsoDate;
  readonly session?: Session;
}

export interface Evaluation {
  /** Most urgent first. */
  readonly findings: Finding[];
  readonly pupils: PupilStanding[];
  readonly failures: CheckFailure[];
}

/** Every check over every pupil, and every pupil's standing. */
export function evaluateRegister(snapshot: RegisterSnapshot, options: EvaluateOptions): Evaluation {
  const context = rulesContext(options, snapshot.role);
  const checks = options.checks ?? CHECKS;
  const withStandings = options.standings ?? true;
  const builder = new TimelineBuilder(context.registrationStartsAt);
  const findings: Finding[] = [];
  const pupils: PupilStanding[] = [];
  const failures: CheckFailure[] = [];
  const report: Report = (f) => {
    findings.push(f);
  };
  for (const pupil of snapshot.pupils) {
    const timeline = builder.build(pupil);
    for (const check of checks) {
      const fail: ReportFailure = (i, error) => {
        const mark = timeline.marks[i];
        failures.push({ check: check.id, upn: pupil.upn, message: messageOf(error), ...(mark === undefined ? {} : { date: mark.date, session: mark.session }) });
      };
      try {
        check.run(timeline, context, report, fail);
      } catch (error) {
        failures.push({ check: check.id, upn: pupil.upn, message: messageOf(error) });
      }
    }
    options.eachTimeline?.(timeline);
    if (withStandings) pupils.push(standingOf(timeline, context, (i, error) => failures.push({ check: 'standing', upn: pupil.upn, message: messageOf(error), date: timeline.marks[i]!.date, session: timeline.marks[i]!.session })));
  }
  findings.sort(compareFindings);
  return { findings, pupils, failures };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
