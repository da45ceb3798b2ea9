import { describe, expect, it } from 'vitest';
import { decodeFileText } from './file-text';
import { describeReportProblem, guessMapping, mappingProblems, readReport, readReportTable, type ReportMapping, type ReportTable } from './attendance-report';

const TODAY = '2025-11-26';

function table(...lines: string[]): ReportTable {
  const read = readReportTable(lines.join('\n'));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.table;
}

function read(lines: string[], mapping?: ReportMapping, asOf = '2025-11-24') {
  const t = table(...lines);
  return readReport(t, mapping ?? guessMapping(t.header), asOf, TODAY);
}

function problems(lines: string[], mapping?: ReportMapping, asOf?: string) {
  const result = read(lines, mapping, asOf);
  if (result.ok) throw new Error('expected the report to be refused');
  return result.problems.map((p) => describeReportProblem('report.csv', p));
}

describe('guessing the columns from the headers MIS reports use', () => {
  it.each<[string, string, Partial<Record<string, number>>]>([
    ['SIMS-style', 'UPN,Legal Surname,Legal Forename,Possible,Present + AEA,Authorised Absence,Unauthorised Absence,Attendance %', { upn: 0, surname: 1, forename: 2, possible: 3, attended: 4, authorised: 5, unauthorised: 6, percentage: 7 }],
    ['Arbor-style', 'Student,UPN,Sessions Possible,Sessions Attended,% Attendance', { name: 0, upn: 1, possible: 2, attended: 3, percentage: 4 }],
    ['Bromcom-style', 'Unique Pupil Number,Pupil Name,Poss,Auth Abs,Unauth Abs', { upn: 0, name: 1, possible: 2, authorised: 3, unauthorised: 4 }],
    ['percentage only', 'upn,name,Attendance (%)', { upn: 0, name: 1, percentage: 2 }],
  ])('%s', (_, header, expected) => {
    expect(guessMapping(header.split(','))).toEqual(expected);
  });

  it('leaves unknown columns alone, and takes each column for one field only', () => {
    expect(guessMapping(['UPN', 'Name', 'Form', 'Gender', 'Attendance', '%'])).toEqual({ upn: 0, name: 1, attended: 4, percentage: 5 });
  });

  it('says what a mapping lacks', () => {
    expect(mappingProblems({ upn: 0 })).toEqual([
      "no column is the pupils' name (a whole name, or a surname)",
      'no columns give the attendance: sessions possible with sessions attended (or with authorised and unauthorised absences), or an attendance percentage',
    ]);
    expect(mappingProblems({ upn: 0, surname: 1, possible: 2, authorised: 3, unauthorised: 4 })).toEqual([]);
    expect(mappingProblems({ upn: 0, name: 1, possible: 2 })).toHaveLength(1);
  });
});

describe('reading the figures', () => {
  it('works out attendance from sessions possible and attended, from absences, or takes the percentage', () => {
    const result = read(['UPN,Name,Possible,Attended', 'A1,Ada Okafor,200,180', 'B2,Ben Carter,200,199']);
    expect(result.ok && result.report.figures).toEqual([
      { upn: 'A1', name: 'Ada Okafor', attendance: 90, possible: 200, attended: 180, authorised: null, unauthorised: null },
      { upn: 'B2', name: 'Ben Carter', attendance: 99.5, possible: 200, attended: 199, authorised: null, unauthorised: null },
    ]);
    const absences = read(['UPN,Surname,Forename,Possible,Auth Abs,Unauth Abs', 'A1,Okafor,Ada,120,6,6']);
    expect(absences.ok && absences.report.figures[0]).toMatchObject({ name: 'Ada Okafor', attendance: 90 });
    const percent = read(['UPN,Name,Attendance %', 'A1,Ada,94.5%', 'B2,Ben,100']);
    expect(percent.ok && percent.report.figures.map((f) => f.attendance)).toEqual([94.5, 100]);
  });

  it('upper-cases a UPN typed in lower case, so it matches the MIS pages', () => {
    const result = read(['UPN,Name,%', 'a123456789012,Ada,90']);
    expect(result.ok && result.report.figures[0]!.upn).toBe('A123456789012');
  });

  it('exactly at the persistent absence line: 180 of 200 is 90%, not 89.9', () => {
    const result = read(['UPN,Name,Possible,Attended', 'A1,Ada,200,180']);
    expect(result.ok && result.report.figures[0]!.attendance).toBe(90);
  });

  it('a pupil with no sessions yet, or a blank row of figures, has no figure and is not an error', () => {
    const result = read(['UPN,Name,Possible,Attended', 'A1,Ada,200,190', 'N1,New Pupil,0,0', 'N2,Newer Pupil,,']);
    expect(result.ok && result.report.figures.map((f) => f.upn)).toEqual(['A1']);
    expect(result.ok && result.report.noFigureYet).toEqual([
      { line: 3, id: 'N1', name: 'New Pupil' },
      { line: 4, id: 'N2', name: 'Newer Pupil' },
    ]);
  });

  it("reads a Windows-1252 export's names with their accents", () => {
    const bytes = Uint8Array.from([...'UPN,Name,%\nA1,Zoë Brontë,91\n'].map((c) => (c === 'ë' ? 0xeb : c.charCodeAt(0))));
    const t = readReportTable(decodeFileText(bytes).text);
    expect(t.ok && readReport(t.table, guessMapping(t.table.header), '2025-11-24', TODAY)).toMatchObject({ ok: true, report: { figures: [{ name: 'Zoë Brontë' }] } });
  });
});

describe('bad reports: every problem by line and column, and nothing imported', () => {
  it('a percentage over 100, more attended than possible, text where a number should be, a missing UPN', () => {
    expect(
      problems(['UPN,Name,Possible,Attended,%', 'A1,Ada,200,201,', 'B2,Ben,200,180,', ',Cal,200,190,', 'D4,Dee,two hundred,190,', 'E5,Eve,,,104']),
    ).toEqual([
      'report.csv line 2, column Attended: 201 sessions attended is more than the 200 possible',
      "report.csv line 4, column UPN: is empty (every pupil needs a UPN, to match the pupil on the MIS's pages)",
      "report.csv line 5, column Possible: 'two hundred' is not a number of sessions",
      'report.csv line 6, column %: 104 is over 100%',
    ]);
  });

  it('a pupil listed twice names both lines', () => {
    expect(problems(['UPN,Name,%', 'A1,Ada,90', 'B2,Ben,91', 'a1,Ada,92'])).toEqual(['report.csv line 4, column UPN: A1 is also on line 2: each pupil once']);
  });

  it('absences that add up to more than the sessions possible', () => {
    expect(problems(['UPN,Name,Possible,Authorised,Unauthorised', 'A1,Ada,100,60,50'])).toEqual([
      'report.csv line 2, column Unauthorised: 60 authorised and 50 unauthorised absences are more than the 100 sessions possible',
    ]);
  });

  it('sessions possible with nothing to divide', () => {
    expect(problems(['UPN,Name,Possible,Attended', 'A1,Ada,100,'])).toEqual(['report.csv line 2, column Possible: has no figure: give the sessions possible and attended, or the percentage']);
  });

  it('figures as of a date after today are refused', () => {
    expect(problems(['UPN,Name,%', 'A1,Ada,90'], undefined, '2025-11-27')).toEqual(['report.csv: the figures cannot be as of Thu 27 Nov 2025, after today (Wed 26 Nov 2025)']);
  });

  it('a mapping that lacks a UPN says so', () => {
    expect(problems(['Pupil,%', 'Ada,90'])).toEqual(["report.csv: no column is the pupils' UPN"]);
  });

  it('a row with a field too many (an unquoted comma in a name)', () => {
    expect(problems(['UPN,Name,%', 'A1,Okafor, Ada,90'])).toEqual(['report.csv line 2: the row has 4 fields but the header has 3 (a name with a comma must be in double quotes)']);
  });

  it('an empty file, a file of empty cells, a header alone', () => {
    expect(readReportTable('')).toEqual({ ok: false, problems: [{ line: null, column: null, message: 'the file is empty' }] });
    expect(readReportTable(',,\n,,\n')).toEqual({ ok: false, problems: [{ line: null, column: null, message: 'the file is empty (it holds only empty cells)' }] });
    expect(readReportTable('UPN,Name,%\n')).toEqual({ ok: false, problems: [{ line: 1, column: null, message: 'the file has a header but no pupils below it' }] });
  });

  it('a quote never closed', () => {
    expect(readReportTable('UPN,Name,%\nA1,"Okafor, Ada,90\n')).toMatchObject({ ok: false, problems: [{ line: 2, message: 'a quoted field is not closed' }] });
  });
});

describe('a 2,000-pupil report', () => {
  it('reads in one go, every pupil', () => {
    const lines = ['UPN,Name,Possible,Attended'];
    for (let i = 0; i < 2000; i++) lines.push(`A${String(i).padStart(12, '0')},Pupil ${i},${150 + (i % 50)},${120 + (i % 30)}`);
    const result = read(lines);
    expect(result.ok && result.report.figures).toHaveLength(2000);
  });
});

describe('what a report reader warns about without refusing (issue 11, item 20)', () => {
  const warnings = (lines: string[]) => {
    const result = read(lines);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.report.warnings.map((w) => describeReportProblem('report.csv', w));
  };

  it("a percentage column that disagrees with the row's own sessions; rounding or cutting to one place is not a disagreement", () => {
    const header = 'UPN,Name,Sessions Possible,Sessions Attended,% Attendance';
    expect(warnings([header, 'A1,Ada,200,180,95.0', 'B1,Bo,300,299,99.6', 'C1,Cy,300,299,99.7', 'D1,Di,3,2,66.6'])).toEqual([
      "report.csv line 2, column % Attendance: says 95.0 but 180 of 200 possible sessions attended is 90.0%: Markwise uses the sessions; check the report",
    ]);
    // Just outside a tenth: 99.67 against 99.5.
    expect(warnings([header, 'B1,Bo,300,299,99.5'])).toHaveLength(1);
  });

  it('a UPN failing the DfE check letter is warned about; the report is still read (temporary UPNs exist)', () => {
    const result = read(['UPN,Name,%', 'A801200005001,Ada,95', 'B801200005001,Bo,96']);
    expect(result.ok && result.report.figures.map((f) => f.upn)).toEqual(['A801200005001', 'B801200005001']);
    expect(result.ok && result.report.warnings.map((w) => [w.line, w.message])).toEqual([[2, "'A801200005001' fails the DfE check letter (it would be B): check the UPN in the MIS"]]);
  });
});
