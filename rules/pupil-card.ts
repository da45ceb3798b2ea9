// One pupil's year as a picture: attendance week by week, the sessions by how they count, and
// late marks before and after the register closed. Pure: from the pupil's marks and today.

import { codeInForce, normaliseMark } from './codes';
import { dateOfDayNumber, dayNumber, mondayOfDayNumber, type IsoDate } from './dates';
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
}

/** Marks dated after today (planned leave entered ahead) have not happened yet and are left out, as the standings leave them. */
export function pupilCard(pupil: SnapshotPupil, today: IsoDate): PupilCardData {
  const sessions = { present: 0, approvedActivity: 0, authorised: 0, unauthorised: 0, notPossible: 0 };
  const late = { beforeClose: 0, afterClose: 0 };
  const weeks = new Map<number, { possible: number; attended: number }>();
  for (const mark of pupil.marks) {
    if (mark.date > today) continue;
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
  return {
    upn: pupil.upn,
    name: pupil.name,
    weeks: [...weeks].sort((a, b) => a[0] - b[0]).map(([monday, w]) => ({ monday: dateOfDayNumber(monday), ...w })),
    sessions,
    late,
  };
}
