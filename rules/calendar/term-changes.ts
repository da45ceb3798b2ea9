// What importing term dates would do to a policy's calendar, worked out before anything is saved:
// an imported academic year replaces the year of the same label whole, so a file with only the
// autumn term would remove the spring and summer terms. The options page shows this and asks first.

import { addDays, formatSchoolDate, type IsoDate } from '../dates';
import type { AcademicYear, PolicyCalendar } from '../policy/schema';
import { tabledSchoolCalendarFor } from './england-bank-holidays';
import type { SchoolCalendar } from './school-calendar';

export type Change = 'added' | 'removed' | 'changed' | 'unchanged';

type Term = AcademicYear['terms'][number];
type Closure = AcademicYear['closures'][number];

export interface TermChange {
  readonly year: string;
  readonly term: string;
  readonly change: Change;
  readonly before: Term | null;
  readonly after: Term | null;
  /** School days in the term by the calendar before the import, and after it. */
  readonly schoolDaysBefore: number;
  readonly schoolDaysAfter: number;
}

export interface ClosureChange {
  readonly year: string;
  readonly change: Exclude<Change, 'unchanged'>;
  readonly before: Closure | null;
  readonly after: Closure | null;
}

export interface TermDatesChanges {
  /** Every term of every year the file holds, in order, changed or not. */
  readonly terms: readonly TermChange[];
  readonly closures: readonly ClosureChange[];
  /** True when a term or closure already in the policy would be removed or moved: staff are asked first. */
  readonly removesOrChanges: boolean;
  /** The policy's years after the import: each imported year replaces the year of its label. */
  readonly academicYears: readonly AcademicYear[];
}

/** The policy's academic years with these imported, each replacing the year of the same label. */
export function mergeAcademicYears(existing: readonly AcademicYear[], imported: readonly AcademicYear[]): AcademicYear[] {
  const merged = new Map(existing.map((y) => [y.label, y]));
  for (const year of imported) merged.set(year.label, structuredClone(year));
  return [...merged.values()].sort((a, b) => a.label.localeCompare(b.label));
}

function schoolDaysIn(calendar: SchoolCalendar, term: Term | null): number {
  if (term === null) return 0;
  let days = 0;
  for (let d = term.start; d <= term.end; d = addDays(d, 1)) if (calendar.isSchoolDay(d)) days++;
  return days;
}

const sameTerm = (a: Term, b: Term) => a.start === b.start && a.end === b.end && a.halfTerm?.start === b.halfTerm?.start && a.halfTerm?.end === b.halfTerm?.end;
const closureKey = (c: Closure) => `${c.start}|${c.kind}`;

/** What importing these years into this calendar would add, remove and change. */
export function termDatesChanges(calendar: PolicyCalendar, imported: readonly AcademicYear[]): TermDatesChanges {
  const academicYears = mergeAcademicYears(calendar.academicYears, imported);
  // The bank-holiday table: this module is also the service worker's (mergeAcademicYears), which must stay small.
  const before = tabledSchoolCalendarFor(calendar);
  const after = tabledSchoolCalendarFor({ ...calendar, academicYears: [...academicYears] });
  const terms: TermChange[] = [];
  const closures: ClosureChange[] = [];
  for (const year of imported) {
    const old = calendar.academicYears.find((y) => y.label === year.label);
    const names = [...new Set([...(old?.terms ?? []).map((t) => t.name), ...year.terms.map((t) => t.name)])];
    const startOf = (name: string) => (year.terms.find((t) => t.name === name) ?? old?.terms.find((t) => t.name === name))!.start;
    names.sort((a, b) => startOf(a).localeCompare(startOf(b)));
    for (const name of names) {
      const was = old?.terms.find((t) => t.name === name) ?? null;
      const now = year.terms.find((t) => t.name === name) ?? null;
      const change: Change = was === null ? 'added' : now === null ? 'removed' : sameTerm(was, now) ? 'unchanged' : 'changed';
      terms.push({ year: year.label, term: name, change, before: was, after: now, schoolDaysBefore: schoolDaysIn(before, was), schoolDaysAfter: schoolDaysIn(after, now) });
    }
    const oldClosures = new Map((old?.closures ?? []).map((c) => [closureKey(c), c]));
    const newClosures = new Map(year.closures.map((c) => [closureKey(c), c]));
    for (const [key, c] of oldClosures) {
      const now = newClosures.get(key);
      if (now === undefined) closures.push({ year: year.label, change: 'removed', before: c, after: null });
      else if ((now.end ?? now.start) !== (c.end ?? c.start) || now.reason !== c.reason) closures.push({ year: year.label, change: 'changed', before: c, after: now });
    }
    for (const [key, c] of newClosures) if (!oldClosures.has(key)) closures.push({ year: year.label, change: 'added', before: null, after: c });
  }
  const removesOrChanges = terms.some((t) => t.change === 'removed' || t.change === 'changed') || closures.some((c) => c.change !== 'added');
  return { terms, closures, removesOrChanges, academicYears };
}

/** A term's dates for people: 'Mon 1 Sep 2025 to Fri 19 Dec 2025 (half term Mon 27 Oct 2025 to Fri 31 Oct 2025)'. */
export function describeTerm(term: Term): string {
  const half = term.halfTerm === undefined ? '' : ` (half term ${formatSchoolDate(term.halfTerm.start)} to ${formatSchoolDate(term.halfTerm.end)})`;
  return `${formatSchoolDate(term.start)} to ${formatSchoolDate(term.end)}${half}`;
}

export function describeClosure(c: Closure): string {
  const days = c.end !== undefined && c.end !== c.start ? `${formatSchoolDate(c.start)} to ${formatSchoolDate(c.end as IsoDate)}` : formatSchoolDate(c.start);
  return `${days}: ${c.kind === 'training-day' ? 'training day' : 'closure'}${c.reason === '' ? '' : ` (${c.reason})`}`;
}
