// Where a calendar's bank holidays come from. Kept apart from date-holidays so
// that code which is given the dates (the content script) does not carry the
// library's data for every country.

import type { IsoDate } from '../dates';

export type BankHolidaySource = (year: number) => readonly IsoDate[];

export const noBankHolidays: BankHolidaySource = () => [];

/** Bank holidays already worked out elsewhere, by calendar year; a year not listed has none. */
export function listedBankHolidays(byYear: Readonly<Record<string, readonly IsoDate[]>>): BankHolidaySource {
  return (year) => byYear[String(year)] ?? [];
}
