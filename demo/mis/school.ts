// The demo MIS's school: Oakfield Primary School, a fictional Leeds primary that
// follows the micklefield preset. 14 classes of 30 pupils, with marks for every
// school day of 2024-25 and of 2025-26 up to the demo's today (after the morning
// register). Pure and deterministic: the same seed always gives the same school.

import { CODES_2006, CODES_2024, codeInForce, normaliseMark, type AttendanceCode, type SessionName } from '../../rules/codes';
import { addDays, dayNumber, mondayOfDayNumber, dateOfDayNumber, type IsoDate } from '../../rules/dates';
import { SchoolCalendar } from '../../rules/calendar/school-calendar';
import { englandBankHolidays } from '../../rules/calendar/bank-holidays';
import { presetPolicy } from '../../rules/presets';

/**
 * The demo's fixed today, Wed 26 Nov 2025, after the morning register: AM marks exist for
 * this day, the afternoon and everything later are blank.
 */
export const DEMO_TODAY: IsoDate = '2025-11-26';
export const SCHOOL_NAME = 'Oakfield Primary School';
export const CLASS_IDS = ['RA', 'RB', '1A', '1B', '2A', '2B', '3A', '3B', '4A', '4B', '5A', '5B', '6A', '6B'] as const;
export type ClassId = (typeof CLASS_IDS)[number];
export const PUPILS_PER_CLASS = 30;
export const ACADEMIC_YEARS = ['2024-25', '2025-26'] as const;
export type AcademicYear = (typeof ACADEMIC_YEARS)[number];
export const CURRENT_YEAR: AcademicYear = '2025-26';
/** The first day of the current term (2025-26 Autumn), for the pupil record. */
export const CURRENT_TERM_START: IsoDate = '2025-09-01';

const YEAR_RANGES: Record<AcademicYear, { start: IsoDate; end: IsoDate }> = {
  '2024-25': { start: '2024-09-02', end: '2025-07-22' },
  '2025-26': { start: '2025-09-01', end: DEMO_TODAY },
};

export function isClassId(text: string): text is ClassId {
  return (CLASS_IDS as readonly string[]).includes(text);
}

/** Reception is year 0. */
export function yearGroupOf(classId: ClassId): number {
  return classId.startsWith('R') ? 0 : Number(classId[0]);
}

export interface DemoMark {
  code: string;
  /** HH:MM, recorded for L and U marks. */
  arrival?: string;
}

export interface DemoPupil {
  id: string;
  upn: string;
  forename: string;
  surname: string;
  dob: IsoDate;
  classId: ClassId;
  /** Marks keyed `${date}|${session}`; a session without a mark is blank. */
  marks: Map<string, DemoMark>;
}

export interface DemoSchool {
  name: string;
  pupils: DemoPupil[];
  byId: Map<string, DemoPupil>;
}

export interface SessionRef {
  date: IsoDate;
  session: SessionName;
}

export function markKey(date: IsoDate, session: SessionName): string {
  return `${date}|${session}`;
}

/** 'Surname, Forename' as registers list pupils. */
export function registerName(p: { forename: string; surname: string }): string {
  return p.forename === '' ? p.surname : `${p.surname}, ${p.forename}`;
}

/** 'Forename Surname' as records and the single-page app show them. */
export function displayName(p: { forename: string; surname: string }): string {
  return p.forename === '' ? p.surname : `${p.forename} ${p.surname}`;
}

export function compareByName(a: { forename: string; surname: string; id: string }, b: { forename: string; surname: string; id: string }): number {
  return a.surname.localeCompare(b.surname, 'en-GB') || a.forename.localeCompare(b.forename, 'en-GB') || a.id.localeCompare(b.id);
}

// ---------------------------------------------------------------------------
// Calendar

let calendar: SchoolCalendar | undefined;

/** The micklefield preset's calendar (Leeds term dates, England's bank holidays). */
export function demoCalendar(): SchoolCalendar {
  calendar ??= new SchoolCalendar(presetPolicy('micklefield').calendar, englandBankHolidays);
  return calendar;
}

export function isSchoolDay(date: IsoDate): boolean {
  return demoCalendar().isSchoolDay(date);
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  return dateOfDayNumber(mondayOfDayNumber(dayNumber(date)));
}

/** School days from start to end inclusive. */
export function schoolDaysBetween(start: IsoDate, end: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) if (isSchoolDay(d)) days.push(d);
  return days;
}

/** The school sessions of an academic year that have happened by the demo's now (after the AM register on DEMO_TODAY). */
const sessionsCache = new Map<AcademicYear, readonly SessionRef[]>();

export function sessionsOfYear(year: AcademicYear): readonly SessionRef[] {
  const known = sessionsCache.get(year);
  if (known !== undefined) return known;
  const { start, end } = YEAR_RANGES[year];
  const sessions: SessionRef[] = [];
  for (const date of schoolDaysBetween(start, end)) {
    sessions.push({ date, session: 'AM' });
    if (date < DEMO_TODAY) sessions.push({ date, session: 'PM' });
  }
  Object.freeze(sessions);
  sessionsCache.set(year, sessions);
  return sessions;
}

/** The school day `n` school days before a date. */
export function schoolDayBefore(date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    if (isSchoolDay(d)) left--;
  }
  return d;
}

/** The previous and next school sessions around one, for navigation. */
export function adjacentSession(date: IsoDate, session: SessionName, direction: -1 | 1): SessionRef {
  if (direction === 1 && session === 'AM' && isSchoolDay(date)) return { date, session: 'PM' };
  if (direction === -1 && session === 'PM' && isSchoolDay(date)) return { date, session: 'AM' };
  let d = date;
  for (let i = 0; i < 400; i++) {
    d = addDays(d, direction);
    if (isSchoolDay(d)) return { date: d, session: direction === 1 ? 'AM' : 'PM' };
  }
  return { date, session };
}

// ---------------------------------------------------------------------------
// Counting, as the fake MIS does it

/** How a recorded mark counts: the code in force on its date, else any code of either set. */
export function codeOfMark(raw: string, date: IsoDate, session: SessionName): AttendanceCode | undefined {
  const code = normaliseMark(raw, session);
  if (code === '') return undefined;
  return codeInForce(code, date) ?? CODES_2024.get(code) ?? CODES_2006.get(code);
}

export interface Attendance {
  possible: number;
  attended: number;
  /** attended ÷ possible × 100; 100 when nothing was possible. */
  percent: number;
}

/**
 * The MIS's own attendance figure: present and approved-activity marks over possible
 * sessions (not-possible codes left out; blank sessions not counted; an unknown code counts
 * as a possible session not attended).
 */
export function attendanceOf(pupil: DemoPupil, academicYear: AcademicYear): Attendance {
  let possible = 0;
  let attended = 0;
  for (const { date, session } of sessionsOfYear(academicYear)) {
    const mark = pupil.marks.get(markKey(date, session));
    if (mark === undefined || mark.code.trim() === '') continue;
    const code = codeOfMark(mark.code, date, session);
    if (code?.counts === 'not-possible') continue;
    possible++;
    if (code?.counts === 'present' || code?.counts === 'approved-activity') attended++;
  }
  return { possible, attended, percent: possible === 0 ? 100 : (attended / possible) * 100 };
}

/** '87.5%' */
export function formatPercent(percent: number): string {
  return `${percent.toFixed(1)}%`;
}

// ---------------------------------------------------------------------------
// Generation

/** mulberry32: a small seeded PRNG, so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

export const FORENAMES = [
  'Amelia', 'Oliver', 'Isla', 'George', 'Ava', 'Noah', 'Freya', 'Arthur', 'Mia', 'Muhammad', 'Aisha', 'Leo', 'Zofia', 'Harry',
  'Grace', 'Kwame', 'Sophie', 'Yusuf', 'Poppy', 'Ravi', 'Evie', 'Tomasz', 'Maya', 'Jacob', 'Siobhán', 'Oscar', 'Zoë', 'Hamza',
  'Lily', 'Daniel', 'Chloe', 'Arjun', 'Ella', 'Finley', 'Nia', 'Reuben', 'Esme', 'Kofi', 'Hana', 'Alfie', 'Ruby', 'Ibrahim',
  'Sienna', 'Theo', 'Priya', 'Callum', 'Layla', 'Jan', 'Aoife', 'Ethan', 'Fatima', 'Rhys', 'Mae', 'Bilal', 'Rosie', 'Kai',
  'Amara', 'Louis', 'Anna-Marie', 'Jean-Luc',
] as const;

export const SURNAMES = [
  "O'Neill", 'Smith-Jones', 'Hughes', 'Khan', "O'Connor", 'Mensah', 'Nowak', 'Patel', 'Okafor', 'Wilson', 'Begum', 'Thompson',
  'Robinson', 'Evans', 'Clarke', 'Ahmed', 'Kowalski', 'Shaw', 'MacLeod', 'Ali', 'Dunn', 'Wiśniewski', 'Adeyemi', 'Sharma',
  'Walsh', 'Osei', 'Turner', 'Hussain', 'Barnes', "D'Souza", 'Taylor-Reed', 'Brown', 'Li', 'Nguyen', 'Murphy', 'Kaur',
  'Fitzgerald', 'Ward', 'Greenwood', 'Hall', 'Bailey', 'Ashworth', 'Pickersgill', 'Lund-Hansen', "O'Brien", 'Jackson',
  'Chowdhury', 'Rahman', 'Ellis', 'Morris', 'Fraser', 'Kelly', 'Lewis', 'Mahmood', 'Popescu', 'Santos', 'Bell', 'Wood',
] as const;

/** The UPN check letter (DfE algorithm): digits 2-13 weighted 2-13, sum mod 23. */
export function upnCheckLetter(digits12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits12[i]) * (i + 2);
  return 'ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23]!;
}

/** A 13-character UPN: check letter, LA 383 (Leeds), a fictional school number, year allocated, serial. */
export function makeUpn(school: string, yearAllocated: number, serial: number): string {
  const digits = `383${school}${String(yearAllocated % 100).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  return `${upnCheckLetter(digits)}${digits}`;
}

/** Attendance bands for 2025-26 year to date: [at least, below, how many pupils]. Every band and tier of the preset is covered. */
const BUCKETS: readonly (readonly [number, number, number])[] = [
  [96, Infinity, 186],
  [93.5, 96, 90],
  [90, 93.5, 60],
  [85, 90, 32],
  [80, 85, 22],
  [70, 80, 16],
  [50, 70, 9],
  [20, 50, 5],
];

function arrivalTime(rnd: () => number, session: SessionName, afterClose: boolean): string {
  // micklefield: registers 08:55 / 13:15, close 09:25 / 13:45.
  const base = session === 'AM' ? 8 * 60 + 55 : 13 * 60 + 15;
  const minutes = afterClose ? base + 31 + Math.floor(rnd() * 50) : base + 1 + Math.floor(rnd() * 29);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

interface Profile {
  /** Share of absence episodes that are unauthorised. */
  unauthorised: number;
  takesHolidays: boolean;
  longIllness: boolean;
}

/** Fills one pupil's year: exactly `absences` absent sessions, the rest present. */
function fillYear(
  rnd: () => number,
  pupil: DemoPupil,
  sessions: readonly SessionRef[],
  absences: number,
  profile: Profile,
  tripDay: IsoDate,
  recentN: ReadonlySet<IsoDate>,
): void {
  const n = sessions.length;
  const codes: (DemoMark | undefined)[] = new Array<DemoMark | undefined>(n);
  let filled = 0;
  const put = (i: number, mark: DemoMark): boolean => {
    if (filled >= absences || i < 0 || i >= n || codes[i] !== undefined) return false;
    codes[i] = mark;
    filled++;
    return true;
  };
  // Whole days from an AM session index.
  const fillDays = (start: number, days: number, code: string) => {
    let i = sessions[start]!.session === 'AM' ? start : start + 1;
    for (let d = 0; d < days && i < n; d++, i += 2) {
      put(i, { code });
      put(i + 1, { code });
    }
  };
  for (let attempts = 0; filled < absences && attempts < 5000; attempts++) {
    const at = Math.floor(rnd() * n);
    const r = rnd();
    if (r < profile.unauthorised) {
      const u = rnd();
      if (profile.takesHolidays && u < 0.25) fillDays(at, 3 + Math.floor(rnd() * 3), 'G');
      else if (u < 0.55) fillDays(at, 1, 'O');
      else if (u < 0.75) put(at, { code: 'O' });
      else {
        const s = sessions[at]!;
        put(at, { code: 'U', arrival: arrivalTime(rnd, s.session, true) });
      }
    } else {
      const a = rnd();
      if (a < 0.55) fillDays(at, 1 + Math.floor(rnd() * (profile.longIllness ? 8 : 3)), 'I');
      else if (a < 0.8) put(at, { code: 'M' });
      else if (a < 0.87) fillDays(at, 1 + Math.floor(rnd() * 2), 'C');
      else if (a < 0.92) fillDays(at, 1, 'R');
      else if (a < 0.95) fillDays(at, 1 + Math.floor(rnd() * 2), 'E');
      else if (a < 0.97) put(at, { code: 'C1' });
      else if (a < 0.98) put(at, { code: 'J1' });
      else put(at, { code: 'T' });
    }
  }
  // Whatever episodes could not place (rare): single sessions of illness.
  for (let i = 0; filled < absences && i < n; i++) put(i, { code: 'I' });

  for (let i = 0; i < n; i++) {
    const { date, session } = sessions[i]!;
    let mark = codes[i];
    if (mark === undefined) {
      const r = rnd();
      if (date === tripDay) mark = { code: 'V' };
      else if (r < 0.03) mark = { code: 'L', arrival: arrivalTime(rnd, session, false) };
      else if (r < 0.034) mark = { code: 'P' };
      else if (r < 0.036) mark = { code: 'B' };
      else mark = { code: session === 'AM' ? '/' : '\\' };
    } else if (recentN.has(date) && mark.code !== 'U' && rnd() < 0.8) {
      // The office has not yet heard why: still N.
      mark = { code: 'N' };
    }
    pupil.marks.set(markKey(date, session), mark);
  }
}

function absencesFor(possible: number, target: number, atLeast: number, below: number): number {
  let k = Math.round((possible * (100 - target)) / 100);
  const pct = (absent: number) => ((possible - absent) / possible) * 100;
  while (k > 0 && pct(k) < atLeast) k--;
  while (k < possible && pct(k) >= below) k++;
  return k;
}

// ---------------------------------------------------------------------------
// Planted cases (class 4A; the class register's default week is Mon 24 - Fri 28 Nov 2025)

export type DemoCaseName =
  | 'invalidCode'
  | 'withdrawnCode'
  | 'lateAfterClose'
  | 'lateBeforeClose'
  | 'arrivedAfterClose'
  | 'nNotYetDue'
  | 'nDueSoon'
  | 'nDueToday'
  | 'nOverdue17Nov'
  | 'nOverdue13Nov'
  | 'penaltyThreshold'
  | 'continuousAbsence';

export interface DemoCase {
  pupilId: string;
  classId: ClassId;
  /** The session that shows the case (for runs, the first session of the run). */
  date: IsoDate;
  session: SessionName;
  code: string;
  arrival?: string;
  what: string;
}

/** Index in 4A (0-29) of each planted case's pupil; 4A's pupils are P1241-P1270. */
const CASE_SLOTS: Record<DemoCaseName, number> = {
  invalidCode: 1,
  withdrawnCode: 3,
  lateAfterClose: 5,
  lateBeforeClose: 7,
  arrivedAfterClose: 9,
  nNotYetDue: 11,
  nDueSoon: 23,
  nDueToday: 13,
  nOverdue17Nov: 15,
  nOverdue13Nov: 17,
  penaltyThreshold: 19,
  continuousAbsence: 21,
};

const FIRST_PUPIL_NUMBER = 1001;

function pupilIdAt(classIndex: number, slot: number): string {
  return `P${FIRST_PUPIL_NUMBER + classIndex * PUPILS_PER_CLASS + slot}`;
}

const id4A = (name: DemoCaseName) => pupilIdAt(CLASS_IDS.indexOf('4A'), CASE_SLOTS[name]);

export const DEMO_CASES: Readonly<Record<DemoCaseName, DemoCase>> = {
  invalidCode: { pupilId: id4A('invalidCode'), classId: '4A', date: '2025-11-24', session: 'AM', code: 'A', what: 'A typed in the class register (Mon 24 Nov AM): not a DfE attendance code' },
  withdrawnCode: { pupilId: id4A('withdrawnCode'), classId: '4A', date: '2025-11-25', session: 'AM', code: 'H', what: 'H, the holiday code withdrawn on 19 August 2024 (Tue 25 Nov AM)' },
  lateAfterClose: { pupilId: id4A('lateAfterClose'), classId: '4A', date: '2025-11-24', session: 'AM', code: 'L', arrival: '09:40', what: 'L with arrival 09:40, after the 09:25 close: should be U (Mon 24 Nov AM)' },
  lateBeforeClose: { pupilId: id4A('lateBeforeClose'), classId: '4A', date: '2025-11-25', session: 'AM', code: 'L', arrival: '09:10', what: 'L with arrival 09:10, before the close: correct (Tue 25 Nov AM)' },
  arrivedAfterClose: { pupilId: id4A('arrivedAfterClose'), classId: '4A', date: '2025-11-24', session: 'AM', code: 'U', arrival: '09:30', what: 'U with arrival 09:30, after the close: correct (Mon 24 Nov AM)' },
  nNotYetDue: { pupilId: id4A('nNotYetDue'), classId: '4A', date: '2025-11-24', session: 'AM', code: 'N', what: 'N on Mon 24 Nov AM, not yet replaced: due Mon 1 Dec, three school days left, so no warning yet' },
  nDueSoon: { pupilId: id4A('nDueSoon'), classId: '4A', date: '2025-11-20', session: 'AM', code: 'N', what: 'N on Thu 20 Nov AM, not yet replaced: due Thu 27 Nov, one school day left (the preset warns at two)' },
  nDueToday: { pupilId: id4A('nDueToday'), classId: '4A', date: '2025-11-19', session: 'AM', code: 'N', what: 'N on Wed 19 Nov AM, not yet replaced: due today (26 Nov is the 5th school day after)' },
  nOverdue17Nov: { pupilId: id4A('nOverdue17Nov'), classId: '4A', date: '2025-11-17', session: 'AM', code: 'N', what: 'N on Mon 17 Nov AM, not yet replaced: overdue' },
  nOverdue13Nov: { pupilId: id4A('nOverdue13Nov'), classId: '4A', date: '2025-11-13', session: 'PM', code: 'N', what: 'N on Thu 13 Nov PM, not yet replaced: overdue' },
  penaltyThreshold: { pupilId: id4A('penaltyThreshold'), classId: '4A', date: '2025-10-13', session: 'AM', code: 'G', what: '10 sessions of G (Mon 13 - Fri 17 Oct) and O on Mon 24 Nov PM: 11 unauthorised sessions in 10 school weeks' },
  continuousAbsence: { pupilId: id4A('continuousAbsence'), classId: '4A', date: '2025-11-12', session: 'AM', code: 'O', what: 'Absent without authorisation every day from Wed 12 Nov to Wed 26 Nov (O, then N from 20 Nov): 11 school days' },
};

function plantCases(byId: Map<string, DemoPupil>): void {
  const set = (name: DemoCaseName, date: IsoDate, session: SessionName, mark: DemoMark) => {
    byId.get(DEMO_CASES[name].pupilId)!.marks.set(markKey(date, session), mark);
  };
  // The planted pupils are otherwise present on the days around their case, so each case stands alone.
  for (const name of Object.keys(DEMO_CASES) as DemoCaseName[]) {
    for (const date of schoolDaysBetween('2025-11-10', DEMO_TODAY)) {
      set(name, date, 'AM', { code: '/' });
      if (date < DEMO_TODAY) set(name, date, 'PM', { code: '\\' });
    }
    const c = DEMO_CASES[name];
    if (name !== 'penaltyThreshold' && name !== 'continuousAbsence') {
      set(name, c.date, c.session, c.arrival === undefined ? { code: c.code } : { code: c.code, arrival: c.arrival });
    }
  }
  for (const date of schoolDaysBetween('2025-10-13', '2025-10-17')) {
    set('penaltyThreshold', date, 'AM', { code: 'G' });
    set('penaltyThreshold', date, 'PM', { code: 'G' });
  }
  set('penaltyThreshold', '2025-11-24', 'PM', { code: 'O' });
  for (const date of schoolDaysBetween('2025-11-12', DEMO_TODAY)) {
    const code = date < '2025-11-20' ? 'O' : 'N';
    set('continuousAbsence', date, 'AM', { code });
    if (date < DEMO_TODAY) set('continuousAbsence', date, 'PM', { code });
  }
}

const DEFAULT_SEED = 20251126;

/** The whole school, freshly generated (the server keeps one copy and changes it). */
export function generateSchool(seed = DEFAULT_SEED): DemoSchool {
  const rnd = seededRandom(seed);
  const total = CLASS_IDS.length * PUPILS_PER_CLASS;
  // Bands for 2025-26, shuffled over the whole school.
  const buckets: (readonly [number, number, number])[] = [];
  for (const b of BUCKETS) for (let i = 0; i < b[2]; i++) buckets.push(b);
  for (let i = buckets.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [buckets[i], buckets[j]] = [buckets[j]!, buckets[i]!];
  }
  const sessionsByYear = { '2024-25': sessionsOfYear('2024-25'), '2025-26': sessionsOfYear('2025-26') };
  const recentN = new Set<IsoDate>([schoolDayBefore(DEMO_TODAY, 1), DEMO_TODAY]);
  const tripDays = new Map<string, IsoDate>();
  for (const classId of CLASS_IDS) {
    for (const year of ACADEMIC_YEARS) {
      // A class trip (V) on a day well away from the planted weeks.
      const candidates = sessionsByYear[year].filter((s) => s.session === 'AM' && (s.date < '2025-11-03' || s.date > DEMO_TODAY) && !(s.date >= '2025-10-13' && s.date <= '2025-10-17'));
      tripDays.set(`${classId}|${year}`, pick(rnd, candidates).date);
    }
  }

  const pupils: DemoPupil[] = [];
  CLASS_IDS.forEach((classId, classIndex) => {
    const yearGroup = yearGroupOf(classId);
    for (let slot = 0; slot < PUPILS_PER_CLASS; slot++) {
      const index = classIndex * PUPILS_PER_CLASS + slot;
      const bucket = buckets[index]!;
      const pupil: DemoPupil = {
        id: pupilIdAt(classIndex, slot),
        upn: makeUpn('2417', 2020 - yearGroup, index),
        forename: pick(rnd, FORENAMES),
        surname: pick(rnd, SURNAMES),
        // Year N in 2025-26: born 1 Sep (2020 - N) to 31 Aug (2021 - N).
        dob: addDays(`${2020 - yearGroup}-09-01`, Math.floor(rnd() * 365)),
        classId,
        marks: new Map(),
      };
      const [atLeast, below] = bucket;
      const severe = atLeast < 70;
      const profile: Profile = {
        unauthorised: atLeast >= 93.5 ? 0.1 : atLeast >= 85 ? 0.25 : severe ? 0.55 : 0.4,
        takesHolidays: rnd() < (atLeast >= 90 ? 0.08 : 0.3),
        longIllness: atLeast < 85 && rnd() < 0.5,
      };
      const hi = Math.min(below, 100);
      const target = atLeast + 0.2 + rnd() * (hi - atLeast - 0.4);
      const current = sessionsByYear['2025-26'];
      fillYear(rnd, pupil, current, absencesFor(current.length, target, atLeast, below), profile, tripDays.get(`${classId}|2025-26`)!, recentN);
      // Last year: near this year's figure.
      const last = sessionsByYear['2024-25'];
      const lastTarget = Math.max(30, Math.min(100, target + (rnd() - 0.5) * 8));
      fillYear(rnd, pupil, last, Math.round((last.length * (100 - lastTarget)) / 100), profile, tripDays.get(`${classId}|2024-25`)!, new Set());
      pupils.push(pupil);
    }
  });
  if (pupils.length !== total) throw new Error('The demo school has the wrong number of pupils.');
  const byId = new Map(pupils.map((p) => [p.id, p]));
  plantCases(byId);
  return { name: SCHOOL_NAME, pupils, byId };
}

/** A plain copy of the school, for comparing two generations. */
export function serialiseSchool(school: DemoSchool): unknown {
  return school.pupils.map((p) => ({ ...p, marks: [...p.marks.entries()] }));
}

/** Pupils of a class in register order (surname, forename). */
export function pupilsOfClass(school: DemoSchool, classId: ClassId): DemoPupil[] {
  return school.pupils.filter((p) => p.classId === classId).sort(compareByName);
}
