// From what a person pointed at to a site profile (issue 16): the register and its rows, a pupil's
// name, a mark, where that mark's date and session are, and the MIS's names for its codes. Each
// answer is generalised to every row and every session with a steady selector (stable.ts), and the
// profile is proved by reading the page with it (sites/read.ts), as Markwise will.

import { codeInForce, CODES_2024 } from '../../rules/codes';
import { isIsoDate } from '../../rules/dates';
import { upnCheckProblem } from '../../rules/upn';
import { monthOf, readWrittenDate } from '../date-format';
import type { DateSource, MarkControl, SessionSource, SiteProfileInput, ValueSource } from '../profile';
import { columnOf, ownText, PRESENT, readSession, readValue, textOf } from '../read';
import { cellAtColumn, headerAbove, looksLikeCode, type FoundMark, type RegisterGuess } from './find';
import { compounds, escapeRegExp, looksGenerated, selectorFor, selectorForOne } from './stable';

/** What a person has pointed at so far. */
export interface Lesson {
  readonly guess: RegisterGuess;
  /** A pupil's name, in any row. */
  readonly name: Element;
  /** Where the date of a mark is: a header cell above it, a heading, a date control; or 'today' where the page only ever shows today's register. */
  readonly date: Element | 'today';
  /** Where its session is (AM or PM, morning, afternoon): often the date's element too; or always one session. */
  readonly session: Element | 'AM' | 'PM';
  /** The MIS's names for its codes (an option, a radio's label or header) to the DfE code each means (PRESENT: / or \). */
  readonly names: Readonly<Record<string, string>>;
  readonly role: 'teacher' | 'office';
  /** Optional: an arrival time or minutes late, a UPN, the attendance figure, each in one row. */
  readonly arrival?: Element;
  readonly upn?: Element;
  readonly attendance?: Element;
}

export type Taught = { readonly ok: true; readonly profile: SiteProfileInput } | { readonly ok: false; readonly step: TeachStep; readonly message: string };

export type TeachStep = 'register' | 'name' | 'mark' | 'date' | 'session' | 'names' | 'arrival' | 'upn' | 'attendance';

/** Where in a row (or a cell) each row's element like `one` is, as a selector from the row. */
export function selectorInRows(one: Element, rows: readonly Element[]): { selector: string; found: Element[] } | null {
  const row = rows.find((r) => r.contains(one));
  if (row === undefined) return null;
  const candidates = [...compounds([one])];
  // Inside the cell that holds it: "td.pupil-name a".
  const cell = one.parentElement?.closest('td, th, [role="gridcell"], [role="rowheader"], [role="cell"]');
  if (cell != null && cell !== one && row.contains(cell)) for (const outer of compounds([cell])) for (const inner of compounds([one])) candidates.push(`${outer} ${inner}`);
  for (const selector of candidates) {
    let mine: Element | null;
    try {
      mine = row.querySelector(selector);
    } catch {
      continue;
    }
    if (mine !== one) continue;
    const found = rows.map((r) => r.querySelector(selector));
    // In most rows (a row may lack a figure), and never more than one place per row where a mark needs one.
    if (found.filter((f) => f !== null).length >= Math.ceil(rows.length * 0.9)) return { selector, found: found.filter((f): f is Element => f !== null) };
  }
  return null;
}

/**
 * Where a value of a pupil's row is read, for every row: under its column's header, found by the
 * header's text (a plain cell with nothing of its own, "RosarioSIS ID"; a "Mins late" column), which
 * stays put when columns are added; else by a selector within the row.
 */
function inRow(element: Element, guess: RegisterGuess, prefer: 'column' | 'row' = 'column'): ValueSource | null {
  const own = prefer === 'row' ? rowSource(element, guess.rows) : null;
  if (own !== null) return own;
  const header = headerAbove(element, guess.register);
  const headerText = (header?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const cell = element.closest('td, th');
  if (header !== null && cell !== null && headerText !== '') {
    const same = Array.from(header.parentElement?.children ?? []).filter((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase() === headerText.toLowerCase());
    const selector = cell === element ? undefined : compounds([element]).find((c) => cell.querySelector(c) === element);
    if (same.length === 1 && (cell === element || selector !== undefined)) return { scope: 'column', column: { header: `^${escapeRegExp(headerText)}$` }, ...(selector === undefined ? {} : { selector }) };
  }
  return prefer === 'row' ? null : rowSource(element, guess.rows);
}

/** Whether the element is in one of the register's pupil rows (not its head, nor elsewhere on the page). */
export function inPupilRow(guess: RegisterGuess, element: Element): boolean {
  return guess.rows.some((r) => r.contains(element));
}

/** Whether values are the rows' places (0, 1, 2… or 1, 2, 3…): sorted, such a value would name another pupil. */
function areRowPlaces(values: readonly (string | null)[]): boolean {
  return values.every((v, i) => v === String(i) || v === String(i + 1));
}

/** A UPN as the DfE issues them: a letter, 11 digits and a digit or letter, its check letter right. */
function isUpn(text: string): boolean {
  const t = text.trim();
  return /^[A-Z]\d{11}[0-9A-Z]$/i.test(t) && upnCheckProblem(t) === null;
}

/** Whether a value source reads, in every row, a short value of its own, different in each, that is not the row's place (1, 2, 3). */
function isIdInEveryRow(source: ValueSource, guess: RegisterGuess): boolean {
  const doc = guess.register.ownerDocument;
  const values = guess.rows.map((row) => readValue(source, { cell: null, row, register: guess.register, page: doc })?.trim() ?? '');
  const places = areRowPlaces(values);
  return !places && values.every((v) => v !== '' && v.length <= 40 && !/\s{2,}/.test(v)) && new Set(values).size === values.length;
}

/** A value source for a value read in a row: the element, and an attribute when the value is there rather than in the text. */
function rowSource(one: Element, rows: readonly Element[]): ValueSource | null {
  const row = rows.find((r) => r === one || r.contains(one));
  if (row === undefined) return null;
  if (row === one) return { scope: 'row' };
  const place = selectorInRows(one, rows);
  return place === null ? null : { scope: 'row', selector: place.selector };
}

/** The pupil's id as the MIS keeps it: a data attribute of the row, else the common name of its controls ("attendance[1093]"). */
function pupilIdSource(guess: RegisterGuess, nameSource: ValueSource): ValueSource {
  const rows = guess.rows;
  for (const { name } of Array.from(rows[0]!.attributes)) {
    // A row's place (data-index, data-row: 0, 1, 2…) changes when the list is sorted: another pupil's then.
    if (!name.startsWith('data-') || /index|idx|row|position|order|sort/i.test(name)) continue;
    const values = rows.map((r) => r.getAttribute(name));
    const places = areRowPlaces(values);
    if (!places && values.every((v) => v !== null && v.trim() !== '') && new Set(values).size === rows.length) return { scope: 'row', attribute: name };
  }
  // A hidden input of the row holding the MIS's id (WebForms' "…$hfPupilId"), one per row, each different.
  const hidden = rows.map((r) => Array.from(r.querySelectorAll('input[type="hidden"]')).filter((i) => (i as HTMLInputElement).value.trim() !== ''));
  if (hidden.every((h) => h.length === 1)) {
    const inputs = hidden.map((h) => h[0]!);
    const values = inputs.map((i) => (i as HTMLInputElement).value.trim());
    const selector = compounds(inputs).find((c) => rows.every((r, i) => r.querySelector(c) === inputs[i]));
    if (selector !== undefined && new Set(values).size === rows.length) return { scope: 'row', selector, attribute: 'value' };
  }
  // The controls' name: "attendance[1093]", "mark|P1001|2025-11-24|AM".
  const controls = guess.marks.map((m) => m[0]?.control).map((c) => (c === undefined ? null : c.matches('[name]') ? c : c.querySelector('[name]')));
  const names = controls.map((c) => c?.getAttribute('name') ?? null);
  if (names.every((n): n is string => n !== null)) {
    const first = names[0]!;
    const id = /^([^[|]*[[|])([^\]|]+)/.exec(first);
    if (id !== null) {
      const pattern = `^${escapeRegExp(id[1]!)}([^\\]|]+)`;
      const re = new RegExp(pattern);
      const ids = names.map((n) => re.exec(n)?.[1] ?? null);
      if (ids.every((i) => i !== null) && new Set(ids).size === rows.length) {
        const tag = controls[0]!.localName;
        return { scope: 'row', selector: `${tag}[name^=${JSON.stringify(id[1])}]`, attribute: 'name', pattern };
      }
    }
  }
  // A link to the pupil's own page carrying their id ("student_view_details.php?gibbonPersonID=0000001201"):
  // shared/reference/mis-pages.md, "No UPN on the page: only the MIS's own pupil id, in a link".
  const fromLink = linkIdSource(rows);
  if (fromLink !== null) return fromLink;
  // Nothing of the MIS's own: the pupil is known by the name the row shows.
  return nameSource;
}

/**
 * A query parameter of a link in every row whose value differs in every row, and is not the row's
 * place (1, 2, 3): the MIS's id for the pupil, read from the link's href.
 */
function linkIdSource(rows: readonly Element[]): ValueSource | null {
  const first = Array.from(rows[0]!.querySelectorAll('a[href]'));
  for (const link of first) {
    let params: URLSearchParams;
    try {
      params = new URL(link.getAttribute('href')!, link.ownerDocument.baseURI).searchParams;
    } catch {
      continue;
    }
    for (const [name, value] of params) {
      if (!/^[\w-]{1,40}$/.test(name) || !/^[\w-]{3,}$/.test(value) || /index|row|position|order|sort|page/i.test(name)) continue;
      const selector = `a[href*=${JSON.stringify(`${name}=`)}]`;
      const pattern = `[?&]${escapeRegExp(name)}=([^&#]+)`;
      const re = new RegExp(pattern);
      const ids = rows.map((r) => re.exec(r.querySelector(selector)?.getAttribute('href') ?? '')?.[1] ?? null);
      const places = areRowPlaces(ids);
      if (!places && ids.every((v) => v !== null) && new Set(ids).size === rows.length) return { scope: 'row', selector, attribute: 'href', pattern };
    }
  }
  return null;
}

/** The cell a mark's control is in (a table cell), or the control itself. */
function cellOf(mark: FoundMark, row: Element): Element {
  if (mark.control === row) return row;
  const cell = mark.control.closest('td, th, [role="gridcell"], [role="cell"]');
  return cell !== null && row.contains(cell) ? cell : mark.control;
}

/** The marks' cells as the profile will name them, and their selector (null: none steady); ':scope' where each row is its one mark. */
export function markCells(guess: RegisterGuess): { cells: Element[]; selector: string | null } {
  const perRow = guess.marks.map((m, r) => m.map((mark) => cellOf(mark, guess.rows[r]!)));
  const cells = perRow.flat();
  if (perRow.every((c, r) => c.length === 1 && c[0] === guess.rows[r])) return { cells, selector: ':scope' };
  const selector = selectorFor(cells, guess.register);
  if (selector !== null) return { cells, selector };
  // Cells with nothing of their own (a plain <td>): the controls in them stand for them.
  const controls = guess.marks.flat().map((m) => m.control);
  return { cells: controls, selector: selectorFor(controls, guess.register) };
}

/**
 * Every place on the page a step's answer stands for, for the person to see the generalisation: the
 * header above each session for a date or session in the register's head, the arrival in each row
 * for an arrival; else the element alone.
 */
export function placesLike(step: 'date' | 'session' | 'arrival', element: Element, guess: RegisterGuess): Element[] {
  if (step !== 'arrival' && inPupilRow(guess, element)) return selectorInRows(element, guess.rows)?.found ?? [element];
  if (step !== 'arrival') {
    const inHead = guess.register.contains(element) ? element.closest('th, td') : null;
    return (inHead === null ? null : headersAbove(guess, inHead)) ?? [element];
  }
  const { cells } = markCells(guess);
  const source = arrivalSource(element, guess, cells);
  if ('problem' in source) return [element];
  const within = (scope: Element | null | undefined) => (scope == null ? null : source.selector === undefined ? scope : scope.querySelector(source.selector));
  const places = source.scope === 'cell' ? cells.map(within) : source.scope === 'next-cell' ? cells.map((c) => within(c.nextElementSibling)) : source.scope === 'column' ? guess.rows.map((r) => within(r.children[Array.from(element.closest('tr')?.children ?? []).indexOf(element.closest('td, th')!)])) : guess.rows.map((r) => within(r));
  return places.filter((e): e is Element => e != null && arrivalText(e) !== '');
}

/** The header cells above a grid's mark cells, one per mark of the first full row, from the header row holding `clicked`. */
function headersAbove(guess: RegisterGuess, clicked: Element): Element[] | null {
  const headerRow = clicked.closest('tr, [role="row"]');
  if (headerRow === null) return null;
  const fullRow = guess.marks.findIndex((m) => m.length === guess.sessions);
  const row = guess.rows[fullRow]!;
  const headers: Element[] = [];
  for (const mark of guess.marks[fullRow]!) {
    const column = columnOf(cellOf(mark, row));
    const header = cellAtColumn(headerRow, column);
    if (header === undefined) return null;
    headers.push(header);
  }
  return headers;
}

/** How a date is read from an element: a date control's value, an attribute holding it, or its text (with a format for words). */
export function dateSourceIn(element: Element, base: Pick<ValueSource, 'scope' | 'selector' | 'column'>): DateSource | null {
  if (element.localName === 'input' && (element as HTMLInputElement).type === 'date') return { ...base, state: 'value' };
  if (element.localName === 'select') return datePartsAt(element as HTMLSelectElement);
  for (const { name, value } of Array.from(element.attributes)) {
    if (name === 'class' || name === 'id' || name === 'style') continue;
    if (isIsoDate(value) || /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(value)) return { ...base, attribute: name };
  }
  const text = textOf(element).replace(/\s+/g, ' ').trim();
  const numeric = /(?<!\d)(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})(?!\d)/.exec(text);
  if (numeric !== null) return { ...base, pattern: '(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4})' };
  const written = WRITTEN.exec(text);
  if (written !== null) {
    const format = formatOf(written[1]!);
    if (format !== null && readWrittenDate(written[1]!, format) !== null) return { ...base, pattern: `(${patternOf(format)})`, format };
  }
  // Day and month only ("Mon 24/11 AM"), the year elsewhere on the page ("Week commencing 24/11/2025"):
  // shared/reference/mis-pages.md, "Values outside the mark's cell".
  const short = SHORT.exec(text);
  if (short !== null) {
    const weekday = short[1] === undefined ? '' : FULL_DAYS.includes(short[1].toLowerCase()) ? 'EEEE ' : 'EEE ';
    const format = `${weekday}d/M`;
    const yearFrom = yearSourceFor(element);
    if (readWrittenDate(short[0].trim(), format) !== null && yearFrom !== null) return { ...base, pattern: `(${weekday === '' ? '' : weekday === 'EEE ' ? '[A-Za-z]{3} ' : '[A-Za-z]{6,9} '}\\d{1,2}/\\d{1,2})`, format, yearFrom };
  }
  return null;
}

/** A day and month without a year, after an optional weekday: "Mon 24/11", "24/11". */
const SHORT = /(?:^|\s)(?:([A-Za-z]{3,9}) )?\d{1,2}\/\d{1,2}(?![/\d])/;

/**
 * Where a date without a year takes its year: the one element outside the register's rows that shows a
 * full date ("Week commencing 24/11/2025"), each day then taking the year that puts it nearest; null
 * where the page shows none, so that a date is never given a year guessed from today.
 */
export function yearSourceFor(element: Element): ValueSource | null {
  const doc = element.ownerDocument;
  for (const e of Array.from(doc.querySelectorAll('h1, h2, h3, h4, caption, legend, p, span, strong, label, time, input[type="date"]'))) {
    if (e.closest('markwise-teach, markwise-root, tbody') !== null) continue;
    const full = e.localName === 'input' ? isIsoDate((e as HTMLInputElement).value) : /(?<!\d)(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})(?!\d)/.test(textOf(e)) && textOf(e).trim().length < 80;
    if (!full) continue;
    const selector = selectorForOne(e);
    if (selector !== null) return e.localName === 'input' ? { scope: 'page', selector, state: 'value' } : { scope: 'page', selector };
  }
  return null;
}

/** A plain pattern for a date in one format, each part written once (profile import refuses nested repeats). */
function patternOf(format: string): string {
  const parts: Record<string, string> = { EEEE: '[A-Za-z]{6,9}', EEE: '[A-Za-z]{3}', d: '\\d{1,2}', do: '\\d{1,2}[a-z]{2}', MMMM: '[A-Za-z]{3,9}', MMM: '[A-Za-z]{3,4}', yyyy: '\\d{4}', "','": ',' };
  return format.split(' ').map((token) => token.replace(/^(EEEE|EEE|MMMM|MMM|do|d|yyyy)(','|)$/, (_, t: string, comma: string) => parts[t]! + (comma ? ',' : ''))).join(' ');
}

/** What a dropdown of a date's part holds: days (1 to 31), months (by name or 1 to 12) or years. */
function partOf(select: HTMLSelectElement): 'day' | 'month' | 'year' | null {
  const options = Array.from(select.options).filter((o) => o.value !== '');
  const numbers = options.map((o) => Number(o.textContent!.trim()));
  if (options.length >= 28 && options.length <= 31 && numbers.every((n, i) => n === i + 1)) return 'day';
  if (options.length === 12 && options.every((o, i) => monthOf(o.textContent!) === i + 1)) return 'month';
  // A school year's months only ("Sep" to "Dec", or September to July), by name, each once.
  const months = options.map((o) => (/\d/.test(o.textContent!) ? null : monthOf(o.textContent!)));
  if (options.length >= 1 && months.every((m) => m !== null) && new Set(months).size === months.length) return 'month';
  if (options.length >= 1 && numbers.every((n) => Number.isInteger(n) && n >= 1990 && n <= 2100)) return 'year';
  return null;
}

/**
 * A date in three dropdowns (RosarioSIS's PrepareDate; shared/reference/mis-pages.md, "Date as form
 * controls"): the dropdown clicked and the two others beside it, each read by its chosen option's text.
 */
function datePartsAt(select: HTMLSelectElement): DateSource | null {
  if (partOf(select) === null) return null;
  // The other two in the nearest container that holds all three.
  for (let holder = select.parentElement; holder !== null; holder = holder.parentElement) {
    const found: Partial<Record<'day' | 'month' | 'year', Element>> = {};
    for (const other of Array.from(holder.querySelectorAll('select'))) {
      const part = partOf(other as HTMLSelectElement);
      if (part !== null && found[part] === undefined) found[part] = other;
    }
    if (found.day && found.month && found.year) {
      const parts = { day: found.day, month: found.month, year: found.year };
      const sources = Object.fromEntries(Object.entries(parts).map(([part, e]) => [part, selectorForOne(e)])) as Record<'day' | 'month' | 'year', string | null>;
      if (Object.values(sources).some((s) => s === null)) return null;
      const source = (selector: string): ValueSource => ({ scope: 'page', selector, state: 'selected-text' });
      return { parts: { day: source(sources.day!), month: source(sources.month!), year: source(sources.year!) } };
    }
    if (holder.localName === 'form' || holder.localName === 'body') break;
  }
  return null;
}

/** A date written out: an optional weekday, the day (1st, 2), the month's name, the year: "Tuesday 18 November 2025", "Mon 24 Nov 2025". */
const WRITTEN = /((?:[A-Za-z]{3,9},? )?\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9},? \d{4})/;

const FULL_MONTHS = 'january february march april may june july august september october november december'.split(' ');
const FULL_DAYS = 'sunday monday tuesday wednesday thursday friday saturday'.split(' ');

/** The date-fns format (en-GB tokens) a written date is in, as the reader takes it (sites/date-format.ts): "EEE d MMM yyyy". */
export function formatOf(text: string): string | null {
  const m = /^(?:([A-Za-z]+)(,?) )?(\d{1,2})(st|nd|rd|th)? ([A-Za-z]+)(,?) (\d{4})$/.exec(text);
  if (m === null) return null;
  const weekday = m[1] === undefined ? '' : `${FULL_DAYS.includes(m[1].toLowerCase()) ? 'EEEE' : 'EEE'}${m[2] === ',' ? "','" : ''} `;
  const month = FULL_MONTHS.includes(m[5]!.toLowerCase()) ? 'MMMM' : 'MMM';
  return `${weekday}${m[4] === undefined ? 'd' : 'do'} ${month}${m[6] === ',' ? "','" : ''} yyyy`;
}

/**
 * AM or PM as a word in a text ("Tue 25 Nov AM", "Morning registration"; "2025AM" where a <br> parts
 * them, as textContent reads it), in syntax profile import can check (no lookbehind).
 */
const SESSION_WORD = '(?:^|[^A-Za-z])(AM|PM|am|pm|Morning|Afternoon|morning|afternoon)(?![A-Za-z])';

/** How a session is read from an element: an attribute saying AM or PM, else the word in its text. */
export function sessionSourceIn(element: Element, base: Pick<ValueSource, 'scope' | 'selector' | 'column'>): ValueSource | null {
  // A dropdown of periods ("Registration AM"): its chosen option, now.
  if (element.localName === 'select') {
    const text = (element as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? '';
    if (readSession(text) !== null) return { ...base, state: 'selected-text' };
    return new RegExp(SESSION_WORD).test(text) ? { ...base, state: 'selected-text', pattern: SESSION_WORD } : null;
  }
  for (const { name, value } of Array.from(element.attributes)) if (name !== 'class' && readSession(value) !== null) return { ...base, attribute: name };
  const text = textOf(element).replace(/\s+/g, ' ').trim();
  if (readSession(text) !== null) return { ...base };
  const word = new RegExp(SESSION_WORD).exec(text);
  return word === null ? null : { ...base, pattern: SESSION_WORD };
}

/**
 * A dropdown of registers by name, as the profile's periods: each option that names a session ("AM
 * registration", "Registration PM", "Morning") to it. Registers named otherwise ("Period 1", a lesson)
 * are left unlisted, so that Markwise leaves them alone rather than calling them unreadable.
 */
export function periodsOf(select: HTMLSelectElement): Record<string, 'AM' | 'PM'> | undefined {
  const periods: Record<string, 'AM' | 'PM'> = {};
  for (const option of Array.from(select.options)) {
    const text = (option.textContent ?? '').replace(/\s+/g, ' ').trim();
    const word = readSession(text) ?? new RegExp(SESSION_WORD).exec(text)?.[1];
    if (text === '' || word == null) continue;
    periods[text] = /^(AM|morning)$/i.test(word) ? 'AM' : 'PM';
  }
  return Object.keys(periods).length > 0 ? periods : undefined;
}

/** The names a register's marks show that are not DfE codes, each once, in the order met: for a person to match to codes. */
export function namesToMatch(guess: RegisterGuess): string[] {
  return marksShown(guess).names;
}

/**
 * Codes the MIS offers beside the DfE's that are not DfE codes ("A", "#"): one or two capitals, digits
 * or signs, as a code is written. They are read as written, so that Markwise flags each mark of one as
 * an unknown code, rather than asked of a person as names.
 */
export function otherCodes(guess: RegisterGuess): string[] {
  return marksShown(guess).others;
}

const OTHER_CODE = /^[A-Z0-9#*!?@+=-]{1,2}$/;

function marksShown(guess: RegisterGuess): { names: string[]; others: string[] } {
  const names = new Set<string>();
  const others = new Set<string>();
  for (const row of guess.marks) {
    for (const mark of row) {
      for (const text of markTexts(mark, guess)) {
        const t = text.trim();
        if (t === '' || looksLikeCode(t)) continue;
        // A radio's label or a header is a name however short; a dropdown's or a cell's short capital is a code.
        if (mark.kind !== 'radios' && OTHER_CODE.test(t)) others.add(t);
        else names.add(t);
      }
    }
  }
  return { names: [...names], others: [...others] };
}

/** Every text a mark can show: a dropdown's options, a radio group's labels (or its headers), a cell's text. */
function markTexts(mark: FoundMark, guess: RegisterGuess): string[] {
  // An option with an empty value ("-- Select --") is the blank mark, as the reader takes it.
  if (mark.kind === 'select') return Array.from((mark.control as HTMLSelectElement).options).filter((o) => o.value !== '').map((o) => o.textContent ?? '');
  if (mark.kind === 'radios') return radioTexts(mark.control, guess).texts;
  if (mark.kind === 'buttons') return buttonTexts(mark.control).texts;
  if (mark.kind === 'text') return [ownText(mark.control)];
  return [];
}

/** Where a radio group's codes are best read: each radio's label, else its column's header, else its value. */
function radioTexts(holder: Element, guess: RegisterGuess): { codeFrom: 'label' | 'header' | 'value'; texts: string[] } {
  const radios = Array.from(holder.querySelectorAll('input[type="radio"]')) as HTMLInputElement[];
  const labels = radios.map((r) => (Array.from(r.labels ?? [], (l) => l.textContent!.trim()).find((t) => t !== '') ?? r.getAttribute('aria-label') ?? '').trim());
  const headers = radios.map((r) => headerText(r, guess.register));
  // Headers first where every radio has one: a column's title names the code for every row at once.
  if (headers.every((h) => h !== '')) return { codeFrom: 'header', texts: headers };
  if (labels.every((l) => l !== '')) return { codeFrom: 'label', texts: labels };
  return { codeFrom: 'value', texts: radios.map((r) => r.value) };
}

/** What a button group's buttons say: their text, else (icons) each one's aria-label or title, which the profile then reads. */
function buttonTexts(group: Element): { attribute?: 'aria-label' | 'title'; texts: string[] } {
  const buttons = Array.from(group.querySelectorAll('button[aria-pressed], [role="button"][aria-pressed]'));
  const texts = buttons.map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim());
  if (texts.every((t) => t !== '')) return { texts };
  for (const attribute of ['aria-label', 'title'] as const) {
    const named = buttons.map((b) => b.getAttribute(attribute)?.trim() ?? '');
    if (named.every((t) => t !== '')) return { attribute, texts: named };
  }
  return { texts };
}

function headerText(radio: Element, register: Element): string {
  return (headerAbove(radio, register)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A value given for a code a person matched: a DfE code in force now, or PRESENT. */
function knownCode(code: string): boolean {
  return code === PRESENT || CODES_2024.has(code) || codeInForce(code, '2024-08-18') !== undefined;
}

/** The mark control's profile: its kind, where it is in the cell, and the names it shows. */
function markFor(guess: RegisterGuess, cells: readonly Element[], names: Readonly<Record<string, string>>): MarkControl | MarkControl[] | { problem: string } {
  const first = guess.marks.find((m) => m.length > 0)![0]!;
  const controls = guess.marks.flat().map((m) => m.control);
  // The control inside its cell, where it is not the cell itself.
  const selector = controls.every((c, i) => c === cells[i]) ? undefined : (compounds(controls).find((s) => cells.every((cell, i) => cell.querySelector(s) === controls[i])) ?? null);
  if (selector === null) return { problem: 'no steady way to find the mark inside each cell' };
  const needed = namesToMatch(guess);
  const missing = needed.filter((n) => names[n] === undefined);
  if (missing.length > 0) return { problem: `match ${missing.length === 1 ? 'this name' : 'these names'} to a DfE code: ${missing.map((m) => `"${m}"`).join(', ')}` };
  const wrong = Object.entries(names).filter(([, code]) => !knownCode(code));
  if (wrong.length > 0) return { problem: `not a DfE code: ${wrong.map(([n, c]) => `"${c}" for "${n}"`).join(', ')}` };
  const used = Object.fromEntries(needed.map((n) => [n, names[n]!]));
  switch (first.kind) {
    case 'text-input':
      return { kind: 'text-input', selector, options: 'code', names: {} };
    case 'text':
      // A cell that becomes a dropdown when clicked (mis-pages.md, "Cells that change: text until
      // clicked, a dropdown after"): its dropdown first, where it has one, then its text.
      return [
        { kind: 'select', selector: 'select', options: needed.length > 0 ? 'name' : 'code', names: used },
        { kind: 'text', options: 'code', names: used },
      ];
    case 'select':
      return { kind: 'select', selector, options: needed.length > 0 ? 'name' : 'code', names: used };
    case 'buttons': {
      const { attribute } = buttonTexts(first.control);
      return { kind: 'buttons', selector, options: needed.length > 0 ? 'name' : 'code', names: used, ...(attribute !== undefined ? { buttonAttribute: attribute } : {}) };
    }
    case 'radios': {
      const { codeFrom } = radioTexts(first.control, guess);
      return { kind: 'radios', selector, codeFrom, options: 'code', names: used };
    }
  }
}

/** A profile's id from the page's host and path: lower-case letters, digits and hyphens. */
function idFor(location: { host: string; pathname: string }): string {
  const words = `${location.host} ${location.pathname}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `taught-${words}`.slice(0, 60).replace(/-+$/, '');
}

/** The page's path as a pattern: numbers and record ids in it (a class's, a date) may change, the words stay. */
export function pathPattern(pathname: string): string {
  const parts = pathname.split('/').map((part) => (part !== '' && looksGenerated(part) ? '[^/]+' : escapeRegExp(part)));
  return `^${parts.join('/')}(\\?|$)`;
}

/**
 * The site profile (format version 2) for what the person taught, or the step that still needs an
 * answer and why. Nothing is read from or written to storage here.
 */
export function teachProfile(lesson: Lesson, page: { location: { host: string; pathname: string }; title: string }): Taught {
  const { guess } = lesson;
  const register = selectorForOne(guess.register);
  if (register === null) return { ok: false, step: 'register', message: 'Markwise could not find a steady way to name this register on the page: it has no id or class of its own, nor does anything around it.' };
  const rows = selectorFor(guess.rows, guess.register);
  if (rows === null) return { ok: false, step: 'register', message: "Markwise could not find a steady way to pick out the pupils' rows from the rest of this register." };
  const pupilName = rowSource(lesson.name, guess.rows);
  if (pupilName === null) return { ok: false, step: 'name', message: 'That is not in a pupil\'s row of the register: click a pupil\'s name in one of the highlighted rows.' };
  const badgeCell = lesson.name.closest('td, th, [role="gridcell"], [role="rowheader"]');
  const badgeIn = badgeCell !== null && badgeCell !== lesson.name && inPupilRow(guess, badgeCell) ? selectorInRows(badgeCell, guess.rows)?.selector : pupilName.selector;

  const { cells, selector: cellSelector } = markCells(guess);
  if (cellSelector === null) return { ok: false, step: 'mark', message: 'Markwise could not find a steady way to pick out the marks\' cells in every row.' };
  const mark = markFor(guess, cells, lesson.names);
  if ('problem' in mark) return { ok: false, step: mark.problem.startsWith('match') || mark.problem.startsWith('not a DfE') ? 'names' : 'mark', message: mark.problem };

  // Date and session: from the header above each mark (a grid of sessions), from one place on the
  // page (one session a page), or, where the page never shows them, always today's and always AM or PM.
  const dateAt = lesson.date === 'today' ? null : lesson.date;
  const inHeader = dateAt !== null && guess.register.contains(dateAt) && !inPupilRow(guess, dateAt);
  let columns: { headers: string } | undefined;
  let date: DateSource | null;
  let session: SessionSource | null;
  let periods: Record<string, 'AM' | 'PM'> | undefined;
  if (dateAt !== null && inPupilRow(guess, dateAt) && guess.sessions > 1) return { ok: false, step: 'date', message: "This register shows several sessions a row, so a date in the row would be every one's: click the header above the mark, or the page's heading." };
  if (dateAt === null) {
    date = { today: true };
  } else if (inPupilRow(guess, dateAt)) {
    // One mark a row, each with its own date (an absence report): read in each row, never one row's date for all.
    const at = inRow(dateAt, guess, 'row');
    date = at === null ? null : dateSourceIn(dateAt, at);
  } else if (inHeader) {
    const headers = headersAbove(guess, dateAt);
    const headerSelector = headers === null ? null : selectorFor(headers, guess.register);
    if (headers === null || headerSelector === null) return { ok: false, step: 'date', message: 'Markwise could not line the headers of this row up with the marks below them: click the header right above a mark.' };
    columns = { headers: headerSelector };
    date = dateSourceIn(dateAt, { scope: 'cell' });
  } else {
    const selector = selectorForOne(dateAt);
    date = selector === null ? null : dateSourceIn(dateAt, { scope: 'page', selector });
  }
  if (typeof lesson.session === 'string') {
    session = { always: lesson.session };
  } else if (inPupilRow(guess, lesson.session)) {
    const at = guess.sessions === 1 ? inRow(lesson.session, guess, 'row') : null;
    session = at === null ? null : sessionSourceIn(lesson.session, at);
  } else if (inHeader) {
    const sessionPlace = lesson.session === dateAt || lesson.session.closest('th, td') === dateAt ? dateAt : lesson.session;
    session = sessionSourceIn(sessionPlace, { scope: 'cell' });
  } else {
    const sessionAt = selectorForOne(lesson.session);
    session = sessionAt === null ? null : sessionSourceIn(lesson.session, { scope: 'page', selector: sessionAt });
    // A dropdown of registers by name ("AM registration", "Period 1"): the statutory ones named, lessons left alone.
    if (session !== null && lesson.session.localName === 'select') {
      periods = periodsOf(lesson.session as HTMLSelectElement);
      if (periods !== undefined) session = { scope: 'page', selector: sessionAt!, state: 'selected-text' };
    }
  }
  if (date === null) return { ok: false, step: 'date', message: 'Markwise found no date there it can read. Click the date itself: a column\'s header, the page\'s heading or its date box.' };
  if (session === null) return { ok: false, step: 'session', message: 'Markwise found no AM or PM there. Click where the session is shown: AM, PM, morning or afternoon.' };

  const pupilId = pupilIdSource(guess, pupilName);
  // Known by name only (no id of the MIS's, no UPN): two pupils of one name would be taken for one.
  if (pupilId === pupilName && lesson.upn === undefined) {
    const shownNames = guess.rows.map((row) => (pupilName.selector === undefined ? row : row.querySelector(pupilName.selector))?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    const twice = shownNames.find((name, i) => shownNames.indexOf(name) !== i);
    if (twice !== undefined) return { ok: false, step: 'upn', message: `Two rows show the name "${twice}", and the page shows no id of the MIS's for its pupils: Markwise could take two pupils for one. Click a pupil's UPN.` };
  }
  const profile: SiteProfileInput = {
    id: idFor(page.location),
    name: `${page.title.trim() || page.location.pathname} (taught)`,
    product: page.location.host,
    // Made on the live page, and its reading of that page checked by the person before saving.
    verified: true,
    assumptions: [
      `Taught by pointing at the page on ${page.location.host}: the register, a pupil's name, a mark and its date and session, checked in the preview before it was saved.`,
      ...(lesson.date === 'today' ? ["The page shows no date: the person who taught it said it only ever shows today's register."] : []),
      ...(typeof lesson.session === 'string' ? [`The page shows no session: the person who taught it said it only ever shows the ${lesson.session} register.`] : []),
    ],
    paths: [pathPattern(page.location.pathname)],
    role: lesson.role,
    register,
    rows,
    pupilId,
    pupilName,
    ...(badgeIn !== undefined ? { badgeIn } : {}),
    cells: { selector: cellSelector, ...(columns ? { columns } : {}), date, session, ...(periods ? { periods } : {}), mark },
  };
  if (lesson.upn !== undefined) {
    const at = inRow(lesson.upn, guess, 'row');
    if (at !== null && isUpn(textOf(lesson.upn))) profile.upn = at;
    // Not a UPN: the MIS's own number for the pupil, where it differs in every row and is not the row's place.
    else if (at !== null && isIdInEveryRow(at, guess)) profile.pupilId = at;
    else return { ok: false, step: 'upn', message: "That is neither a UPN (a letter and 12 digits, such as A123456789012) nor a number of the MIS's own that is different in every pupil's row." };
  }
  if (lesson.attendance !== undefined) {
    const attendance = inRow(lesson.attendance, guess, 'row');
    if (attendance === null) return { ok: false, step: 'attendance', message: "That is not in a pupil's row: click the attendance figure in one of the highlighted rows." };
    profile.attendance = attendance;
  }
  if (lesson.arrival !== undefined) {
    const arrival = arrivalSource(lesson.arrival, guess, cells);
    if ('problem' in arrival) return { ok: false, step: 'arrival', message: arrival.problem };
    profile.cells!.arrival = arrival;
  }
  return { ok: true, profile };
}

/** What an arrival shows: a box's value, else its text. */
export function arrivalText(element: Element): string {
  return (element.localName === 'input' ? (element as HTMLInputElement).value : textOf(element)).replace(/\s+/g, ' ').trim();
}

type ArrivalInput = NonNullable<NonNullable<SiteProfileInput['cells']>['arrival']>;

const CLOCK = /(?<!\d)\d{1,2}:\d{2}(?!\d)/;

/**
 * Where a late pupil's arrival is read (shared/reference/mis-pages.md, "Values outside the mark's
 * cell"): inside the mark's cell; in the cell after it (an "Arrived" column after each session's);
 * or, where a row holds one session, in the row (a "Mins late" column found by its header, or an
 * element of the row). A time of day is an arrival time; a number alone ("15", "Mins late: 15") is
 * minutes late, counted from the session's registration start in the school's policy.
 */
export function arrivalSource(element: Element, guess: RegisterGuess, cells: readonly Element[]): ArrivalInput | { problem: string } {
  const text = arrivalText(element);
  const header = headerAbove(element, guess.register);
  const headerText = (header?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const clock = CLOCK.test(text);
  const minutes = !clock && (/^\d{1,3}$/.test(text) || (/(?<![\d:])\d{1,3}(?![\d:])/.test(text) && /min|late/i.test(`${text} ${headerText}`)));
  if (!clock && !minutes) return { problem: `Markwise cannot read an arrival in “${text || 'an empty cell'}”: click one that shows a time (09:12) or minutes late (15).` };
  const reading = {
    ...(element.localName === 'input' ? { state: 'value' as const } : {}),
    // Minutes late are the text's first number as the reader takes them ("Mins late: 15"): no pattern needed.
    ...(clock ? (text.length > 5 ? { pattern: '(\\d{1,2}:\\d{2})' } : {}) : { means: 'minutes-late' as const }),
  };
  /** The element within a holder: the holder itself, or a selector that finds it there first. */
  const inside = (holder: Element): { selector?: string } | null => {
    if (holder === element) return {};
    const selector = compounds([element]).find((c) => holder.querySelector(c) === element);
    return selector === undefined ? null : { selector };
  };
  // Inside the mark's own cell (a cell holding both: "L <time>09:40</time>").
  const own = cells.find((c) => c !== element && c.contains(element));
  if (own !== undefined) {
    const place = inside(own);
    if (place !== null) return { scope: 'cell', ...place, ...reading };
  }
  // In the cell after a mark's cell: every mark's cell has one after it.
  const cellOfArrival = element.closest('td, th, [role="gridcell"], [role="cell"]');
  if (cellOfArrival !== null && cells.some((c) => c.nextElementSibling === cellOfArrival) && cells.every((c) => c.nextElementSibling !== null)) {
    const place = inside(cellOfArrival);
    if (place !== null) return { scope: 'next-cell', ...place, ...reading };
  }
  const row = guess.rows.find((r) => r.contains(element));
  if (row === undefined) return { problem: "That is not in a pupil's row: click a late pupil's arrival time in one of the register's rows." };
  if (guess.sessions > 1) return { problem: "This register shows several sessions a row, and Markwise can read an arrival only in a mark's own cell or the cell right after it: click the time beside a mark." };
  const place = inRow(element, guess);
  if (place === null) return { problem: 'Markwise could not find a steady way to read that in every row: click the arrival time itself.' };
  return { ...place, ...reading };
}
