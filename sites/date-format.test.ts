// The compact date reader against date-fns parse (en-GB) as the oracle: date-fns is what profile
// formats are written in, but its parse and locale cost 7.6 KB gzipped in the content script.
import { format, isValid, parse } from 'date-fns';
import { enGB } from 'date-fns/locale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumber } from '../rules/dates';
import { dayInYear, monthOf, nearestTo, readWrittenDate, weekdayAgrees } from './date-format';

const FORMATS = ['EEEE d MMMM yyyy', 'E dd/MM/yyyy', 'EEE d MMM', 'dd-MMM-yyyy', 'EEE dd/MM', 'dd/MM', 'do MMMM yyyy', "d 'of' MMMM yyyy", 'd/M/yy', 'EEEEEE d MMM yyyy', 'EE, d MMM y', 'MMMM d, yyyy'];

/** Ours as an ISO date, taking the reference year where the format has none, as date-fns does. */
function ours(text: string, fmt: string, refYear: number): string | null {
  const written = readWrittenDate(text, fmt);
  if (written === null) return null;
  const iso = dayInYear(written, written.year ?? refYear);
  return iso !== null && weekdayAgrees(written, iso) ? iso : null;
}

function oracle(text: string, fmt: string, refYear: number): string | null {
  const parsed = parse(text, fmt, new Date(refYear, 5, 15), { locale: enGB });
  return isValid(parsed) ? format(parsed, 'yyyy-MM-dd') : null;
}

describe('reading a date by its format, against date-fns parse in en-GB', () => {
  const first = dayNumber('2000-01-01');
  const last = dayNumber('2045-12-31');
  for (const fmt of FORMATS) {
    it(`reads every day of 2000 to 2045 written as ${JSON.stringify(fmt)} as date-fns does`, () => {
      let wrong = 0;
      const examples: string[] = [];
      for (let n = first; n <= last; n++) {
        const iso = dateOfDayNumber(n);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        const text = format(new Date(y, m - 1, d), fmt, { locale: enGB });
        const expected = oracle(text, fmt, y);
        // date-fns itself must read its own output back (else the format is not a fair test).
        if (expected !== iso || ours(text, fmt, y) !== expected || ours(text.toUpperCase(), fmt, y) !== expected) {
          wrong++;
          if (examples.length < 3) examples.push(`${text}: date-fns ${expected}, ours ${ours(text, fmt, y)}`);
        }
      }
      expect(examples).toEqual([]);
      expect(wrong).toBe(0);
    });
  }

  it('agrees with date-fns on what is not a date (impossible days, wrong shapes), over random text', () => {
    const pieces = fc.constantFrom('31', '30', '29', '0', '1', '12', '13', 'Feb', 'February', 'Nov', 'Tue', 'Tuesday', '2025', '2024', '-', '/', ' ', 'x');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 7 }), fc.constantFrom('dd-MMM-yyyy', 'd MMMM yyyy', 'dd/MM/yyyy', 'd MMM yyyy'), (parts, fmt) => {
        const text = parts.join('');
        expect(ours(text, fmt, 2025)).toBe(oracle(text, fmt, 2025));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a weekday that is not the date’s, which date-fns ignores', () => {
    expect(ours('Monday 18 November 2025', 'EEEE d MMMM yyyy', 2025)).toBeNull();
    expect(oracle('Monday 18 November 2025', 'EEEE d MMMM yyyy', 2025)).toBe('2025-11-18');
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2045-12-31') }), fc.integer({ min: 1, max: 6 }), (n, shift) => {
        const [y, m, d] = dateOfDayNumber(n).split('-').map(Number) as [number, number, number];
        const date = new Date(y, m - 1, d);
        const wrongDay = format(new Date(y, m - 1, d + shift), 'EEEE', { locale: enGB });
        expect(ours(`${wrongDay} ${format(date, 'd MMMM yyyy', { locale: enGB })}`, 'EEEE d MMMM yyyy', y)).toBeNull();
      }),
    );
  });

  it('reads names in any case and with extra spaces, and says which month a name or number is', () => {
    expect(ours('  tuesday   18 NOVEMBER 2025 ', 'EEEE d MMMM yyyy', 2000)).toBe('2025-11-18');
    expect(ours('Thu 18 Sept', 'EEE d MMM', 2025)).toBe('2025-09-18');
    expect([monthOf('11'), monthOf('Nov'), monthOf('november'), monthOf('Sept'), monthOf('13'), monthOf('Novembre')]).toEqual([11, 11, 11, 9, null, null]);
  });
});

describe('a day and month without a year, near an anchor date', () => {
  const near = (text: string, anchor: string) => nearestTo(readWrittenDate(text, 'dd/MM')!, anchor);

  it('takes the year that puts it nearest: across New Year either way', () => {
    expect(near('29/12', '2025-12-29')).toBe('2025-12-29');
    expect(near('02/01', '2025-12-29')).toBe('2026-01-02');
    expect(near('29/12', '2026-01-02')).toBe('2025-12-29');
    expect(near('24/11', '2025-11-24')).toBe('2025-11-24');
  });

  it('29 February only in a leap year', () => {
    expect(near('29/02', '2024-02-26')).toBe('2024-02-29');
    expect(near('29/02', '2025-02-24')).toBe('2024-02-29');
  });
});
