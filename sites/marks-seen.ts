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
  const isN = new Set<string>();
  const isBlank = new Set<string>();
  pupils.forEach((pupil, p) => {
    for (const m of pupil.marks) {
      if (m.mark.trim().toUpperCase() === 'N') isN.add(`${p}|${m.date}${m.session}`);
      else if (isBlankMark(m.mark)) isBlank.add(`${p}|${m.date}${m.session}`);
    }
  });
  const columns: MarksSeen['columns'][number][] = [];
  const columnOf = new Map<string, number>();
  const cells: number[] = [];
  const n: number[] = [];
  const blank: number[] = [];
  register.cells.forEach((cell, i) => {
    const k = cell.date + cell.session;
    let c = columnOf.get(k);
    if (c === undefined) {
      columnOf.set(k, (c = columns.length));
      columns.push({ date: cell.date, session: cell.session });
    }
    cells.push(cell.pupil, c);
    if (isN.has(`${cell.pupil}|${k}`)) n.push(i);
    else if (isBlank.has(`${cell.pupil}|${k}`)) blank.push(i);
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
