// The policy's table of the school's own codes (schoolCodes: code → DfE code, with a name), and
// what can be wrong with it. SIMS schools may have codes of their own (7, 8, 9, =, [, ]) and
// sub-codes (I01, X01) that the MIS maps to a statutory code for the CTF and the census
// (shared/reference/mis-exports.md, "SIMS"); rules/exports/school-codes.ts translates marks by
// the table as an export is read. Pure.

import { CODES_2006, CODES_2024, ONE_CHARACTER_STAND_INS } from '../codes';
import type { SchoolCode } from '../exports/school-codes';

export type SchoolCodeField = keyof SchoolCode;

export interface SchoolCodeProblem {
  /** The entry (0 for the first). */
  readonly index: number;
  readonly field: SchoolCodeField;
  readonly message: string;
}

/** The longest school code: SIMS's sub-codes are three characters (I01); four leaves room. */
export const SCHOOL_CODE_MAX_LENGTH = 4;

const isDfeCode = (code: string) => CODES_2024.has(code) || CODES_2006.has(code);

/** Why a school code cannot be in the table, or null. */
function codeProblem(code: string): string | null {
  if (code.trim() === '') return "is empty: write the code as the MIS writes it, such as I01";
  if (/\s/.test(code)) return `'${code}' has a space in it: write the code as the MIS writes it, such as I01`;
  if (code.length > SCHOOL_CODE_MAX_LENGTH) return `'${code}' is longer than ${SCHOOL_CODE_MAX_LENGTH} characters: school codes are short, such as I01 or 7`;
  // Marks are read whatever their case, so 'l' is the DfE code L too.
  const upper = code.toUpperCase();
  if (isDfeCode(upper)) return `${upper} is a DfE code already: the table is for the school's own codes`;
  if (code === '-') return "- is SIMS's 'no mark recorded', read as a blank: it cannot stand for a code";
  const standIn = ONE_CHARACTER_STAND_INS[code];
  if (standIn !== undefined) return `'${code}' is read as the DfE code ${standIn} (as Capita ONE writes it): the table is for the school's own codes`;
  return null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Every mistake in the table, at its entry and field: a code that is empty, too long, has a space
 * or is a DfE code itself; a DfE code that is not one; an empty name; a code listed twice (in any
 * case). A field that is not text at all is left to the policy's schema, which says so.
 */
export function schoolCodeProblems(table: readonly unknown[]): SchoolCodeProblem[] {
  const problems: SchoolCodeProblem[] = [];
  const seen = new Map<string, number>();
  table.forEach((item, index) => {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const code = text(entry.code);
    const dfe = text(entry.dfe);
    const name = text(entry.name);
    const wrong = code === null ? null : codeProblem(code);
    if (wrong !== null) problems.push({ index, field: 'code', message: wrong });
    else if (code !== null) {
      const first = seen.get(code.toUpperCase());
      if (first !== undefined) {
        problems.push({ index, field: 'code', message: `'${code}' is listed twice, as school codes ${first + 1} and ${index + 1} (capitals and small letters are read the same): keep one` });
      } else seen.set(code.toUpperCase(), index);
    }
    if (dfe !== null && !isDfeCode(dfe)) {
      problems.push({ index, field: 'dfe', message: `${dfe === '' ? 'is empty' : `'${dfe}' is not a DfE attendance code`}: choose the DfE code this one stands for, such as I or X` });
    }
    if (name !== null && name.trim() === '') problems.push({ index, field: 'name', message: "is empty: write what the school calls this code, such as Illness: doctor's note seen" });
  });
  return problems;
}

const FIELD_WORDS: Readonly<Record<string, string>> = { code: 'the code', dfe: 'the DfE code', name: 'the name' };

/** "school code 3, the DfE code" for 'schoolCodes[2].dfe': where in the table, in words; any other place as it was. */
export function schoolCodePlace(path: string): string {
  const m = /^schoolCodes(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(path);
  if (m === null) return path;
  if (m[1] === undefined) return "the school's own codes";
  const field = m[2] === undefined ? undefined : FIELD_WORDS[m[2]];
  return `school code ${Number(m[1]) + 1}${field === undefined ? '' : `, ${field}`}`;
}

/** A policy's table as written, checked entry by entry; nothing when it has none (or it is not a list: the schema says so). */
export function policySchoolCodeProblems(input: unknown): { path: string; message: string }[] {
  const table = typeof input === 'object' && input !== null ? (input as { schoolCodes?: unknown }).schoolCodes : undefined;
  if (!Array.isArray(table)) return [];
  return schoolCodeProblems(table).map((p) => ({ path: `school code ${p.index + 1}, ${FIELD_WORDS[p.field]!}`, message: p.message }));
}
