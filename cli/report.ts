// The command line's two reports: JSON for automation (its keys are part of the
// interface, README "Checking an exported register") and text for office staff.

import { formatSchoolDate, type IsoDate } from '../rules/dates';
import type { Evaluation } from '../rules/engine';
import { RULE_IDS, SEVERITY_ORDER, findingMessage, type Finding, type RuleId } from '../rules/findings';
import type { Policy, Role } from '../rules/policy/schema';
import type { PolicyWarning } from '../rules/policy/warnings';

export function jsonReport(policy: Policy, today: IsoDate, evaluation: Evaluation) {
  return {
    policy: policy.id,
    today,
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
  };
}

const WIDTH = 96;

/** Wraps a paragraph to the report's width, each line indented. */
function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

export interface TextReportInput {
  policy: Policy;
  today: IsoDate;
  role: Role;
  file: string;
  warnings: readonly PolicyWarning[];
  evaluation: Evaluation;
}

export function textReport({ policy, today, role, file, warnings, evaluation }: TextReportInput): string {
  const out: string[] = [];
  const { findings, pupils, failures } = evaluation;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const marks = pupils.reduce((n, p) => n + p.present + p.approvedActivity + p.authorised + p.unauthorised + p.notPossible, 0);
  out.push(`Markwise report for ${file}`);
  out.push(`School: ${policy.schoolName} (policy ${policy.id})`);
  out.push(`Checked as of ${formatSchoolDate(today)}, as ${role === 'office' ? 'office staff' : 'a teacher'}`);
  out.push(`${pupils.length} pupils, ${marks} sessions counted. ${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} other finding${findings.length - errors === 1 ? '' : 's'}.`);

  if (warnings.length > 0) {
    out.push('', 'About the policy');
    for (const w of warnings) out.push(wrap(`WARNING (${w.path}) ${w.message}`, '  '));
  }

  const byRule = new Map<RuleId, Finding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const groups = [...byRule.entries()].sort(
    ([a, fa], [b, fb]) => SEVERITY_ORDER[fa[0]!.severity] - SEVERITY_ORDER[fb[0]!.severity] || RULE_IDS.indexOf(a) - RULE_IDS.indexOf(b),
  );
  if (groups.length === 0) out.push('', 'No problems found.');
  for (const [rule, group] of groups) {
    out.push('', `${group[0]!.severity.toUpperCase()}  ${rule}  (${group.length})`);
    for (const f of group) {
      const fix = f.suggestion !== null ? `  change to ${f.suggestion}` : f.alternatives.length > 0 ? `  choose ${f.alternatives.join(' or ')}` : '';
      out.push(`  ${f.name} (${f.upn}), ${formatSchoolDate(f.date)} ${f.session}, mark ${f.mark === '' ? '(blank)' : f.mark}${fix}`);
      out.push(wrap(findingMessage(f), '      '));
    }
  }

  out.push('', 'Pupils, lowest attendance first (PA: persistent absence, SA: severe absence)');
  out.push(`  ${pad('Name', 28)}${pad('UPN', 15)}${'Attendance'.padStart(10)}  ${pad('Band', 26)}${pad('Tier', 8)}PA  SA`);
  const sorted = [...pupils].sort((a, b) => (a.attendance ?? Infinity) - (b.attendance ?? Infinity));
  for (const p of sorted) {
    const attendance = p.attendance === null ? 'n/a' : `${p.attendance.toFixed(1)}%`;
    out.push(
      `  ${pad(p.name, 28)}${pad(p.upn, 15)}${attendance.padStart(10)}  ${pad(p.band?.name ?? '-', 26)}${pad(p.tier ? String(p.tier.level) : '-', 8)}${p.persistentAbsence ? 'PA' : '- '}  ${p.severeAbsence ? 'SA' : '-'}`,
    );
  }

  if (failures.length > 0) {
    out.push('', 'Checks that failed (the other checks ran)');
    for (const f of failures) out.push(`  ${f.check} for ${f.upn}: ${f.message}`);
  }
  return `${out.join('\n')}\n`;
}
