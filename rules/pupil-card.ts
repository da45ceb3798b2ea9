// One pupil's year as a picture: attendance week by week, the sessions by how they count, and
// late marks before and after the register closed. Pure: from the pupil's marks and today.

import { CODE_SET_2024_FROM, CODES_2006, codeInForce, normaliseMark, type AttendanceCode } from './codes';
import { dateOfDayNumber, dayNumber, mondayOfDayNumber, type IsoDate } from './dates';
import { academicYearStarting, type SchoolCalendar } from './calendar/school-calendar';
import type { SnapshotMark, SnapshotPupil } from './snapshot';
import type { PupilTimeline } from './timeline';

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
 * Day numbers by date, and marks read as codes by (span of dates with one meaning for every mark,
 * session), shared by every card: a check page draws a card for each of 1,500 pupils, whose
 * 570,000 marks hold about 200 distinct dates and a handful of distinct marks. Memos of pure
 * functions, dropped whole when an odd file fills them.
 */
const DAY_NUMBERS = new Map<IsoDate, number>();
const RESOLVED = [0, 1, 2, 3, 4, 5].map(() => new Map<string, { readonly code: string; readonly found: AttendanceCode | undefined }>());
const MEMO_LIMIT = 20_000;
/** F was withdrawn partway through the 2006 set's life: before, the rest of the 2006 set, the 2024 set. */
const F_WITHDRAWN_FROM = CODES_2006.get('F')!.until!;

function dayNumberOf(date: IsoDate): number {
  let day = DAY_NUMBERS.get(date);
  if (day === undefined) {
    if (DAY_NUMBERS.size >= MEMO_LIMIT) DAY_NUMBERS.clear();
    day = dayNumber(date);
    DAY_NUMBERS.set(date, day);
  }
  return day;
}

function resolved(raw: string, date: IsoDate, session: SnapshotMark['session']) {
  const memo = RESOLVED[(date < F_WITHDRAWN_FROM ? 0 : date < CODE_SET_2024_FROM ? 2 : 4) + (session === 'PM' ? 1 : 0)]!;
  let r = memo.get(raw);
  if (r === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const code = normaliseMark(raw, session);
    r = { code, found: code === '' ? undefined : codeInForce(code, date) };
    memo.set(raw, r);
  }
  return r;
}

/** A card's counts, mark by mark: the sessions by how they count, late marks, and the weeks. */
class CardTally {
  private readonly sessions = { present: 0, approvedActivity: 0, authorised: 0, unauthorised: 0, notPossible: 0 };
  private readonly late = { beforeClose: 0, afterClose: 0 };
  private readonly weeks = new Map<number, { possible: number; attended: number }>();
  // Marks come mostly in date order: the week of the mark before is kept at hand.
  private monday = NaN;
  private week = { possible: 0, attended: 0 };

  add(day: number, code: string, counts: AttendanceCode['counts']): void {
    if (code === 'L') this.late.beforeClose++;
    if (code === 'U') this.late.afterClose++;
    switch (counts) {
      case 'present':
        this.sessions.present++;
        break;
      case 'approved-activity':
        this.sessions.approvedActivity++;
        break;
      case 'authorised':
        this.sessions.authorised++;
        break;
      case 'unauthorised':
        this.sessions.unauthorised++;
        break;
      default:
        this.sessions.notPossible++;
        return;
    }
    const monday = mondayOfDayNumber(day);
    if (monday !== this.monday) {
      this.monday = monday;
      const known = this.weeks.get(monday);
      if (known === undefined) {
        this.week = { possible: 0, attended: 0 };
        this.weeks.set(monday, this.week);
      } else this.week = known;
    }
    this.week.possible++;
    if (counts === 'present' || counts === 'approved-activity') this.week.attended++;
  }

  card(upn: string, name: string, from: IsoDate | null, to: IsoDate | null): PupilCardData {
    const weeks = [...this.weeks].sort((a, b) => a[0] - b[0]).map(([monday, w]) => ({ monday: dateOfDayNumber(monday), ...w }));
    const { sessions, late } = this;
    return { upn, name, weeks, sessions, late, possible: weeks.reduce((n, w) => n + w.possible, 0), attended: weeks.reduce((n, w) => n + w.attended, 0), from, to };
  }
}

/**
 * Marks dated after today (planned leave entered ahead) have not happened yet and are left out, as
 * the standings leave them; given `counted`, so are other school years' marks and days without school.
 */
export function pupilCard(pupil: SnapshotPupil, today: IsoDate, counted?: CardSessions): PupilCardData {
  const tally = new CardTally();
  const yearStarts = counted === undefined ? '' : `${counted.schoolYear ?? academicYearStarting(today)}-09-01`;
  const yearEnds = counted === undefined ? '' : `${Number(yearStarts.slice(0, 4)) + 1}-08-31`;
  let from: IsoDate | null = null;
  let to: IsoDate | null = null;
  // Marks come mostly in date order: the week of the mark before is kept at hand.
  let lastDate = '';
  let day = 0;
  for (const mark of pupil.marks) {
    const date = mark.date;
    if (date > today) continue;
    if (date !== lastDate) {
      lastDate = date;
      day = dayNumberOf(date);
    }
    if (counted !== undefined && (date < yearStarts || date > yearEnds || !counted.calendar.isSchoolDayNumber(day))) continue;
    if (from === null || date < from) from = date;
    if (to === null || date > to) to = date;
    const { code, found } = resolved(mark.mark, date, mark.session);
    if (found !== undefined) tally.add(day, code, found.counts);
  }
  return tally.card(pupil.upn, pupil.name, from, to);
}

/**
 * The same card from the pupil's timeline (rules/timeline.ts), which has already read each mark as
 * a code and each date as a day number: a check page that has run the engine over a whole export
 * draws every card without reading 570,000 marks a second time.
 */
export function pupilCardFromTimeline(timeline: PupilTimeline, today: IsoDate, counted?: CardSessions): PupilCardData {
  const tally = new CardTally();
  const todayDay = dayNumber(today);
  const firstYear = counted === undefined ? 0 : (counted.schoolYear ?? academicYearStarting(today));
  const yearStarts = counted === undefined ? -Infinity : dayNumber(`${firstYear}-09-01`);
  const yearEnds = counted === undefined ? Infinity : dayNumber(`${firstYear + 1}-08-31`);
  const { days, codes, normalised, marks } = timeline;
  let first = -1;
  let last = -1;
  for (let i = 0; i < timeline.length; i++) {
    const day = days[i]!;
    if (day > todayDay) continue;
    if (counted !== undefined && (day < yearStarts || day > yearEnds || !counted.calendar.isSchoolDayNumber(day))) continue;
    if (first < 0 || day < days[first]!) first = i;
    if (last < 0 || day > days[last]!) last = i;
    const found = codes[i];
    if (found !== undefined) tally.add(day, normalised[i]!, found.counts);
  }
  return tally.card(timeline.pupil.upn, timeline.pupil.name, first < 0 ? null : marks[first]!.date, last < 0 ? null : marks[last]!.date);
}

/**
 * Many pupils' cards in a form cheap to hand from a worker to a page: a year's export has 1,500
 * cards of about 40 weeks each, and copying 60,000 small objects to the page held its thread for
 * a tenth of a second and more. Each card's weeks go into one shared Int32Array (Monday as a day
 * number, possible, attended); the rest stays as it is. unpackCard gives a card back whole.
 */
export interface PackedCards {
  readonly cards: readonly Omit<PupilCardData, 'weeks'>[];
  /** Card i's weeks are weeks[3 * starts[i]] up to weeks[3 * starts[i + 1]]. */
  readonly starts: Int32Array;
  readonly weeks: Int32Array;
}

export function packCards(cards: readonly PupilCardData[]): PackedCards {
  const starts = new Int32Array(cards.length + 1);
  let total = 0;
  cards.forEach((card, i) => {
    starts[i] = total;
    total += card.weeks.length;
  });
  starts[cards.length] = total;
  const weeks = new Int32Array(total * 3);
  let at = 0;
  const heads = cards.map(({ weeks: cardWeeks, ...head }) => {
    for (const week of cardWeeks) {
      weeks[at++] = dayNumber(week.monday);
      weeks[at++] = week.possible;
      weeks[at++] = week.attended;
    }
    return head;
  });
  return { cards: heads, starts, weeks };
}

export function unpackCard(packed: PackedCards, index: number): PupilCardData {
  const weeks: WeekBar[] = [];
  for (let w = packed.starts[index]!; w < packed.starts[index + 1]!; w++) {
    weeks.push({ monday: dateOfDayNumber(packed.weeks[3 * w]!), possible: packed.weeks[3 * w + 1]!, attended: packed.weeks[3 * w + 2]! });
  }
  const { upn, name, sessions, late, possible, attended, from, to } = packed.cards[index]!;
  return { upn, name, weeks, sessions, late, possible, attended, from, to };
}
