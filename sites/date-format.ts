// Dates as pages write them ("Tuesday 18 November 2025", "Mon 24/11", "18-Nov-2025"), read by a
// format in date-fns tokens, en-GB. date-fns parse with its en-GB locale would add 7.6 KB gzipped
// to the content script, more than this round's whole headroom (about 2.5 KB for dates, arrivals
// and periods), so this reads the subset of tokens profiles need; date-fns parse is the oracle it is
// tested against (date-format.test.ts) and checks each format at import (profile-import.ts).

import { dayNumber, isIsoDate, type IsoDate } from '../rules/dates';

const MONTHS = 'january february march april may june july august september october november december'.split(' ');
const WEEKDAYS = 'sunday monday tuesday wednesday thursday friday saturday'.split(' ');

/** The tokens this reader knows; any other letters in a format are refused at import. */
export const DATE_TOKENS = ['d', 'dd', 'do', 'M', 'MM', 'MMM', 'MMMM', 'y', 'yy', 'yyyy', 'E', 'EE', 'EEE', 'EEEE', 'EEEEEE'];

/** A format split as date-fns splits it: a run of one letter (or do), a quoted literal, or one other character. */
export function formatTokens(format: string): string[] {
  return format.match(/do|([A-Za-z])\1*|''|'(?:''|[^'])+(?:'|$)|[^]/g) ?? [];
}

/** What a page wrote: day and month, and the year and weekday where it wrote them. */
export interface WrittenDate {
  day: number;
  month: number;
  year: number | null;
  /** 0 Sunday to 6 Saturday. */
  weekday: number | null;
}

/** The month a name or number stands for ('11', 'Nov', 'November', 'sept'), 1 to 12, or null. */
export function monthOf(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) return Number(t) >= 1 && Number(t) <= 12 ? Number(t) : null;
  const found = named(t, MONTHS);
  return found !== null && found[1] === t.length ? found[0] + 1 : null;
}

/** The name at the start of text: whole, or its first 4, 3 (or, for weekdays, 2) letters; [index, length]. */
function named(text: string, names: readonly string[]): [number, number] | null {
  for (const n of [99, 4, 3, 2]) {
    if (n === 2 && names === MONTHS) break;
    const i = names.findIndex((name) => text.startsWith(name.slice(0, n)));
    if (i >= 0) return [i, Math.min(n, names[i]!.length)];
  }
  return null;
}

/** Reads text by a format of DATE_TOKENS, case-insensitively; null where it does not fit. */
export function readWrittenDate(text: string, format: string): WrittenDate | null {
  let rest = text.trim().replace(/\s+/g, ' ').toLowerCase();
  const found: WrittenDate = { day: 0, month: 0, year: null, weekday: null };
  for (const token of formatTokens(format)) {
    const letter = token[0]!;
    let length: number;
    if ((letter === 'M' && token.length > 2) || letter === 'E') {
      const name = named(rest, letter === 'M' ? MONTHS : WEEKDAYS);
      if (name === null) return null;
      if (letter === 'M') found.month = name[0] + 1;
      else found.weekday = name[0];
      length = name[1];
    } else if (/^[dMy]/.test(token)) {
      const m = (token === 'do' ? /^(\d{1,2})(?:st|nd|rd|th)?/ : token === 'yy' || letter !== 'y' ? /^(\d{1,2})/ : /^(\d{1,4})/).exec(rest);
      if (m === null) return null;
      const n = Number(m[1]);
      if (letter === 'd') found.day = n;
      else if (letter === 'M') found.month = n;
      // Two-digit years as date-fns reads them near today: registers are of this century.
      else found.year = token === 'yy' ? 2000 + n : n;
      length = m[0].length;
    } else {
      const literal = (token[0] === "'" && token.length > 1 ? token.slice(1, token.endsWith("'") && token !== "''" ? -1 : undefined).replace(/''/g, "'") : token).toLowerCase();
      if (!rest.startsWith(literal.replace(/\s+/g, ' '))) return null;
      length = literal.length;
    }
    rest = rest.slice(length);
  }
  return rest.trim() === '' && found.month >= 1 && found.month <= 12 && found.day >= 1 ? found : null;
}

/** The written day in a year, or null when there is no such day. */
export function dayInYear(date: WrittenDate, year: number): IsoDate | null {
  const iso = `${String(year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Whether the weekday written (if any) is the date's: 1 January 1970 was a Thursday. */
export function weekdayAgrees(date: WrittenDate, iso: IsoDate): boolean {
  return date.weekday === null || (dayNumber(iso) + 4) % 7 === date.weekday;
}

/** The day and month in whichever year puts it nearest the anchor: 29/12 and 02/01 either side of New Year. */
export function nearestTo(date: WrittenDate, anchor: IsoDate): IsoDate | null {
  const year = Number(anchor.slice(0, 4));
  const a = dayNumber(anchor);
  let best: IsoDate | null = null;
  for (const y of [year - 1, year, year + 1]) {
    const iso = dayInYear(date, y);
    if (iso !== null && (best === null || Math.abs(dayNumber(iso) - a) < Math.abs(dayNumber(best) - a))) best = iso;
  }
  return best;
}
