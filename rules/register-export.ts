// Reading a register export: the CSV an MIS (SIMS and others) exports, or a
// JSON register snapshot. Pure: it takes the file's text, so the command line
// and the extension's options page read exports the same way. All-or-nothing:
// one bad row and no snapshot is returned, with every problem's line and column.

import { looksLikeAttendanceSummary } from './attendance-report';
import { csvRowsWithLines, forEachCsvRow, type CsvQuotingError, type CsvRow } from './csv-rows';
import { formatClockTime, formatSchoolDate, parseClockTime, parseSchoolDate, type IsoDate } from './dates';
import {
  dobProblem,
  duplicateSession,
  failed,
  quoted,
  registerDateProblem,
  type ExportProblem,
  type ExportResult,
  type LatenessSource,
  type ReadDetails,
  type ReadOptions,
} from './exports/common';
import { REGISTER_FIELD_LABELS, ambiguousColumns, findHeaderRow, guessColumns, headerScore, resolveColumns, type ColumnMapping, type RegisterField } from './exports/columns';
import { markTranslator } from './exports/school-codes';
import { readXmlExport } from './exports/ctf';
import { readWideGrid, recogniseWideGrid } from './exports/wide';
import { registerSnapshotSchema, type RegisterSnapshot, type SnapshotMark } from './snapshot';
import { upnCheckProblem } from './upn';
import { describeIssues } from './validation';

export type { ExportProblem, ExportResult, ExportShape, ReadDetails, ReadOptions, LatenessSource, TranslatedCode } from './exports/common';
export { FIRST_REGISTER_DATE, lastRegisterDate, registerDateProblem } from './exports/common';

/** Markwise's own CSV header; other spellings are guessed (rules/exports/columns.ts). */
export const MARKWISE_COLUMNS = ['upn', 'name', 'date', 'session', 'mark', 'arrival'] as const;

/** Rows between progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_EVERY = 8192;

/**
 * Reads an export's text, whatever its shape: a JSON register snapshot (starting '{' or '['), a
 * Common Transfer File or other XML (starting '<'), or CSV: a week grid (a column a session), an
 * attendance summary (refused here with where to take it), or a long export (a row a pupil and
 * session) in any MIS's header spellings. `source` names where it came from (a file name).
 */
export function readRegisterExport(text: string, source = '', options: ReadOptions = {}): ExportResult {
  // A byte-order mark (Excel's 'CSV UTF-8') and Windows line endings are not data.
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // (Looked for first: replace() scans all 34 MB of a year's export even when there is nothing to replace.)
  const body = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  if (body.trim() === '') return failed({ line: null, column: null, path: null, message: 'the file is empty' });
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') return readJson(body, source, options);
  if (first === '<') return readXmlExport(body, source, options);
  return readCsv(body, source, options);
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

// ---------------------------------------------------------------------------
// JSON register snapshots

function readJson(text: string, source: string, options: ReadOptions): ExportResult {
  const { today } = options;
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
  if (problems.length > 0) return { ok: false, problems, shape: 'snapshot-json' };
  const merged = mergedPupils(result.data);
  if (!merged.ok) return { ok: false, problems: merged.problems, shape: 'snapshot-json' };
  // A snapshot's marks are read by the school's code table as a CSV's are.
  const translator = markTranslator(options.schoolCodes);
  const pupils = merged.snapshot.pupils.map((p) => ({ ...p, marks: p.marks.map((m) => ({ ...m, mark: translator.mark(m.mark) })) }));
  const marks = pupils.flatMap((p) => p.marks);
  const withArrival = marks.some((m) => m.arrival !== null);
  const withMinutes = marks.some((m) => m.minutesLate !== undefined && m.minutesLate !== null);
  return {
    ok: true,
    snapshot: { ...merged.snapshot, pupils },
    warnings,
    details: { shape: 'snapshot-json', lateness: latenessOf(withArrival, withMinutes), translated: translator.translated(), dashBlanks: translator.dashBlanks() },
  };
}

function latenessOf(arrival: boolean, minutesLate: boolean): LatenessSource {
  return arrival && minutesLate ? 'arrival-and-minutes-late' : arrival ? 'arrival' : minutesLate ? 'minutes-late' : 'none';
}

/**
 * A pupil listed twice is read as one (as CSV rows are grouped by UPN), unless
 * the entries disagree on the name; two marks for one session are bad input.
 */
function mergedPupils(snapshot: RegisterSnapshot): { ok: true; snapshot: RegisterSnapshot } | { ok: false; problems: ExportProblem[] } {
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
  return problems.length > 0 ? { ok: false, problems } : { ok: true, snapshot: { ...snapshot, pupils } };
}

// ---------------------------------------------------------------------------
// CSV exports: a row a pupil and session, in any MIS's header spellings

/** Splits the text into rows, each with the line it starts on, and notes broken quoting. */
function csvRows(text: string, problems: ExportProblem[], onProgress?: (fraction: number) => void): CsvRow[] {
  const { rows, errors } = csvRowsWithLines(text, { delimiter: ',', onProgress, progressEvery: PROGRESS_EVERY });
  problems.push(...quotingProblems(errors));
  return rows;
}

function quotingProblems(errors: readonly CsvQuotingError[]): ExportProblem[] {
  return errors.map((error) => ({
    line: error.line,
    column: null,
    path: null,
    message: error.unclosed
      ? 'a quoted field is not closed: a name with a comma in it must be in double quotes, such as "Jones, Ffion"'
      : `the quoting is malformed here (${error.detail}): write a double quote inside a quoted field as ""`,
  }));
}

/** The rows looked at for the header, below a report's title rows (report name, school, dates). */
const HEADER_SCAN = 30;

/**
 * The rows read first, before a long export is read row by row: more than the non-blank rows looked
 * at for a header here and for a week grid's (rules/exports/wide.ts, also 30), and the row after.
 */
const HEAD_ROWS = 64;

/** Header spellings to show when a field's column cannot be found. */
const EXAMPLES: Readonly<Partial<Record<RegisterField, string>>> = {
  upn: 'UPN',
  name: 'Name, Student, or Surname and Forename',
  date: 'Date or Attendance Date',
  session: 'Session, Session Name or AM/PM',
  mark: 'Mark, Attendance Mark or Code',
};

/** Excel leaves rows of bare commas below a sheet's data: they are blank, not bad. */
const isBlank = (row: CsvRow) => row.fields.every((f) => f.trim() === '');

/**
 * A date as exports write it: YYYY-MM-DD or DD/MM/YYYY, perhaps with a time after it (SIMS's
 * AttendanceDate is an ISO date-time, "2025-11-05T00:00:00"; Excel writes "05/11/2025 00:00").
 */
export function parseExportDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  const date = parseSchoolDate(trimmed);
  if (date !== null) return date;
  const m = /^(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})(?:T| +)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(trimmed);
  return m === null ? null : parseSchoolDate(m[1]!);
}

/** AM or PM as exports write the session: 'AM', 'pm', 'A.M.', 'Morning', 'Afternoon'. */
function parseSession(text: string): 'AM' | 'PM' | null {
  const word = text.trim().toUpperCase().replace(/\./g, '');
  if (word === 'AM' || word === 'MORNING') return 'AM';
  if (word === 'PM' || word === 'AFTERNOON') return 'PM';
  return null;
}

/** The header: where a person said it is, or the row below any title rows that names the most columns. */
function headerRowOf(rows: readonly CsvRow[], headerLine: number | undefined): { index: number } | { problem: ExportProblem } {
  if (headerLine !== undefined) {
    const index = rows.findIndex((r) => r.line === headerLine);
    if (index < 0) {
      const last = rows.at(-1)?.line ?? 0;
      const message = headerLine > last ? `the header cannot be on line ${headerLine}: the file has ${last} lines` : `line ${headerLine} is inside a quoted field of the line before, so it cannot be the header`;
      return { problem: { line: null, column: null, path: null, message } };
    }
    if (isBlank(rows[index]!)) return { problem: { line: headerLine, column: null, path: null, message: `line ${headerLine} is blank, so it cannot be the header` } };
    return { index };
  }
  const found = findHeaderRow(rows, (fields) => headerScore(fields), 2, HEADER_SCAN);
  return { index: found ?? rows.findIndex((r) => !isBlank(r)) };
}

/**
 * The header a CSV export would be read by, from its first lines only: the key a mapping chosen
 * for this shape of file is remembered by. Null for JSON, XML, or no header found.
 */
export function exportHeader(text: string, headerLine?: number): { line: number; fields: string[] } | null {
  const start = text.slice(0, 65_536);
  const body = (start.charCodeAt(0) === 0xfeff ? start.slice(1) : start).replace(/\r\n?/g, '\n');
  const first = body.trimStart()[0];
  if (first === undefined || first === '{' || first === '[' || first === '<') return null;
  const cut = body.length === start.length && text.length > start.length ? body.slice(0, body.lastIndexOf('\n') + 1) : body;
  const rows = csvRowsWithLines(cut, { delimiter: ',' }).rows;
  if (rows.every(isBlank)) return null;
  const found = headerRowOf(rows, headerLine);
  if ('problem' in found || found.index < 0) return null;
  const row = rows[found.index]!;
  return { line: row.line, fields: row.fields.map((f) => f.trim()) };
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
  /** The line each session of theirs was read from, by date (its number in the file) and session. */
  readonly seen: Map<number, number>;
}

function readCsv(text: string, source: string, options: ReadOptions): ExportResult {
  const { today } = options;
  const problems: ExportProblem[] = [];
  // A year's export (570,000 rows) is read in one pass without keeping every row: the first rows
  // are read to find the header, then the whole file passes row by row. When the first rows do not
  // settle the header (too many blank rows, a header line further down) or the file is a week
  // grid, every row is kept, as before.
  const head = csvRowsWithLines(text, { delimiter: ',', preview: HEAD_ROWS });
  const streaming =
    head.rows.length === HEAD_ROWS &&
    head.rows.filter((row) => !isBlank(row)).length > HEADER_SCAN + 1 &&
    (options.headerLine === undefined || head.rows.at(-1)!.line > options.headerLine) &&
    recogniseWideGrid(head.rows, options.headerLine) === null;
  const rows = streaming ? head.rows : csvRows(text, problems, options.onProgress);
  if (!streaming) options.onProgress?.(1);
  if (rows.every(isBlank)) return failed({ line: null, column: null, path: null, message: 'the file is empty (it holds only empty cells)' });
  // A week grid (a column a session) has its own reader; the bar has already reached the end.
  const grid = streaming ? null : recogniseWideGrid(rows, options.headerLine);
  if (grid !== null) {
    const { onProgress: _reported, ...rest } = options;
    const read = readWideGrid(rows, grid, source, rest);
    if (problems.length === 0) return read;
    // Broken quoting: the grid is refused with it, and with whatever its rows had besides.
    const all = [...problems, ...(read.ok ? [] : read.problems)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { ok: false, shape: 'register-wide', header: { line: grid.headerLine, fields: grid.header }, guess: grid.guess, problems: all };
  }
  const found = headerRowOf(rows, options.headerLine);
  if ('problem' in found) return { ok: false, problems: [found.problem], shape: 'register-long' };
  const headerIndex = found.index;
  const headerRow = rows[headerIndex]!;
  const header = headerRow.fields.map((h) => h.trim());
  const guessed = options.columns === undefined;
  const mapping = options.columns ?? guessColumns(header);
  const refuse = (shape: 'register-long' | 'attendance-summary', ...messages: string[]): ExportResult => ({
    ok: false,
    shape,
    header: { line: headerRow.line, fields: header },
    guess: mapping,
    problems: messages.map((message) => ({ line: headerRow.line, column: null, path: null, message })),
  });
  if (guessed && mapping.mark === undefined && looksLikeAttendanceSummary(header)) {
    return refuse(
      'attendance-summary',
      'this looks like an attendance summary (one row per pupil, with sessions possible and attended), not a register of marks: import it on the options page, under "Attendance figures from a report"',
    );
  }
  if (guessed && Object.keys(mapping).length < 2) {
    return refuse(
      'register-long',
      `this does not look like a register export: no line near the top names its columns (such as UPN, Name, Date, Session, Mark). Say which line is the header${headerRow.line > 1 ? '' : ' if it is not line 1'}, and which column is which`,
    );
  }
  const twice = guessed ? ambiguousColumns(header, ['upn', 'name', 'surname', 'forename', 'date', 'session', 'mark', 'arrival', 'minutesLate', 'dob']) : [];
  if (twice.length > 0) {
    return {
      ...(refuse('register-long') as Extract<ExportResult, { ok: false }>),
      problems: twice.map(({ field, columns }) => ({
        line: headerRow.line,
        column: header[columns[1]!]!,
        path: null,
        message: `${columns.length} columns look like the ${REGISTER_FIELD_LABELS[field].replace(/ \(.*\)$/, '').toLowerCase()} (${columns.map((c) => `'${header[c]}', field ${c + 1}`).join(' and ')}): say which to read`,
      })),
    };
  }
  const resolved = resolveColumns(header, mapping);
  if (!resolved.ok) {
    const messages = guessed
      ? (['upn', 'name', 'date', 'session', 'mark'] as const)
          .filter((field) => (field === 'name' ? mapping.name === undefined && mapping.surname === undefined : mapping[field] === undefined))
          .map((field) => `no column looks like the ${REGISTER_FIELD_LABELS[field].replace(/ \(.*\)$/, '').toLowerCase()} (expected a header such as ${EXAMPLES[field]}): say which column it is`)
      : resolved.problems.map((p) => `the column mapping does not fit this file: ${p}`);
    return refuse('register-long', ...(messages.length > 0 ? messages : resolved.problems));
  }
  const index = resolved.index;
  const columnOf = (field: RegisterField) => header[index[field]!] ?? field;
  const translator = markTranslator(options.schoolCodes);

  const pupils = new Map<string, PupilBeingRead>();
  const warnings: ExportProblem[] = [];
  // A year's export is 570,000 rows with about 200 distinct dates and a few dozen distinct
  // sessions, arrivals and dates of birth: each distinct cell is read once (memos below), and each
  // pupil's sessions are told apart by a number, not a string built per row.
  const dates = new Map<string, { readonly date: IsoDate | null; readonly problem: string | null; readonly index: number }>();
  /** Each date read, by its number in this file: '2025-11-05' and '05/11/2025' are one date. */
  const dateNumbers = new Map<IsoDate, number>();
  const sessions = new Map<string, 'AM' | 'PM' | null>();
  const arrivals = new Map<string, string | null>();
  const dobs = new Map<string, { readonly dob: IsoDate | null; readonly unborn: string | null }>();
  const at = (field: RegisterField) => index[field] ?? -1;
  const upnAt = at('upn');
  const dateAt = at('date');
  const sessionAt = at('session');
  const markAt = at('mark');
  const arrivalAt = at('arrival');
  const minutesAt = at('minutesLate');
  const dobAt = at('dob');
  const yearAt = at('year');
  const nameAt = at('name');
  const forenameAt = at('forename');
  const surnameAt = at('surname');
  let fields: readonly string[] = [];
  const cell = (i: number) => (i < 0 ? '' : fields[i]!.trim());
  // Exports list a pupil's rows together, a day's two sessions together: the pupil and the date of
  // the row before are kept at hand.
  let last: PupilBeingRead | undefined;
  let lastDate = '';
  let lastDateRead: { readonly date: IsoDate | null; readonly problem: string | null; readonly index: number } | undefined;
  let rowsRead = 0;
  const readRow = (rowFields: readonly string[], line: number): void => {
    if (rowFields.every((f) => f.trim() === '')) return;
    rowsRead++;
    fields = rowFields;
    if (fields.length !== header.length) {
      problems.push({
        line,
        column: null,
        path: null,
        message: `the row has ${fields.length} fields but the header has ${header.length} (a name with a comma must be in double quotes)`,
      });
      return;
    }
    const upn = cell(upnAt);
    if (upn === '') problems.push({ line, column: columnOf('upn'), path: null, message: "is empty (every row needs the pupil's UPN)" });
    const rawDate = cell(dateAt);
    let dateRead = rawDate === lastDate ? lastDateRead : dates.get(rawDate);
    if (dateRead === undefined) {
      const parsed = parseExportDate(rawDate);
      let number = -1;
      if (parsed !== null) {
        number = dateNumbers.get(parsed) ?? dateNumbers.size;
        dateNumbers.set(parsed, number);
      }
      dateRead = { date: parsed, problem: parsed === null ? null : registerDateProblem(parsed, rawDate, today), index: number };
      dates.set(rawDate, dateRead);
    }
    lastDate = rawDate;
    lastDateRead = dateRead;
    if (dateRead.date === null) problems.push({ line, column: columnOf('date'), path: null, message: `${quoted(rawDate)} is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)` });
    if (dateRead.problem !== null) problems.push({ line, column: columnOf('date'), path: null, message: dateRead.problem });
    const date = dateRead.problem === null ? dateRead.date : null;
    const rawSession = cell(sessionAt);
    let session = sessions.get(rawSession);
    if (session === undefined) {
      session = parseSession(rawSession);
      sessions.set(rawSession, session);
    }
    if (session === null) problems.push({ line, column: columnOf('session'), path: null, message: `${quoted(rawSession)} is not a session (expected AM or PM)` });
    const rawArrival = cell(arrivalAt);
    let arrival: string | null = null;
    if (rawArrival !== '') {
      arrival = arrivals.get(rawArrival) ?? null;
      if (!arrivals.has(rawArrival)) {
        const minutes = parseClockTime(rawArrival);
        arrival = minutes === null ? null : formatClockTime(minutes);
        arrivals.set(rawArrival, arrival);
      }
      if (arrival === null) problems.push({ line, column: columnOf('arrival'), path: null, message: `${quoted(rawArrival)} is not a time of day (expected HH:MM, such as 09:05, or an empty cell)` });
    }
    const rawMinutes = cell(minutesAt);
    const minutesLate = rawMinutes === '' ? null : /^\d{1,4}$/.test(rawMinutes) ? Number(rawMinutes) : null;
    if (rawMinutes !== '' && minutesLate === null) problems.push({ line, column: columnOf('minutesLate'), path: null, message: `${quoted(rawMinutes)} is not a number of minutes late (expected a whole number such as 12, or an empty cell)` });
    const rawDob = cell(dobAt);
    let dob: IsoDate | null = null;
    let unborn: string | null = null;
    if (rawDob !== '') {
      let dobRead = dobs.get(rawDob);
      if (dobRead === undefined) {
        const parsed = parseExportDate(rawDob);
        dobRead = { dob: parsed, unborn: parsed === null ? null : dobProblem(parsed, rawDob, today) };
        dobs.set(rawDob, dobRead);
      }
      dob = dobRead.dob;
      unborn = dobRead.unborn;
      if (dob === null) problems.push({ line, column: columnOf('dob'), path: null, message: `${quoted(rawDob)} is not a real date of birth (expected YYYY-MM-DD or DD/MM/YYYY, or an empty cell)` });
      if (unborn !== null) problems.push({ line, column: columnOf('dob'), path: null, message: unborn });
    }
    if (upn === '' || date === null || session === null || (rawArrival !== '' && arrival === null) || (rawMinutes !== '' && minutesLate === null) || (rawDob !== '' && dob === null) || unborn !== null) return;

    const name = nameAt >= 0 ? cell(nameAt) : [cell(forenameAt), cell(surnameAt)].filter((part) => part !== '').join(' ');
    // Each pupil's sessions read so far, by the date's number in this file and AM or PM.
    const key = dateRead.index * 2 + (session === 'PM' ? 1 : 0);
    let pupil = last !== undefined && last.upn === upn ? last : pupils.get(upn);
    const earlier = pupil?.seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line, column: columnOf('session'), path: null, message: `${duplicateSession(upn, session, date)}, on line ${earlier}` });
      return;
    }
    if (pupil === undefined) {
      pupil = { upn, name, dob, year: cell(yearAt) || null, marks: [], line, dobLine: line, seen: new Map() };
      pupils.set(upn, pupil);
      const check = upnCheckProblem(upn);
      if (check !== null) warnings.push({ line, column: columnOf('upn'), path: null, message: check });
    } else if (pupil.name !== name) {
      problems.push({ line, column: columnOf(nameAt >= 0 ? 'name' : 'surname'), path: null, message: `pupil ${upn} is named ${quoted(name)} here but ${quoted(pupil.name)} on line ${pupil.line}` });
      return;
    } else if (dob !== null && pupil.dob !== null && dob !== pupil.dob) {
      problems.push({ line, column: columnOf('dob'), path: null, message: `pupil ${upn} was born on ${formatSchoolDate(dob)} by this row but on ${formatSchoolDate(pupil.dob)} by line ${pupil.dobLine}` });
      return;
    } else {
      if (pupil.dob === null && dob !== null) {
        pupil.dob = dob;
        pupil.dobLine = line;
      }
      pupil.year ??= cell(yearAt) || null;
    }
    pupil.seen.set(key, line);
    last = pupil;
    const mark: SnapshotMark = { date, session, mark: translator.mark(cell(markAt)), arrival };
    pupil.marks.push(minutesLate === null ? mark : { ...mark, minutesLate });
  };
  if (streaming) {
    let r = 0;
    const { errors } = forEachCsvRow(text, { delimiter: ',', onProgress: options.onProgress, progressEvery: PROGRESS_EVERY }, (rowFields, line) => {
      if (r++ > headerIndex) readRow(rowFields, line);
    });
    options.onProgress?.(1);
    // As when every row is kept: the quoting problems first, then the rows' (the sort below keeps that order within a line).
    problems.unshift(...quotingProblems(errors));
  } else {
    for (let r = headerIndex + 1; r < rows.length; r++) readRow(rows[r]!.fields, rows[r]!.line);
  }
  if (rowsRead === 0 && problems.length === 0) {
    return failed({ line: headerRow.line, column: null, path: null, message: `the file has a header but no rows of marks below it` });
  }
  // In the order of the file: quoting is found while splitting rows, before any row is read.
  if (problems.length > 0) return { ok: false, shape: 'register-long', problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  const details: ReadDetails = {
    shape: 'register-long',
    headerLine: headerRow.line,
    header,
    columns: Object.fromEntries(Object.entries(index).map(([field, at]) => [field, header[at]!])) as ColumnMapping,
    titleLines: headerRow.line - 1,
    lateness: latenessOf(index.arrival !== undefined, index.minutesLate !== undefined),
    translated: translator.translated(),
    dashBlanks: translator.dashBlanks(),
  };
  return {
    ok: true,
    warnings,
    details,
    snapshot: {
      role: 'office',
      source,
      pupils: [...pupils.values()].map(({ upn, name, dob, year, marks }) => ({ upn, name, dob, year, marks })),
    },
  };
}

