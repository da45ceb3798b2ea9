// Issue 13 item 3 on the command line, through main() as a person runs it: an untranslated school
// code is reported once per code with its count, not once per mark, and the policy's school codes
// read a school's own codes as the DfE codes they stand for.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { presetInput } from '../rules/presets';
import { EXIT_BAD_INPUT, EXIT_ERRORS_FOUND, main } from './markwise';
import { PLAIN } from './report';

const dir = mkdtempSync(join(tmpdir(), 'markwise-school-codes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (t) => out.push(t), err: (t) => err.push(t), style: PLAIN, now: () => Date.parse('2025-11-07T12:00:00Z') });
  return { code, stdout: out.join(''), stderr: err.join('\n') };
}

// Markwise's own register CSV (README, "Checking an exported register"): a SIMS school's marks
// as its MIS writes them, with its COVID-era code 7 and its own code [ (shared/reference/
// mis-exports.md, "SIMS": 7, 8, 9, =, [, ]), and '-' for no mark recorded. Q is a DfE code
// since 19 August 2024 (not unknown), so [ stands in for a second unknown code.
// Mon 3 to Fri 7 Nov 2025 are school days in the micklefield preset's Leeds calendar. Both
// pupils (born 2015 and 2014) are of compulsory school age, so X is wrong for them.
const register = file(
  'sims-codes.csv',
  [
    'upn,name,date,session,mark,arrival,dob',
    'A1,Ada Okafor,2025-11-03,AM,7,,2015-03-01',
    'A1,Ada Okafor,2025-11-03,PM,7,,2015-03-01',
    'A1,Ada Okafor,2025-11-04,AM,[,,2015-03-01',
    'A1,Ada Okafor,2025-11-04,PM,\\,,2015-03-01',
    'B2,Ben Smith,2025-11-05,AM,7,,2014-10-12',
    'B2,Ben Smith,2025-11-05,PM,[,,2014-10-12',
    'B2,Ben Smith,2025-11-06,AM,-,,2014-10-12',
    'B2,Ben Smith,2025-11-06,PM,Q,,2014-10-12',
  ].join('\n'),
);

// By hand: 7 is on 3 marks of 2 pupils (A1 twice, B2 once), 3 Nov to 5 Nov; [ on 2 marks of
// 2 pupils, 4 Nov to 5 Nov; '-' is a blank; Q and \ are DfE codes.
const SEVEN = "'7' is not a DfE code and not in the policy's school codes: 3 marks of 2 pupils, 3 Nov – 5 Nov 2025.";
const BRACKET = "'[' is not a DfE code and not in the policy's school codes: 2 marks of 2 pupils, 4 Nov – 5 Nov 2025.";
const count = (text: string, part: string) => text.split(part).length - 1;
const oneLine = (text: string) => text.replace(/\n +/g, ' ');

describe('markwise check: a school code the policy does not translate', () => {
  it('is one line per code with its count, not one finding per mark', () => {
    const { code, stdout } = run('check', register, '--policy', 'micklefield', '--today', '2025-11-07');
    expect(code).toBe(EXIT_ERRORS_FOUND);
    const text = oneLine(stdout);
    expect(count(text, SEVEN)).toBe(1);
    expect(count(text, BRACKET)).toBe(1);
    expect(count(text, "Add it to the policy's school codes (options page, or the policy file's schoolCodes) to check these marks.")).toBe(2);
    // The per-mark wording is not repeated for each of the 5 marks.
    expect(text).not.toMatch(/'[^']*' is not a DfE attendance code/);
    expect(text).toContain('code-unknown (5): a mark that is not a DfE attendance code');
    expect(text).not.toMatch(/'-'.*not a DfE code|'Q' is not/);
    // Said, not silently dropped: Ben's 6 Nov AM.
    expect(text).toContain("Blank:   1 mark written '-' (no mark recorded), read as blank");
  });

  it('--json keeps each mark as a finding, for automation, and adds unknownCodes', () => {
    const { stdout } = run('check', register, '--policy', 'micklefield', '--today', '2025-11-07', '--json');
    const report = JSON.parse(stdout);
    expect(report.findings.filter((f: { rule: string }) => f.rule === 'code-unknown').map((f: { mark: string }) => f.mark).sort()).toEqual(['7', '7', '7', '[', '[']);
    expect(report.unknownCodes).toEqual([
      { code: '7', marks: 3, pupils: 2, firstDate: '2025-11-03', lastDate: '2025-11-05' },
      { code: '[', marks: 2, pupils: 2, firstDate: '2025-11-04', lastDate: '2025-11-05' },
    ]);
  });
});

describe("markwise check: the policy's school codes", () => {
  const policy = file(
    'our-policy.json',
    JSON.stringify({ ...presetInput('micklefield'), schoolCodes: [{ code: '7', dfe: 'X', name: 'Not required to attend (COVID-era code)' }] }),
  );

  it("read 7 as X: no unknown-code line for 7, and a line saying what the school's codes were read as", () => {
    const { stdout } = run('check', register, '--policy', policy, '--today', '2025-11-07');
    const text = oneLine(stdout);
    expect(text).toContain("Read by the policy's school codes: 7 → X (3 marks)");
    expect(text).not.toContain("'7' is not a DfE code");
    expect(count(text, BRACKET)).toBe(1);
    expect(text).toContain('code-unknown (2):');
  });

  it('--json: the 7s are checked as X, and only [ is unknown', () => {
    const report = JSON.parse(run('check', register, '--policy', policy, '--today', '2025-11-07', '--json').stdout);
    expect(report.unknownCodes).toEqual([{ code: '[', marks: 2, pupils: 2, firstDate: '2025-11-04', lastDate: '2025-11-05' }]);
    expect(report.findings.some((f: { mark: string }) => f.mark === '7')).toBe(false);
    // Checked as X: wrong for a pupil of compulsory school age, on each of the three.
    const xs = report.findings.filter((f: { rule: string }) => f.rule === 'code-x-compulsory-age');
    expect(xs.map((f: { upn: string; date: string; session: string; mark: string }) => `${f.upn} ${f.date} ${f.session} ${f.mark}`).sort()).toEqual([
      'A1 2025-11-03 AM X',
      'A1 2025-11-03 PM X',
      'B2 2025-11-05 AM X',
    ]);
  });

  it('a policy file whose table has a mistake checks nothing and says which entry and field', () => {
    const bad = file('bad-policy.json', JSON.stringify({ ...presetInput('micklefield'), schoolCodes: [{ code: 'I01', dfe: 'I', name: 'Ill' }, { code: 'L', dfe: 'U', name: 'Late' }] }));
    const { code, stdout, stderr } = run('check', register, '--policy', bad, '--today', '2025-11-07');
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stdout).toBe('');
    expect(stderr).toContain("bad-policy.json: School code 2, the code: L is a DfE code already: the table is for the school's own codes");
  });
});
