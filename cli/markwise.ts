// The command line: the rules over an exported register, for schools whose MIS
// is a desktop program. Exit status: 0 no errors, 1 error findings, 2 bad input
// (3 when Markwise itself fails, so that a crash is never read as "errors found").

import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { TZDate } from '@date-fns/tz';
import { formatSchoolDate, isIsoDate, type IsoDate } from '../rules/dates';
import { evaluateRegister } from '../rules/engine';
import { RULE_IDS } from '../rules/findings';
import { parsePolicy, type Policy, type Role } from '../rules/policy/schema';
import { policyWarnings } from '../rules/policy/warnings';
import { describePolicyProblem } from '../rules/policy/labels';
import { PRESET_IDS, isPresetId, presetInput, presetPolicy } from '../rules/presets';
import { decodeFileText } from '../rules/file-text';
import { describeExportProblem, describeExportProblems, jsonSyntaxProblem, readRegisterExport } from '../rules/register-export';
import { REGISTER_FIELDS, columnsFromJson, parseColumnsOption, type ColumnMapping } from '../rules/exports/columns';
import { readNotes } from '../rules/exports/notes';
import { DEMO_TODAY } from '../storage/bundle';
import { RULE_SUMMARIES, failureWhere, jsonReport, textReport, type Style } from './report';
import { ENGLAND_TABLE_LAST_YEAR, tabledSchoolCalendarFor } from '../rules/calendar/england-bank-holidays';

/**
 * The repository's demo register, read at run time (the demo is a fixture: nothing of it is built in),
 * from the source (cli/) or from the built program (.output/cli/).
 */
function demoFile(): URL {
  const found = ['../demo/register.csv', '../../demo/register.csv'].map((path) => new URL(path, import.meta.url)).find((url) => existsSync(url));
  if (found === undefined) throw new BadInput('the demo register (demo/register.csv) is not here: the demo runs from a copy of the repository');
  return found;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL_FAILURE = 3;

function presetLines(): string {
  return PRESET_IDS.map((id) => `  ${id.padEnd(24)}${presetPolicy(id).schoolName}`).join('\n');
}

function usage(): string {
  return `Markwise: attendance rules over an exported register.

Usage:
  markwise check FILE --policy PRESET_OR_JSON [--today YYYY-MM-DD] [--json]
                      [--role teacher|office] [--school-year YYYY-YY]
                      [--columns MAPPING_OR_JSON] [--header-line N]
  markwise policy PRESET     print a preset as policy JSON, to edit and pass to --policy
  markwise demo              check the bundled demo register (what npm start runs)
  markwise help              this text (also --help)

FILE is a register export as an MIS writes it:
  - CSV, one row a pupil and session. The columns are guessed from the header as MIS products
    spell them (UPN; Name, Student, or Surname and Forename; Date, Attendance Date; Session,
    Session Name, AM/PM; Mark, Attendance Mark, Code; Arrived, Arrival Time; Minutes Late,
    Mins Late, Minute; DOB; Year), and other columns are left out. Report title rows above the
    header are skipped. Dates are YYYY-MM-DD or DD/MM/YYYY, the session AM or PM, the arrival
    HH:MM; minutes late count from the session's registration start in the policy.
  - CSV, a week grid: one row a pupil, a column a session ("Mon 17/11/2025 AM").
  - A Common Transfer File (CTF, XML), or a Markwise JSON register snapshot.
'-' is "no mark recorded" (a blank). A school's own codes (I01, 7...) are read by the policy's
schoolCodes table (code, dfe, name); a code it does not translate is reported once with its count.

  --policy   a preset id (below) or the path of a policy JSON file
  --today    the date to check as of; default today in Europe/London
  --role     whose codes to check: office (the default) or teacher
  --school-year  the school year attendance is counted over, such as 2024-25; default the
             school year of --today (only its school days count, up to --today)
  --json     one JSON object on standard output; warnings go to standard error
  --columns  which column is which, when the guess is wrong: field=Header pairs, such as
             --columns "upn=Pupil Ref,name=Child,date=When,session=Reg,mark=Entry", or the path
             of a JSON file of them ({"upn": "Pupil Ref", ...}). The fields are
             ${REGISTER_FIELDS.join(', ')}
             (upn, a name or surname, date, session and mark are needed).
  --header-line  the line the header is on, when title rows above it are not found by themselves

Dates before 2000 or more than a year after --today are bad input (a mistyped year).

Exit status: 0 no errors found, 1 errors found, 2 bad input (nothing was checked),
3 Markwise itself failed or could not check some marks (the report says which).

Presets:
${presetLines()}

Rule ids:
${RULE_IDS.map((id) => `  ${id.padEnd(24)}${RULE_SUMMARIES[id]}`).join('\n')}
`;
}

/** Input Markwise cannot check: the message says what is wrong and where. */
class BadInput extends Error {
  constructor(
    message: string,
    /** Whether pointing to the usage helps (a mistyped command, not a bad row). */
    readonly showUsageHint = false,
  ) {
    super(message);
  }
}

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Colour only on a terminal (never when piped), and never as the only signal. */
  style: Style;
  /** The current time, for today's date when --today is not given. */
  now: () => number;
}

/** The date in England at an instant, whatever the machine's time zone (00:30 BST is already tomorrow). */
export function londonDate(instant: number): IsoDate {
  // TZDate's getters read the wall clock in London (importing all of date-fns for format() costs 0.4 s a run).
  const london = new TZDate(instant, 'Europe/London');
  const two = (n: number) => String(n).padStart(2, '0');
  return `${london.getFullYear()}-${two(london.getMonth() + 1)}-${two(london.getDate())}`;
}

function loadPolicy(spec: string): Policy {
  if (isPresetId(spec)) return presetPolicy(spec);
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch (error) {
    const looksLikeId = /^[a-z0-9-]+$/.test(spec);
    throw new BadInput(
      looksLikeId
        ? `--policy: '${spec}' is not a preset (the presets are ${PRESET_IDS.join(', ')}), and there is no policy file of that name`
        : `--policy: cannot read the policy file '${spec}' (${reason(error)}); the presets are ${PRESET_IDS.join(', ')}`,
      true,
    );
  }
  const name = basename(spec);
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const { line, message } = jsonSyntaxProblem(json, error);
    throw new BadInput(`the policy file ${name}${line === null ? '' : ` line ${line}`}: ${message}`);
  }
  const result = parsePolicy(data);
  if (!result.ok) {
    // The label for people, and the field's path in the file for whoever edits it.
    const problems = result.problems.map((p) => `  ${name}: ${describePolicyProblem(p)}${/^[\w.[\]]+$/.test(p.path) ? ` (in the file: ${p.path})` : ''}`);
    throw new BadInput(`the policy file ${name} is not a valid policy (nothing was checked):\n${problems.join('\n')}`);
  }
  return result.policy;
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function readText(file: string | URL, what: string): string {
  try {
    // UTF-8, or Windows-1252 as SIMS and Excel on Windows save CSV ('Zoë', not 'Zo�').
    return decodeFileText(readFileSync(file)).text;
  } catch (error) {
    throw new BadInput(`cannot read ${what} (${reason(error)})`);
  }
}

interface CheckRequest {
  /** The name the report and messages use. */
  file: string;
  fileText: string;
  policy: Policy;
  today: IsoDate;
  /** From --role; otherwise a JSON snapshot's own role, or office staff. */
  role: Role | undefined;
  json: boolean;
  /** From --school-year: the year standings count (by its first calendar year); default today's. */
  schoolYear?: number | undefined;
  /** From --columns and --header-line. */
  columns?: ColumnMapping | undefined;
  headerLine?: number | undefined;
}

function check(request: CheckRequest, io: Output): number {
  const read = readRegisterExport(request.fileText, request.file, {
    today: request.today,
    schoolCodes: request.policy.schoolCodes,
    ...(request.columns === undefined ? {} : { columns: request.columns }),
    ...(request.headerLine === undefined ? {} : { headerLine: request.headerLine }),
  });
  if (!read.ok) {
    const lines = describeExportProblems(request.file, read.problems).map((line) => `  ${line}`);
    if (read.shape === 'register-long' && read.header !== undefined) {
      const guess = Object.entries(read.guess ?? {}).map(([field, header]) => `${field}=${header}`);
      lines.push(
        '',
        `The header was read from line ${read.header.line}: ${read.header.fields.map((f) => `'${f}'`).join(', ')}.`,
        `Say which column is which with --columns field=Header,... (the fields are ${REGISTER_FIELDS.join(', ')})${guess.length > 0 ? `; the guess was --columns "${guess.join(',')}"` : ''},`,
        'and where the header is with --header-line N if it is not that line.',
      );
    }
    throw new BadInput(`${request.file} could not be read, so nothing was checked:\n${lines.join('\n')}`);
  }
  const { snapshot, details } = read;
  const role = request.role ?? snapshot.role;
  const calendar = tabledSchoolCalendarFor(request.policy.calendar);
  const evaluation = evaluateRegister(snapshot, {
    policy: request.policy,
    calendar,
    today: request.today,
    role,
    ...(request.schoolYear === undefined ? {} : { schoolYear: request.schoolYear }),
  });
  const warnings = policyWarnings(request.policy, calendar, request.today);
  const fileWarnings = read.warnings.map((w) => describeExportProblem(request.file, w));
  if (request.json) {
    io.out(JSON.stringify(jsonReport(request.policy, request.today, evaluation)));
    for (const w of fileWarnings) io.err(`markwise: WARNING ${w}`);
    for (const w of warnings) io.err(`markwise: WARNING (policy ${w.path}) ${w.message}`);
    const names = new Map(snapshot.pupils.map((p) => [p.upn, p.name]));
    for (const f of evaluation.failures) io.err(`markwise: ERROR could not check ${failureWhere(f, names.get(f.upn) ?? '')}: the ${f.check} check failed: ${f.message}`);
  } else {
    const marks = snapshot.pupils.reduce((n, p) => n + p.marks.length, 0);
    // The school codes and '-' are said by the report's header; the rest of how the file was read, here.
    const readAs = readNotes({ ...details, translated: [], dashBlanks: 0 }, request.policy);
    io.out(textReport({ policy: request.policy, today: request.today, role, file: request.file, marks, warnings, fileWarnings, evaluation, details, readAs, style: io.style }));
  }
  // A mark that could not be checked outranks every finding: the report is not the whole truth.
  if (evaluation.failures.length > 0) return EXIT_INTERNAL_FAILURE;
  return evaluation.findings.some((f) => f.severity === 'error') ? EXIT_ERRORS_FOUND : EXIT_OK;
}

/**
 * The snapshot with the policy's school codes read as DfE codes, and what was translated. A reader
 * that translates by options.schoolCodes itself returns its details; for one that does not yet (the
 * long CSV reader before issue 13's dispatcher), the marks are translated here. Translating twice
 * changes nothing: a table's codes are never DfE codes, and each stands for one.
 */
function parseToday(text: string | undefined, io: Output): IsoDate {
  if (text === undefined) return withinBankHolidays(londonDate(io.now()), 'today');
  if (!isIsoDate(text)) throw new BadInput(`--today: '${text}' is not a real date (expected YYYY-MM-DD, such as 2025-11-26)`);
  return withinBankHolidays(text, '--today');
}

/**
 * A register may hold dates up to a year after today; this Markwise knows England's bank holidays
 * to the end of ENGLAND_TABLE_LAST_YEAR, and never counts a bank holiday as a school day unseen.
 */
function withinBankHolidays(today: IsoDate, what: string): IsoDate {
  if (Number(today.slice(0, 4)) >= ENGLAND_TABLE_LAST_YEAR) {
    throw new BadInput(`${what} is ${formatSchoolDate(today)}: this copy of Markwise knows England's bank holidays only to ${ENGLAND_TABLE_LAST_YEAR}, so it cannot check registers that late; use a newer Markwise`);
  }
  return today;
}

/** '2024-25' is 2024; the two years must follow each other. */
function parseSchoolYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m === null || (Number(m[1]) + 1) % 100 !== Number(m[2]) || Number(m[1]) < 2000 || Number(m[1]) >= ENGLAND_TABLE_LAST_YEAR) {
    throw new BadInput(`--school-year: '${text}' is not a school year (expected such as 2024-25)`, true);
  }
  return Number(m[1]);
}

/** --columns: field=Header pairs, or the path of a saved mapping (JSON). */
function parseColumns(text: string | undefined): ColumnMapping | undefined {
  if (text === undefined) return undefined;
  if (/\.json$/i.test(text.trim())) {
    const json = readText(text, `the column mapping file '${text}'`);
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch (error) {
      const { line, message } = jsonSyntaxProblem(json, error);
      throw new BadInput(`--columns: the mapping file ${basename(text)}${line === null ? '' : ` line ${line}`}: ${message}`);
    }
    const mapping = columnsFromJson(data);
    if (!mapping.ok) throw new BadInput(`--columns: the mapping file ${basename(text)}: ${mapping.problem}`);
    return mapping.mapping;
  }
  const mapping = parseColumnsOption(text);
  if (!mapping.ok) throw new BadInput(`--columns: ${mapping.problem}`, true);
  return mapping.mapping;
}

function parseHeaderLine(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,6}$/.test(text)) throw new BadInput(`--header-line: '${text}' is not a line number (expected such as 5)`, true);
  return Number(text);
}

function parseRole(text: string | undefined): Role | undefined {
  if (text === undefined || text === 'office' || text === 'teacher') return text;
  throw new BadInput(`--role: '${text}' is not a role (expected office or teacher)`, true);
}

export function main(argv: readonly string[], io: Output): number {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        allowPositionals: true,
        strict: true,
        options: {
          policy: { type: 'string' },
          today: { type: 'string' },
          role: { type: 'string' },
          'school-year': { type: 'string' },
          columns: { type: 'string' },
          'header-line': { type: 'string' },
          json: { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const unknown = /^Unknown option '([^']+)'/.exec(message);
      // node:util's own wording names the option; its advice about positionals does not help here.
      throw new BadInput(unknown === null ? message : `unknown option '${unknown[1]}' (the options are --policy, --today, --role, --school-year, --columns, --header-line, --json and --help)`, true);
    }
    const { values, positionals } = parsed;
    const [command, ...rest] = positionals;
    if (values.help || command === 'help') {
      io.out(usage());
      return EXIT_OK;
    }
    if (command === undefined) {
      io.err(usage());
      return EXIT_BAD_INPUT;
    }
    const role = parseRole(values.role);

    switch (command) {
      case 'check': {
        if (rest.length !== 1) throw new BadInput(`check takes one FILE (given ${rest.length}): markwise check FILE --policy PRESET_OR_JSON`, true);
        if (values.policy === undefined) throw new BadInput(`check needs --policy: a preset (${PRESET_IDS.join(', ')}) or the path of a policy JSON file`, true);
        const path = rest[0]!;
        const today = parseToday(values.today, io);
        const policy = loadPolicy(values.policy);
        const file = basename(path);
        const schoolYear = parseSchoolYear(values['school-year']);
        const columns = parseColumns(values.columns);
        const headerLine = parseHeaderLine(values['header-line']);
        return check({ file, fileText: readText(path, `the register file '${path}'`), policy, today, role, json: values.json, schoolYear, columns, headerLine }, io);
      }
      case 'policy': {
        const id = rest[0] ?? '';
        if (!isPresetId(id)) throw new BadInput(`policy takes a preset id: ${PRESET_IDS.join(', ')}`, true);
        io.out(JSON.stringify(presetInput(id), null, 2));
        return EXIT_OK;
      }
      case 'demo': {
        // Fixed, not the real today: the demo's N countdowns (due soon, due today, overdue) are true on DEMO_TODAY.
        const today = values.today === undefined ? DEMO_TODAY : parseToday(values.today, io);
        const policy = presetPolicy('micklefield');
        check({ file: 'demo/register.csv', fileText: readText(demoFile(), 'the demo register'), policy, today, role, json: values.json }, io);
        if (!values.json) {
          io.out(
            [
              '',
              `This was the demo register (a fictional class), checked as of ${formatSchoolDate(today)} so that its N`,
              'countdowns read as shown. To check your own register export:',
              '  npx markwise check YOUR-EXPORT.csv --policy micklefield --today YYYY-MM-DD',
              "Leave out --today to check as of today. 'npx markwise help' lists the presets.",
              '',
            ].join('\n'),
          );
        }
        // A demonstration: its errors are the point, not a failure.
        return EXIT_OK;
      }
      default:
        throw new BadInput(`unknown command '${command}' (expected check, policy, demo or help)`, true);
    }
  } catch (error) {
    if (error instanceof BadInput) {
      io.err(`markwise: ${error.message}${error.showUsageHint ? "\nRun 'markwise help' for usage." : ''}`);
      return EXIT_BAD_INPUT;
    }
    io.err(`markwise: something went wrong inside Markwise, not in your file. Please report it with this:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT_INTERNAL_FAILURE;
  }
}
