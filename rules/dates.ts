// Calendar dates and clock times as the school means them: a date is a day in
// England (no time, no zone), a time is a wall-clock time in Europe/London.
// Dates travel as ISO strings ('2024-10-23'); arithmetic uses whole day numbers
// (days since 1970-01-01), which is exact and cheap on the register's hot path.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const CLOCK_TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const MS_PER_DAY = 86_400_000;

/** Whether y-m-d names a real day in the Gregorian calendar. */
function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
}

/** Whether a string is a real date written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Reads a date written as YYYY-MM-DD or the British DD/MM/YYYY.
 * Returns null for anything else, including impossible days such as 31/02/2025.
 */
export function parseSchoolDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return trimmed;
  const m = UK_DATE.exec(trimmed);
  if (m === null) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (!isRealDay(year, month, day)) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1 January 1970 for an ISO date. The caller guarantees the date is valid. */
export function dayNumber(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/**
 * The ISO date of a day number, by integer arithmetic (the proleptic Gregorian
 * "civil from days" algorithm), which is exact and avoids building a Date.
 */
export function dateOfDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Day of the week for a day number: 0 = Sunday ... 6 = Saturday (1 January 1970 was a Thursday). */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** The day number of the Monday that starts the week containing day n. */
export function mondayOfDayNumber(n: number): number {
  return n - ((weekdayOfDayNumber(n) + 6) % 7);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Minutes after midnight for 'HH:MM' (or 'H:MM'); null when it is not a clock time. */
export function parseClockTime(text: string): number | null {
  const m = CLOCK_TIME.exec(text.trim());
  if (m === null) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * '2024-10-23' → 'Wed 23 Oct 2024', as British staff write dates. Written out
 * rather than left to Intl, whose en-GB month names differ between ICU versions
 * ('Sep' or 'Sept'), so the command line and every browser say the same.
 */
export function formatSchoolDate(date: IsoDate): string {
  const n = dayNumber(date);
  return `${WEEKDAYS[weekdayOfDayNumber(n)]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
