import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES_2006, CODES_2024, codeInForce, codeSetOn, normaliseMark, type CountsAs } from './codes';

// The catalogue must not drift from the reference it was written from.
const reference = readFileSync(join(__dirname, '../../shared/reference/attendance-codes.md'), 'utf8');
const COUNTS: Record<string, CountsAs> = { Att: 'present', AEA: 'approved-activity', Auth: 'authorised', Unauth: 'unauthorised' };

function table2024(): Map<string, CountsAs> {
  const section = reference.slice(reference.indexOf('## Code set in force from 19 August 2024'), reference.indexOf('Withdrawn on 19 August 2024'));
  const rows = new Map<string, CountsAs>();
  for (const m of section.matchAll(/^\| `?([^`|]+?)`? \| .+? \| .+? \| (Att|AEA|Auth|Unauth|NC)\b/gm)) {
    rows.set(m[1]!.trim(), m[2] === 'NC' ? 'not-possible' : COUNTS[m[2]!]!);
  }
  return rows;
}

describe('the code catalogue', () => {
  it('holds the 2024 set exactly as attendance-codes.md lists it, with how each counts', () => {
    const expected = table2024();
    expect(expected.size).toBe(34);
    expect(new Map([...CODES_2024].map(([code, c]) => [code, c.counts]))).toEqual(expected);
  });

  it('holds the 2006 set as attendance-codes.md lists it', () => {
    const section = reference.slice(reference.indexOf('## Code set before 19 August 2024'));
    const row = section.split('\n').find((l) => l.startsWith('| / \\ L'))!;
    const cells = row.split('|').slice(1, 6).map((c) => c.replace(/\(F until 2013\)/, 'F').match(/[A-Z#/\\]/g) ?? []);
    const kinds: CountsAs[] = ['present', 'approved-activity', 'authorised', 'unauthorised', 'not-possible'];
    const expected = new Map(cells.flatMap((codes, i) => codes.map((c) => [c, kinds[i]!] as const)));
    expect(new Map([...CODES_2006].map(([code, c]) => [code, c.counts]))).toEqual(expected);
  });

  it('changes code set exactly on 19 August 2024', () => {
    expect(codeSetOn('2024-08-18')).toBe(CODES_2006);
    expect(codeSetOn('2024-08-19')).toBe(CODES_2024);
    for (const code of ['H', 'J', 'Y']) expect([!!codeInForce(code, '2024-08-18'), !!codeInForce(code, '2024-08-19')]).toEqual([true, false]);
    for (const code of ['C1', 'C2', 'J1', 'K', 'Q', 'Y1', 'Y7']) expect([!!codeInForce(code, '2024-08-18'), !!codeInForce(code, '2024-08-19')]).toEqual([false, true]);
    expect([!!codeInForce('F', '2013-08-31'), !!codeInForce('F', '2013-09-01')]).toEqual([true, false]);
    expect([codeInForce('J', '2024-07-10')!.counts, codeInForce('J1', '2024-09-10')!.counts]).toEqual(['approved-activity', 'authorised']);
  });

  it('reads marks as staff and MIS write them', () => {
    const standIns: [string, string][] = [['<', 'C1'], ['>', 'C2'], ['?', 'J1'], ['$', 'Y1'], ['a', 'Y2'], ['%', 'Y3'], ['`', 'Y4'], [':', 'Y5'], ['|', 'Y6'], ['_', 'Y7']];
    for (const [shown, code] of standIns) expect(normaliseMark(shown, 'AM')).toBe(code);
    expect([normaliseMark(' l ', 'AM'), normaliseMark('y1', 'PM'), normaliseMark('', 'AM'), normaliseMark('   ', 'PM')]).toEqual(['L', 'Y1', '', '']);
    expect([normaliseMark('✓', 'AM'), normaliseMark('✓', 'PM')]).toEqual(['/', '\\']);
  });
});
