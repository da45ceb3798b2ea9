// The school's calendar: which days are school days, and counting them.
// A school day is a weekday in term that is not a bank holiday, a half-term day,
// a training day or another closure. For an academic year the policy holds no
// term dates for, the calendar falls back to weekdays less bank holidays
// (shared/reference/calendars.md) and says so through hasTermDatesFor().

import { dateOfDayNumber, dayNumber, mondayOfDayNumber, weekdayOfDayNumber, type IsoDate } from '../dates';
import type { PolicyCalendar } from '../policy/schema';
import type { BankHolidaySource } from './bank-holiday-source';

export type DayKind = 'school-day' | 'weekend' | 'bank-holiday' | 'half-term' | 'holiday' | 'training-day' | 'closure';

const KINDS: readonly DayKind[] = ['school-day', 'weekend', 'bank-holiday', 'half-term', 'holiday', 'training-day', 'closure'];
const SCHOOL_DAY = 0;

/** Counting starts on Monday 3 January 2000; registers before then are not read. */
const ORIGIN = dayNumber('2000-01-03');
/** A search for the next school day gives up after this many days (no calendar has a longer break). */
const LONGEST_BREAK_DAYS = 400;

interface YearDates {
  terms: { start: number; end: number; halfStart: number; halfEnd: number }[];
  closures: { start: number; end: number; kind: number }[];
}

/** The academic year a date falls in, by its first calendar year: 2024-10-23 → 2024 (for 2024-25). */
export function academicYearStarting(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 9 ? year : year - 1;
}

export function academicYearLabel(date: IsoDate): string {
  const first = academicYearStarting(date);
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
}

export class SchoolCalendar {
  readonly #years = new Map<number, YearDates>();
  readonly #bankHolidays: BankHolidaySource;
  /** Day kinds, school-day ordinals and school-week ordinals from ORIGIN to end (exclusive). */
  #kinds = new Uint8Array(0);
  #dayOrdinals = new Int32Array(0);
  #weekOrdinals = new Int32Array(0);
  #end = ORIGIN;
  readonly #deadlines = new Map<number, number>();

  /** bankHolidays: schoolCalendarFor (bank-holidays.ts) computes England's; the content script is given them. */
  constructor(calendar: PolicyCalendar, bankHolidays: BankHolidaySource) {
    this.#bankHolidays = bankHolidays;
    for (const year of calendar.academicYears) {
      this.#years.set(Number(year.label.slice(0, 4)), {
        terms: year.terms.map((t) => ({
          start: dayNumber(t.start),
          end: dayNumber(t.end),
          halfStart: t.halfTerm ? dayNumber(t.halfTerm.start) : Infinity,
          halfEnd: t.halfTerm ? dayNumber(t.halfTerm.end) : -Infinity,
        })),
        closures: year.closures.map((c) => ({
          start: dayNumber(c.start),
          end: dayNumber(c.end ?? c.start),
          kind: KINDS.indexOf(c.kind),
        })),
      });
    }
  }

  /** Whether the policy holds term dates for the academic year of this date. */
  hasTermDatesFor(date: IsoDate): boolean {
    return this.#years.has(academicYearStarting(date));
  }

  /** The academic years the policy holds term dates for, as labels such as '2024-25'. */
  get academicYearsWithTermDates(): string[] {
    return [...this.#years.keys()].sort().map((y) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`);
  }

  kindOf(date: IsoDate): DayKind {
    return KINDS[this.#kindOfDay(dayNumber(date))]!;
  }

  isSchoolDay(date: IsoDate): boolean {
    return this.#kindOfDay(dayNumber(date)) === SCHOOL_DAY;
  }

  isSchoolDayNumber(day: number): boolean {
    return this.#kindOfDay(day) === SCHOOL_DAY;
  }

  /** School days from the origin up to and including this day: differences count school days. */
  schoolDayOrdinal(day: number): number {
    if (day < ORIGIN) return 0;
    this.#ensure(day);
    return this.#dayOrdinals[day - ORIGIN]!;
  }

  /** School weeks (Monday to Sunday, with at least one school day) up to and including this day's week. */
  schoolWeekOrdinal(day: number): number {
    if (day < ORIGIN) return 0;
    this.#ensure(day);
    return this.#weekOrdinals[day - ORIGIN]!;
  }

  /** How many school days fall after `after` and on or before `upTo`. */
  schoolDaysBetween(after: IsoDate, upTo: IsoDate): number {
    return Math.max(0, this.schoolDayOrdinal(dayNumber(upTo)) - this.schoolDayOrdinal(dayNumber(after)));
  }

  /** The nth school day after a date (the date itself is not counted). */
  nthSchoolDayAfter(date: IsoDate, n: number): IsoDate {
    return dateOfDayNumber(this.nthSchoolDayAfterNumber(dayNumber(date), n));
  }

  nthSchoolDayAfterNumber(day: number, n: number): number {
    // Many marks share a date (a class's N codes on one morning): remember each answer.
    if (n >= 64) return this.#searchNthSchoolDayAfter(day, n);
    const key = day * 64 + n;
    const known = this.#deadlines.get(key);
    if (known !== undefined) return known;
    const found = this.#searchNthSchoolDayAfter(day, n);
    this.#deadlines.set(key, found);
    return found;
  }

  #searchNthSchoolDayAfter(day: number, n: number): number {
    const target = this.schoolDayOrdinal(day) + n;
    // Ordinals rise by one on each school day, so the first day reaching the target is the answer.
    for (let d = day + 1; d <= day + LONGEST_BREAK_DAYS + 7 * n; d++) {
      if (this.schoolDayOrdinal(d) >= target) return d;
    }
    throw new Error(`No ${n} school days found after ${dateOfDayNumber(day)}: the calendar has no school days ahead.`);
  }

  #kindOfDay(day: number): number {
    if (day >= ORIGIN) {
      this.#ensure(day);
      return this.#kinds[day - ORIGIN]!;
    }
    const date = dateOfDayNumber(day);
    return this.#classify(day, new Set(this.#bankHolidays(Number(date.slice(0, 4))).map(dayNumber)), this.#years.get(academicYearStarting(date)));
  }

  /** year: the term dates of the academic year the day falls in, if the policy has them. */
  #classify(day: number, bankHolidays: ReadonlySet<number>, year: YearDates | undefined): number {
    const weekday = weekdayOfDayNumber(day);
    if (weekday === 0 || weekday === 6) return KINDS.indexOf('weekend');
    if (bankHolidays.has(day)) return KINDS.indexOf('bank-holiday');
    if (year === undefined) return SCHOOL_DAY;
    for (const c of year.closures) if (day >= c.start && day <= c.end) return c.kind;
    for (const t of year.terms) {
      if (day >= t.start && day <= t.end) return day >= t.halfStart && day <= t.halfEnd ? KINDS.indexOf('half-term') : SCHOOL_DAY;
    }
    return KINDS.indexOf('holiday');
  }

  /** Extends the tables to cover the day, in whole years and whole weeks. */
  #ensure(day: number): void {
    if (day < this.#end) return;
    const lastYear = Number(dateOfDayNumber(day).slice(0, 4)) + 1;
    const newEnd = mondayOfDayNumber(dayNumber(`${lastYear}-12-31`)) + 7;
    const size = newEnd - ORIGIN;
    const kinds = new Uint8Array(size);
    const dayOrdinals = new Int32Array(size);
    const weekOrdinals = new Int32Array(size);
    kinds.set(this.#kinds);
    dayOrdinals.set(this.#dayOrdinals);
    weekOrdinals.set(this.#weekOrdinals);
    const bankHolidays = new Set<number>();
    // The last week spills into January of the year after lastYear: its New Year's Day counts too.
    for (let y = Number(dateOfDayNumber(this.#end).slice(0, 4)); y <= lastYear + 1; y++) {
      for (const d of this.#bankHolidays(y)) bankHolidays.add(dayNumber(d));
    }
    let ordinal = this.#end > ORIGIN ? this.#dayOrdinals[this.#end - ORIGIN - 1]! : 0;
    let weeks = this.#end > ORIGIN ? this.#weekOrdinals[this.#end - ORIGIN - 1]! : 0;
    // Academic years change on 1 September: found by day number, not by writing each day's date.
    let academicYear = academicYearStarting(dateOfDayNumber(this.#end));
    let nextAcademicYear = dayNumber(`${academicYear + 1}-09-01`);
    let year = this.#years.get(academicYear);
    // this.end is always a Monday, so the tables grow a whole week at a time.
    for (let monday = this.#end; monday < newEnd; monday += 7) {
      let weekHasSchool = false;
      for (let d = monday; d < monday + 7; d++) {
        if (d >= nextAcademicYear) {
          academicYear++;
          nextAcademicYear = dayNumber(`${academicYear + 1}-09-01`);
          year = this.#years.get(academicYear);
        }
        const kind = this.#classify(d, bankHolidays, year);
        kinds[d - ORIGIN] = kind;
        if (kind === SCHOOL_DAY) {
          ordinal++;
          weekHasSchool = true;
        }
        dayOrdinals[d - ORIGIN] = ordinal;
      }
      if (weekHasSchool) weeks++;
      weekOrdinals.fill(weeks, monday - ORIGIN, monday + 7 - ORIGIN);
    }
    this.#kinds = kinds;
    this.#dayOrdinals = dayOrdinals;
    this.#weekOrdinals = weekOrdinals;
    this.#end = newEnd;
  }
}
