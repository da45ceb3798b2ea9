// Bank holidays for England, computed by the maintained date-holidays package
// (GB, state ENG) rather than typed in, so that substitute days and one-off
// holidays (such as the 2023 coronation) are right in every year.

import Holidays from 'date-holidays';
import type { IsoDate } from '../dates';
import type { PolicyCalendar } from '../policy/schema';
import { noBankHolidays, type BankHolidaySource } from './bank-holiday-source';
import { SchoolCalendar } from './school-calendar';

export { noBankHolidays, type BankHolidaySource } from './bank-holiday-source';

let england: Holidays | undefined;
const cache = new Map<number, readonly IsoDate[]>();

/** Bank holidays in England in one calendar year, substitute days included. */
export const englandBankHolidays: BankHolidaySource = (year) => {
  const cached = cache.get(year);
  if (cached !== undefined) return cached;
  england ??= new Holidays('GB', 'ENG');
  const dates = england
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => h.date.slice(0, 10));
  const result = Object.freeze([...new Set(dates)].sort());
  cache.set(year, result);
  return result;
};

/** The calendar a policy describes, with England's bank holidays computed when it asks for them. */
export function schoolCalendarFor(calendar: PolicyCalendar): SchoolCalendar {
  return new SchoolCalendar(calendar, calendar.bankHolidays === 'england' ? englandBankHolidays : noBankHolidays);
}
