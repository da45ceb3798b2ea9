// Which attendance figure a badge shows when the page has none of its own: the one seen on
// another MIS page (a pupil's record) or the one from an imported report, whichever is newer,
// with a phrase that says where it came from and how old it is.

import { dayNumber, formatSchoolDate, type IsoDate } from '../rules/dates';
import type { PupilFigure, ReportFigureRow, SiteReportFigureRow } from './db';
import type { StoredFigure } from './messages';

/** 'today', '1 day ago', '12 days ago': calendar days, as staff count the age of a report. */
export function age(date: IsoDate, today: IsoDate): string {
  const days = dayNumber(today) - dayNumber(date);
  return days <= 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}

export function seenOnPage(seenOn: IsoDate, today: IsoDate): string {
  return `as seen on an MIS page on ${formatSchoolDate(seenOn)} (${age(seenOn, today)})`;
}

/**
 * The newer of the two (a page's figure on the same day as a report's: the page, read from the
 * MIS itself), or null when there is neither.
 */
export function reconcileFigure(pupilId: string, page: PupilFigure | undefined, report: ReportFigureRow | SiteReportFigureRow | undefined, today: IsoDate): StoredFigure | null {
  if (page !== undefined && (report === undefined || page.seenOn >= report.asOf)) {
    return { pupilId, upn: page.upn, name: page.name, attendance: page.attendance, possible: page.possible, attended: page.attended, seenOn: page.seenOn, from: seenOnPage(page.seenOn, today) };
  }
  if (report === undefined) return null;
  return {
    pupilId,
    upn: report.upn,
    name: report.name,
    attendance: report.attendance,
    possible: report.possible,
    attended: report.attended,
    seenOn: report.asOf,
    from: `from the attendance report ${report.source}, as of ${formatSchoolDate(report.asOf)} (${age(report.asOf, today)})`,
  };
}
