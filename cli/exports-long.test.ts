// The command line reading register exports as MIS products write them (issue 13): an Arbor-style
// marks list, a SIMS-style report with title rows in Windows-1252, a file without arrival times,
// a column mapping given by a person, and files that are not register exports at all. Each
// fixture cites its shape's public source in test/fixtures/exports/README.md; the findings
// expected here are worked out by hand from the micklefield preset (AM register 08:55, closing
// 09:25; an N must be replaced within 5 school days).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPOSITORY as root, markwise } from '../test/support/cli';

const fixture = (name: string) => join(root, 'test/fixtures/exports', name);
const dir = mkdtempSync(join(tmpdir(), 'markwise-exports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

type JsonFinding = { rule: string; upn: string; date: string; session: string; mark: string };
const found = (stdout: string) => (JSON.parse(stdout).findings as JsonFinding[]).map((f) => `${f.rule} ${f.upn} ${f.date} ${f.session} ${f.mark}`);

describe('register exports as MIS products write them', { timeout: 60_000 }, () => {
  it.concurrent('reads an Arbor-style marks list: Student, Date as DD/MM/YYYY, and minutes late counted from the register start', async ({ expect }) => {
    const { code, stdout } = await markwise('check', fixture('arbor-marks.csv'), '--policy', 'micklefield', '--today', '2025-11-05', '--json');
    // Ada: 30 minutes after 08:55 is 09:25, the minute the register closes: L is right.
    // Arthur: 31 minutes is 09:26, after it closed: U, not L. Cara: 10 minutes is 09:05: L, not U.
    expect(found(stdout)).toEqual(['late-should-be-u J383200025002 2025-11-05 AM L', 'late-should-be-l Y383200025003 2025-11-05 AM U']);
    expect(code).toBe(1);
    const pupils = JSON.parse(stdout).pupils.map((p: { name: string }) => p.name);
    expect(pupils).toEqual(['Okafor, Ada', 'Begum, Arthur', 'Hughes, Cara']);
  });

  it.concurrent('reads a SIMS-style report: title rows skipped, Windows-1252 names, ISO date-times, MinsLate, and "-" as no mark', async ({ expect }) => {
    const { code, stdout, stderr } = await markwise('check', fixture('sims-marks-report.csv'), '--policy', 'micklefield', '--today', '2025-11-14');
    expect(stderr).not.toContain('could not be read');
    expect(code).toBe(1);
    expect(stdout).toContain('Zoë O’Brien');
    // The two Ns of Mon 3 Nov were due by Mon 10 Nov; Sam's '-' is no mark, not an unknown code;
    // I01 is a school sub-code no table translates; 31 minutes late is after the register closed.
    const json = await markwise('check', fixture('sims-marks-report.csv'), '--policy', 'micklefield', '--today', '2025-11-14', '--json');
    expect(found(json.stdout).sort()).toEqual(
      [
        'n-overdue M383200025004 2025-11-03 AM N',
        'n-overdue M383200025004 2025-11-03 PM N',
        'code-unknown B383200025005 2025-11-03 PM I01',
        'late-should-be-u B383200025005 2025-11-04 AM L',
      ].sort(),
    );
    expect(stdout.replace(/\s+/g, ' ')).toContain('lines 1–4 above it were skipped');
    expect(stdout).toMatch(/minutes late/i);
  });

  it.concurrent('reads a file without the arrival column rather than refusing it', async ({ expect }) => {
    const { code, stdout, stderr } = await markwise('check', fixture('no-arrival.csv'), '--policy', 'micklefield', '--today', '2025-11-05', '--json');
    expect(code).toBe(0);
    expect(stderr).not.toContain('could not be read');
    expect(JSON.parse(stdout).pupils).toHaveLength(1);
  });

  it.concurrent('says where to take an attendance summary instead of naming missing columns', async ({ expect }) => {
    const { code, stderr } = await markwise('check', fixture('arbor-summary-for-check.csv'), '--policy', 'micklefield', '--today', '2025-11-05');
    expect(code).toBe(2);
    expect(stderr).toContain('this looks like an attendance summary (one row per pupil');
    expect(stderr).toContain('options page');
    expect(stderr).not.toContain('no column looks like');
  });

  it.concurrent('says an XML file that is not a CTF is not one', async ({ expect }) => {
    const { code, stderr } = await markwise('check', file('feed.xml', '<?xml version="1.0"?>\n<rss><channel/></rss>\n'), '--policy', 'micklefield', '--today', '2025-11-05');
    expect(code).toBe(2);
    expect(stderr).toContain('this is an XML file, but not a Common Transfer File (its root element is <rss>');
  });
});

describe('--columns and --header-line: a person says which column is which', { timeout: 60_000 }, () => {
  // Written once, before the tests: they run at once, and a copy rewritten by one (truncated, then
  // written) was read half-written by another's program (a clean-clone run read exit code 2).
  const oddFile = file(
    'odd.csv',
    ['Pupil Ref,Child,When,Reg,Entry', 'V383200025001,Ada Okafor,05/11/2025,AM,L', 'V383200025001,Ada Okafor,05/11/2025,PM,\\'].join('\n'),
  );
  const odd = () => oddFile;

  it.concurrent('a file whose headers are not guessed is refused, naming each missing field and how to say it', async ({ expect }) => {
    const { code, stderr } = await markwise('check', odd(), '--policy', 'micklefield', '--today', '2025-11-05');
    expect(code).toBe(2);
    expect(stderr).toContain('odd.csv line 1:');
    expect(stderr).toContain('--columns');
  });

  it.concurrent('reads it by the mapping given on the command line', async ({ expect }) => {
    const { code, stdout } = await markwise(
      'check',
      odd(),
      '--columns',
      'upn=Pupil Ref,name=Child,date=When,session=Reg,mark=Entry',
      '--policy',
      'micklefield',
      '--today',
      '2025-11-05',
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).pupils.map((p: { name: string }) => p.name)).toEqual(['Ada Okafor']);
  });

  it.concurrent('reads it by a saved mapping file', async ({ expect }) => {
    const mapping = file('odd.columns.json', JSON.stringify({ upn: 'Pupil Ref', name: 'Child', date: 'When', session: 'Reg', mark: 'Entry' }));
    const { code } = await markwise('check', odd(), '--columns', mapping, '--policy', 'micklefield', '--today', '2025-11-05', '--json');
    expect(code).toBe(0);
  });

  it.concurrent('a mapping with a mistake changes nothing and says what and where', async ({ expect }) => {
    const wrongHeader = await markwise('check', odd(), '--columns', 'upn=Pupil Ref,name=Child,date=Date,session=Reg,mark=Entry', '--policy', 'micklefield', '--today', '2025-11-05');
    expect(wrongHeader.code).toBe(2);
    expect(wrongHeader.stderr).toContain("Date: the file has no column 'Date'");
    expect(wrongHeader.stdout).toBe('');
    const wrongField = await markwise('check', odd(), '--columns', 'pupil=Pupil Ref', '--policy', 'micklefield', '--today', '2025-11-05');
    expect(wrongField.code).toBe(2);
    expect(wrongField.stderr).toContain("--columns: 'pupil' is not a field");
  });

  it.concurrent('--header-line says where the header is when the title rows fool the guess', async ({ expect }) => {
    const titled = file('titled.csv', ['Register for 4A,,,,', 'Date printed,05/11/2025,,,', 'upn,name,date,session,mark', 'V383200025001,Ada Okafor,05/11/2025,AM,/'].join('\n'));
    const found = await markwise('check', titled, '--policy', 'micklefield', '--today', '2025-11-05', '--json');
    expect(found.code).toBe(0);
    const told = await markwise('check', titled, '--header-line', '3', '--policy', 'micklefield', '--today', '2025-11-05', '--json');
    expect(told.code).toBe(0);
    const wrong = await markwise('check', titled, '--header-line', '9', '--policy', 'micklefield', '--today', '2025-11-05');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('the header cannot be on line 9: the file has 4 lines');
  });

  it.concurrent('help explains the mapping', async ({ expect }) => {
    const { stdout } = await markwise('help');
    expect(stdout).toContain('--columns');
    expect(stdout).toContain('--header-line');
    expect(stdout).toContain('minutesLate');
  });
});
