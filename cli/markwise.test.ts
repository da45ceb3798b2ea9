// The command line as people and scripts use it: a real process, real files.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../rules/findings';
import { DEMO_TODAY } from '../demo/make-demo-register';

const root = join(__dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'markwise-cli-'));

async function markwise(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['cli/markwise.ts', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const HEADER = 'upn,name,date,session,mark,arrival';

describe('markwise check', () => {
  it('--json prints one object with exactly the documented keys, and exits 1 when there are errors', async () => {
    const csv = file('late.csv', [HEADER, 'A1,Ada Okafor,2025-11-05,AM,L,09:40', 'A1,Ada Okafor,2025-11-05,PM,\\,'].join('\n'));
    const { code, stdout } = await markwise('check', csv, '--policy', 'micklefield', '--today', '2025-11-05', '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['policy', 'today', 'findings', 'pupils']);
    expect(report).toMatchObject({ policy: 'micklefield', today: '2025-11-05' });
    expect(report.findings).toHaveLength(1);
    expect(Object.keys(report.findings[0])).toEqual(['rule', 'severity', 'upn', 'date', 'session', 'mark', 'suggestion', 'message']);
    expect(report.findings[0]).toMatchObject({ rule: 'late-should-be-u', severity: 'error', upn: 'A1', date: '2025-11-05', session: 'AM', mark: 'L', suggestion: 'U' });
    expect(Object.keys(report.pupils[0])).toEqual(['upn', 'name', 'possibleSessions', 'attendedSessions', 'attendance', 'band', 'tier', 'persistentAbsence', 'severeAbsence']);
    expect(report.pupils[0]).toMatchObject({ possibleSessions: 2, attendedSessions: 2, attendance: 100, band: '90% and above', tier: 1 });
  });

  it('exits 0 when there are only warnings, and --role teacher flags office codes', async () => {
    const csv = file('ok.csv', [HEADER, 'A1,Ada,2025-11-05,AM,I,', 'A1,Ada,2025-11-05,PM,I,'].join('\n'));
    expect((await markwise('check', csv, '--policy', 'micklefield', '--today', '2025-11-05')).code).toBe(0);
    const teacher = await markwise('check', csv, '--policy', 'micklefield', '--today', '2025-11-05', '--role', 'teacher', '--json');
    expect(JSON.parse(teacher.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['code-not-allowed', 'code-not-allowed']);
  });

  it('bad rows exit 2 with the file, line and column, and nothing on standard output', async () => {
    const csv = file('bad.csv', [HEADER, 'A1,Ada,31/02/2025,AM,/,', 'A1,Ada,2025-02-03,AM,/,25:00'].join('\n'));
    const { code, stdout, stderr } = await markwise('check', csv, '--policy', 'dfe', '--today', '2025-02-03', '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain("bad.csv line 2, column date: '31/02/2025' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)");
    expect(stderr).toContain("bad.csv line 3, column arrival: '25:00' is not a time of day");
  });

  it('a malformed policy file names the field; an unknown preset names the presets', async () => {
    const csv = file('one.csv', [HEADER, 'A1,Ada,2025-02-03,AM,/,'].join('\n'));
    const policy = file('policy.json', JSON.stringify({ ...JSON.parse((await markwise('policy', 'dfe')).stdout), attendanceTarget: 'high' }));
    const bad = await markwise('check', csv, '--policy', policy, '--today', '2025-02-03');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('attendanceTarget: must be a percentage');
    const unknown = await markwise('check', csv, '--policy', 'leeds', '--today', '2025-02-03');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('dfe, micklefield, valence, highfield-farm, milefield');
  });

  it('an exported preset, passed back as a file, checks the same as the preset', async () => {
    const csv = file('same.csv', [HEADER, 'A1,Ada,2025-11-12,AM,N,'].join('\n'));
    const policy = file('mick.json', (await markwise('policy', 'micklefield')).stdout);
    const viaFile = await markwise('check', csv, '--policy', policy, '--today', '2025-11-26', '--json');
    const viaPreset = await markwise('check', csv, '--policy', 'micklefield', '--today', '2025-11-26', '--json');
    expect(viaFile.stdout).toBe(viaPreset.stdout);
    expect(JSON.parse(viaFile.stdout).findings[0].rule).toBe('n-overdue');
  });

  it('an impossible --today, a missing file, an empty file or an unknown command exits 2', async () => {
    const empty = file('empty.csv', '');
    expect((await markwise('check', empty, '--policy', 'dfe', '--today', '2025-02-30')).stderr).toContain("--today: '2025-02-30' is not a real date");
    expect((await markwise('check', join(dir, 'nope.csv'), '--policy', 'dfe')).code).toBe(2);
    const emptyRun = await markwise('check', empty, '--policy', 'dfe', '--today', '2025-02-03');
    expect([emptyRun.code, emptyRun.stderr.includes('the file is empty')]).toEqual([2, true]);
    expect((await markwise('frobnicate')).code).toBe(2);
  });
});

describe('markwise demo and help', () => {
  it('the demo register holds at least one finding of every rule', async () => {
    const office = JSON.parse((await markwise('check', 'demo/register.csv', '--policy', 'micklefield', '--today', DEMO_TODAY, '--json')).stdout);
    const teacher = JSON.parse((await markwise('check', 'demo/register.csv', '--policy', 'micklefield', '--today', DEMO_TODAY, '--json', '--role', 'teacher')).stdout);
    const found = new Set([...office.findings, ...teacher.findings].map((f: { rule: string }) => f.rule));
    expect([...RULE_IDS].filter((id) => !found.has(id))).toEqual([]);
    const bands = new Set(office.pupils.map((p: { band: string }) => p.band));
    expect(bands).toEqual(new Set(['90% and above', '80% to 90%', 'Below 80%']));
    expect(office.pupils.some((p: { attendance: number }) => p.attendance === 90)).toBe(true);
  });

  it('npm start prints the readable report and exits 0', async () => {
    const { code, stdout } = await markwise('demo');
    expect(code).toBe(0);
    expect(stdout).toContain('School: Micklefield CE Primary Academy');
    expect(stdout).toContain('Checked as of Wed 26 Nov 2025');
    expect(stdout).toMatch(/ERROR {2}n-overdue/);
  });

  it('help lists every rule id and preset', async () => {
    const { stdout, code } = await markwise('help');
    expect(code).toBe(0);
    for (const id of [...RULE_IDS, 'highfield-farm']) expect(stdout).toContain(id);
  });

  it('the committed demo register is what the generator makes', async () => {
    const { readFileSync } = await import('node:fs');
    const Papa = (await import('papaparse')).default;
    const { demoRows } = await import('../demo/make-demo-register');
    const expected = `${Papa.unparse(demoRows(), { columns: ['upn', 'name', 'date', 'session', 'mark', 'arrival', 'dob', 'year'], newline: '\n' })}\n`;
    expect(readFileSync(join(root, 'demo/register.csv'), 'utf8')).toBe(expected);
  });
});
