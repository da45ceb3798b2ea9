// What the rules engine reports. Rule ids are part of the product's interface:
// the panel, automation and exported reports rely on them (README, "Rule ids").

import type { IsoDate } from './dates';
import type { Session } from './snapshot';

export const RULE_IDS = [
  'code-unknown',
  'code-withdrawn',
  'code-not-yet-in-force',
  'code-not-allowed',
  'code-wrong-session',
  'code-x-compulsory-age',
  'late-should-be-u',
  'late-should-be-l',
  'n-due-soon',
  'n-due-today',
  'n-overdue',
  'la-notify-10-days',
  'penalty-threshold',
  'mark-not-school-day',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly upn: string;
  readonly name: string;
  readonly date: IsoDate;
  readonly session: Session;
  /** The mark as the register shows it. */
  readonly mark: string;
  /** The one code to change the mark to, where there is exactly one. */
  readonly suggestion: string | null;
  /** Codes to choose between where the right one depends on the reason. */
  readonly alternatives: readonly string[];
  /** What is wrong, in one sentence. */
  readonly what: string;
  /** Why, citing the policy or regulation. */
  readonly why: string;
  /** What to do. */
  readonly action: string;
}

/** The finding as one paragraph of plain British English: what, why, what to do. */
export function findingMessage(finding: Pick<Finding, 'what' | 'why' | 'action'>): string {
  return `${finding.what} ${finding.why} ${finding.action}`;
}

/** Most urgent first: severity, then date, then pupil, then session. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
    (a.upn < b.upn ? -1 : a.upn > b.upn ? 1 : 0) ||
    (a.session < b.session ? -1 : a.session > b.session ? 1 : 0) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
