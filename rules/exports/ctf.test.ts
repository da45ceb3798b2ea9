import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RegisterSnapshot, SnapshotMark } from '../snapshot';
import type { ExportResult } from './common';
import { readXmlExport } from './ctf';

const TODAY = '2025-09-15';
const fixture = (name: string) => readFileSync(join(__dirname, '../../test/fixtures/exports', name), 'utf8');

function ok(result: ExportResult) {
  if (!result.ok) throw new Error(`expected the file to be read, got ${JSON.stringify(result.problems)}`);
  return result;
}
function refused(result: ExportResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result;
}

/** Marks as compact 'date session mark' strings, in the order given. */
const compact = (marks: readonly SnapshotMark[]) => marks.map((m) => `${m.date} ${m.session} ${m.mark}`);

/** A day's two marks, AM then PM, written out by hand. */
const day = (date: string, am: string, pm: string) => [`${date} AM ${am}`, `${date} PM ${pm}`];

/** A small CTF around the pupils given, each line of it a line of the file. */
function ctf(pupils: string): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<CTfile>', '<Header><DocumentName>Common Transfer File</DocumentName></Header>', '<CTFpupilData>', pupils, '</CTFpupilData>', '</CTfile>'].join('\n');
}

function pupil(upn: string, ...years: string[]): string {
  return ['<Pupil>', `<UPN>${upn}</UPN><Surname>Test</Surname><Forename>Pat</Forename><DOB>2016-01-01</DOB>`, '<Attendance>', ...years, '</Attendance>', '</Pupil>'].join('\n');
}

function year(start: string, marks: string, totals = '', label = '2025'): string {
  return [`<YearData><Year>${label}</Year>${totals}`, `<AttendSessions><AttendanceStartDate>${start}</AttendanceStartDate>`, `<AttendanceMarks>${marks}</AttendanceMarks>`, '</AttendSessions></YearData>'].join('\n');
}

const UPN = 'M383299901001';

describe('readXmlExport: the fixture CTF (worked out by hand)', () => {
  const result = ok(readXmlExport(fixture('ctf-register.xml'), 'ctf-register.xml', { today: TODAY }));
  const snapshot: RegisterSnapshot = result.snapshot;

  it('reads each pupil: UPN, "Forename Surname", date of birth', () => {
    expect(snapshot.source).toBe('ctf-register.xml');
    expect(snapshot.pupils.map((p) => [p.upn, p.name, p.dob, p.year])).toEqual([
      ['M383299901001', 'Ada Okafor', '2016-03-12', null],
      ['Y383299902001', 'Ben Carter', '2016-11-30', null],
      ['J383299903001', 'Chloe Dunn', '2017-01-05', null],
    ]);
  });

  it("reads two characters a day from the start date, weekends' '##' making no mark, '&lt;' kept as written", () => {
    // Mon 1 Sep 2025 to Sun 14 Sep 2025: /\ /\ L\ /\ /\ ## ## | /\ NN /\ /\ <\ ## ##
    expect(compact(snapshot.pupils[0]!.marks)).toEqual([
      ...day('2025-09-01', '/', '\\'),
      ...day('2025-09-02', '/', '\\'),
      ...day('2025-09-03', 'L', '\\'),
      ...day('2025-09-04', '/', '\\'),
      ...day('2025-09-05', '/', '\\'),
      ...day('2025-09-08', '/', '\\'),
      ...day('2025-09-09', 'N', 'N'),
      ...day('2025-09-10', '/', '\\'),
      ...day('2025-09-11', '/', '\\'),
      ...day('2025-09-12', '<', '\\'),
    ]);
    expect(snapshot.pupils[0]!.marks.every((m) => m.arrival === null)).toBe(true);
  });

  it('reads every YearData of a pupil, the earlier year first', () => {
    // 2024 (another school): Mon 14 Jul 2025 /\ II /\ /\ /\ ## ##; 2025: /\ /\ /\ U\ /\ ## ## | GG GG /\ /\ /\ ## ##
    expect(compact(snapshot.pupils[1]!.marks)).toEqual([
      ...day('2025-07-14', '/', '\\'),
      ...day('2025-07-15', 'I', 'I'),
      ...day('2025-07-16', '/', '\\'),
      ...day('2025-07-17', '/', '\\'),
      ...day('2025-07-18', '/', '\\'),
      ...day('2025-09-01', '/', '\\'),
      ...day('2025-09-02', '/', '\\'),
      ...day('2025-09-03', '/', '\\'),
      ...day('2025-09-04', 'U', '\\'),
      ...day('2025-09-05', '/', '\\'),
      ...day('2025-09-08', 'G', 'G'),
      ...day('2025-09-09', 'G', 'G'),
      ...day('2025-09-10', '/', '\\'),
      ...day('2025-09-11', '/', '\\'),
      ...day('2025-09-12', '/', '\\'),
    ]);
  });

  it("reads '$' (Y1's stand-in) and 'H' (withdrawn) as written, and '-' as a blank, counted", () => {
    expect(compact(snapshot.pupils[2]!.marks)).toEqual([
      ...day('2025-09-01', '/', '\\'),
      ...day('2025-09-02', '$', '$'),
      ...day('2025-09-03', '/', '\\'),
      ...day('2025-09-04', '', '\\'),
      ...day('2025-09-05', 'H', '\\'),
    ]);
    expect(result.details).toEqual({ shape: 'ctf', lateness: 'none', translated: [], dashBlanks: 1 });
  });

  it("warns only where a year's totals disagree with its marks: Ben's 2025 (16 attended written, 15 counted; 4 unauthorised written, 5 counted)", () => {
    // Ben 2025 by hand: attended 2+2+2+1+2 + 0+0+2+2+2 = 15; unauthorised U + GGGG = 5; possible 20 (as written).
    // Ada: attended 10 + 7 = 17, authorised C1 = 1, unauthorised NN = 2, possible 20: as written. Chloe: attended 2+0+2+1+1 = 6, possible 6 (Y1 not possible, '-' no mark, H not a code on 5 Sep 2025: not counted), as written.
    expect(result.warnings).toEqual([
      { line: 88, column: null, path: 'Pupil 2 (UPN Y383299902001) YearData 2025 SessionsAttended', message: 'the file says 16 sessions attended but its marks give 15' },
      { line: 89, column: null, path: 'Pupil 2 (UPN Y383299902001) YearData 2025 SessionsUnauthorised', message: 'the file says 4 sessions of unauthorised absence but its marks give 5' },
    ]);
  });
});

describe('readXmlExport: days without school', () => {
  it("keeps '#' on a weekday as the planned-closure code, and makes no mark for '#', ' ' or '-' on a Saturday or Sunday", () => {
    // Fri 5 Sep 2025 ##, Sat '  ', Sun '--', Mon 8 Sep /\
    const result = ok(readXmlExport(ctf(pupil(UPN, year('2025-09-05', '##  --/\\'))), 'x.xml', { today: TODAY }));
    expect(compact(result.snapshot.pupils[0]!.marks)).toEqual([...day('2025-09-05', '#', '#'), ...day('2025-09-08', '/', '\\')]);
    expect(result.warnings).toEqual([]);
    expect(result.details.dashBlanks).toBe(0);
  });

  it('warns once, with the count and the first, when real marks fall on a Saturday or Sunday, and keeps them', () => {
    // A file that leaves weekends out: Mon-Fri then Mon again, read as Mon-Sun.
    const result = ok(readXmlExport(ctf(pupil(UPN, year('2025-09-01', '/\\/\\/\\/\\/\\N\\/\\'))), 'x.xml', { today: TODAY }));
    expect(compact(result.snapshot.pupils[0]!.marks).slice(10)).toEqual([...day('2025-09-06', 'N', '\\'), ...day('2025-09-07', '/', '\\')]);
    expect(result.warnings).toEqual([
      {
        line: 10,
        column: null,
        path: `Pupil 1 (UPN ${UPN}) YearData 2025 AttendanceMarks`,
        message:
          "4 marks fall on a Saturday or Sunday (the first: 'N' on Sat 6 Sep 2025 AM). Markwise reads two marks for every day from the start date, weekends included: if this file leaves weekends out, the dates of its marks are wrong",
      },
    ]);
  });
});

describe('readXmlExport: marks', () => {
  it("reads a space as a blank, decodes numeric references ('&#60;' is '<'), and leaves unknown characters as marks", () => {
    const result = ok(readXmlExport(ctf(pupil(UPN, year('2025-09-01', ' &#60;*\\'))), 'x.xml', { today: TODAY }));
    expect(compact(result.snapshot.pupils[0]!.marks)).toEqual([...day('2025-09-01', '', '<'), ...day('2025-09-02', '*', '\\')]);
  });

  it("translates the school's own codes by the policy's table, counting them", () => {
    const result = ok(readXmlExport(ctf(pupil(UPN, year('2025-09-01', '77/-'))), 'x.xml', { today: TODAY, schoolCodes: [{ code: '7', dfe: 'I', name: 'Illness (school code)' }] }));
    expect(compact(result.snapshot.pupils[0]!.marks)).toEqual([...day('2025-09-01', 'I', 'I'), ...day('2025-09-02', '/', '')]);
    expect(result.details).toEqual({ shape: 'ctf', lateness: 'none', translated: [{ code: '7', dfe: 'I', name: 'Illness (school code)', count: 2 }], dashBlanks: 1 });
  });

  it('counts each total by how its codes count, and says when codes it does not know were left out', () => {
    // /\ (2 attended), BM (B approved activity: attended; M authorised), ?O (J1 authorised; O unauthorised), X* (X not possible; * unknown)
    const totals = '<SessionsPossible>6</SessionsPossible><SessionsAttended>3</SessionsAttended><SessionsAuthorised>2</SessionsAuthorised><SessionsUnauthorised>2</SessionsUnauthorised>';
    const result = ok(readXmlExport(ctf(pupil(UPN, year('2025-09-01', '/\\BM?OX*', totals))), 'x.xml', { today: TODAY }));
    // By hand: attended 3, authorised 2, unauthorised 1, possible 6.
    expect(result.warnings).toEqual([
      {
        line: 8,
        column: null,
        path: `Pupil 1 (UPN ${UPN}) YearData 2025 SessionsUnauthorised`,
        message: 'the file says 2 sessions of unauthorised absence but its marks give 1 (1 mark with a code Markwise does not know on its date was not counted)',
      },
    ]);
  });

  it('says when a total is not a whole number, and compares nothing with it', () => {
    const result = ok(readXmlExport(ctf(pupil(UPN, year('2025-09-01', '/\\', '<SessionsAttended>two</SessionsAttended>'))), 'x.xml', { today: TODAY }));
    expect(result.warnings.map((w) => [w.path, w.message])).toEqual([[`Pupil 1 (UPN ${UPN}) YearData 2025 SessionsAttended`, "'two' is not a whole number of sessions, so it was not compared with the marks"]]);
  });

  it('refuses a session given twice by two YearData, once, with how many more', () => {
    const result = refused(readXmlExport(ctf(pupil(UPN, year('2025-09-01', '/\\/\\', '', '2025'), year('2025-09-02', 'NNN', '', '2025b'))), 'x.xml', { today: TODAY }));
    expect(result.problems).toEqual([
      { line: 14, column: null, path: `Pupil 1 (UPN ${UPN}) YearData 2025b AttendanceMarks`, message: `pupil ${UPN} already has an AM mark for Tue 2 Sep 2025 from another YearData (and 1 more session is given twice)` },
    ]);
    const four = refused(readXmlExport(ctf(pupil(UPN, year('2025-09-01', '/\\/\\', '', '2025'), year('2025-09-01', 'NNNN', '', '2025b'))), 'x.xml', { today: TODAY }));
    expect(four.problems.map((p) => p.message)).toEqual([`pupil ${UPN} already has an AM mark for Mon 1 Sep 2025 from another YearData (and 3 more sessions are given twice)`]);
  });

  it('warns about a YearData with totals and no marks, and about a pupil with no marks at all', () => {
    const totalsOnly = '<YearData><Year>2024</Year><SessionsPossible>300</SessionsPossible></YearData>';
    const text = ctf([pupil(UPN, year('2025-09-01', '/\\')), pupil('Y383299902001', totalsOnly)].join('\n'));
    const result = ok(readXmlExport(text, 'x.xml', { today: TODAY }));
    expect(result.snapshot.pupils.map((p) => p.marks.length)).toEqual([2, 0]);
    expect(result.warnings.map((w) => [w.line, w.path, w.message])).toEqual([
      [17, 'Pupil 2 (UPN Y383299902001) YearData 2024', 'this year has attendance totals but no session marks, so there is nothing in it to check'],
      [14, 'Pupil 2 (UPN Y383299902001)', 'this pupil has no session marks in the file, so nothing is checked for them'],
    ]);
  });

  it('compares the totals of a year whose marks are empty, and says the pupil has no marks', () => {
    const empty = year('2025-09-01', '', '<SessionsPossible>150</SessionsPossible>');
    const text = ctf([pupil(UPN, year('2025-09-01', '/\\')), pupil('Y383299902001', empty)].join('\n'));
    expect(ok(readXmlExport(text, 'x.xml', { today: TODAY })).warnings.map((w) => [w.path, w.message])).toEqual([
      ['Pupil 2 (UPN Y383299902001) YearData 2025 SessionsPossible', 'the file says 150 possible sessions but its marks give 0'],
      ['Pupil 2 (UPN Y383299902001)', 'this pupil has no session marks in the file, so nothing is checked for them'],
    ]);
  });

  it('reads the pupils of every CTFpupilData and the years of every Attendance, losing none', () => {
    const text = ctf(`${pupil(UPN, year('2025-09-01', '/\\'))}\n</CTFpupilData>\n<CTFpupilData>\n${pupil('Y383299902001', year('2025-09-01', 'N\\'), '</Attendance>\n<Attendance>', year('2025-09-02', 'L\\', '', '2025b'))}`);
    const result = ok(readXmlExport(text, 'x.xml', { today: TODAY }));
    expect(result.snapshot.pupils.map((p) => [p.upn, compact(p.marks)])).toEqual([
      [UPN, day('2025-09-01', '/', '\\')],
      ['Y383299902001', [...day('2025-09-01', 'N', '\\'), ...day('2025-09-02', 'L', '\\')]],
    ]);
  });

  it('refuses an element written twice where one is meant (which UPN, which marks?)', () => {
    const twoUpns = ctf(['<Pupil>', `<UPN>${UPN}</UPN>`, '<UPN>Y383299902001</UPN>', '<Attendance>', year('2025-09-01', '/\\'), '</Attendance>', '</Pupil>'].join('\n'));
    expect(refused(readXmlExport(twoUpns, 'x.xml', { today: TODAY })).problems).toEqual([
      { line: 6, column: null, path: 'Pupil 1', message: '<UPN> is written 2 times here, so Markwise cannot tell which is right' },
    ]);
    const twoMarks = year('2025-09-01', '/\\').replace('</AttendSessions>', '<AttendanceMarks>NN</AttendanceMarks></AttendSessions>');
    expect(refused(readXmlExport(ctf(pupil(UPN, twoMarks)), 'x.xml', { today: TODAY })).problems).toEqual([
      { line: 10, column: null, path: `Pupil 1 (UPN ${UPN}) YearData 1`, message: '<AttendanceMarks> is written 2 times here, so Markwise cannot tell which is right' },
    ]);
    const twoTotals = year('2025-09-01', '/\\', '<SessionsAttended>2</SessionsAttended><SessionsAttended>3</SessionsAttended>');
    expect(refused(readXmlExport(ctf(pupil(UPN, twoTotals)), 'x.xml', { today: TODAY })).problems.map((p) => p.message)).toEqual([
      '<SessionsAttended> is written 2 times here, so Markwise cannot tell which is right',
    ]);
  });

  it('warns about a UPN that fails its check letter', () => {
    const result = ok(readXmlExport(ctf(pupil('A383299901001', year('2025-09-01', '/\\'))), 'x.xml', { today: TODAY }));
    expect(result.warnings).toEqual([{ line: 6, column: null, path: 'Pupil 1 (UPN A383299901001) UPN', message: "'A383299901001' fails the DfE check letter (it would be M): check the UPN in the MIS" }]);
  });
});

describe('readXmlExport: problems that stop the read, with where', () => {
  it('refuses a pupil without a UPN, with the line of its <Pupil>', () => {
    const text = ctf(['<Pupil>', '<Surname>Test</Surname>', '<Attendance>', year('2025-09-01', '/\\'), '</Attendance>', '</Pupil>'].join('\n'));
    const result = refused(readXmlExport(text, 'x.xml', { today: TODAY }));
    expect(result).toEqual({ ok: false, shape: 'ctf', problems: [{ line: 5, column: null, path: 'Pupil 1', message: 'this pupil has no UPN, so Markwise cannot tell whose marks these are' }] });
  });

  it('refuses the same UPN on two pupils', () => {
    const result = refused(readXmlExport(ctf([pupil(UPN, year('2025-09-01', '/\\')), pupil(UPN, year('2025-09-02', '/\\'))].join('\n')), 'x.xml', { today: TODAY }));
    expect(result.problems.map((p) => [p.line, p.path, p.message])).toEqual([[14, `Pupil 2 (UPN ${UPN})`, `UPN ${UPN} is also pupil 1's: one pupil's marks must not be mixed with another's`]]);
  });

  it.each([
    ['01/09/2025', "'01/09/2025' is not a date written as YYYY-MM-DD, so the date of each mark is not known"],
    ['2025-02-30', "'2025-02-30' is not a date written as YYYY-MM-DD, so the date of each mark is not known"],
    ['1925-09-01', "'1925-09-01' is before 2000: Markwise reads registers from 1 January 2000 (is the year mistyped?)"],
    ['2026-09-16', "'2026-09-16' is more than a year after today (Mon 15 Sep 2025): is the year mistyped?"],
  ])('refuses the start date %s, with its line', (start, message) => {
    const result = refused(readXmlExport(ctf(pupil(UPN, year(start, '/\\'))), 'x.xml', { today: TODAY }));
    expect(result.problems).toEqual([{ line: 9, column: null, path: `Pupil 1 (UPN ${UPN}) YearData 2025 AttendanceStartDate`, message }]);
  });

  it('accepts a start date exactly a year after today (the boundary), refuses marks running past it', () => {
    expect(readXmlExport(ctf(pupil(UPN, year('2026-09-15', '/\\'))), 'x.xml', { today: TODAY }).ok).toBe(true);
    const result = refused(readXmlExport(ctf(pupil(UPN, year('2026-09-15', '/\\/\\'))), 'x.xml', { today: TODAY }));
    expect(result.problems.map((p) => p.message)).toEqual(["the 4 marks from Tue 15 Sep 2026 run to 'Wed 16 Sep 2026' is more than a year after today (Mon 15 Sep 2025): is the year mistyped?"]);
  });

  it('refuses marks without a start date, and marks with a line break inside', () => {
    const noStart = '<YearData><Year>2025</Year><AttendSessions><AttendanceMarks>/\\</AttendanceMarks></AttendSessions></YearData>';
    expect(refused(readXmlExport(ctf(pupil(UPN, noStart)), 'x.xml', { today: TODAY })).problems.map((p) => p.message)).toEqual([
      'this year has session marks but no AttendanceStartDate, so the date of each mark is not known',
    ]);
    const broken = refused(readXmlExport(ctf(pupil(UPN, year('2025-09-01', '/\\\n/\\'))), 'x.xml', { today: TODAY }));
    expect(broken.problems.map((p) => [p.line, p.message])).toEqual([[10, 'the marks have a line break or tab inside them, so Markwise cannot tell which session each character is for']]);
  });

  it('refuses a date of birth that is not YYYY-MM-DD or is after today', () => {
    const withDob = (dob: string) => ctf(['<Pupil>', `<UPN>${UPN}</UPN>`, `<DOB>${dob}</DOB>`, '<Attendance>', year('2025-09-01', '/\\'), '</Attendance>', '</Pupil>'].join('\n'));
    expect(refused(readXmlExport(withDob('12/03/2016'), 'x.xml', { today: TODAY })).problems).toEqual([
      { line: 7, column: null, path: `Pupil 1 (UPN ${UPN}) DOB`, message: "'12/03/2016' is not a date written as YYYY-MM-DD, as a CTF writes dates of birth" },
    ]);
    expect(refused(readXmlExport(withDob('2025-09-16'), 'x.xml', { today: TODAY })).problems.map((p) => p.message)).toEqual([
      "'2025-09-16' is after today (Mon 15 Sep 2025): a date of birth cannot be in the future",
    ]);
    expect(readXmlExport(withDob('2025-09-15'), 'x.xml', { today: TODAY }).ok).toBe(true);
  });

  it('refuses a CTF without pupils, or without any session marks', () => {
    expect(refused(readXmlExport('<CTfile><Header/></CTfile>', 'x.xml', { today: TODAY }))).toEqual({
      ok: false,
      shape: 'ctf',
      problems: [{ line: null, column: null, path: 'CTFpupilData', message: 'this Common Transfer File has no pupils in it (no CTFpupilData/Pupil): there is nothing to check' }],
    });
    const noMarks = refused(readXmlExport(ctf(`<Pupil><UPN>${UPN}</UPN></Pupil>`), 'x.xml', { today: TODAY }));
    expect(noMarks.problems.map((p) => p.message)).toEqual([
      'this Common Transfer File has no session marks (no Attendance/YearData/AttendSessions/AttendanceMarks): export it again with attendance sessions included',
    ]);
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(readXmlExport(`\uFEFF${ctf(pupil(UPN, year('2025-09-01', '/\\')))}`, 'x.xml', { today: TODAY }).ok).toBe(true);
  });
});

describe('readXmlExport: XML that is not a CTF, damaged, or carrying a DTD', () => {
  it('says what the root element is when it is not <CTfile>', () => {
    expect(readXmlExport('<?xml version="1.0"?>\n<AttendanceReport><Row/></AttendanceReport>', 'x.xml', {})).toEqual({
      ok: false,
      shape: 'xml-other',
      problems: [{ line: null, column: null, path: null, message: "this is an XML file, but not a Common Transfer File (its root element is <AttendanceReport>; a CTF's is <CTfile>)" }],
    });
  });

  it('gives the line where damaged XML broke', () => {
    const result = refused(readXmlExport('<CTfile>\n<CTFpupilData>\n<Pupil>\n</CTFpupilData>\n</CTfile>', 'x.xml', {}));
    expect(result.shape).toBe('xml-other');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.line).toBe(4);
    expect(result.problems[0]!.message).toMatch(/^this XML file is damaged and cannot be read: .*'Pupil'.* \(line 4, character 1\)$/);
  });

  it('reads a CTF with blank lines above its XML declaration, reporting lines as they are in the file', () => {
    const text = `\n\n${ctf('<Pupil>\n<Surname>Test</Surname>\n</Pupil>')}`;
    expect(refused(readXmlExport(text, 'x.xml', { today: TODAY })).problems).toEqual([{ line: 7, column: null, path: 'Pupil 1', message: 'this pupil has no UPN, so Markwise cannot tell whose marks these are' }]);
    expect(readXmlExport(`\n${ctf(pupil(UPN, year('2025-09-01', '/\\')))}`, 'x.xml', { today: TODAY }).ok).toBe(true);
  });

  it('refuses two top-level elements, which XML does not allow', () => {
    expect(refused(readXmlExport(`${ctf(pupil(UPN, year('2025-09-01', '/\\')))}\n<CTfile/>`, 'x.xml', { today: TODAY })).problems.map((p) => p.message)).toEqual([
      'this XML file is damaged and cannot be read: it has 2 top-level elements (<CTfile>, <CTfile>) where XML allows one',
    ]);
  });

  const DTD_MESSAGE =
    'this XML file declares a DTD (<!DOCTYPE>): a Common Transfer File never has one, and Markwise does not read DTDs or the entities they declare. Export the CTF from the MIS again';

  it('refuses a billion-laughs DTD before parsing, without expanding anything', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE CTfile [',
      '<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ']>',
      `<CTfile><CTFpupilData><Pupil><UPN>&lol9;</UPN></Pupil></CTFpupilData></CTfile>`,
    ].join('\n');
    const started = performance.now();
    const result = readXmlExport(laughs, 'laughs.xml', {});
    expect(performance.now() - started).toBeLessThan(500);
    expect(result).toEqual({ ok: false, shape: 'xml-other', problems: [{ line: 2, column: null, path: null, message: DTD_MESSAGE }] });
    expect(JSON.stringify(result)).not.toContain('lollol');
  });

  it('refuses an external SYSTEM entity, which would read a file on the machine', () => {
    const external = ctf(pupil('&xxe;', year('2025-09-01', '/\\'))).replace('<CTfile>', '<!DOCTYPE CTfile [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<CTfile>');
    expect(readXmlExport(external, 'x.xml', { today: TODAY })).toEqual({ ok: false, shape: 'xml-other', problems: [{ line: 2, column: null, path: null, message: DTD_MESSAGE }] });
  });

  it('refuses a DOCTYPE anywhere, whatever its case, and an ENTITY declaration without one', () => {
    const late = ctf(pupil(UPN, year('2025-09-01', '/\\'))).replace('</CTfile>', '</CTfile>\n<!doctype x>');
    expect(refused(readXmlExport(late, 'x.xml', { today: TODAY })).problems.map((p) => [p.line, p.message])).toEqual([[16, DTD_MESSAGE]]);
    expect(refused(readXmlExport('<!ENTITY a "b">\n<CTfile/>', 'x.xml', {})).problems.map((p) => p.line)).toEqual([1]);
  });

  it('refuses an entity reference XML does not define, which would shift every later mark', () => {
    const result = refused(readXmlExport(ctf(pupil(UPN, year('2025-09-01', '/&nbsp;\\'))), 'x.xml', { today: TODAY }));
    expect(result.problems).toEqual([
      { line: 10, column: null, path: null, message: "'&nbsp;' is not a character XML knows without a DTD (only &lt; &gt; &amp; &apos; &quot; and numeric references are): the file cannot be read safely" },
    ]);
  });

  it("lets '&' stand in a comment or CDATA", () => {
    const text = ctf(pupil(UPN, year('2025-09-01', '/\\'))).replace('<CTfile>', '<!-- Smith & Jones, <![CDATA[ & ]]> -->\n<CTfile><![CDATA[ a & b ]]>');
    expect(readXmlExport(text, 'x.xml', { today: TODAY }).ok).toBe(true);
  });
});
