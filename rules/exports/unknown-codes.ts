// Marks that are not DfE codes, once per code with how many there are, instead of once per mark.
// A school's own code (SIMS: 7, =, I01; shared/reference/mis-exports.md, "SIMS") that the policy's
// table does not translate is on hundreds of marks: one line each says what to do about all of
// them. Pure: from the engine's code-unknown findings (rules/checks/code-validity.ts).

import { formatSchoolDate, type IsoDate } from '../dates';
import type { Finding } from '../findings';
import { plural } from '../words';

export interface UnknownCode {
  /** The mark as the file writes it (the first seen, when it is written in more than one case). */
  readonly code: string;
  /** How many marks it is on. */
  readonly marks: number;
  /** How many pupils have it. */
  readonly pupils: number;
  readonly firstDate: IsoDate;
  readonly lastDate: IsoDate;
}

/**
 * One entry per unknown mark, most marks first (then by code): its count, pupils and dates. Marks
 * that differ only in case or surrounding spaces are one code, as the policy's table reads them.
 */
export function groupUnknownCodes(findings: readonly Finding[]): UnknownCode[] {
  const groups = new Map<string, { code: string; marks: number; pupils: Set<string>; firstDate: IsoDate; lastDate: IsoDate }>();
  for (const f of findings) {
    if (f.rule !== 'code-unknown') continue;
    const code = f.mark.trim();
    const key = code.toUpperCase();
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { code, marks: 1, pupils: new Set([f.upn]), firstDate: f.date, lastDate: f.date });
    else {
      group.marks++;
      group.pupils.add(f.upn);
      if (f.date < group.firstDate) group.firstDate = f.date;
      if (f.date > group.lastDate) group.lastDate = f.date;
    }
  }
  return [...groups.values()]
    .map((g) => ({ code: g.code, marks: g.marks, pupils: g.pupils.size, firstDate: g.firstDate, lastDate: g.lastDate }))
    .sort((a, b) => b.marks - a.marks || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** '8 Sep 2025' (no weekday: a range reads better without). */
function day(date: IsoDate): string {
  return formatSchoolDate(date).slice(4);
}

/** '8 Sep – 21 Nov 2025', '8 Sep 2024 – 21 Nov 2025', or '8 Sep 2025' for one day. */
export function dateRangeText(first: IsoDate, last: IsoDate): string {
  if (first === last) return day(first);
  const from = first.slice(0, 4) === last.slice(0, 4) ? day(first).slice(0, -5) : day(first);
  return `${from} – ${day(last)}`;
}


/**
 * "'7' is not a DfE code and not in the policy's school codes: 214 marks of 30 pupils,
 * 8 Sep – 21 Nov 2025. Add it to ...": what one unknown code is, and what to do about it.
 */
export function unknownCodeMessage(u: UnknownCode): string {
  return (
    `'${u.code}' is not a DfE code and not in the policy's school codes: ${plural(u.marks, 'mark')} of ${plural(u.pupils, 'pupil')}, ${dateRangeText(u.firstDate, u.lastDate)}. ` +
    "Add it to the policy's school codes (options page, or the policy file's schoolCodes) to check these marks."
  );
}
