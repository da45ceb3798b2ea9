// A school's own codes and sub-codes, turned into DfE codes as an export is read. SIMS schools
// may have their own codes (the COVID-era 7, 8, 9, or =, [, ]) and sub-codes (I01, X01) mapped to
// a statutory code for the CTF and the census (reference/mis-exports.md, "SIMS"); the policy's
// table says which DfE code each stands for. Pure.

import type { TranslatedCode } from './common';

export interface SchoolCode {
  /** The code as the MIS writes it, such as 'I01' or '7'. */
  readonly code: string;
  /** The DfE code it stands for, such as 'I' or 'X'. */
  readonly dfe: string;
  /** What the school calls it, such as 'Illness: doctor's note seen'. */
  readonly name: string;
}

/** '-' is SIMS's "no mark recorded": a blank, not an unknown code. */
export const NO_MARK_RECORDED = '-';

/** Turns each mark read into what the rules check, counting what it translated. */
export interface MarkTranslator {
  /** The DfE code for a school code in the table, '' for '-', otherwise the mark as written. */
  mark(raw: string): string;
  /** One entry per school code that was on a mark, in the table's order. */
  translated(): TranslatedCode[];
  /** How many marks were '-'. */
  dashBlanks(): number;
}

export function markTranslator(table: readonly SchoolCode[] = []): MarkTranslator {
  const exact = new Map(table.map((entry, index) => [entry.code, index]));
  const upper = new Map(table.map((entry, index) => [entry.code.toUpperCase(), index]));
  const counts = new Array<number>(table.length).fill(0);
  let dashes = 0;
  return {
    mark(raw) {
      const trimmed = raw.trim();
      if (trimmed === NO_MARK_RECORDED) {
        dashes++;
        return '';
      }
      if (table.length === 0 || trimmed === '') return raw;
      const index = exact.get(trimmed) ?? upper.get(trimmed.toUpperCase());
      if (index === undefined) return raw;
      counts[index]!++;
      return table[index]!.dfe;
    },
    translated: () => table.flatMap((entry, i) => (counts[i]! > 0 ? [{ code: entry.code, dfe: entry.dfe, name: entry.name, count: counts[i]! }] : [])),
    dashBlanks: () => dashes,
  };
}
