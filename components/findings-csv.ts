// Findings as a CSV file for a meeting or a spreadsheet: one row a finding, with the pupil's
// name, the day in British form beside the ISO date (which sorts), and the advice in words.

import { formatSchoolDate } from '../rules/dates';
import type { Finding } from '../rules/findings';
import { spreadsheetCsv } from './csv';
import { RULE_TITLES } from './rule-titles';

export const FINDINGS_CSV_HEADER = ['Severity', 'Rule', 'Rule id', 'UPN', 'Pupil', 'Date', 'Day', 'Session', 'Mark', 'Change to', 'What', 'Why', 'What to do'] as const;

/** The file's text, one row a finding (see spreadsheetCsv for what makes it safe to open in Excel). */
export function findingsCsv(findings: readonly Finding[]): string {
  return spreadsheetCsv(
    FINDINGS_CSV_HEADER,
    findings.map((f) => [
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
    ]),
  );
}
