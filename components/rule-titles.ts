// The panel's heading for each rule, in the office's words. A test checks
// every rule id has one.

import type { RuleId, Severity } from '../rules/findings';

export const RULE_TITLES: Readonly<Record<RuleId, string>> = {
  'code-unknown': 'Not an attendance code',
  'code-withdrawn': 'Withdrawn codes',
  'code-not-yet-in-force': 'Codes not yet in force on that date',
  'code-not-allowed': 'Codes this role may not enter',
  'code-wrong-session': 'Present mark for the wrong session',
  'code-x-compulsory-age': 'X for a pupil of compulsory school age',
  'late-should-be-u': 'Arrived after the register closed: should be U',
  'late-should-be-l': 'Arrived before the register closed: should be L',
  'n-due-soon': 'N codes due soon',
  'n-due-today': 'N codes due today',
  'n-overdue': 'N codes overdue',
  'la-notify-10-days': 'Tell the local authority: 10 school days absent',
  'penalty-threshold': 'Penalty threshold reached',
  'mark-not-school-day': 'Marks on days without school',
};

/** Words beside each severity, so that colour is never the only signal. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** A shape for each severity (error ✕ in a square, warning ! in a triangle, note i in a circle). */
export const SEVERITY_GLYPHS: Readonly<Record<Severity, string>> = { error: '✕', warning: '!', info: 'i' };
