// The code catalogue is read against shared/reference/attendance-codes.md itself,
// so that the catalogue and the reference it was written from cannot drift apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_SET_2024_FROM,
  CODES_2006,
  CODES_2024,
  codeInForce,
  codeSetOn,
  NEW_CODE_ADVICE,
  normaliseMark,
  ONE_CHARACTER_STAND_INS,
  UNAUTHORISED_CODES,
  WITHDRAWN_CODE_ADVICE,
  type CountsAs,
} from './codes';
import { addDays } from './dates';

const reference = readFileSync(join(__dirname, '../../shared/reference/attendance-codes.md'), 'utf8');
const COUNTS: Record<string, CountsAs> = { Att: 'present', AEA: 'approved-activity', Auth: 'authorised', Unauth: 'unauthorised', NC: 'not-possible' };

function section(from: string, to?: string): string {
  const start = reference.indexOf(from);
  expect(start, `attendance-codes.md has the section "${from}"`).toBeGreaterThanOrEqual(0);
  const end = to === undefined ? reference.length : reference.indexOf(to, start);
  expect(end, `attendance-codes.md has "${to}" after "${from}"`).toBeGreaterThan(start);
  return reference.slice(start, end);
}

/** The 2024 table: one row per code, with its "counts" column. */
function table2024(): Map<string, CountsAs> {
  const rows = new Map<string, CountsAs>();
  for (const line of section('## Code set in force from 19 August 2024', 'Withdrawn on 19 August 2024').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | code | meaning | group | counts |: skip the heading and the --- row.
    if (cells.length !== 6 || cells[1] === 'code' || cells[1]!.startsWith('---')) continue;
    const code = cells[1]!.replace(/`/g, '');
    const counts = /^(Att|AEA|Auth|Unauth|NC)\b/.exec(cells[4]!);
    expect(counts, `the counts column of ${code}`).not.toBeNull();
    rows.set(code, COUNTS[counts![1]!]!);
  }
  return rows;
}

/** The 2006 table: one row whose five columns are the five ways a code counts. */
function table2006(): Map<string, CountsAs> {
  const lines = section('## Code set before 19 August 2024', '## Display variants').split('\n');
  const header = lines.find((l) => l.startsWith('| present'))!;
  const row = lines.find((l) => l.startsWith('| / \\ L'))!;
  const kinds: CountsAs[] = ['present', 'approved-activity', 'authorised', 'unauthorised', 'not-possible'];
  expect(header.split('|').slice(1, 6).map((c) => c.trim())).toEqual(['present', 'approved activity (AEA)', 'authorised', 'unauthorised', 'not possible (NC)']);
  const rows = new Map<string, CountsAs>();
  row
    .split('|')
    .slice(1, 6)
    .forEach((cell, i) => {
      // "(F until 2013)" names F, withdrawn in 2013 but part of the set until then.
      for (const code of cell.replace(/\(F until 2013\)/, 'F').match(/[A-Z#/\\]/g) ?? []) rows.set(code, kinds[i]!);
    });
  return rows;
}

const countsOf = (set: ReadonlyMap<string, { counts: CountsAs }>) => new Map([...set].map(([code, c]) => [code, c.counts]));

describe('the code catalogue against attendance-codes.md', () => {
  it('holds every code of the 2024 set, and no other, counting as the reference says', () => {
    const expected = table2024();
    // The reference lists 34 codes: / \ L, K V P W B D, C1 M J1 S X C2 C, T R I E, Q Y1-Y7, G N O U, Z #.
    expect(expected.size).toBe(34);
    expect(countsOf(CODES_2024)).toEqual(expected);
  });

  it('holds every code of the 2006 set, and no other, counting as the reference says', () => {
    const expected = table2006();
    // 3 present, 5 approved activity, 9 authorised (F included), 4 unauthorised, 5 not possible.
    expect(expected.size).toBe(26);
    expect(countsOf(CODES_2006)).toEqual(expected);
  });

  it('has the Capita ONE stand-ins the reference lists, and none of them is a DfE code', () => {
    const line = reference.split('\n').find((l) => l.includes('Capita ONE shows one-character stand-ins'))!;
    // Markdown writes the backtick stand-in as `` ` `` and every other one as `x`.
    const pairs = [...line.matchAll(/(`` ` ``|`[^`]+`) = ([A-Z]\d)/g)].map((m) => [m[1] === '`` ` ``' ? '`' : m[1]!.slice(1, -1), m[2]!]);
    const expected = Object.fromEntries(pairs);
    expect(Object.keys(expected)).toHaveLength(10);
    expect(ONE_CHARACTER_STAND_INS).toEqual(expected);
    for (const [standIn, code] of Object.entries(ONE_CHARACTER_STAND_INS)) {
      expect(CODES_2024.has(standIn) || CODES_2006.has(standIn) || CODES_2024.has(standIn.toUpperCase()), standIn).toBe(false);
      expect(CODES_2024.has(code), code).toBe(true);
    }
  });

  it('gives advice for exactly the codes the reference says were withdrawn: H, J and Y in 2024, F in 2013', () => {
    const withdrawn = section('Withdrawn on 19 August 2024', '\n\n');
    const named = [...withdrawn.matchAll(/\*\*(?:the single )?([A-Z])\*\*/g)].map((m) => m[1]);
    expect(named.sort()).toEqual(['F', 'H', 'J', 'Y']);
    expect(Object.keys(WITHDRAWN_CODE_ADVICE).sort()).toEqual(named);
    // And the catalogue agrees: each is in the 2006 set and not in the 2024 set.
    expect([...CODES_2006.keys()].filter((c) => !CODES_2024.has(c)).sort()).toEqual(named);
  });

  it('gives advice for every code new in 2024, pointing to codes of the 2006 set', () => {
    const added = [...CODES_2024.keys()].filter((c) => !CODES_2006.has(c)).sort();
    expect(added).toEqual(['C1', 'C2', 'J1', 'K', 'Q', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7']);
    expect(Object.keys(NEW_CODE_ADVICE).sort()).toEqual(added);
    for (const advice of Object.values(NEW_CODE_ADVICE)) {
      for (const alt of advice.alternatives) expect(codeInForce(alt, '2024-08-18'), alt).toBeDefined();
    }
  });

  it('counts G, N, O and U, and only they, towards the penalty-notice threshold', () => {
    // attendance-codes.md: "10 sessions of unauthorised absence (G, N, O, U)".
    expect([...UNAUTHORISED_CODES].sort()).toEqual(['G', 'N', 'O', 'U']);
    expect([...CODES_2024.values()].filter((c) => c.counts === 'unauthorised').map((c) => c.code).sort()).toEqual(['G', 'N', 'O', 'U']);
  });
});

describe('which code set is in force', () => {
  it('switches exactly on 19 August 2024 (SI 2024/208)', () => {
    expect(CODE_SET_2024_FROM).toBe('2024-08-19');
    expect(codeSetOn('2024-08-18')).toBe(CODES_2006);
    expect(codeSetOn('2024-08-19')).toBe(CODES_2024);
    expect(codeSetOn('2013-01-01')).toBe(CODES_2006);
    expect(codeSetOn('2030-01-01')).toBe(CODES_2024);
  });

  it('H, J and Y are valid on 18 August 2024 and not on 19 August 2024', () => {
    for (const code of ['H', 'J', 'Y']) {
      expect(codeInForce(code, '2024-08-18'), code).toBeDefined();
      expect(codeInForce(code, '2024-08-19'), code).toBeUndefined();
    }
  });

  it('C1, C2, J1, K, Q and Y1 to Y7 are valid from 19 August 2024 and not before', () => {
    for (const code of ['C1', 'C2', 'J1', 'K', 'Q', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7']) {
      expect(codeInForce(code, '2024-08-18'), code).toBeUndefined();
      expect(codeInForce(code, '2024-08-19'), code).toBeDefined();
    }
  });

  it('F is valid until 31 August 2013 and not from 1 September 2013', () => {
    expect(codeInForce('F', '2013-08-31')?.counts).toBe('authorised');
    expect(codeInForce('F', '2013-09-01')).toBeUndefined();
    expect(codeInForce('F', '2024-08-18')).toBeUndefined();
    expect(codeInForce('F', '2024-08-19')).toBeUndefined();
  });

  it('J counts as an approved activity in 2006, J1 as an authorised absence in 2024', () => {
    expect(codeInForce('J', '2024-07-10')?.counts).toBe('approved-activity');
    expect(codeInForce('J1', '2024-09-10')?.counts).toBe('authorised');
    expect(codeInForce('Y', '2024-07-10')?.counts).toBe('not-possible');
    expect(codeInForce('H', '2024-07-10')?.counts).toBe('authorised');
  });

  it('X is not a possible session in either set', () => {
    expect(codeInForce('X', '2024-08-18')?.counts).toBe('not-possible');
    expect(codeInForce('X', '2024-08-19')?.counts).toBe('not-possible');
  });

  it('codes in both sets are in force every day of both, and each day answers from one set only', () => {
    const day = fc.integer({ min: 0, max: 8000 }).map((k) => addDays('2013-09-01', k));
    fc.assert(
      fc.property(day, fc.constantFrom(...CODES_2024.keys(), ...CODES_2006.keys(), 'A', '', 'H1'), (date, code) => {
        const found = codeInForce(code, date);
        const set = date < '2024-08-19' ? CODES_2006 : CODES_2024;
        // After 2013 every 2006 code but F is in force until the switch; every 2024 code after it.
        expect(found).toBe(code === 'F' ? undefined : set.get(code));
        if (found !== undefined) expect(found.set).toBe(date < '2024-08-19' ? 'dfe-2006' : 'dfe-2024');
      }),
    );
  });
});

describe('advice for withdrawn codes', () => {
  it('J becomes J1', () => {
    expect(WITHDRAWN_CODE_ADVICE.J).toMatchObject({ suggestion: 'J1', alternatives: ['J1'] });
  });

  it('H becomes C or G, depending on whether the school granted leave', () => {
    expect(WITHDRAWN_CODE_ADVICE.H).toMatchObject({ suggestion: null, alternatives: ['C', 'G'] });
  });

  it('Y becomes one of Y1 to Y7', () => {
    expect(WITHDRAWN_CODE_ADVICE.Y).toMatchObject({ suggestion: null, alternatives: ['Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7'] });
  });

  it('every code advised instead of a withdrawn one is in force from 19 August 2024', () => {
    for (const [code, advice] of Object.entries(WITHDRAWN_CODE_ADVICE)) {
      expect(advice.alternatives.length, code).toBeGreaterThan(0);
      if (advice.suggestion !== null) expect(advice.alternatives).toContain(advice.suggestion);
      for (const alt of advice.alternatives) expect(codeInForce(alt, CODE_SET_2024_FROM), `${code} → ${alt}`).toBeDefined();
      expect(advice.advice).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe('normaliseMark', () => {
  it('ignores case and surrounding spaces', () => {
    expect(normaliseMark(' l ', 'AM')).toBe('L');
    expect(normaliseMark('n', 'PM')).toBe('N');
    expect(normaliseMark('\tO\n', 'AM')).toBe('O');
    expect(normaliseMark('c1', 'AM')).toBe('C1');
  });

  it("reads 'y1' as Y1: a lower-case code, not a stand-in", () => {
    expect(normaliseMark('y1', 'AM')).toBe('Y1');
    expect(normaliseMark('y7', 'PM')).toBe('Y7');
    expect(normaliseMark('j1', 'AM')).toBe('J1');
  });

  it('reads the Capita ONE stand-ins as their two-character codes', () => {
    const standIns: [string, string][] = [
      ['<', 'C1'],
      ['>', 'C2'],
      ['?', 'J1'],
      ['$', 'Y1'],
      ['a', 'Y2'],
      ['%', 'Y3'],
      ['`', 'Y4'],
      [':', 'Y5'],
      ['|', 'Y6'],
      ['_', 'Y7'],
    ];
    for (const [shown, code] of standIns) {
      expect(normaliseMark(shown, 'AM'), shown).toBe(code);
      expect(normaliseMark(` ${shown} `, 'PM'), shown).toBe(code);
    }
  });

  it('reads a tick as / in the morning and \\ in the afternoon', () => {
    for (const tick of ['✓', '✔', '✅']) {
      expect(normaliseMark(tick, 'AM')).toBe('/');
      expect(normaliseMark(tick, 'PM')).toBe('\\');
      expect(normaliseMark(` ${tick} `, 'PM')).toBe('\\');
    }
  });

  it('leaves / and \\ as they are in either session (some registers show / in both)', () => {
    expect([normaliseMark('/', 'PM'), normaliseMark('\\', 'AM')]).toEqual(['/', '\\']);
  });

  it('reads a blank mark as the empty string', () => {
    expect([normaliseMark('', 'AM'), normaliseMark('   ', 'PM'), normaliseMark('\t', 'AM')]).toEqual(['', '', '']);
  });

  it("reads SIMS's '-' (no mark recorded) as a blank, not as an unknown code", () => {
    expect([normaliseMark('-', 'AM'), normaliseMark(' - ', 'PM'), normaliseMark('\t-', 'AM')]).toEqual(['', '', '']);
    // Only a lone dash is SIMS's blank: anything more is a mark as written, for the checks to judge.
    expect([normaliseMark('--', 'AM'), normaliseMark('-/', 'AM')]).toEqual(['--', '-/']);
  });

  it('every catalogue code, in any case and with spaces around it, reads as itself', () => {
    const codes = [...new Set([...CODES_2024.keys(), ...CODES_2006.keys()])];
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.boolean(), fc.constantFrom('', ' ', '  ', '\t'), fc.constantFrom<'AM' | 'PM'>('AM', 'PM'), (code, lower, space, session) => {
        const typed = `${space}${lower ? code.toLowerCase() : code}${space}`;
        expect(normaliseMark(typed, session)).toBe(code);
      }),
    );
  });
});
