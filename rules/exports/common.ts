// What every register-export reader shares: the result and problem shapes, the options, and the
// date checks that catch a mistyped year. Pure. The readers (a long CSV with its column mapping,
// a wide week grid, a Common Transfer File, a JSON snapshot) each return an ExportResult, so the
// command line and the check page show every shape's problems in the same words.

import { formatSchoolDate, isIsoDate, type IsoDate } from '../dates';
import type { RegisterSnapshot, Session } from '../snapshot';
import type { ColumnMapping } from './columns';
import type { SchoolCode } from './school-codes';

export interface ExportProblem {
  /** The line in the file as a person counts it (the first line is 1); null for the file as a whole. */
  readonly line: number | null;
  /** CSV: the column's header name, as the export names it. */
  readonly column: string | null;
  /** JSON: where in the snapshot, such as 'pupils[3].marks[12].date'; CTF: the element, such as 'Pupil 3 (A123…) YearData 2025 AttendanceMarks'. */
  readonly path: string | null;
  readonly message: string;
}

/** The shapes of file Markwise recognises. */
export type ExportShape =
  /** Markwise's own JSON register snapshot. */
  | 'snapshot-json'
  /** One row a pupil and session (upn, date, session, mark, ...), with any MIS's header spellings. */
  | 'register-long'
  /** One row a pupil, a column a session (a SIMS-style week grid). */
  | 'register-wide'
  /** The DfE's Common Transfer File (XML). */
  | 'ctf'
  /** One row a pupil with sessions possible, attended, %: imported on the options page, not checked. */
  | 'attendance-summary'
  /** XML that is not a CTF. */
  | 'xml-other'
  | 'unknown';

/** How lateness was read, for the page to say so. */
export type LatenessSource = 'arrival' | 'minutes-late' | 'arrival-and-minutes-late' | 'none';

/** A school code translated to its DfE code, and how many marks it was on. */
export interface TranslatedCode {
  readonly code: string;
  readonly dfe: string;
  readonly name: string;
  readonly count: number;
}

/** What the reader did, for the page and the command line to say: nothing here changes what is checked. */
export interface ReadDetails {
  readonly shape: ExportShape;
  /** CSV: the header row's line (after any title rows above it) and its fields as written. */
  readonly headerLine?: number;
  readonly header?: readonly string[];
  /** CSV (long and wide): the columns read, field to the header as the file spells it. */
  readonly columns?: ColumnMapping;
  /** Lines above the header that were skipped as a report's title (1 to headerLine - 1), or 0. */
  readonly titleLines?: number;
  readonly lateness: LatenessSource;
  /** School codes turned into DfE codes by the policy's table, one entry per code. */
  readonly translated: readonly TranslatedCode[];
  /** Marks written as '-' (SIMS: no mark recorded), read as blank. */
  readonly dashBlanks: number;
}

/** Read, perhaps with warnings: things worth a look that do not stop the check (a UPN failing its check letter). */
export type ExportResult =
  | { readonly ok: true; readonly snapshot: RegisterSnapshot; readonly warnings: ExportProblem[]; readonly details: ReadDetails }
  | {
      readonly ok: false;
      readonly problems: ExportProblem[];
      /** What the file seemed to be, when that is known: the page words its advice by it. */
      readonly shape?: ExportShape;
      /** A CSV's header (its line and fields) and the columns guessed, so that a person can say which is which. */
      readonly header?: { readonly line: number; readonly fields: readonly string[] };
      readonly guess?: ColumnMapping;
    };

export interface ReadOptions {
  /**
   * Told how far through the text reading is (0 to 1), every few thousand rows, so that a page
   * can show progress on a year's export (570,000 rows). JSON is read in one go and not reported.
   */
  readonly onProgress?: (fraction: number) => void;
  /** The date checked as of: a mark dated more than a year after it is a typo, not a register. */
  readonly today?: IsoDate;
  /** CSV: which column is which, as a person (or a saved mapping) said; otherwise guessed from the header. */
  readonly columns?: ColumnMapping;
  /** CSV: the header's line, as a person said; otherwise found below any title rows. */
  readonly headerLine?: number;
  /** The school's own codes (the policy's table), turned into DfE codes as they are read. */
  readonly schoolCodes?: readonly SchoolCode[];
}

/** Registers are read from this date: an earlier one is a typo in the year (24/11/1925), and the school calendar starts in 2000. */
export const FIRST_REGISTER_DATE = '2000-01-01';

/** The last date a register may hold, a year after today (28 February for 29 February). */
export function lastRegisterDate(today: IsoDate): IsoDate {
  const sameDay = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  return isIsoDate(sameDay) ? sameDay : `${sameDay.slice(0, 8)}28`;
}

/** A date of birth after today is a typo: refused, as every later figure would rest on it. */
export function dobProblem(dob: IsoDate, written: string, today: IsoDate | undefined): string | null {
  return today !== undefined && dob > today ? `${quoted(written)} is after today (${formatSchoolDate(today)}): a date of birth cannot be in the future` : null;
}

/** Why a register date cannot be right, or null when it can. */
export function registerDateProblem(date: IsoDate, written: string, today: IsoDate | undefined): string | null {
  if (date < FIRST_REGISTER_DATE) return `${quoted(written)} is before 2000: Markwise reads registers from 1 January 2000 (is the year mistyped?)`;
  if (today !== undefined && date > lastRegisterDate(today)) {
    return `${quoted(written)} is more than a year after today (${formatSchoolDate(today)}): is the year mistyped?`;
  }
  return null;
}

export function duplicateSession(upn: string, session: Session, date: IsoDate): string {
  return `pupil ${upn} already has ${session === 'AM' ? 'an' : 'a'} ${session} mark for ${formatSchoolDate(date)}`;
}

export function failed(...problems: ExportProblem[]): ExportResult {
  return { ok: false, problems };
}

export function quoted(text: string): string {
  return text === '' ? 'an empty cell' : `'${text}'`;
}
