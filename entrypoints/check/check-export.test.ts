import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_TODAY } from '../../demo/make-demo-register';
import { RULE_IDS } from '../../rules/findings';
import { presetInput } from '../../rules/presets';
import { TEST_POLICY_INPUT } from '../../test/support/rules';
import { MAX_EXPORT_BYTES, checkExport, type ExportCheckProgress, type ExportCheckRequest } from './check-export';

const DEMO = readFileSync(new URL('../../demo/register.csv', import.meta.url));
const HEADER = 'upn,name,date,session,mark,arrival';
const bytes = (text: string) => new TextEncoder().encode(text);
const request = (changes: Partial<ExportCheckRequest>): ExportCheckRequest => ({
  bytes: DEMO,
  fileName: 'register.csv',
  policyInput: presetInput('micklefield'),
  today: DEMO_TODAY,
  role: 'office',
  ...changes,
});

describe('checking a register export on the extension page', () => {
  it('the demo register: every rule but code-not-allowed as office staff, with the policy named and no failures', () => {
    const outcome = checkExport(request({}));
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    expect(outcome.policyName).toBe('Micklefield CE Primary Academy');
    expect(outcome.encoding).toBe('utf-8');
    expect(outcome.failures).toEqual([]);
    expect(new Set(outcome.findings.map((f) => f.rule))).toEqual(new Set(RULE_IDS.filter((r) => r !== 'code-not-allowed')));
    expect(outcome.marks).toBe(DEMO.toString('utf8').trim().split('\n').length - 1);
    expect(outcome.pupils.length).toBeGreaterThan(20);
  });

  it('says what the reader noticed without refusing the file, and refuses a date before 2000 with its line (issue 11, items 11 and 20)', () => {
    const warned = checkExport(request({ bytes: bytes(`${HEADER}\nA801200005001,Ada,2025-11-24,AM,/,\n`) }));
    expect(warned.ok && warned.fileWarnings).toEqual(["register.csv line 2, column upn: 'A801200005001' fails the DfE check letter (it would be B): check the UPN in the MIS"]);
    const typo = checkExport(request({ bytes: bytes(`${HEADER}\nA1,Ada,24/11/1925,AM,N,\n`) }));
    expect(typo.ok ? [] : typo.problems).toEqual([expect.stringContaining("register.csv line 2, column date: '24/11/1925' is before 2000")]);
  });

  it('as a teacher, the codes the policy keeps for the office are flagged', () => {
    const outcome = checkExport(request({ role: 'teacher' }));
    expect(outcome.ok && outcome.findings.some((f) => f.rule === 'code-not-allowed')).toBe(true);
  });

  it('says how far it has got: reading, rising to all of it, then checking', () => {
    const seen: ExportCheckProgress[] = [];
    checkExport(request({}), (p) => seen.push(p));
    const reading = seen.filter((p) => p.stage === 'reading').map((p) => p.fraction);
    expect(reading[0]).toBe(0);
    expect(reading.at(-1)).toBe(1);
    expect(seen.at(-1)).toMatchObject({ stage: 'checking', marks: expect.any(Number), pupils: expect.any(Number) });
  });

  it('a Windows-1252 export is read with its accents, and says so', () => {
    const text = `${HEADER}\nA1,Zoë Brontë,2025-11-05,AM,/,\n`;
    const cp1252 = Uint8Array.from([...text].map((c) => (c === 'ë' ? 0xeb : c.charCodeAt(0))));
    const outcome = checkExport(request({ bytes: cp1252, fileName: 'ansi.csv' }));
    expect(outcome.ok && outcome.encoding).toBe('windows-1252');
    expect(outcome.ok && outcome.pupils[0]?.name).toBe('Zoë Brontë');
  });

  it('bad rows are listed by file, line and column, and nothing is checked', () => {
    const outcome = checkExport(request({ bytes: bytes(`${HEADER}\nA1,Ada,2025-11-05,AM,/,\nA1,Ada,31/02/2025,AM,/,\n`), fileName: 'feb.csv' }));
    expect(outcome).toEqual({
      ok: false,
      fileName: 'feb.csv',
      heading: 'feb.csv could not be read, so nothing was checked',
      problems: ["feb.csv line 3, column date: '31/02/2025' is not a real date (expected YYYY-MM-DD or DD/MM/YYYY)"],
      shape: 'register-long',
    });
  });

  it('an empty file says so', () => {
    const outcome = checkExport(request({ bytes: new Uint8Array(), fileName: 'empty.csv' }));
    expect(outcome.ok ? [] : outcome.problems).toEqual(['empty.csv: the file is empty']);
  });

  it('a file over the limit is refused before it is read, with what to do instead', () => {
    // A view of a large buffer: only its length matters, it is never read.
    const outcome = checkExport(request({ bytes: new Uint8Array(MAX_EXPORT_BYTES + 1), fileName: 'huge.csv' }));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.heading).toBe('huge.csv is larger than the 100 MB Markwise checks at once (100 MB), so nothing was checked');
    expect(!outcome.ok && outcome.problems[0]).toMatch(/a term or a year group at a time/);
  });

  it('a policy that does not validate is refused, naming the field', () => {
    const outcome = checkExport(request({ policyInput: { ...TEST_POLICY_INPUT, attendanceTarget: 105 } }));
    expect(!outcome.ok && outcome.problems).toEqual(['policy attendanceTarget: must be a percentage from 0 to 100']);
  });
});
