// A week grid: one row a pupil, a column a session, as SIMS reports are commonly saved from Excel
// (reference/mis-exports.md, "SIMS": "one row a pupil, AM and PM columns, the day's date over its
// AM column", often with title rows above the header; no public source gives the exact file). Two
// forms are read: one header row whose session columns each say a date and a session
// ("Mon 17/11/2025 AM"), or two header rows, a day row with the date over the AM column and blank
// over the PM column, then an AM/PM row. Pure: the rows come from csvRowsWithLines.
//
// Choices where no source settles the point:
// - Dates are read day first (17/11/2025 is 17 November; 11/17/2025 is refused, never read as US),
//   or as 2025-11-17, or with a month name (17 Nov 2025, 17-Nov-2025, 17 November 2025).
// - A two-digit year is 20YY (17/11/25 is 2025): registers are read from 2000 (FIRST_REGISTER_DATE),
//   so 19YY could never be right, and a 20YY too far ahead is refused by registerDateProblem.
// - A weekday, when the header gives one, must agree with its date: a disagreement means the date or
//   the day is mistyped, and reading either would put every mark in that column on the wrong day.
// - An empty cell is a blank mark (''), as a long export's empty mark cell is: the rules see that the
//   session has no mark rather than the session being missing. '-' (SIMS: no mark recorded) is a
//   blank too, counted in dashBlanks.
// - A grid has no arrival times. A cell that shows lateness some other way ("L (12)") is kept as
//   written, not taken apart: the code check then reports it as a mark it does not know, which is
//   said, where guessing at minutes from an unknown layout could be wrong silently.

import { dayNumber, formatSchoolDate, parseSchoolDate, weekdayOfDayNumber, type IsoDate } from '../dates';
import type { CsvRow } from '../csv-rows';
import type { RegisterSnapshot, Session, SnapshotMark } from '../snapshot';
import { upnCheckProblem } from '../upn';
import { dobProblem, quoted, registerDateProblem, type ExportProblem, type ExportResult, type ReadOptions } from './common';
import { guessColumns, REGISTER_FIELD_LABELS, resolveColumns, type ColumnMapping, type RegisterField } from './columns';
import { markTranslator } from './school-codes';

/** The pupil columns a grid may have; the rest of its columns (Reg group, Gender, totals) are left. */
export const WIDE_PUPIL_FIELDS: readonly RegisterField[] = ['upn', 'name', 'surname', 'forename', 'dob', 'year'];

export interface WideSessionColumn {
  /** The column's place in the row (0 for the first field). */
  readonly index: number;
  /** The column as a person finds it: its header as written ("Mon 17/11/2025 AM"; two rows: the day over it, then AM or PM). */
  readonly header: string;
  readonly date: IsoDate;
  readonly session: Session;
  /** The date as written, for messages. */
  readonly dateText: string;
}

export interface WideLayout {
  readonly form: 'one-row' | 'two-row';
  /** The first header row: its place among the rows and its line in the file. */
  readonly headerIndex: number;
  readonly headerLine: number;
  /** The first row below the header (rows[dataFrom]). */
  readonly dataFrom: number;
  /** One name a column: a pupil column's name (from either header row), a session column's header. */
  readonly header: readonly string[];
  /** Fields a row must have: the header row's (two rows: the AM/PM row's). */
  readonly width: number;
  /** Session columns in date and session order. */
  readonly sessions: readonly WideSessionColumn[];
  /** The pupil columns the header suggests. */
  readonly guess: ColumnMapping;
  /** What is wrong with the header itself (a weekday that disagrees with its date, a session twice). */
  readonly problems: readonly ExportProblem[];
}

// ---------------------------------------------------------------------------
// Dates and sessions in a header

const WEEKDAY_NAMES: Readonly<Record<string, number>> = {
  sun: 0, sunday: 0,
  mon: 1, monday: 1,
  tue: 2, tues: 2, tuesday: 2,
  wed: 3, weds: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5,
  sat: 6, saturday: 6,
};
const WEEKDAY_WORDS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const WEEKDAY_PREFIX = /^([a-z]+)\.?(?:,\s*|\s+)(.*)$/i;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const NAMED_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})$/i;
/** Something written as a date, well or badly: digits and a separator, or a day and a month name. */
const DATE_LIKE = /\d{1,4}[/.-]\d{1,2}|\d{1,2}(?:st|nd|rd|th)?[\s-]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const SESSION_SUFFIX = /^(.*?)[\s_-]*\(?\b(am|pm)\)?$/i;

const HOW_DATES_ARE_READ = 'dates are read day first, with the year, such as 17/11/2025, 2025-11-17 or 17 Nov 2025';

/** A day as a header writes it, or why it cannot be read; null when the text is not written as a date at all. */
type DayReading = { readonly ok: true; readonly date: IsoDate; readonly text: string } | { readonly ok: false; readonly problem: string };

function isoOf(year: number, month: number, day: number): IsoDate | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseSchoolDate(text);
}

/** A two-digit year is 20YY (see the choices above). */
function fullYear(written: string): number {
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

function readDate(text: string): IsoDate | null {
  let m = ISO_DAY.exec(text);
  if (m !== null) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_FIRST.exec(text);
  if (m !== null) return isoOf(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = NAMED_MONTH.exec(text);
  if (m !== null) {
    const month = MONTH_NAMES[m[2]!.toLowerCase()];
    return month === undefined ? null : isoOf(fullYear(m[3]!), month, Number(m[1]));
  }
  return null;
}

/** Reads "Mon 17/11/2025", "17/11/2025", "2025-11-17", "Monday 17 November 2025"; null when the text is not written as a date at all. */
function readDay(written: string): DayReading | null {
  const text = written.trim();
  if (text === '' || !DATE_LIKE.test(text)) return null;
  let weekday: number | undefined;
  let rest = text;
  const prefix = WEEKDAY_PREFIX.exec(text);
  if (prefix !== null && WEEKDAY_NAMES[prefix[1]!.toLowerCase()] !== undefined) {
    weekday = WEEKDAY_NAMES[prefix[1]!.toLowerCase()];
    rest = prefix[2]!.trim();
  }
  const date = readDate(rest);
  if (date === null) return { ok: false, problem: `${quoted(rest)} is not a real date (${HOW_DATES_ARE_READ}; never month first)` };
  const actual = weekdayOfDayNumber(dayNumber(date));
  if (weekday !== undefined && weekday !== actual) {
    return {
      ok: false,
      problem: `it says ${WEEKDAY_WORDS[weekday]}, but ${rest} is a ${WEEKDAY_WORDS[actual]} (${formatSchoolDate(date)}): is the date or the day mistyped? Nothing in this column was read`,
    };
  }
  return { ok: true, date, text: rest };
}

/** A one-row header's session column ("Mon 17/11/2025 AM"), or null when the cell does not end in a session. */
function readSessionHeader(written: string): (DayReading & { readonly session: Session }) | { readonly ok: false; readonly problem: string } | null {
  const m = SESSION_SUFFIX.exec(written.trim());
  if (m === null || m[1] === '' || !/\d/.test(m[1]!)) return null;
  const session = m[2]!.toUpperCase() as Session;
  const day = readDay(m[1]!);
  if (day === null) return { ok: false, problem: `it ends in ${session} but ${quoted(m[1]!.trim())} is not a date (${HOW_DATES_ARE_READ})` };
  return day.ok ? { ...day, session } : day;
}

function sessionWord(cell: string): Session | null {
  const s = cell.trim().toUpperCase();
  return s === 'AM' || s === 'PM' ? s : null;
}

// ---------------------------------------------------------------------------
// Recognising a grid

const isBlank = (row: CsvRow) => row.fields.every((f) => f.trim() === '');

/** How many of the first non-blank rows may be a report's title above the header. */
const TITLE_ROWS_SCANNED = 30;

/**
 * Whether the rows are a week grid, and where its header and columns are. Title rows above the
 * header (report name, school, "Week commencing 17/11/2025", blank lines) are passed over; a
 * person may say which line the (first) header row is on. Null when the rows are not a grid.
 */
export function recogniseWideGrid(rows: readonly CsvRow[], headerLine?: number): WideLayout | null {
  if (headerLine !== undefined) {
    const at = rows.findIndex((row) => row.line === headerLine);
    if (at < 0) return null;
    // The AM/PM row of a two-row header, pointed at: the grid starts on the day row above it.
    const above = at > 0 ? gridAt(rows, at - 1) : null;
    return gridAt(rows, at) ?? (above?.form === 'two-row' ? above : null);
  }
  let looked = 0;
  for (let i = 0; i < rows.length && looked < TITLE_ROWS_SCANNED; i++) {
    if (isBlank(rows[i]!)) continue;
    looked++;
    const layout = gridAt(rows, i);
    if (layout !== null) return layout;
  }
  return null;
}

function gridAt(rows: readonly CsvRow[], i: number): WideLayout | null {
  const row = rows[i]!;
  const readings = row.fields.map(readSessionHeader);
  if (readings.filter((r) => r !== null).length >= 2) return oneRowGrid(rows, i, readings);
  const next = rows[i + 1];
  // Two rows: AM/PM cells, and something written as a date over at least one AM (not merely a date in a title).
  if (next !== undefined && next.fields.filter((f) => sessionWord(f) !== null).length >= 2 && next.fields.some((f, at) => sessionWord(f) === 'AM' && readDay(row.fields[at] ?? '') !== null)) {
    return twoRowGrid(rows, i);
  }
  return null;
}

interface ColumnBeingRead {
  index: number;
  header: string;
  date: IsoDate;
  session: Session;
  dateText: string;
}

function oneRowGrid(rows: readonly CsvRow[], i: number, readings: ReturnType<typeof readSessionHeader>[]): WideLayout {
  const row = rows[i]!;
  const problems: ExportProblem[] = [];
  const columns: ColumnBeingRead[] = [];
  const header = row.fields.map((f) => f.trim());
  readings.forEach((reading, index) => {
    if (reading === null) return;
    if (!reading.ok) problems.push({ line: row.line, column: header[index]!, path: null, message: reading.problem });
    else columns.push({ index, header: header[index]!, date: reading.date, session: reading.session, dateText: reading.text });
  });
  return finished('one-row', rows, i, i + 1, header, columns, problems, header.length);
}

function twoRowGrid(rows: readonly CsvRow[], i: number): WideLayout {
  const days = rows[i]!;
  const sessions = rows[i + 1]!;
  const width = sessions.fields.length;
  const problems: ExportProblem[] = [];
  const columns: ColumnBeingRead[] = [];
  const header: string[] = [];
  const dayCell = (index: number) => (days.fields[index] ?? '').trim();
  for (let index = 0; index < width; index++) {
    const sessionCell = sessions.fields[index]!.trim();
    const session = sessionWord(sessionCell);
    const over = dayCell(index);
    if (session === null) {
      // A pupil column, named in either row; a date over it has no session to belong to.
      header.push(sessionCell !== '' ? sessionCell : over);
      const day = readDay(over);
      if (day !== null && sessionCell === '') {
        problems.push({ line: days.line, column: over, path: null, message: `a date with no AM or PM under it (field ${index + 1} of line ${sessions.line} is empty): which session is it?` });
      }
      continue;
    }
    // The date is over the AM column; the PM column beside it has a blank over it (or the same date).
    const ownDay = over === '' ? null : readDay(over);
    const besideAm = over === '' && session === 'PM' && index > 0 && sessionWord(sessions.fields[index - 1]!) === 'AM' && dayCell(index - 1) !== '';
    const dayText = over !== '' ? over : besideAm ? dayCell(index - 1) : '';
    const label = dayText === '' ? `${sessionCell} (field ${index + 1})` : `${dayText} ${sessionCell}`;
    header.push(label);
    if (besideAm) {
      const am = columns.find((c) => c.index === index - 1);
      if (am !== undefined) columns.push({ index, header: label, date: am.date, session, dateText: am.dateText });
      else problems.push({ line: days.line, column: label, path: null, message: `the date over the AM column beside it cannot be read (see column '${dayText} ${sessions.fields[index - 1]!.trim()}'), so nothing in this column was read` });
      continue;
    }
    if (ownDay === null) {
      const message =
        over === ''
          ? session === 'AM'
            ? `an AM column with no date over it on line ${days.line}: which day is it?`
            : `a PM column with no date over it, and no AM column with a date just before it: which day is it?`
          : `${quoted(over)} over this ${session} column is not a date (${HOW_DATES_ARE_READ})`;
      problems.push({ line: over === '' ? sessions.line : days.line, column: label, path: null, message });
      continue;
    }
    if (!ownDay.ok) {
      problems.push({ line: days.line, column: label, path: null, message: ownDay.problem });
      continue;
    }
    columns.push({ index, header: label, date: ownDay.date, session, dateText: ownDay.text });
  }
  for (let index = width; index < days.fields.length; index++) {
    const over = dayCell(index);
    if (over !== '') problems.push({ line: days.line, column: over, path: null, message: `field ${index + 1} is beyond the last column of line ${sessions.line} (which has ${width} fields): which session is it?` });
  }
  return finished('two-row', rows, i, i + 2, header, columns, problems, width);
}

function finished(
  form: WideLayout['form'],
  rows: readonly CsvRow[],
  headerIndex: number,
  dataFrom: number,
  header: string[],
  columns: ColumnBeingRead[],
  problems: ExportProblem[],
  width: number,
): WideLayout {
  const line = rows[headerIndex]!.line;
  const seen = new Map<string, ColumnBeingRead>();
  const unique: ColumnBeingRead[] = [];
  for (const column of columns) {
    const key = `${column.date} ${column.session}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        line,
        column: column.header,
        path: null,
        message: `${formatSchoolDate(column.date)} ${column.session} is in the header twice (fields ${earlier.index + 1} and ${column.index + 1}): which column is the register? Keep one`,
      });
      continue;
    }
    seen.set(key, column);
    unique.push(column);
  }
  unique.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.session < b.session ? -1 : a.session > b.session ? 1 : 0));
  const sessionIndexes = new Set(columns.map((c) => c.index));
  // Session columns are never pupil columns: their names are hidden from the guess.
  const guess = guessColumns(
    header.map((h, index) => (sessionIndexes.has(index) ? '' : h)),
    WIDE_PUPIL_FIELDS,
  );
  return { form, headerIndex, headerLine: line, dataFrom, header, width, sessions: unique, guess, problems };
}

// ---------------------------------------------------------------------------
// Reading a grid

/** Rows between progress reports. */
const PROGRESS_EVERY = 512;

interface PupilRead {
  readonly upn: string;
  readonly name: string;
  readonly dob: IsoDate | null;
  readonly year: string | null;
  readonly marks: SnapshotMark[];
  readonly line: number;
}

/** The grid read into a snapshot, one pupil a row and a mark a session column; all or nothing. */
export function readWideGrid(rows: readonly CsvRow[], layout: WideLayout, source: string, options: ReadOptions): ExportResult {
  const problems: ExportProblem[] = [...layout.problems];
  const headerInfo = { line: layout.headerLine, fields: layout.header };
  const refused = (): ExportResult => ({
    ok: false,
    problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    shape: 'register-wide',
    header: headerInfo,
    guess: layout.guess,
  });

  // A date out of range is said once, on its first column (the AM and PM columns share a two-row grid's date).
  const dated = new Set<IsoDate>();
  for (const column of [...layout.sessions].sort((a, b) => a.index - b.index)) {
    if (dated.has(column.date)) continue;
    dated.add(column.date);
    const problem = registerDateProblem(column.date, column.dateText, options.today);
    if (problem !== null) problems.push({ line: layout.headerLine, column: column.header, path: null, message: problem });
  }

  // The pupil columns: as a person said, or as guessed.
  const mapping = options.columns ?? layout.guess;
  for (const field of Object.keys(mapping) as RegisterField[]) {
    if (WIDE_PUPIL_FIELDS.includes(field)) continue;
    problems.push({
      line: layout.headerLine,
      column: mapping[field] ?? null,
      path: null,
      message: `${REGISTER_FIELD_LABELS[field]}: a week grid has no such column (its dates and sessions are in the header, a mark in each session column), so leave it out of the columns`,
    });
  }
  const pupilMapping: ColumnMapping = {};
  for (const field of WIDE_PUPIL_FIELDS) if (mapping[field] !== undefined) pupilMapping[field] = mapping[field];
  const resolved = resolveColumns(layout.header, pupilMapping, ['upn']);
  if (!resolved.ok) {
    // Guessed: say what was looked for; given by a person: say where their mapping does not fit.
    const messages =
      options.columns === undefined
        ? [
            ...(pupilMapping.upn === undefined ? ["no column looks like the pupils' UPN (expected a header such as UPN or Unique Pupil Number): say which column it is"] : []),
            ...(pupilMapping.name === undefined && pupilMapping.surname === undefined
              ? ["no column looks like the pupils' names (expected Surname and Forename, or Name): say which column it is"]
              : []),
          ]
        : resolved.problems.map((p) => `the column mapping does not fit this file: ${p}`);
    for (const message of messages.length > 0 ? messages : resolved.problems) problems.push({ line: layout.headerLine, column: null, path: null, message });
    return refused();
  }
  const index = resolved.index;
  const sessionAt = new Map(layout.sessions.map((c) => [c.index, c]));
  for (const field of WIDE_PUPIL_FIELDS) {
    const at = index[field];
    if (at !== undefined && sessionAt.has(at)) {
      problems.push({ line: layout.headerLine, column: layout.header[at]!, path: null, message: `${REGISTER_FIELD_LABELS[field]}: this is a session column (its cells are marks), not the pupils' ${REGISTER_FIELD_LABELS[field]}` });
    }
  }
  if (problems.length > 0) return refused();

  const translator = markTranslator(options.schoolCodes);
  const pupils = new Map<string, PupilRead>();
  const warnings: ExportProblem[] = [];
  const columnName = (field: RegisterField) => layout.header[index[field]!]!;
  const total = rows.length;
  for (let r = layout.dataFrom; r < rows.length; r++) {
    if (options.onProgress !== undefined && (r - layout.dataFrom) % PROGRESS_EVERY === 0) options.onProgress(r / total);
    const row = rows[r]!;
    // Excel leaves rows of bare commas below a sheet's data: they are blank, not bad.
    if (isBlank(row)) continue;
    const { line } = row;
    if (row.fields.length !== layout.width) {
      problems.push({
        line,
        column: null,
        path: null,
        message: `the row has ${row.fields.length} fields but the header has ${layout.width} (a name with a comma must be in double quotes)`,
      });
      continue;
    }
    const cell = (field: RegisterField) => (index[field] === undefined ? '' : row.fields[index[field]!]!.trim());
    const upn = cell('upn');
    if (upn === '') {
      problems.push({ line, column: columnName('upn'), path: null, message: "is empty (every pupil's row needs the pupil's UPN)" });
      continue;
    }
    const rawDob = cell('dob');
    const dob = rawDob === '' ? null : parseSchoolDate(rawDob);
    if (rawDob !== '' && dob === null) {
      problems.push({ line, column: columnName('dob'), path: null, message: `${quoted(rawDob)} is not a real date of birth (expected DD/MM/YYYY or YYYY-MM-DD, or an empty cell)` });
      continue;
    }
    const unborn = dob === null ? null : dobProblem(dob, rawDob, options.today);
    if (unborn !== null) {
      problems.push({ line, column: columnName('dob'), path: null, message: unborn });
      continue;
    }
    const earlier = pupils.get(upn);
    if (earlier !== undefined) {
      problems.push({ line, column: columnName('upn'), path: null, message: `pupil ${upn} is already on line ${earlier.line}: a week grid has one row a pupil` });
      continue;
    }
    const name = index.name !== undefined ? cell('name') : [cell('forename'), cell('surname')].filter((part) => part !== '').join(' ');
    const marks: SnapshotMark[] = layout.sessions.map((column) => ({
      date: column.date,
      session: column.session,
      mark: translator.mark(row.fields[column.index]!.trim()),
      arrival: null,
    }));
    pupils.set(upn, { upn, name, dob, year: cell('year') || null, marks, line });
    const check = upnCheckProblem(upn);
    if (check !== null) warnings.push({ line, column: columnName('upn'), path: null, message: check });
  }
  options.onProgress?.(1);
  if (problems.length > 0) return refused();
  if (pupils.size === 0) {
    problems.push({ line: layout.headerLine, column: null, path: null, message: 'the week grid has a header but no pupils below it' });
    return refused();
  }
  const snapshot: RegisterSnapshot = {
    role: 'office',
    source,
    pupils: [...pupils.values()].map(({ upn, name, dob, year, marks }) => ({ upn, name, dob, year, marks })),
  };
  const columns: ColumnMapping = {};
  for (const field of WIDE_PUPIL_FIELDS) if (index[field] !== undefined) columns[field] = layout.header[index[field]!]!;
  return {
    ok: true,
    snapshot,
    warnings,
    details: {
      shape: 'register-wide',
      headerLine: layout.headerLine,
      header: layout.header,
      columns,
      titleLines: layout.headerLine - 1,
      lateness: 'none',
      translated: translator.translated(),
      dashBlanks: translator.dashBlanks(),
    },
  };
}
