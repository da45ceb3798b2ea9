// Bank holidays for England, computed by the maintained date-holidays package
// (GB, state ENG) rather than typed in, so that substitute days and one-off
// holidays (such as the 2023 coronation) are right in every year.

import Holidays from 'date-holidays';
import type { IsoDate } from '../dates';
import type { PolicyCalendar } from '../policy/schema';
import { noBankHolidays, type BankHolidaySource } from './bank-holiday-source';
import { ENGLAND_TABLE_FIRST_YEAR, ENGLAND_TABLE_LAST_YEAR, tabledEnglandBankHolidays } from './england-bank-holidays';
import { SchoolCalendar } from './school-calendar';

export { noBankHolidays, type BankHolidaySource } from './bank-holiday-source';

let england: Holidays | undefined;
const cache = new Map<number, readonly IsoDate[]>();
const libraryCache = new Map<number, readonly IsoDate[]>();

/**
 * Bank holidays in England in one calendar year, substitute days included. From 2000 to 2045 by
 * rule (england-bank-holidays.ts, checked against date-holidays for every one of those years by
 * its test): a calendar fills its tables from 2000, and date-holidays takes over half a second to
 * compute those 27 years, which every fresh check page worker paid. Other years from date-holidays.
 */
export const englandBankHolidays: BankHolidaySource = (year) => {
  if (year >= ENGLAND_TABLE_FIRST_YEAR && year <= ENGLAND_TABLE_LAST_YEAR) {
    let tabled = cache.get(year);
    if (tabled === undefined) {
      tabled = Object.freeze(tabledEnglandBankHolidays(year));
      cache.set(year, tabled);
    }
    return tabled;
  }
  return libraryEnglandBankHolidays(year);
};

/** Bank holidays in England as date-holidays (GB, state ENG) computes them, any year. */
export const libraryEnglandBankHolidays: BankHolidaySource = (year) => {
  const cached = libraryCache.get(year);
  if (cached !== undefined) return cached;
  england ??= new Holidays('GB', 'ENG');
  const dates = england
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => h.date.slice(0, 10));
  const result = Object.freeze([...new Set(dates)].sort());
  libraryCache.set(year, result);
  return result;
};

/** The calendar a policy describes, with England's bank holidays computed when it asks for them. */
export function schoolCalendarFor(calendar: PolicyCalendar): SchoolCalendar {
  return new SchoolCalendar(calendar, calendar.bankHolidays === 'england' ? englandBankHolidays : noBankHolidays);
}
