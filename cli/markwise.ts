// The command line: the rules over an exported register, for schools whose MIS
// is a desktop program. Exit status: 0 no errors, 1 error findings, 2 bad input.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { SchoolCalendar } from '../rules/calendar/school-calendar';
import { formatSchoolDate, isIsoDate, type IsoDate } from '../rules/dates';
import { evaluateRegister } from '../rules/engine';
import { RULE_IDS } from '../rules/findings';
import { parsePolicy, type Policy, type Role } from '../rules/policy/schema';
import { policyWarnings } from '../rules/policy/warnings';
import { PRESET_IDS, isPresetId, presetInput, presetPolicy } from '../rules/presets';
import { readRegisterExport, type ExportProblem } from '../rules/register-export';
import { DEMO_TODAY } from '../demo/make-demo-register';
import { jsonReport, textReport } from './report';

export const DEMO_FILE = new URL('../demo/register.csv', import.meta.url);

const RULE_SUMMARIES: Readonly<Record<(typeof RULE_IDS)[number], string>> = {
  'code-unknown': 'a mark that is not a DfE attendance code',
  'code-withdrawn': 'a code withdrawn by the session date (H, J, Y from 19 Aug 2024; F from 2013)',
  'code-not-yet-in-force': 'a 2024 code used before 19 August 2024',
  'code-not-allowed': 'a code the policy does not let this role enter',
  'code-wrong-session': '/ in the afternoon or \\ in the morning',
  'code-x-compulsory-age': 'X for a pupil of compulsory school age',
  'late-should-be-u': 'arrived after the register closed, not marked U',
  'late-should-be-l': 'arrived before the register closed, marked U',
  'n-due-soon': 'an N whose deadline is near',
  'n-due-today': 'an N whose deadline is today',
  'n-overdue': 'an N past its deadline',
  'la-notify-10-days': '10 continuous school days of unauthorised absence',
  'penalty-threshold': '10 unauthorised sessions in 10 school weeks',
};

const USAGE = `Markwise: attendance rules over an exported register.

Usage:
  markwise check FILE --policy PRESET_OR_JSON [--today YYYY-MM-DD] [--role office|teacher] [--json]
  markwise policy PRESET        print a preset as policy JSON, to edit and pass to --policy
  markwise demo                 check the bundled demo register
  markwise help

FILE is a CSV with the header upn,name,date,session,mark,arrival (optional dob, year),
or a JSON register snapshot. Dates YYYY-MM-DD or DD/MM/YYYY; session AM or PM; arrival HH:MM.
--today defaults to today in Europe/London.

Exit status: 0 no errors found, 1 errors found, 2 bad input.

Presets: ${PRESET_IDS.join(', ')}

Rule ids:
${RULE_IDS.map((id) => `  ${id.padEnd(24)}${RULE_SUMMARIES[id]}`).join('\n')}
`;

class BadInput extends Error {}

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Today's date in England, whatever the machine's time zone. */
function todayInLondon(): IsoDate {
  return format(new TZDate(Date.now(), 'Europe/London'), 'yyyy-MM-dd');
}

function loadPolicy(spec: string): Policy {
  if (isPresetId(spec)) return presetPolicy(spec);
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch {
    throw new BadInput(`--policy: '${spec}' is neither a preset (${PRESET_IDS.join(', ')}) nor a readable policy file`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BadInput(`${spec}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = parsePolicy(data);
  if (!result.ok) throw new BadInput(`${spec}: the policy is not valid:\n${result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return result.policy;
}

const SHOWN_PROBLEMS = 20;

function describeProblems(file: string, problems: readonly ExportProblem[]): string {
  const lines = problems.slice(0, SHOWN_PROBLEMS).map((p) => {
    const where = [p.line === null ? null : `line ${p.line}`, p.column === null ? null : `column ${p.column}`].filter(Boolean).join(', ');
    return `  ${file}${where ? ` ${where}` : ''}: ${p.message}`;
  });
  if (problems.length > SHOWN_PROBLEMS) lines.push(`  and ${problems.length - SHOWN_PROBLEMS} more`);
  return `${file} could not be checked (nothing was checked):\n${lines.join('\n')}`;
}

interface CheckRequest {
  file: string;
  fileText: string;
  policy: Policy;
  today: IsoDate;
  role: Role;
  json: boolean;
}

function check(request: CheckRequest, io: Output): number {
  const read = readRegisterExport(request.fileText, request.role, basename(request.file));
  if (!read.ok) throw new BadInput(describeProblems(basename(request.file), read.problems));
  const calendar = new SchoolCalendar(request.policy.calendar);
  const evaluation = evaluateRegister(read.snapshot, { policy: request.policy, calendar, today: request.today, role: request.role });
  const warnings = policyWarnings(request.policy, calendar, request.today);
  if (request.json) {
    io.out(JSON.stringify(jsonReport(request.policy, request.today, evaluation)));
    for (const w of warnings) io.err(`warning: ${w.path}: ${w.message}`);
    for (const f of evaluation.failures) io.err(`check failed: ${f.check} for ${f.upn}: ${f.message}`);
  } else {
    io.out(textReport({ policy: request.policy, today: request.today, role: request.role, file: basename(request.file), warnings, evaluation }));
  }
  return evaluation.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function readText(file: string | URL): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new BadInput(`cannot read ${String(file)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function main(argv: readonly string[], io: Output): number {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        policy: { type: 'string' },
        today: { type: 'string' },
        role: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(USAGE);
      return command === undefined && !values.help ? 2 : 0;
    }
    const today = values.today ?? todayInLondon();
    if (!isIsoDate(today)) throw new BadInput(`--today: '${today}' is not a real date (expected YYYY-MM-DD)`);
    const role = values.role ?? 'office';
    if (role !== 'office' && role !== 'teacher') throw new BadInput(`--role: '${role}' is not a role (expected office or teacher)`);

    switch (command) {
      case 'check': {
        if (rest.length !== 1) throw new BadInput('check takes one FILE: markwise check FILE --policy PRESET_OR_JSON');
        if (values.policy === undefined) throw new BadInput(`check needs --policy: a preset (${PRESET_IDS.join(', ')}) or a policy JSON file`);
        const file = rest[0]!;
        return check({ file, fileText: readText(file), policy: loadPolicy(values.policy), today, role, json: values.json }, io);
      }
      case 'policy': {
        const id = rest[0] ?? '';
        if (!isPresetId(id)) throw new BadInput(`policy takes a preset id: ${PRESET_IDS.join(', ')}`);
        io.out(JSON.stringify(presetInput(id), null, 2));
        return 0;
      }
      case 'demo': {
        const demoToday = values.today ?? DEMO_TODAY;
        if (!isIsoDate(demoToday)) throw new BadInput(`--today: '${demoToday}' is not a real date (expected YYYY-MM-DD)`);
        check({ file: 'demo/register.csv', fileText: readText(DEMO_FILE), policy: presetPolicy('micklefield'), today: demoToday, role, json: values.json }, io);
        if (!values.json) {
          io.out(`This was the demo register, checked as of ${formatSchoolDate(demoToday)} so that its N countdowns are what you see.\nCheck your own export with:\n  npm run --silent markwise -- check YOUR-EXPORT.csv --policy micklefield --today YYYY-MM-DD\n`);
        }
        // A demonstration: its errors are the point, not a failure.
        return 0;
      }
      default:
        throw new BadInput(`unknown command '${command}' (expected check, policy, demo or help)`);
    }
  } catch (error) {
    if (error instanceof BadInput || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`markwise: ${error.message}\nRun 'markwise help' for usage.`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
