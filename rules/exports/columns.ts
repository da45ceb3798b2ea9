// Which column of a register export is which. Each MIS spells its headers its own way (SIMS's
// partner interface: AttendanceDate, SessionName, AttendanceMark, MinsLate or Minute; Arbor:
// student, session, attendanceMark, minutesLate; reference/mis-exports.md), so the columns are
// guessed from the header, shown to staff to correct, and remembered per file shape. The command
// line takes the same mapping as --columns. Pure.

import type { CsvRow } from '../csv-rows';

export const REGISTER_FIELDS = ['upn', 'name', 'surname', 'forename', 'date', 'session', 'mark', 'arrival', 'minutesLate', 'dob', 'year'] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/** Field to the header as the file spells it. Names, not positions: the same export next month has the same names. */
export type ColumnMapping = Partial<Record<RegisterField, string>>;

export const REGISTER_FIELD_LABELS: Readonly<Record<RegisterField, string>> = {
  upn: 'UPN',
  name: 'Name (whole)',
  surname: 'Surname',
  forename: 'Forename',
  date: 'Date',
  session: 'Session (AM or PM)',
  mark: 'Mark',
  arrival: 'Arrival time',
  minutesLate: 'Minutes late',
  dob: 'Date of birth',
  year: 'Year group',
};

/**
 * Header spellings seen in MIS exports, as normaliseHeader leaves them (lower case, letters and
 * digits only). SIMS's partner interface (AttendanceDate, SessionName, AttendanceMark, MinsLate,
 * Minute), Arbor's SDK (student, session, attendanceMark, minutesLate), Markwise's own CSV, and
 * the words reports put over those columns.
 */
const SPELLINGS: Readonly<Record<RegisterField, readonly string[]>> = {
  upn: ['upn', 'uniquepupilnumber', 'pupilupn', 'studentupn', 'upnnumber'],
  name: ['name', 'student', 'studentname', 'pupil', 'pupilname', 'fullname', 'legalname', 'preferredname', 'learner', 'learnername', 'childname'],
  surname: ['surname', 'legalsurname', 'lastname', 'familyname', 'preferredsurname'],
  forename: ['forename', 'forenames', 'legalforename', 'firstname', 'givenname', 'preferredforename', 'chosenforename'],
  date: ['date', 'attendancedate', 'sessiondate', 'markdate', 'registerdate', 'day'],
  session: ['session', 'sessionname', 'ampm', 'sess', 'registersession', 'period'],
  mark: ['mark', 'attendancemark', 'code', 'attendancecode', 'markcode'],
  arrival: ['arrival', 'arrived', 'arrivedat', 'arrivaltime', 'timearrived', 'timeofarrival', 'signedin', 'signintime', 'signedinat'],
  minutesLate: ['minuteslate', 'minslate', 'minute', 'minutes', 'latemins', 'lateminutes', 'late'],
  dob: ['dob', 'dateofbirth', 'birthdate'],
  year: ['year', 'yeargroup', 'ncyear', 'yr', 'nationalcurriculumyear'],
};

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The mapping the header suggests; a column is given to one field at most, the first spelling in the file winning. */
export function guessColumns(header: readonly string[], fields: readonly RegisterField[] = REGISTER_FIELDS): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of fields) {
    const index = header.findIndex((h, i) => !taken.has(i) && SPELLINGS[field].includes(normaliseHeader(h)));
    if (index >= 0) {
      mapping[field] = header[index]!.trim();
      taken.add(index);
    }
  }
  // A whole name and a surname: the surname and forename columns name the pupil, the whole name is left.
  if (mapping.name !== undefined && mapping.surname !== undefined) delete mapping.name;
  return mapping;
}

/**
 * Fields that more than one column looks like (a 'date' and a 'Date', a 'Student' and a 'Name'):
 * a guess would read one of them silently, so a person must say which.
 */
export function ambiguousColumns(header: readonly string[], fields: readonly RegisterField[] = REGISTER_FIELDS): { field: RegisterField; columns: number[] }[] {
  return fields.flatMap((field) => {
    const columns = header.flatMap((h, i) => (SPELLINGS[field].includes(normaliseHeader(h)) ? [i] : []));
    return columns.length > 1 ? [{ field, columns }] : [];
  });
}

/** How many of the fields a row's cells look like headers for: a report's title row scores 0 or 1. */
export function headerScore(fields: readonly string[], among: readonly RegisterField[] = REGISTER_FIELDS): number {
  return Object.keys(guessColumns(fields, among)).length;
}

/** The fields a long register export must have, besides a name (whole, or a surname). */
export const NEEDED_FIELDS: readonly RegisterField[] = ['upn', 'date', 'session', 'mark'];

/** The key a mapping is remembered by: the header's names in order, as normaliseHeader leaves them. */
export function shapeKey(header: readonly string[]): string {
  return header.map(normaliseHeader).join('|');
}

/** What is wrong with one field of a mapping: the check page says it at the field, the command line as a sentence. */
export type ColumnProblem =
  | { readonly field: RegisterField; readonly kind: 'no-such-column'; readonly column: string }
  | { readonly field: RegisterField; readonly kind: 'column-taken'; readonly column: string; readonly takenBy: RegisterField }
  | { readonly field: RegisterField; readonly kind: 'needed' }
  | { readonly field: 'name'; readonly kind: 'name-needed' };

/** A column problem as one sentence, naming its field: "UPN: no column is chosen for it, and the check needs it". */
export function describeColumnProblem(problem: ColumnProblem, header: readonly string[]): string {
  const label = REGISTER_FIELD_LABELS[problem.field];
  switch (problem.kind) {
    case 'no-such-column':
      return `${label}: the file has no column '${problem.column}' (its columns are ${header.map((h) => `'${h.trim()}'`).join(', ')})`;
    case 'column-taken':
      return `${label}: column '${problem.column}' is already read as ${REGISTER_FIELD_LABELS[problem.takenBy]}: one field a column`;
    case 'needed':
      return `${label}: no column is chosen for it, and the check needs it`;
    case 'name-needed':
      return `${label}: no column is chosen for the pupils' names (a whole name, or a surname with or without a forename)`;
  }
}

/**
 * Where each field is in the header. A mapping with a mistake (a header the file does not have,
 * one column for two fields, no column for a field the check needs) is refused, saying what.
 */
export function resolveColumns(
  header: readonly string[],
  mapping: ColumnMapping,
  needed: readonly RegisterField[] = NEEDED_FIELDS,
): { ok: true; index: Partial<Record<RegisterField, number>> } | { ok: false; problems: string[] } {
  const found = placeColumns(header, mapping, needed);
  return found.problems.length > 0 ? { ok: false, problems: found.problems.map((p) => describeColumnProblem(p, header)) } : { ok: true, index: found.index };
}

/** resolveColumns's problems, one a field, in the order of REGISTER_FIELDS' checks: for a form to say each at its field. */
export function columnProblems(header: readonly string[], mapping: ColumnMapping, needed: readonly RegisterField[] = NEEDED_FIELDS): ColumnProblem[] {
  return placeColumns(header, mapping, needed).problems;
}

function placeColumns(header: readonly string[], mapping: ColumnMapping, needed: readonly RegisterField[]): { index: Partial<Record<RegisterField, number>>; problems: ColumnProblem[] } {
  const problems: ColumnProblem[] = [];
  const index: Partial<Record<RegisterField, number>> = {};
  const usedBy = new Map<number, RegisterField>();
  for (const field of REGISTER_FIELDS) {
    const name = mapping[field];
    if (name === undefined) continue;
    const exact = header.findIndex((h) => h.trim() === name.trim());
    const found = exact >= 0 ? exact : header.findIndex((h) => normaliseHeader(h) === normaliseHeader(name) && normaliseHeader(name) !== '');
    if (found < 0) {
      problems.push({ field, kind: 'no-such-column', column: name });
      continue;
    }
    const other = usedBy.get(found);
    if (other !== undefined) {
      problems.push({ field, kind: 'column-taken', column: header[found]!.trim(), takenBy: other });
      continue;
    }
    usedBy.set(found, field);
    index[field] = found;
  }
  for (const field of needed) {
    if (mapping[field] === undefined) problems.push({ field, kind: 'needed' });
  }
  if (needed.includes('upn') && mapping.name === undefined && mapping.surname === undefined) problems.push({ field: 'name', kind: 'name-needed' });
  return { index, problems };
}

/** "upn=UPN,date=Attendance Date" (the command line's --columns), read into a mapping; a field or header can be quoted. */
export function parseColumnsOption(text: string): { ok: true; mapping: ColumnMapping } | { ok: false; problem: string } {
  const mapping: ColumnMapping = {};
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, problem: 'no columns are given (expected such as upn=UPN,date=Attendance Date)' };
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, problem: `'${part}' is not field=Header (such as date=Attendance Date)` };
    const field = part.slice(0, eq).trim();
    const header = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (!(REGISTER_FIELDS as readonly string[]).includes(field)) return { ok: false, problem: `'${field}' is not a field (the fields are ${REGISTER_FIELDS.join(', ')})` };
    if (header === '') return { ok: false, problem: `${field}= names no column` };
    if (mapping[field as RegisterField] !== undefined) return { ok: false, problem: `${field} is given twice` };
    mapping[field as RegisterField] = header;
  }
  return { ok: true, mapping };
}

/** A saved mapping file's JSON (the check page's download, or written by hand): { "date": "Attendance Date", ... }. */
export function columnsFromJson(data: unknown): { ok: true; mapping: ColumnMapping } | { ok: false; problem: string } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, problem: 'a column mapping is a JSON object such as {"date": "Attendance Date"}' };
  const source = 'columns' in data && typeof (data as { columns: unknown }).columns === 'object' ? (data as { columns: object }).columns : data;
  const mapping: ColumnMapping = {};
  for (const [field, header] of Object.entries(source)) {
    if (field === 'markwise' || field === 'kind') continue;
    if (!(REGISTER_FIELDS as readonly string[]).includes(field)) return { ok: false, problem: `"${field}" is not a field (the fields are ${REGISTER_FIELDS.join(', ')})` };
    if (typeof header !== 'string' || header.trim() === '') return { ok: false, problem: `"${field}" must name a column, as text` };
    mapping[field as RegisterField] = header;
  }
  return { ok: true, mapping };
}

/**
 * The header row: the first row within the first `scan` non-blank rows that looks most like a
 * header (most fields recognised), so that a report's title rows above it (report name, school,
 * date range) are skipped. `score` says how header-like a row is; a row scoring under `least` is never a header.
 */
export function findHeaderRow(rows: readonly CsvRow[], score: (fields: readonly string[]) => number, least = 2, scan = 30): number | null {
  let best: number | null = null;
  let bestScore = least - 1;
  let looked = 0;
  for (let i = 0; i < rows.length && looked < scan; i++) {
    const fields = rows[i]!.fields;
    if (fields.every((f) => f.trim() === '')) continue;
    looked++;
    const s = score(fields);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}
