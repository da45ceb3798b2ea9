// What a register page showed, for the follow-up list of N codes: its pupils, its columns
// (dates and sessions), which cells it showed and which held N. Compact, because a whole
// school's page is 15,000 cells: a full grid sends no cells at all.

import type { Session } from '../rules/snapshot';
import type { PageRegister } from './read';

/**
 * The register cells one page showed, compactly: a page of 1,500 pupils by 10 sessions is
 * 15,000 cells, so they go as indexes into its pupils and its columns (dates and sessions).
 */
export interface MarksSeen {
  readonly page: { readonly url: string; readonly title: string };
  readonly pupils: readonly { readonly pupilId: string; readonly upn: string | null; readonly name: string }[];
  readonly columns: readonly { readonly date: string; readonly session: Session }[];
  /**
   * The cells shown, as pairs flattened (pupil index, column index, pupil index, ...), or null
   * when the page is a full grid: every pupil in every column, pupil by pupil.
   */
  readonly cells: readonly number[] | null;
  /** Which of those cells hold N, by their place in that order. */
  readonly n: readonly number[];
  /**
   * Which of those cells are blank (or '-', no mark yet), by their place in that order: a page that
   * fills its marks in after loading shows blanks first, so a blank never says an N was dealt with.
   */
  readonly blank: readonly number[];
}

/** No mark yet: empty, or the '-' some MIS products show for a session not yet marked. */
export function isBlankMark(mark: string): boolean {
  const m = mark.trim();
  return m === '' || m === '-';
}

/** The pupil and column of the i-th cell shown. */
export function seenCell(seen: MarksSeen, i: number): [pupil: number, column: number] {
  const width = seen.columns.length;
  return seen.cells === null ? [Math.floor(i / width), i % width] : [seen.cells[2 * i]!, seen.cells[2 * i + 1]!];
}

export function marksSeen(register: Pick<PageRegister, 'snapshot' | 'pupilIds' | 'upns' | 'cells'>, page: MarksSeen['page']): MarksSeen {
  const { pupils } = register.snapshot;
  // Columns by session, then date: no key is built per cell (a string made for each of a large page's
  // 15,000 cells, then hashed, was most of this work; a date's string, shared by its cells, is hashed
  // once). Each pupil's columns lead to the list, n or blank, their cell's place goes in.
  const columns: MarksSeen['columns'][number][] = [];
  const n: number[] = [];
  const blank: number[] = [];
  const columnOf = { AM: new Map<string, number>(), PM: new Map<string, number>() };
  const at = register.cells.map(({ date, session }) => columnOf[session].get(date) ?? (columnOf[session].set(date, columns.length), columns.push({ date, session }) - 1));
  // N in either copy of a session shown twice is N; a blank is where no copy holds N.
  const kinds = pupils.map(({ marks }) => {
    const kind = new Map<number, typeof n | typeof blank>();
    for (const m of marks) {
      const c = columnOf[m.session].get(m.date);
      if (c !== undefined && kind.get(c) !== n) kind.set(c, m.mark.trim().toUpperCase() === 'N' ? n : isBlankMark(m.mark) ? blank : kind.get(c)!);
    }
    return kind;
  });
  const cells: number[] = [];
  register.cells.forEach((cell, i) => {
    cells.push(cell.pupil, at[i]!);
    kinds[cell.pupil]!.get(at[i]!)?.push(i);
  });
  const width = columns.length;
  const grid = cells.length === 2 * pupils.length * width && cells.every((v, j) => v === (j % 2 ? (j >> 1) % width : Math.floor(j / 2 / width)));
  return {
    page,
    pupils: register.pupilIds.map((pupilId, p) => ({ pupilId, upn: register.upns[p]!, name: pupils[p]!.name })),
    columns,
    cells: grid ? null : cells,
    n,
    blank,
  };
}
