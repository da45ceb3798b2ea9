import { describe, expect, expectTypeOf, it } from 'vitest';
import { TEST_POLICY_INPUT } from '../../test/support/rules';
import type { SchoolCode } from '../exports/school-codes';
import { markTranslator } from '../exports/school-codes';
import { parsePolicy, parsePolicyShape, type Policy } from './schema';
import { schoolCodePlace } from './school-codes';

// Issue 13 item 3: a table in the school's policy turns the school's own codes and sub-codes
// (SIMS: 7, 8, 9, =, [, ]; I01, X01; shared/reference/mis-exports.md, "SIMS") into DfE codes.

function withTable(schoolCodes: unknown) {
  return parsePolicy({ ...structuredClone(TEST_POLICY_INPUT), schoolCodes });
}

function problemsOf(schoolCodes: unknown) {
  const result = withTable(schoolCodes);
  return result.ok ? [] : result.problems;
}

describe("the policy's school codes", () => {
  it('is optional: a policy written before it existed reads as an empty table, still schemaVersion 1', () => {
    const result = parsePolicy(structuredClone(TEST_POLICY_INPUT));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.schemaVersion).toBe(1);
    expect(result.policy.schoolCodes).toEqual([]);
  });

  it('keeps each entry as written, in order, as the export readers take it', () => {
    const table = [
      { code: 'I01', dfe: 'I', name: "Illness: doctor's note seen" },
      { code: '7', dfe: 'X', name: 'Not required to attend (COVID-era code)' },
      { code: '=', dfe: 'Y7', name: 'Unable to attend' },
      { code: '[', dfe: 'H', name: 'Holiday agreed (before 2024)' },
      { code: ']', dfe: 'C', name: 'Leave of absence' },
      { code: 'x01', dfe: 'C2', name: 'Part-time timetable' },
    ];
    const result = withTable(table);
    expect(result.ok ? result.policy.schoolCodes : result.problems).toEqual(table);
    expectTypeOf<Policy['schoolCodes']>().toMatchTypeOf<readonly SchoolCode[]>();
    if (!result.ok) return;
    // The table parsed is what the translator reads marks by.
    const t = markTranslator(result.policy.schoolCodes);
    expect(['I01', '7', 'i01', 'L', '-'].map((m) => t.mark(m))).toEqual(['I', 'X', 'I', 'L', '']);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an empty code', { code: '', dfe: 'I', name: 'Ill' }, 'school code 2, the code', /^is empty: write the code as the MIS writes it/],
    ['a code of spaces', { code: '  ', dfe: 'I', name: 'Ill' }, 'school code 2, the code', /^is empty/],
    ['a code with a space', { code: 'I 1', dfe: 'I', name: 'Ill' }, 'school code 2, the code', /^'I 1' has a space in it/],
    ['a code of 5 characters', { code: 'ILL01', dfe: 'I', name: 'Ill' }, 'school code 2, the code', /^'ILL01' is longer than 4 characters/],
    ['L, a DfE code', { code: 'L', dfe: 'U', name: 'Late' }, 'school code 2, the code', /^L is a DfE code already: the table is for the school's own codes$/],
    ['l, the DfE code L in small letters', { code: 'l', dfe: 'U', name: 'Late' }, 'school code 2, the code', /^L is a DfE code already/],
    ['C1, a 2024 DfE code', { code: 'C1', dfe: 'C', name: 'Performance' }, 'school code 2, the code', /^C1 is a DfE code already/],
    ['H, a 2006 DfE code', { code: 'H', dfe: 'C', name: 'Holiday' }, 'school code 2, the code', /^H is a DfE code already/],
    ["'-', SIMS's no mark", { code: '-', dfe: 'N', name: 'No mark' }, 'school code 2, the code', /^- is SIMS's 'no mark recorded'/],
    ["'<', Capita ONE's C1", { code: '<', dfe: 'C', name: 'Leave' }, 'school code 2, the code', /^'<' is read as the DfE code C1/],
    ['a DfE code that is not one', { code: 'I02', dfe: 'Q1', name: 'Ill' }, 'school code 2, the DfE code', /^'Q1' is not a DfE attendance code: choose/],
    ['a DfE code in small letters', { code: 'I02', dfe: 'i', name: 'Ill' }, 'school code 2, the DfE code', /^'i' is not a DfE attendance code/],
    ['an empty DfE code', { code: 'I02', dfe: '', name: 'Ill' }, 'school code 2, the DfE code', /^is empty: choose the DfE code/],
    ['an empty name', { code: 'I02', dfe: 'I', name: ' ' }, 'school code 2, the name', /^is empty: write what the school calls this code/],
    ['no name at all', { code: 'I02', dfe: 'I' }, 'school code 2, the name', /^is missing \(expected text\)$/],
    ['a number as the code', { code: 7, dfe: 'X', name: 'COVID' }, 'school code 2, the code', /^must be text$/],
  ])('%s is refused, at its entry and field, in plain words', (_what, entry, path, message) => {
    const table = [{ code: 'I01', dfe: 'I', name: "Illness: doctor's note seen" }, entry];
    expect(problemsOf(table)).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('4 characters is the longest code; =, [, ], 7 and sub-codes are not DfE codes and are taken', () => {
    expect(problemsOf([{ code: 'ABC1', dfe: 'I', name: 'A' }, { code: '7', dfe: 'X', name: 'B' }, { code: '[', dfe: 'B', name: 'C' }])).toEqual([]);
    expect(problemsOf([{ code: 'ABC12', dfe: 'I', name: 'A' }])).toHaveLength(1);
  });

  it('a code listed twice (in any case) names both entries, at the second', () => {
    const table = [
      { code: 'I01', dfe: 'I', name: 'Illness: note seen' },
      { code: '7', dfe: 'X', name: 'COVID' },
      { code: 'i01', dfe: 'M', name: 'Medical' },
    ];
    expect(problemsOf(table)).toEqual([
      { path: 'school code 3, the code', message: "'i01' is listed twice, as school codes 1 and 3 (capitals and small letters are read the same): keep one" },
    ]);
  });

  it('every mistake is said at once, with the rest of the policy\'s, and the policy is refused whole', () => {
    const result = parsePolicy({
      ...structuredClone(TEST_POLICY_INPUT),
      attendanceTarget: 140,
      schoolCodes: [{ code: 'L', dfe: 'Z9', name: '' }],
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'attendanceTarget', message: 'must be a percentage from 0 to 100' },
        { path: 'school code 1, the code', message: "L is a DfE code already: the table is for the school's own codes" },
        { path: 'school code 1, the DfE code', message: "'Z9' is not a DfE attendance code: choose the DfE code this one stands for, such as I or X" },
        { path: 'school code 1, the name', message: "is empty: write what the school calls this code, such as Illness: doctor's note seen" },
      ],
    });
  });

  it('a table that is not a list is refused in plain words', () => {
    expect(problemsOf({ I01: 'I' })).toEqual([{ path: "the school's own codes", message: 'must be a list' }]);
  });

  it('the shape alone (the widget, which never reads the table) checks the fields are text but not what they say', () => {
    expect(parsePolicyShape({ ...structuredClone(TEST_POLICY_INPUT), schoolCodes: [{ code: 'L', dfe: 'U', name: 'Late' }] }).ok).toBe(true);
    expect(parsePolicyShape({ ...structuredClone(TEST_POLICY_INPUT), schoolCodes: [{ code: 'L' }] }).ok).toBe(false);
  });

  it("names the table's places in words and leaves every other place as it was", () => {
    expect(schoolCodePlace('schoolCodes[0].dfe')).toBe('school code 1, the DfE code');
    expect(schoolCodePlace('schoolCodes[11]')).toBe('school code 12');
    expect(schoolCodePlace('schoolCodes')).toBe("the school's own codes");
    expect(schoolCodePlace('bands[0].colour')).toBe('bands[0].colour');
  });
});
