// Dates as the school writes them: ISO or British DD/MM/YYYY, never US order,
// and never an impossible day. The oracle for "is this a real day" is the
// Gregorian leap-year rule written out here, independent of Date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  formatClockTime,
  formatSchoolDate,
  isIsoDate,
  mondayOfDayNumber,
  parseClockTime,
  parseSchoolDate,
  weekdayOfDayNumber,
} from './dates';

/** Gregorian rule: every fourth year, except centuries not divisible by 400. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('parseSchoolDate', () => {
  it('reads YYYY-MM-DD as it is', () => {
    expect(parseSchoolDate('2024-10-23')).toBe('2024-10-23');
    expect(parseSchoolDate('2025-01-01')).toBe('2025-01-01');
  });

  it('reads DD/MM/YYYY the British way, with or without leading zeros', () => {
    expect(parseSchoolDate('23/10/2024')).toBe('2024-10-23');
    expect(parseSchoolDate('2/9/2024')).toBe('2024-09-02');
    expect(parseSchoolDate('02/09/2024')).toBe('2024-09-02');
  });

  it('reads 03/04/2025 as 3 April, not the American 4 March', () => {
    expect(parseSchoolDate('03/04/2025')).toBe('2025-04-03');
    expect(parseSchoolDate('04/03/2025')).toBe('2025-03-04');
  });

  it('reads 13/01/2025 as 13 January and rejects 01/13/2025 (no thirteenth month)', () => {
    expect(parseSchoolDate('13/01/2025')).toBe('2025-01-13');
    expect(parseSchoolDate('01/13/2025')).toBeNull();
  });

  it('rejects impossible days in either form', () => {
    for (const text of ['31/02/2025', '2025-02-29', '29/02/2025', '00/01/2025', '2025-13-01', '2025-00-10', '2025-01-00', '31/04/2025', '2025-06-31', '32/01/2025']) {
      expect(parseSchoolDate(text), text).toBeNull();
    }
  });

  it('accepts 29 February in a leap year, including 2000, and rejects it in 1900', () => {
    expect(parseSchoolDate('29/02/2024')).toBe('2024-02-29');
    expect(parseSchoolDate('2024-02-29')).toBe('2024-02-29');
    expect(parseSchoolDate('29/02/2000')).toBe('2000-02-29');
    expect(parseSchoolDate('29/02/1900')).toBeNull();
    expect(parseSchoolDate('2100-02-29')).toBeNull();
  });

  it('ignores spaces around the date', () => {
    expect(parseSchoolDate('  23/10/2024 ')).toBe('2024-10-23');
    expect(parseSchoolDate('\t2024-10-23\n')).toBe('2024-10-23');
  });

  it('rejects other ways of writing a date rather than guessing', () => {
    for (const text of ['', '   ', '23/10/24', '2024/10/23', '23-10-2024', '23.10.2024', '2024-10-23T09:00', '2024-1-5', '23 Oct 2024', '23/10/2024 09:00', '٢٣/١٠/٢٠٢٤']) {
      expect(parseSchoolDate(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('accepts a day in either form exactly when the Gregorian calendar has it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const real = m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
        const iso = `${y}-${pad(m)}-${pad(d)}`;
        expect(parseSchoolDate(iso)).toBe(real ? iso : null);
        expect(isIsoDate(iso)).toBe(real);
        expect(parseSchoolDate(`${pad(d)}/${pad(m)}/${y}`)).toBe(real ? iso : null);
        expect(parseSchoolDate(`${d}/${m}/${y}`)).toBe(real ? iso : null);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('day numbers', () => {
  it('count days from Thursday 1 January 1970', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    // 30 years of 365 days and 7 leap days (1972 ... 1996) to 1 January 2000.
    expect(dayNumber('2000-01-01')).toBe(30 * 365 + 7);
    expect(dateOfDayNumber(30 * 365 + 7)).toBe('2000-01-01');
  });

  it('round-trip: the date of a day number has that day number, for every day 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2200-12-31') }), (n) => {
        const date = dateOfDayNumber(n);
        expect(isIsoDate(date)).toBe(true);
        expect(dayNumber(date)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('consecutive day numbers are consecutive calendar days, across month and year ends and leap days', () => {
    const from = dayNumber('1999-12-01');
    let [y, m, d] = [1999, 12, 1];
    for (let n = from; n <= dayNumber('2028-03-31'); n++) {
      expect(dateOfDayNumber(n)).toBe(`${y}-${pad(m)}-${pad(d)}`);
      d++;
      if (d > daysInMonth(y, m)) [m, d] = [m + 1, 1];
      if (m > 12) [y, m] = [y + 1, 1];
    }
  });

  it('addDays moves by whole days, across 29 February and the clocks changing', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    // British Summer Time began on Sun 30 Mar 2025 and ended on Sun 26 Oct 2025.
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });
});

describe('weekdays', () => {
  const weekday = (date: string) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][weekdayOfDayNumber(dayNumber(date))];

  it('gives the weekday of known dates (calendars.md names them)', () => {
    expect(weekday('1970-01-01')).toBe('Thu');
    expect(weekday('2024-10-23')).toBe('Wed');
    expect(weekday('2024-09-02')).toBe('Mon');
    expect(weekday('2024-12-20')).toBe('Fri');
    expect(weekday('2025-04-22')).toBe('Tue');
    expect(weekday('2025-05-05')).toBe('Mon');
    expect(weekday('2026-04-02')).toBe('Thu');
    expect(weekday('2000-02-29')).toBe('Tue');
    expect(weekday('1969-12-31')).toBe('Wed');
  });

  it('the Monday of a week is a Monday on or before the day, less than a week before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1960-01-01'), max: dayNumber('2100-12-31') }), (n) => {
        const monday = mondayOfDayNumber(n);
        expect(weekdayOfDayNumber(monday)).toBe(1);
        expect(n - monday).toBeGreaterThanOrEqual(0);
        expect(n - monday).toBeLessThan(7);
      }),
    );
    expect(dateOfDayNumber(mondayOfDayNumber(dayNumber('2024-10-27')))).toBe('2024-10-21');
    expect(dateOfDayNumber(mondayOfDayNumber(dayNumber('2024-10-28')))).toBe('2024-10-28');
  });
});

describe('parseClockTime', () => {
  it('reads HH:MM and H:MM as minutes after midnight', () => {
    expect(parseClockTime('09:15')).toBe(9 * 60 + 15);
    expect(parseClockTime('9:15')).toBe(9 * 60 + 15);
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('23:59')).toBe(23 * 60 + 59);
    expect(parseClockTime(' 13:30 ')).toBe(13 * 60 + 30);
  });

  it('rejects times that are not on a 24-hour clock', () => {
    for (const text of ['24:00', '09:60', '25:00', '9:5', '09.15', '0915', '9:15am', '-1:00', '', '12:3O', '009:15']) {
      expect(parseClockTime(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('reads back every minute of the day as formatClockTime writes it', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes++) expect(parseClockTime(formatClockTime(minutes))).toBe(minutes);
    expect(formatClockTime(9 * 60 + 5)).toBe('09:05');
  });
});

describe('formatSchoolDate', () => {
  it('writes dates the en-GB way: Wed 23 Oct 2024', () => {
    expect(formatSchoolDate('2024-10-23')).toBe('Wed 23 Oct 2024');
    expect(formatSchoolDate('2024-11-06')).toBe('Wed 6 Nov 2024');
    expect(formatSchoolDate('2025-01-10')).toBe('Fri 10 Jan 2025');
  });

  it('writes September as Sep on every machine, not Sept', () => {
    expect(formatSchoolDate('2024-09-02')).toBe('Mon 2 Sep 2024');
  });

  it('reads back what it writes, day and month in British order', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2099-12-31') }), (n) => {
        const date = dateOfDayNumber(n);
        const [weekdayName, day, month, year] = formatSchoolDate(date).split(' ') as [string, string, string, string];
        const monthNumber = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(month) + 1;
        expect(parseSchoolDate(`${day}/${monthNumber}/${year}`)).toBe(date);
        expect(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(weekdayName)).toBe(weekdayOfDayNumber(n));
      }),
    );
  });
});
