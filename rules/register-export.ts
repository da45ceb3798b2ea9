// Reading a register export: the CSV an MIS (SIMS and others) exports, or a
// JSON register snapshot. Pure: it takes the file's text, so the command line
// and the extension's options page read exports the same way. All-or-nothing:
// one bad row and no snapshot is returned, with every problem's line and column.

import Papa from 'papaparse';
import { formatClockTime, parseClockTime, parseSchoolDate } from './dates';
import { registerSnapshotSchema, type RegisterSnapshot, type SnapshotPupil } from './snapshot';
import { describeIssues } from './validation';

export interface ExportProblem {
  /** The line in the file as a person counts it (the header is line 1); null for the file as a whole. */
  readonly line: number | null;
  /** The column's header name, or the JSON path. */
  readonly column: string | null;
  readonly message: string;
}

export type ExportResult = { ok: true; snapshot: RegisterSnapshot } | { ok: false; problems: ExportProblem[] };

export const REQUIRED_COLUMNS = ['upn', 'name', 'date', 'session', 'mark'] as const;
export const OPTIONAL_COLUMNS = ['arrival', 'dob', 'year'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export function readRegisterExport(text: string, role: RegisterSnapshot['role'] = 'office', source = ''): ExportResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail(null, null, 'the file is empty');
  return body.trimStart().startsWith('{') ? readJson(body, role, source) : readCsv(body, role, source);
}

function fail(line: number | null, column: string | null, message: string): ExportResult {
  return { ok: false, problems: [{ line, column, message }] };
}

function readJson(text: string, role: RegisterSnapshot['role'], source: string): ExportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(null, null, `the file is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const withDefaults = typeof data === 'object' && data !== null ? { role, source, ...data } : data;
  const result = registerSnapshotSchema.safeParse(withDefaults);
  if (result.success) return { ok: true, snapshot: result.data };
  return { ok: false, problems: describeIssues(result.error, '(the whole file)').map((p) => ({ line: null, column: p.path, message: p.message })) };
}

function readCsv(text: string, role: RegisterSnapshot['role'], source: string): ExportResult {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const rows = parsed.data;
  const problems: ExportProblem[] = parsed.errors.map((e) => ({
    line: e.row === undefined ? null : e.row + 1,
    column: null,
    message: `the CSV is malformed here: ${e.message}`,
  }));
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const index = new Map<Column, number>();
  header.forEach((name, i) => {
    if ((REQUIRED_COLUMNS as readonly string[]).includes(name) || (OPTIONAL_COLUMNS as readonly string[]).includes(name)) index.set(name as Column, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return fail(1, null, `the header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} (expected the columns ${[...REQUIRED_COLUMNS, 'arrival'].join(',')}, optionally dob and year)`);
  }

  const pupils = new Map<string, SnapshotPupil & { line: number }>();
  const seen = new Map<string, number>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1;
    if (row.length === 1 && row[0]!.trim() === '') continue;
    const cell = (c: Column) => (index.has(c) ? (row[index.get(c)!] ?? '').trim() : '');
    const problem = (column: Column, message: string) => problems.push({ line, column, message });
    if (row.length !== header.length) {
      problems.push({ line, column: null, message: `the row has ${row.length} fields but the header has ${header.length}` });
      continue;
    }
    const upn = cell('upn');
    if (upn === '') problem('upn', 'is empty (every row needs the pupil\'s UPN)');
    const rawDate = cell('date');
    const date = parseSchoolDate(rawDate);
    if (date === null) problem('date', `'${rawDate}' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)`);
    const rawSession = cell('session');
    const session = rawSession.toUpperCase();
    if (session !== 'AM' && session !== 'PM') problem('session', `'${rawSession}' is not a session (expected AM or PM)`);
    const rawArrival = cell('arrival');
    const arrivalMinutes = rawArrival === '' ? null : parseClockTime(rawArrival);
    if (rawArrival !== '' && arrivalMinutes === null) problem('arrival', `'${rawArrival}' is not a time of day (expected HH:MM, or empty)`);
    const rawDob = cell('dob');
    const dob = rawDob === '' ? null : parseSchoolDate(rawDob);
    if (rawDob !== '' && dob === null) problem('dob', `'${rawDob}' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY, or empty)`);
    if (upn === '' || date === null || (session !== 'AM' && session !== 'PM')) continue;

    const name = cell('name');
    const key = `${upn}\u0000${date}\u0000${session}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem('session', `pupil ${upn} already has a ${session} mark for ${date} on line ${earlier}`);
      continue;
    }
    seen.set(key, line);
    let pupil = pupils.get(upn);
    if (pupil === undefined) {
      pupil = { upn, name, dob, year: cell('year') || null, marks: [], line };
      pupils.set(upn, pupil);
    } else if (pupil.name !== name) {
      problem('name', `pupil ${upn} is named '${name}' here but '${pupil.name}' on line ${pupil.line}`);
      continue;
    }
    const arrival = arrivalMinutes === null ? null : formatClockTime(arrivalMinutes);
    pupil.marks.push({ date, session, mark: cell('mark'), arrival });
  }
  if (pupils.size === 0 && problems.length === 0) return fail(null, null, 'the file has a header but no rows');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    snapshot: { role, source, pupils: [...pupils.values()].map(({ line: _line, ...pupil }) => pupil) },
  };
}
