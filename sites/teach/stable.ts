// Selectors made from what stays the same when an MIS draws its page again (issue 16): tag names,
// roles, `name` attributes by their pattern, data attributes, and classes that are not generated.
// Never a generated id ("row-1093", "css-1x9k2p"), never a chain of :nth-child.
//
// Each selector is chosen for a set of elements, not one: the pupils' rows, the cells of every
// session. It must match all of them, and nothing else, where it is used.

/** Words of a class that says what state an element is in now, not what it is: it comes and goes. */
const STATE_CLASS = /^(?:is-|has-|ng-|v-)|^(?:active|selected|current|dirty|changed|modified|unsaved|saved|focus(?:ed)?|hover(?:ed)?|open(?:ed)?|closed|collapsed|expanded|hidden|visible|show|shown|disabled|enabled|checked|invalid|valid|error|warning|odd|even|first|last|highlight(?:ed)?|loading|loaded)$/i;

/**
 * Whether an id, class or attribute value was made by a program rather than written by a person:
 * a record's number in it ("row-1093", "P1001"), a CSS-in-JS or CSS-modules hash ("css-1x9k2p",
 * "Grid_row__a8Zq1", "sc-bdVaJa"), a framework's own ("ember1234", "mat-input-7", ":r3:").
 */
export function looksGenerated(token: string): boolean {
  if (token === '' || /[:\s]/.test(token)) return true;
  // Any digit: ids and classes written by people rarely number themselves ("col-2" is an exception
  // worth losing: a register's columns are found otherwise).
  if (/\d/.test(token)) return true;
  if (/^(?:css|sc|jsx|emotion|svelte|tw|chakra|mui|Mui[A-Z]\w*-root)-/.test(token)) return true;
  // CSS modules and their kin: "Grid_row__aZqXb", "_row_1kx3".
  if (/__[A-Za-z0-9_-]{5,}$/.test(token) || /^_/.test(token)) return true;
  // Letters mixing case with no separator and no vowels pattern of a word: "bdVaJa", "hXyZq".
  if (token.length >= 5 && /[a-z][A-Z]/.test(token) && /[A-Z][a-z]?[A-Z]/.test(token)) return true;
  return false;
}

/** The classes of an element a selector may use: neither generated nor a passing state. */
export function steadyClasses(element: Element): string[] {
  return Array.from(element.classList).filter((c) => !looksGenerated(c) && !STATE_CLASS.test(c));
}

/** An identifier (a class, an id) as a selector writes it: anything but letters, digits, - and _ escaped (none starts with a digit: those are generated). */
function escapeIdent(text: string): string {
  return text.replace(/[^A-Za-z0-9_\u00A0-\uFFFF-]/g, (c) => `\\${c}`);
}

/** A value in an attribute selector, quoted. */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

/**
 * What all of `elements` share that a selector can say, steadiest first: their classes, their data
 * attributes (and a value, when all have the same one and it is not generated), their `name`s'
 * common start ("attendance[" of "attendance[1093]"), role, and type. Each part is a compound
 * selector's piece, after the tag name.
 */
function sharedParts(elements: readonly Element[]): string[] {
  const first = elements[0]!;
  const parts: string[] = [];
  for (const c of steadyClasses(first)) if (elements.every((e) => e.classList.contains(c))) parts.push(`.${escapeIdent(c)}`);
  for (const { name, value } of Array.from(first.attributes)) {
    if (!name.startsWith('data-') || !elements.every((e) => e.hasAttribute(name))) continue;
    if (!looksGenerated(value) && value.length <= 40 && elements.every((e) => e.getAttribute(name) === value)) parts.push(`[${name}=${quoted(value)}]`);
    else parts.push(`[${name}]`);
  }
  const names = elements.map((e) => e.getAttribute('name'));
  // A start of names that a framework numbered ("ctl00$MainContent$") comes after role and type.
  let numbered: string | null = null;
  if (names.every((n): n is string => n !== null)) {
    const start = commonStart(names);
    const part = start.length >= 2 && names.some((n) => n !== start) ? `[name^=${quoted(start)}]` : start.length >= 1 && names.every((n) => n === start) && !looksGenerated(start) ? `[name=${quoted(start)}]` : null;
    if (part !== null && looksGenerated(start)) numbered = part;
    else if (part !== null) parts.push(part);
  }
  // A common end after a record's own start ("0-type", "1-type": Gibbon numbers its fields by place).
  if (names.every((n): n is string => n !== null) && new Set(names).size > 1) {
    const end = commonEnd(names);
    if (end !== '') parts.push(`[name$=${quoted(end)}]`);
  }
  for (const attribute of ['role', 'type']) {
    const value = first.getAttribute(attribute);
    if (value !== null && elements.every((e) => e.getAttribute(attribute) === value)) parts.push(`[${attribute}=${quoted(value)}]`);
  }
  if (numbered !== null) parts.push(numbered);
  return parts;
}

/** The start all the texts share, cut back to end at a separator ("mark|" of "mark|P1|…", "mark|P2|…"), so that no record's own characters are in it. */
export function commonStart(texts: readonly string[]): string {
  let start = texts[0] ?? '';
  for (const t of texts) {
    let i = 0;
    while (i < start.length && i < t.length && start[i] === t[i]) i++;
    start = start.slice(0, i);
  }
  if (texts.every((t) => t === start)) return start;
  const cut = start.search(/[^A-Za-z0-9]*$/);
  const separator = start.slice(0, cut).search(/[^A-Za-z0-9][A-Za-z0-9]*$/);
  // Ends at a separator already ("attendance["), or cut to the last one ("mark|P10" → "mark|").
  if (cut < start.length) return start;
  return separator >= 0 ? start.slice(0, separator + 1) : '';
}

/** The end all the texts share, from a separator on and with a letter in it ("-type" of "0-type", "1-type"); '' where none. */
export function commonEnd(texts: readonly string[]): string {
  const reversed = commonStart(texts.map((t) => [...t].reverse().join('')));
  const end = [...reversed].reverse().join('');
  return /^[^A-Za-z0-9]/.test(end) && /[A-Za-z]/.test(end) ? end : '';
}

/** Whether `selector`, used below `scope` (as the reader uses it: `scope.querySelectorAll`), finds exactly `elements`. */
export function findsExactly(scope: ParentNode, selector: string, elements: readonly Element[]): boolean {
  let found: NodeListOf<Element>;
  try {
    found = scope.querySelectorAll(selector);
  } catch {
    return false;
  }
  if (found.length !== elements.length) return false;
  const wanted = new Set(elements);
  for (const e of Array.from(found)) if (!wanted.has(e)) return false;
  return true;
}

/** The compound selectors that describe all of `elements`, steadiest and shortest first. */
export function compounds(elements: readonly Element[]): string[] {
  if (elements.length === 0) return [];
  const tag = elements[0]!.localName;
  const sameTag = elements.every((e) => e.localName === tag);
  const parts = sharedParts(elements);
  const out: string[] = [];
  const head = sameTag ? tag : '';
  for (const part of parts) out.push(head + part);
  if (sameTag) out.push(tag);
  // Two parts together, where one alone also finds other elements (a class shared with the header row).
  for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) out.push(head + parts[i] + parts[j]);
  return out;
}

/**
 * The steadiest selector that finds exactly `elements` below `scope`: one compound of theirs, or,
 * where that finds others too, the same below a compound of an ancestor they all share inside
 * `scope` (tbody, a list). Null when nothing steady tells them apart.
 */
export function selectorFor(elements: readonly Element[], scope: Element | Document): string | null {
  const own = compounds(elements);
  for (const selector of own) if (findsExactly(scope, selector, elements)) return selector;
  // A run of siblings after others like them (a grid's session headers after its "Pupil" header):
  // those after the first like them, or from their place in the row on.
  const siblings = siblingRun(elements);
  if (siblings !== null) {
    for (const c of own) if (findsExactly(scope, `${c} ~ ${c}`, elements)) return `${c} ~ ${c}`;
    for (const c of own) {
      const selector = `${c}:nth-child(n+${siblings.from + 1})${siblings.toEnd ? '' : `:nth-child(-n+${siblings.to + 1})`}`;
      if (findsExactly(scope, selector, elements)) return selector;
    }
  }
  // Below an ancestor: the nearest ones all of them have at the same depth, up to the scope.
  for (let depth = 1; depth <= 4; depth++) {
    const ancestors = elements.map((e) => nthAncestor(e, depth));
    if (ancestors.some((a) => a === null || a === scope || !scope.contains(a))) break;
    const unique = [...new Set(ancestors as Element[])];
    for (const outer of compounds(unique)) {
      for (const inner of own) {
        const selector = `${outer} ${inner}`;
        if (findsExactly(scope, selector, elements)) return selector;
        const child = depth === 1 ? `${outer} > ${inner}` : null;
        if (child !== null && findsExactly(scope, child, elements)) return child;
      }
    }
  }
  return null;
}

/** Where the elements are one unbroken run of one parent's children: its first and last place, and whether it runs to the end. */
function siblingRun(elements: readonly Element[]): { from: number; to: number; toEnd: boolean } | null {
  const parent = elements[0]?.parentElement;
  if (parent == null || elements.length < 2 || elements.some((e) => e.parentElement !== parent)) return null;
  const children = Array.from(parent.children);
  const places = elements.map((e) => children.indexOf(e)).sort((a, b) => a - b);
  if (places.some((p, i) => i > 0 && p !== places[i - 1]! + 1)) return null;
  return { from: places[0]!, to: places[places.length - 1]!, toEnd: places[places.length - 1] === children.length - 1 };
}

function nthAncestor(element: Element, depth: number): Element | null {
  let at: Element | null = element;
  for (let i = 0; i < depth && at !== null; i++) at = at.parentElement;
  return at;
}

/**
 * A selector for one element of the page (the register), found from the document: its id when a
 * person wrote it, else what it shares with nothing else, else the same below a steady ancestor.
 */
export function selectorForOne(element: Element): string | null {
  const doc = element.ownerDocument;
  const id = element.id;
  if (id !== '' && !looksGenerated(id)) {
    const selector = `${element.localName}#${escapeIdent(id)}`;
    if (findsExactly(doc, selector, [element])) return selector;
  }
  const own = selectorFor([element], doc);
  if (own !== null) return own;
  // Inside an ancestor with a steady id: "#attendance-app table".
  for (let at = element.parentElement; at !== null; at = at.parentElement) {
    if (at.id === '' || looksGenerated(at.id)) continue;
    for (const inner of compounds([element])) {
      const selector = `#${escapeIdent(at.id)} ${inner}`;
      if (findsExactly(doc, selector, [element])) return selector;
    }
  }
  return null;
}

/** Text as a regular expression that matches only it. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
