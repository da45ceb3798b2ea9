// The school calendar against shared/reference/calendars.md: the Leeds term
// dates and the bank-holiday table are read from the reference itself, passed
// through the policy schema as a school's file would be, and every answer is
// checked against the reference's worked examples and a plain day-by-day count.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_POLICY_INPUT } from '../../test/support/rules';
import { addDays, dateOfDayNumber, dayNumber, formatSchoolDate, weekdayOfDayNumber, type IsoDate } from '../dates';
import { policySchema, type PolicyInput } from '../policy/schema';
import { LEEDS_ACADEMIC_YEARS } from '../presets/leeds-calendar';
import { englandBankHolidays, schoolCalendarFor } from './bank-holidays';
import { academicYearLabel, academicYearStarting, SchoolCalendar } from './school-calendar';

const reference = readFileSync(join(__dirname, '../../../shared/reference/calendars.md'), 'utf8');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2 Sep 2024' → '2024-09-02'. */
function isoOf(dayMonth: string, year: string): IsoDate {
  const [day, month] = dayMonth.split(' ') as [string, string];
  const m = MONTHS.indexOf(month) + 1;
  expect(m, `a month in "${dayMonth}"`).toBeGreaterThan(0);
  return `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** A date as calendars.md writes it ('Mon 2 Sep 2024'), checked against its weekday name. */
function referenceDate(weekday: string, dayMonth: string, year: string): IsoDate {
  const iso = isoOf(dayMonth, year);
  expect(formatSchoolDate(iso), `calendars.md names ${weekday} ${dayMonth} ${year}`).toBe(`${weekday} ${dayMonth} ${year}`);
  return iso;
}

type YearInput = NonNullable<PolicyInput['calendar']['academicYears']>[number];

/** The Leeds term dates as calendars.md lists them. */
function leedsYearsFromReference(): YearInput[] {
  const leeds = reference.slice(reference.indexOf('## Leeds City Council term dates'), reference.indexOf('No 2026-27 dates were found'));
  const years: YearInput[] = [];
  for (const block of leeds.split(/^\*\*(?=\d{4}-\d{2}\*\*)/m).slice(1)) {
    const label = block.slice(0, 7);
    const terms = [];
    const term = /^- (Autumn|Spring|Summer): (\w{3}) (\d{1,2} \w{3}) (\d{4}) to (\w{3}) (\d{1,2} \w{3}) (\d{4});.*half term (\w{3}) (\d{1,2} \w{3}) to (\w{3}) (\d{1,2} \w{3})\.$/gm;
    for (const m of block.matchAll(term)) {
      const [, name, sw, sdm, sy, ew, edm, ey, hsw, hsdm, hew, hedm] = m as unknown as string[];
      terms.push({
        name: name!,
        start: referenceDate(sw!, sdm!, sy!),
        end: referenceDate(ew!, edm!, ey!),
        // Every Leeds half term falls in the calendar year its term starts in.
        halfTerm: { start: referenceDate(hsw!, hsdm!, sy!), end: referenceDate(hew!, hedm!, sy!) },
      });
    }
    years.push({ label, terms });
  }
  return years;
}

/** The bank-holiday table of calendars.md, by year. */
function bankHolidayTable(): Map<number, IsoDate[]> {
  const table = new Map<number, IsoDate[]>();
  for (const m of reference.matchAll(/^\| (\d{4}) \| (.+) \|$/gm)) {
    const dates = m[2]!.split(',').map((cell) => isoOf(cell.replace(/\(.*\)/, '').trim(), m[1]!));
    table.set(Number(m[1]), dates);
  }
  return table;
}

const LEEDS = leedsYearsFromReference();
const BANK_HOLIDAYS = bankHolidayTable();

/** A school's policy file with these academic years, parsed as the product parses one. */
function calendarWith(academicYears: YearInput[]) {
  const input: PolicyInput = { ...TEST_POLICY_INPUT, calendar: { bankHolidays: 'england', academicYears } };
  return policySchema.parse(input).calendar;
}

const leedsCalendar = calendarWith(LEEDS);
const fresh = () => schoolCalendarFor(leedsCalendar);
const calendar = fresh();

/**
 * The same Leeds years with one Leeds primary's five training days (calendars.md)
 * and, for the tests, a three-day closure at the start of 2025-26 and a snow day.
 */
const withTrainingDays = calendarWith([
  {
    ...LEEDS[0]!,
    closures: [
      ...['2024-09-02', '2024-10-25', '2025-05-23', '2025-07-21', '2025-07-22'].map((start) => ({ start, kind: 'training-day' as const })),
      { start: '2025-01-08', kind: 'closure', reason: 'Snow' },
    ],
  },
  {
    ...LEEDS[1]!,
    closures: [
      ...['2025-09-01', '2025-11-21', '2026-05-22'].map((start) => ({ start, kind: 'training-day' as const })),
      { start: '2026-07-20', end: '2026-07-21', kind: 'training-day', reason: 'INSET' },
      { start: '2025-09-02', end: '2025-09-04', kind: 'closure', reason: 'Building work not finished' },
    ],
  },
]);
const trainingCalendar = schoolCalendarFor(withTrainingDays);

/** Every date from first to last inclusive. */
function datesFrom(first: IsoDate, last: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let n = dayNumber(first); n <= dayNumber(last); n++) dates.push(dateOfDayNumber(n));
  return dates;
}

const weekdayOf = (date: IsoDate) => weekdayOfDayNumber(dayNumber(date));
const isWeekend = (date: IsoDate) => weekdayOf(date) === 0 || weekdayOf(date) === 6;
const referenceBankHolidays = new Set([...BANK_HOLIDAYS.values()].flat());

/**
 * A plain reading of calendars.md, for comparison: a school day is a weekday that is
 * not a bank holiday and, where the year's terms are known, falls in a term and
 * outside its half term.
 */
function expectedKind(date: IsoDate): string {
  if (isWeekend(date)) return 'weekend';
  if (referenceBankHolidays.has(date)) return 'bank-holiday';
  const year = LEEDS.find((y) => y.label === academicYearLabel(date));
  if (year === undefined) return 'school-day';
  const term = year.terms.find((t) => date >= t.start && date <= t.end);
  if (term === undefined) return 'holiday';
  return date >= term.halfTerm!.start && date <= term.halfTerm!.end ? 'half-term' : 'school-day';
}

describe('the reference the tests are read from', () => {
  it('holds the Leeds 2024-25 and 2025-26 terms, each with a half term', () => {
    expect(LEEDS.map((y) => [y.label, y.terms.map((t) => t.name)])).toEqual([
      ['2024-25', ['Autumn', 'Spring', 'Summer']],
      ['2025-26', ['Autumn', 'Spring', 'Summer']],
    ]);
    expect(LEEDS[0]!.terms[0]).toEqual({ name: 'Autumn', start: '2024-09-02', end: '2024-12-20', halfTerm: { start: '2024-10-28', end: '2024-11-01' } });
  });

  it('the Leeds preset has the same term dates as calendars.md', () => {
    expect(LEEDS_ACADEMIC_YEARS!.map((y) => ({ label: y.label, terms: y.terms }))).toEqual(LEEDS);
  });

  it('bank holidays for England agree with the table in calendars.md, 2024 to 2027', () => {
    expect([...BANK_HOLIDAYS.keys()]).toEqual([2024, 2025, 2026, 2027]);
    for (const [year, dates] of BANK_HOLIDAYS) {
      // The table lists the days off work: a holiday falling on a weekend is replaced by its substitute day.
      expect(englandBankHolidays(year).filter((d) => !isWeekend(d)), String(year)).toEqual(dates);
    }
  });
});

describe('the N deadline: worked examples of calendars.md (Leeds 2024-25, no training days)', () => {
  it('N on Wed 23 Oct 2024 is due on Wed 6 Nov 2024: Thu 24, Fri 25 Oct, half term, Mon 4, Tue 5, Wed 6 Nov', () => {
    expect([1, 2, 3, 4, 5].map((n) => calendar.nthSchoolDayAfter('2024-10-23', n))).toEqual(['2024-10-24', '2024-10-25', '2024-11-04', '2024-11-05', '2024-11-06']);
    expect(calendar.schoolDaysBetween('2024-10-23', '2024-11-06')).toBe(5);
  });

  it('on Mon 4 Nov 2024 two school days remain after today; on Thu 7 Nov it is overdue', () => {
    expect(calendar.schoolDaysBetween('2024-11-04', '2024-11-06')).toBe(2);
    expect(calendar.schoolDaysBetween('2024-11-06', '2024-11-07')).toBe(1);
    expect('2024-11-07' > calendar.nthSchoolDayAfter('2024-10-23', 5)).toBe(true);
  });

  it('N on Fri 20 Dec 2024, the last day of term, is due on Fri 10 Jan 2025', () => {
    expect(calendar.nthSchoolDayAfter('2024-12-20', 1)).toBe('2025-01-06');
    expect(calendar.nthSchoolDayAfter('2024-12-20', 5)).toBe('2025-01-10');
  });

  it('N on Fri 2 May 2025 is due on Mon 12 May: the bank holiday on Mon 5 May is not counted', () => {
    // Tue 6, Wed 7, Thu 8, Fri 9 and Mon 12 May are the five school days after it.
    expect([1, 2, 3, 4, 5].map((n) => calendar.nthSchoolDayAfter('2025-05-02', n))).toEqual(['2025-05-06', '2025-05-07', '2025-05-08', '2025-05-09', '2025-05-12']);
  });

  it('N on the Friday before half term is due on the fifth school day after the half term', () => {
    expect(calendar.nthSchoolDayAfter('2025-02-14', 5)).toBe('2025-02-28');
  });

  it('a training day is not counted: with one on Fri 25 Oct 2024, N on Wed 23 Oct is due on Thu 7 Nov', () => {
    expect(trainingCalendar.nthSchoolDayAfter('2024-10-23', 5)).toBe('2024-11-07');
  });

  it('asks the same question twice and gets the same answer (answers are remembered)', () => {
    const first = calendar.nthSchoolDayAfter('2024-10-23', 5);
    expect(calendar.nthSchoolDayAfter('2024-10-23', 5)).toBe(first);
    expect(calendar.nthSchoolDayAfter('2024-10-22', 5)).toBe('2024-11-05');
  });
});

describe('which days are school days', () => {
  it('no day of the half term is a school day', () => {
    for (const date of datesFrom('2024-10-28', '2024-11-01')) {
      expect(calendar.kindOf(date), date).toBe('half-term');
      expect(calendar.isSchoolDay(date), date).toBe(false);
    }
    expect([calendar.isSchoolDay('2024-10-25'), calendar.isSchoolDay('2024-11-04')]).toEqual([true, true]);
  });

  it('weekends in term are not school days', () => {
    expect([calendar.kindOf('2024-10-26'), calendar.kindOf('2024-10-27')]).toEqual(['weekend', 'weekend']);
  });

  it('Mon 5 May 2025 is a bank holiday in term, and Tue 6 May 2025 is a school day', () => {
    expect(calendar.kindOf('2025-05-05')).toBe('bank-holiday');
    expect(calendar.isSchoolDay('2025-05-05')).toBe(false);
    expect(calendar.isSchoolDay('2025-05-06')).toBe(true);
  });

  it('Easter Monday 2025 (21 Apr) falls in the holiday anyway, the day before the summer term', () => {
    expect(calendar.isSchoolDay('2025-04-21')).toBe(false);
    expect(calendar.kindOf('2025-04-21')).toBe('bank-holiday');
    expect(calendar.kindOf('2025-04-17')).toBe('holiday');
    expect(calendar.isSchoolDay('2025-04-22')).toBe(true);
  });

  it('26 Aug 2024, the summer bank holiday, is not a school day', () => {
    expect(calendar.kindOf('2024-08-26')).toBe('bank-holiday');
    expect(calendar.isSchoolDay('2024-08-26')).toBe(false);
  });

  it('no weekday of the summer and Christmas holidays is a school day', () => {
    for (const date of [...datesFrom('2025-07-23', '2025-08-31'), ...datesFrom('2024-12-21', '2025-01-05')]) {
      expect(calendar.isSchoolDay(date), date).toBe(false);
      if (!isWeekend(date) && !referenceBankHolidays.has(date)) expect(calendar.kindOf(date), date).toBe('holiday');
    }
  });

  it('a term runs from its first day to its last day inclusive', () => {
    expect(['2025-07-21', '2025-07-22', '2025-07-23'].map((d) => calendar.isSchoolDay(d))).toEqual([true, true, false]);
    expect(['2024-08-30', '2024-09-02'].map((d) => calendar.kindOf(d))).toEqual(['school-day', 'school-day']);
    expect(['2025-08-29', '2025-09-01'].map((d) => calendar.kindOf(d))).toEqual(['holiday', 'school-day']);
  });

  it('a training day and a closure, single or over several days, are not school days and are named', () => {
    expect(['2024-09-02', '2024-10-25', '2025-01-08', '2025-09-01', '2025-09-02', '2025-09-03', '2025-09-04', '2025-09-05'].map((d) => trainingCalendar.kindOf(d))).toEqual([
      'training-day',
      'training-day',
      'closure',
      'training-day',
      'closure',
      'closure',
      'closure',
      'school-day',
    ]);
    expect(trainingCalendar.isSchoolDay('2025-01-08')).toBe(false);
    expect(['2026-07-20', '2026-07-21'].map((d) => trainingCalendar.kindOf(d))).toEqual(['training-day', 'training-day']);
  });

  it('agrees with a plain reading of calendars.md on every day from June 2024 to the end of 2027', () => {
    for (const date of datesFrom('2024-06-01', '2027-12-31')) expect(calendar.kindOf(date), date).toBe(expectedKind(date));
  });

  it('each Leeds year has 195 days of term; less five training days, the 190 days a school must meet', () => {
    // The Education (School Day and School Year) (England) Regulations 1999: 380 sessions, 190 days.
    expect(calendar.schoolDaysBetween('2024-08-31', '2025-08-31')).toBe(195);
    expect(calendar.schoolDaysBetween('2025-08-31', '2026-08-31')).toBe(195);
    // 2024-25 also has the snow day; 2025-26 the three days of building work.
    expect(trainingCalendar.schoolDaysBetween('2024-08-31', '2025-08-31')).toBe(190 - 1);
    expect(trainingCalendar.schoolDaysBetween('2025-08-31', '2026-08-31')).toBe(190 - 3);
    expect(calendar.nthSchoolDayAfter('2024-08-31', 195)).toBe('2025-07-22');
    expect(calendar.nthSchoolDayAfter('2024-08-31', 196)).toBe('2025-09-01');
  });

  it("with bankHolidays 'none', a bank holiday in term is a school day", () => {
    const bare = schoolCalendarFor(policySchema.parse({ ...TEST_POLICY_INPUT, calendar: { bankHolidays: 'none', academicYears: LEEDS } }).calendar);
    expect(bare.isSchoolDay('2025-05-05')).toBe(true);
  });
});

describe('an academic year with no term dates (2026-27)', () => {
  it('says it has no term dates for 2026-27, and has them for 2024-25 and 2025-26', () => {
    expect(calendar.hasTermDatesFor('2026-09-01')).toBe(false);
    expect(calendar.hasTermDatesFor('2027-08-31')).toBe(false);
    expect(calendar.hasTermDatesFor('2026-08-31')).toBe(true);
    expect(calendar.hasTermDatesFor('2024-09-01')).toBe(true);
    expect(calendar.hasTermDatesFor('2024-08-31')).toBe(false);
    expect(calendar.academicYearsWithTermDates).toEqual(['2024-25', '2025-26']);
  });

  it('counts weekdays less bank holidays: Christmas Day (Fri) and the Boxing Day substitute (Mon 28 Dec 2026) are not school days', () => {
    expect(calendar.kindOf('2026-08-31')).toBe('bank-holiday');
    expect(calendar.isSchoolDay('2026-12-24')).toBe(true);
    expect([calendar.kindOf('2026-12-25'), calendar.kindOf('2026-12-28')]).toEqual(['bank-holiday', 'bank-holiday']);
    expect(calendar.isSchoolDay('2026-12-29')).toBe(true);
    expect(calendar.kindOf('2027-01-01')).toBe('bank-holiday');
    expect(calendar.nthSchoolDayAfter('2026-12-24', 1)).toBe('2026-12-29');
  });

  it('every weekday of 2026-27 that is not a bank holiday in the table is a school day', () => {
    for (const date of datesFrom('2026-09-01', '2027-08-31')) {
      expect(calendar.isSchoolDay(date), date).toBe(!isWeekend(date) && !referenceBankHolidays.has(date));
    }
  });
});

describe('school weeks', () => {
  const week = (cal: SchoolCalendar, date: IsoDate) => cal.schoolWeekOrdinal(dayNumber(date));

  it('the half-term week is not a school week', () => {
    expect(week(calendar, '2024-10-28')).toBe(week(calendar, '2024-10-21'));
    expect(week(calendar, '2024-11-04') - week(calendar, '2024-10-21')).toBe(1);
  });

  it('a week with one school day is a school week', () => {
    // Training day Mon 1 Sep 2025 and closure Tue 2 to Thu 4 Sep: only Fri 5 Sep is a school day.
    expect(week(trainingCalendar, '2025-09-01') - week(trainingCalendar, '2025-08-25')).toBe(1);
    expect(week(trainingCalendar, '2025-09-08') - week(trainingCalendar, '2025-09-01')).toBe(1);
  });

  it('a short last week of term counts, unless its days are all training days', () => {
    expect(week(calendar, '2025-07-21') - week(calendar, '2025-07-14')).toBe(1);
    expect(week(trainingCalendar, '2025-07-21') - week(trainingCalendar, '2025-07-14')).toBe(0);
  });

  it('every day of a week has the same week ordinal, Monday to Sunday', () => {
    const monday = dayNumber('2024-10-21');
    for (let d = monday; d < monday + 7; d++) expect(calendar.schoolWeekOrdinal(d)).toBe(calendar.schoolWeekOrdinal(monday));
    expect(calendar.schoolWeekOrdinal(monday + 7)).toBe(calendar.schoolWeekOrdinal(monday));
  });

  it('Leeds 2024-25 has 40 school weeks: 43 weeks with days of term, less three half terms', () => {
    // Autumn 16 weeks, spring 13, summer 14 (the weeks of Tue 22 Apr to Tue 22 Jul 2025). Sun 1 Sep 2024 ends the week before term.
    expect(week(calendar, '2025-08-31') - week(calendar, '2024-09-01')).toBe(16 + 13 + 14 - 3);
  });
});

describe('academic years', () => {
  it('an academic year runs from 1 September to 31 August', () => {
    expect([academicYearStarting('2024-09-01'), academicYearStarting('2025-08-31'), academicYearStarting('2025-09-01')]).toEqual([2024, 2024, 2025]);
    expect([academicYearLabel('2024-10-23'), academicYearLabel('2000-01-10'), academicYearLabel('2099-09-01')]).toEqual(['2024-25', '1999-00', '2099-00']);
  });
});

describe('properties of counting school days', () => {
  const anyDay = fc.integer({ min: dayNumber('2024-06-01'), max: dayNumber('2027-12-31') }).map(dateOfDayNumber);
  const calendars = fc.constantFrom(calendar, trainingCalendar);

  it('the nth school day after a date is a school day, after it, with exactly n school days between, and the first such day', () => {
    fc.assert(
      fc.property(calendars, anyDay, fc.integer({ min: 1, max: 30 }), (cal, d, n) => {
        const result = cal.nthSchoolDayAfter(d, n);
        expect(result > d).toBe(true);
        expect(cal.isSchoolDay(result)).toBe(true);
        expect(cal.schoolDaysBetween(d, result)).toBe(n);
        expect(cal.schoolDaysBetween(d, addDays(result, -1))).toBe(n - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('counting n school days one at a time gives the same day as counting them at once (also past 64, where answers are not remembered)', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 80 }), (d, n) => {
        let day = d;
        for (let i = 0; i < n; i++) day = calendar.nthSchoolDayAfter(day, 1);
        expect(calendar.nthSchoolDayAfter(d, n)).toBe(day);
      }),
      { numRuns: 60 },
    );
  });

  it('school days between dates add up: a ≤ b ≤ c gives between(a, c) = between(a, b) + between(b, c)', () => {
    fc.assert(
      fc.property(calendars, anyDay, anyDay, anyDay, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort() as [string, string, string];
        expect(cal.schoolDaysBetween(a, c)).toBe(cal.schoolDaysBetween(a, b) + cal.schoolDaysBetween(b, c));
      }),
    );
  });

  it('school days between dates match a count of the days, one by one', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 120 }), (a, length) => {
        // The bank-holiday table ends with 2027.
        const b = [addDays(a, length), '2027-12-31'].sort()[0]!;
        const counted = datesFrom(addDays(a, 1), b).filter((d) => expectedKind(d) === 'school-day').length;
        expect(calendar.schoolDaysBetween(a, b)).toBe(counted);
      }),
      { numRuns: 200 },
    );
  });

  it('no weekend or bank holiday is ever a school day', () => {
    const bankHolidays = new Set([2024, 2025, 2026, 2027].flatMap(englandBankHolidays));
    fc.assert(
      fc.property(calendars, anyDay, (cal, d) => {
        if (isWeekend(d) || bankHolidays.has(d)) expect(cal.isSchoolDay(d)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('the school-day ordinal never decreases, and rises by one exactly on a school day', () => {
    fc.assert(
      fc.property(calendars, anyDay, (cal, d) => {
        const n = dayNumber(d);
        const step = cal.schoolDayOrdinal(n + 1) - cal.schoolDayOrdinal(n);
        expect(step).toBe(cal.isSchoolDayNumber(n + 1) ? 1 : 0);
        const weekStep = cal.schoolWeekOrdinal(n + 1) - cal.schoolWeekOrdinal(n);
        expect(weekStep === 0 || (weekStep === 1 && weekdayOfDayNumber(n + 1) === 1)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('answers the same whichever dates are asked first (the tables grow on demand)', () => {
    // A date far ahead first, then early ones, against a calendar that has only ever seen each question in order.
    const late = fresh();
    expect(late.isSchoolDay('2027-12-31')).toBe(true);
    expect(late.kindOf('2024-10-30')).toBe('half-term');
    expect(late.schoolDaysBetween('2024-10-23', '2024-11-06')).toBe(5);
    fc.assert(
      fc.property(fc.array(fc.tuple(anyDay, fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 10 }), (questions) => {
        const asked = fresh();
        for (const [d, n] of questions) {
          const alone = fresh();
          expect(asked.kindOf(d)).toBe(alone.kindOf(d));
          expect(asked.schoolDayOrdinal(dayNumber(d))).toBe(fresh().schoolDayOrdinal(dayNumber(d)));
          expect(asked.schoolWeekOrdinal(dayNumber(d))).toBe(fresh().schoolWeekOrdinal(dayNumber(d)));
          expect(asked.nthSchoolDayAfter(d, n)).toBe(fresh().nthSchoolDayAfter(d, n));
          expect(late.schoolDayOrdinal(dayNumber(d))).toBe(alone.schoolDayOrdinal(dayNumber(d)));
        }
      }),
      { numRuns: 40 },
    );
  });
});
