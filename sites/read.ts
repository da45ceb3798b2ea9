// Reading an MIS page into a register snapshot, by a site profile. The only
// code (with write.ts) that touches the host page. It reads in one pass, keeps
// a reference to each mark's cell so that findings can point at it, and
// reports what it could not read rather than guessing.
//
// Runs in the content script: only types come from profile.ts, so zod is not
// bundled here.

import { CODES_2006, CODES_2024 } from '../rules/codes';
import { formatSchoolDate, parseClockTime, parseSchoolDate, type IsoDate } from '../rules/dates';
import type { RegisterSnapshot, Session, SnapshotMark, SnapshotPupil } from '../rules/snapshot';
import { dayInYear, monthOf, nearestTo, readWrittenDate, weekdayAgrees, type WrittenDate } from './date-format';
import type { ArrivalSource, MarkControl, SessionSource, SiteProfile, ValueSource } from './profile';

/** One mark on the page and where it is. */
export interface PageCell {
  /** The cell the profile's cells selector found; found from the control when first needed (cellElement). */
  element: Element | null;
  /** The control that holds the mark now: an input, a select, a button or radio group, or the cell. */
  control: Element;
  /** Which of the profile's mark controls the cell has now (a MIS may swap text for a dropdown on a click). */
  mark: MarkControl;
  /** Index into the snapshot's pupils. */
  readonly pupil: number;
  /** Index into the register's rows: the row the mark was read from. */
  readonly row: number;
  readonly date: IsoDate;
  readonly session: Session;
}

/** One pupil row (or report row) on the page. */
export interface PageRow {
  readonly element: Element;
  /** Index into the snapshot's pupils. */
  readonly pupil: number;
  /** Its place among the rows the profile found, from 1, as problems name it ('row 3'). */
  readonly number: number;
  /** Where the badge goes: after this element, or at its end when badgeInside (or when it is a cell of a table row). */
  readonly badgeAnchor: Element | null;
  readonly badgeInside: boolean;
  /** Year-to-date attendance the page shows, in per cent. */
  readonly attendance: number | null;
  readonly sessions: { readonly attended: number; readonly possible: number } | null;
}

export interface ReadProblem {
  /** Where on the page: 'row 3', 'row 3, cell 2', 'the register', 'rows 3 and 7'. */
  readonly where: string;
  readonly message: string;
  /** Rows that were read but cannot be told apart (the same UPN, the same session twice): nothing is written there. */
  readonly ambiguous?: true;
}

export interface PageRegister {
  readonly profile: SiteProfile;
  readonly root: Element;
  readonly snapshot: RegisterSnapshot;
  /** The MIS's own id for each snapshot pupil, in the same order. */
  readonly pupilIds: readonly string[];
  /** The UPN each pupil's row shows, in the same order; null where none is shown (the snapshot's upn is then the MIS id). */
  readonly upns: readonly (string | null)[];
  readonly cells: readonly PageCell[];
  readonly rows: readonly PageRow[];
  readonly problems: readonly ReadProblem[];
  /** The cells the profile found where marks should be; cells.length of them were read. */
  readonly cellsFound: number;
  /** Cells found whose mark could not be read (no radio checked): a change there means the page must be read again. */
  readonly unread: ReadonlySet<Element>;
  /** Cells of registers the profile's periods leave alone (lessons): not in cellsFound, neither read nor missed. */
  readonly leftAlone?: number;
  /**
   * Snapshot pupils whose rows cannot be told apart from another's (two rows with one UPN, one
   * session shown twice): checked, but no fix is written to their cells and nothing of theirs is stored.
   */
  readonly ambiguous: ReadonlySet<number>;
  /** Snapshot pupils no fix is written to: the ambiguous, and any with a session shown twice (a fix would leave the other copy). */
  readonly unwritable: ReadonlySet<number>;
}

/** A cell's element, looked up from its control the first time it is needed (a marker, a tip). */
export function cellElement(cell: PageCell, profile: SiteProfile): Element {
  if (cell.element === null) cell.element = (profile.cells !== undefined ? cell.control.closest(profile.cells.selector) : null) ?? cell.control;
  return cell.element;
}

/** A pattern runs on at most this much of an address, and of a value's text: bounded work whatever a page holds. */
const LONGEST_PATH = 2048;
const LONGEST_VALUE = 4096;

/**
 * The profiles whose paths match this page: a pattern over its path and query, or over its path,
 * query and fragment ('#/attendance/take/4A', for apps that route there), as location gives them.
 */
export function profilesForPath(profiles: readonly SiteProfile[], pathAndQuery: string, hash = ''): SiteProfile[] {
  const text = pathAndQuery.slice(0, LONGEST_PATH);
  const withHash = (pathAndQuery + hash).slice(0, LONGEST_PATH);
  return profiles.filter((p) => p.paths.some((path) => compiled(path).test(text) || (hash !== '' && compiled(path).test(withHash))));
}

/** The register element of this profile on the page, or null when the page does not have it (yet). */
export function findRegister(document: Document, profile: SiteProfile): Element | null {
  return document.querySelector(profile.register);
}

const PATTERNS = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let re = PATTERNS.get(pattern);
  if (re === undefined) {
    re = new RegExp(pattern);
    PATTERNS.set(pattern, re);
  }
  return re;
}

interface Scopes {
  cell: Element | null;
  /** The element after the mark's cell (an "Arrived" column after each session column). */
  'next-cell'?: Element | null;
  /** Scope 'column' is found from the row, by the column's place under its header. */
  column?: null;
  row: Element;
  readonly register: Element;
  readonly page: Document;
  /** Where each 'column' scope's header is, found once per read. */
  columnAt?: Map<object, number>;
}

/**
 * False only in the widget's build. Reading pages as MIS vendors wrote them (radio groups, dates by format,
 * from several controls or without a year, values in another column) is the extension's: in the widget
 * these branches are dropped at build time, which keeps it within its 50 KB budget, and a profile that
 * needs them is refused with the field named (extensionOnlyFields), never read wrongly.
 */
export const READS_ANY_PAGE: boolean = !(typeof __MARKWISE_WIDGET__ !== 'undefined' && __MARKWISE_WIDGET__);

/** A value the profile points at, or null when its element, attribute or pattern finds nothing. */
export function readValue(source: ValueSource, scopes: Scopes): string | null {
  // The widget refuses profiles with these scopes before reading (entrypoints/widget/elements.ts).
  const scope =
    READS_ANY_PAGE && source.scope === 'next-cell'
      ? (scopes.cell?.nextElementSibling ?? null)
      : READS_ANY_PAGE && source.scope === 'column'
        ? cellUnder(source, scopes)
        : (scopes[source.scope] ?? null);
  if (scope === null) return null;
  return valueIn(source, source.selector === undefined ? scope : scope.querySelector(source.selector));
}

function spanOf(cell: Element): number {
  return (cell as HTMLTableCellElement).colSpan || 1;
}

/** The row's cell under the header whose text matches (case-insensitive), counting colspans; default headers: the thead's last row. */
function cellUnder(source: ValueSource, scopes: Scopes): Element | null {
  const column = source.column!;
  const found = (scopes.columnAt ??= new Map());
  let index = found.get(column);
  if (index === undefined) {
    const head = scopes.row.closest('table')?.tHead;
    const headers = column.headers !== undefined ? Array.from(scopes.register.querySelectorAll(column.headers)) : Array.from(head?.rows[head.rows.length - 1]?.cells ?? []);
    const pattern = new RegExp(column.header, 'i');
    index = -1;
    for (let at = 0, h = 0; h < headers.length; at += spanOf(headers[h++]!)) {
      if (pattern.test((headers[h]!.textContent ?? '').replace(/\s+/g, ' ').trim())) {
        index = at;
        break;
      }
    }
    found.set(column, index);
  }
  for (let at = 0, cells = scopes.row.children, c = 0; index >= 0 && c < cells.length; c++) {
    at += spanOf(cells[c]!);
    if (index < at) return cells[c]!;
  }
  return null;
}

/** The value of a source in the element it found (null: nothing found). */
function valueIn(source: ValueSource, element: Element | Document | null): string | null {
  if (element === null) return null;
  const raw =
    source.attribute !== undefined
      ? (element as Element).getAttribute(source.attribute)
      : source.state !== undefined
        ? stateOf(element as Element, source.state)
        : element.nodeType === 9
          ? ''
          : textOf(element as Element);
  if (raw === null) return null;
  if (source.pattern === undefined) return raw.trim();
  const match = compiled(source.pattern).exec(raw.slice(0, LONGEST_VALUE));
  return match === null ? null : (match[1] ?? match[0]).trim();
}

/** A control's state now, as a person sees it: not the attribute the page was served with. */
function stateOf(element: Element, state: NonNullable<ValueSource['state']>): string | null {
  if (!READS_ANY_PAGE) return null;
  const control = element as Partial<HTMLInputElement & HTMLSelectElement>;
  if (state === 'checked') return control.checked === undefined ? null : String(control.checked);
  if (state === 'value') return control.value ?? null;
  if (control.selectedOptions === undefined) return null;
  const option = control.selectedOptions[0];
  return option === undefined ? '' : state === 'selected-value' ? option.value : (option.textContent ?? '');
}

const HIDDEN_TEXT = 'script,style,option';

/** An element's text as a person reads it: without the code of an inline <script> or <style>, or a dropdown's every option. */
export function textOf(element: Element): string {
  if (element.childElementCount === 0 || element.querySelector(HIDDEN_TEXT) === null) return element.textContent ?? '';
  const copy = element.cloneNode(true) as Element;
  for (const hidden of Array.from(copy.querySelectorAll(HIDDEN_TEXT))) hidden.remove();
  return copy.textContent ?? '';
}

const SESSION_WORDS: Readonly<Record<string, Session>> = {
  am: 'AM',
  pm: 'PM',
  morning: 'AM',
  afternoon: 'PM',
  'a.m.': 'AM',
  'p.m.': 'PM',
};

export function readSession(text: string): Session | null {
  return SESSION_WORDS[text.trim().toLowerCase()] ?? null;
}

/** A register the profile's periods do not list (a lesson): neither read nor counted as missed. */
const LEFT_ALONE = 'left alone';
const PERIODS = new WeakMap<object, Map<string, Session>>();
const periodKey = (text: string): string => text.replace(/\s+/g, '').toLowerCase();

/** A register's session: by the profile's periods ("AM reg", "Registration 1") where it has them, else by AM/PM words. */
function sessionIn(spec: CellSpec, text: string): Session | null | typeof LEFT_ALONE {
  const periods = spec.periods;
  if (periods === undefined || !READS_ANY_PAGE) return readSession(text);
  let table = PERIODS.get(periods);
  if (table === undefined) PERIODS.set(periods, (table = new Map(Object.entries(periods).map(([name, session]) => [periodKey(name), session]))));
  return table.get(periodKey(text)) ?? LEFT_ALONE;
}

/** A mark as the snapshot keeps it, with its arrival: a time of day, or minutes late ("Mins late: 15": its first number). */
function snapshotMark(date: IsoDate, session: Session, mark: string, arrival: ArrivalSource | undefined, text: string | null | undefined): SnapshotMark {
  if (text == null || arrival === undefined) return { date, session, mark, arrival: null };
  if (!READS_ANY_PAGE || arrival.means !== 'minutes-late') return { date, session, mark, arrival: parseClockTime(text) !== null ? text : null };
  const minutes = /\d{1,4}/.exec(text);
  return { date, session, mark, arrival: null, minutesLate: minutes === null ? null : Number(minutes[0]) };
}

/** A date read for a cell or a column, or what was read and why it is not a date. */
interface DateRead {
  readonly date: IsoDate | null;
  readonly read: string | null;
  readonly why?: string;
}

const FULL_DATE = /(?<!\d)(?:\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})(?!\d)/g;

function noDate(dated: DateRead): string {
  return `no date (read ${JSON.stringify(dated.read)}${dated.why === undefined ? '' : `: ${dated.why}`})`;
}

/** The one school year (1 September to 31 August) of the register's dates that show a year, or why there is none. */
function schoolYearOf(root: Element): number | string {
  const years = new Set<number>();
  for (const text of (root.textContent ?? '').match(FULL_DATE) ?? []) {
    const iso = parseSchoolDate(text);
    if (iso !== null) years.add(Number(iso.slice(0, 4)) - (Number(iso.slice(5, 7)) < 9 ? 1 : 0));
  }
  const list = [...years].sort().map((y) => `${y}/${String(y + 1).slice(2)}`);
  if (years.size === 1) return [...years][0]!;
  return `it has no year, and ${years.size === 0 ? 'the register shows no date with a year to take the school year from' : `the register's dates with a year span school years ${list.join(' and ')}, so which is meant is ambiguous`}`;
}

/**
 * Reads dates as the profile says (a format, day/month/year controls, or DD/MM/YYYY), each distinct text
 * once. A date without a year takes it from yearFrom; when that cannot say, the date is not read, and why
 * is said: never a guess.
 */
function dateReader(date: CellSpec['date'], root: Element, valueOf: (source: ValueSource, scopes: Scopes) => string | null, today: IsoDate | undefined): (scopes: Scopes) => DateRead {
  // A page that only ever shows today's register: the day Markwise checks as of, never a guess.
  if (READS_ANY_PAGE && 'today' in date) {
    const read: DateRead = today === undefined ? { date: null, read: 'today', why: 'it is always today’s register, and today’s date was not given' } : { date: today, read: 'today' };
    return () => read;
  }
  const spec = date as Exclude<CellSpec['date'], { today: true }>;
  const seen = new Map<string, DateRead>();
  if (!READS_ANY_PAGE) {
    return (scopes) => {
      const text = 'parts' in spec ? null : valueOf(spec, scopes);
      return { date: text === null ? null : parseSchoolDate(text), read: text };
    };
  }
  const from = 'parts' in spec ? undefined : spec.yearFrom;
  const format = 'parts' in spec ? undefined : (spec.format ?? (from !== undefined ? 'd/M' : undefined));
  let schoolYear: number | string | undefined;
  const cacheable = from === undefined || from === 'school-year' || from.scope === 'register' || from.scope === 'page';
  const inYear = (written: WrittenDate, scopes: Scopes): IsoDate | string | null => {
    if (written.year !== null || from === undefined) return written.year === null ? 'it has no year' : dayInYear(written, written.year);
    if (from === 'school-year') {
      schoolYear ??= schoolYearOf(root);
      return typeof schoolYear === 'string' ? schoolYear : dayInYear(written, written.month >= 9 ? schoolYear : schoolYear + 1);
    }
    const text = valueOf(from, scopes);
    if (text !== null && /^\d{4}$/.test(text)) return dayInYear(written, Number(text));
    const anchor = text === null ? null : parseSchoolDate(text.match(FULL_DATE)?.[0] ?? '');
    return anchor === null ? `it has no year, and yearFrom found none (read ${JSON.stringify(text)})` : nearestTo(written, anchor);
  };
  return (scopes) => {
    const parts = 'parts' in spec ? [valueOf(spec.parts.day, scopes), valueOf(spec.parts.month, scopes), valueOf(spec.parts.year, scopes)] : null;
    const text = parts === null ? valueOf(spec as ValueSource, scopes) : parts.includes(null) ? null : parts.join('/');
    if (text === null) return { date: null, read: null };
    // A year taken from each row or cell (not the register or page) may differ for one text: no cache then.
    let found = cacheable ? seen.get(text) : undefined;
    if (found === undefined) {
      let written: WrittenDate | null = null;
      if (parts !== null) {
        const [day, month, year] = parts as string[];
        const m = monthOf(month!);
        if (/^\d{1,2}$/.test(day!) && m !== null && /^\d{4}$/.test(year!)) written = { day: Number(day), month: m, year: Number(year), weekday: null };
      } else if (format !== undefined) written = readWrittenDate(text, format);
      const date = parts === null && format === undefined ? parseSchoolDate(text) : written === null ? `not written as ${format ?? 'day, month and year'}` : inYear(written, scopes);
      const iso = date !== null && /^\d{4}-/.test(date) ? date : null;
      found =
        iso === null
          ? { date: null, read: text, why: date ?? (format === undefined && parts === null ? undefined : 'there is no such day') }
          : written !== null && !weekdayAgrees(written, iso)
            ? { date: null, read: text, why: `its weekday is not that of ${formatSchoolDate(iso)}` }
            : { date: iso, read: text };
      seen.set(text, found);
    }
    return found;
  };
}

/** '87.5%', '87.5', '87,5 %' → 87.5; null for anything that is not a percentage. */
export function readPercentage(text: string): number | null {
  const m = /^(\d{1,3}(?:[.,]\d+)?)\s*%?$/.exec(text.trim());
  if (m === null) return null;
  const value = Number(m[1]!.replace(',', '.'));
  return value >= 0 && value <= 100 ? value : null;
}

/** '245/280', '245 of 280' → attended 245 of 280 possible. */
export function readSessions(text: string): { attended: number; possible: number } | null {
  const m = /^(\d+)\s*(?:\/|of)\s*(\d+)$/.exec(text.trim());
  if (m === null) return null;
  const attended = Number(m[1]);
  const possible = Number(m[2]);
  return possible > 0 && attended <= possible ? { attended, possible } : null;
}

const NAME_TABLES = new WeakMap<MarkControl, Map<string, string>>();

function nameKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The profile's option names, keyed case- and space-insensitively. */
function nameTable(control: MarkControl): Map<string, string> {
  let table = NAME_TABLES.get(control);
  if (table === undefined) {
    table = new Map(Object.entries(control.names).map(([name, code]) => [nameKey(name), code]));
    NAME_TABLES.set(control, table);
  }
  return table;
}

/** What an option or button shows, read as a code: by the names table when the MIS shows names. */
export function codeOfLabel(control: MarkControl, label: string): string {
  if (control.options === 'code') return label.trim();
  // An unknown name is kept as shown, so the rules report it as an unknown code.
  return nameTable(control).get(nameKey(label)) ?? label.trim();
}

function buttonLabel(control: MarkControl, button: Element): string {
  return control.buttonAttribute !== undefined ? (button.getAttribute(control.buttonAttribute) ?? '') : (button.textContent ?? '');
}

/** The mark a control holds now, as a code ('' when blank); null when it holds none Markwise can recognise (radios). */
export function readMark(control: MarkControl, element: Element): string | null {
  switch (control.kind) {
    case 'text-input':
      return (element as HTMLInputElement).value ?? '';
    case 'select': {
      const select = element as HTMLSelectElement;
      const option = select.selectedOptions?.[0] ?? select.options?.[select.selectedIndex];
      if (option === undefined || option.value === '') return '';
      return codeOfLabel(control, option.textContent ?? '');
    }
    case 'buttons': {
      const pressed = element.querySelector('[aria-pressed="true"]');
      return pressed === null ? '' : codeOfLabel(control, buttonLabel(control, pressed));
    }
    case 'text':
      return ownText(element);
    case 'radios': {
      if (!READS_ANY_PAGE) return null;
      const checked = radiosIn(element).find((r) => r.checked);
      return checked === undefined ? null : radioCode(control, checked);
    }
  }
}

/** Why readMark found no mark, for the panel. */
export function unreadMark(control: MarkControl, element: Element): string {
  if (!READS_ANY_PAGE) return 'radio buttons are read by the Markwise extension, not the widget';
  const checked = radiosIn(element).find((r) => r.checked);
  if (checked === undefined) return 'no radio button is checked';
  return `the checked radio button's ${control.codeFrom} (${JSON.stringify(radioText(control, checked).trim().slice(0, 40))}) is not a code, nor a name in the profile's names`;
}

/** The radio buttons of a group: the element holding them, or one radio. */
export function radiosIn(element: Element): HTMLInputElement[] {
  return (element.matches('input[type="radio"]') ? [element] : Array.from(element.querySelectorAll('input[type="radio"]'))) as HTMLInputElement[];
}

/** What a radio button says, where the profile says its code is. */
function radioText(control: MarkControl, radio: HTMLInputElement): string {
  if (control.codeFrom === 'value') return radio.value;
  if (control.codeFrom === 'header') return headerOf(control, radio);
  const labels = Array.from(radio.labels ?? [], (l) => textOf(l).trim()).filter((t) => t !== '');
  return labels[0] ?? radio.getAttribute('aria-label') ?? '';
}

/** A radio's code: its text through the names table, or the text itself when it is a DfE code; null when neither. */
export function radioCode(control: MarkControl, radio: HTMLInputElement): string | null {
  const text = radioText(control, radio).trim();
  const named = nameTable(control).get(nameKey(text));
  if (named !== undefined) return named;
  return CODES_2024.has(text) || CODES_2006.has(text) ? text : null;
}

/** The column a table cell starts at, counting spanned columns. */
export function columnOf(cell: Element): number {
  let column = 0;
  for (let c = cell.previousElementSibling; c !== null; c = c.previousElementSibling) column += (c as HTMLTableCellElement).colSpan || 1;
  return column;
}

/** The text of the header over a radio's column: in the nearest table out from it that has the headers (MIS nest a table in each cell). */
function headerOf(control: MarkControl, radio: Element): string {
  const selector = control.headers ?? ':scope > thead > tr:last-child > *';
  for (let table = radio.closest('table'); table !== null; table = table.parentElement?.closest('table') ?? null) {
    const headers = Array.from(table.querySelectorAll(selector));
    if (headers.length === 0) continue;
    let cell = radio.closest('td, th');
    while (cell !== null && cell.closest('table') !== table) cell = cell.parentElement?.closest('td, th') ?? null;
    if (cell === null) return '';
    const column = columnOf(cell);
    const header = headers.find((h) => column >= columnOf(h) && column < columnOf(h) + ((h as HTMLTableCellElement).colSpan || 1));
    return header === undefined ? '' : textOf(header);
  }
  return '';
}

/** A read-only cell's own text, leaving out child elements such as an arrival time shown inside it. */
export function ownText(element: Element): string {
  let own = '';
  for (const node of Array.from(element.childNodes)) if (node.nodeType === 3) own += node.textContent ?? '';
  own = own.trim();
  return own !== '' ? own : textOf(element).trim();
}

/** A names table may map a name to PRESENT: the present mark of the session it is in (/ or \\). */
export const PRESENT = 'PRESENT';

export function presentFor(code: string, session: Session): string {
  return code === PRESENT ? (session === 'AM' ? '/' : '\\') : code;
}

/** A cell's mark controls, in the order they are tried (version 2 allows a list). */
export function markControls(spec: NonNullable<SiteProfile['cells']>): readonly MarkControl[] {
  return Array.isArray(spec.mark) ? spec.mark : [spec.mark];
}

/** The first of a cell's mark controls found in it, tried in order; null when it has none of them. */
export function resolveMark(spec: NonNullable<SiteProfile['cells']>, cell: Element): { mark: MarkControl; control: Element } | null {
  for (const mark of markControls(spec)) {
    const control = controlOf(mark, cell);
    if (control !== null) return { mark, control };
  }
  return null;
}

/** The one mark control of a profile that has one; undefined when cells may hold several kinds. */
function onlyMark(spec: NonNullable<SiteProfile['cells']>): MarkControl | undefined {
  return Array.isArray(spec.mark) ? (spec.mark.length === 1 ? spec.mark[0] : undefined) : spec.mark;
}

/** The control for a cell: the profile's mark selector inside it, or the cell itself. */
export function controlOf(control: MarkControl, cell: Element): Element | null {
  return control.selector === undefined ? cell : cell.querySelector(control.selector);
}

/**
 * Reads the register under root. Rows without a pupil id are reported and left
 * out; the same pupil on several rows (a report of absences) becomes one pupil.
 */
/** What a session source says: the text it points at, or the one session a page always shows ("always": "AM"). */
function sessionTextOf(source: SessionSource, scopes: Scopes, valueOf: (source: ValueSource, scopes: Scopes) => string | null): string | null {
  return READS_ANY_PAGE && 'always' in source ? source.always : valueOf(source as ValueSource, scopes);
}

/** Reads a register with its profile; today is the day checked as of, for a profile whose page is always today's register. */
export function readRegister(document: Document, root: Element, profile: SiteProfile, source = '', today?: IsoDate): PageRegister {
  const rowElements = profile.rows === undefined ? [root] : Array.from(root.querySelectorAll(profile.rows));
  const pupils: SnapshotPupil[] = [];
  const pupilIds: string[] = [];
  const upns: (string | null)[] = [];
  const indexOf = new Map<string, number>();
  const cells: PageCell[] = [];
  const rows: PageRow[] = [];
  const problems: ReadProblem[] = [];
  let cellsFound = 0;
  const unread = new Set<Element>();
  // Cells of registers the profile's periods leave alone (lessons): neither read nor missed.
  let leftAlone = 0;
  const cellSpec = profile.cells;
  // Values read once for the whole register (the date and session of a one-session page).
  const once = new Map<ValueSource, string | null>();
  const valueOf = (source: ValueSource, s: Scopes): string | null => {
    if (source.scope !== 'register' && source.scope !== 'page') return readValue(source, s);
    if (!once.has(source)) once.set(source, readValue(source, s));
    return once.get(source)!;
  };
  // A register has few distinct dates and many cells: each date is read once.
  const readDate = cellSpec === undefined ? null : dateReader(cellSpec.date, root, valueOf, today);
  // A grid of session columns: dates and sessions come from the headers, once.
  const columns = cellSpec?.columns === undefined ? null : readColumns(document, root, cellSpec, problems, readDate!);
  // Columns of registers the profile's periods leave alone (lessons): not cells to read.
  const alone = columns === null ? 0 : columns.filter((c) => c === undefined).length;
  // An arrival column the page does not have: arrivals go unread, which is said rather than passed over.
  const arrivalSource = cellSpec?.arrival;
  if (READS_ANY_PAGE && arrivalSource?.scope === 'column' && rowElements.length > 0 && cellUnder(arrivalSource, { cell: null, row: rowElements[0]!, register: root, page: document }) === null) {
    problems.push({ where: 'the register', message: `no column headed like /${arrivalSource.column!.header}/, where the profile says arrivals are, so lateness is not checked` });
  }
  // A regular grid: every row's controls from one query over the register, arrival times from another.
  const grid = columns === null || profile.rows === undefined ? null : readGridControls(root, profile.rows, rowElements, cellSpec!, columns.length);
  // One scopes object, moved along: a 15,000-cell page allocates nothing per cell for it.
  const scopes: Scopes = { cell: null, row: root, register: root, page: document };
  // Each row's value elements (its name, UPN, figure, badge anchor) from one query each, not one per row.
  const perRow = new PerRowElements(root, profile.rows, rowElements);
  const rowValue = (source: ValueSource | undefined, r: number): string | null => {
    if (source === undefined) return null;
    if (source.scope !== 'row' || source.selector === undefined) return readValue(source, scopes);
    const found = perRow.get(source.selector);
    return found === null ? readValue(source, scopes) : valueIn(source, found[r]!);
  };
  for (let r = 0; r < rowElements.length; r++) {
    const row = rowElements[r]!;
    scopes.row = row;
    scopes.cell = null;
    const where = `row ${r + 1}`;
    const pupilId = rowValue(profile.pupilId, r);
    if (pupilId === null || pupilId === '') {
      problems.push({ where, message: 'no pupil id where the profile says it is' });
      // Its cells count as found and not read: the panel says how many marks were missed.
      if (cellSpec !== undefined) cellsFound += columns !== null ? columns.length - alone : cellSpec.selector === ':scope' ? 1 : row.querySelectorAll(cellSpec.selector).length;
      continue;
    }
    let index = indexOf.get(pupilId);
    if (index === undefined) {
      const upn = rowValue(profile.upn, r);
      const dobText = rowValue(profile.dob, r);
      index = pupils.length;
      indexOf.set(pupilId, index);
      pupilIds.push(pupilId);
      upns.push(upn !== null && upn !== '' ? upn : null);
      pupils.push({
        upn: upn !== null && upn !== '' ? upn : pupilId,
        name: rowValue(profile.pupilName, r) ?? '',
        dob: dobText === null ? null : parseSchoolDate(dobText),
        year: null,
        marks: [],
      });
    }
    const attendanceText = rowValue(profile.attendance, r);
    const sessionsText = rowValue(profile.sessions, r);
    const badgeSelector = profile.badgeIn ?? profile.badgeAfter;
    const anchors = badgeSelector === undefined ? null : perRow.get(badgeSelector);
    const rowIndex = rows.length;
    rows.push({
      element: row,
      pupil: index,
      number: r + 1,
      badgeAnchor: badgeSelector === undefined ? null : anchors !== null ? anchors[r]! : row.querySelector(badgeSelector),
      badgeInside: profile.badgeIn !== undefined,
      attendance: attendanceText === null ? null : readPercentage(attendanceText),
      sessions: sessionsText === null ? null : readSessions(sessionsText),
    });
    if (cellSpec === undefined) continue;

    const pupil = pupils[index]!;
    if (grid !== null) {
      cellsFound += columns!.length - alone;
      addGridMarks(grid.controls, r * columns!.length, grid.arrivals, cellSpec, columns!, pupil, index, rowIndex, cells, problems, unread, where);
      continue;
    }
    if (columns !== null) {
      cellsFound += readGridRow(row, where, cellSpec, columns, pupil, index, rowIndex, cells, problems, root, unread) - alone;
      continue;
    }
    // ':scope': the row is itself the one cell (a dropdown per pupil).
    const cellElements = cellSpec.selector === ':scope' ? [row] : row.querySelectorAll(cellSpec.selector);
    cellsFound += cellElements.length;
    // Each DOM call from a content script costs more than the page's own; on a 15,000-cell page,
    // find the row's controls and arrival times in one query each rather than one per cell.
    const controls = rowControls(row, cellSpec, cellElements.length);
    const arrivals = rowArrivals(row, cellSpec, root);
    for (let c = 0; c < cellElements.length; c++) {
      const cell = cellElements[c]!;
      const cellScopes = scopes;
      cellScopes.cell = cell;
      const sessionText = sessionTextOf(cellSpec.session, cellScopes, valueOf);
      const session = sessionText === null ? null : sessionIn(cellSpec, sessionText);
      if (session === LEFT_ALONE) {
        cellsFound--;
        leftAlone++;
        continue;
      }
      const dated = readDate!(cellScopes);
      const date = dated.date;
      const found = controls !== null ? { mark: onlyMark(cellSpec)!, control: controls[c]! } : resolveMark(cellSpec, cell);
      if (date === null || session === null || found === null) {
        const what = date === null ? noDate(dated) : session === null ? `no session (read ${JSON.stringify(sessionText)})` : 'no mark control';
        problems.push({ where: `${where}, cell ${c + 1}`, message: what });
        continue;
      }
      const mark = readMark(found.mark, found.control);
      if (mark === null) {
        // Never a blank mark: a group with nothing recognisable checked is said, and counted as not read.
        problems.push({ where: `${where}${cellSpec.selector === ':scope' ? '' : `, cell ${c + 1}`} (${pupil.name || pupilId})`, message: unreadMark(found.mark, found.control) });
        unread.add(cell);
        continue;
      }
      const arrivalText = arrivals !== null ? (arrivals.get(cell) ?? null) : cellSpec.arrival === undefined ? null : readValue(cellSpec.arrival, cellScopes);
      pupil.marks.push(snapshotMark(date, session, presentFor(mark, session), cellSpec.arrival, arrivalText));
      cells.push({ element: cell, control: found.control, mark: found.mark, pupil: index, row: rowIndex, date, session });
    }
  }
  if (cellSpec !== undefined && rows.length > 0 && cellsFound === 0 && alone + leftAlone === 0) {
    problems.push({ where: 'the register', message: `no cells (${cellSpec.selector}) in any of its ${rows.length} ${rows.length === 1 ? 'row' : 'rows'}` });
  }
  const ambiguous = new Set<number>();
  const unwritable = new Set<number>();
  const ambiguities = [...sharedUpns(pupils, rows, ambiguous), ...sessionsShownTwice(pupils, rows, cells, columns, ambiguous, unwritable)];
  for (const p of ambiguous) unwritable.add(p);
  return {
    profile,
    root,
    snapshot: { role: profile.role, source, pupils },
    pupilIds,
    upns,
    cells,
    rows,
    // Rows that cannot be told apart come first: they are why a fix is not offered.
    problems: ambiguities.length === 0 ? problems : [...ambiguities, ...problems],
    cellsFound,
    unread,
    leftAlone: leftAlone + alone * rows.length,
    ambiguous,
    unwritable,
  };
}

/** 'row 3', 'rows 3 and 7', 'rows 1, 2, 3, 4, 5 and 25 more'. */
function rowList(numbers: readonly number[]): string {
  const n = [...new Set(numbers)].sort((a, b) => a - b);
  const more = n.length > 6 ? n.length - 5 : 0;
  return n.length === 1 ? `row ${n[0]}` : `rows ${n.slice(0, more ? 5 : -1).join(', ')} and ${more ? `${more} more` : n[n.length - 1]}`;
}

const NO_WRITE = 'Markwise changes no mark on these rows';
const NO_STORE = `${NO_WRITE} and keeps nothing of them`;

/** Pupils of different rows showing one UPN (typed twice in the MIS, or read once for the whole register). */
function sharedUpns(pupils: readonly SnapshotPupil[], rows: readonly PageRow[], ambiguous: Set<number>): ReadProblem[] {
  const byUpn = new Map<string, number[]>();
  pupils.forEach((p, i) => byUpn.set(p.upn, [...(byUpn.get(p.upn) ?? []), i]));
  const problems: ReadProblem[] = [];
  for (const [upn, indexes] of byUpn) {
    if (indexes.length < 2) continue;
    for (const p of indexes) ambiguous.add(p);
    const numbers = rows.filter((row) => indexes.includes(row.pupil)).map((row) => row.number);
    const names = indexes.map((p) => pupils[p]!.name);
    problems.push({
      where: rowList(numbers),
      message: `${numbers.length === 2 ? 'both' : 'all'} show UPN ${upn} (${names.slice(0, 4).join('; ')}${names.length > 4 ? '; …' : ''}), so Markwise cannot tell whose marks are whose: it checks them, but ${NO_STORE}. Please correct the UPN in the MIS`,
      ambiguous: true,
    });
  }
  return problems;
}

/**
 * The same pupil's session shown twice (on two rows, or twice in one). With different marks it is
 * not checked, as Markwise cannot know which is right; with the same mark it is checked once.
 */
function sessionsShownTwice(
  pupils: readonly SnapshotPupil[],
  rows: readonly PageRow[],
  cells: readonly PageCell[],
  columns: readonly (Column | null | undefined)[] | null,
  ambiguous: Set<number>,
  unwritable: Set<number>,
): ReadProblem[] {
  // A grid row has each column once: only a pupil on several rows, or repeated headers, can show a session twice.
  const rowCount = new Array<number>(pupils.length).fill(0);
  for (const row of rows) rowCount[row.pupil]!++;
  const heads = columns?.flatMap((c) => (c == null ? [] : [c.date + c.session]));
  if (heads !== undefined && new Set(heads).size === heads.length && rowCount.every((n) => n < 2)) return [];
  const problems: ReadProblem[] = [];
  // Each pupil's marks are in the order of its cells: the k-th cell of a pupil holds its k-th mark.
  const seen = new Map<string, [k: number, row: number]>();
  const counted = new Array<number>(pupils.length).fill(0);
  const twice: number[][] = pupils.map(() => []);
  for (const cell of cells) {
    const k = counted[cell.pupil]!++;
    const key = `${cell.pupil}|${cell.date}${cell.session}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, [k, rows[cell.row]!.number]);
    else twice[cell.pupil]!.push(first[0], k, first[1], rows[cell.row]!.number);
  }
  twice.forEach((pairs, p) => {
    if (pairs.length === 0) return;
    unwritable.add(p);
    const pupil = pupils[p]!;
    const drop = new Set<number>();
    let differ = 0;
    const numbers: number[] = [];
    for (let i = 0; i < pairs.length; i += 4) {
      const [first, k] = [pairs[i]!, pairs[i + 1]!];
      const same = pupil.marks[first]!.mark.trim().toUpperCase() === pupil.marks[k]!.mark.trim().toUpperCase();
      drop.add(k);
      if (!same) (differ++, drop.add(first));
      numbers.push(pairs[i + 2]!, pairs[i + 3]!);
    }
    // Different marks: which is right cannot be told, so nothing of the pupil here is kept either.
    if (differ > 0) ambiguous.add(p);
    const m = pupil.marks[pairs[0]!]!;
    pupil.marks = pupil.marks.filter((_m, k) => !drop.has(k));
    const where = rowList(numbers);
    problems.push({
      where,
      message: `${where.startsWith('rows') ? 'show' : 'shows'} ${pupil.name || pupil.upn}'s ${formatSchoolDate(m.date)} ${m.session === 'AM' ? 'morning' : 'afternoon'}${pairs.length > 4 ? ` and ${pairs.length / 4 - 1} more sessions` : ''} twice${differ > 0 ? `, with different marks: ${differ === 1 ? 'it is' : `${differ} are`} not checked, as Markwise cannot tell which is right` : ', with the same mark: it is checked once'}. ${differ > 0 ? NO_STORE : NO_WRITE}`,
      ambiguous: true,
    });
  });
  return problems;
}

/**
 * The register without the pupils whose rows cannot be told apart: what may be stored (figures,
 * N first seen, marks for pupil cards) and what the follow-up list may count.
 */
export function unambiguousPart(register: PageRegister): Pick<PageRegister, 'snapshot' | 'pupilIds' | 'upns' | 'cells' | 'rows'> {
  if (register.ambiguous.size === 0) return register;
  const newIndex: number[] = [];
  const pupils: SnapshotPupil[] = [];
  const pupilIds: string[] = [];
  const upns: (string | null)[] = [];
  register.snapshot.pupils.forEach((pupil, p) => {
    newIndex.push(register.ambiguous.has(p) ? -1 : pupils.length);
    if (register.ambiguous.has(p)) return;
    pupils.push(pupil);
    pupilIds.push(register.pupilIds[p]!);
    upns.push(register.upns[p]!);
  });
  return {
    snapshot: { ...register.snapshot, pupils },
    pupilIds,
    upns,
    cells: register.cells.filter((c) => newIndex[c.pupil]! >= 0).map((c) => ({ ...c, pupil: newIndex[c.pupil]! })),
    rows: register.rows.filter((r) => newIndex[r.pupil]! >= 0).map((r) => ({ ...r, pupil: newIndex[r.pupil]! })),
  };
}

/**
 * One element per row for a selector, found by one query over the register, when every row has
 * exactly one: as many matches as rows, match r inside row r. Null when some row has none or
 * several; those are then looked up row by row. Remembered per selector for one read.
 */
class PerRowElements {
  readonly #found = new Map<string, Element[] | null>();

  readonly #root: Element;
  readonly #rowsSelector: string | undefined;
  readonly #rows: readonly Element[];

  constructor(
    root: Element,
    rowsSelector: string | undefined,
    rows: readonly Element[],
  ) {
    this.#root = root;
    this.#rowsSelector = rowsSelector;
    this.#rows = rows;
  }

  get(selector: string): Element[] | null {
    let elements = this.#found.get(selector);
    if (elements === undefined) {
      elements = this.#find(selector);
      this.#found.set(selector, elements);
    }
    return elements;
  }

  #find(selector: string): Element[] | null {
    if (this.#rowsSelector === undefined || this.#rows.length < 2) return null;
    const matches = this.#root.querySelectorAll(below(this.#rowsSelector, selector));
    if (matches.length !== this.#rows.length) return null;
    const elements = Array.from(matches);
    for (let r = 0; r < elements.length; r++) if (!this.#rows[r]!.contains(elements[r]!)) return null;
    return elements;
  }
}

type CellSpec = NonNullable<SiteProfile['cells']>;

interface Column {
  readonly date: IsoDate;
  readonly session: Session;
}

/** The session columns of a grid, from its headers; a header that cannot be read is reported. */
function readColumns(document: Document, root: Element, spec: CellSpec, problems: ReadProblem[], readDate: (scopes: Scopes) => DateRead): (Column | null | undefined)[] {
  const headers = Array.from(root.querySelectorAll(spec.columns!.headers));
  return headers.map((header, i) => {
    const scopes: Scopes = { cell: header, row: header, register: root, page: document };
    const sessionText = sessionTextOf(spec.session, scopes, readValue);
    const session = sessionText === null ? null : sessionIn(spec, sessionText);
    // undefined: a register the periods leave alone (a lesson), not a column that could not be read.
    if (session === LEFT_ALONE) return undefined;
    const dated = readDate(scopes);
    if (dated.date === null || session === null) {
      problems.push({ where: `column ${i + 1}`, message: dated.date === null ? noDate(dated) : `no session (read ${JSON.stringify(sessionText)})` });
      return null;
    }
    return { date: dated.date, session };
  });
}

/** The selectors for a grid's mark controls below some scope: the cell's control, or the cell itself (also where cells may hold several kinds). */
function controlSelectors(spec: CellSpec): string[] {
  const selector = onlyMark(spec)?.selector;
  return selector === undefined ? [spec.selector] : [spec.selector, selector];
}

/**
 * A selector for elements matching the last of `selectors` inside elements matching each one before
 * it, as `:is(a) :is(b)` means. Joined plainly (`a b`) when that means the same, no list anywhere and
 * no combinator after the first, which Chromium matches several times faster: 0.7 against 7 ms for a
 * 15,000-cell register's controls (issue 15).
 */
export function below(...selectors: string[]): string {
  return selectors.every((s, i) => !s.includes(',') && !(i && /[\s>+~]/.test(s))) ? selectors.join(' ') : selectors.map((s) => `:is(${s})`).join(' ');
}

/** Arrival times by the control of their cell: the same map whether found per row or per register. */
function arrivalsByControl(arrivals: Map<Element, string> | null, spec: CellSpec): Map<Element, string> | null {
  const only = onlyMark(spec);
  if (arrivals === null || arrivals.size === 0 || only === undefined) return arrivals;
  const byControl = new Map<Element, string>();
  for (const [cell, text] of arrivals) {
    const control = controlOf(only, cell);
    if (control !== null) byControl.set(control, text);
  }
  return byControl;
}

/**
 * Every row's controls from one query over the register, when the grid is regular: as many
 * controls as rows times columns, and each row's share (in document order) starting and ending
 * inside that row, which puts the whole share inside it. Each DOM call from a content script
 * costs several times the page's own, so on a 15,000-cell page two queries beat two per row.
 * Null when the grid is not regular: the rows are then read one by one, and what is wrong with
 * each is reported.
 */
function readGridControls(
  root: Element,
  rowsSelector: string,
  rowElements: readonly Element[],
  spec: CellSpec,
  columnCount: number,
): { controls: NodeListOf<Element>; arrivals: Map<Element, string> | null } | null {
  if (columnCount === 0) return null;
  const controls = root.querySelectorAll(below(rowsSelector, ...controlSelectors(spec)));
  if (controls.length !== rowElements.length * columnCount) return null;
  for (let r = 0; r < rowElements.length; r++) {
    const row = rowElements[r]!;
    if (!row.contains(controls[r * columnCount]!) || !row.contains(controls[r * columnCount + columnCount - 1]!)) return null;
  }
  return { controls, arrivals: arrivalsByControl(cellArrivals(root, [rowsSelector], spec), spec) };
}

/** One row's marks from a regular grid's controls, starting at the row's first. */
function addGridMarks(
  controls: NodeListOf<Element> | readonly Element[],
  first: number,
  arrivals: Map<Element, string> | null,
  spec: CellSpec,
  columns: readonly (Column | null | undefined)[],
  pupil: SnapshotPupil,
  pupilIndex: number,
  rowIndex: number,
  cells: PageCell[],
  problems: ReadProblem[],
  unread: Set<Element>,
  where: string,
): void {
  // One kind of control: found is the control. Several: found is the cell, and its control is looked for in it.
  const only = onlyMark(spec);
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c];
    if (column == null) continue;
    const found = controls[first + c]!;
    let control = found;
    let mark = only;
    if (mark === undefined) {
      const resolved = resolveMark(spec, found);
      if (resolved !== null) ({ control, mark } = resolved);
    }
    const code = mark === undefined ? null : readMark(mark, control);
    if (code === null) {
      problems.push({ where: `${where}, cell ${c + 1}`, message: mark === undefined ? 'no mark control' : unreadMark(mark, control) });
      unread.add(only?.selector === undefined ? found : (found.closest(spec.selector) ?? found));
      continue;
    }
    const text = arrivals === null || arrivals.size === 0 ? undefined : arrivals.get(found);
    pupil.marks.push(snapshotMark(column.date, column.session, presentFor(code, column.session), spec.arrival, text));
    // Cells' own elements are found later, only for the few that need a marker.
    cells.push({ element: only?.selector === undefined ? found : null, control, mark: mark!, pupil: pupilIndex, row: rowIndex, date: column.date, session: column.session });
  }
}

/** One row of a grid that is not regular: its controls in one query, and what is wrong with it reported. Returns how many cells it has. */
function readGridRow(
  row: Element,
  where: string,
  spec: CellSpec,
  columns: readonly (Column | null | undefined)[],
  pupil: SnapshotPupil,
  pupilIndex: number,
  rowIndex: number,
  cells: PageCell[],
  problems: ReadProblem[],
  root: Element,
  unread: Set<Element>,
): number {
  const controls = row.querySelectorAll(below(...controlSelectors(spec)));
  if (controls.length !== columns.length) {
    problems.push({ where, message: `${controls.length} cells where the register has ${columns.length} session columns` });
    return Math.max(columns.length, controls.length);
  }
  addGridMarks(controls, 0, arrivalsByControl(rowArrivals(row, spec, root), spec), spec, columns, pupil, pupilIndex, rowIndex, cells, problems, unread, where);
  return columns.length;
}

/** The row's mark controls in one query, when they line up one to one with its cells; else null. */
function rowControls(row: Element, spec: CellSpec, cellCount: number): Element[] | null {
  if (onlyMark(spec)?.selector === undefined || spec.selector === ':scope') return null;
  const found = row.querySelectorAll(below(...controlSelectors(spec)));
  return found.length === cellCount ? Array.from(found) : null;
}

/** The row's arrival times in one query, by cell; null when the profile reads them some other way. */
function rowArrivals(row: Element, spec: CellSpec, register: Element): Map<Element, string> | null {
  return cellArrivals(row, [], spec, register);
}

/** The arrival times below scope (a row, or the register with its rows selector in outer), by cell. */
function cellArrivals(scope: Element, outer: string[], spec: CellSpec, register = scope): Map<Element, string> | null {
  const arrival = spec.arrival;
  if (arrival === undefined || spec.selector === ':scope') return null;
  if (READS_ANY_PAGE && (arrival.scope === 'next-cell' || arrival.scope === 'column')) {
    // Outside the mark's cell: a slower path, taken only by profiles that read arrivals there.
    const map = new Map<Element, string>();
    const scopes: Scopes = { cell: null, row: scope, register, page: scope.ownerDocument };
    for (const cell of Array.from(scope.querySelectorAll(below(...outer, spec.selector)))) {
      scopes.cell = cell;
      scopes.row = cell.closest('tr') ?? scope;
      const text = readValue(arrival, scopes);
      if (text !== null) map.set(cell, text);
    }
    return map;
  }
  if (arrival.scope !== 'cell' || arrival.selector === undefined) return null;
  const map = new Map<Element, string>();
  for (const element of Array.from(scope.querySelectorAll(below(...outer, spec.selector, arrival.selector)))) {
    const cell = element.parentElement?.closest(spec.selector);
    if (cell == null) continue;
    const raw = arrival.attribute !== undefined ? element.getAttribute(arrival.attribute) : arrival.state !== undefined ? stateOf(element, arrival.state) : element.textContent;
    if (raw === null) continue;
    if (arrival.pattern === undefined) map.set(cell, raw.trim());
    else {
      const match = compiled(arrival.pattern).exec(raw.slice(0, LONGEST_VALUE));
      if (match !== null) map.set(cell, (match[1] ?? match[0]).trim());
    }
  }
  return map;
}

/** The key a finding and a cell share. */
export function markKey(upn: string, date: IsoDate, session: Session): string {
  return `${upn}|${date}|${session}`;
}
