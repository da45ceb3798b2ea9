import { describe, expect, it } from 'vitest';
import { readRegisterExport } from './register-export';

const HEADER = 'upn,name,date,session,mark,arrival';
const read = (...lines: string[]) => readRegisterExport(lines.join('\n'));
const problems = (...lines: string[]) => {
  const result = read(...lines);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('reading a register export', () => {
  it('groups rows by pupil and reads both date forms', () => {
    const result = read(HEADER, 'A1,Ada Okafor,2024-10-01,AM,/,', 'A1,Ada Okafor,02/10/2024,pm,L,13:40', 'B2,Ben Ng,2024-10-01,AM,N,');
    expect(result.ok && result.snapshot.pupils.map((p) => [p.upn, p.marks.map((m) => [m.date, m.session, m.mark, m.arrival])])).toEqual([
      ['A1', [['2024-10-01', 'AM', '/', null], ['2024-10-02', 'PM', 'L', '13:40']]],
      ['B2', [['2024-10-01', 'AM', 'N', null]]],
    ]);
  });

  it('tolerates a byte-order mark, column order, capitals, quoted commas and the optional columns', () => {
    const result = readRegisterExport('\uFEFFName,UPN,Session,Date,Mark,Arrival,DOB,Year\n"Jones, Ffion",A1,AM,2024-10-01,/,,01/03/2018,Year 3\n');
    expect(result.ok && result.snapshot.pupils[0]).toMatchObject({ upn: 'A1', name: 'Jones, Ffion', dob: '2018-03-01', year: 'Year 3' });
  });

  it('reads an arrival written 9:05 as 09:05', () => {
    const result = read(HEADER, 'A1,Ada,2024-10-01,AM,L,9:05');
    expect(result.ok && result.snapshot.pupils[0]!.marks[0]!.arrival).toBe('09:05');
  });

  it('names the line and column of every bad row, and returns no register', () => {
    expect(problems(HEADER, 'A1,Ada,31/02/2025,AM,/,', 'A1,Ada,2025-02-03,XM,/,', 'A1,Ada,2025-02-04,AM,L,9.40', ',Ada,2025-02-05,AM,/,')).toEqual([
      { line: 2, column: 'date', message: "'31/02/2025' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)" },
      { line: 3, column: 'session', message: "'XM' is not a session (expected AM or PM)" },
      { line: 4, column: 'arrival', message: "'9.40' is not a time of day (expected HH:MM, or empty)" },
      { line: 5, column: 'upn', message: "is empty (every row needs the pupil's UPN)" },
    ]);
  });

  it('a missing column is named', () => {
    expect(problems('upn,name,session,mark', 'A1,Ada,AM,/')[0]!.message).toMatch(/no date column/);
  });

  it('a pupil with two names, or two marks for one session, is bad input', () => {
    expect(problems(HEADER, 'A1,Ada,2024-10-01,AM,/,', 'A1,Adah,2024-10-01,PM,\\,')[0]).toMatchObject({ line: 3, column: 'name' });
    expect(problems(HEADER, 'A1,Ada,2024-10-01,AM,/,', 'A1,Ada,01/10/2024,AM,N,')[0]!.message).toContain('on line 2');
  });

  it('a row with the wrong number of fields is named', () => {
    expect(problems(HEADER, 'A1,Ada,2024-10-01,AM')[0]).toMatchObject({ line: 2, message: 'the row has 4 fields but the header has 6' });
  });

  it('an empty file, or a header alone, says so', () => {
    expect(problems('')[0]!.message).toBe('the file is empty');
    expect(problems(HEADER)[0]!.message).toBe('the file has a header but no rows');
  });

  it('reads a JSON register snapshot and names the path of a bad field', () => {
    const good = JSON.stringify({ pupils: [{ upn: 'A1', name: 'Ada', marks: [{ date: '2024-10-01', session: 'AM', mark: '/' }] }] });
    expect(readRegisterExport(good).ok).toBe(true);
    const bad = JSON.stringify({ pupils: [{ upn: 'A1', name: 'Ada', marks: [{ date: '2024-13-01', session: 'AM', mark: '/' }] }] });
    expect(readRegisterExport(bad)).toEqual({ ok: false, problems: [{ line: null, column: 'pupils[0].marks[0].date', message: 'must be a real date written as YYYY-MM-DD' }] });
    expect(problems('{ "pupils": [')[0]!.message).toMatch(/not valid JSON/);
  });
});
