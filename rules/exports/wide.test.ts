// Week grids (one row a pupil, a column a session) read as a SIMS report saved from Excel would be:
// the fixtures in test/fixtures/exports/ (see its README for the shape's source), and small grids
// written here for each boundary. Every expected mark and problem is written out by hand.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvRowsWithLines, type CsvRow } from '../csv-rows';
import { decodeFileText } from '../file-text';
import type { ExportResult } from './common';
import { readWideGrid, recogniseWideGrid } from './wide';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/exports/${name}`, import.meta.url));

/** As the dispatcher splits a file: decoded, Windows line endings made plain, then rows with their lines. */
function rowsOf(text: string): CsvRow[] {
  return csvRowsWithLines(text.replace(/\r\n?/g, '\n'), { delimiter: ',' }).rows;
}

const TODAY = '2025-11-26';

function read(text: string, options: Parameters<typeof readWideGrid>[3] = { today: TODAY }, headerLine?: number): ExportResult {
  const rows = rowsOf(text);
  const layout = recogniseWideGrid(rows, headerLine);
  if (layout === null) throw new Error('not recognised as a week grid');
  return readWideGrid(rows, layout, 'grid.csv', options);
}

function problemsOf(result: ExportResult) {
  if (result.ok) throw new Error('read, but expected to be refused');
  return result.problems.map((p) => ({ line: p.line, column: p.column, message: p.message }));
}

function marksOf(result: ExportResult): Record<string, string[]> {
  if (!result.ok) throw new Error(`refused: ${result.problems.map((p) => `${p.line} ${p.column} ${p.message}`).join('; ')}`);
  return Object.fromEntries(result.snapshot.pupils.map((p) => [p.upn, p.marks.map((m) => `${m.date} ${m.session} ${m.mark}`)]));
}

/** Ten sessions, Mon 17 to Fri 21 Nov 2025, with the marks given in order. */
function week(...marks: string[]): string[] {
  const days = ['2025-11-17', '2025-11-18', '2025-11-19', '2025-11-20', '2025-11-21'];
  return days.flatMap((d, i) => [`${d} AM ${marks[i * 2]}`, `${d} PM ${marks[i * 2 + 1]}`]);
}

describe('the one-header-row fixture (title rows above, UTF-8, LF)', () => {
  const text = decodeFileText(fixture('wide-one-header-row.csv')).text;

  it('is recognised below its three title rows and the blank line, on line 5', () => {
    const layout = recogniseWideGrid(rowsOf(text));
    expect(layout).toMatchObject({ form: 'one-row', headerLine: 5, width: 15 });
    expect(layout!.guess).toEqual({ upn: 'UPN', surname: 'Surname', forename: 'Forename', year: 'Year' });
    expect(layout!.sessions.map((s) => `${s.header}=${s.date} ${s.session}`)).toEqual([
      'Mon 17/11/2025 AM=2025-11-17 AM',
      'Mon 17/11/2025 PM=2025-11-17 PM',
      'Tue 18/11/2025 AM=2025-11-18 AM',
      'Tue 18/11/2025 PM=2025-11-18 PM',
      'Wed 19/11/2025 AM=2025-11-19 AM',
      'Wed 19/11/2025 PM=2025-11-19 PM',
      'Thu 20/11/2025 AM=2025-11-20 AM',
      'Thu 20/11/2025 PM=2025-11-20 PM',
      'Fri 21/11/2025 AM=2025-11-21 AM',
      'Fri 21/11/2025 PM=2025-11-21 PM',
    ]);
  });

  it("reads a pupil a row and a mark a session: '-' and an empty cell are blank marks, kept", () => {
    const result = read(text);
    expect(marksOf(result)).toEqual({
      M383200119001: week('N', 'N', '/', '\\', '/', '\\', '/', '\\', '/', '\\'),
      B383200119002: week('/', '\\', 'L', '\\', '/', '\\', '/', '\\', '/', '\\'),
      Q383200119003: week('/', '\\', '/', '\\', '', '', '/', '\\', '/', '\\'),
      E383200119004: week('/', '\\', '/', '\\', '/', '\\', '/', '\\', '/', ''),
    });
    if (!result.ok) return;
    expect(result.snapshot.pupils.map((p) => [p.name, p.year, p.dob])).toEqual([
      ['Ada Okafor', '3', null],
      ['Ben Hughes', '3', null],
      ['Chloe Patel', '3', null],
      ['Dan Smith', '3', null],
    ]);
    expect(result.snapshot.pupils[0]!.marks.every((m) => m.arrival === null)).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.details).toEqual({
      shape: 'register-wide',
      headerLine: 5,
      header: recogniseWideGrid(rowsOf(text))!.header,
      columns: { upn: 'UPN', surname: 'Surname', forename: 'Forename', year: 'Year' },
      titleLines: 4,
      lateness: 'none',
      translated: [],
      // Chloe's Wednesday: two '-'.
      dashBlanks: 2,
    });
  });
});

describe('the two-header-row fixture (Windows-1252, CRLF)', () => {
  const bytes = fixture('wide-two-header-rows-cp1252.csv');

  it('is committed as Windows-1252 bytes with CRLF line endings', () => {
    // "O’Brien,Zoë": 92 is the curly apostrophe, EB is ë, in Windows-1252.
    expect(bytes.includes(Buffer.from([0x4f, 0x92, 0x42]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x5a, 0x6f, 0xeb, 0x2c]))).toBe(true);
    expect(bytes.toString('latin1').split('\r\n')).toHaveLength(10);
    expect(bytes.toString('latin1').replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('reads the dates over the AM columns, each PM taking the date over the AM beside it, and the names right', () => {
    const decoded = decodeFileText(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    const layout = recogniseWideGrid(rowsOf(decoded.text));
    expect(layout).toMatchObject({ form: 'two-row', headerLine: 5, dataFrom: 6, width: 14 });
    expect(layout!.header).toEqual([
      'UPN',
      'Legal Surname',
      'Legal Forename',
      'Reg Group',
      'Mon 17/11/2025 AM',
      'Mon 17/11/2025 PM',
      'Tue 18/11/2025 AM',
      'Tue 18/11/2025 PM',
      'Wed 19/11/2025 AM',
      'Wed 19/11/2025 PM',
      'Thu 20/11/2025 AM',
      'Thu 20/11/2025 PM',
      'Fri 21/11/2025 AM',
      'Fri 21/11/2025 PM',
    ]);
    const result = read(decoded.text);
    expect(marksOf(result)).toEqual({
      M383200120011: week('/', '\\', '/', '\\', 'I', 'I', '/', '\\', '/', '\\'),
      B383200120012: week('/', '\\', '/', '\\', '/', '\\', '/', 'N', '/', '\\'),
      Q383200120013: week('/', '\\', '', '\\', '/', '\\', '/', '\\', 'M', '\\'),
    });
    if (!result.ok) return;
    expect(result.snapshot.pupils.map((p) => p.name)).toEqual(['Zoë O’Brien', 'Siân Evans', 'Kit Ng']);
    expect(result.details).toMatchObject({ shape: 'register-wide', headerLine: 5, titleLines: 4, dashBlanks: 1, columns: { upn: 'UPN', surname: 'Legal Surname', forename: 'Legal Forename' } });
  });
});

describe('the weekday-disagrees fixture', () => {
  it('is refused, naming each column whose weekday is not its date’s, and reads nothing', () => {
    const text = decodeFileText(fixture('wide-weekday-disagrees.csv')).text;
    const result = read(text);
    const message = 'it says Wednesday, but 18/11/2025 is a Tuesday (Tue 18 Nov 2025): is the date or the day mistyped? Nothing in this column was read';
    expect(problemsOf(result)).toEqual([
      { line: 2, column: 'Wed 18/11/2025 AM', message },
      { line: 2, column: 'Wed 18/11/2025 PM', message },
    ]);
    expect(result).toMatchObject({ ok: false, shape: 'register-wide', header: { line: 2 } });
  });
});

describe('session headers as grids write them', () => {
  const grid = (...sessions: string[]) => `UPN,Name,${sessions.join(',')}\nA1,Ada Okafor,${sessions.map(() => '/').join(',')}\n`;

  it.each([
    ['17/11/2025 AM', '17/11/2025 PM', '2025-11-17'],
    ['2025-11-17 AM', '2025-11-17 PM', '2025-11-17'],
    ['Mon 17 Nov 2025 AM', 'Mon 17 Nov 2025 PM', '2025-11-17'],
    ['17-Nov-2025 AM', '17-Nov-2025 PM', '2025-11-17'],
    ['Monday 17 November 2025 am', '"Monday, 17 November 2025 pm"', '2025-11-17'],
    ['Tues 2/12/2025 AM', 'Tues 2/12/2025 PM', '2025-12-02'],
  ])('%s and %s are %s', (am, pm, date) => {
    expect(marksOf(read(grid(am, pm)))).toEqual({ A1: [`${date} AM /`, `${date} PM /`] });
  });

  it('reads a two-digit year as 20YY: 17/11/25 is 17 Nov 2025', () => {
    expect(marksOf(read(grid('17/11/25 AM', '17/11/25 PM')))).toEqual({ A1: ['2025-11-17 AM /', '2025-11-17 PM /'] });
  });

  it('never reads a date month first: 11/17/2025 is refused, naming the column', () => {
    expect(problemsOf(read(grid('11/17/2025 AM', '11/17/2025 PM')))).toEqual([
      { line: 1, column: '11/17/2025 AM', message: "'11/17/2025' is not a real date (dates are read day first, with the year, such as 17/11/2025, 2025-11-17 or 17 Nov 2025; never month first)" },
      { line: 1, column: '11/17/2025 PM', message: "'11/17/2025' is not a real date (dates are read day first, with the year, such as 17/11/2025, 2025-11-17 or 17 Nov 2025; never month first)" },
    ]);
  });

  it('refuses a date without its year rather than guessing the year', () => {
    const problems = problemsOf(read(grid('Mon 17 Nov AM', 'Mon 17 Nov PM')));
    expect(problems.map((p) => p.column)).toEqual(['Mon 17 Nov AM', 'Mon 17 Nov PM']);
    expect(problems[0]!.message).toContain("'17 Nov' is not a real date");
  });

  it('sorts the marks by date and session whatever the column order', () => {
    expect(marksOf(read(grid('18/11/2025 PM', '17/11/2025 PM', '17/11/2025 AM')))).toEqual({ A1: ['2025-11-17 AM /', '2025-11-17 PM /', '2025-11-18 PM /'] });
  });

  it('is not a grid with fewer than two session columns, nor a long export', () => {
    expect(recogniseWideGrid(rowsOf('UPN,Name,17/11/2025 AM\nA1,Ada,/\n'))).toBeNull();
    expect(recogniseWideGrid(rowsOf('upn,name,date,session,mark,arrival\nA1,Ada,2025-11-17,AM,/,\n'))).toBeNull();
    // A long export whose rows hold dates and AM/PM: no row is a header of sessions.
    expect(recogniseWideGrid(rowsOf('UPN,Date,Session,Mark\nA1,17/11/2025,AM,/\nA1,17/11/2025,PM,\\\n'))).toBeNull();
    // One row a pupil and day, with AM and PM columns, under a title with a date: no date is over an AM column.
    expect(recogniseWideGrid(rowsOf('Register for 17/11/2025,,,,\nUPN,Name,Date,AM,PM\nA1,Ada,17/11/2025,/,\\\n'))).toBeNull();
  });
});

describe('two header rows', () => {
  it("takes the pupil columns' names from the day row when the AM/PM row is blank under them", () => {
    const text = 'UPN,Name,Mon 17/11/2025,,Tue 18/11/2025,\n,,AM,PM,AM,PM\nA1,Ada Okafor,/,\\,N,N\n';
    expect(marksOf(read(text))).toEqual({ A1: ['2025-11-17 AM /', '2025-11-17 PM \\', '2025-11-18 AM N', '2025-11-18 PM N'] });
  });

  it('reads the date repeated over the PM column as well as blank', () => {
    const text = ',,17/11/2025,17/11/2025\nUPN,Name,AM,PM\nA1,Ada Okafor,/,\\\n';
    expect(marksOf(read(text))).toEqual({ A1: ['2025-11-17 AM /', '2025-11-17 PM \\'] });
  });

  it('refuses an AM column with no date over it, and a PM column with no AM beside it, saying which', () => {
    const text = ',,17/11/2025,,,\nUPN,Name,AM,PM,AM,PM\nA1,Ada Okafor,/,\\,/,\\\n';
    expect(problemsOf(read(text))).toEqual([
      { line: 2, column: 'AM (field 5)', message: 'an AM column with no date over it on line 1: which day is it?' },
      { line: 2, column: 'PM (field 6)', message: 'a PM column with no date over it, and no AM column with a date just before it: which day is it?' },
    ]);
  });

  it('refuses a weekday that disagrees with the date over the AM column, naming the column', () => {
    const text = ',,Fri 17/11/2025,,Tue 18/11/2025,\nUPN,Name,AM,PM,AM,PM\nA1,Ada Okafor,/,\\,/,\\\n';
    const problems = problemsOf(read(text));
    expect(problems).toEqual([
      {
        line: 1,
        column: 'Fri 17/11/2025 AM',
        message: 'it says Friday, but 17/11/2025 is a Monday (Mon 17 Nov 2025): is the date or the day mistyped? Nothing in this column was read',
      },
      {
        line: 1,
        column: 'Fri 17/11/2025 PM',
        message: "the date over the AM column beside it cannot be read (see column 'Fri 17/11/2025 AM'), so nothing in this column was read",
      },
    ]);
  });

  it('refuses a date over a column with no AM or PM under it', () => {
    const text = ',,17/11/2025,,18/11/2025\nUPN,Name,AM,PM,\nA1,Ada Okafor,/,\\,\n';
    expect(problemsOf(read(text))).toEqual([{ line: 1, column: '18/11/2025', message: 'a date with no AM or PM under it (field 5 of line 2 is empty): which session is it?' }]);
  });
});

describe('problems in the rows, each with its line and column, and nothing read', () => {
  const HEADER = 'UPN,Surname,Forename,DOB,Mon 17/11/2025 AM,Mon 17/11/2025 PM';

  it('a row without a UPN, a pupil twice, a row with too many or too few fields', () => {
    const text = [HEADER, 'A1,Okafor,Ada,02/03/2018,/,\\', ',Hughes,Ben,,/,\\', 'A1,Okafor,Ada,02/03/2018,N,N', 'A3,Patel,Chloe,,/,\\,/', 'A4,Smith,Dan,,/', ''].join('\n');
    expect(problemsOf(read(text))).toEqual([
      { line: 3, column: 'UPN', message: "is empty (every pupil's row needs the pupil's UPN)" },
      { line: 4, column: 'UPN', message: 'pupil A1 is already on line 2: a week grid has one row a pupil' },
      { line: 5, column: null, message: 'the row has 7 fields but the header has 6 (a name with a comma must be in double quotes)' },
      { line: 6, column: null, message: 'the row has 5 fields but the header has 6 (a name with a comma must be in double quotes)' },
    ]);
  });

  it('a date of birth that is not a date, or is after today', () => {
    const text = [HEADER, 'A1,Okafor,Ada,31/02/2018,/,\\', 'A2,Hughes,Ben,01/12/2025,/,\\'].join('\n');
    expect(problemsOf(read(text))).toEqual([
      { line: 2, column: 'DOB', message: "'31/02/2018' is not a real date of birth (expected DD/MM/YYYY or YYYY-MM-DD, or an empty cell)" },
      { line: 3, column: 'DOB', message: "'01/12/2025' is after today (Wed 26 Nov 2025): a date of birth cannot be in the future" },
    ]);
  });

  it('the same session twice in the header', () => {
    const text = 'UPN,Name,Mon 17/11/2025 AM,17/11/2025 PM,2025-11-17 AM\nA1,Ada,/,\\,/\n';
    expect(problemsOf(read(text))).toEqual([
      { line: 1, column: '2025-11-17 AM', message: 'Mon 17 Nov 2025 AM is in the header twice (fields 3 and 5): which column is the register? Keep one' },
    ]);
  });

  it('a date before 2000, or more than a year after today (boundaries: 1 Jan 2000 and 26 Nov 2026 are read)', () => {
    const ok = 'UPN,Name,01/01/2000 AM,26/11/2026 PM\nA1,Ada,/,\\\n';
    expect(marksOf(read(ok))).toEqual({ A1: ['2000-01-01 AM /', '2026-11-26 PM \\'] });
    const bad = 'UPN,Name,31/12/1999 AM,27/11/2026 PM\nA1,Ada,/,\\\n';
    expect(problemsOf(read(bad))).toEqual([
      { line: 1, column: '31/12/1999 AM', message: "'31/12/1999' is before 2000: Markwise reads registers from 1 January 2000 (is the year mistyped?)" },
      { line: 1, column: '27/11/2026 PM', message: "'27/11/2026' is more than a year after today (Wed 26 Nov 2025): is the year mistyped?" },
    ]);
  });

  it('a header with no UPN column: refused, the header and guess given for a person to say which is which', () => {
    const text = 'Pupil No,Name,17/11/2025 AM,17/11/2025 PM\nA1,Ada,/,\\\n';
    const result = read(text);
    expect(problemsOf(result)).toEqual([
      { line: 1, column: null, message: "no column looks like the pupils' UPN (expected a header such as UPN or Unique Pupil Number): say which column it is" },
    ]);
    expect(result).toMatchObject({ ok: false, shape: 'register-wide', header: { line: 1, fields: ['Pupil No', 'Name', '17/11/2025 AM', '17/11/2025 PM'] }, guess: { name: 'Name' } });
    // Said by a person, it is read; a mapping naming a column the file does not have is refused, saying so.
    expect(marksOf(read(text, { today: TODAY, columns: { upn: 'Pupil No', name: 'Name' } }))).toEqual({ A1: ['2025-11-17 AM /', '2025-11-17 PM \\'] });
    expect(problemsOf(read(text, { today: TODAY, columns: { upn: 'Pupil Number', name: 'Name' } }))).toEqual([
      {
        line: 1,
        column: null,
        message: "the column mapping does not fit this file: UPN: the file has no column 'Pupil Number' (its columns are 'Pupil No', 'Name', '17/11/2025 AM', '17/11/2025 PM')",
      },
    ]);
    expect(problemsOf(read('No,Class,17/11/2025 AM,17/11/2025 PM\nA1,3K,/,\\\n')).map((p) => p.message)).toEqual([
      "no column looks like the pupils' UPN (expected a header such as UPN or Unique Pupil Number): say which column it is",
      "no column looks like the pupils' names (expected Surname and Forename, or Name): say which column it is",
    ]);
  });

  it('a mapping with a date or mark column, or naming a session column as a pupil column, is refused and reads nothing', () => {
    const text = 'UPN,Name,17/11/2025 AM,17/11/2025 PM\nA1,Ada,/,\\\n';
    expect(problemsOf(read(text, { today: TODAY, columns: { upn: 'UPN', name: 'Name', date: 'Date' } }))).toEqual([
      {
        line: 1,
        column: 'Date',
        message: 'Date: a week grid has no such column (its dates and sessions are in the header, a mark in each session column), so leave it out of the columns',
      },
    ]);
    expect(problemsOf(read(text, { today: TODAY, columns: { upn: 'UPN', name: '17/11/2025 AM' } }))).toEqual([
      { line: 1, column: '17/11/2025 AM', message: "Name (whole): this is a session column (its cells are marks), not the pupils' Name (whole)" },
    ]);
  });

  it('a header and no pupils', () => {
    expect(problemsOf(read('UPN,Name,17/11/2025 AM,17/11/2025 PM\n,,,\n'))).toEqual([{ line: 1, column: null, message: 'the week grid has a header but no pupils below it' }]);
  });
});

describe('marks', () => {
  it("turns the school's own codes into DfE codes, counted once per code; '-' is a blank; 'L (12)' is kept as written", () => {
    const text = 'UPN,Name,17/11/2025 AM,17/11/2025 PM,18/11/2025 AM,18/11/2025 PM\nA1,Ada,I01,I01,-,L (12)\nA2,Ben,7,/,-,-\n';
    const result = read(text, { today: TODAY, schoolCodes: [{ code: 'I01', dfe: 'I', name: 'Illness: note seen' }, { code: '7', dfe: 'X', name: 'Not required' }] });
    expect(marksOf(result)).toEqual({
      A1: ['2025-11-17 AM I', '2025-11-17 PM I', '2025-11-18 AM ', '2025-11-18 PM L (12)'],
      A2: ['2025-11-17 AM X', '2025-11-17 PM /', '2025-11-18 AM ', '2025-11-18 PM '],
    });
    expect(result.ok && result.details.translated).toEqual([
      { code: 'I01', dfe: 'I', name: 'Illness: note seen', count: 2 },
      { code: '7', dfe: 'X', name: 'Not required', count: 1 },
    ]);
    expect(result.ok && result.details.dashBlanks).toBe(3);
  });

  it('warns of a UPN failing its check letter without refusing the grid', () => {
    const result = read('UPN,Name,17/11/2025 AM,17/11/2025 PM\nA383200119001,Ada,/,\\\n');
    expect(result.ok && result.warnings).toEqual([{ line: 2, column: 'UPN', path: null, message: "'A383200119001' fails the DfE check letter (it would be M): check the UPN in the MIS" }]);
  });
});

describe('where the header is', () => {
  const text = 'Register,,,\n17/11/2025 AM,17/11/2025 PM,,\nUPN,Name,17/11/2025 AM,17/11/2025 PM\nA1,Ada,/,\\\n';

  it('found as the first row of sessions, or as a person says', () => {
    // Line 2 looks like a header of sessions (a stray copy above the real one): found first, its rows then fail.
    expect(recogniseWideGrid(rowsOf(text))!.headerLine).toBe(2);
    const said = read(text, { today: TODAY }, 3);
    expect(marksOf(said)).toEqual({ A1: ['2025-11-17 AM /', '2025-11-17 PM \\'] });
    expect(said.ok && said.details.titleLines).toBe(2);
  });

  it("the AM/PM row of a two-row header, pointed at, is read from the day row above it", () => {
    const twoRows = 'Register,,,\n,,17/11/2025,\nUPN,Name,AM,PM\nA1,Ada,/,\\\n';
    expect(recogniseWideGrid(rowsOf(twoRows), 3)).toMatchObject({ form: 'two-row', headerLine: 2, dataFrom: 3 });
    expect(recogniseWideGrid(rowsOf(twoRows), 2)).toMatchObject({ form: 'two-row', headerLine: 2, dataFrom: 3 });
  });

  it('a line that is not a grid header, or beyond the file, is not a grid', () => {
    expect(recogniseWideGrid(rowsOf(text), 1)).toBeNull();
    expect(recogniseWideGrid(rowsOf(text), 40)).toBeNull();
  });

  it('tells the progress, ending at 1', () => {
    const seen: number[] = [];
    read('UPN,Name,17/11/2025 AM,17/11/2025 PM\nA1,Ada,/,\\\n', { today: TODAY, onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]!))).toBe(true);
  });
});
