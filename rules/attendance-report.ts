// Reading an attendance report: the summary every MIS exports, one row a pupil with the sessions
// possible and attended (or present and AEA, or the absences, or a percentage). Each MIS names its
// columns its own way, so the columns are guessed from their headers and the guess can be changed
// before the import; title rows above the header (report name, school, date range) are skipped.
// Pure: it takes the text, so the options page and the tests read reports alike.
// All-or-nothing: one bad row and no figures are returned, with every problem's line.
//
// Present is not attended. The DfE counts a session of approved educational activity (AEA: off-site
// lessons, sport, trips, work experience, codes such as B, J, P, V, W) as attended, not absent, so
// sessions attended = present + AEA ("Present + AEA" on SIMS's Edit Marks screen). MIS summaries
// (SIMS: Possible, Present, AEA, Authorised, Unauthorised, % Attendance; Arbor: possible sessions,
// present, approved educational activity, ...) give Present and AEA as columns of their own, so a
// bare Present column is read as `present`, never as `attended` (reference/mis-exports.md).

import { csvRowsWithLines, type CsvRow } from './csv-rows';
import { formatSchoolDate, type IsoDate } from './dates';
import { findHeaderRow, guessColumns } from './exports/columns';
import { upnCheckProblem } from './upn';

export const REPORT_FIELDS = ['upn', 'pupilId', 'name', 'surname', 'forename', 'possible', 'present', 'aea', 'attended', 'authorised', 'unauthorised', 'percentage'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/** The column each field is read from (its index in the header), where there is one. */
export type ReportMapping = Partial<Record<ReportField, number>>;

export const REPORT_FIELD_LABELS: Readonly<Record<ReportField, string>> = {
  upn: 'UPN',
  pupilId: "MIS's pupil id",
  name: 'Name (whole)',
  surname: 'Surname',
  forename: 'Forename',
  possible: 'Sessions possible',
  present: 'Present (without AEA)',
  aea: 'Approved educational activity (AEA)',
  attended: 'Sessions attended (Present + AEA)',
  authorised: 'Authorised absences',
  unauthorised: 'Unauthorised absences',
  percentage: 'Attendance %',
};

/**
 * Header spellings seen in MIS reports, written as normalise() leaves them (lower case, letters,
 * digits and % only). The first field whose list has the header wins.
 */
const SPELLINGS: Readonly<Record<ReportField, readonly string[]>> = {
  upn: ['upn', 'uniquepupilnumber', 'pupilupn', 'studentupn', 'upnnumber'],
  pupilId: ['pupilid', 'studentid', 'misid', 'id', 'personid', 'adno', 'admissionno', 'admissionnumber'],
  name: ['name', 'pupilname', 'studentname', 'pupil', 'student', 'fullname', 'legalname', 'preferredname', 'learnername', 'childname', 'chosenname'],
  surname: ['surname', 'legalsurname', 'lastname', 'familyname', 'preferredsurname'],
  forename: ['forename', 'legalforename', 'firstname', 'givenname', 'preferredforename', 'forenames', 'chosenforename'],
  possible: ['possible', 'possiblesessions', 'sessionspossible', 'poss', 'possiblemarks', 'totalpossible', 'possiblesess', 'sessionspossibleytd', 'possibleattendance'],
  // Present alone: never attended (see the top of this file).
  present: ['present', 'presentsessions', 'sessionspresent', 'totalpresent', 'presentmarks', 'sessionspresentexclaea', 'presentexclaea', 'presentexcludingaea'],
  aea: ['aea', 'approvededucationalactivity', 'approvededucationalactivities', 'educationalactivity', 'approvedactivity', 'aeasessions', 'sessionsaea', 'approvededucationalactivitysessions', 'approvededucationalactivityaea'],
  // "Present + AEA", "Present and AEA", "Present & AEA" all leave 'presentaea' or 'presentandaea'.
  attended: ['attended', 'sessionsattended', 'attendedsessions', 'presentaea', 'presentandaea', 'presentplusaea', 'presentincludingaea', 'presentinclaea', 'attendance', 'totalattended', 'att'],
  authorised: ['authorised', 'authorisedabsence', 'authorisedabsences', 'authabs', 'authabsence', 'aa', 'authorisedsessions', 'authorizedabsence', 'authorizedabsences'],
  unauthorised: ['unauthorised', 'unauthorisedabsence', 'unauthorisedabsences', 'unauthabs', 'unauthabsence', 'ua', 'unauthorisedsessions', 'unauthorizedabsence', 'unauthorizedabsences'],
  percentage: ['%', 'attendance%', '%attendance', 'attendancepercent', 'attendancepercentage', 'percentage', 'percent', 'att%', '%att', 'attendancerate', 'ytd%', '%present', 'present%', 'overall%', 'attendanceytd%'],
};

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9%]/g, '');
}

/** The mapping the headers suggest; a column is given to one field at most. */
export function guessMapping(header: readonly string[]): ReportMapping {
  const mapping: ReportMapping = {};
  const taken = new Set<number>();
  for (const field of REPORT_FIELDS) {
    const index = header.findIndex((h, i) => !taken.has(i) && SPELLINGS[field].includes(normaliseHeader(h)));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

export interface ReportProblem {
  /** The line in the file (the header is line 1); null for the file or the mapping as a whole. */
  readonly line: number | null;
  /** The column's header as the file names it. */
  readonly column: string | null;
  readonly message: string;
}

export interface ReportTable {
  readonly header: readonly string[];
  /** The header's line; the rows below it, each with its line. */
  readonly headerLine: number;
  /** Lines above the header skipped as the report's title (lines 1 to this), or 0 when there was nothing above it but blank lines. */
  readonly titleLines: number;
  readonly rows: readonly { readonly line: number; readonly fields: readonly string[] }[];
}

/** Files that are not attendance summaries, which the check-an-export page reads instead. */
export type NotASummary = 'xml' | 'register-long' | 'register-wide';

export const NOT_A_SUMMARY: Readonly<Record<NotASummary, string>> = {
  xml: 'this is an XML file: a Common Transfer File is checked on the check-an-export page',
  'register-long': 'this looks like a register export (one row a pupil and session): check it on the check-an-export page',
  'register-wide': 'this looks like a week grid of marks: check it on the check-an-export page',
};

export interface ReadTableOptions {
  /** The header's line, as a person said (the first line is 1); otherwise found below any title rows. */
  readonly headerLine?: number;
}

/** How header-like a row is: how many of its cells name a report field. A report's title row scores 0 or 1. */
export function reportHeaderScore(fields: readonly string[]): number {
  return Object.keys(guessMapping(fields)).length;
}

/**
 * Whether a header is an attendance summary's (one row a pupil): something that names the pupil
 * and figures for the whole period (a percentage, or sessions possible with attended, present,
 * AEA or absences), and no date and session columns (a register export's, one row a pupil and
 * session). The register-export reader uses it to send a summary here.
 */
export function looksLikeAttendanceSummary(header: readonly string[]): boolean {
  const m = guessMapping(header);
  const who = m.upn !== undefined || m.pupilId !== undefined || m.name !== undefined || m.surname !== undefined;
  const figures = m.percentage !== undefined || (m.possible !== undefined && [m.attended, m.present, m.aea, m.authorised, m.unauthorised].some((i) => i !== undefined));
  const register = guessColumns(header, ['date', 'session']);
  return who && figures && !(register.date !== undefined && register.session !== undefined);
}

/** A week grid's session column: "AM" or "PM" alone, or after its date ("Mon 17/11/2025 AM"). */
const SESSION_CELL = /^(am|pm)$|\d.*\b(am|pm)$/i;
/** A date over a week grid's column: 17/11/2025, 2025-11-17, Mon 17 Nov. */
const DATE_CELL = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+\d{1,2}\b/i;

/**
 * What a file that is not a summary looks like, from the rows down to the one below its header
 * (a week grid's AM/PM row sits under its row of dates): a register export has date and session
 * (or mark) columns; a week grid has a column a session: two or more headed AM or PM, or three or
 * more headed by dates (a report's title gives at most two dates, its "from" and "to").
 */
function registerShape(rows: readonly CsvRow[], through: number): { shape: NotASummary; line: number } | null {
  const looked = rows.slice(0, through + 1).filter((r) => r.fields.some((f) => f.trim() !== ''));
  for (const { fields, line } of looked) {
    const c = guessColumns(fields, ['date', 'session', 'mark']);
    if (c.date !== undefined && (c.session !== undefined || c.mark !== undefined)) return { shape: 'register-long', line };
  }
  for (const { fields, line } of looked) {
    const cells = fields.map((f) => f.trim());
    if (cells.filter((f) => SESSION_CELL.test(f)).length >= 2 || cells.filter((f) => DATE_CELL.test(f)).length >= 3) return { shape: 'register-wide', line };
  }
  return null;
}

type TableRead = { ok: true; table: ReportTable } | { ok: false; problems: ReportProblem[]; shape?: NotASummary };

/**
 * Splits the file into its header and rows. The header is the row most like one within the first
 * 30 (so title rows above it are skipped), or the line a person gave. Rows of bare commas (as
 * Excel leaves) are skipped. A file that is not a summary (XML, a register export, a week grid)
 * is refused with what it looks like, for the page to send it to the check-an-export page.
 */
export function readReportTable(text: string, options: ReadTableOptions = {}): TableRead {
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  if (body.trim() === '') return { ok: false, problems: [{ line: null, column: null, message: 'the file is empty' }] };
  if (body.trimStart().startsWith('<')) return { ok: false, shape: 'xml', problems: [{ line: null, column: null, message: NOT_A_SUMMARY.xml }] };
  const { rows, errors } = csvRowsWithLines(body);
  const problems: ReportProblem[] = errors.map((e) => ({ line: e.line, column: null, message: e.unclosed ? 'a quoted field is not closed' : `the quoting is malformed here (${e.detail})` }));
  const blank = (r: CsvRow) => r.fields.every((f) => f.trim() === '');
  if (rows.every(blank)) return { ok: false, problems: [{ line: null, column: null, message: 'the file is empty (it holds only empty cells)' }] };
  if (problems.length > 0) return { ok: false, problems };

  let at: number;
  if (options.headerLine !== undefined) {
    const n = options.headerLine;
    const last = body.replace(/\s+$/, '').split('\n').length;
    at = rows.findIndex((r) => r.line === n);
    if (!Number.isInteger(n) || n < 1 || n > last) return { ok: false, problems: [{ line: null, column: null, message: `the header cannot be on line ${n}: the file's lines are 1 to ${last}` }] };
    if (at < 0) return { ok: false, problems: [{ line: n, column: null, message: 'is inside a quoted field of the row above it, so it cannot be the header' }] };
    if (blank(rows[at]!)) return { ok: false, problems: [{ line: n, column: null, message: 'is blank, so it cannot be the header (the header is the row of column names)' }] };
  } else {
    // No row names two fields: the first row that holds anything, as before title rows were looked for.
    at = findHeaderRow(rows, reportHeaderScore) ?? rows.findIndex((r) => !blank(r));
  }
  const header = rows[at]!;
  const fields = header.fields.map((h) => h.trim());
  if (!looksLikeAttendanceSummary(fields)) {
    const found = registerShape(rows, at + 1);
    // A two-row grid's AM/PM row is under its header: the header's line is where the grid starts.
    if (found !== null) {
      const line = found.shape === 'register-wide' ? Math.min(found.line, header.line) : found.line;
      return { ok: false, shape: found.shape, problems: [{ line, column: null, message: NOT_A_SUMMARY[found.shape] }] };
    }
  }
  const data = rows.slice(at + 1).filter((r) => !blank(r));
  if (data.length === 0) return { ok: false, problems: [{ line: header.line, column: null, message: 'the file has a header but no pupils below it' }] };
  const titleLines = rows.slice(0, at).some((r) => !blank(r)) ? header.line - 1 : 0;
  return { ok: true, table: { header: fields, headerLine: header.line, titleLines, rows: data } };
}

/** What the mapping lacks, in words; empty when it can be imported. */
export function mappingProblems(mapping: ReportMapping, by: ReportKey = 'upn'): string[] {
  const problems: string[] = [];
  if (mapping[by] === undefined) problems.push(by === 'upn' ? "no column is the pupils' UPN" : "no column is the MIS's pupil id");
  if (mapping.name === undefined && mapping.surname === undefined) problems.push("no column is the pupils' name (a whole name, or a surname)");
  const sessions = mapping.possible !== undefined && (mapping.attended !== undefined || mapping.present !== undefined || (mapping.authorised !== undefined && mapping.unauthorised !== undefined));
  if (!sessions && mapping.percentage === undefined) {
    problems.push('no columns give the attendance: sessions possible with sessions attended (or present and AEA, or authorised and unauthorised absences), or an attendance percentage');
  }
  if (mapping.aea !== undefined && mapping.present === undefined && mapping.attended === undefined) {
    problems.push('the AEA column is chosen but no Present column: attended is Present + AEA, so choose the Present column too (or none for AEA)');
  }
  return problems;
}

/** How a report's rows are matched to pupils: by UPN, or by the MIS's own id (for one site). */
export type ReportKey = 'upn' | 'pupilId';

export interface ReportFigure {
  /** Null when matched by the MIS's id and the report has no UPN column (or none on the row). */
  readonly upn: string | null;
  /** The MIS's own id, when the report is matched by it. */
  readonly pupilId?: string;
  readonly name: string;
  /** Per cent, unrounded. */
  readonly attendance: number;
  readonly possible: number | null;
  /** Sessions attended: the report's own, or present + AEA. */
  readonly attended: number | null;
  readonly authorised: number | null;
  readonly unauthorised: number | null;
  /** Present and AEA, when the report has those columns: attended is their sum. */
  readonly present?: number | null;
  readonly aea?: number | null;
}

/** The sessions behind a figure, as the preview shows them: "150 present + 10 AEA of 190". */
export function describeSessions(f: ReportFigure): string {
  const n = (v: number) => v.toLocaleString('en-GB');
  if (f.possible === null) return '';
  if (f.present != null && f.aea != null) return `${n(f.present)} present + ${n(f.aea)} AEA of ${n(f.possible)}`;
  if (f.attended !== null) return f.present != null && f.present === f.attended ? `${n(f.attended)} present of ${n(f.possible)}` : `${n(f.attended)} of ${n(f.possible)}`;
  if (f.authorised !== null && f.unauthorised !== null) return `${n(f.possible)} less ${n(f.authorised)} authorised and ${n(f.unauthorised)} unauthorised absences`;
  return `${n(f.possible)} possible`;
}

export interface ReadReport {
  readonly figures: readonly ReportFigure[];
  /** Pupils with no possible sessions and no percentage yet (joined this week): no figure, and not an error. */
  readonly noFigureYet: readonly { readonly line: number; readonly id: string; readonly name: string }[];
  /** Worth a look, but not stopping the import: a UPN failing its check letter, a percentage that disagrees with the row's sessions. */
  readonly warnings: readonly ReportProblem[];
}

/** A percentage column may round or cut to one decimal place: more than this apart is a disagreement. */
const PERCENT_TOLERANCE = 0.1 + 1e-9;

/**
 * Reads every row by the mapping. The as-of date is the day the figures describe: a date after
 * today is refused (a report cannot describe days not yet happened).
 */
export function readReport(table: ReportTable, mapping: ReportMapping, asOf: IsoDate, today: IsoDate, by: ReportKey = 'upn'): { ok: true; report: ReadReport } | { ok: false; problems: ReportProblem[] } {
  const unmapped = mappingProblems(mapping, by);
  if (unmapped.length > 0) return { ok: false, problems: unmapped.map((message) => ({ line: null, column: null, message })) };
  if (asOf > today) return { ok: false, problems: [{ line: null, column: null, message: `the figures cannot be as of ${formatSchoolDate(asOf)}, after today (${formatSchoolDate(today)})` }] };

  const problems: ReportProblem[] = [];
  const warnings: ReportProblem[] = [];
  const figures: ReportFigure[] = [];
  const noFigureYet: { line: number; id: string; name: string }[] = [];
  const firstLine = new Map<string, number>();
  const columnName = (field: ReportField) => table.header[mapping[field]!] || REPORT_FIELD_LABELS[field];
  // A Present column with no AEA column (and no attended one): Present leaves out approved
  // educational activity, which the DfE counts as attended. With the absences beside it, attendance
  // is sessions possible less absences, the DfE's own measure, in which AEA is not absence; with
  // none, Present is all there is: it is used, and said once, as the figure is low for any pupil
  // who had AEA (the report's own % column, if it has one, then shows the difference row by row).
  // No source says whether a bare Present ever includes AEA; SIMS and Arbor summaries list AEA
  // beside it, so it is read as not including it. Possible less absences also counts a session
  // left with no mark as attended: the SIMS Edit Marks screen's "Unrecorded", which a school
  // clears before it reports; the report's own % column is the check on both.
  if (mapping.present !== undefined && mapping.aea === undefined && mapping.attended === undefined) {
    const withAbsences = mapping.authorised !== undefined && mapping.unauthorised !== undefined;
    warnings.push({
      line: null,
      column: columnName('present'),
      message: withAbsences
        ? 'the report has no AEA (approved educational activity) column, and Present leaves AEA out: attendance is worked out as the DfE does, from the sessions possible less the authorised and unauthorised absences'
        : 'the report has no AEA (approved educational activity) column, so Present is taken as the sessions attended: for a pupil who had AEA (off-site lessons, sport, trips, work experience) the figure is too low. If the MIS can add an AEA or a Present + AEA column to the report, export it again with that column',
    });
  }
  for (const { line, fields } of table.rows) {
    const problem = (field: ReportField | null, message: string) => problems.push({ line, column: field === null ? null : columnName(field), message });
    if (fields.length !== table.header.length) {
      problem(null, `the row has ${fields.length} fields but the header has ${table.header.length} (a name with a comma must be in double quotes)`);
      continue;
    }
    const cell = (field: ReportField) => (mapping[field] === undefined ? '' : fields[mapping[field]!]!.trim());
    const upn = cell('upn').toUpperCase();
    const id = by === 'upn' ? upn : cell('pupilId');
    if (id === '') problem(by, by === 'upn' ? "is empty (every pupil needs a UPN, to match the pupil on the MIS's pages)" : "is empty (every pupil needs the MIS's id, to match the pupil on that site's pages)");
    const earlier = firstLine.get(id);
    if (id !== '' && earlier !== undefined) problem(by, `${id} is also on line ${earlier}: each pupil once`);
    else if (id !== '') firstLine.set(id, line);
    const name = mapping.name !== undefined ? cell('name') : [cell('forename'), cell('surname')].filter((p) => p !== '').join(' ');

    const count = (field: ReportField): number | null | 'bad' => {
      if (mapping[field] === undefined) return null;
      const raw = cell(field);
      if (raw === '') return null;
      if (!/^\d+(\.\d+)?$/.test(raw)) {
        problem(field, `'${raw}' is not a number of sessions`);
        return 'bad';
      }
      return Number(raw);
    };
    const possible = count('possible');
    const attendedColumn = count('attended');
    const present = count('present');
    const aeaRaw = count('aea');
    const authorised = count('authorised');
    const unauthorised = count('unauthorised');
    let percentage: number | null | 'bad' = null;
    const rawPercent = cell('percentage');
    if (mapping.percentage !== undefined && rawPercent !== '') {
      const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(rawPercent);
      if (m === null) {
        problem('percentage', `'${rawPercent}' is not a percentage`);
        percentage = 'bad';
      } else if (Number(m[1]) > 100) {
        problem('percentage', `${rawPercent} is over 100%`);
        percentage = 'bad';
      } else percentage = Number(m[1]);
    }
    if ([possible, attendedColumn, present, aeaRaw, authorised, unauthorised, percentage].includes('bad')) continue;
    const n = (v: number | null | 'bad') => v as number | null;
    // A blank AEA cell beside a Present figure is none: summaries leave a count of nothing blank. The preview shows "+ 0 AEA".
    const aea = mapping.aea !== undefined && present !== null && aeaRaw === null ? 0 : n(aeaRaw);
    // Sessions attended, by the DfE method: the report's own attended (or Present + AEA) column;
    // else Present + AEA; else, with no AEA column, the absences if the report has them (the
    // DfE's own measure, in which AEA is not absence), and only then Present alone (warned about above).
    const sum = present !== null && aea !== null ? n(present)! + aea : null;
    let attended: number | null = n(attendedColumn);
    let from: 'attended' | 'present+aea' | 'present' | null = attended !== null ? 'attended' : null;
    if (attended === null && sum !== null) {
      attended = sum;
      from = 'present+aea';
    } else if (attended === null && present !== null && mapping.aea === undefined && !(authorised !== null && unauthorised !== null)) {
      attended = n(present);
      from = 'present';
    }
    if (possible !== null && attended !== null && attended > n(possible)!) {
      if (from === 'present+aea') problem('aea', `${present} present and ${aea} AEA sessions (${attended} attended) are more than the ${possible} possible`);
      else problem(from === 'present' ? 'present' : 'attended', `${attended} sessions ${from === 'present' ? 'present' : 'attended'} is more than the ${possible} possible`);
    }
    if (possible !== null && authorised !== null && unauthorised !== null && n(authorised)! + n(unauthorised)! > n(possible)!) {
      problem('unauthorised', `${authorised} authorised and ${unauthorised} unauthorised absences are more than the ${possible} sessions possible`);
    }
    let attendance: number | null = null;
    if (possible !== null && n(possible)! > 0 && attended !== null) attendance = (attended * 100) / n(possible)!;
    else if (possible !== null && n(possible)! > 0 && authorised !== null && unauthorised !== null) attendance = ((n(possible)! - n(authorised)! - n(unauthorised)!) * 100) / n(possible)!;
    else if (percentage !== null) attendance = n(percentage);
    if (id === '') continue;
    // A UPN in the id column would be matched as an MIS id, to nobody: said before the import.
    if (by === 'pupilId' && /^[A-Z]\d{11}[0-9A-Z]$/i.test(id)) warnings.push({ line, column: columnName('pupilId'), message: `${id} looks like a UPN, not the MIS's own id: if this column holds UPNs, match pupils by UPN` });
    const check = upn === '' ? null : upnCheckProblem(upn);
    if (check !== null) warnings.push({ line, column: columnName('upn'), message: check });
    if (from === 'attended' && sum !== null && sum !== attended) {
      warnings.push({ line, column: columnName('attended'), message: `says ${attended} attended but ${present} present + ${aea} AEA is ${sum}: Markwise uses ${attended}; check the report` });
    }
    if (attendance !== null && typeof percentage === 'number' && percentage !== attendance && Math.abs(percentage - attendance) > PERCENT_TOLERANCE) {
      const counts =
        from === 'present+aea'
          ? `${present} present + ${aea} AEA = ${attended} of ${possible} possible sessions attended`
          : from === 'present'
            ? `${attended} of ${possible} possible sessions present (with no AEA column)`
            : attended !== null
              ? `${attended} of ${possible} possible sessions attended`
              : `${possible} possible sessions less ${authorised} authorised and ${unauthorised} unauthorised absences`;
      warnings.push({
        line,
        column: columnName('percentage'),
        message: `says ${rawPercent} but ${counts} is ${attendance.toFixed(1)}%: Markwise uses the sessions; check the report`,
      });
    }
    if (attendance === null) {
      // No sessions yet (a pupil who joined this week), or a row the MIS left blank: no figure, not an error.
      const blankRow = [possible, attendedColumn, present, aeaRaw, authorised, unauthorised, percentage].every((v) => v === null);
      if (possible === 0 || blankRow) noFigureYet.push({ line, id, name });
      else problem(mapping.percentage !== undefined ? 'percentage' : 'possible', 'has no figure: give the sessions possible and attended, or the percentage');
      continue;
    }
    const presentAea = mapping.present !== undefined || mapping.aea !== undefined ? { present: n(present), aea: mapping.aea !== undefined ? aea : null } : {};
    figures.push({ upn: upn === '' ? null : upn, ...(by === 'pupilId' ? { pupilId: id } : {}), name, attendance, possible: n(possible), attended, authorised: n(authorised), unauthorised: n(unauthorised), ...presentAea });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  return { ok: true, report: { figures, noFigureYet, warnings } };
}

/** "report.csv line 14, column Possible: ..." */
export function describeReportProblem(file: string, problem: ReportProblem): string {
  const where = [problem.line === null ? null : `line ${problem.line}`, problem.column === null ? null : `column ${problem.column}`].filter((p): p is string => p !== null);
  return `${file}${where.length > 0 ? ` ${where.join(', ')}` : ''}: ${problem.message}`;
}
