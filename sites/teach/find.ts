// What on a page looks like a register, found without a profile (issue 16, "Markwise proposes what
// it can find by itself"): rows of pupils, each with one or more marks. A mark is a text box for a
// code, a dropdown of codes or code names, a radio group, or a cell whose text is a code. What makes
// a grid a register is repetition: the same kind of mark in row after row, under one table or list.
// A lone dropdown (the class picker) or a legend of codes is not one.

import { CODES_2006, CODES_2024, ONE_CHARACTER_STAND_INS } from '../../rules/codes';
import { columnOf, ownText } from '../read';
import { compounds } from './stable';

export type TaughtMarkKind = 'text-input' | 'select' | 'radios' | 'buttons' | 'text';

/** One mark on the page: its control (for radios, the element holding the group) and its kind. */
export interface FoundMark {
  readonly kind: TaughtMarkKind;
  readonly control: Element;
}

/** A register as found: the element holding it, one row per pupil, each row's marks in order. */
export interface RegisterGuess {
  readonly register: Element;
  readonly rows: readonly Element[];
  readonly marks: readonly (readonly FoundMark[])[];
  readonly kind: TaughtMarkKind;
  /** Each row's pupil's name as Markwise guesses it (null where none was found): what the person is asked to confirm. */
  readonly names: readonly (Element | null)[];
  /** The most marks in a row: the sessions the page shows. */
  readonly sessions: number;
}

/** Every code of either DfE set, and the one-character stand-ins, as a page may show them. */
const CODE_TEXTS: ReadonlySet<string> = new Set([...CODES_2006.keys(), ...CODES_2024.keys(), ...Object.keys(ONE_CHARACTER_STAND_INS), '/', '\\', '✓', '✔']);

/** Whether a text is a mark as a register shows it: a code, present's / or \, or blank. */
export function looksLikeCode(text: string): boolean {
  const t = text.trim();
  return t === '' || t === '-' || CODE_TEXTS.has(t) || CODE_TEXTS.has(t.toUpperCase());
}

const TEXT_TYPES = new Set(['', 'text', 'search']);

function isTextBox(element: Element): boolean {
  if (element.localName !== 'input') return false;
  const input = element as HTMLInputElement;
  if (!TEXT_TYPES.has((input.getAttribute('type') ?? '').toLowerCase())) return false;
  const max = Number(input.getAttribute('maxlength') ?? input.getAttribute('size') ?? NaN);
  // A code is one to three characters ("/", "C1", "Y7"): a box for a name or a comment is wider.
  return (max > 0 && max <= 4) || (input.value !== '' && looksLikeCode(input.value));
}

/** A dropdown whose options are marks: codes, or more than a few names (the app-style register's). */
function isMarkDropdown(element: Element): boolean {
  if (element.localName !== 'select' || (element as HTMLSelectElement).multiple) return false;
  const options = Array.from((element as HTMLSelectElement).options);
  const codes = options.filter((o) => o.textContent!.trim() !== '' && looksLikeCode(o.textContent!)).length;
  return codes >= 3 || options.length >= 4;
}

/** A cell of a table or grid whose own text is a code: a read-only mark (an arrival time beside it in an element of its own). */
function isCodeCell(element: Element): boolean {
  const text = ownText(element);
  return text !== '' && text.length <= 3 && looksLikeCode(text) && element.querySelector('input, select, button, textarea') === null;
}

/** A person's name as registers write it: "Smith, Jo", "Jo Smith", "O'Brien-Hale, Anne-Marie"; no digits. */
const PERSON = /^\p{Lu}[\p{L}'’.-]*(?:,?\s+\p{L}[\p{L}'’.()-]*){1,4}$/u;

/**
 * The element of a row that shows its pupil's name: the innermost cell, link or text element whose
 * whole text reads as a person's name, outside the marks. Null when there is none.
 */
export function nameIn(row: Element, marks: readonly Element[]): Element | null {
  for (const element of Array.from(row.querySelectorAll('th, td, a, span, div, p, strong, b, label, [role="rowheader"], [role="gridcell"]'))) {
    // Outside the marks (a radio group held by the row itself: outside its controls).
    if (marks.some((m) => (m === row ? element.querySelector('input, select, button') !== null : m.contains(element) || element.contains(m)))) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    // Two words with capitals at least ("de la Cruz, Maria" has two): "Set all" is a control's label, not a pupil.
    if (text.length < 3 || text.length > 60 || !PERSON.test(text) || (text.match(/(?:^|[\s,])\p{Lu}/gu) ?? []).length < 2) continue;
    // The innermost element with that text: the link in the cell, where there is one.
    const inner = Array.from(element.querySelectorAll('a, span, strong, b')).find((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim() === text);
    return inner ?? element;
  }
  return null;
}

/** The elements holding each radio group of the page (a group's radios share a name and a form). */
function radioGroups(root: ParentNode): Element[] {
  const byName = new Map<string, Element[]>();
  for (const radio of Array.from(root.querySelectorAll('input[type="radio"][name]'))) {
    const name = radio.getAttribute('name')!;
    const list = byName.get(name);
    if (list === undefined) byName.set(name, [radio]);
    else list.push(radio);
  }
  const holders: Element[] = [];
  for (const radios of byName.values()) {
    // A yes/no pair is a question, not a mark: a register's groups offer several codes.
    if (radios.length < 3) continue;
    let holder: Element | null = radios[0]!.parentElement;
    while (holder !== null && !radios.every((r) => holder!.contains(r))) holder = holder.parentElement;
    if (holder !== null) holders.push(holder);
  }
  return holders;
}

/**
 * The elements holding each group of toggle buttons (mis-pages.md: "button groups"; Arbor's profile
 * view, ScholarPack's Manage Register): three or more buttons side by side, each saying whether it is
 * pressed (aria-pressed), the pressed one the mark. A toolbar's lone toggle is not a group.
 */
function buttonGroups(root: ParentNode): Element[] {
  const byParent = new Map<Element, number>();
  for (const button of Array.from(root.querySelectorAll('button[aria-pressed], [role="button"][aria-pressed]'))) {
    const parent = button.parentElement;
    if (parent !== null) byParent.set(parent, (byParent.get(parent) ?? 0) + 1);
  }
  return [...byParent].filter(([, n]) => n >= 3).map(([parent]) => parent);
}

/** Every mark-like element of the page, by kind. */
function markCandidates(root: ParentNode): Map<TaughtMarkKind, Element[]> {
  const found = new Map<TaughtMarkKind, Element[]>([
    ['text-input', Array.from(root.querySelectorAll('input')).filter(isTextBox)],
    ['select', Array.from(root.querySelectorAll('select')).filter(isMarkDropdown)],
    ['radios', radioGroups(root)],
    ['buttons', buttonGroups(root)],
    ['text', Array.from(root.querySelectorAll('td, [role="gridcell"], [role="cell"]')).filter(isCodeCell)],
  ]);
  return found;
}

/**
 * The row a mark is in: its table row (or ARIA row), else the nearest ancestor repeated beside
 * siblings of its own kind (a list's item, an app's card), which other marks are also in.
 */
function rowOf(mark: Element, holdingMarks: ReadonlySet<Element>, stop: Element): Element | null {
  const tableRow = mark.closest('tr, [role="row"]');
  // A table's head and foot hold its headings and controls for a whole column ("Set all"), never a pupil.
  if (tableRow !== null) return tableRow.closest('thead, tfoot') === null ? tableRow : null;
  for (let at = mark.parentElement; at !== null && at !== stop; at = at.parentElement) {
    const parent = at.parentElement;
    if (parent === null) break;
    for (let sibling = parent.firstElementChild; sibling !== null; sibling = sibling.nextElementSibling) if (sibling !== at && sibling.localName === at.localName && holdingMarks.has(sibling)) return at;
  }
  return null;
}

/** Every element that holds one of the marks (the marks too), up to the page's body: found once, not per mark and sibling. */
function holding(marks: readonly Element[], stop: Element): Set<Element> {
  const found = new Set<Element>();
  for (const mark of marks) for (let at: Element | null = mark; at !== null && at !== stop && !found.has(at); at = at.parentElement) found.add(at);
  return found;
}

/** The element holding all the rows: their table or grid, else their nearest common ancestor. */
function holderOf(rows: readonly Element[]): Element | null {
  const table = rows[0]!.closest('table, [role="grid"], [role="table"], [role="treegrid"]');
  if (table !== null && rows.every((r) => r.closest('table, [role="grid"], [role="table"], [role="treegrid"]') === table)) return table;
  let holder: Element | null = rows[0]!.parentElement;
  while (holder !== null && !rows.every((r) => holder!.contains(r))) holder = holder.parentElement;
  return holder;
}

/**
 * The registers the page seems to hold, most marks first: for each kind of mark, the rows those
 * marks are in, grouped by the table or list holding them. Two rows at least (a register of one
 * pupil is a pupil's page, which a person points at instead).
 */
export function findRegisters(document: Document): RegisterGuess[] {
  const guesses: RegisterGuess[] = [];
  const body = document.body ?? document.documentElement;
  // Dropdowns of different lists are different things (Gibbon's "type" and "reason" in each pupil's
  // cell): each list is a register's marks on its own, so that a reason is never read as a session.
  const sets = [...markCandidates(document)].flatMap(([kind, all]) => (kind === 'select' ? byOptions(all) : [all]).map((elements) => [kind, elements] as const));
  for (const [kind, elements] of sets) {
    if (elements.length < 2) continue;
    // On a list of 300 pupils, asking each mark's siblings which marks they hold took 1.5 s in jsdom; this is linear.
    const holders = holding(elements, body);
    const byRow = new Map<Element, Element[]>();
    for (const mark of elements) {
      const row = rowOf(mark, holders, body);
      if (row === null) continue;
      const list = byRow.get(row);
      if (list === undefined) byRow.set(row, [mark]);
      else list.push(mark);
    }
    const byHolder = new Map<Element, Element[]>();
    for (const row of byRow.keys()) {
      const holder = holderOf([row]) ?? body;
      const list = byHolder.get(holder);
      if (list === undefined) byHolder.set(holder, [row]);
      else list.push(row);
    }
    for (const [register, rows] of byHolder) {
      if (rows.length < 2) continue;
      const found = rows.map((row) => byRow.get(row)!);
      // Marks not recognised by what they hold now (a blank cell, a box with no maxlength) are
      // found by what they share with those that were: "td.mark-cell".
      const like = compounds(found.flat()).find((c) => /[.[]/.test(c) && found.every((marks, r) => marks.every((m) => m.matches(c) && rows[r]!.contains(m))));
      const marks = found.map((own, r) => {
        // A dropdown of another list sharing their classes (Gibbon's reason beside its type) is not one of them.
        const all = like === undefined ? own : Array.from(rows[r]!.querySelectorAll(like)).filter((m) => (kind === 'radios' || kind === 'buttons' || !isInside(m, rows[r]!, like)) && (kind !== 'select' || optionsOf(m) === optionsOf(elements[0]!)));
        return (all.length >= own.length ? all : own).map((control) => ({ kind, control }));
      });
      // Rows of pupils, each with a name: a pupil's own page lists dates, weeks or terms instead.
      const names = rows.map((row, r) => nameIn(row, marks[r]!.map((m) => m.control)));
      const named = names.filter((n) => n !== null);
      if (named.length < rows.length * 0.8 || new Set(named.map((n) => n.textContent!.trim())).size < named.length * 0.8) continue;
      // A row of marks with no pupil in it ("Set all", a column's totals) is not a pupil's.
      const pupils = rows.flatMap((row, r) => (names[r] === null ? [] : [r]));
      guesses.push({
        register,
        rows: pupils.map((r) => rows[r]!),
        marks: pupils.map((r) => marks[r]!),
        kind,
        names: pupils.map((r) => names[r]!),
        sessions: Math.max(...pupils.map((r) => marks[r]!.length)),
      });
    }
  }
  // Most marks first; for the same count, marks that speak of attendance (a code, "Present", "Absent")
  // before others (a reason's list), then a kind a person acts on before read-only text.
  const order: TaughtMarkKind[] = ['text-input', 'select', 'radios', 'buttons', 'text'];
  return guesses.sort((a, b) => count(b) - count(a) || Number(attendanceLike(b)) - Number(attendanceLike(a)) || order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** The list a dropdown offers, as one text. */
function optionsOf(select: Element): string {
  return Array.from((select as HTMLSelectElement).options ?? [], (o) => (o.textContent ?? '').trim()).join('\n');
}

/** Dropdowns grouped by the list they offer (their options' texts), each group in page order. */
function byOptions(selects: readonly Element[]): Element[][] {
  const groups = new Map<string, Element[]>();
  for (const select of selects) {
    const key = optionsOf(select);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [select]);
    else list.push(select);
  }
  return [...groups.values()];
}

const ATTENDANCE_WORD = /\b(?:present|absent|late|attend)/i;

/** Whether a register's first mark offers what attendance marks say: a code, or a word such as Present or Absent. */
function attendanceLike(guess: RegisterGuess): boolean {
  const control = guess.marks.find((m) => m.length > 0)?.[0]?.control;
  if (control === undefined) return false;
  const texts = control.localName === 'select' ? Array.from((control as HTMLSelectElement).options, (o) => o.textContent ?? '') : [control.textContent ?? ''];
  return texts.some((t) => (t.trim() !== '' && looksLikeCode(t)) || ATTENDANCE_WORD.test(t));
}

/** Whether an element matching a selector is inside another one matching it in the row (a small table in a cell). */
function isInside(element: Element, row: Element, selector: string): boolean {
  const outer = element.parentElement?.closest(selector);
  return outer != null && row.contains(outer);
}

function count(guess: RegisterGuess): number {
  return guess.marks.reduce((n, m) => n + m.length, 0);
}

/** A row's cell that covers a column, counting the spans before it. */
export function cellAtColumn(row: Element, column: number): Element | undefined {
  for (let cell = row.firstElementChild; cell !== null; cell = cell.nextElementSibling) {
    const start = columnOf(cell);
    if (column >= start && column < start + ((cell as HTMLTableCellElement).colSpan || 1)) return cell;
  }
  return undefined;
}

/**
 * The header cell of a table's column: in the lowest row of its head that has a header (th) there,
 * so that a row of controls under the headings ("Set all") is passed over.
 */
function headerCellAt(table: Element, column: number): Element | null {
  const rows = Array.from(table.querySelectorAll(':scope > thead > tr')).reverse();
  for (const row of rows) {
    const cell = cellAtColumn(row, column);
    if (cell !== undefined && cell.localName === 'th') return cell;
  }
  return null;
}

/** The header above a cell of a table's body (the table's own cell, not one of a small table inside it). */
export function headerAbove(element: Element, register: Element): Element | null {
  const table = register.localName === 'table' ? register : (register.closest('table') ?? register.querySelector('table'));
  if (table === null) return null;
  let cell = element.closest('td, th');
  while (cell !== null && cell.closest('table') !== table) cell = cell.parentElement?.closest('td, th') ?? null;
  return cell === null ? null : headerCellAt(table, columnOf(cell));
}
