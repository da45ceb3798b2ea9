// Findings as a CSV file for a meeting or a spreadsheet: one row a finding, with the pupil's
// name, the day in British form beside the ISO date (which sorts), and the advice in words.

import Papa from 'papaparse';
import { formatSchoolDate } from '../rules/dates';
import type { Finding } from '../rules/findings';
import { RULE_TITLES } from './rule-titles';

export const FINDINGS_CSV_HEADER = ['Severity', 'Rule', 'Rule id', 'UPN', 'Pupil', 'Date', 'Day', 'Session', 'Mark', 'Change to', 'What', 'Why', 'What to do'] as const;

/**
 * The file's text: a byte-order mark so that Excel reads the names as UTF-8 (Zoë, not ZoÃ«),
 * Windows line endings, and cells that would start a formula (=, +, -, @) quoted so that
 * a spreadsheet shows them rather than running them.
 */
export function findingsCsv(findings: readonly Finding[]): string {
  const rows = findings.map((f) => [
    f.severity,
    RULE_TITLES[f.rule],
    f.rule,
    f.upn,
    f.name,
    f.date,
    formatSchoolDate(f.date),
    f.session,
    f.mark,
    f.suggestion ?? f.alternatives.join(' or '),
    f.what,
    f.why,
    f.action,
  ]);
  const body = Papa.unparse({ fields: [...FINDINGS_CSV_HEADER], data: rows }, { newline: '\r\n', escapeFormulae: true });
  // Papa ends a header with no rows with a line break, and rows without one.
  return `\uFEFF${body}${body.endsWith('\r\n') ? '' : '\r\n'}`;
}
