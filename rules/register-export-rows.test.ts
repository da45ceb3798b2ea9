// The long CSV reader reads each distinct cell once (a year's export repeats ~200 dates 570,000
// times): every row must still get its own problems, and sessions be told apart by the date they
// mean, not how it is written.

import { describe, expect, it } from 'vitest';
import { readRegisterExport, type ExportProblem } from './register-export';

const HEADER = 'upn,name,date,session,mark,arrival,dob';
const refused = (today: string | undefined, ...lines: string[]): ExportProblem[] => {
  const result = readRegisterExport(lines.join('\n'), 'r.csv', today === undefined ? {} : { today });
  if (result.ok) throw new Error('expected the export to be refused');
  return result.problems;
};
const at = (line: number, column: string, message: string): ExportProblem => ({ line, column, path: null, message });

describe('reading a long CSV export row by row', () => {
  it('says each row with the same wrong cell, on its own line', () => {
    expect(refused(undefined, HEADER, 'A1,Ada,31/02/2025,AM,/,,', 'A1,Ada,31/02/2025,PM,/,,', 'A1,Ada,2025-03-03,AM,L,9.10,', 'A1,Ada,2025-03-03,PM,L,9.10,')).toEqual([
      at(2, 'date', "'31/02/2025' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)"),
      at(3, 'date', "'31/02/2025' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)"),
      at(4, 'arrival', "'9.10' is not a time of day (expected HH:MM, such as 09:05, or an empty cell)"),
      at(5, 'arrival', "'9.10' is not a time of day (expected HH:MM, such as 09:05, or an empty cell)"),
    ]);
  });

  it('says each row dated more than a year after today, and each date of birth after it', () => {
    const problems = refused('2025-11-26', HEADER, 'A1,Ada,2026-12-01,AM,/,,', 'A1,Ada,2026-12-01,PM,/,,', 'B2,Ben,2025-11-03,AM,/,,2026-01-01', 'B2,Ben,2025-11-03,PM,/,,2026-01-01');
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'date'],
      [3, 'date'],
      [4, 'dob'],
      [5, 'dob'],
    ]);
  });

  it('finds one session written twice with a date-time and a plain date, or Afternoon and pm', () => {
    expect(refused(undefined, HEADER, 'A1,Ada,2025-11-05T00:00:00,Afternoon,/,,', 'B2,Ben,2025-11-05,PM,/,,', 'A1,Ada,05/11/2025,pm,N,,')).toEqual([
      at(4, 'session', 'pupil A1 already has a PM mark for Wed 5 Nov 2025, on line 2'),
    ]);
  });

  it('a row refused for its name takes no session: a later right row for that session is read', () => {
    expect(refused(undefined, HEADER, 'A1,Ada,2025-11-05,AM,/,,', 'A1,Adah,2025-11-05,PM,/,,', 'A1,Ada,2025-11-05,PM,N,,', 'A1,Ada,2025-11-05,PM,O,,')).toEqual([
      at(3, 'name', "pupil A1 is named 'Adah' here but 'Ada' on line 2"),
      at(5, 'session', 'pupil A1 already has a PM mark for Wed 5 Nov 2025, on line 4'),
    ]);
  });

  it('keeps each arrival as a clock time, whichever way it was written', () => {
    const result = readRegisterExport([HEADER, 'A1,Ada,2025-11-05,AM,L,9:05,', 'A1,Ada,2025-11-06,AM,L,09:05,', 'A1,Ada,2025-11-07,AM,/,,'].join('\n'));
    expect(result.ok && result.snapshot.pupils[0]!.marks.map((m) => m.arrival)).toEqual(['09:05', '09:05', null]);
  });
});
