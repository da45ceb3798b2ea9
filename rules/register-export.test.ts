import { describe, expect, it } from 'vitest';
import { describeExportProblem, describeExportProblems, jsonSyntaxProblem, readRegisterExport, type ExportProblem } from './register-export';

const HEADER = 'upn,name,date,session,mark,arrival';
const read = (...lines: string[]) => readRegisterExport(lines.join('\n'));
const problems = (text: string): ExportProblem[] => {
  const result = readRegisterExport(text);
  if (result.ok) throw new Error('expected the export to be refused');
  return result.problems;
};
const csvProblems = (...lines: string[]) => problems(lines.join('\n'));
const at = (line: number | null, column: string | null, message: string): ExportProblem => ({ line, column, path: null, message });

describe('reading a CSV register export', () => {
  it('groups rows by UPN, in the order pupils first appear, and reads both date forms', () => {
    const result = read(HEADER, 'A1,Ada Okafor,2024-10-01,AM,/,', 'B2,Ben Ng,2024-10-01,AM,N,', 'A1,Ada Okafor,02/10/2024,pm,L,13:40');
    expect(result.ok && result.snapshot.pupils.map((p) => [p.upn, p.name, p.marks.map((m) => [m.date, m.session, m.mark, m.arrival])])).toEqual([
      ['A1', 'Ada Okafor', [['2024-10-01', 'AM', '/', null], ['2024-10-02', 'PM', 'L', '13:40']]],
      ['B2', 'Ben Ng', [['2024-10-01', 'AM', 'N', null]]],
    ]);
  });

  it('tolerates a byte-order mark, any column order, capitals and spaces in the header, quoted commas and the optional columns', () => {
    const result = readRegisterExport('\uFEFF Name ,UPN,Session,Date,Mark,ARRIVAL,DOB,Year\n"Jones, Ffion",A1,am,2024-10-01,/,,01/03/2018,Year 3\n');
    expect(result.ok && result.snapshot.pupils).toEqual([
      { upn: 'A1', name: 'Jones, Ffion', dob: '2018-03-01', year: 'Year 3', marks: [{ date: '2024-10-01', session: 'AM', mark: '/', arrival: null }] },
    ]);
  });

  it('keeps an apostrophe and a doubled quote inside a quoted name', () => {
    const result = read(HEADER, `A1,"Olivia O'Connor ""Liv""",2024-10-01,AM,/,`);
    expect(result.ok && result.snapshot.pupils[0]!.name).toBe(`Olivia O'Connor "Liv"`);
  });

  it('reads Windows line endings, and an arrival written 9:05 as 09:05', () => {
    const result = readRegisterExport(`${HEADER}\r\nA1,Ada,2024-10-01,AM,L,9:05\r\n`);
    expect(result.ok && result.snapshot.pupils[0]!.marks[0]).toEqual({ date: '2024-10-01', session: 'AM', mark: 'L', arrival: '09:05' });
  });

  it('keeps a blank mark as blank: what a blank session means is for the checks', () => {
    const result = read(HEADER, 'A1,Ada,2024-10-01,AM,,09:45');
    expect(result.ok && result.snapshot.pupils[0]!.marks[0]!.mark).toBe('');
  });

  it('names the line and column of every bad row, and returns no register', () => {
    expect(csvProblems(HEADER, 'A1,Ada,31/02/2025,AM,/,', 'A1,Ada,2025-02-03,XM,/,', 'A1,Ada,2025-02-04,AM,L,9.40', ',Ada,2025-02-05,AM,/,', 'A1,Ada,,PM,/,')).toEqual([
      at(2, 'date', "'31/02/2025' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)"),
      at(3, 'session', "'XM' is not a session (expected AM or PM)"),
      at(4, 'arrival', "'9.40' is not a time of day (expected HH:MM, such as 09:05, or an empty cell)"),
      at(5, 'upn', "is empty (every row needs the pupil's UPN)"),
      at(6, 'date', 'an empty cell is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)'),
    ]);
  });

  it('29 February is a real date only in a leap year', () => {
    expect(read(HEADER, 'A1,Ada,29/02/2024,AM,/,').ok).toBe(true);
    expect(csvProblems(HEADER, 'A1,Ada,29/02/2025,AM,/,')[0]).toMatchObject({ line: 2, column: 'date' });
  });

  it('24:00 and 09:60 are not times of day', () => {
    expect(csvProblems(HEADER, 'A1,Ada,2025-02-03,AM,L,24:00', 'A1,Ada,2025-02-03,PM,L,09:60').map((p) => [p.line, p.column])).toEqual([
      [2, 'arrival'],
      [3, 'arrival'],
    ]);
  });

  it('counts lines as a person does: a quoted line break and a blank line both move the rows below them', () => {
    const text = [HEADER, 'A1,"Ada', 'Okafor",2024-10-01,AM,/,', '', 'A1,"Ada', 'Okafor",2024-10-01,XM,/,'].join('\n');
    expect(problems(text)).toEqual([at(5, 'session', "'XM' is not a session (expected AM or PM)")]);
  });

  it('skips blank lines and rows of bare commas (as Excel leaves below a sheet)', () => {
    const result = read(HEADER, '', 'A1,Ada,2024-10-01,AM,/,', ',,,,,', '');
    expect(result.ok && result.snapshot.pupils[0]!.marks).toHaveLength(1);
  });

  it('a missing column is named, every one of them, with header spellings that would be found', () => {
    expect(csvProblems('upn,name,session,mark,arrival', 'A1,Ada,AM,/,')).toEqual([
      at(1, null, 'no column looks like the date (expected a header such as Date or Attendance Date): say which column it is'),
    ]);
    expect(csvProblems('upn,name,mark', 'A1,Ada,/').map((p) => p.message)).toEqual([
      'no column looks like the date (expected a header such as Date or Attendance Date): say which column it is',
      'no column looks like the session (expected a header such as Session, Session Name or AM/PM): say which column it is',
    ]);
  });

  it('a column named twice in the header is bad input', () => {
    expect(csvProblems('upn,name,date,session,mark,arrival,Date', 'A1,Ada,2024-10-01,AM,/,,2024-10-02')[0]).toEqual(
      at(1, 'Date', "2 columns look like the date ('date', field 3 and 'Date', field 7): say which to read"),
    );
  });

  it('a pupil with two names is bad input, naming both lines', () => {
    expect(csvProblems(HEADER, 'A1,Ada,2024-10-01,AM,/,', 'A1,Adah,2024-10-01,PM,\\,')).toEqual([
      at(3, 'name', "pupil A1 is named 'Adah' here but 'Ada' on line 2"),
    ]);
  });

  it('two rows for one pupil and session are bad input, whichever way the date is written', () => {
    expect(csvProblems(HEADER, 'A1,Ada,2024-10-01,AM,/,', 'A1,Ada,01/10/2024,am,N,')).toEqual([
      at(3, 'session', 'pupil A1 already has an AM mark for Tue 1 Oct 2024, on line 2'),
    ]);
    // The same session for two different pupils is fine.
    expect(read(HEADER, 'A1,Ada,2024-10-01,AM,/,', 'B2,Ben,2024-10-01,AM,/,').ok).toBe(true);
  });

  it('two dates of birth for one pupil are bad input; a date of birth given on one row only is used', () => {
    const dobHeader = `${HEADER},dob`;
    expect(csvProblems(dobHeader, 'A1,Ada,2024-10-01,AM,/,,2018-03-01', 'A1,Ada,2024-10-01,PM,\\,,2018-03-02')[0]).toMatchObject({ line: 3, column: 'dob' });
    const result = read(dobHeader, 'A1,Ada,2024-10-01,AM,/,,', 'A1,Ada,2024-10-01,PM,\\,,2018-03-02');
    expect(result.ok && result.snapshot.pupils[0]!.dob).toBe('2018-03-02');
  });

  it('a row with the wrong number of fields is named (an unquoted comma in a name)', () => {
    expect(csvProblems(HEADER, 'A1,Jones, Ffion,2024-10-01,AM,/,')).toEqual([
      at(2, null, 'the row has 7 fields but the header has 6 (a name with a comma must be in double quotes)'),
    ]);
  });

  it('a quoted field that is never closed is named at the line it starts on', () => {
    expect(csvProblems(HEADER, 'A1,Ada,2024-10-01,AM,/,', 'A1,"Ada,2024-10-01,PM,\\,')[0]).toMatchObject({ line: 3, column: null });
  });

  it('problems are listed in the order of the file, though quoting is found before the rows are read', () => {
    const found = csvProblems(HEADER, 'A1,Ada,2024-10-01,AM,/,', 'A1,Ada,2024-02-30,PM,\\,', 'A2,"Jones, Ffion,2024-10-01,AM,/,');
    expect(found.map((p) => p.line)).toEqual([3, 4, 4]);
  });

  it('an empty file, a file of blank cells, or a header alone says so', () => {
    expect(problems('')).toEqual([at(null, null, 'the file is empty')]);
    expect(problems('\uFEFF \n\n')).toEqual([at(null, null, 'the file is empty')]);
    expect(problems(',,,\n,,,\n')[0]!.message).toMatch(/^the file is empty/);
    expect(problems(`${HEADER}\n`)).toEqual([at(1, null, 'the file has a header but no rows of marks below it')]);
  });

  it('reports how far through a long export it is, rising to 1, and the progress does not change what is read', () => {
    // 100 pupils by 100 days by two sessions.
    const day = (n: number) => new Date(Date.UTC(2025, 8, 1 + n)).toISOString().slice(0, 10);
    const rows = Array.from({ length: 20_000 }, (_, i) => `A${i % 100},Pupil ${i % 100},${day(Math.floor(i / 200))},${Math.floor(i / 100) % 2 === 0 ? 'AM' : 'PM'},/,`);
    const text = [HEADER, ...rows].join('\n');
    const fractions: number[] = [];
    const withProgress = readRegisterExport(text, 'big.csv', { onProgress: (f) => fractions.push(f) });
    expect(fractions.length).toBeGreaterThanOrEqual(3);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= fractions[i - 1]!))).toBe(true);
    expect(withProgress).toEqual(readRegisterExport(text, 'big.csv'));
    expect(withProgress.ok).toBe(true);
  });

  it('a CSV register is taken as office staff, with its source', () => {
    const result = readRegisterExport(`${HEADER}\nA1,Ada,2024-10-01,AM,/,`, 'register.csv');
    expect(result.ok && [result.snapshot.role, result.snapshot.source]).toEqual(['office', 'register.csv']);
  });
});

describe('reading a JSON register snapshot', () => {
  const snapshot = (pupils: unknown[], extra: object = {}) => JSON.stringify({ ...extra, pupils });
  const ada = (marks: object[], name = 'Ada') => ({ upn: 'A1', name, marks });
  const am = { date: '2024-10-01', session: 'AM', mark: '/' };
  const pm = { date: '2024-10-01', session: 'PM', mark: '\\' };

  it('reads a snapshot, filling in its defaults and the file name as its source', () => {
    const result = readRegisterExport(`  ${snapshot([ada([am])], { role: 'teacher' })}`, 'today.json');
    expect(result).toEqual({
      ok: true,
      snapshot: { role: 'teacher', source: 'today.json', pupils: [{ upn: 'A1', name: 'Ada', dob: null, year: null, marks: [{ ...am, arrival: null }] }] },
      warnings: [],
      details: { shape: 'snapshot-json', lateness: 'none', translated: [], dashBlanks: 0 },
    });
  });

  it('a UPN failing the DfE check letter is a warning with its path; a date of birth after today is refused (issue 11, item 20)', () => {
    const checked = readRegisterExport(snapshot([{ upn: 'A801200005001', name: 'Ada', marks: [am] }]), 'today.json', { today: '2024-10-01' });
    expect(checked.ok && checked.warnings).toEqual([{ line: null, column: null, path: 'pupils[0].upn', message: expect.stringContaining('(it would be B)') }]);
    const unborn = readRegisterExport(snapshot([{ upn: 'A1', name: 'Ada', dob: '2024-10-02', marks: [am] }]), 'today.json', { today: '2024-10-01' });
    expect(unborn.ok ? [] : unborn.problems).toEqual([{ line: null, column: null, path: 'pupils[0].dob', message: "'2024-10-02' is after today (Tue 1 Oct 2024): a date of birth cannot be in the future" }]);
  });

  it('names the JSON path of a bad field', () => {
    const bad = snapshot([ada([am, { date: '2024-13-01', session: 'AM', mark: '/' }])]);
    expect(problems(bad)).toEqual([{ line: null, column: null, path: 'pupils[0].marks[1].date', message: 'must be a real date written as YYYY-MM-DD' }]);
    expect(problems(snapshot([{ name: 'Ada', marks: [] }]))[0]).toMatchObject({ path: 'pupils[0].upn', message: 'is missing (expected text)' });
  });

  it('a JSON syntax error names its line', () => {
    expect(problems('{\n  "pupils": [],\n}')).toEqual([
      { line: 3, column: null, path: null, message: 'not valid JSON at character 1 of the line (Expected double-quoted property name)' },
    ]);
    expect(problems('{ "pupils": [')[0]!.message).toBe('the JSON ends before it is complete (a closing } or ] is missing)');
  });

  it('a list where the snapshot should be is refused, naming the whole file', () => {
    expect(problems('[]')[0]).toMatchObject({ path: '(the whole file)' });
  });

  it('a pupil listed twice is one pupil; with two names, or two marks for one session, it is bad input', () => {
    const merged = readRegisterExport(snapshot([ada([am]), ada([pm])]));
    expect(merged.ok && merged.snapshot.pupils.map((p) => [p.upn, p.marks.length])).toEqual([['A1', 2]]);
    expect(problems(snapshot([ada([am]), ada([pm], 'Adah')]))).toEqual([
      { line: null, column: null, path: 'pupils[1].name', message: "pupil A1 is named 'Adah' here but 'Ada' at pupils[0].name" },
    ]);
    expect(problems(snapshot([ada([am]), ada([{ ...am, mark: 'N' }])]))).toEqual([
      { line: null, column: null, path: 'pupils[1].marks[0]', message: 'pupil A1 already has an AM mark for Tue 1 Oct 2024, at pupils[0].marks[0]' },
    ]);
  });
});

describe('describing problems', () => {
  it('names the file, line and column, or the JSON path', () => {
    expect(describeExportProblem('register.csv', at(14, 'date', "'31/02/2025' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)"))).toBe(
      "register.csv line 14, column date: '31/02/2025' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)",
    );
    expect(describeExportProblem('r.json', { line: null, column: null, path: 'pupils[3].marks[12].date', message: 'must be a real date' })).toBe(
      'r.json pupils[3].marks[12].date: must be a real date',
    );
    expect(describeExportProblem('r.csv', at(null, null, 'the file is empty'))).toBe('r.csv: the file is empty');
  });

  it('shows the first 20 problems, then how many more', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `A${i},Ada,2025-02-30,AM,/,`);
    const lines = describeExportProblems('r.csv', csvProblems(HEADER, ...rows));
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe("r.csv line 2, column date: '2025-02-30' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)");
    expect(lines[19]).toMatch(/^r\.csv line 21, /);
    expect(lines[20]).toBe('and 5 more');
    expect(describeExportProblems('r.csv', csvProblems(HEADER, ...rows.slice(0, 20)))).toHaveLength(20);
  });

  it('a JSON syntax error position becomes a line and a character on it', () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e;
    }
    expect(jsonSyntaxProblem(text, error)).toEqual({ line: 3, message: "not valid JSON at character 3 of the line (Expected ',' or '}' after property value)" });
  });
});
