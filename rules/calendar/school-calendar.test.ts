import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_POLICY_INPUT } from '../../test/support/rules';
import { dateOfDayNumber, dayNumber, weekdayOfDayNumber } from '../dates';
import { calendarSchema } from '../policy/schema';
import { englandBankHolidays } from './bank-holidays';
import { SchoolCalendar } from './school-calendar';

// The Leeds 2024-25 and 2025-26 terms (calendars.md), plus a training day and a closure for the tests.
const calendarInput = structuredClone(TEST_POLICY_INPUT.calendar);
calendarInput.academicYears![0]!.closures = [
  { start: '2024-11-22', kind: 'training-day', reason: 'INSET' },
  { start: '2025-03-03', end: '2025-03-04', kind: 'closure', reason: 'Heating failure' },
];
const parsed = calendarSchema.parse(calendarInput);
const fresh = () => new SchoolCalendar(parsed);
const calendar = fresh();

describe('the school calendar', () => {
  it('names why a day is not a school day', () => {
    expect(['2024-10-23', '2024-10-26', '2024-10-30', '2025-05-05', '2025-08-20', '2024-11-22', '2025-03-04'].map((d) => calendar.kindOf(d))).toEqual([
      'school-day',
      'weekend',
      'half-term',
      'bank-holiday',
      'holiday',
      'training-day',
      'closure',
    ]);
  });

  it('counts a training day as no school day: N on Tue 19 Nov 2024 is due Wed 27 Nov, not Tue 26', () => {
    expect(calendar.nthSchoolDayAfter('2024-11-19', 5)).toBe('2024-11-27');
  });

  it('falls back to weekdays less bank holidays for a year without term dates, and says so', () => {
    expect(calendar.hasTermDatesFor('2026-10-01')).toBe(false);
    expect(calendar.kindOf('2026-08-31')).toBe('bank-holiday');
    expect(calendar.isSchoolDay('2026-12-24')).toBe(true);
    expect([calendar.isSchoolDay('2026-12-25'), calendar.isSchoolDay('2026-12-28')]).toEqual([false, false]);
  });

  it('a half-term week is not a school week; a week with one school day is', () => {
    const w = (d: string) => calendar.schoolWeekOrdinal(dayNumber(d));
    expect(w('2024-11-04') - w('2024-10-21')).toBe(1);
    // Mon 21 Jul 2025 and Tue 22 Jul: the last, short week of the year still counts.
    expect(w('2025-07-21') - w('2025-07-14')).toBe(1);
  });

  const anyDay = fc.integer({ min: dayNumber('2024-06-01'), max: dayNumber('2027-12-31') }).map(dateOfDayNumber);

  it('the nth school day after a date is a school day, after it, with exactly n school days between', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 30 }), (d, n) => {
        const result = calendar.nthSchoolDayAfter(d, n);
        expect(result > d).toBe(true);
        expect(calendar.isSchoolDay(result)).toBe(true);
        expect(calendar.schoolDaysBetween(d, result)).toBe(n);
      }),
    );
  });

  it('school days between dates add up', () => {
    fc.assert(
      fc.property(anyDay, anyDay, anyDay, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort() as [string, string, string];
        expect(calendar.schoolDaysBetween(a, c)).toBe(calendar.schoolDaysBetween(a, b) + calendar.schoolDaysBetween(b, c));
      }),
    );
  });

  it('no weekend or bank holiday is ever a school day', () => {
    const bankHolidays = new Set([2024, 2025, 2026, 2027].flatMap(englandBankHolidays));
    fc.assert(
      fc.property(anyDay, (d) => {
        const weekend = [0, 6].includes(weekdayOfDayNumber(dayNumber(d)));
        if (weekend || bankHolidays.has(d)) expect(calendar.isSchoolDay(d)).toBe(false);
      }),
    );
  });

  it('answers the same whichever dates are asked first (the tables grow on demand)', () => {
    fc.assert(
      fc.property(fc.array(anyDay, { minLength: 1, maxLength: 8 }), (days) => {
        const early = fresh();
        const late = fresh();
        late.isSchoolDay('2027-12-31');
        for (const d of days) {
          expect(early.schoolDayOrdinal(dayNumber(d))).toBe(late.schoolDayOrdinal(dayNumber(d)));
          expect(early.kindOf(d)).toBe(late.kindOf(d));
        }
      }),
      { numRuns: 30 },
    );
  });
});
