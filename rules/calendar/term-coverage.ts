// Whether each academic year's terms run from September to July. A year with term dates counts
// every day outside its terms as holiday, so a year with only its autumn term stops N deadlines,
// the 10-day notice and the penalty threshold from January.

import { dayNumber, formatSchoolDate, type IsoDate } from '../dates';
import { academicYearLabel } from './school-calendar';
import type { AcademicYear } from '../policy/schema';

/** Longer than any school holiday between two terms (Christmas and Easter are two to three weeks). */
const LONGEST_GAP_DAYS = 42;

export interface TermCoverageWarning {
  readonly path: string;
  readonly message: string;
}

const STOPS = 'days outside the terms are not school days, so N deadlines, the 10-day notice and the penalty threshold stop counting';

/**
 * What each academic year's term dates leave out, by its label ('2025-26'): worked out once by
 * whoever builds the content bundle (the background, the widget) rather than on every page, so the
 * content script carries none of this (its 40 KB budget; issue 15).
 */
export function termNotesByYear(years: readonly AcademicYear[]): Record<string, string[]> {
  return Object.fromEntries(years.map((y) => [y.label, termCoverageOn(years, `${y.label.slice(0, 4)}-09-01`)]));
}

/** The warnings for the school year of this date only: what a page checked as of that date should say. */
export function termCoverageOn(years: readonly AcademicYear[], date: IsoDate): string[] {
  const label = academicYearLabel(date);
  return termCoverageWarnings(years.filter((y) => y.label === label)).map((w) => w.message);
}

export function termCoverageWarnings(years: readonly AcademicYear[]): TermCoverageWarning[] {
  const warnings: TermCoverageWarning[] = [];
  years.forEach((year, i) => {
    const terms = [...year.terms].sort((a, b) => a.start.localeCompare(b.start));
    const first = terms[0];
    const last = terms[terms.length - 1];
    if (first === undefined || last === undefined) return;
    const path = `calendar.academicYears[${i}]`;
    if (first.start.slice(5, 7) !== '09') {
      warnings.push({ path, message: `${year.label}: the terms start on ${formatSchoolDate(first.start)}, not in September: ${STOPS} before then. Import or add the autumn term.` });
    }
    terms.slice(1).forEach((term, j) => {
      const previous = terms[j]!;
      const gap = dayNumber(term.start) - dayNumber(previous.end) - 1;
      if (gap > LONGEST_GAP_DAYS) {
        warnings.push({ path, message: `${year.label}: nothing is in term between ${formatSchoolDate(previous.end)} and ${formatSchoolDate(term.start)} (${gap} days): ${STOPS} then. Is a term missing?` });
      }
    });
    if (!['07', '08'].includes(last.end.slice(5, 7))) {
      warnings.push({ path, message: `${year.label}: the terms end on ${formatSchoolDate(last.end)}, not in July: ${STOPS} after then. Import the rest of the year's terms.` });
    }
  });
  return warnings;
}
