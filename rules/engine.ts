// The rules engine: a register snapshot and a policy in, findings and each
// pupil's standing out. Pure: no DOM, no browser APIs, no clock (today is given).

import { CHECKS } from './checks';
import { rulesContext, type EvaluateOptions, type Report } from './checks/check';
import { standingOf, type PupilStanding } from './checks/standing';
import { compareFindings, type Finding } from './findings';
import type { RegisterSnapshot } from './snapshot';
import { TimelineBuilder } from './timeline';

export type { Check, EvaluateOptions, RulesContext } from './checks/check';

/** A check that threw: reported, never allowed to stop the other checks. */
export interface CheckFailure {
  readonly check: string;
  readonly upn: string;
  readonly message: string;
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
  const builder = new TimelineBuilder();
  const findings: Finding[] = [];
  const pupils: PupilStanding[] = [];
  const failures: CheckFailure[] = [];
  const report: Report = (f) => {
    findings.push(f);
  };
  for (const pupil of snapshot.pupils) {
    const timeline = builder.build(pupil);
    for (const check of checks) {
      try {
        check.run(timeline, context, report);
      } catch (error) {
        failures.push({ check: check.id, upn: pupil.upn, message: error instanceof Error ? error.message : String(error) });
      }
    }
    if (withStandings) pupils.push(standingOf(timeline, context));
  }
  findings.sort(compareFindings);
  return { findings, pupils, failures };
}
