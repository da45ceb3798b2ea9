// The command line over week grids (one row a pupil, a column a session), as a school would run it on
// a SIMS report saved from Excel: the fixtures in test/fixtures/exports/ (their README cites the
// shape's source), checked with the micklefield preset. Every finding and figure is worked out by hand.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_ERRORS_FOUND, EXIT_OK, main } from './markwise';
import { PLAIN } from './report';

const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/exports/${name}`, import.meta.url));

/** Wed 26 Nov 2025, the check page's demo day: the week of Mon 17 to Fri 21 Nov 2025 is in the past. */
const TODAY = '2025-11-26';

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, {
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
    style: PLAIN,
    now: () => Date.parse('2025-11-26T12:00:00Z'),
  });
  return { code, out, err };
}

type JsonFinding = { rule: string; severity: string; upn: string; date: string; session: string; mark: string; suggestion: string | null; message: string };
type JsonPupil = { upn: string; name: string; possibleSessions: number; attendedSessions: number; attendance: number | null; band: string | null };

/** Standard error's lines other than the micklefield policy's own notes (which every check prints). */
function fileWarnings(err: string): string[] {
  return err.split('\n').filter((line) => line !== '' && !line.startsWith('markwise: WARNING (policy '));
}

function checked(name: string) {
  const { code, out, err } = run('check', fixture(name), '--policy', 'micklefield', '--today', TODAY, '--json');
  const report = JSON.parse(out) as { findings: JsonFinding[]; pupils: JsonPupil[]; failures: unknown[] };
  return { code, err, report };
}

describe('markwise check on a week grid', () => {
  it('the one-header-row grid: both of Ada’s Monday N marks are overdue; blanks and - are not findings', () => {
    const { code, err, report } = checked('wide-one-header-row.csv');
    expect(fileWarnings(err)).toEqual([]);
    // Micklefield: the reason is due within 5 school days (policy line 239). The 5th school day after
    // Mon 17 Nov 2025 is Mon 24 Nov (Tue 18, Wed 19, Thu 20, Fri 21, Mon 24; Leeds autumn term, no
    // holiday in it), and Wed 26 Nov is 2 school days after that: overdue, an error, change N to O.
    expect(code).toBe(EXIT_ERRORS_FOUND);
    expect(report.findings.map((f) => `${f.rule} ${f.upn} ${f.date} ${f.session} ${f.mark} ${f.suggestion}`)).toEqual([
      'n-overdue M383200119001 2025-11-17 AM N O',
      'n-overdue M383200119001 2025-11-17 PM N O',
    ]);
    expect(report.findings[0]!.message).toContain('it should have been replaced by Mon 24 Nov 2025, 2 school days ago');
    expect(report.failures).toEqual([]);
    // Ada: 10 possible, 8 attended (two N) = 80%. Ben: his L is present, 10 of 10. Chloe: her two '-'
    // on Wednesday are blank, not possible sessions: 8 of 8. Dan: his blank Friday PM likewise, 9 of 9.
    expect(report.pupils.map((p) => [p.upn, p.name, p.possibleSessions, p.attendedSessions, p.attendance, p.band])).toEqual([
      ['M383200119001', 'Ada Okafor', 10, 8, 80, '80% to 90%'],
      ['B383200119002', 'Ben Hughes', 10, 10, 100, '90% and above'],
      ['Q383200119003', 'Chloe Patel', 8, 8, 100, '90% and above'],
      ['E383200119004', 'Dan Smith', 9, 9, 100, '90% and above'],
    ]);
  });

  it('the two-header-row Windows-1252 grid: Siân’s Thursday PM N is due soon, and the names are read right', () => {
    const { code, err, report } = checked('wide-two-header-rows-cp1252.csv');
    expect(fileWarnings(err)).toEqual([]);
    // The 5th school day after Thu 20 Nov 2025 is Thu 27 Nov (Fri 21, Mon 24, Tue 25, Wed 26, Thu 27):
    // on Wed 26 Nov one school day is left, within the policy's warning of 2: due soon, a warning only.
    expect(code).toBe(EXIT_OK);
    expect(report.findings.map((f) => `${f.rule} ${f.severity} ${f.upn} ${f.date} ${f.session} ${f.mark}`)).toEqual([
      'n-due-soon warning B383200120012 2025-11-20 PM N',
    ]);
    expect(report.findings[0]!.message).toContain('1 school day left after today, until Thu 27 Nov 2025');
    // Zoë: I (illness) twice, authorised, possible: 8 of 10. Siân: 9 of 10. Kit: '-' on Tuesday AM is
    // blank, M (medical) is authorised: 8 attended of 9 possible, 88.89%.
    expect(report.pupils.map((p) => [p.upn, p.name, p.possibleSessions, p.attendedSessions, p.band])).toEqual([
      ['M383200120011', 'Zoë O’Brien', 10, 8, '80% to 90%'],
      ['B383200120012', 'Siân Evans', 10, 9, '90% and above'],
      ['Q383200120013', 'Kit Ng', 9, 8, '80% to 90%'],
    ]);
    expect(report.pupils[2]!.attendance).toBeCloseTo(88.89, 2);
  });

  it('the text report says it read a week grid, where its header was, and names the pupils as the file does', () => {
    const { code, out } = run('check', fixture('wide-two-header-rows-cp1252.csv'), '--policy', 'micklefield', '--today', TODAY);
    expect(code).toBe(EXIT_OK);
    const plain = out.replace(/\s+/g, ' ');
    expect(plain).toContain('Read as a week grid, one row a pupil and a column a session.');
    // The day row is line 5, under the title, school, date range and a blank line.
    expect(plain).toContain("The header is on line 5; lines 1–4 above it were skipped as the report's title.");
    expect(plain).toContain("Columns read: UPN from 'UPN'; Surname from 'Legal Surname'; Forename from 'Legal Forename'.");
    // Kit's Tuesday AM.
    expect(plain).toContain("Blank: 1 mark written '-' (no mark recorded), read as blank");
    expect(out).toContain('Siân Evans');
    expect(out).not.toContain('\uFFFD');
  });

  it('a grid whose pupils are numbered, not by UPN: refused until --columns says which column, then checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'markwise-wide-'));
    try {
      const path = join(dir, 'adm.csv');
      writeFileSync(path, 'Adm No,Surname,Forename,Mon 17/11/2025 AM,Mon 17/11/2025 PM\n00412,Okafor,Ada,/,O\n');
      const refused = run('check', path, '--policy', 'micklefield', '--today', TODAY);
      expect(refused.code).toBe(EXIT_BAD_INPUT);
      expect(refused.err).toContain("adm.csv line 1: no column looks like the pupils' UPN (expected a header such as UPN or Unique Pupil Number): say which column it is");
      const given = run('check', path, '--policy', 'micklefield', '--today', TODAY, '--columns', 'upn=Adm No,surname=Surname,forename=Forename', '--json');
      // O (unauthorised absence) is a right mark, so nothing to correct; 1 of 2 possible sessions attended.
      expect(given.code).toBe(EXIT_OK);
      const report = JSON.parse(given.out) as { findings: unknown[]; pupils: JsonPupil[] };
      expect(report.findings).toEqual([]);
      expect(report.pupils.map((p) => [p.upn, p.name, p.possibleSessions, p.attendedSessions])).toEqual([['00412', 'Ada Okafor', 2, 1]]);
      // A long export's columns make no sense for a grid: said, and nothing checked.
      const wrong = run('check', path, '--policy', 'micklefield', '--today', TODAY, '--columns', 'upn=Adm No,surname=Surname,date=Mon 17/11/2025 AM');
      expect(wrong.code).toBe(EXIT_BAD_INPUT);
      expect(wrong.err).toContain('adm.csv line 1, column Mon 17/11/2025 AM: Date: a week grid has no such column');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a grid with a quoted name never closed is refused with the line, and nothing is checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'markwise-wide-'));
    try {
      const path = join(dir, 'broken.csv');
      writeFileSync(path, 'UPN,Name,17/11/2025 AM,17/11/2025 PM\nM383200119001,Ada Okafor,/,\\\nB383200119002,"Hughes, Ben,/,\\\n');
      const { code, err } = run('check', path, '--policy', 'micklefield', '--today', TODAY);
      expect(code).toBe(EXIT_BAD_INPUT);
      expect(err).toContain('broken.csv line 3: a quoted field is not closed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a weekday that disagrees with its date: nothing is checked, and each column is named with its line', () => {
    const { code, out, err } = run('check', fixture('wide-weekday-disagrees.csv'), '--policy', 'micklefield', '--today', TODAY);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(out).toBe('');
    const why = 'it says Wednesday, but 18/11/2025 is a Tuesday (Tue 18 Nov 2025): is the date or the day mistyped? Nothing in this column was read';
    expect(err).toContain('wide-weekday-disagrees.csv could not be read, so nothing was checked');
    expect(err).toContain(`wide-weekday-disagrees.csv line 2, column Wed 18/11/2025 AM: ${why}`);
    expect(err).toContain(`wide-weekday-disagrees.csv line 2, column Wed 18/11/2025 PM: ${why}`);
  });
});
