// The command line reading a Common Transfer File, as a school would run it: `markwise check
// file.xml --policy micklefield --json`. Expected findings and figures worked out by hand from
// test/fixtures/exports/ctf-register.xml (its comment cites the CTF's public sources).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAIN } from './report';
import { main } from './markwise';

const fixtures = join(__dirname, '../test/fixtures/exports');
const dir = mkdtempSync(join(tmpdir(), 'markwise-ctf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Mon 15 Sep 2025: the Monday after the fixture's last marks (Leeds autumn term 2025 started Mon 1 Sep). */
const TODAY = '2025-09-15';

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), style: PLAIN, now: () => Date.parse(`${TODAY}T12:00:00Z`) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('markwise check FILE.xml (a Common Transfer File)', () => {
  it("checks the CTF's marks: the withdrawn H, the two N marks due soon, and each pupil's attendance this school year", () => {
    const { code, stdout, stderr } = run('check', join(fixtures, 'ctf-register.xml'), '--policy', 'micklefield', '--today', TODAY, '--json');
    const report = JSON.parse(stdout);
    expect(report.failures).toEqual([]);
    // Most urgent first. Chloe's H on Fri 5 Sep 2025 AM: withdrawn on 19 Aug 2024, an error. Ada's N on Tue 9 Sep
    // 2025, both sessions: five school days to resolve, so due on Tue 16 Sep, one school day after Mon 15 Sep.
    expect(report.findings.map((f: { rule: string; severity: string; upn: string; date: string; session: string; mark: string }) => [f.rule, f.severity, f.upn, f.date, f.session, f.mark])).toEqual([
      ['code-withdrawn', 'error', 'J383299903001', '2025-09-05', 'AM', 'H'],
      ['n-due-soon', 'warning', 'M383299901001', '2025-09-09', 'AM', 'N'],
      ['n-due-soon', 'warning', 'M383299901001', '2025-09-09', 'PM', 'N'],
    ]);
    // 2025-26 so far (1 to 12 Sep): Ada 17 attended of 20 possible (C1 and two N absent) = 85%; Ben 15 of 20 = 75%
    // (his July 2025 marks are last school year); Chloe 6 of 6 = 100% (Y1 is not a possible session; H and the blank are not counted).
    expect(report.pupils.map((p: { upn: string; name: string; attendance: number | null }) => [p.upn, p.name, p.attendance])).toEqual([
      ['M383299901001', 'Ada Okafor', 85],
      ['Y383299902001', 'Ben Carter', 75],
      ['J383299903001', 'Chloe Dunn', 100],
    ]);
    expect(code).toBe(1);
    // The totals that disagree with the marks are said, with the line and the element, and do not stop the check.
    expect(stderr.split('\n').filter((line) => line.includes('ctf-register.xml'))).toEqual([
      'markwise: WARNING ctf-register.xml line 88, Pupil 2 (UPN Y383299902001) YearData 2025 SessionsAttended: the file says 16 sessions attended but its marks give 15',
      'markwise: WARNING ctf-register.xml line 89, Pupil 2 (UPN Y383299902001) YearData 2025 SessionsUnauthorised: the file says 4 sessions of unauthorised absence but its marks give 5',
    ]);
  });

  it('refuses a CTF carrying a DTD, checking nothing', () => {
    const { code, stdout, stderr } = run('check', join(fixtures, 'ctf-doctype.xml'), '--policy', 'micklefield', '--today', TODAY, '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'ctf-doctype.xml line 2: this XML file declares a DTD (<!DOCTYPE>): a Common Transfer File never has one, and Markwise does not read DTDs or the entities they declare. Export the CTF from the MIS again',
    );
    expect(stderr).not.toContain('root:');
  });

  it('says an XML file that is not a CTF is not one, and where damaged XML broke', () => {
    const other = join(dir, 'report.xml');
    writeFileSync(other, '<?xml version="1.0"?>\n<AttendanceReport/>\n');
    const notCtf = run('check', other, '--policy', 'micklefield', '--today', TODAY);
    expect(notCtf.code).toBe(2);
    expect(notCtf.stderr).toContain("report.xml: this is an XML file, but not a Common Transfer File (its root element is <AttendanceReport>; a CTF's is <CTfile>)");

    const damaged = join(dir, 'damaged.xml');
    writeFileSync(damaged, '<CTfile>\n<CTFpupilData>\n<Pupil>\n</CTFpupilData>\n</CTfile>\n');
    const broken = run('check', damaged, '--policy', 'micklefield', '--today', TODAY);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/damaged\.xml line 4: this XML file is damaged and cannot be read: .*\(line 4, character 1\)/);
  });
});
