// The widget's JavaScript API for vendors who already have the data: a register snapshot in,
// findings and each pupil's standing out, by the same rules engine as the extension.

import { noBankHolidays } from '../../rules/calendar/bank-holiday-source';
import { ENGLAND_TABLE_FIRST_YEAR, ENGLAND_TABLE_LAST_YEAR, tabledEnglandBankHolidays } from '../../rules/calendar/england-bank-holidays';
import { SchoolCalendar } from '../../rules/calendar/school-calendar';
import type { PupilStanding } from '../../rules/checks/standing';
import { isIsoDate, type IsoDate } from '../../rules/dates';
import { evaluateRegister, type CheckFailure } from '../../rules/engine';
import type { Finding } from '../../rules/findings';
import type { Policy } from '../../rules/policy/schema';
import { registerSnapshotSchema } from '../../rules/snapshot';
import { describeIssues, type InputProblem } from '../../rules/validation';
import { todayInEngland } from '../../storage/bundle';
import { policyFrom, presetOutcome } from './policy';

export interface CheckOptions {
  /** 'dfe' (the statutory rules, the default); a school's preset is a file beside the widget (presets/<id>.json): pass it as policy. */
  readonly preset?: string;
  /** A policy as an object or JSON text, in the format of an exported preset. */
  readonly policy?: unknown;
  /** The day to check as of (YYYY-MM-DD). Default: today in England. */
  readonly today?: string;
}

export type CheckResult =
  | { readonly ok: true; readonly policy: { readonly id: string; readonly schoolName: string }; readonly today: IsoDate; readonly findings: Finding[]; readonly pupils: PupilStanding[]; readonly failures: CheckFailure[] }
  | { readonly ok: false; readonly where: string; readonly problems: readonly InputProblem[] };

/** England's bank holidays by year, as a page view's bundle carries them. */
export function bankHolidaysFor(policy: Policy): Record<string, readonly IsoDate[]> {
  const byYear: Record<string, readonly IsoDate[]> = {};
  if (policy.calendar.bankHolidays !== 'england') return byYear;
  for (let year = ENGLAND_TABLE_FIRST_YEAR; year <= ENGLAND_TABLE_LAST_YEAR; year++) byYear[year] = tabledEnglandBankHolidays(year);
  return byYear;
}

/**
 * Checks a register snapshot ({ role, pupils: [{ upn, name, marks: [{ date, session, mark,
 * arrival }] }] }). Bad input is answered with every problem and where, never thrown.
 */
export function check(snapshot: unknown, options: CheckOptions = {}): CheckResult {
  const preset = options.preset ?? 'dfe';
  const outcome =
    options.policy !== undefined
      ? policyFrom(options.policy, 'options.policy')
      : (presetOutcome(preset) ?? {
          ok: false as const,
          where: 'options.preset',
          problems: [{ path: 'preset', message: `${preset} is a school's preset, kept beside the widget in presets/${preset}.json, not built in (only dfe is): fetch that file and pass it as options.policy` }],
        });
  if (!outcome.ok) return outcome;
  const today = options.today ?? todayInEngland();
  if (!isIsoDate(today)) return { ok: false, where: 'options.today', problems: [{ path: 'today', message: 'must be a real date written as YYYY-MM-DD' }] };
  const parsed = registerSnapshotSchema.safeParse(snapshot);
  if (!parsed.success) return { ok: false, where: 'the snapshot', problems: describeIssues(parsed.error, snapshot, '(the snapshot itself)') };
  const policy = outcome.policy;
  const calendar = new SchoolCalendar(policy.calendar, policy.calendar.bankHolidays === 'england' ? tabledEnglandBankHolidays : noBankHolidays);
  const evaluation = evaluateRegister(parsed.data, { policy, calendar, today });
  return { ok: true, policy: { id: policy.id, schoolName: policy.schoolName }, today, findings: evaluation.findings, pupils: evaluation.pupils, failures: evaluation.failures };
}
