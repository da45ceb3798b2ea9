// "Papaparse alone", the yardstick of bench/export-check.ts, in node and in the check page's worker
// alike: what the least reading of a register export must do. Decode the bytes as the check decodes
// them (rules/file-text.ts), read every row with a plain Papa.parse (no step callback, the delimiter
// guessed, as its documentation's first example), and tally the marks by code, so that nothing read
// is left unused.

import Papa from 'papaparse';
import { decodeFileText } from '../rules/file-text';

export interface PapaparseTally {
  readonly rows: number;
  /** How many distinct marks were tallied. */
  readonly codes: number;
}

export function papaparseTally(bytes: Uint8Array): PapaparseTally {
  const { text } = decodeFileText(bytes);
  const { data } = Papa.parse<string[]>(text, { header: false });
  const markAt = data[0]!.indexOf('mark');
  const tally = new Map<string, number>();
  let rows = 0;
  for (let i = 1; i < data.length; i++) {
    const mark = data[i]![markAt];
    // The file's last line break leaves papaparse one row of one empty field.
    if (mark === undefined) continue;
    rows++;
    tally.set(mark, (tally.get(mark) ?? 0) + 1);
  }
  return { rows, codes: tally.size };
}
