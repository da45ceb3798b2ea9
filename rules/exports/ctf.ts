// Reading a Common Transfer File (CTF): the DfE's XML format for moving a pupil's record between
// schools, which every MIS in England exports. Pure: it takes the file's text. All-or-nothing, as
// every reader: one structural problem and no snapshot is returned, with where it is.
//
// The shape, from the public sources gathered in reference/mis-exports.md ("Common Transfer File"):
// root <CTfile>; pupils at CTfile/CTFpupilData/Pupil with UPN, Surname, Forename, DOB (YYYY-MM-DD);
// attendance per academic year at Pupil/Attendance/YearData with Year, SessionsPossible,
// SessionsAttended, SessionsAuthorised, SessionsUnauthorised and AttendSessions holding
// AttendanceStartDate (YYYY-MM-DD) and AttendanceMarks. Element names confirmed in Follett Aspen's
// UK state-reporting CTF writer (com.x2dev.procedures.statereporting.uk: CTFExport.java builds
// CTfile > Header + CTFpupilData > Pupil through DfEExportManager) and in the DfE's specification
// ("Common transfer file: CTF specification", GOV.UK collection
// https://www.gov.uk/government/collections/common-transfer-file; CTF 21 specification v1.1, July 2021).
//
// What the sources say about the AttendanceMarks string, and what Markwise chose where they are silent:
//
// 1. One character per session, AM then PM, two per day, from AttendanceStartDate (mis-exports.md:
//    confirmed in public writer code).
// 2. Days without school. Follett Aspen's public writer (DfEExportManager.java, package
//    com.x2dev.procedures.statereporting.uk; its reader DfEAttendance.java names the YearData
//    elements) walks the school calendar's dates from the start date to the end date and appends,
//    per date: '##' (ATTENDANCE_MARK_NOT_IN_SESSION twice) when the date is not in session; else the
//    AM code (or '/') and the PM code (or '\'). So days without school are written, not skipped.
//    Whether its calendar lists Saturdays and Sundays is not shown there, and the DfE
//    specification's attendance section could not be read here (the GOV.UK PDFs were not in the
//    searchable corpus, only their tables of contents), so no source settles weekends.
//    CHOSEN: two characters for every calendar day, weekends included. Because a file that left
//    weekends out would put every later mark on the wrong date, a real mark that lands on a Saturday
//    or Sunday is reported (once per YearData, with how many and the first), never silently dated.
//    '#', a blank (' ') or '-' on a Saturday or Sunday means "no session" and becomes no mark at all.
//    '#' on a weekday is kept: it is the DfE code for a planned whole or partial school closure
//    (reference/attendance-codes.md), counted as not a possible session, and the rules accept it on
//    a closed day (checks/school-day.ts), so a half term written '##' is read as the school wrote it.
// 3. The 2024 two-character codes (C1, C2, J1, Y1-Y7) cannot fit a one-character-per-session string,
//    and no public source found says which single characters a CTF uses for them. SIMS's partner
//    documentation says school codes are mapped to a statutory code "for CTF, B2B"
//    (https://www.sims-partners.com/GeneralDocuments/NewsItems/COVID-19/SIMS7/Attendance: 7 and = to
//    I, 8 9 [ ] to Y), so a CTF carries DfE codes, not school codes. CHOSEN: each character is kept as
//    written and read by rules/codes.ts normaliseMark, which knows Capita ONE's one-character
//    stand-ins (< C1, > C2, ? J1, $ Y1, a Y2, % Y3, ` Y4, : Y5, | Y6, _ Y7: attendance-codes.md [V]);
//    none of them is a DfE code, so reading them the same from a CTF cannot misread a DfE code. Any
//    other character is left as the mark: the rules report it as an unknown code, by name and count.
//    (Aspen's writer appends a day's codes as stored, so a two-character code written there would
//    push every later mark one session on; nothing in the string can show that, which is one more
//    reason each year's totals are checked against its marks below.)
// 4. ' ' (a space) is read as a blank (no mark recorded), like SIMS's '-' (school-codes.ts).
//
// Safety: a CTF has no DTD. A '<!DOCTYPE' (or '<!ENTITY') anywhere is refused before parsing, so no
// entity can be declared, and the parser is told to know only the five XML entities and numeric
// character references; any other '&name;' is refused (well-formed XML cannot hold one without a DTD).

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { codeInForce, normaliseMark } from '../codes';
import { addDays, dateOfDayNumber, dayNumber, formatSchoolDate, isIsoDate, weekdayOfDayNumber, type IsoDate } from '../dates';
import type { RegisterSnapshot, Session, SnapshotMark, SnapshotPupil } from '../snapshot';
import { upnCheckProblem } from '../upn';
import { dobProblem, duplicateSession, quoted, registerDateProblem, type ExportProblem, type ExportResult, type ReadOptions } from './common';
import { markTranslator } from './school-codes';

const TEXT = '#text';
const META = XMLParser.getMetaDataSymbol() as unknown as string;

/** An element as the parser gives it: its text under '#text', its children by name, its place in the file. */
type XmlNode = { [name: string]: unknown };

function problem(line: number | null, path: string | null, message: string): ExportProblem {
  return { line, column: null, path, message };
}

/** Line starts, to turn a character index into the line a person counts (the first is 1). */
function lineIndex(text: string): (index: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const DOCTYPE_REFUSAL =
  'this XML file declares a DTD (<!DOCTYPE>): a Common Transfer File never has one, and Markwise does not read DTDs or the entities they declare. Export the CTF from the MIS again';

/** The five entities XML itself defines, and numeric character references: nothing else is expanded. */
const REFERENCE = /&(?:lt|gt|amp|apos|quot|#[0-9]+|#x[0-9a-fA-F]+);/y;

/**
 * The first '&' outside comments and CDATA that is not one of the five XML entities or a character
 * reference. The parser leaves such a reference as written, which in AttendanceMarks would move
 * every later mark to the wrong session; without a DTD it cannot be well-formed XML.
 */
function undeclaredReference(text: string): number | null {
  let i = 0;
  let comment = text.indexOf('<!--');
  let cdata = text.indexOf('<![CDATA[');
  for (;;) {
    const amp = text.indexOf('&', i);
    if (amp === -1) return null;
    if (comment !== -1 && comment < i) comment = text.indexOf('<!--', i);
    if (cdata !== -1 && cdata < i) cdata = text.indexOf('<![CDATA[', i);
    if (comment !== -1 && comment < amp && (cdata === -1 || comment < cdata)) {
      const close = text.indexOf('-->', comment + 4);
      if (close === -1) return null;
      i = close + 3;
      continue;
    }
    if (cdata !== -1 && cdata < amp) {
      const close = text.indexOf(']]>', cdata + 9);
      if (close === -1) return null;
      i = close + 3;
      continue;
    }
    REFERENCE.lastIndex = amp;
    if (!REFERENCE.test(text)) return amp;
    i = REFERENCE.lastIndex;
  }
}

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const ANY_REFERENCE = /&(lt|gt|amp|apos|quot|#[0-9]+|#x[0-9a-fA-F]+);/g;

/** Decodes the five XML entities and numeric character references; nothing else. */
function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ANY_REFERENCE, (whole, name: string) => {
    if (name[0] !== '#') return XML_ENTITIES[name] ?? whole;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const parser = new XMLParser({
  ignoreAttributes: true,
  // Keep every value a string: a UPN, a date or a marks string such as '0123' is not a number.
  parseTagValue: false,
  // Keep spaces: a space in AttendanceMarks is a session. Other values are trimmed here.
  trimValues: false,
  alwaysCreateTextNode: true,
  captureMetaData: true,
  removeNSPrefix: true,
  // Only the five XML entities and numeric references are decoded; DOCTYPE entities cannot exist
  // (refused above), and the decoder ignores any it is given.
  processEntities: true,
  entityDecoder: {
    setExternalEntities: () => undefined,
    addInputEntities: () => undefined,
    reset: () => undefined,
    setXmlVersion: () => undefined,
    decode: decodeReferences,
  },
  isArray: (name) => name === 'Pupil' || name === 'YearData',
});

function children(node: XmlNode): string[] {
  return Object.keys(node).filter((k) => k !== TEXT && !k.startsWith('?'));
}

/** The element's text, or undefined when it is absent; '' for an empty element. */
function textOf(node: unknown): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return textOf(node[0]);
  const text = (node as XmlNode)[TEXT];
  return typeof text === 'string' ? text : '';
}

function childNode(node: XmlNode, name: string): XmlNode | undefined {
  const child = node[name];
  if (child === undefined || typeof child !== 'object' || child === null) return undefined;
  return (Array.isArray(child) ? child[0] : child) as XmlNode;
}

/** Every element of a name under a node, in order: one, several (the parser's list) or none. */
function allOf(node: XmlNode | undefined, name: string): XmlNode[] {
  const child = node?.[name];
  if (child === undefined || child === null || typeof child !== 'object') return [];
  return (Array.isArray(child) ? child : [child]) as XmlNode[];
}

/** The first of these elements written more than once, and how many times: which one is right cannot be told. */
function repeatedElement(node: XmlNode, names: readonly string[]): { name: string; count: number } | null {
  for (const name of names) {
    const child = node[name];
    if (Array.isArray(child)) return { name, count: child.length };
  }
  return null;
}

function repeatedMessage({ name, count }: { name: string; count: number }): string {
  return `<${name}> is written ${count} times here, so Markwise cannot tell which is right`;
}

function startOf(node: unknown): number | undefined {
  if (node === undefined || node === null || typeof node !== 'object') return undefined;
  const first = Array.isArray(node) ? node[0] : node;
  const meta = (first as Record<string, { startIndex?: number } | undefined>)[META];
  return meta?.startIndex;
}

/** How each kind of session counts, recomputed from a year's marks to compare with the file's totals. */
interface Totals {
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  /** Marks whose code Markwise does not know on their date: not counted either way. */
  uncounted: number;
}

const TOTAL_FIELDS = [
  ['SessionsPossible', 'possible', (n: number) => `${n} possible sessions`],
  ['SessionsAttended', 'attended', (n: number) => `${n} sessions attended`],
  ['SessionsAuthorised', 'authorised', (n: number) => `${n} sessions of authorised absence`],
  ['SessionsUnauthorised', 'unauthorised', (n: number) => `${n} sessions of unauthorised absence`],
] as const;

function totalsOf(marks: readonly SnapshotMark[]): Totals {
  const totals: Totals = { possible: 0, attended: 0, authorised: 0, unauthorised: 0, uncounted: 0 };
  for (const { date, session, mark } of marks) {
    if (mark.trim() === '') continue;
    const code = codeInForce(normaliseMark(mark, session), date);
    if (code === undefined) {
      totals.uncounted++;
      continue;
    }
    switch (code.counts) {
      case 'present':
      case 'approved-activity':
        totals.attended++;
        totals.possible++;
        break;
      case 'authorised':
        totals.authorised++;
        totals.possible++;
        break;
      case 'unauthorised':
        totals.unauthorised++;
        totals.possible++;
        break;
      case 'not-possible':
        break;
    }
  }
  return totals;
}

/** Characters that, on a Saturday or Sunday, mean there was no session: no mark is made for them. */
const NO_SESSION_ON_A_WEEKEND = new Set(['#', ' ', '-']);

export function readXmlExport(text: string, source: string, options: ReadOptions = {}): ExportResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineOf = lineIndex(body);

  // A DTD is refused before the parser sees the file: no entity can be declared, so none can expand.
  const dtd = body.search(/<!(DOCTYPE|ENTITY)/i);
  if (dtd !== -1) return { ok: false, shape: 'xml-other', problems: [problem(lineOf(dtd), null, DOCTYPE_REFUSAL)] };

  // Blank lines before the XML declaration are harmless, though XML forbids them: such a
  // declaration is blanked out (the text is already decoded), so every line and character the
  // parser reports is still where it is in the file.
  let xml = body;
  const lead = body.length - body.trimStart().length;
  if (lead > 0 && body.startsWith('<?xml', lead)) {
    const end = body.indexOf('?>', lead);
    if (end !== -1) xml = body.slice(0, lead) + body.slice(lead, end + 2).replace(/[^\n]/g, ' ') + body.slice(end + 2);
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return {
      ok: false,
      shape: 'xml-other',
      problems: [problem(line, null, `this XML file is damaged and cannot be read: ${msg.replace(/\.$/, '')} (line ${line}, character ${col})`)],
    };
  }
  const reference = undeclaredReference(body);
  if (reference !== null) {
    const written = body.slice(reference, Math.min(body.length, body.indexOf(';', reference) + 1 || reference + 12));
    return {
      ok: false,
      shape: 'xml-other',
      problems: [problem(lineOf(reference), null, `${quoted(written)} is not a character XML knows without a DTD (only &lt; &gt; &amp; &apos; &quot; and numeric references are): the file cannot be read safely`)],
    };
  }

  const document = parser.parse(xml) as XmlNode;
  // Two top-level elements of one name arrive as one name holding a list.
  const roots = children(document).flatMap((name) => (Array.isArray(document[name]) ? (document[name] as unknown[]).map(() => name) : [name]));
  const rootName = roots[0] ?? '';
  if (roots.length > 1) {
    return {
      ok: false,
      shape: 'xml-other',
      problems: [problem(null, null, `this XML file is damaged and cannot be read: it has ${roots.length} top-level elements (${roots.map((r) => `<${r}>`).join(', ')}) where XML allows one`)],
    };
  }
  if (rootName !== 'CTfile') {
    return {
      ok: false,
      shape: 'xml-other',
      problems: [problem(null, null, `this is an XML file, but not a Common Transfer File (its root element is <${rootName}>; a CTF's is <CTfile>)`)],
    };
  }
  const root = document[rootName] as XmlNode;
  const pupilNodes = allOf(root, 'CTFpupilData').flatMap((pupilData) => allOf(pupilData, 'Pupil'));
  if (pupilNodes.length === 0) {
    return { ok: false, shape: 'ctf', problems: [problem(null, 'CTFpupilData', 'this Common Transfer File has no pupils in it (no CTFpupilData/Pupil): there is nothing to check')] };
  }

  const problems: ExportProblem[] = [];
  const warnings: ExportProblem[] = [];
  const translator = markTranslator(options.schoolCodes);
  const pupils: SnapshotPupil[] = [];
  const firstPupilWithUpn = new Map<string, number>();
  const today = options.today;
  let markCount = 0;

  pupilNodes.forEach((pupilNode, p) => {
    options.onProgress?.(p / pupilNodes.length);
    const n = p + 1;
    const pupilStart = startOf(pupilNode);
    const pupilLine = pupilStart === undefined ? null : lineOf(pupilStart);
    const lineOfChild = (node: unknown) => {
      const start = startOf(node);
      return start === undefined ? pupilLine : lineOf(start);
    };
    const repeatedInPupil = repeatedElement(pupilNode, ['UPN', 'Surname', 'Forename', 'DOB']);
    if (repeatedInPupil !== null) {
      problems.push(problem(lineOfChild(pupilNode[repeatedInPupil.name]), `Pupil ${n}`, repeatedMessage(repeatedInPupil)));
      return;
    }
    const upn = (textOf(pupilNode['UPN']) ?? '').trim();
    if (upn === '') {
      problems.push(problem(pupilLine, `Pupil ${n}`, 'this pupil has no UPN, so Markwise cannot tell whose marks these are'));
      return;
    }
    const who = `Pupil ${n} (UPN ${upn})`;
    const earlier = firstPupilWithUpn.get(upn);
    if (earlier !== undefined) {
      problems.push(problem(pupilLine, who, `UPN ${upn} is also pupil ${earlier}'s: one pupil's marks must not be mixed with another's`));
      return;
    }
    firstPupilWithUpn.set(upn, n);
    const upnCheck = upnCheckProblem(upn);
    if (upnCheck !== null) warnings.push(problem(lineOfChild(pupilNode['UPN']), `${who} UPN`, upnCheck));

    const forename = (textOf(pupilNode['Forename']) ?? '').trim();
    const surname = (textOf(pupilNode['Surname']) ?? '').trim();
    const name = [forename, surname].filter((part) => part !== '').join(' ');

    let dob: IsoDate | null = null;
    const dobText = textOf(pupilNode['DOB']);
    if (dobText !== undefined && dobText.trim() !== '') {
      const written = dobText.trim();
      if (!isIsoDate(written)) {
        problems.push(problem(lineOfChild(pupilNode['DOB']), `${who} DOB`, `${quoted(written)} is not a date written as YYYY-MM-DD, as a CTF writes dates of birth`));
      } else {
        const future = dobProblem(written, written, today);
        if (future !== null) problems.push(problem(lineOfChild(pupilNode['DOB']), `${who} DOB`, future));
        else dob = written;
      }
    }

    const marks: SnapshotMark[] = [];
    /** Sessions already read for this pupil, as day number * 2 (+ 1 for PM). */
    const seen = new Set<number>();
    const years = allOf(pupilNode, 'Attendance').flatMap((attendance) => allOf(attendance, 'YearData'));
    years.forEach((yearNode, y) => {
      const repeatedInYear = repeatedElement(yearNode, ['Year', 'AttendSessions', ...TOTAL_FIELDS.map(([field]) => field)]);
      const sessionsNode = childNode(yearNode, 'AttendSessions');
      const twice = repeatedInYear ?? (sessionsNode === undefined ? null : repeatedElement(sessionsNode, ['AttendanceStartDate', 'AttendanceMarks']));
      if (twice !== null) {
        const where = repeatedInYear === null && sessionsNode !== undefined ? sessionsNode : yearNode;
        problems.push(problem(lineOfChild(where[twice.name]), `${who} YearData ${y + 1}`, repeatedMessage(twice)));
        return;
      }
      const sessions = sessionsNode;
      const startText = sessions === undefined ? undefined : textOf(sessions['AttendanceStartDate'])?.trim();
      const yearText = (textOf(yearNode['Year']) ?? '').trim();
      const label = yearText !== '' ? yearText : startText !== undefined && isIsoDate(startText) ? startText.slice(0, 4) : `${y + 1}`;
      const where = `${who} YearData ${label}`;
      const yearLine = lineOfChild(yearNode);
      const marksNode = sessions?.['AttendanceMarks'];
      const marksText = textOf(marksNode);
      if (sessions === undefined || marksText === undefined) {
        const hasTotals = TOTAL_FIELDS.some(([field]) => textOf(yearNode[field]) !== undefined);
        if (hasTotals) warnings.push(problem(yearLine, where, 'this year has attendance totals but no session marks, so there is nothing in it to check'));
        return;
      }
      const marksLine = lineOfChild(marksNode);
      if (startText === undefined || startText === '') {
        problems.push(problem(marksLine, `${where} AttendanceStartDate`, 'this year has session marks but no AttendanceStartDate, so the date of each mark is not known'));
        return;
      }
      const startLine = lineOfChild(sessions['AttendanceStartDate']);
      if (!isIsoDate(startText)) {
        problems.push(problem(startLine, `${where} AttendanceStartDate`, `${quoted(startText)} is not a date written as YYYY-MM-DD, so the date of each mark is not known`));
        return;
      }
      const startProblem = registerDateProblem(startText, startText, today);
      if (startProblem !== null) {
        problems.push(problem(startLine, `${where} AttendanceStartDate`, startProblem));
        return;
      }
      if (/[\r\n\t]/.test(marksText)) {
        problems.push(problem(marksLine, `${where} AttendanceMarks`, 'the marks have a line break or tab inside them, so Markwise cannot tell which session each character is for'));
        return;
      }
      const lastDate = addDays(startText, Math.max(0, Math.floor((marksText.length - 1) / 2)));
      const endProblem = registerDateProblem(lastDate, formatSchoolDate(lastDate), today);
      if (endProblem !== null) {
        problems.push(problem(marksLine, `${where} AttendanceMarks`, `the ${marksText.length} marks from ${formatSchoolDate(startText)} run to ${endProblem}`));
        return;
      }

      const yearMarks: SnapshotMark[] = [];
      let weekendMarks = 0;
      let firstWeekend: { date: IsoDate; session: Session; mark: string } | null = null;
      let repeated = 0;
      let firstRepeat: { date: IsoDate; session: Session } | null = null;
      const startDay = dayNumber(startText);
      let date = startText;
      let weekend = false;
      for (let k = 0; k < marksText.length; k++) {
        const character = marksText[k]!;
        const session: Session = k % 2 === 0 ? 'AM' : 'PM';
        if (session === 'AM') {
          const day = startDay + (k >> 1);
          date = dateOfDayNumber(day);
          const weekday = weekdayOfDayNumber(day);
          weekend = weekday === 0 || weekday === 6;
        }
        if (weekend && NO_SESSION_ON_A_WEEKEND.has(character)) continue;
        const mark = translator.mark(character === ' ' ? '' : character);
        if (weekend && mark !== '') {
          weekendMarks++;
          firstWeekend ??= { date, session, mark: character };
        }
        const key = (startDay + (k >> 1)) * 2 + (k & 1);
        if (seen.has(key)) {
          repeated++;
          firstRepeat ??= { date, session };
          continue;
        }
        seen.add(key);
        yearMarks.push({ date, session, mark, arrival: null });
      }
      if (firstRepeat !== null) {
        problems.push(
          problem(
            marksLine,
            `${where} AttendanceMarks`,
            `${duplicateSession(upn, firstRepeat.session, firstRepeat.date)} from another YearData${repeated === 2 ? ' (and 1 more session is given twice)' : repeated > 2 ? ` (and ${repeated - 1} more sessions are given twice)` : ''}`,
          ),
        );
      }
      if (firstWeekend !== null) {
        warnings.push(
          problem(
            marksLine,
            `${where} AttendanceMarks`,
            `${weekendMarks === 1 ? 'a mark falls' : `${weekendMarks} marks fall`} on a Saturday or Sunday (the first: ${quoted(firstWeekend.mark)} on ${formatSchoolDate(firstWeekend.date)} ${firstWeekend.session}). Markwise reads two marks for every day from the start date, weekends included: if this file leaves weekends out, the dates of its marks are wrong`,
          ),
        );
      }

      const counted = totalsOf(yearMarks);
      for (const [field, key, phrase] of TOTAL_FIELDS) {
        const written = textOf(yearNode[field])?.trim();
        if (written === undefined || written === '') continue;
        const fieldLine = lineOfChild(yearNode[field]);
        if (!/^\d+$/.test(written)) {
          warnings.push(problem(fieldLine, `${where} ${field}`, `${quoted(written)} is not a whole number of sessions, so it was not compared with the marks`));
          continue;
        }
        const said = Number(written);
        if (said !== counted[key]) {
          const unknown =
            counted.uncounted === 1
              ? ' (1 mark with a code Markwise does not know on its date was not counted)'
              : counted.uncounted > 1
                ? ` (${counted.uncounted} marks with codes Markwise does not know on their dates were not counted)`
                : '';
          warnings.push(problem(fieldLine, `${where} ${field}`, `the file says ${phrase(said)} but its marks give ${counted[key]}${unknown}`));
        }
      }
      marks.push(...yearMarks);
    });

    if (marks.length === 0) {
      warnings.push(problem(pupilLine, who, 'this pupil has no session marks in the file, so nothing is checked for them'));
    }
    // Years are usually written oldest first; sort only when they are not.
    const before = (a: SnapshotMark, b: SnapshotMark) => (a.date === b.date ? (a.session < b.session ? -1 : a.session > b.session ? 1 : 0) : a.date < b.date ? -1 : 1);
    if (marks.some((m, i) => i > 0 && before(marks[i - 1]!, m) > 0)) marks.sort(before);
    markCount += marks.length;
    pupils.push({ upn, name, dob, year: null, marks });
  });

  if (problems.length > 0) return { ok: false, shape: 'ctf', problems };
  if (markCount === 0) {
    return {
      ok: false,
      shape: 'ctf',
      problems: [problem(null, null, 'this Common Transfer File has no session marks (no Attendance/YearData/AttendSessions/AttendanceMarks): export it again with attendance sessions included')],
    };
  }
  options.onProgress?.(1);
  const snapshot: RegisterSnapshot = { role: 'office', source, pupils };
  return {
    ok: true,
    snapshot,
    warnings,
    details: { shape: 'ctf', lateness: 'none', translated: translator.translated(), dashBlanks: translator.dashBlanks() },
  };
}
