// Term dates from an iCalendar (.ics) file, as schools and councils publish them:
// all-day events named "Autumn term starts", "Half term", "INSET day". Pure: no DOM, no clock.
// The reader (RFC 5545 lines, properties, dates) is kept apart from the term-date
// logic so another parser can replace it.

import { TZDate } from '@date-fns/tz';
import { addDays, dayNumber, isIsoDate, weekdayOfDayNumber, type IsoDate } from '../dates';
import { academicYearSchema, type AcademicYear } from '../policy/schema';
import { formatPath } from '../validation';

export interface IcsProblem {
  /** The line in the file (1-based), or null when the problem is the whole file. */
  line: number | null;
  message: string;
}

export type TermDatesResult = { ok: true; years: AcademicYear[]; warnings: string[] } | { ok: false; problems: IcsProblem[] };

// ---------------------------------------------------------------------------
// The reader: content lines, then VEVENTs with their dates.

interface ContentLine {
  /** Where the (possibly folded) line starts. */
  line: number;
  name: string;
  params: Record<string, string>;
  value: string;
}

/** RFC 5545 §3.1: a line that starts with a space or tab continues the one before. */
export function unfoldLines(text: string): ContentLine[] {
  const physical = text.split(/\r\n|\n|\r/);
  const logical: { line: number; text: string }[] = [];
  physical.forEach((raw, i) => {
    const last = logical[logical.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last !== undefined) last.text += raw.slice(1);
    else if (raw.trim() !== '') logical.push({ line: i + 1, text: raw });
  });
  const out: ContentLine[] = [];
  for (const { line, text: t } of logical) {
    const parsed = splitContentLine(t);
    if (parsed !== null) out.push({ line, ...parsed });
  }
  return out;
}

function splitContentLine(text: string): Omit<ContentLine, 'line'> | null {
  // The value starts at the first colon outside a quoted parameter value.
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [name = '', ...paramTexts] = text.slice(0, colon).split(';');
  const params: Record<string, string> = {};
  for (const p of paramTexts) {
    const eq = p.indexOf('=');
    if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"(.*)"$/, '$1');
  }
  return { name: name.toUpperCase(), params, value: text.slice(colon + 1) };
}

/** RFC 5545 §3.3.11: \\ \; \, \n in TEXT values. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const LONDON = 'Europe/London';

function londonDate(d: Date): IsoDate {
  const t = new TZDate(d.getTime(), LONDON);
  return `${String(t.getFullYear()).padStart(4, '0')}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
}

interface IcsDate {
  date: IsoDate;
  /** A DATE value (all day) rather than a DATE-TIME. */
  allDay: boolean;
  /** For a DATE-TIME: whether the time is exactly midnight, in London. */
  midnight: boolean;
}

/** A DTSTART/DTEND value as the date in England, or a message saying what is wrong. */
function readDate(prop: ContentLine): IcsDate | string {
  const value = prop.value.trim();
  const dateOnly = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (dateOnly !== null) {
    const date = `${dateOnly[1]}-${dateOnly[2]}-${dateOnly[3]}`;
    return isIsoDate(date) ? { date, allDay: true, midnight: true } : `${prop.name} ${value} is not a real date`;
  }
  const dateTime = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(value);
  if (dateTime === null) return `${prop.name} ${JSON.stringify(value)} is not a date written as YYYYMMDD or YYYYMMDDTHHMMSS`;
  const [y, mo, d, h, mi, s] = dateTime.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const wallDate = `${dateTime[1]}-${dateTime[2]}-${dateTime[3]}`;
  if (!isIsoDate(wallDate) || h > 23 || mi > 59 || s > 60) return `${prop.name} ${value} is not a real date and time`;
  let instant: Date | null = null;
  if (dateTime[7] === 'Z') instant = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  else if (prop.params.TZID !== undefined) {
    const zoned = new TZDate(y, mo - 1, d, h, mi, s, prop.params.TZID);
    // An unknown zone name (Outlook writes "GMT Standard Time") is read as London wall time.
    if (!Number.isNaN(zoned.getTime())) instant = new Date(zoned.getTime());
  }
  if (instant === null) return { date: wallDate, allDay: false, midnight: h === 0 && mi === 0 && s === 0 };
  const london = new TZDate(instant.getTime(), LONDON);
  return { date: londonDate(instant), allDay: false, midnight: london.getHours() === 0 && london.getMinutes() === 0 && london.getSeconds() === 0 };
}

/** PnD / PnW durations, the only ones term dates use. */
function readDurationDays(value: string): number | null {
  const m = /^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T.*)?$/.exec(value.trim());
  if (m === null || (m[1] === undefined && m[2] === undefined)) return null;
  return Number(m[1] ?? 0) * 7 + Number(m[2] ?? 0);
}

export interface IcsEvent {
  /** The BEGIN:VEVENT line. */
  line: number;
  summary: string;
  /** First day, inclusive. */
  start: IsoDate;
  /** Last day, inclusive (an all-day DTEND is the day after the last day). */
  end: IsoDate;
  repeats: boolean;
}

export type ReadEventsResult = { ok: true; calendarName: string | null; events: IcsEvent[] } | { ok: false; problems: IcsProblem[] };

/** Reads the VEVENTs of an iCalendar file; any event with a broken date is a problem. */
export function readIcsEvents(text: string): ReadEventsResult {
  const lines = unfoldLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const begin = lines.find((l) => l.name === 'BEGIN' && l.value.trim().toUpperCase() === 'VCALENDAR');
  if (begin === undefined) {
    return { ok: false, problems: [{ line: null, message: 'this is not an iCalendar file: it has no BEGIN:VCALENDAR line' }] };
  }
  const problems: IcsProblem[] = [];
  const events: IcsEvent[] = [];
  let calendarName: string | null = null;
  let current: { line: number; props: ContentLine[] } | null = null;
  // Properties of nested components (VALARM) must not be read as the event's own.
  let nested = 0;
  for (const l of lines) {
    const value = l.value.trim().toUpperCase();
    if (l.name === 'BEGIN' && value === 'VEVENT') {
      // An event left open would otherwise be replaced by the next one and silently lost.
      if (current !== null) problems.push({ line: current.line, message: 'this event has no END:VEVENT line' });
      current = { line: l.line, props: [] };
      nested = 0;
    } else if (l.name === 'END' && value === 'VEVENT') {
      if (current !== null) {
        const event = buildEvent(current.line, current.props, problems);
        if (event !== null) events.push(event);
      }
      current = null;
    } else if (current !== null && nested === 0 && l.name === 'END' && value === 'VCALENDAR') {
      problems.push({ line: current.line, message: 'this event has no END:VEVENT line' });
      current = null;
    } else if (current !== null && l.name === 'BEGIN') nested++;
    else if (current !== null && l.name === 'END') nested--;
    else if (current !== null && nested === 0) current.props.push(l);
    else if (current === null && l.name === 'X-WR-CALNAME') calendarName = unescapeText(l.value).trim();
  }
  if (current !== null) problems.push({ line: current.line, message: 'this event has no END:VEVENT line' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, calendarName, events };
}

function buildEvent(line: number, props: ContentLine[], problems: IcsProblem[]): IcsEvent | null {
  const prop = (name: string) => props.find((p) => p.name === name);
  const summary = unescapeText(prop('SUMMARY')?.value ?? '').trim();
  const dtstart = prop('DTSTART');
  if (dtstart === undefined) {
    problems.push({ line, message: `the event ${JSON.stringify(summary)} has no start date (DTSTART)` });
    return null;
  }
  const start = readDate(dtstart);
  if (typeof start === 'string') {
    problems.push({ line: dtstart.line, message: `${start} (event ${JSON.stringify(summary)})` });
    return null;
  }
  let end = start.date;
  const dtend = prop('DTEND');
  const duration = prop('DURATION');
  if (dtend !== undefined) {
    const read = readDate(dtend);
    if (typeof read === 'string') {
      problems.push({ line: dtend.line, message: `${read} (event ${JSON.stringify(summary)})` });
      return null;
    }
    if (read.date < start.date) {
      problems.push({ line, message: `the event ${JSON.stringify(summary)} ends (DTEND ${dtend.value.trim()}) before it starts (DTSTART ${dtstart.value.trim()})` });
      return null;
    }
    // An all-day DTEND, or one at midnight, is exclusive: the event ends the day before.
    // DTEND on the start date itself (a zero-length all-day event) still means that one day.
    end = read.allDay || read.midnight ? addDays(read.date, -1) : read.date;
    if (end < start.date) end = start.date;
  } else if (duration !== undefined) {
    const days = readDurationDays(duration.value);
    if (days === null) {
      problems.push({ line: duration.line, message: `DURATION ${duration.value} is not a number of days or weeks such as P1D` });
      return null;
    }
    end = start.allDay ? addDays(start.date, Math.max(days, 1) - 1) : start.date;
  }
  return { line, summary, start: start.date, end, repeats: prop('RRULE') !== undefined };
}

// ---------------------------------------------------------------------------
// Term dates: what each event means, then academic years.

type Season = 'Autumn' | 'Spring' | 'Summer';
const SEASONS: readonly Season[] = ['Autumn', 'Spring', 'Summer'];

export type EventMeaning =
  | { kind: 'term-start' | 'term-end' | 'term'; season: Season | null; part: 1 | 2 | null }
  | { kind: 'half-term'; season: Season | null }
  | { kind: 'training-day' | 'closure' }
  | { kind: 'ignored' }
  | { kind: 'unknown' };

function seasonIn(text: string): Season | null {
  if (/\b(autumn|michaelmas)\b/.test(text)) return 'Autumn';
  if (/\b(spring|lent)\b/.test(text)) return 'Spring';
  if (/\b(summer|trinity)\b/.test(text)) return 'Summer';
  return null;
}

/** What a SUMMARY says, by keywords (case-insensitive). */
export function classifySummary(summary: string): EventMeaning {
  const s = summary.toLowerCase().replace(/\s+/g, ' ');
  const season = seasonIn(s);
  if (/half[\s-]?term/.test(s)) return { kind: 'half-term', season };
  if (/\binset\b|training|staff development|professional development|\bpd day|teacher day|non[\s-]?pupil day|staff day/.test(s)) {
    return { kind: 'training-day' };
  }
  if (/school (is )?closed|closure|closed to (pupils|students)/.test(s)) return { kind: 'closure' };
  // Bank holidays are computed; school holidays are simply the gaps between terms.
  if (/holiday|\bbank\b|\bbreak\b|\bvacation\b|christmas|easter|good friday|new year|may day/.test(s)) return { kind: 'ignored' };
  if (/\bterm\b/.test(s) || season !== null) {
    // "Autumn 1", "Spring term 2": a half of the term.
    const partMatch = /\b(?:autumn|spring|summer)\s*(?:term\s*)?(1|2|one|two|i|ii)\b/.exec(s);
    const part = partMatch === null ? null : ['1', 'one', 'i'].includes(partMatch[1]!) ? 1 : 2;
    if (/\b(starts?|begins?|opens?|first day|pupils return|students return|returns?)\b/.test(s)) return { kind: 'term-start', season, part };
    if (/\b(ends?|finish(es)?|closes?|last day|breaks up)\b/.test(s)) return { kind: 'term-end', season, part };
    // "Autumn Term" spanning the whole term, or "Autumn 1" spanning the first half.
    if (season !== null) return { kind: 'term', season, part };
  }
  return { kind: 'unknown' };
}

function academicYearOf(date: IsoDate): string {
  const y = Number(date.slice(0, 4));
  const first = Number(date.slice(5, 7)) >= 9 ? y : y - 1;
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
}

/** A term's season from its date, when the summary does not name one. */
function seasonOfStart(date: IsoDate): Season {
  const month = Number(date.slice(5, 7));
  return month >= 9 ? 'Autumn' : month <= 3 ? 'Spring' : 'Summer';
}

function isWeekend(date: IsoDate): boolean {
  const day = weekdayOfDayNumber(dayNumber(date));
  return day === 0 || day === 6;
}

/** Half terms are written Monday to Friday in the presets; a Saturday-to-Sunday event says the same. */
function weekdaysOnly(start: IsoDate, end: IsoDate): { start: IsoDate; end: IsoDate } {
  let s = start;
  let e = end;
  while (s < e && isWeekend(s)) s = addDays(s, 1);
  while (e > s && isWeekend(e)) e = addDays(e, -1);
  return { start: s, end: e };
}

interface Marked<T> {
  value: T;
  line: number;
}

interface TermDraft {
  season: Season;
  start?: Marked<IsoDate>;
  end?: Marked<IsoDate>;
  halfTerm?: Marked<{ start: IsoDate; end: IsoDate }>;
  /** The two halves when the file lists "Autumn 1" and "Autumn 2". */
  parts: Record<1 | 2, { start?: Marked<IsoDate>; end?: Marked<IsoDate> }>;
}

interface YearDraft {
  label: string;
  terms: Map<Season, TermDraft>;
  closures: Marked<AcademicYear['closures'][number]>[];
  halfTerms: Marked<{ start: IsoDate; end: IsoDate; season: Season | null }>[];
  firstLine: number;
}

/** Reads term dates from an iCalendar file; every problem names the line of the event behind it. */
export function parseTermDatesIcs(text: string): TermDatesResult {
  const read = readIcsEvents(text);
  if (!read.ok) return read;
  const warnings: string[] = [];
  const problems: IcsProblem[] = [];
  const years = new Map<string, YearDraft>();
  const yearFor = (date: IsoDate, line: number): YearDraft => {
    const label = academicYearOf(date);
    let year = years.get(label);
    if (year === undefined) {
      year = { label, terms: new Map(), closures: [], halfTerms: [], firstLine: line };
      years.set(label, year);
    }
    return year;
  };
  const termFor = (year: YearDraft, season: Season): TermDraft => {
    let term = year.terms.get(season);
    if (term === undefined) {
      term = { season, parts: { 1: {}, 2: {} } };
      year.terms.set(season, term);
    }
    return term;
  };
  const setOnce = <K extends 'start' | 'end' | 'halfTerm'>(term: TermDraft, key: K, value: NonNullable<TermDraft[K]>, what: string, year: string) => {
    const existing = term[key];
    // The same date twice ("Autumn Term" and "Autumn term starts") says nothing new.
    if (existing !== undefined && JSON.stringify(existing.value) === JSON.stringify(value.value)) return;
    if (existing !== undefined) {
      problems.push({ line: value.line, message: `a second ${what} for the ${term.season} term ${year} (the first is on line ${existing.line})` });
    } else term[key] = value;
  };
  /** A start or end of "Autumn 1" or "Autumn 2", or the whole term when no half is named. */
  const setBoundary = (term: TermDraft, part: 1 | 2 | null, key: 'start' | 'end', value: Marked<IsoDate>, year: string) => {
    if (part === null) return setOnce(term, key, value, key, year);
    const existing = term.parts[part][key];
    if (existing !== undefined && existing.value === value.value) return;
    if (existing !== undefined) {
      problems.push({ line: value.line, message: `a second ${key} for ${term.season} ${part} ${year} (the first is on line ${existing.line})` });
    } else term.parts[part][key] = value;
  };

  const events = [...read.events].sort((a, b) => a.start.localeCompare(b.start) || a.line - b.line);
  // Starts first, so an end or half term without a season can find the term it belongs to.
  const ordered = [
    ...events.filter((e) => classifySummary(e.summary).kind === 'term-start' || classifySummary(e.summary).kind === 'term'),
    ...events.filter((e) => !['term-start', 'term'].includes(classifySummary(e.summary).kind)),
  ];
  for (const event of ordered) {
    const meaning = classifySummary(event.summary);
    if (event.repeats && meaning.kind !== 'ignored' && meaning.kind !== 'unknown') {
      warnings.push(`line ${event.line}: ${JSON.stringify(event.summary)} repeats (RRULE); only its first date is used`);
    }
    switch (meaning.kind) {
      case 'ignored':
        break;
      case 'unknown':
        warnings.push(`line ${event.line}: ${JSON.stringify(event.summary)} is not a term date, half term or closure; it was left out`);
        break;
      case 'training-day':
      case 'closure': {
        const year = yearFor(event.start, event.line);
        year.closures.push({
          line: event.line,
          value: { start: event.start, ...(event.end !== event.start ? { end: event.end } : {}), kind: meaning.kind, reason: event.summary },
        });
        break;
      }
      case 'half-term': {
        const year = yearFor(event.start, event.line);
        year.halfTerms.push({ line: event.line, value: { ...weekdaysOnly(event.start, event.end), season: meaning.season } });
        break;
      }
      case 'term-start': {
        const year = yearFor(event.start, event.line);
        const term = termFor(year, meaning.season ?? seasonOfStart(event.start));
        setBoundary(term, meaning.part, 'start', { line: event.line, value: event.start }, year.label);
        break;
      }
      case 'term-end': {
        const year = yearFor(event.end, event.line);
        const season = meaning.season ?? seasonOwning(year, event.end) ?? seasonOfStart(event.end);
        setBoundary(termFor(year, season), meaning.part, 'end', { line: event.line, value: event.end }, year.label);
        break;
      }
      case 'term': {
        const year = yearFor(event.start, event.line);
        const term = termFor(year, meaning.season ?? seasonOfStart(event.start));
        setBoundary(term, meaning.part, 'start', { line: event.line, value: event.start }, year.label);
        setBoundary(term, meaning.part, 'end', { line: event.line, value: event.end }, year.label);
        break;
      }
    }
  }

  // "Autumn 1" and "Autumn 2": the term runs from the first to the last, the half term is the gap.
  for (const year of years.values()) {
    for (const term of year.terms.values()) {
      const { 1: first, 2: second } = term.parts;
      if (first.start !== undefined) setOnce(term, 'start', first.start, 'start', year.label);
      if (second.end !== undefined) setOnce(term, 'end', second.end, 'end', year.label);
      if (first.end !== undefined && second.start !== undefined) {
        const gap = weekdaysOnly(addDays(first.end.value, 1), addDays(second.start.value, -1));
        // Only a gap with school days in it is a half term; a weekend between the halves is not.
        if (gap.start <= gap.end && !isWeekend(gap.start)) {
          setOnce(term, 'halfTerm', { line: second.start.line, value: gap }, 'half term', year.label);
        }
      }
    }
    for (const ht of year.halfTerms) {
      const season = ht.value.season ?? seasonOwning(year, ht.value.start);
      if (season === null) {
        problems.push({ line: ht.line, message: `the half term ${ht.value.start} to ${ht.value.end} does not fall inside any term in the file` });
        continue;
      }
      setOnce(termFor(year, season), 'halfTerm', { line: ht.line, value: { start: ht.value.start, end: ht.value.end } }, 'half term', year.label);
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const out: AcademicYear[] = [];
  for (const year of [...years.values()].sort((a, b) => a.label.localeCompare(b.label))) {
    const built = buildYear(year, read.calendarName, problems);
    if (built !== null) out.push(built);
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  if (out.length === 0) {
    return { ok: false, problems: [{ line: null, message: 'the file has no term dates, half terms or training days that Markwise recognises' }] };
  }
  return { ok: true, years: out, warnings };
}

/** The season of the term that has started by this date, in this year. */
function seasonOwning(year: YearDraft, date: IsoDate): Season | null {
  let owner: Season | null = null;
  for (const season of SEASONS) {
    const term = year.terms.get(season);
    const start = term?.start?.value ?? term?.parts[1].start?.value;
    if (start !== undefined && start <= date) owner = season;
  }
  return owner;
}

function buildYear(year: YearDraft, calendarName: string | null, problems: IcsProblem[]): AcademicYear | null {
  /** Which event each part of the year came from, by dotted path. */
  const lines = new Map<string, number>();
  const terms: AcademicYear['terms'] = [];
  const drafts = SEASONS.map((s) => year.terms.get(s)).filter((t): t is TermDraft => t !== undefined);
  drafts.sort((a, b) => (a.start?.value ?? a.end?.value ?? '').localeCompare(b.start?.value ?? b.end?.value ?? ''));
  let missing = false;
  for (const term of drafts) {
    if (term.start === undefined || term.end === undefined) {
      const known = term.start ?? term.end;
      const has = term.start === undefined ? 'an end' : 'a start';
      const lacks = term.start === undefined ? 'start' : 'end';
      problems.push({ line: known?.line ?? term.halfTerm?.line ?? null, message: `the ${term.season} term ${year.label} has ${has} but no ${lacks} in the file` });
      missing = true;
      continue;
    }
    const i = terms.length;
    lines.set(`terms[${i}]`, term.start.line);
    lines.set(`terms[${i}].start`, term.start.line);
    lines.set(`terms[${i}].end`, term.end.line);
    if (term.halfTerm !== undefined) lines.set(`terms[${i}].halfTerm`, term.halfTerm.line);
    terms.push({
      name: term.season,
      start: term.start.value,
      end: term.end.value,
      ...(term.halfTerm !== undefined ? { halfTerm: term.halfTerm.value } : {}),
    });
  }
  if (missing) return null;
  const closures = [...year.closures].sort((a, b) => a.value.start.localeCompare(b.value.start));
  closures.forEach((c, i) => lines.set(`closures[${i}]`, c.line));
  const candidate = {
    label: year.label,
    terms,
    closures: closures.map((c) => c.value),
    ...(calendarName !== null && calendarName !== '' ? { source: calendarName } : {}),
  };
  const result = academicYearSchema.safeParse(candidate);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = formatPath(issue.path, '');
    problems.push({ line: lineFor(lines, path) ?? year.firstLine, message: `${year.label} ${path === '' ? '' : `${describePath(path, candidate)}: `}${issue.message}` });
  }
  return null;
}

/** The event behind a path, trying the path then each shorter prefix. */
function lineFor(lines: Map<string, number>, path: string): number | null {
  let p = path;
  while (p !== '') {
    const line = lines.get(p);
    if (line !== undefined) return line;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut <= 0 ? '' : p.slice(0, cut);
  }
  return null;
}

/** 'terms[1].end' as 'Spring term end', in the school's words. */
function describePath(path: string, year: { terms: { name: string }[] }): string {
  const m = /^terms\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m !== null) {
    const name = year.terms[Number(m[1])]?.name ?? 'a';
    const field = m[2] === 'halfTerm' ? ' half term' : m[2] === undefined ? '' : ` ${m[2]}`;
    return `${name} term${field}`;
  }
  if (path.startsWith('closures')) return 'closure';
  return path;
}
