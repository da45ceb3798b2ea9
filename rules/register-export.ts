// Reading a register export: the CSV an MIS (SIMS and others) exports, or a
// JSON register snapshot. Pure: it takes the file's text, so the command line
// and the extension's options page read exports the same way. All-or-nothing:
// one bad row and no snapshot is returned, with every problem's line and column.

import { csvRowsWithLines, type CsvRow } from './csv-rows';
import { formatClockTime, formatSchoolDate, isIsoDate, parseClockTime, parseSchoolDate, type IsoDate } from './dates';
import { registerSnapshotSchema, type RegisterSnapshot, type Session, type SnapshotMark } from './snapshot';
import { upnCheckProblem } from './upn';
import { describeIssues } from './validation';

export interface ExportProblem {
  /** The line in the file as a person counts it (the header is line 1); null for the file as a whole. */
  readonly line: number | null;
  /** CSV: the column's header name, as the export names it. */
  readonly column: string | null;
  /** JSON: where in the snapshot, such as 'pupils[3].marks[12].date'. */
  readonly path: string | null;
  readonly message: string;
}

/** Read, perhaps with warnings: things worth a look that do not stop the check (a UPN failing its check letter). */
export type ExportResult = { ok: true; snapshot: RegisterSnapshot; warnings: ExportProblem[] } | { ok: false; problems: ExportProblem[] };

export const REQUIRED_COLUMNS = ['upn', 'name', 'date', 'session', 'mark', 'arrival'] as const;
export const OPTIONAL_COLUMNS = ['dob', 'year'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const KNOWN_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

const EXPECTED_HEADER = `${REQUIRED_COLUMNS.join(',')} (optionally also dob and year, in any order)`;

/**
 * Reads an export's text: a JSON register snapshot when it starts with '{'
 * (or '['), otherwise CSV. `source` names where it came from (a file name).
 */
export interface ReadOptions {
  /**
   * Told how far through the text reading is (0 to 1), every few thousand rows, so that a page
   * can show progress on a year's export (570,000 rows). JSON is read in one go and not reported.
   */
  readonly onProgress?: (fraction: number) => void;
  /** The date checked as of: a mark dated more than a year after it is a typo, not a register. */
  readonly today?: IsoDate;
}

/** Registers are read from this date: an earlier one is a typo in the year (24/11/1925), and the school calendar starts in 2000. */
export const FIRST_REGISTER_DATE = '2000-01-01';

/** The last date a register may hold, a year after today (28 February for 29 February). */
export function lastRegisterDate(today: IsoDate): IsoDate {
  const sameDay = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  return isIsoDate(sameDay) ? sameDay : `${sameDay.slice(0, 8)}28`;
}

/** A date of birth after today is a typo: refused, as every later figure would rest on it. */
function dobProblem(dob: IsoDate, written: string, today: IsoDate | undefined): string | null {
  return today !== undefined && dob > today ? `${quoted(written)} is after today (${formatSchoolDate(today)}): a date of birth cannot be in the future` : null;
}

/** Why a register date cannot be right, or null when it can. */
export function registerDateProblem(date: IsoDate, written: string, today: IsoDate | undefined): string | null {
  if (date < FIRST_REGISTER_DATE) return `${quoted(written)} is before 2000: Markwise reads registers from 1 January 2000 (is the year mistyped?)`;
  if (today !== undefined && date > lastRegisterDate(today)) {
    return `${quoted(written)} is more than a year after today (${formatSchoolDate(today)}): is the year mistyped?`;
  }
  return null;
}

/** Rows between progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_EVERY = 8192;

export function readRegisterExport(text: string, source = '', options: ReadOptions = {}): ExportResult {
  // A byte-order mark (Excel's 'CSV UTF-8') and Windows line endings are not data.
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  if (body.trim() === '') return failed({ line: null, column: null, path: null, message: 'the file is empty' });
  const first = body.trimStart()[0];
  return first === '{' || first === '[' ? readJson(body, source, options.today) : readCsv(body, source, options.onProgress, options.today);
}

/** "register.csv line 14, column date: ..." or "register.json pupils[3].marks[12].date: ...". */
export function describeExportProblem(file: string, problem: ExportProblem): string {
  const where = [
    problem.line === null ? null : `line ${problem.line}`,
    problem.column === null ? null : `column ${problem.column}`,
    problem.path,
  ].filter((part): part is string => part !== null);
  return `${file}${where.length > 0 ? ` ${where.join(', ')}` : ''}: ${problem.message}`;
}

/** Every problem up to `shown`, then how many more there are, one line each. */
export function describeExportProblems(file: string, problems: readonly ExportProblem[], shown = 20): string[] {
  const lines = problems.slice(0, shown).map((p) => describeExportProblem(file, p));
  if (problems.length > shown) lines.push(`and ${problems.length - shown} more`);
  return lines;
}

/**
 * Where JSON.parse gave up, as a line (counted from 1) and a plain message.
 * V8 names a character position ("... in JSON at position 45"); people count lines.
 */
export function jsonSyntaxProblem(text: string, error: unknown): { line: number | null; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  if (/unexpected end of JSON input/i.test(raw)) {
    return { line: text.trimEnd().split('\n').length, message: 'the JSON ends before it is complete (a closing } or ] is missing)' };
  }
  const at = /at position (\d+)/.exec(raw);
  const detail = raw.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  if (at === null) return { line: null, message: `the file is not valid JSON (${detail})` };
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const character = Number(at[1]) - before.lastIndexOf('\n');
  return { line, message: `not valid JSON at character ${character} of the line (${detail})` };
}

function failed(...problems: ExportProblem[]): ExportResult {
  return { ok: false, problems };
}

// ---------------------------------------------------------------------------
// JSON register snapshots

function readJson(text: string, source: string, today: IsoDate | undefined): ExportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { line, message } = jsonSyntaxProblem(text, error);
    return failed({ line, column: null, path: null, message });
  }
  // The file's name stands in for a source the snapshot does not give.
  const withSource = typeof data === 'object' && data !== null && !Array.isArray(data) ? { source, ...data } : data;
  const result = registerSnapshotSchema.safeParse(withSource);
  if (!result.success) {
    return failed(...describeIssues(result.error, withSource, '(the whole file)').map((p) => ({ line: null, column: null, path: p.path, message: p.message })));
  }
  const problems: ExportProblem[] = [];
  const warnings: ExportProblem[] = [];
  result.data.pupils.forEach((pupil, p) => {
    const born = pupil.dob === null ? null : dobProblem(pupil.dob, pupil.dob, today);
    if (born !== null) problems.push({ line: null, column: null, path: `pupils[${p}].dob`, message: born });
    const upn = upnCheckProblem(pupil.upn);
    if (upn !== null && !warnings.some((w) => w.message === upn)) warnings.push({ line: null, column: null, path: `pupils[${p}].upn`, message: upn });
    pupil.marks.forEach((mark, m) => {
      const problem = registerDateProblem(mark.date, mark.date, today);
      if (problem !== null) problems.push({ line: null, column: null, path: `pupils[${p}].marks[${m}].date`, message: problem });
    });
  });
  if (problems.length > 0) return { ok: false, problems };
  const merged = mergedPupils(result.data);
  return merged.ok ? { ...merged, warnings } : merged;
}

/**
 * A pupil listed twice is read as one (as CSV rows are grouped by UPN), unless
 * the entries disagree on the name; two marks for one session are bad input.
 */
function mergedPupils(snapshot: RegisterSnapshot): ExportResult {
  const problems: ExportProblem[] = [];
  const byUpn = new Map<string, { index: number; marks: SnapshotMark[] }>();
  const seen = new Map<string, string>();
  const pupils: RegisterSnapshot['pupils'] = [];
  snapshot.pupils.forEach((pupil, p) => {
    let entry = byUpn.get(pupil.upn);
    if (entry === undefined) {
      entry = { index: p, marks: [] };
      byUpn.set(pupil.upn, entry);
      pupils.push({ ...pupil, marks: entry.marks });
    } else {
      const earlier = snapshot.pupils[entry.index]!;
      if (earlier.name !== pupil.name) {
        problems.push({
          line: null,
          column: null,
          path: `pupils[${p}].name`,
          message: `pupil ${pupil.upn} is named '${pupil.name}' here but '${earlier.name}' at pupils[${entry.index}].name`,
        });
        return;
      }
    }
    pupil.marks.forEach((mark, m) => {
      const path = `pupils[${p}].marks[${m}]`;
      const key = `${pupil.upn}\u0000${mark.date}\u0000${mark.session}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push({ line: null, column: null, path, message: `${duplicateSession(pupil.upn, mark.session, mark.date)}, at ${earlier}` });
        return;
      }
      seen.set(key, path);
      entry.marks.push(mark);
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, snapshot: { ...snapshot, pupils }, warnings: [] };
}

function duplicateSession(upn: string, session: Session, date: IsoDate): string {
  return `pupil ${upn} already has an ${session} mark for ${formatSchoolDate(date)}`;
}

// ---------------------------------------------------------------------------
// CSV exports

/** Splits the text into rows, each with the line it starts on, and notes broken quoting. */
function csvRows(text: string, problems: ExportProblem[], onProgress?: (fraction: number) => void): CsvRow[] {
  const { rows, errors } = csvRowsWithLines(text, { delimiter: ',', onProgress, progressEvery: PROGRESS_EVERY });
  for (const error of errors) {
    problems.push({
      line: error.line,
      column: null,
      path: null,
      message: error.unclosed
        ? 'a quoted field is not closed: a name with a comma in it must be in double quotes, such as "Jones, Ffion"'
        : `the quoting is malformed here (${error.detail}): write a double quote inside a quoted field as ""`,
    });
  }
  return rows;
}

interface PupilBeingRead {
  readonly upn: string;
  readonly name: string;
  dob: IsoDate | null;
  year: string | null;
  readonly marks: SnapshotMark[];
  /** The line the pupil first appears on, and the line their date of birth came from. */
  readonly line: number;
  dobLine: number;
}

function readCsv(text: string, source: string, onProgress: ((fraction: number) => void) | undefined, today: IsoDate | undefined): ExportResult {
  const problems: ExportProblem[] = [];
  const rows = csvRows(text, problems, onProgress);
  onProgress?.(1);
  // Excel leaves rows of bare commas below a sheet's data: they are blank, not bad.
  const isBlank = (row: CsvRow) => row.fields.every((f) => f.trim() === '');
  const headerIndex = rows.findIndex((row) => !isBlank(row));
  const headerRow = rows[headerIndex];
  if (headerRow === undefined) return failed({ line: null, column: null, path: null, message: 'the file is empty (it holds only empty cells)' });
  const header = headerRow.fields.map((h) => h.trim().toLowerCase());

  const index = new Map<Column, number>();
  header.forEach((name, i) => {
    if (!KNOWN_COLUMNS.includes(name)) return; // other columns (form, gender...) are ignored
    const earlier = index.get(name as Column);
    if (earlier !== undefined) {
      problems.push({ line: headerRow.line, column: name, path: null, message: `the header has two ${name} columns (fields ${earlier + 1} and ${i + 1}): keep one` });
    } else {
      index.set(name as Column, i);
    }
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    const names = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} or ${missing.at(-1)!}`;
    problems.push({
      line: headerRow.line,
      column: null,
      path: null,
      message: `the header has no ${names} column${missing.length > 1 ? 's' : ''} (expected the header ${EXPECTED_HEADER})`,
    });
  }
  if (missing.length > 0) return { ok: false, problems };

  const pupils = new Map<string, PupilBeingRead>();
  const warnings: ExportProblem[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  for (const row of rows.slice(headerIndex + 1)) {
    if (isBlank(row)) continue;
    rowsRead++;
    const { line } = row;
    const problem = (column: Column, message: string) => problems.push({ line, column, path: null, message });
    if (row.fields.length !== header.length) {
      problems.push({
        line,
        column: null,
        path: null,
        message: `the row has ${row.fields.length} fields but the header has ${header.length} (a name with a comma must be in double quotes)`,
      });
      continue;
    }
    const cell = (c: Column) => (index.has(c) ? row.fields[index.get(c)!]!.trim() : '');

    const upn = cell('upn');
    if (upn === '') problem('upn', "is empty (every row needs the pupil's UPN)");
    const rawDate = cell('date');
    let date = parseSchoolDate(rawDate);
    if (date === null) problem('date', `${quoted(rawDate)} is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)`);
    const dateProblem = date === null ? null : registerDateProblem(date, rawDate, today);
    if (dateProblem !== null) {
      problem('date', dateProblem);
      date = null;
    }
    const rawSession = cell('session');
    const session = rawSession.toUpperCase();
    const isSession = session === 'AM' || session === 'PM';
    if (!isSession) problem('session', `${quoted(rawSession)} is not a session (expected AM or PM)`);
    const rawArrival = cell('arrival');
    const arrival = rawArrival === '' ? null : parseClockTime(rawArrival);
    if (rawArrival !== '' && arrival === null) problem('arrival', `${quoted(rawArrival)} is not a time of day (expected HH:MM, such as 09:05, or an empty cell)`);
    const rawDob = cell('dob');
    const dob = rawDob === '' ? null : parseSchoolDate(rawDob);
    if (rawDob !== '' && dob === null) problem('dob', `${quoted(rawDob)} is not a real date of birth (expected YYYY-MM-DD or DD/MM/YYYY, or an empty cell)`);
    const unborn = dob === null ? null : dobProblem(dob, rawDob, today);
    if (unborn !== null) problem('dob', unborn);
    if (upn === '' || date === null || !isSession || (rawArrival !== '' && arrival === null) || (rawDob !== '' && dob === null) || unborn !== null) continue;

    const name = cell('name');
    const key = `${upn}\u0000${date}\u0000${session}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem('session', `${duplicateSession(upn, session, date)}, on line ${earlier}`);
      continue;
    }
    let pupil = pupils.get(upn);
    if (pupil === undefined) {
      pupil = { upn, name, dob, year: cell('year') || null, marks: [], line, dobLine: line };
      pupils.set(upn, pupil);
      const check = upnCheckProblem(upn);
      if (check !== null) warnings.push({ line, column: 'upn', path: null, message: check });
    } else if (pupil.name !== name) {
      problem('name', `pupil ${upn} is named ${quoted(name)} here but ${quoted(pupil.name)} on line ${pupil.line}`);
      continue;
    } else if (dob !== null && pupil.dob !== null && dob !== pupil.dob) {
      problem('dob', `pupil ${upn} was born on ${formatSchoolDate(dob)} by this row but on ${formatSchoolDate(pupil.dob)} by line ${pupil.dobLine}`);
      continue;
    } else {
      if (pupil.dob === null && dob !== null) {
        pupil.dob = dob;
        pupil.dobLine = line;
      }
      pupil.year ??= cell('year') || null;
    }
    seen.set(key, line);
    pupil.marks.push({ date, session, mark: cell('mark'), arrival: arrival === null ? null : formatClockTime(arrival) });
  }
  if (rowsRead === 0 && problems.length === 0) {
    return failed({ line: null, column: null, path: null, message: `the file has a header but no rows of marks below it` });
  }
  // In the order of the file: quoting is found while splitting rows, before any row is read.
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  return {
    ok: true,
    warnings,
    snapshot: {
      role: 'office',
      source,
      pupils: [...pupils.values()].map(({ upn, name, dob, year, marks }) => ({ upn, name, dob, year, marks })),
    },
  };
}

function quoted(text: string): string {
  return text === '' ? 'an empty cell' : `'${text}'`;
}
