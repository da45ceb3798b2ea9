import { describe, expect, it } from 'vitest';
import { englandBankHolidays, libraryEnglandBankHolidays } from './bank-holidays';
import { ENGLAND_TABLE_FIRST_YEAR, ENGLAND_TABLE_LAST_YEAR, tabledEnglandBankHolidays } from './england-bank-holidays';

describe("the widget's England bank holidays, by rule", () => {
  it('lists every year from 2000 to 2045 exactly as date-holidays computes it', () => {
    expect([ENGLAND_TABLE_FIRST_YEAR, ENGLAND_TABLE_LAST_YEAR]).toEqual([2000, 2045]);
    for (let year = ENGLAND_TABLE_FIRST_YEAR; year <= ENGLAND_TABLE_LAST_YEAR; year++) {
      expect(tabledEnglandBankHolidays(year), String(year)).toEqual([...libraryEnglandBankHolidays(year)]);
    }
  });

  it("is what the extension's and the command line's calendars use for those years, and date-holidays outside them", () => {
    expect([...englandBankHolidays(2025)]).toEqual(tabledEnglandBankHolidays(2025));
    expect(englandBankHolidays(2046)).toEqual(libraryEnglandBankHolidays(2046));
    expect(englandBankHolidays(2046)).toContain('2046-12-25');
    expect(englandBankHolidays(1999)).toContain('1999-12-27');
  });

  it('holds the one-off days of recent years (shared/reference/calendars.md)', () => {
    expect(tabledEnglandBankHolidays(2022)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
    expect(tabledEnglandBankHolidays(2023)).toContain('2023-05-08');
    // Weekdays only: date-holidays also lists Boxing Day on its Saturday, beside the substitute Monday.
    const weekdays = (dates: readonly string[]) => dates.filter((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()));
    expect(weekdays(tabledEnglandBankHolidays(2026))).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
  });

  it('lists nothing for a year outside the table, rather than guessing', () => {
    expect(tabledEnglandBankHolidays(2046)).toEqual([]);
    expect(tabledEnglandBankHolidays(1999)).toEqual([]);
  });
});
