// A generated primary school for the benchmark: N pupils over the first D school
// days of an academic year, two sessions a day, with marks in realistic
// proportions (about 93% present) and a few of every kind the checks look for.
// Deterministic: every choice comes from a seeded mulberry32, never Math.random,
// so the same seed always gives the same register.

import type { SchoolCalendar } from '../rules/calendar/school-calendar';
import { dateOfDayNumber, dayNumber, formatClockTime, parseClockTime, type IsoDate } from '../rules/dates';
import type { Policy } from '../rules/policy/schema';
import type { RegisterSnapshot, SnapshotMark, SnapshotPupil } from '../rules/snapshot';

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SchoolOptions {
  readonly pupils: number;
  /** School days to generate, each with an AM and a PM mark. */
  readonly schoolDays: number;
  readonly seed: number;
  readonly calendar: SchoolCalendar;
  /** Register times decide which arrivals are L and which are U. */
  readonly sessions: Policy['sessions'];
  /** The academic year's first calendar year: 2024 for 2024-25. */
  readonly academicYear: number;
}

export interface GeneratedSchool {
  readonly snapshot: RegisterSnapshot;
  /** The school days generated, in order; the calendar's own, so weekends and holidays are never among them. */
  readonly schoolDays: readonly IsoDate[];
  /** The last generated school day: the benchmark evaluates "as of" this day. */
  readonly today: IsoDate;
}

/**
 * The marks the generator deliberately writes, so the benchmark's claim that
 * every check does real work can be tested (bench/generate-school.test.ts).
 */
export const GENERATED_MARKS = {
  present: ['/', '\\', 'L'],
  approvedActivity: ['V', 'B', 'P'],
  authorised: ['I', 'M', 'C'],
  unauthorised: ['N', 'O', 'G', 'U'],
  notPossible: ['X', 'Z', '#'],
  /** Withdrawn on 19 August 2024 (code-withdrawn) and never a code (code-unknown). */
  invalid: ['H', 'Q1'],
  /** Lower-case marks staff type: read as their upper-case codes. */
  lowerCase: ['i', 'l', 'm', 'n', 'o'],
} as const;

const FIRST_NAMES = [
  'Amelia', 'Oliver', 'Isla', 'George', 'Ava', 'Noah', 'Freya', 'Arthur', 'Lily', 'Muhammad', 'Ivy', 'Leo',
  'Florence', 'Oscar', 'Willow', 'Harry', 'Sophia', 'Archie', 'Evie', 'Jack', 'Aisha', 'Theo', 'Poppy', 'Alfie',
  'Maya', 'Charlie', 'Zara', 'Finley', 'Ella', 'Yusuf', 'Grace', 'Reuben', 'Chloe', 'Kai', 'Ruby', 'Ibrahim',
];
const LAST_NAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Wright', 'Khan',
  'Walker', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hussain', 'Wood', 'Hall', 'Clarke',
  'Okafor', 'Kowalski', 'Begum', 'Ali', 'Jackson', 'Hill', 'Moore', 'Nowak', 'Lewis', 'Harris',
];
/** Reception to Year 6: a primary school. */
const YEAR_GROUPS = ['Reception', 'Year 1', 'Year 2', 'Year 3', 'Year 4', 'Year 5', 'Year 6'];

/** The first `count` school days on or after 1 September of the academic year, running on into the next year if needed. */
export function schoolDaysFrom(calendar: SchoolCalendar, academicYear: number, count: number): IsoDate[] {
  const days: IsoDate[] = [];
  let day = dayNumber(`${academicYear}-09-01`);
  // Three calendar years is far more than any count a benchmark asks for; stop rather than loop for ever.
  const limit = day + 3 * 366;
  for (; days.length < count && day < limit; day++) {
    if (calendar.isSchoolDayNumber(day)) days.push(dateOfDayNumber(day));
  }
  if (days.length < count) throw new Error(`Only ${days.length} school days found from 1 September ${academicYear}; ${count} were asked for.`);
  return days;
}

/** Per-pupil plan: how often this pupil is absent, late, and what else happens to them this year. */
interface Profile {
  /** Chance that a school day starts an illness episode. */
  illness: number;
  /** Chance of a medical or dental appointment in a session. */
  appointment: number;
  /** Chance of arriving late (before the close) in the morning. */
  late: number;
  /** Chance of a one-off unexplained day (O). */
  truancy: number;
}

export function generateSchool(options: SchoolOptions): GeneratedSchool {
  const random = mulberry32(options.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;

  // Trips, closures and holidays are placed well inside the year: a shorter register has no room for them.
  if (options.schoolDays < 60) throw new Error(`A generated school needs at least 60 school days; ${options.schoolDays} were asked for.`);
  const dates = schoolDaysFrom(options.calendar, options.academicYear, options.schoolDays);
  const D = dates.length;
  const today = dates[D - 1]!;
  const { AM, PM } = options.sessions;
  const start = [parseClockTime(AM.registrationStartsAt)!, parseClockTime(PM.registrationStartsAt)!];
  const close = [parseClockTime(AM.registerClosesAt)!, parseClockTime(PM.registerClosesAt)!];
  // Arrival times are few and repeat: keep one string for each minute.
  const clock = new Map<number, string>();
  const time = (minutes: number) => {
    let text = clock.get(minutes);
    if (text === undefined) clock.set(minutes, (text = formatClockTime(minutes)));
    return text;
  };
  /** An arrival after registration started and no later than the close: L (arriving at the closing minute is still L). */
  const lateArrival = (s: number) => time(int(start[s]! + 1, close[s]!));
  /** An arrival after the close, within the session: U. */
  const afterClose = (s: number) => time(int(close[s]! + 1, close[s]! + 45));

  // School-wide events, fixed once: two trips per year group, a partial closure, sports afternoons.
  const trips = YEAR_GROUPS.map(() => [int(10, D - 10), int(10, D - 10)]);
  const closure = { year: int(0, YEAR_GROUPS.length - 1), day: int(20, D - 20) };
  const sportsDays = new Set(Array.from({ length: 12 }, () => int(0, D - 1)));

  // The few pupils with something unusual, chosen by a seeded shuffle so there is at least one of each at any size.
  const order = Array.from({ length: options.pupils }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const used = new Set<number>();
  const few = (share: number, eligible: (p: number) => boolean = () => true) => {
    const n = Math.max(1, Math.round(share * options.pupils));
    const chosen = new Set<number>();
    for (const p of order) {
      if (chosen.size === n) break;
      if (used.has(p) || !eligible(p)) continue;
      chosen.add(p);
      used.add(p);
    }
    return chosen;
  };
  const yearIndexOf = (p: number) => p % YEAR_GROUPS.length;
  const longUnauthorisedRun = few(0.003);
  const severeAbsence = few(0.012);
  const persistentAbsence = few(0.1);
  const joinsLate = few(0.01);
  // Year 1 and above are all of compulsory school age for the whole year, so X for them is always wrong.
  const wrongX = few(0.002, (p) => yearIndexOf(p) >= 1);

  const pupils: SnapshotPupil[] = new Array<SnapshotPupil>(options.pupils);
  for (let p = 0; p < options.pupils; p++) {
    const yearIndex = yearIndexOf(p);
    // Reception in 2024-25 was born between 1 September 2019 and 31 August 2020; each year above a year earlier.
    const yearStarts = dayNumber(`${options.academicYear - 5 - yearIndex}-09-01`);
    const born = int(yearStarts, dayNumber(`${options.academicYear - 4 - yearIndex}-09-01`) - 1);
    const dob = dateOfDayNumber(born);
    const profile: Profile = severeAbsence.has(p)
      ? { illness: 0.3, appointment: 0.02, late: 0.1, truancy: 0.25 }
      : persistentAbsence.has(p)
        ? { illness: 0.05, appointment: 0.01, late: 0.06, truancy: 0.01 }
        : { illness: 0.012 + random() * 0.012, appointment: 0.002, late: random() * 0.03, truancy: 0.0008 };

    // One code per session, present unless something below says otherwise.
    const codes: string[] = new Array<string>(2 * D);
    const arrivals: (string | null)[] = new Array<string | null>(2 * D).fill(null);
    for (let d = 0; d < D; d++) {
      codes[2 * d] = '/';
      codes[2 * d + 1] = '\\';
    }
    /** The same code for both sessions of each day; an arrival time recorded earlier no longer applies. */
    const wholeDays = (from: number, length: number, code: string) => {
      for (let d = from; d < Math.min(D, from + length); d++) {
        codes[2 * d] = codes[2 * d + 1] = code;
        arrivals[2 * d] = arrivals[2 * d + 1] = null;
      }
    };

    for (let d = 0; d < D; d++) {
      if (chance(profile.illness)) {
        const length = chance(0.6) ? 1 : int(2, 4);
        wholeDays(d, length, 'I');
        d += length - 1;
      } else if (chance(profile.truancy)) {
        wholeDays(d, 1, 'O');
      } else if (chance(profile.appointment)) {
        codes[2 * d + (chance(0.5) ? 0 : 1)] = 'M';
      } else if (chance(profile.late)) {
        codes[2 * d] = 'L';
        arrivals[2 * d] = lateArrival(0);
      } else if (chance(profile.late * 0.08)) {
        // Arrived after the register closed: U, an unauthorised absence for the session [R].
        codes[2 * d] = 'U';
        arrivals[2 * d] = afterClose(0);
      }
    }
    // A term-time holiday: mostly not granted (G), sometimes granted for exceptional circumstances (C).
    if (chance(0.08)) wholeDays(int(0, D - 10), int(3, 8), chance(0.85) ? 'G' : 'C');
    if (longUnauthorisedRun.has(p)) wholeDays(int(20, D - 30), int(11, 16), chance(0.5) ? 'O' : 'G');
    if (joinsLate.has(p)) wholeDays(0, int(5, 40), 'Z');
    // Reception children below compulsory school age settle in part time: X in the afternoons of the first fortnight.
    if (yearIndex === 0) for (let d = 0; d < 10; d++) if (codes[2 * d + 1] === '\\') codes[2 * d + 1] = 'X';
    // X for a pupil of compulsory school age: a mistake the code check must find.
    if (wrongX.has(p)) wholeDays(int(0, D - 1), 1, 'X');

    for (const d of trips[yearIndex]!) if (codes[2 * d] === '/' && codes[2 * d + 1] === '\\') wholeDays(d, 1, 'V');
    if (yearIndex === closure.year) wholeDays(closure.day, 1, '#');
    if (yearIndex >= 5) for (const d of sportsDays) if (codes[2 * d + 1] === '\\' && chance(0.15)) codes[2 * d + 1] = 'P';
    if (chance(0.03)) codes[2 * int(0, D - 1) + 1] = 'B';

    // Absences with no reason yet: recent ones are still N (so the N deadline check has work to do);
    // a few older ones were never followed up and are overdue. Both sessions of a day go together.
    for (let d = 0; d < D; d++) {
      const am = codes[2 * d]!;
      const pm = codes[2 * d + 1]!;
      const unexplained = am === 'I' || am === 'O' || pm === 'I' || pm === 'O';
      if (!unexplained || !((D - 1 - d <= 6 && chance(0.7)) || chance(0.005))) continue;
      if (am === 'I' || am === 'O') codes[2 * d] = 'N';
      if (pm === 'I' || pm === 'O') codes[2 * d + 1] = 'N';
    }

    // Slips at the keyboard, rare but real.
    for (let i = 0; i < 2 * D; i++) {
      const code = codes[i]!;
      const pm = i & 1;
      const r = random();
      if (r < 0.00006) {
        // H (holiday authorised) was withdrawn on 19 August 2024; Q1 was never a code.
        codes[i] = r < 0.00004 ? 'H' : 'Q1';
        arrivals[i] = null;
      }
      else if (pm === 1 && code === '\\' && r < 0.0002) codes[i] = '/'; // the morning's present mark in the afternoon
      else if (pm === 0 && code === 'L' && r < 0.01) arrivals[i] = afterClose(0); // L for an arrival after the close: should be U
      else if (pm === 0 && code === 'U' && r < 0.05) arrivals[i] = lateArrival(0); // U for an arrival before the close: should be L
      else if (code.length === 1 && code >= 'A' && code <= 'Z' && r > 0.995) codes[i] = code.toLowerCase(); // typed in lower case
    }

    const marks: SnapshotMark[] = new Array<SnapshotMark>(2 * D);
    for (let i = 0; i < 2 * D; i++) {
      marks[i] = { date: dates[i >> 1]!, session: i & 1 ? 'PM' : 'AM', mark: codes[i]!, arrival: arrivals[i]! };
    }
    pupils[p] = {
      // UPN-shaped (13 characters, Leeds' LA number 383), unique; not a valid check letter.
      upn: `A383${String(p + 1).padStart(9, '0')}`,
      name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
      dob,
      year: YEAR_GROUPS[yearIndex]!,
      marks,
    };
  }
  return { snapshot: { role: 'office', source: `generated school, seed ${options.seed}`, pupils }, schoolDays: dates, today };
}
