import { describe, expect, it } from 'vitest';
import { codeSetOn, normaliseMark, UNAUTHORISED_CODES } from '../rules/codes';
import { parseClockTime } from '../rules/dates';
import { evaluateRegister } from '../rules/engine';
import { calendarSchema } from '../rules/policy/schema';
import { GENERATED_MARKS, generateSchool, mulberry32, schoolDaysFrom, type SchoolOptions } from './generate-school';
import { BENCH_ACADEMIC_YEAR, benchSchool } from './school-policy';
import { RULE_IDS } from '../rules/findings';
import { LEEDS_ACADEMIC_YEARS } from '../rules/presets/leeds-calendar';
import { schoolCalendarFor } from '../rules/calendar/bank-holidays';

const { policy, calendar } = benchSchool();
const options = (changes: Partial<SchoolOptions> = {}): SchoolOptions => ({
  pupils: 1500,
  schoolDays: 190,
  seed: 20240902,
  calendar,
  sessions: policy.sessions,
  academicYear: BENCH_ACADEMIC_YEAR,
  ...changes,
});
// The benchmark's own school, generated once for the tests that read it.
const school = generateSchool(options());
const allMarks = school.snapshot.pupils.flatMap((p) => p.marks);

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('the school days the register covers', () => {
  // Leeds 2024-25 and 2025-26 term dates, no training days (shared/reference/calendars.md).
  const leeds = schoolCalendarFor(calendarSchema.parse({ academicYears: LEEDS_ACADEMIC_YEARS }));

  it('start on the first day of the autumn term, Mon 2 Sep 2024', () => {
    expect(schoolDaysFrom(leeds, 2024, 1)).toEqual(['2024-09-02']);
  });

  it('skip half term, the holidays and the 5 May bank holiday', () => {
    const days = schoolDaysFrom(leeds, 2024, 195);
    for (const skipped of ['2024-10-28', '2024-11-01', '2024-12-23', '2025-02-17', '2025-04-21', '2025-05-05', '2025-05-26']) {
      expect(days).not.toContain(skipped);
    }
    // 75 autumn + 60 spring + 60 summer school days: the 195th is the last day of the summer term.
    expect(days[194]).toBe('2025-07-22');
  });

  it('run on into the next academic year when one year has too few school days', () => {
    const days = schoolDaysFrom(leeds, 2024, 196);
    expect(days[195]).toBe('2025-09-01');
  });
});

describe('the generated school', () => {
  it('is the same register for the same seed, and a different one for another seed', () => {
    const small = options({ pupils: 60 });
    const again = generateSchool(small);
    expect(generateSchool(small)).toEqual(again);
    expect(generateSchool({ ...small, seed: small.seed + 1 }).snapshot).not.toEqual(again.snapshot);
  });

  it('has 1,500 pupils with 380 marks each when asked for 1,500 pupils over 190 school days', () => {
    expect(school.snapshot.pupils).toHaveLength(1500);
    expect(school.schoolDays).toHaveLength(190);
    expect(allMarks).toHaveLength(570_000);
    for (const pupil of school.snapshot.pupils) expect(pupil.marks).toHaveLength(380);
    expect(new Set(school.snapshot.pupils.map((p) => p.upn)).size).toBe(1500);
  });

  it('marks only school days of the calendar, AM then PM, in date order', () => {
    const dates = school.schoolDays;
    for (const date of dates) expect(calendar.isSchoolDay(date), date).toBe(true);
    for (let i = 1; i < dates.length; i++) expect(dates[i]! > dates[i - 1]!).toBe(true);
    for (const pupil of school.snapshot.pupils) {
      pupil.marks.forEach((m, i) => {
        if (m.date !== dates[i >> 1] || m.session !== (i % 2 === 0 ? 'AM' : 'PM')) {
          throw new Error(`${pupil.upn} mark ${i} is ${m.date} ${m.session}, expected ${dates[i >> 1]} ${i % 2 === 0 ? 'AM' : 'PM'}`);
        }
      });
    }
    expect(school.today).toBe(dates[189]);
  });

  it('gives each pupil a date of birth in the right school year for their year group', () => {
    // Reception in 2024-25 was born from 1 September 2019 to 31 August 2020; each year group above, a year earlier.
    const groups = ['Reception', 'Year 1', 'Year 2', 'Year 3', 'Year 4', 'Year 5', 'Year 6'];
    for (const pupil of school.snapshot.pupils) {
      const k = groups.indexOf(pupil.year!);
      expect(k, pupil.year!).toBeGreaterThanOrEqual(0);
      expect(pupil.dob! >= `${2019 - k}-09-01` && pupil.dob! <= `${2020 - k}-08-31`, `${pupil.year} born ${pupil.dob}`).toBe(true);
    }
    expect(new Set(school.snapshot.pupils.map((p) => p.year)).size).toBe(7);
  });

  it('contains every kind of mark the benchmark claims to exercise', () => {
    const seen = new Set(allMarks.map((m) => m.mark));
    for (const mark of Object.values(GENERATED_MARKS).flat()) expect(seen.has(mark), `no ${mark} generated`).toBe(true);
  });

  it('is about 93% present marks (/ and \\), as a typical primary register', () => {
    const present = allMarks.filter((m) => m.mark === '/' || m.mark === '\\').length / allMarks.length;
    expect(present).toBeGreaterThan(0.91);
    expect(present).toBeLessThan(0.95);
  });

  it('records an arrival time for every L and U and no other mark, before the close for L and after it for U, with a few slips either way', () => {
    const closes = [parseClockTime(policy.sessions.AM.registerClosesAt)!, parseClockTime(policy.sessions.PM.registerClosesAt)!];
    const late = allMarks.filter((m) => m.mark.toUpperCase() === 'L' || m.mark.toUpperCase() === 'U');
    expect(late.every((m) => m.arrival !== null)).toBe(true);
    expect(allMarks.filter((m) => m.arrival !== null)).toHaveLength(late.length);
    const afterClose = (m: (typeof late)[number]) => parseClockTime(m.arrival!)! > closes[m.session === 'AM' ? 0 : 1]!;
    const lAfter = late.filter((m) => m.mark.toUpperCase() === 'L' && afterClose(m)).length;
    const uBefore = late.filter((m) => m.mark.toUpperCase() === 'U' && !afterClose(m)).length;
    const ls = late.filter((m) => m.mark.toUpperCase() === 'L').length;
    const us = late.length - ls;
    expect(lAfter).toBeGreaterThan(0);
    expect(lAfter).toBeLessThan(ls * 0.05);
    expect(uBefore).toBeGreaterThan(0);
    expect(uBefore).toBeLessThan(us * 0.2);
  });

  it('has the present mark / in some afternoon sessions, for the wrong-session check', () => {
    expect(allMarks.some((m) => m.session === 'PM' && m.mark === '/')).toBe(true);
  });

  it('has N marks within the last five school days and N marks long past their deadline', () => {
    const last = school.schoolDays.slice(-5);
    const n = allMarks.filter((m) => normaliseMark(m.mark, m.session) === 'N');
    expect(n.some((m) => last.includes(m.date))).toBe(true);
    expect(n.some((m) => m.date < school.schoolDays[150]!)).toBe(true);
  });

  it('has pupils with 10 or more school days of unauthorised absence in a row, and pupils missing half their sessions', () => {
    let longestRuns = 0;
    let severe = 0;
    for (const pupil of school.snapshot.pupils) {
      let run = 0;
      let longest = 0;
      let possible = 0;
      let missed = 0;
      for (let i = 0; i < pupil.marks.length; i += 2) {
        const codes = [pupil.marks[i]!, pupil.marks[i + 1]!].map((m) => normaliseMark(m.mark, m.session));
        run = codes.every((c) => UNAUTHORISED_CODES.has(c)) ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      for (const m of pupil.marks) {
        const counts = codeSetOn(m.date).get(normaliseMark(m.mark, m.session))?.counts;
        if (counts === 'authorised' || counts === 'unauthorised') missed++;
        if (counts !== undefined && counts !== 'not-possible') possible++;
      }
      if (longest >= 10) longestRuns++;
      if (missed * 2 >= possible) severe++;
    }
    expect(longestRuns).toBeGreaterThanOrEqual(1);
    expect(severe).toBeGreaterThanOrEqual(1);
  });

  it('gives every check work to do: each rule it can report in 2024-25 for the office is found', () => {
    const { findings, failures } = evaluateRegister(school.snapshot, { policy, calendar, today: school.today });
    expect(failures).toEqual([]);
    const found = new Set<string>(findings.map((f) => f.rule));
    // code-not-allowed needs the teacher role, code-not-yet-in-force a date before 19 August 2024 and
    // mark-not-school-day a mark on a day without school: none is in this register, which marks school days only.
    for (const rule of RULE_IDS.filter((id) => id !== 'code-not-allowed' && id !== 'code-not-yet-in-force' && id !== 'mark-not-school-day')) {
      expect(found.has(rule), `no ${rule} finding`).toBe(true);
    }
  });
});
