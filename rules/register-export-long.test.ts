// Long exports, longer than the rows the reader looks at for the header: a year's export is read in
// one pass row by row, so every problem, duplicate, line number and progress report must be the
// same deep in a file as near its top. Each file here is built row by row in the test, and what it
// must give is worked out from how it was built.

import { describe, expect, it } from 'vitest';
import { readRegisterExport, type ExportProblem } from './register-export';

const HEADER = 'upn,name,date,session,mark,arrival';
/** School days from Mon 2 Sep 2024, Monday to Friday: day 0 is 2024-09-02, day 5 is 2024-09-09. */
function schoolDay(n: number): string {
  const date = new Date(Date.UTC(2024, 8, 2 + Math.floor(n / 5) * 7 + (n % 5)));
  return date.toISOString().slice(0, 10);
}
/** Three pupils, 40 days, two sessions: 240 rows, on lines 2 to 241, pupil by pupil, AM then PM. */
function rows(): string[] {
  const out: string[] = [];
  for (const [upn, name] of [['A1', 'Ada Okafor'], ['B2', 'Ben Ng'], ['C3', 'Cai Jones']]) {
    for (let d = 0; d < 40; d++) for (const session of ['AM', 'PM']) out.push(`${upn},${name},${schoolDay(d)},${session},${session === 'AM' ? '/' : '\\'},`);
  }
  return out;
}
/** The line of pupil p (0-2), day d, session s (0 AM, 1 PM) in a file whose header is on `headerLine`. */
const lineOf = (p: number, d: number, s: number, headerLine = 1) => headerLine + 1 + p * 80 + d * 2 + s;
const refused = (text: string, options = {}): ExportProblem[] => {
  const result = readRegisterExport(text, 'long.csv', options);
  if (result.ok) throw new Error('expected the export to be refused');
  return result.problems;
};

describe('a long export, read row by row', () => {
  it('reads every row of every pupil', () => {
    const result = readRegisterExport([HEADER, ...rows()].join('\n'), 'long.csv', { today: '2024-12-20' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot.pupils.map((p) => [p.upn, p.marks.length])).toEqual([
      ['A1', 80],
      ['B2', 80],
      ['C3', 80],
    ]);
    expect(result.snapshot.pupils[2]!.marks.at(-1)).toEqual({ date: '2024-10-25', session: 'PM', mark: '\\', arrival: null });
  });

  it('gives problems deep in the file their own lines, in the order of the file', () => {
    const body = rows();
    // Ben's day 30 AM, a date that is not real; Cai's day 39 PM, no session; Ada's day 34 (Fri 18 Oct) PM repeated at the end.
    body[lineOf(1, 30, 0) - 2] = 'B2,Ben Ng,2024-13-01,AM,/,';
    body[lineOf(2, 39, 1) - 2] = 'C3,Cai Jones,2024-10-25,,\\,';
    body.push('A1,Ada Okafor,2024-10-18,PM,N,');
    expect(lineOf(1, 30, 0)).toBe(142);
    expect(lineOf(2, 39, 1)).toBe(241);
    expect(lineOf(0, 34, 1)).toBe(71);
    expect(refused([HEADER, ...body].join('\n'))).toEqual([
      { line: 142, column: 'date', path: null, message: "'2024-13-01' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)" },
      { line: 241, column: 'session', path: null, message: 'an empty cell is not a session (expected AM or PM)' },
      { line: 242, column: 'session', path: null, message: `pupil A1 already has a PM mark for Fri 18 Oct 2024, on line ${lineOf(0, 34, 1)}` },
    ]);
  });

  it('counts the lines of a quoted name with a line break in it, and says an unclosed quote on its line', () => {
    const body = rows().map((row) => row.replace('Cai Jones', '"Cai\nJones"'));
    // Each of Cai's 80 rows now takes two lines; a quote left open at the end runs to the end of the file.
    body.push('D4,"Dee,2024-10-25,PM,/,');
    const problems = refused([HEADER, ...body].join('\n'));
    expect(problems[0]).toEqual({ line: 162 + 160, column: null, path: null, message: 'a quoted field is not closed: a name with a comma in it must be in double quotes, such as "Jones, Ffion"' });
    expect(problems.map((p) => p.line)).toEqual([322, 322]);
    expect(problems[1]!.message).toMatch(/^the row has 2 fields but the header has 6/);
  });

  it('finds the header below title rows, and where a person says it is', () => {
    const titled = ['Attendance Marks Report', 'Micklefield Primary School', '', HEADER, ...rows()].join('\n');
    const guessed = readRegisterExport(titled, 'long.csv');
    expect(guessed.ok && [guessed.details?.headerLine, guessed.snapshot.pupils.map((p) => p.marks.length)]).toEqual([4, [80, 80, 80]]);
    const told = readRegisterExport(titled, 'long.csv', { headerLine: 4 });
    expect(told.ok && told.snapshot.pupils.length).toBe(3);
    const body = rows();
    body[lineOf(0, 2, 0, 4) - 5] = 'A1,Ada Okafor,2024-09-04,AM,/,9 oclock';
    expect(refused(['Attendance Marks Report', 'Micklefield Primary School', '', HEADER, ...body].join('\n'), { headerLine: 4 })).toEqual([
      { line: 9, column: 'arrival', path: null, message: "'9 oclock' is not a time of day (expected HH:MM, such as 09:05, or an empty cell)" },
    ]);
  });

  it('tells how far it has read as it goes, ending at the whole file', () => {
    const seen: number[] = [];
    const many: string[] = [];
    for (let p = 0; p < 60; p++) for (let d = 0; d < 150; d++) many.push(`P${p},Pupil ${p},${schoolDay(d)},AM,/,`);
    const result = readRegisterExport([HEADER, ...many].join('\n'), 'long.csv', { onProgress: (f) => seen.push(f) });
    expect(result.ok && result.snapshot.pupils.length).toBe(60);
    // 9,001 rows: reports at 8,192 rows and at the end.
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)).toBe(1);
    expect(seen.slice(0, -1).every((f, i) => f > 0.8 && f < 1 && (i === 0 || f >= seen[i - 1]!))).toBe(true);
  });

  it('reads a week grid longer than the first rows whole (a grid keeps every row, and has its own reader)', () => {
    const lines = ['Attendance Week Grid', '', 'UPN,Surname,Forename,Mon 17/11/2025 AM,Mon 17/11/2025 PM'];
    for (let i = 1; i <= 80; i++) lines.push(`P${i},Surname${i},Forename${i},${i === 80 ? 'N' : '/'},\\`);
    const result = readRegisterExport(lines.join('\n'), 'grid.csv', { today: '2025-11-26' });
    expect(result.ok && result.details?.shape).toBe('register-wide');
    if (!result.ok) return;
    expect(result.snapshot.pupils).toHaveLength(80);
    expect(result.snapshot.pupils[79]).toMatchObject({ upn: 'P80', name: 'Forename80 Surname80' });
    expect(result.snapshot.pupils[79]!.marks.map((m) => `${m.date} ${m.session} ${m.mark}`)).toEqual(['2025-11-17 AM N', '2025-11-17 PM \\']);
  });
});
