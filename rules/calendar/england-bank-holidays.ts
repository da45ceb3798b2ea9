// England's bank holidays 2000 to 2045, worked out by rule as date-holidays (GB, ENG) lists them,
// for code that must not carry the library (the widget); england-bank-holidays.test.ts checks every
// year against the library. Like the library, a holiday on a weekend is listed beside its substitute.

import { dateOfDayNumber, mondayOfDayNumber, weekdayOfDayNumber } from '../dates';
import type { PolicyCalendar } from '../policy/schema';
import { noBankHolidays, type BankHolidaySource } from './bank-holiday-source';
import { SchoolCalendar } from './school-calendar';

export const ENGLAND_TABLE_FIRST_YEAR = 2000;
export const ENGLAND_TABLE_LAST_YEAR = 2045;

/**
 * One-off days, as "month day" pairs: 2012's Diamond Jubilee, 2020's early May moved to VE Day,
 * 2022's spring moved to 2 June with the Platinum Jubilee and the Queen's funeral, 2023's coronation.
 */
const ONE_OFF: Readonly<Record<number, number[]>> = { 2012: [6, 5], 2020: [5, 8], 2022: [6, 2, 6, 3, 9, 19], 2023: [5, 8] };

/** England's bank holidays in a year from 2000 to 2045; a year outside them has none listed. */
export const tabledEnglandBankHolidays: BankHolidaySource = (year) => {
  if (year < ENGLAND_TABLE_FIRST_YEAR || year > ENGLAND_TABLE_LAST_YEAR) return [];
  // Day numbers, as rules/dates.ts counts them; Date.UTC carries a day past the month's end over.
  const on = (month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;
  // Easter Sunday by the anonymous Gregorian algorithm.
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((8 * b + 13) / 25) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const easter = on(3, h + l - 7 * Math.floor((a + 11 * h + 22 * l) / 451) + 22);
  const newYear = weekdayOfDayNumber(on(1, 1));
  const christmas = weekdayOfDayNumber(on(12, 25));
  const days = [on(1, 1), easter - 2, easter + 1, mondayOfDayNumber(on(8, 31)), on(12, 25), on(12, 26)];
  if (newYear === 6) days.push(on(1, 3));
  if (newYear === 0) days.push(on(1, 2));
  // Early May (first Monday) except 2020; spring (last Monday of May) except 2022.
  if (year !== 2020) days.push(mondayOfDayNumber(on(5, 7)));
  if (year !== 2022) days.push(mondayOfDayNumber(on(5, 31)));
  // The weekdays that stand in for Christmas and Boxing Day: Friday -> 28; Saturday -> 27, 28; Sunday -> 27.
  if (christmas === 6 || christmas === 0) days.push(on(12, 27));
  if (christmas === 5 || christmas === 6) days.push(on(12, 28));
  const oneOff = ONE_OFF[year] ?? [];
  for (let i = 0; i < oneOff.length; i += 2) days.push(on(oneOff[i]!, oneOff[i + 1]!));
  return days.sort((x, y) => x - y).map(dateOfDayNumber);
};

/**
 * The calendar a policy describes, with England's bank holidays from this table alone: for the
 * command line, which must start quickly (date-holidays and its time-zone data took most of its
 * start-up) and refuses dates the table does not reach.
 */
export function tabledSchoolCalendarFor(calendar: PolicyCalendar): SchoolCalendar {
  return new SchoolCalendar(calendar, calendar.bankHolidays === 'england' ? tabledEnglandBankHolidays : noBankHolidays);
}
