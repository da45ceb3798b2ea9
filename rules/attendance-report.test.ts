import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFileText } from './file-text';
import {
  describeReportProblem,
  describeSessions,
  guessMapping,
  looksLikeAttendanceSummary,
  mappingProblems,
  readReport,
  readReportTable,
  type ReportMapping,
  type ReportTable,
} from './attendance-report';

/** A fixture's text as the options page reads it (bytes, decoded); sources in test/fixtures/exports/README.md. */
const fixtureText = (name: string) => decodeFileText(new Uint8Array(readFileSync(new URL(`../test/fixtures/exports/${name}`, import.meta.url)))).text;
const fixtureHeader = (name: string) => {
  const read = readReportTable(fixtureText(name));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.table.header;
};

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
      'no columns give the attendance: sessions possible with sessions attended (or present and AEA, or authorised and unauthorised absences), or an attendance percentage',
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

describe('Present and AEA (issue 13, item 7): attended is present + approved educational activity, the DfE method', () => {
  it.each<[string, string]>([
    ['Present', 'present'],
    ['Present sessions', 'present'],
    ['Sessions present', 'present'],
    ['AEA', 'aea'],
    ['Approved educational activity', 'aea'],
    ['Approved Educational Activity (AEA)', 'aea'],
    ['Educational activity', 'aea'],
    ['Present + AEA', 'attended'],
    ['Present and AEA', 'attended'],
    ['Present & AEA', 'attended'],
    ['Attended', 'attended'],
    ['Sessions attended', 'attended'],
    ['Present %', 'percentage'],
  ])('%s is read as %s', (heading, field) => {
    expect(guessMapping(['UPN', 'Name', heading])).toEqual({ upn: 0, name: 1, [field]: 2 });
  });

  it("an Arbor-style summary's columns: Present and Approved Educational Activity are their own fields, not attended", () => {
    expect(guessMapping(fixtureHeader('summary-arbor.csv'))).toEqual({ name: 0, upn: 1, possible: 4, present: 5, aea: 6, authorised: 7, unauthorised: 8, percentage: 9 });
  });

  it("a SIMS-style summary's columns (Possible, Present, AEA, Authorised, Unauthorised, % Attendance)", () => {
    expect(guessMapping(fixtureHeader('summary-sims-title-rows.csv'))).toEqual({ upn: 0, surname: 1, forename: 2, possible: 4, present: 5, aea: 6, authorised: 7, unauthorised: 8, percentage: 9 });
  });

  it('the Arbor-style fixture: 150 present + 10 AEA of 190 is 84.21%, not 150/190 = 78.95%; its own percentages agree, so no warnings', () => {
    const t = readReportTable(fixtureText('summary-arbor.csv'));
    if (!t.ok) throw new Error(JSON.stringify(t.problems));
    const result = readReport(t.table, guessMapping(t.table.header), '2025-11-21', TODAY);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.report.figures.map((f) => [f.name, f.present, f.aea, f.attended, f.possible])).toEqual([
      ['Amara Okafor', 150, 10, 160, 190],
      ['Ben Carter', 181, 0, 181, 190],
      ['Chloe Nowak', 170, 4, 174, 188],
      ['Dylan Price', 80, 0, 80, 96],
    ]);
    const [amara, ben, chloe, dylan] = result.report.figures.map((f) => f.attendance);
    expect(amara).toBeCloseTo(84.2105, 4); // 160 / 190
    expect(ben).toBeCloseTo(95.2632, 4); // 181 / 190
    expect(chloe).toBeCloseTo(92.5532, 4); // 174 / 188
    expect(dylan).toBeCloseTo(83.3333, 4); // 80 / 96
    expect(result.report.warnings).toEqual([]);
  });

  it('a blank AEA cell beside a Present figure is none', () => {
    const result = read(['UPN,Name,Possible,Present,AEA', 'A1,Ada,200,180,']);
    expect(result.ok && result.report.figures[0]).toMatchObject({ present: 180, aea: 0, attended: 180, attendance: 90 });
  });

  it('present and AEA together more than the sessions possible are refused, at the AEA column', () => {
    expect(problems(['UPN,Name,Possible,Present,AEA', 'A1,Ada,100,95,10'])).toEqual(['report.csv line 2, column AEA: 95 present and 10 AEA sessions (105 attended) are more than the 100 possible']);
    // Exactly the sessions possible: 90 + 10 of 100 is 100%.
    const full = read(['UPN,Name,Possible,Present,AEA', 'A1,Ada,100,90,10']);
    expect(full.ok && full.report.figures[0]!.attendance).toBe(100);
  });

  it('text in the AEA column is refused with its line and column', () => {
    expect(problems(['UPN,Name,Possible,Present,AEA', 'A1,Ada,100,90,ten'])).toEqual(["report.csv line 2, column AEA: 'ten' is not a number of sessions"]);
  });

  it("a report's own attended column is used; Present + AEA disagreeing with it is warned about", () => {
    const result = read(['UPN,Name,Possible,Present,AEA,Present + AEA', 'A1,Ada,200,170,10,180', 'B2,Bo,200,170,10,178']);
    expect(result.ok && result.report.figures.map((f) => f.attendance)).toEqual([90, 89]); // 180/200, 178/200
    expect(result.ok && result.report.warnings.map((w) => describeReportProblem('report.csv', w))).toEqual([
      'report.csv line 3, column Present + AEA: says 178 attended but 170 present + 10 AEA is 180: Markwise uses 178; check the report',
    ]);
  });

  it('an AEA column with no Present or attended column is a mapping to correct', () => {
    expect(mappingProblems({ upn: 0, name: 1, possible: 2, aea: 3, percentage: 4 })).toEqual([
      'the AEA column is chosen but no Present column: attended is Present + AEA, so choose the Present column too (or none for AEA)',
    ]);
  });

  it('Present with no AEA column but with the absences: attendance is possible less absences (AEA is not absence), said once', () => {
    const result = read(['UPN,Name,Possible,Present,Authorised,Unauthorised', 'A1,Ada,190,150,18,12', 'B2,Bo,190,181,6,3']);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    // (190 - 18 - 12) / 190 = 160 / 190 = 84.21%; (190 - 9) / 190 = 95.26%.
    expect(result.report.figures[0]!.attendance).toBeCloseTo(84.2105, 4);
    expect(result.report.figures[1]!.attendance).toBeCloseTo(95.2632, 4);
    expect(result.report.figures[0]).toMatchObject({ present: 150, aea: null, attended: null });
    expect(result.report.warnings.map((w) => describeReportProblem('report.csv', w))).toEqual([
      'report.csv column Present: the report has no AEA (approved educational activity) column, and Present leaves AEA out: attendance is worked out as the DfE does, from the sessions possible less the authorised and unauthorised absences',
    ]);
  });

  it('Present alone (no AEA, no absences) is taken as attended, said once, and the report\'s own % shows each pupil it is low for (issue 13, item 9)', () => {
    const t = readReportTable(fixtureText('summary-arbor-present-only.csv'));
    if (!t.ok) throw new Error(JSON.stringify(t.problems));
    const result = readReport(t.table, guessMapping(t.table.header), '2025-11-21', TODAY);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    // 150/190 = 78.947...; 181/190 = 95.26; 170/188 = 90.425...; 80/96 = 83.33.
    expect(result.report.figures.map((f) => f.attendance.toFixed(2))).toEqual(['78.95', '95.26', '90.43', '83.33']);
    expect(result.report.warnings.map((w) => describeReportProblem('summary-arbor-present-only.csv', w))).toEqual([
      'summary-arbor-present-only.csv column Present: the report has no AEA (approved educational activity) column, so Present is taken as the sessions attended: for a pupil who had AEA (off-site lessons, sport, trips, work experience) the figure is too low. If the MIS can add an AEA or a Present + AEA column to the report, export it again with that column',
      'summary-arbor-present-only.csv line 2, column Attendance %: says 84.21 but 150 of 190 possible sessions present (with no AEA column) is 78.9%: Markwise uses the sessions; check the report',
      'summary-arbor-present-only.csv line 4, column Attendance %: says 92.55 but 170 of 188 possible sessions present (with no AEA column) is 90.4%: Markwise uses the sessions; check the report',
    ]);
  });

  it('the agreement of the report\'s % with present + AEA: 0.1 points apart is rounding, more is a disagreement', () => {
    const header = 'UPN,Name,Possible,Present,AEA,%';
    // 150 + 10 of 190 = 84.2105: 84.3 is 0.0895 away (rounding); 84.4 is 0.1895 away.
    const near = read([header, 'A1,Ada,190,150,10,84.3']);
    expect(near.ok && near.report.warnings).toEqual([]);
    const far = read([header, 'A1,Ada,190,150,10,84.4']);
    expect(far.ok && far.report.warnings.map((w) => w.message)).toEqual(['says 84.4 but 150 present + 10 AEA = 160 of 190 possible sessions attended is 84.2%: Markwise uses the sessions; check the report']);
  });

  it('the preview says the sessions each figure comes from', () => {
    const base = { upn: 'A1', name: 'Ada', attendance: 0, authorised: null, unauthorised: null };
    expect(describeSessions({ ...base, possible: 190, attended: 160, present: 150, aea: 10 })).toBe('150 present + 10 AEA of 190');
    expect(describeSessions({ ...base, possible: 1900, attended: 1600, present: 1500, aea: 100 })).toBe('1,500 present + 100 AEA of 1,900');
    expect(describeSessions({ ...base, possible: 190, attended: 150, present: 150, aea: null })).toBe('150 present of 190');
    expect(describeSessions({ ...base, possible: 190, attended: 160 })).toBe('160 of 190');
    // The report's own attended column beside a Present one (and no AEA): the attended figure is not called present.
    expect(describeSessions({ ...base, possible: 190, attended: 160, present: 150, aea: null })).toBe('160 of 190');
    expect(describeSessions({ ...base, possible: 190, attended: null, present: 150, aea: null, authorised: 18, unauthorised: 12 })).toBe('190 less 18 authorised and 12 unauthorised absences');
    expect(describeSessions({ ...base, possible: null, attended: null })).toBe('');
  });
});

describe('title rows above the header (issue 13, item 8)', () => {
  it('a SIMS-style report in Windows-1252 with CRLF: the three lines above the header are skipped, the names read with their accents', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../test/fixtures/exports/summary-sims-title-rows.csv', import.meta.url)));
    // Committed as SIMS saves it: CRLF line ends, and O’Brien's ’ as the one byte 0x92.
    expect(Buffer.from(bytes).toString('latin1')).toContain('\r\nL938201125005,O\x92Brien,Zo\xeb,');
    const decoded = decodeFileText(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    const t = readReportTable(decoded.text);
    if (!t.ok) throw new Error(JSON.stringify(t.problems));
    expect(t.table).toMatchObject({ headerLine: 4, titleLines: 3 });
    expect(t.table.rows.map((r) => r.line)).toEqual([5, 6, 7]);
    const result = readReport(t.table, guessMapping(t.table.header), '2025-11-21', TODAY);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.report.figures.map((f) => [f.upn, f.name, f.attended, f.possible])).toEqual([
      ['L938201125005', 'Zoë O’Brien', 106, 120], // 104 + 2
      ['A938201125006', 'Renée Dubois', 118, 120], // 118 + 0
      ['P938201125007', 'Tom Hughes', 102, 118], // 96 + 6
    ]);
    // 106/120 = 88.33 (report: 88.3); 118/120 = 98.33 (98.3); 102/118 = 86.44 (86.4): within a tenth, no warnings.
    expect(result.report.figures.map((f) => f.attendance.toFixed(2))).toEqual(['88.33', '98.33', '86.44']);
    expect(result.report.warnings).toEqual([]);
  });

  it('a header on line 1 has no title lines; blank lines alone above it are not a title', () => {
    expect(readReportTable('UPN,Name,%\nA1,Ada,90\n')).toMatchObject({ ok: true, table: { headerLine: 1, titleLines: 0 } });
    expect(readReportTable('\n,,\nUPN,Name,%\nA1,Ada,90\n')).toMatchObject({ ok: true, table: { headerLine: 3, titleLines: 0 } });
    expect(readReportTable('Attendance\nUPN,Name,%\nA1,Ada,90\n')).toMatchObject({ ok: true, table: { headerLine: 2, titleLines: 1 } });
  });

  it('the header line a person gives is used, and a line that cannot be the header says why', () => {
    const text = fixtureText('summary-sims-title-rows.csv');
    expect(readReportTable(text, { headerLine: 4 })).toMatchObject({ ok: true, table: { headerLine: 4, titleLines: 3 } });
    // Line 2 as the header: the real header becomes a row of pupils, and the mapping finds no UPN.
    const line2 = readReportTable(text, { headerLine: 2 });
    expect(line2).toMatchObject({ ok: true, table: { headerLine: 2, titleLines: 1, header: ['Oakfield Primary School', '01/09/2025 - 21/11/2025', '', '', '', '', '', '', '', ''] } });
    expect(readReportTable(text, { headerLine: 3 })).toEqual({ ok: false, problems: [{ line: 3, column: null, message: 'is blank, so it cannot be the header (the header is the row of column names)' }] });
    expect(readReportTable(text, { headerLine: 8 })).toEqual({ ok: false, problems: [{ line: null, column: null, message: "the header cannot be on line 8: the file's lines are 1 to 7" }] });
    expect(readReportTable(text, { headerLine: 0 })).toMatchObject({ ok: false, problems: [{ message: "the header cannot be on line 0: the file's lines are 1 to 7" }] });
    expect(readReportTable(text, { headerLine: 7 })).toEqual({ ok: false, problems: [{ line: 7, column: null, message: 'the file has a header but no pupils below it' }] });
    expect(readReportTable('UPN,Name,%\nA1,"Ada\nOkafor",90\n', { headerLine: 3 })).toEqual({ ok: false, problems: [{ line: 3, column: null, message: 'is inside a quoted field of the row above it, so it cannot be the header' }] });
  });

  it('bad rows below title rows are named by their line in the file', () => {
    expect(problems(['Attendance Summary', 'Oakfield Primary', '', 'UPN,Name,Possible,Present,AEA', 'A1,Ada,100,95,10'])).toEqual([
      'report.csv line 5, column AEA: 95 present and 10 AEA sessions (105 attended) are more than the 100 possible',
    ]);
  });
});

describe('files that are not summaries (issue 13, item 6)', () => {
  it('looksLikeAttendanceSummary: true for the summaries, false for register exports and week grids', () => {
    expect(looksLikeAttendanceSummary(fixtureHeader('summary-arbor.csv'))).toBe(true);
    expect(looksLikeAttendanceSummary(fixtureHeader('summary-arbor-present-only.csv'))).toBe(true);
    expect(looksLikeAttendanceSummary(fixtureHeader('summary-sims-title-rows.csv'))).toBe(true);
    expect(looksLikeAttendanceSummary(['UPN', 'Name', 'Attendance %'])).toBe(true);
    expect(looksLikeAttendanceSummary(['Pupil ref', 'Pupil Name', 'Possible Sessions', 'Present + AEA'])).toBe(true);
    expect(looksLikeAttendanceSummary(['upn', 'name', 'date', 'session', 'mark', 'arrival'])).toBe(false);
    expect(looksLikeAttendanceSummary(['PersonID', 'AttendanceDate', 'SessionName', 'AttendanceMark', 'MinsLate'])).toBe(false);
    expect(looksLikeAttendanceSummary(['UPN', 'Surname', 'Forename', 'Mon 17/11/2025 AM', 'Mon 17/11/2025 PM'])).toBe(false);
    // Figures but no pupil, or a pupil but no figures.
    expect(looksLikeAttendanceSummary(['Possible', 'Present', 'AEA'])).toBe(false);
    expect(looksLikeAttendanceSummary(['UPN', 'Name', 'Possible'])).toBe(false);
    // A pupil's sessions by date: a register, whatever its figures.
    expect(looksLikeAttendanceSummary(['UPN', 'Name', 'Date', 'Session', 'Attendance %'])).toBe(false);
  });

  it("the register-export fixtures' headers are not summaries; the summary one dropped on the check page is", () => {
    const firstLine = (name: string) => fixtureText(name).split(/\r?\n/)[0]!.split(',');
    expect(looksLikeAttendanceSummary(firstLine('arbor-marks.csv'))).toBe(false);
    expect(looksLikeAttendanceSummary(firstLine('no-arrival.csv'))).toBe(false);
    expect(looksLikeAttendanceSummary(fixtureText('sims-marks-report.csv').split(/\r\n/)[4]!.split(','))).toBe(false);
    expect(looksLikeAttendanceSummary(firstLine('arbor-summary-for-check.csv'))).toBe(true);
    // Dropped here, they are sent to the check page, each from its header's line.
    expect(readReportTable(fixtureText('arbor-marks.csv'))).toMatchObject({ ok: false, shape: 'register-long', problems: [{ line: 1 }] });
    expect(readReportTable(fixtureText('sims-marks-report.csv'))).toMatchObject({ ok: false, shape: 'register-long', problems: [{ line: 5 }] });
  });

  const notASummary = (text: string) => {
    const read = readReportTable(text);
    if (read.ok) throw new Error('expected the file to be refused');
    return { shape: read.shape, problems: read.problems.map((p) => describeReportProblem('export.csv', p)) };
  };

  it('an XML file (a Common Transfer File, say)', () => {
    expect(notASummary('\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<CTfile><Header/></CTfile>\n')).toEqual({ shape: 'xml', problems: ['export.csv: this is an XML file: a Common Transfer File is checked on the check-an-export page'] });
  });

  it("a register export in Markwise's own columns, and in SIMS's partner interface's, below a title", () => {
    expect(notASummary('upn,name,date,session,mark,arrival\nA1,Ada,2025-11-17,AM,/,\n')).toEqual({
      shape: 'register-long',
      problems: ['export.csv line 1: this looks like a register export (one row a pupil and session): check it on the check-an-export page'],
    });
    expect(notASummary('Attendance marks\r\nPersonID,AttendanceDate,SessionName,AttendanceMark,MinsLate\r\n1093,2025-11-17,AM,L,12\r\n')).toMatchObject({
      shape: 'register-long',
      problems: ['export.csv line 2: this looks like a register export (one row a pupil and session): check it on the check-an-export page'],
    });
  });

  it('a week grid, its dates and sessions in one header row or in two', () => {
    expect(notASummary('UPN,Surname,Forename,Mon 17/11/2025 AM,Mon 17/11/2025 PM\nA1,Okafor,Ada,/,\\\n')).toEqual({
      shape: 'register-wide',
      problems: ['export.csv line 1: this looks like a week grid of marks: check it on the check-an-export page'],
    });
    expect(notASummary('UPN,Surname,Forename,Mon 17 Nov,Tue 18 Nov,Wed 19 Nov\nA1,Okafor,Ada,/ \\,/ \\,/ \\\n')).toMatchObject({ shape: 'register-wide' });
    expect(notASummary('Week beginning 17/11/2025\nUPN,Surname,Forename,17/11/2025,,18/11/2025,\n,,,AM,PM,AM,PM\nA1,Okafor,Ada,/,\\,/,\\\n')).toEqual({
      shape: 'register-wide',
      problems: ['export.csv line 2: this looks like a week grid of marks: check it on the check-an-export page'],
    });
  });

  it('a file that is neither keeps today\'s way: its columns are shown to choose by hand', () => {
    expect(readReportTable('Pupil ref,Pupil Name,Possible Sessions,Present + AEA\nA1,Ada,200,180\n')).toMatchObject({ ok: true });
    expect(readReportTable('Ref,Who,How many\nA1,Ada,200\n')).toMatchObject({ ok: true, table: { headerLine: 1 } });
    // A title's "from" and "to" dates over a header Markwise does not know are not a week grid.
    expect(readReportTable('From,01/09/2025,To,21/11/2025\nRef,Who,How many,Per cent\nA1,Ada,200,90\n')).toMatchObject({ ok: true, table: { headerLine: 1 } });
    expect(readReportTable('Attendance 01/09/2025 - 21/11/2025,Printed 24/11/2025 09:15 AM\nRef,Who,How many\nA1,Ada,200\n')).toMatchObject({ ok: true });
  });
});
