// The command line's two reports: JSON for automation (its keys are part of the
// interface, README "Checking an exported register") and text for office staff.

import { formatSchoolDate, type IsoDate } from '../rules/dates';
import type { CheckFailure, Evaluation } from '../rules/engine';
import { RULE_IDS, SEVERITY_ORDER, findingMessage, type Finding, type RuleId, type Severity } from '../rules/findings';
import type { Policy, Role } from '../rules/policy/schema';
import type { PolicyWarning } from '../rules/policy/warnings';
import type { ReadDetails } from '../rules/exports/common';
import { policyFieldLabel } from '../rules/policy/labels';
import { groupUnknownCodes, unknownCodeMessage } from '../rules/exports/unknown-codes';
import { plural } from '../rules/words';

/** One line about each rule, for help and for the report's group headings (README, "Rule ids"). */
export const RULE_SUMMARIES: Readonly<Record<RuleId, string>> = {
  'code-unknown': 'a mark that is not a DfE attendance code',
  'code-withdrawn': 'a code withdrawn by the session date (H, J and Y in 2024; F in 2013)',
  'code-not-yet-in-force': 'a 2024 code used before 19 August 2024',
  'code-not-allowed': 'a code the policy does not let this role enter',
  'code-wrong-session': '/ in the afternoon or \\ in the morning',
  'code-x-compulsory-age': 'X for a pupil of compulsory school age',
  'late-should-be-u': 'arrived after the register closed, but not marked U',
  'late-should-be-l': 'arrived before the register closed, but marked U',
  'n-due-soon': 'an N whose deadline is near',
  'n-due-today': 'an N whose deadline is today',
  'n-overdue': 'an N past its deadline',
  'la-notify-10-days': '10 continuous school days of unauthorised absence',
  'penalty-threshold': '10 unauthorised sessions in 10 school weeks',
  'mark-not-school-day': 'a mark on a weekend, bank holiday, holiday or closure (not counted)',
};

export function jsonReport(policy: Policy, today: IsoDate, evaluation: Evaluation) {
  return {
    policy: policy.id,
    today,
    // Each code-unknown finding stays above, one a mark, for automation; this says each code once.
    findings: evaluation.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      upn: f.upn,
      date: f.date,
      session: f.session,
      mark: f.mark,
      suggestion: f.suggestion,
      message: findingMessage(f),
    })),
    unknownCodes: groupUnknownCodes(evaluation.findings),
    pupils: evaluation.pupils.map((p) => ({
      upn: p.upn,
      name: p.name,
      possibleSessions: p.possibleSessions,
      attendedSessions: p.attendedSessions,
      attendance: p.attendance,
      band: p.band?.name ?? null,
      tier: p.tier?.level ?? null,
      persistentAbsence: p.persistentAbsence,
      severeAbsence: p.severeAbsence,
    })),
    // What could not be checked: never absent, so a script cannot mistake a failure for a clean register.
    failures: evaluation.failures.map((f) => ({ check: f.check, upn: f.upn, date: f.date ?? null, session: f.session ?? null, message: f.message })),
  };
}

/** "Ada (A1), Wed 5 Nov 2025 AM" or "Ada (A1), the whole register": what a failed check could not check. */
export function failureWhere(failure: CheckFailure, name: string): string {
  const pupil = `${name || '(no name)'} (${failure.upn})`;
  return failure.date === undefined ? `${pupil}, the whole register` : `${pupil}, ${formatSchoolDate(failure.date)}${failure.session === undefined ? '' : ` ${failure.session}`}`;
}

/** "1 mark of 1 pupil", "the whole register of 2 pupils": how much could not be checked. */
export function couldNotCheck(failures: readonly CheckFailure[]): string {
  const marks = new Set(failures.filter((f) => f.date !== undefined).map((f) => `${f.upn}\u0000${f.date}\u0000${f.session ?? ''}`));
  const markPupils = new Set(failures.filter((f) => f.date !== undefined).map((f) => f.upn));
  const wholePupils = new Set(failures.filter((f) => f.date === undefined).map((f) => f.upn));
  const parts = [
    marks.size > 0 ? `${plural(marks.size, 'mark')} of ${plural(markPupils.size, 'pupil')}` : '',
    wholePupils.size > 0 ? `the whole register of ${plural(wholePupils.size, 'pupil')}` : '',
  ];
  return parts.filter((p) => p !== '').join(' and ');
}

/** The report fits a 100-column terminal with room to spare (some wrap at exactly 100). */
const WIDTH = 96;

/** Length as the terminal shows it: colour codes take no room. */
function visibleLength(text: string): number {
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

/** Wraps a paragraph to the report's width; the first line may start with a label. */
export function wrap(text: string, indent: string, first = indent): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (!empty && visibleLength(line) + 1 + visibleLength(word) > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

function pad(text: string, width: number): string {
  return text.length > width - 1 ? `${text.slice(0, width - 2)}… ` : text.padEnd(width);
}

/**
 * Attendance to one decimal place, rounded down, so the figure shown never
 * reaches a band or threshold the pupil has not reached (89.96% is 89.9%, not 90.0%).
 */
export function attendanceText(attendance: number | null): string {
  if (attendance === null) return 'none yet';
  // The small allowance keeps 90 (computed as 89.99999...) at 90.0.
  return `${(Math.floor(attendance * 10 + 1e-9) / 10).toFixed(1)}%`;
}

/** Colour for a terminal; the severity is always written out as well, so colour is never the only signal. */
export interface Style {
  severity(severity: Severity, text: string): string;
  heading(text: string): string;
}

export const PLAIN: Style = { severity: (_s, text) => text, heading: (text) => text };

const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = { error: '\u001b[1;31m', warning: '\u001b[1;33m', info: '\u001b[1;36m' };
export const COLOURED: Style = {
  severity: (severity, text) => `${SEVERITY_COLOURS[severity]}${text}\u001b[0m`,
  heading: (text) => `\u001b[1m${text}\u001b[0m`,
};

export interface TextReportInput {
  policy: Policy;
  today: IsoDate;
  role: Role;
  file: string;
  /** How many marks the file holds. */
  marks: number;
  warnings: readonly PolicyWarning[];
  /** What the reader noticed in the file without refusing it ("register.csv line 4, column upn: ..."). */
  fileWarnings?: readonly string[];
  evaluation: Evaluation;
  /** What the reader did (school codes translated, '-' read as blank), when it says. */
  details?: Pick<ReadDetails, 'translated' | 'dashBlanks'> | undefined;
  /** How the file was read (its shape, header, columns, lateness), one sentence each. */
  readAs?: readonly string[];
  style?: Style;
}


/** What to change the mark to, where the finding says. */
function suggested(f: Finding): string {
  if (f.suggestion !== null) return `, suggested ${f.suggestion}`;
  if (f.alternatives.length > 0) return `, suggested ${f.alternatives.slice(0, -1).join(', ')}${f.alternatives.length > 1 ? ' or ' : ''}${f.alternatives.at(-1)!}`;
  return '';
}

export function textReport(input: TextReportInput): string {
  const { policy, today, role, file, marks, warnings, evaluation } = input;
  const style = input.style ?? PLAIN;
  const label = (severity: Severity) => style.severity(severity, severity.toUpperCase());
  const out: string[] = [];
  const { findings, pupils, failures } = evaluation;
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;

  out.push(style.heading(`Markwise attendance check: ${file}`));
  out.push(`School:  ${policy.schoolName} (policy ${policy.id})`);
  out.push(`Today:   ${formatSchoolDate(today)}, checked as ${role === 'office' ? 'office staff' : 'a teacher'}`);
  out.push(`Read:    ${plural(pupils.length, 'pupil')}, ${plural(marks, 'mark')}`);
  const infos = count('info');
  out.push(`Found:   ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}${infos > 0 ? `, ${infos} for information` : ''}`);
  if (failures.length > 0) out.push(style.severity('error', `Could not check: ${couldNotCheck(failures)} (listed at the end): they may have problems not shown`));
  const translated = input.details?.translated ?? [];
  if (translated.length > 0) {
    out.push(wrap(`Read by the policy's school codes: ${translated.map((t) => `${t.code} → ${t.dfe} (${plural(t.count, 'mark')})`).join(', ')}`, '         ', ''));
  }
  const dashes = input.details?.dashBlanks ?? 0;
  if (dashes > 0) out.push(`Blank:   ${plural(dashes, 'mark')} written '-' (no mark recorded), read as blank`);
  if (input.readAs !== undefined && input.readAs.length > 0) out.push(wrap(input.readAs.join(' '), '         ', 'File:    '));

  const fileWarnings = input.fileWarnings ?? [];
  if (fileWarnings.length > 0) {
    out.push('', style.heading(`About the file (${plural(fileWarnings.length, 'warning')})`));
    for (const w of fileWarnings) out.push(wrap(w, '          ', `  ${label('warning')} `));
  }

  if (warnings.length > 0) {
    out.push('', style.heading(`About the policy (${plural(warnings.length, 'warning')})`));
    for (const w of warnings) out.push(wrap(`${w.message} (${w.path === 'notes' ? "the policy's notes" : `policy: ${policyFieldLabel(w.path)}`})`, '          ', `  ${label('warning')} `));
  }

  const byRule = new Map<RuleId, Finding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const worst = (group: readonly Finding[]) => Math.min(...group.map((f) => SEVERITY_ORDER[f.severity]));
  const groups = [...byRule.entries()].sort(([a, fa], [b, fb]) => worst(fa) - worst(fb) || RULE_IDS.indexOf(a) - RULE_IDS.indexOf(b));
  if (groups.length === 0) {
    out.push('', failures.length === 0 ? 'No problems found in the register.' : 'Nothing was found in the marks that could be checked, but not every mark could be checked (see the end).');
  }
  for (const [rule, group] of groups) {
    const severity = group.find((f) => SEVERITY_ORDER[f.severity] === worst(group))!.severity;
    out.push('', wrap(style.heading(`${rule} (${group.length}): ${RULE_SUMMARIES[rule]}`), '      ', `${label(severity)} `));
    if (rule === 'code-unknown') {
      // A school's own code is on hundreds of marks: one line a code says what to do about them all.
      for (const u of groupUnknownCodes(group)) out.push(wrap(unknownCodeMessage(u), '      ', `  ${label('error')} `));
      continue;
    }
    for (const f of group) {
      const mark = f.mark === '' ? 'no mark' : `mark ${f.mark}`;
      const facts = `${f.name || '(no name)'} (${f.upn}), ${formatSchoolDate(f.date)} ${f.session}, ${mark}${suggested(f)}`;
      out.push(wrap(facts, '      ', `  ${label(f.severity)} `));
      out.push(wrap(findingMessage(f), '      '));
    }
  }

  out.push('', style.heading('Pupils, lowest attendance first'));
  out.push(`  ${pad('Name', 26)}${pad('UPN', 15)}${'Attendance'.padStart(10)}  ${pad('Band', 24)}${pad('Tier', 6)}PA  SA`);
  const sorted = [...pupils].sort((a, b) => (a.attendance ?? Infinity) - (b.attendance ?? Infinity) || a.name.localeCompare(b.name, 'en-GB'));
  for (const p of sorted) {
    const tier = p.tier === null ? '-' : String(p.tier.level);
    out.push(
      `  ${pad(p.name || '(no name)', 26)}${pad(p.upn, 15)}${attendanceText(p.attendance).padStart(10)}  ${pad(p.band?.name ?? '-', 24)}${pad(tier, 6)}${p.persistentAbsence ? 'PA' : '- '}  ${p.severeAbsence ? 'SA' : '-'}`,
    );
  }
  const tiersShown = policy.tiers.filter((t) => pupils.some((p) => p.tier?.level === t.level));
  const legend = [
    `Attendance is to one decimal place, rounded down. PA: persistent absence (${policy.thresholds.persistentAbsence}% or more of sessions missed); SA: severe absence (${policy.thresholds.severeAbsence}% or more).`,
    tiersShown.length > 0 ? `Tiers: ${tiersShown.map((t) => `${t.level} ${t.name}`).join('; ')}.` : '',
  ].join(' ');
  out.push(wrap(legend, '  '));

  if (failures.length > 0) {
    const names = new Map(pupils.map((p) => [p.upn, p.name]));
    out.push('', style.heading(`Could not check (${couldNotCheck(failures)}; the other checks ran, but these may have problems not shown)`));
    for (const f of failures) {
      out.push(wrap(`could not check ${failureWhere(f, names.get(f.upn) ?? '')}: the ${f.check} check failed: ${f.message}`, '      ', `  ${label('error')} `));
    }
    out.push(wrap('This is a fault in Markwise, not in your file: please report it with these lines.', '  '));
  }
  return `${out.join('\n')}\n`;
}
