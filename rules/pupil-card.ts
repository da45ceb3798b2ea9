// One pupil's year as a picture: attendance week by week, the sessions by how they count, and
// late marks before and after the register closed. Pure: from the pupil's marks and today.

import { codeInForce, normaliseMark } from './codes';
import { dateOfDayNumber, dayNumber, mondayOfDayNumber, type IsoDate } from './dates';
import { academicYearStarting, type SchoolCalendar } from './calendar/school-calendar';
import type { SnapshotPupil } from './snapshot';

export interface WeekBar {
  readonly monday: IsoDate;
  /** Possible sessions that week. */
  readonly possible: number;
  /** Present or on approved educational activity. */
  readonly attended: number;
}

export interface PupilCardData {
  readonly upn: string;
  readonly name: string;
  /** Weeks with at least one possible session, up to today, in order. */
  readonly weeks: readonly WeekBar[];
  readonly sessions: { readonly present: number; readonly approvedActivity: number; readonly authorised: number; readonly unauthorised: number; readonly notPossible: number };
  /** L: arrived late before the register closed (present). U: after it closed (unauthorised absence). */
  readonly late: { readonly beforeClose: number; readonly afterClose: number };
  /** Possible sessions and those attended, over the marks read: not a year-to-date figure unless every mark of the year was read. */
  readonly possible: number;
  readonly attended: number;
  /** The first and last day of the marks read (null with none). */
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
}

/** Which marks count, as the standings count them: one school year's school days. */
export interface CardSessions {
  readonly calendar: SchoolCalendar;
  /** By its first calendar year (2025 for 2025-26); default the school year of today. */
  readonly schoolYear?: number;
}

/**
 * Marks dated after today (planned leave entered ahead) have not happened yet and are left out, as
 * the standings leave them; given `counted`, so are other school years' marks and days without school.
 */
export function pupilCard(pupil: SnapshotPupil, today: IsoDate, counted?: CardSessions): PupilCardData {
  const sessions = { present: 0, approvedActivity: 0, authorised: 0, unauthorised: 0, notPossible: 0 };
  const late = { beforeClose: 0, afterClose: 0 };
  const weeks = new Map<number, { possible: number; attended: number }>();
  const yearStarts = counted === undefined ? '' : `${counted.schoolYear ?? academicYearStarting(today)}-09-01`;
  const yearEnds = counted === undefined ? '' : `${Number(yearStarts.slice(0, 4)) + 1}-08-31`;
  let from: IsoDate | null = null;
  let to: IsoDate | null = null;
  for (const mark of pupil.marks) {
    if (mark.date > today) continue;
    if (counted !== undefined && (mark.date < yearStarts || mark.date > yearEnds || !counted.calendar.isSchoolDay(mark.date))) continue;
    if (from === null || mark.date < from) from = mark.date;
    if (to === null || mark.date > to) to = mark.date;
    const code = normaliseMark(mark.mark, mark.session);
    const found = code === '' ? undefined : codeInForce(code, mark.date);
    if (found === undefined) continue;
    if (code === 'L') late.beforeClose++;
    if (code === 'U') late.afterClose++;
    const monday = mondayOfDayNumber(dayNumber(mark.date));
    const week = weeks.get(monday) ?? { possible: 0, attended: 0 };
    switch (found.counts) {
      case 'present':
        sessions.present++;
        break;
      case 'approved-activity':
        sessions.approvedActivity++;
        break;
      case 'authorised':
        sessions.authorised++;
        break;
      case 'unauthorised':
        sessions.unauthorised++;
        break;
      default:
        sessions.notPossible++;
        continue;
    }
    week.possible++;
    if (found.counts === 'present' || found.counts === 'approved-activity') week.attended++;
    weeks.set(monday, week);
  }
  const ordered = [...weeks].sort((a, b) => a[0] - b[0]).map(([monday, w]) => ({ monday: dateOfDayNumber(monday), ...w }));
  return {
    upn: pupil.upn,
    name: pupil.name,
    weeks: ordered,
    sessions,
    late,
    possible: ordered.reduce((n, w) => n + w.possible, 0),
    attended: ordered.reduce((n, w) => n + w.attended, 0),
    from,
    to,
  };
}
