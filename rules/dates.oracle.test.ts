// The engine counts days with its own integer arithmetic because it runs over
// hundreds of thousands of marks; date-fns is the reference it must agree with.
import { addDays as fnsAddDays, differenceInCalendarDays, format, getDay } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateOfDayNumber, dayNumber, formatSchoolDate, mondayOfDayNumber, parseSchoolDate, weekdayOfDayNumber } from './dates';

/** Any day from 1990 to 2100, as a local date-fns Date and our ISO string. */
const anyDay = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2100-12-31') }).map((n) => {
  const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { n, iso, local: new Date(y, m - 1, d) };
});

describe('day arithmetic agrees with date-fns', () => {
  it('day numbers and dates round-trip, and match date-fns formatting', () => {
    fc.assert(
      fc.property(anyDay, ({ n, iso, local }) => {
        expect(dateOfDayNumber(n)).toBe(iso);
        expect(dayNumber(iso)).toBe(n);
        expect(format(local, 'yyyy-MM-dd')).toBe(iso);
      }),
    );
  });

  it('differences in days match differenceInCalendarDays', () => {
    fc.assert(
      fc.property(anyDay, anyDay, (a, b) => {
        expect(dayNumber(b.iso) - dayNumber(a.iso)).toBe(differenceInCalendarDays(b.local, a.local));
      }),
    );
  });

  it('adding days matches date-fns, across month ends, leap days and clock changes', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -400, max: 400 }), (a, k) => {
        expect(addDays(a.iso, k)).toBe(format(fnsAddDays(a.local, k), 'yyyy-MM-dd'));
      }),
    );
  });

  it('weekdays and Mondays match date-fns', () => {
    fc.assert(
      fc.property(anyDay, ({ n, local }) => {
        expect(weekdayOfDayNumber(n)).toBe(getDay(local));
        expect(getDay(new Date(dateOfDayNumber(mondayOfDayNumber(n)) + 'T12:00:00'))).toBe(1);
        expect(n - mondayOfDayNumber(n)).toBeLessThan(7);
      }),
    );
  });

  it('short dates read as date-fns writes them in British order', () => {
    fc.assert(
      fc.property(anyDay, ({ iso, local }) => {
        expect(formatSchoolDate(iso)).toBe(format(local, 'EEE d MMM yyyy'));
        expect(parseSchoolDate(format(local, 'dd/MM/yyyy'))).toBe(iso);
      }),
    );
  });
});
