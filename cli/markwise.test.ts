// The command line as people and scripts use it: a real process, real files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPOSITORY as root, markwise } from '../test/support/cli';
import { RULE_IDS } from '../rules/findings';
import { PRESET_IDS } from '../rules/presets';
import { DEMO_TODAY, demoCsv } from '../demo/make-demo-register';
import { londonDate } from './markwise';
import { COLOURED, PLAIN, attendanceText, textReport, type TextReportInput } from './report';
import { SchoolCalendar } from '../rules/calendar/school-calendar';
import { evaluateRegister } from '../rules/engine';
import { CHECKS } from '../rules/checks';
import { presetInput, presetPolicy } from '../rules/presets';
import { policyWarnings } from '../rules/policy/warnings';
import { readRegisterExport } from '../rules/register-export';
import { schoolCalendarFor } from '../rules/calendar/bank-holidays';

const dir = mkdtempSync(join(tmpdir(), 'markwise-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const HEADER = 'upn,name,date,session,mark,arrival';
const csv = (name: string, ...rows: string[]) => file(name, `${[HEADER, ...rows].join('\n')}\n`);
/** Wed 5 Nov 2025 is a school day in the Leeds calendar of the micklefield preset (autumn term, after half term). */
const DAY = '2025-11-05';

type JsonFinding = { rule: string; severity: string; upn: string; date: string; session: string; mark: string; suggestion: string | null; message: string };
type JsonPupil = { upn: string; name: string; attendance: number | null; band: string | null; tier: number | null };

describe('markwise check --json', () => {
  it('prints one object with exactly the documented keys, and exits 1 when there are errors', async () => {
    const register = csv('late.csv', `A1,Ada Okafor,${DAY},AM,L,09:40`, `A1,Ada Okafor,${DAY},PM,\\,`);
    const { code, stdout } = await markwise('check', register, '--policy', 'micklefield', '--today', DAY, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['policy', 'today', 'findings', 'unknownCodes', 'pupils', 'failures']);
    expect(report).toMatchObject({ policy: 'micklefield', today: DAY, failures: [] });
    expect(report.findings).toHaveLength(1);
    expect(Object.keys(report.findings[0])).toEqual(['rule', 'severity', 'upn', 'date', 'session', 'mark', 'suggestion', 'message']);
    // Micklefield's morning register closes at 09:25 (policy §7.2): 09:40 is after it.
    expect(report.findings[0]).toMatchObject({ rule: 'late-should-be-u', severity: 'error', upn: 'A1', date: DAY, session: 'AM', mark: 'L', suggestion: 'U' });
    expect(report.findings[0].message).toContain('09:25');
    expect(Object.keys(report.pupils[0])).toEqual(['upn', 'name', 'possibleSessions', 'attendedSessions', 'attendance', 'band', 'tier', 'persistentAbsence', 'severeAbsence']);
    expect(report.pupils[0]).toEqual({
      upn: 'A1',
      name: 'Ada Okafor',
      possibleSessions: 2,
      attendedSessions: 2,
      attendance: 100,
      band: '90% and above',
      tier: 1,
      persistentAbsence: false,
      severeAbsence: false,
    });
  });

  it('exits 0 with no findings; policy warnings go to standard error, leaving standard output one JSON object', async () => {
    const register = csv('clean.csv', `A1,Ada,${DAY},AM,/,`, `A1,Ada,${DAY},PM,\\,`);
    const { code, stdout, stderr } = await markwise('check', register, '--policy', 'micklefield', '--today', DAY, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).findings).toEqual([]);
    // The micklefield preset notes that its source gives two closing times.
    expect(stderr).toMatch(/WARNING .*9\.15/);
  });

  it('exits 0 when there are only warnings, and --role teacher flags the office codes', async () => {
    const register = csv('ill.csv', `A1,Ada,${DAY},AM,I,`, `A1,Ada,${DAY},PM,I,`);
    expect((await markwise('check', register, '--policy', 'micklefield', '--today', DAY)).code).toBe(0);
    const teacher = await markwise('check', register, '--policy', 'micklefield', '--today', DAY, '--role', 'teacher', '--json');
    // Micklefield §7.1: teachers enter / \ L and N; reasons are for the office.
    expect(JSON.parse(teacher.stdout).findings.map((f: JsonFinding) => f.rule)).toEqual(['code-not-allowed', 'code-not-allowed']);
  });

  it('attendance is null, with no band or tier, for a pupil with no possible sessions', async () => {
    const register = csv('closed.csv', `A1,Ada,${DAY},AM,#,`);
    const report = JSON.parse((await markwise('check', register, '--policy', 'dfe', '--today', DAY, '--json')).stdout);
    expect(report.pupils[0]).toMatchObject({ possibleSessions: 0, attendance: null, band: null, tier: null });
  });

  it('an exported preset, passed back as a policy file, checks the same as the preset', async () => {
    const register = csv('same.csv', 'A1,Ada,2025-11-12,AM,N,');
    const policy = file('mick.json', (await markwise('policy', 'micklefield')).stdout);
    const [viaFile, viaPreset] = await Promise.all([
      markwise('check', register, '--policy', policy, '--today', '2025-11-26', '--json'),
      markwise('check', register, '--policy', 'micklefield', '--today', '2025-11-26', '--json'),
    ]);
    expect(viaFile.stdout).toBe(viaPreset.stdout);
    // N on Wed 12 Nov is due on the fifth school day after, Wed 19 Nov: on Wed 26 Nov it is overdue.
    expect(JSON.parse(viaFile.stdout).findings.map((f: JsonFinding) => f.rule)).toEqual(['n-overdue']);
  });

  it('reads a JSON register snapshot', async () => {
    const snapshot = file('snapshot.json', JSON.stringify({ pupils: [{ upn: 'A1', name: 'Ada', marks: [{ date: DAY, session: 'PM', mark: '/' }] }] }));
    const report = JSON.parse((await markwise('check', snapshot, '--policy', 'micklefield', '--today', DAY, '--json')).stdout);
    expect(report.findings.map((f: JsonFinding) => [f.rule, f.suggestion])).toEqual([['code-wrong-session', '\\']]);
  });
});

describe('CSV quirks a real export has', () => {
  it('a byte-order mark, a quoted comma in a name, DD/MM/YYYY dates, a lower-case session and shuffled columns', async () => {
    const text = `\uFEFFName,UPN,Date,Session,Mark,Arrival\r\n"Jones, Ffion",A1,05/11/2025,am,L,09:40\r\n"Jones, Ffion",A1,05/11/2025,pm,\\,\r\n`;
    const { code, stdout } = await markwise('check', file('quirks.csv', text), '--policy', 'micklefield', '--today', DAY, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.findings.map((f: JsonFinding) => [f.rule, f.upn, f.date, f.session])).toEqual([['late-should-be-u', 'A1', DAY, 'AM']]);
    expect(report.pupils.map((p: JsonPupil) => p.name)).toEqual(['Jones, Ffion']);
  });
});

describe('an export saved by Windows as Windows-1252 ("ANSI")', () => {
  it('reads accented names as the MIS shows them', async () => {
    const text = `${HEADER}\nA1,Zoë Brontë,${DAY},AM,/,\nA2,Seán O’Brien,${DAY},AM,/,\n`;
    const bytes = Uint8Array.from([...text].map((c) => ({ ë: 0xeb, á: 0xe1, '’': 0x92 })[c] ?? c.charCodeAt(0)));
    const path = join(dir, 'ansi.csv');
    writeFileSync(path, bytes);
    const report = JSON.parse((await markwise('check', path, '--policy', 'micklefield', '--today', DAY, '--json')).stdout);
    expect(report.pupils.map((p: JsonPupil) => p.name)).toEqual(['Zoë Brontë', 'Seán O’Brien']);
  });
});

describe('bad input exits 2, says what and where on standard error, and checks nothing', () => {
  const cases: [what: string, file: string, lines: string[], message: string][] = [
    ['a missing column', 'no-session.csv', ['upn,name,date,mark', `A1,Ada,${DAY},/`], 'no-session.csv line 1: no column looks like the session'],
    ['an impossible date', 'feb-31.csv', [HEADER, `A1,Ada,${DAY},AM,/,`, 'A1,Ada,31/02/2025,AM,/,'], "feb-31.csv line 3, column date: '31/02/2025' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)"],
    ['a bad session', 'lunch.csv', [HEADER, `A1,Ada,${DAY},Lunch,/,`], "lunch.csv line 2, column session: 'Lunch' is not a session (expected AM or PM)"],
    ['a bad arrival time', 'arrival.csv', [HEADER, `A1,Ada,${DAY},AM,L,9.40am`], "arrival.csv line 2, column arrival: '9.40am' is not a time of day"],
    ['a duplicate session row', 'twice.csv', [HEADER, `A1,Ada,${DAY},AM,/,`, `A1,Ada,${DAY},PM,\\,`, 'A1,Ada,05/11/2025,AM,N,'], 'twice.csv line 4, column session: pupil A1 already has an AM mark for Wed 5 Nov 2025, on line 2'],
    ['conflicting names', 'names.csv', [HEADER, `A1,Ada Okafor,${DAY},AM,/,`, `A1,Ada Okafur,${DAY},PM,\\,`], "names.csv line 3, column name: pupil A1 is named 'Ada Okafur' here but 'Ada Okafor' on line 2"],
    ['an empty file', 'empty.csv', [''], 'empty.csv: the file is empty'],
  ];
  for (const [what, name, lines, message] of cases) {
    it.concurrent(what, async ({ expect }) => {
      const { code, stdout, stderr } = await markwise('check', file(name, lines.join('\n')), '--policy', 'micklefield', '--today', DAY, '--json');
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toContain(message);
      expect(stderr).toContain('nothing was checked');
    });
  }

  it('every bad row is reported, up to 20, then how many more', async () => {
    const rows = Array.from({ length: 23 }, (_, i) => `A${i},Pupil ${i},2025-11-${String(i + 1).padStart(2, '0')},XM,/,`);
    const { code, stderr } = await markwise('check', csv('many.csv', ...rows), '--policy', 'dfe', '--today', DAY);
    expect(code).toBe(2);
    expect(stderr.match(/many\.csv line \d+, column session/g)).toHaveLength(20);
    expect(stderr).toContain('many.csv line 21, column session');
    expect(stderr).not.toContain('many.csv line 22,');
    expect(stderr).toContain('and 3 more');
  });

  it('a JSON register snapshot with a bad field names its path', async () => {
    const snapshot = file('bad-snapshot.json', JSON.stringify({ pupils: [{ upn: 'A1', name: 'Ada', marks: [{ date: '05/11/2025', session: 'AM', mark: '/' }] }] }));
    const { code, stderr } = await markwise('check', snapshot, '--policy', 'dfe', '--today', DAY);
    expect(code).toBe(2);
    expect(stderr).toContain('bad-snapshot.json pupils[0].marks[0].date: must be a real date written as YYYY-MM-DD');
  });

  it('a malformed policy file names the field; broken JSON names the line', async () => {
    const register = csv('one.csv', `A1,Ada,${DAY},AM,/,`);
    const dfe = JSON.parse((await markwise('policy', 'dfe')).stdout);
    const [wrongField, brokenJson] = await Promise.all([
      markwise('check', register, '--policy', file('wrong-field.json', JSON.stringify({ ...dfe, attendanceTarget: 'high' })), '--today', DAY),
      markwise('check', register, '--policy', file('broken.json', '{\n  "schemaVersion": 1,\n  "id": "x"\n  "schoolName": "Y"\n}'), '--today', DAY),
    ]);
    expect([wrongField.code, wrongField.stdout]).toEqual([2, '']);
    expect(wrongField.stderr).toContain('wrong-field.json: Attendance target (%): must be a percentage');
    expect(wrongField.stderr).toContain('(in the file: attendanceTarget)');
    expect(brokenJson.code).toBe(2);
    expect(brokenJson.stderr).toContain('broken.json line 4: not valid JSON');
  });

  it('an unknown preset names the presets', async () => {
    const { code, stderr } = await markwise('check', csv('preset.csv', `A1,Ada,${DAY},AM,/,`), '--policy', 'leeds', '--today', DAY);
    expect(code).toBe(2);
    expect(stderr).toContain(`'leeds' is not a preset (the presets are ${PRESET_IDS.join(', ')})`);
  });

  it('a missing file, an impossible --today, an unknown command or option, or no --policy', async () => {
    const register = csv('fine.csv', `A1,Ada,${DAY},AM,/,`);
    const runs = await Promise.all([
      markwise('check', join(dir, 'nope.csv'), '--policy', 'dfe', '--today', DAY),
      markwise('check', register, '--policy', 'dfe', '--today', '2025-02-29'),
      markwise('frobnicate'),
      markwise('check', register, '--policy', 'dfe', '--jsn'),
      markwise('check', register, '--today', DAY),
      markwise('check', register, '--policy', 'dfe', '--role', 'head'),
      markwise(),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(runs.map((r) => r.stdout)).toEqual(['', '', '', '', '', '', '']);
    const [missing, today, command, option, policy, role, nothing] = runs.map((r) => r.stderr);
    expect(missing).toContain('nope.csv');
    expect(missing).toContain('no such file');
    expect(today).toContain("--today: '2025-02-29' is not a real date");
    expect(command).toContain("unknown command 'frobnicate'");
    expect(option).toContain("'--jsn'");
    expect(policy).toContain('check needs --policy');
    expect(role).toContain("--role: 'head' is not a role");
    expect(nothing).toContain('Usage:');
  });
});

describe('today, when --today is not given', () => {
  it('is the date in England: 00:30 BST is already the next day, 23:30 GMT is not', () => {
    // BST in 2025 runs from 30 March to 26 October (01:00 UTC each time).
    expect(londonDate(Date.parse('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
    expect(londonDate(Date.parse('2025-06-30T22:59:00Z'))).toBe('2025-06-30');
    expect(londonDate(Date.parse('2025-12-01T23:30:00Z'))).toBe('2025-12-01');
    expect(londonDate(Date.parse('2025-12-02T00:00:00Z'))).toBe('2025-12-02');
  });

  it('the command uses it for the report', async () => {
    const register = csv('now.csv', `A1,Ada,${DAY},AM,/,`);
    const before = londonDate(Date.now());
    const { stdout } = await markwise('check', register, '--policy', 'dfe', '--json');
    const after = londonDate(Date.now());
    expect([before, after]).toContain(JSON.parse(stdout).today);
  });
});

describe('the readable report', () => {
  it('says the school, the date in British form, the policy warnings before the findings, then the pupils', async () => {
    const register = csv(
      'readable.csv',
      `A1,"O'Connor, Olivia",${DAY},AM,L,09:40`,
      `A1,"O'Connor, Olivia",${DAY},PM,\\,`,
      `B2,Ben Ng,${DAY},AM,N,`,
      `B2,Ben Ng,${DAY},PM,N,`,
    );
    // Ben's Ns of Wed 5 Nov are due on Wed 12 Nov: on Mon 10 Nov two school days are left.
    const { code, stdout } = await markwise('check', register, '--policy', 'micklefield', '--today', '2025-11-10');
    expect(code).toBe(1);
    expect(stdout).toContain('School:  Micklefield CE Primary Academy (policy micklefield)');
    expect(stdout).toContain('Today:   Mon 10 Nov 2025');
    const warning = stdout.indexOf('WARNING Registers close at 09:25');
    const errors = stdout.indexOf('ERROR late-should-be-u (1)');
    const warnings = stdout.indexOf('WARNING n-due-soon (2)');
    const pupils = stdout.indexOf('Pupils, lowest attendance first');
    expect(warning).toBeGreaterThan(-1);
    expect([warning < errors, errors < warnings, warnings < pupils]).toEqual([true, true, true]);
    expect(stdout).toContain("  ERROR O'Connor, Olivia (A1), Wed 5 Nov 2025 AM, mark L, suggested U");
    // Ben missed both sessions: 0%, so he is listed first.
    expect(stdout.slice(pupils)).toMatch(/Ben Ng +B2 +0\.0% +Below 80% +5 +PA +SA\n {2}O'Connor, Olivia +A1 +100\.0% +90% and above +1 +- +-/);
    // Plain text when not a terminal, and nothing wider than a 100-column terminal.
    expect(stdout).not.toContain('\u001b[');
    expect(Math.max(...stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
  });
});

describe('term dates that stop short of July (issue 11, item 7)', () => {
  it('are warned about in the report, naming the year and where the terms stop', async () => {
    const policy = structuredClone(presetInput('micklefield')) as unknown as { calendar: { academicYears: { label: string; terms: unknown[] }[] } };
    const year = policy.calendar.academicYears.find((y) => y.label === '2025-26')!;
    year.terms = year.terms.slice(0, 1);
    const policyFile = file('autumn-only-policy.json', JSON.stringify(policy));
    const register = csv('autumn-only.csv', `A1,Ada Lovelace,${DAY},AM,/,`);
    const { code, stdout } = await markwise('check', register, '--policy', policyFile, '--today', '2025-11-10');
    expect(code).toBe(0);
    expect(stdout).toMatch(/WARNING 2025-26: the terms end on Fri 19 Dec 2025, not in July: days outside the terms are not\s+school\s+days/);
  });
});

describe('the readable report, in process', () => {
  /** The demo register as the command reads it, evaluated with the given checks. */
  function demoReport(checks = CHECKS): TextReportInput {
    const policy = presetPolicy('micklefield');
    const calendar = schoolCalendarFor(policy.calendar);
    const read = readRegisterExport(demoCsv(), 'register.csv');
    if (!read.ok) throw new Error('the demo register does not read');
    const evaluation = evaluateRegister(read.snapshot, { policy, calendar, today: DEMO_TODAY, checks });
    return { policy, today: DEMO_TODAY, role: 'office', file: 'register.csv', marks: 0, warnings: policyWarnings(policy, calendar, DEMO_TODAY), evaluation };
  }

  it('colour (on a terminal) only adds to the plain text: every severity is still written as a word', () => {
    const input = demoReport();
    const coloured = textReport({ ...input, style: COLOURED });
    const plain = textReport({ ...input, style: PLAIN });
    expect(coloured).toContain('\u001b[1;31mERROR\u001b[0m');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('a check that fails is reported after the pupils, and the other checks still report', () => {
    const broken = { id: 'broken-check', rules: [], run: () => { throw new Error('no calendar for 1999'); } };
    const text = textReport(demoReport([...CHECKS, broken]));
    expect(text.indexOf('Could not check (')).toBeGreaterThan(text.indexOf('Pupils, lowest attendance first'));
    expect(text).toContain('Could not check: the whole register of 28 pupils');
    expect(text.replace(/\n +/g, ' ')).toMatch(/ERROR could not check [^\n]* \(A\d+\), the whole register: the broken-check check failed: no calendar for 1999/);
    expect(text).toContain('ERROR n-overdue');
  });

  it('attendance is shown to one decimal place, rounded down so it never shows a band not reached', () => {
    expect([attendanceText(90), attendanceText(89.96), attendanceText(100), attendanceText(0), attendanceText((100 * 2) / 3), attendanceText(null)]).toEqual([
      '90.0%',
      '89.9%',
      '100.0%',
      '0.0%',
      '66.6%',
      'none yet',
    ]);
  });
});

describe('markwise demo and help', () => {
  it('the demo register holds at least one finding of every rule, and the teacher a code they may not use', async () => {
    const [office, teacher] = await Promise.all([
      markwise('check', 'demo/register.csv', '--policy', 'micklefield', '--today', DEMO_TODAY, '--json'),
      markwise('check', 'demo/register.csv', '--policy', 'micklefield', '--today', DEMO_TODAY, '--json', '--role', 'teacher'),
    ]);
    expect(office.code).toBe(1);
    const report = JSON.parse(office.stdout);
    const found = new Set(report.findings.map((f: JsonFinding) => f.rule));
    // Micklefield lets office staff enter every code, so only a teacher can break code-not-allowed.
    expect(RULE_IDS.filter((id) => !found.has(id))).toEqual(['code-not-allowed']);
    expect(JSON.parse(teacher.stdout).findings.some((f: JsonFinding) => f.rule === 'code-not-allowed')).toBe(true);

    const pupils: JsonPupil[] = report.pupils;
    expect(pupils.length).toBeGreaterThanOrEqual(25);
    expect(new Set(pupils.map((p) => p.band))).toEqual(new Set(['90% and above', '80% to 90%', 'Below 80%']));
    // The tiers a pupil can enter: 1, and the first of each shared range (2 below 90%, 5 below 80%).
    expect(new Set(pupils.map((p) => p.tier))).toEqual(new Set([1, 2, 5]));
    expect(pupils.filter((p) => p.attendance === 90).map((p) => p.band)).toEqual(['90% and above']);
    expect(pupils.map((p) => p.name)).toEqual(expect.arrayContaining(["Olivia O'Connor", 'Jones, Ffion']));
  });

  it('npm start prints the readable report, says how to check your own export, and exits 0', async () => {
    const { code, stdout } = await markwise('demo');
    expect(code).toBe(0);
    expect(stdout).toContain('School:  Micklefield CE Primary Academy');
    expect(stdout).toContain('Today:   Wed 26 Nov 2025');
    expect(stdout).toMatch(/^ERROR n-overdue \(\d+\)/m);
    expect(stdout).toContain('npx markwise check YOUR-EXPORT.csv --policy micklefield');
  });

  it('help and --help list the usage, every preset and every rule id, one a line', async () => {
    const [help, dashHelp] = await Promise.all([markwise('help'), markwise('check', '--help')]);
    expect([help.code, dashHelp.code]).toEqual([0, 0]);
    expect(dashHelp.stdout).toBe(help.stdout);
    expect(help.stdout).toContain('markwise check FILE --policy');
    const lines = help.stdout.split('\n');
    for (const id of [...PRESET_IDS, ...RULE_IDS]) expect(lines.filter((line) => line.startsWith(`  ${id} `))).toHaveLength(1);
  });

  it('the committed demo register is what the generator makes', () => {
    expect(readFileSync(join(root, 'demo/register.csv'), 'utf8')).toBe(demoCsv());
  });

  it('the demo register has marks only on school days of the Leeds calendar, besides the July 2024 rows and one Saturday', async () => {
    const { SchoolCalendar } = await import('../rules/calendar/school-calendar');
    const { presetPolicy } = await import('../rules/presets');
    const calendar = schoolCalendarFor(presetPolicy('micklefield').calendar);
    const dates = new Set(demoCsv().split('\n').slice(1, -1).map((row) => row.match(/\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}/)![0]));
    const notSchoolDays = [...dates].filter((d) => d.includes('-') && !calendar.isSchoolDay(d));
    expect(notSchoolDays).toEqual(['2025-11-15']);
    expect([...dates].filter((d) => d.includes('/')).sort()).toEqual(['09/07/2024', '10/07/2024', '11/07/2024']);
  });
});

describe('a check that could not run is never "No problems found" (issue 11, item 11)', () => {
  it('a date before 2000 is bad input, with its line and column: 24/11/1925 is a typo, not a register', async () => {
    const register = csv('typo-1925.csv', 'A1,Ada,24/11/1925,AM,N,', 'A1,Ada,2025-11-12,AM,N,');
    const { code, stdout, stderr } = await markwise('check', register, '--policy', 'micklefield', '--today', '2025-11-26');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain("typo-1925.csv line 2, column date: '24/11/1925' is before 2000");
    expect(stderr).toContain('nothing was checked');
  });

  it('the year 2000 starts the dates read: 31/12/1999 is refused, 01/01/2000 is read', async () => {
    const [before, from] = await Promise.all([
      markwise('check', csv('y1999.csv', 'A1,Ada,31/12/1999,AM,/,'), '--policy', 'dfe', '--today', '2025-11-26'),
      markwise('check', csv('y2000.csv', 'A1,Ada,01/01/2000,AM,/,'), '--policy', 'dfe', '--today', '2025-11-26', '--json'),
    ]);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain("y1999.csv line 2, column date: '31/12/1999' is before 2000");
    expect(from.code).toBe(0);
  });

  it('a date more than a year after today is bad input; a year after today exactly is read', async () => {
    const [later, yearAhead] = await Promise.all([
      markwise('check', csv('far.csv', 'A1,Ada,2026-11-27,AM,/,'), '--policy', 'dfe', '--today', '2025-11-26'),
      markwise('check', csv('year-ahead.csv', 'A1,Ada,2026-11-26,AM,/,'), '--policy', 'dfe', '--today', '2025-11-26', '--json'),
    ]);
    expect(later.code).toBe(2);
    expect(later.stderr).toContain("far.csv line 2, column date: '2026-11-27' is more than a year after today (Wed 26 Nov 2025)");
    expect(yearAhead.code).toBe(0);
  });

  it('a JSON snapshot with a date before 2000 names its path', async () => {
    const snapshot = file('old.json', JSON.stringify({ pupils: [{ upn: 'A1', name: 'Ada', marks: [{ date: '1925-11-24', session: 'AM', mark: 'N' }] }] }));
    const { code, stderr } = await markwise('check', snapshot, '--policy', 'dfe', '--today', '2025-11-26');
    expect(code).toBe(2);
    expect(stderr).toContain('pupils[0].marks[0].date');
    expect(stderr).toContain('before 2000');
  });

  /**
   * A school closed from Mon 10 Nov 2025 to the end of 2026-27 has no school day for more than
   * 400 days, so the deadline of an N from Wed 5 Nov 2025 cannot be found: the check fails for that
   * mark. The N from Mon 27 Oct 2025 (due Mon 3 Nov) is still overdue and must still be reported.
   */
  const closedSchool = () => join(root, 'cli/fixtures/closed-school.policy.json');

  it('a check that fails on one mark fails for that mark only: the pupil\'s other N is still overdue, and the command exits 3', async () => {
    const register = csv('closed.csv', 'A1,Ada,2025-10-27,AM,N,', 'A1,Ada,2025-11-05,AM,N,', 'B1,Bo,2025-10-27,AM,/,');
    const { code, stdout, stderr } = await markwise('check', register, '--policy', closedSchool(), '--today', '2025-11-26', '--json');
    expect(code).toBe(3);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['policy', 'today', 'findings', 'unknownCodes', 'pupils', 'failures']);
    expect(report.findings.filter((f: JsonFinding) => f.rule === 'n-overdue').map((f: JsonFinding) => [f.upn, f.date])).toEqual([['A1', '2025-10-27']]);
    expect(report.failures).toEqual([
      { check: 'unexplained-absence', upn: 'A1', date: '2025-11-05', session: 'AM', message: expect.stringContaining('No 5 school days found after 2025-11-05') },
    ]);
    expect(stderr).toContain('could not check');
  });

  it('the readable report says "could not check", names the pupil and mark, and never "No problems found"', async () => {
    const register = csv('closed-only.csv', 'A1,Ada,2025-11-05,AM,N,');
    const { code, stdout } = await markwise('check', register, '--policy', closedSchool(), '--today', '2025-11-26');
    expect(code).toBe(3);
    expect(stdout).not.toContain('No problems found');
    expect(stdout).toMatch(/Could not check: 1 mark of 1 pupil/);
    expect(stdout).toMatch(/could not check .*Ada \(A1\), Wed 5 Nov 2025 AM/i);
  });
});

describe("a pupil's standing counts the school year's school days only (issue 11, item 13)", () => {
  it('marks from the previous school year are not counted: 5 from July 2024 beside 2025-26 marks', async () => {
    const july = ['2024-07-08', '2024-07-09', '2024-07-10', '2024-07-11', '2024-07-12'].map((d) => `A1,Ada,${d},AM,O,`);
    const register = csv('two-years.csv', ...july, `A1,Ada,${DAY},AM,/,`, `A1,Ada,${DAY},PM,\\,`);
    const report = JSON.parse((await markwise('check', register, '--policy', 'micklefield', '--today', DAY, '--json')).stdout);
    expect(report.pupils[0]).toMatchObject({ possibleSessions: 2, attendedSessions: 2, attendance: 100, tier: 1, persistentAbsence: false });
  });

  it('one O on a Saturday is a finding of its own and is not counted: no 0%, no severe absence, no tier 5', async () => {
    // Sat 8 Nov 2025.
    const register = csv('saturday.csv', 'A1,Ada,2025-11-08,AM,O,');
    const { code, stdout } = await markwise('check', register, '--policy', 'micklefield', '--today', DAY, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.findings.map((f: JsonFinding) => [f.rule, f.severity, f.date, f.mark])).toEqual([['mark-not-school-day', 'warning', '2025-11-08', 'O']]);
    expect(report.findings[0].message).toContain('Saturday');
    expect(report.pupils[0]).toMatchObject({ possibleSessions: 0, attendance: null, band: null, tier: null, severeAbsence: false });
  });

  it('a mark on a bank holiday, in half term or in the holidays is a finding; the school days beside them count', async () => {
    // Leeds 2025-26 (micklefield): half term Mon 27 to Fri 31 Oct 2025; Thu 25 Dec 2025 is a bank holiday in the Christmas holiday.
    const register = csv('closed-days.csv', 'A1,Ada,2025-10-27,AM,O,', 'A1,Ada,2025-12-25,AM,O,', `A1,Ada,${DAY},AM,/,`);
    const report = JSON.parse((await markwise('check', register, '--policy', 'micklefield', '--today', '2026-01-05', '--json')).stdout);
    const notSchool = report.findings.filter((f: JsonFinding) => f.rule === 'mark-not-school-day');
    expect(notSchool.map((f: JsonFinding) => f.date)).toEqual(['2025-10-27', '2025-12-25']);
    expect(notSchool[0].message).toContain('half term');
    expect(notSchool[1].message).toContain('bank holiday');
    expect(report.pupils[0]).toMatchObject({ possibleSessions: 1, attendance: 100 });
  });

  it('a blank cell or # on a day without school is not a finding', async () => {
    const register = csv('blank-weekend.csv', 'A1,Ada,2025-11-08,AM,,', 'A1,Ada,2025-11-08,PM,#,', `A1,Ada,${DAY},AM,/,`);
    const report = JSON.parse((await markwise('check', register, '--policy', 'micklefield', '--today', DAY, '--json')).stdout);
    expect(report.findings).toEqual([]);
  });

  it('the school year changes on 1 September: Fri 29 Aug 2025 counts in 2024-25, Mon 1 Sep 2025 in 2025-26', async () => {
    // dfe has no term dates: every weekday but a bank holiday is a school day.
    const register = csv('september.csv', 'A1,Ada,2025-08-29,AM,O,', 'A1,Ada,2025-09-01,AM,/,');
    const [august, september] = await Promise.all([
      markwise('check', register, '--policy', 'dfe', '--today', '2025-08-31', '--json'),
      markwise('check', register, '--policy', 'dfe', '--today', '2025-09-01', '--json'),
    ]);
    expect(JSON.parse(august.stdout).pupils[0]).toMatchObject({ possibleSessions: 1, attendance: 0 });
    expect(JSON.parse(september.stdout).pupils[0]).toMatchObject({ possibleSessions: 1, attendance: 100 });
  });

  it('--school-year counts the year asked for: last year\'s export checked in the autumn', async () => {
    const register = csv('last-year.csv', 'A1,Ada,2025-07-14,AM,/,', 'A1,Ada,2025-07-14,PM,O,', `A1,Ada,${DAY},AM,O,`);
    const [asked, current] = await Promise.all([
      markwise('check', register, '--policy', 'dfe', '--today', DAY, '--school-year', '2024-25', '--json'),
      markwise('check', register, '--policy', 'dfe', '--today', DAY, '--json'),
    ]);
    expect(JSON.parse(asked.stdout).pupils[0]).toMatchObject({ possibleSessions: 2, attendance: 50 });
    expect(JSON.parse(current.stdout).pupils[0]).toMatchObject({ possibleSessions: 1, attendance: 0 });
    const bad = await markwise('check', register, '--policy', 'dfe', '--today', DAY, '--school-year', '2024');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--school-year: '2024' is not a school year (expected such as 2024-25)");
  });
});

describe('bands and tiers on the right side of their line (issue 11, item 14)', () => {
  /** Ten school days, Mon 3 to Fri 14 Nov 2025: 20 sessions, the first `absent` of them I (illness). */
  const register = (name: string, absent: number) => {
    const days = ['03', '04', '05', '06', '07', '10', '11', '12', '13', '14'].map((d) => `2025-11-${d}`);
    const sessions = days.flatMap((d) => [`${d},AM`, `${d},PM`]);
    return csv(name, ...sessions.map((s, i) => `A1,Ada,${s},${i < absent ? 'I' : s.endsWith('AM') ? '/' : '\\'},`));
  };

  it('dfe: exactly 90.0% (2 of 20 missed, "10% or more") is persistently absent and tier 2; 95.0% is not', async () => {
    const [ninety, ninetyFive] = await Promise.all([
      markwise('check', register('ninety.csv', 2), '--policy', 'dfe', '--today', '2025-11-14', '--json'),
      markwise('check', register('ninety-five.csv', 1), '--policy', 'dfe', '--today', '2025-11-14', '--json'),
    ]);
    expect(JSON.parse(ninety.stdout).pupils[0]).toMatchObject({ attendance: 90, band: 'Persistently absent', tier: 2, persistentAbsence: true });
    expect(JSON.parse(ninetyFive.stdout).pupils[0]).toMatchObject({ attendance: 95, band: 'Not persistently absent', tier: 1, persistentAbsence: false });
  });

  it('valence: exactly 95.0% is "95% and below" and tier 2, as its policy says "with 95% attendance and below"', async () => {
    const { stdout } = await markwise('check', register('valence-95.csv', 1), '--policy', 'valence', '--today', '2025-11-14', '--json');
    expect(JSON.parse(stdout).pupils[0]).toMatchObject({ attendance: 95, band: '95% and below', tier: 2 });
  });

  it('dfe: exactly 50.0% is severely absent and tier 3', async () => {
    const { stdout } = await markwise('check', register('fifty.csv', 10), '--policy', 'dfe', '--today', '2025-11-14', '--json');
    expect(JSON.parse(stdout).pupils[0]).toMatchObject({ attendance: 50, band: 'Severely absent', tier: 3, severeAbsence: true });
  });
});

describe('the readers tell what they accept (issue 11, item 20)', () => {
  // B801200005001 passes the DfE check (8×2 + 1×4 + 2×5 + 5×10 + 1×13 = 93 = 4×23 + 1: B); A801200005001 does not.
  it('a UPN whose check letter is wrong is warned about with its line, and the register is still checked', async () => {
    const register = csv('upn.csv', `A801200005001,Ada,${DAY},AM,/,`, `B801200005001,Bo,${DAY},AM,/,`);
    const [json, text] = await Promise.all([
      markwise('check', register, '--policy', 'dfe', '--today', DAY, '--json'),
      markwise('check', register, '--policy', 'dfe', '--today', DAY),
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).pupils).toHaveLength(2);
    expect(json.stderr).toContain("markwise: WARNING upn.csv line 2, column upn: 'A801200005001' fails the DfE check letter (it would be B)");
    expect(json.stderr).not.toContain('B801200005001');
    expect(text.stdout).toContain('About the file (1 warning)');
    expect(text.stdout.replace(/\n +/g, ' ')).toContain("upn.csv line 2, column upn: 'A801200005001' fails the DfE check letter");
  });

  it('a temporary UPN (a letter last) with the right check letter is not warned about; a wrong one is', async () => {
    const good = temporaryUpn('80120000500', 'A');
    const wrong = `${good[0] === 'A' ? 'B' : 'A'}${good.slice(1)}`;
    const { stderr } = await markwise('check', csv('temporary.csv', `${good},Ada,${DAY},AM,/,`, `${wrong},Bo,${DAY},AM,/,`), '--policy', 'dfe', '--today', DAY, '--json');
    expect(stderr).not.toContain(`'${good}'`);
    expect(stderr).toContain(`'${wrong}' fails the DfE check letter`);
  });

  it('a date of birth after today is refused, with its line and column; today itself is read', async () => {
    const header = 'upn,name,date,session,mark,arrival,dob';
    const [future, born] = await Promise.all([
      markwise('check', file('dob-future.csv', `${header}\nA1,Ada,${DAY},AM,/,,2025-11-06\n`), '--policy', 'dfe', '--today', DAY),
      markwise('check', file('dob-today.csv', `${header}\nA1,Ada,${DAY},AM,/,,2025-11-05\n`), '--policy', 'dfe', '--today', DAY, '--json'),
    ]);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain("dob-future.csv line 2, column dob: '2025-11-06' is after today (Wed 5 Nov 2025): a date of birth cannot be in the future");
    expect(born.code).toBe(0);
  });
});

/** A temporary UPN: the DfE check letter over 11 digits and a final letter (worth its place in the check alphabet). */
function temporaryUpn(eleven: string, last: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRTUVWXYZ';
  const values = [...eleven].map(Number).concat(alphabet.indexOf(last));
  const sum = values.reduce((n, v, i) => n + v * (i + 2), 0);
  return `${alphabet[sum % 23]}${eleven}${last}`;
}
