// Reading an attendance report: the summary every MIS exports, one row a pupil with the sessions
// possible and attended (or the absences, or a percentage). Each MIS names its columns its own
// way, so the columns are guessed from their headers and the guess can be changed before the
// import. Pure: it takes the text, so the options page and the tests read reports alike.
// All-or-nothing: one bad row and no figures are returned, with every problem's line.

import { csvRowsWithLines } from './csv-rows';
import { formatSchoolDate, type IsoDate } from './dates';
import { upnCheckProblem } from './upn';

export const REPORT_FIELDS = ['upn', 'pupilId', 'name', 'surname', 'forename', 'possible', 'attended', 'authorised', 'unauthorised', 'percentage'] as const;
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
  attended: 'Sessions attended',
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
  attended: ['attended', 'sessionsattended', 'present', 'presentsessions', 'attendedsessions', 'presentaea', 'presentandaea', 'presentincludingaea', 'attendance', 'sessionspresent', 'totalpresent', 'att'],
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
  readonly rows: readonly { readonly line: number; readonly fields: readonly string[] }[];
}

/** Splits the file into its header and rows. Rows of bare commas (as Excel leaves) are skipped. */
export function readReportTable(text: string): { ok: true; table: ReportTable } | { ok: false; problems: ReportProblem[] } {
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  if (body.trim() === '') return { ok: false, problems: [{ line: null, column: null, message: 'the file is empty' }] };
  const { rows, errors } = csvRowsWithLines(body);
  const problems: ReportProblem[] = errors.map((e) => ({ line: e.line, column: null, message: e.unclosed ? 'a quoted field is not closed' : `the quoting is malformed here (${e.detail})` }));
  const filled = rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header, ...data] = filled;
  if (header === undefined) return { ok: false, problems: [{ line: null, column: null, message: 'the file is empty (it holds only empty cells)' }] };
  if (problems.length > 0) return { ok: false, problems };
  if (data.length === 0) return { ok: false, problems: [{ line: header.line, column: null, message: 'the file has a header but no pupils below it' }] };
  return { ok: true, table: { header: header.fields.map((h) => h.trim()), headerLine: header.line, rows: data } };
}

/** What the mapping lacks, in words; empty when it can be imported. */
export function mappingProblems(mapping: ReportMapping, by: ReportKey = 'upn'): string[] {
  const problems: string[] = [];
  if (mapping[by] === undefined) problems.push(by === 'upn' ? "no column is the pupils' UPN" : "no column is the MIS's pupil id");
  if (mapping.name === undefined && mapping.surname === undefined) problems.push("no column is the pupils' name (a whole name, or a surname)");
  const sessions = mapping.possible !== undefined && (mapping.attended !== undefined || (mapping.authorised !== undefined && mapping.unauthorised !== undefined));
  if (!sessions && mapping.percentage === undefined) {
    problems.push('no columns give the attendance: sessions possible with sessions attended (or with authorised and unauthorised absences), or an attendance percentage');
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
  readonly attended: number | null;
  readonly authorised: number | null;
  readonly unauthorised: number | null;
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
    const attended = count('attended');
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
    if ([possible, attended, authorised, unauthorised, percentage].includes('bad')) continue;
    const n = (v: number | null | 'bad') => v as number | null;
    if (possible !== null && attended !== null && n(attended)! > n(possible)!) problem('attended', `${attended} sessions attended is more than the ${possible} possible`);
    if (possible !== null && authorised !== null && unauthorised !== null && n(authorised)! + n(unauthorised)! > n(possible)!) {
      problem('unauthorised', `${authorised} authorised and ${unauthorised} unauthorised absences are more than the ${possible} sessions possible`);
    }
    let attendance: number | null = null;
    if (possible !== null && n(possible)! > 0 && attended !== null) attendance = (n(attended)! * 100) / n(possible)!;
    else if (possible !== null && n(possible)! > 0 && authorised !== null && unauthorised !== null) attendance = ((n(possible)! - n(authorised)! - n(unauthorised)!) * 100) / n(possible)!;
    else if (percentage !== null) attendance = n(percentage);
    if (id === '') continue;
    // A UPN in the id column would be matched as an MIS id, to nobody: said before the import.
    if (by === 'pupilId' && /^[A-Z]\d{11}[0-9A-Z]$/i.test(id)) warnings.push({ line, column: columnName('pupilId'), message: `${id} looks like a UPN, not the MIS's own id: if this column holds UPNs, match pupils by UPN` });
    const check = upn === '' ? null : upnCheckProblem(upn);
    if (check !== null) warnings.push({ line, column: columnName('upn'), message: check });
    if (attendance !== null && typeof percentage === 'number' && percentage !== attendance && Math.abs(percentage - attendance) > PERCENT_TOLERANCE) {
      const counts = attended !== null ? `${attended} of ${possible} possible sessions attended` : `${possible} possible sessions less ${authorised} authorised and ${unauthorised} unauthorised absences`;
      warnings.push({
        line,
        column: columnName('percentage'),
        message: `says ${rawPercent} but ${counts} is ${attendance.toFixed(1)}%: Markwise uses the sessions; check the report`,
      });
    }
    if (attendance === null) {
      // No sessions yet (a pupil who joined this week), or a row the MIS left blank: no figure, not an error.
      const blank = [possible, attended, authorised, unauthorised, percentage].every((v) => v === null);
      if (possible === 0 || blank) noFigureYet.push({ line, id, name });
      else problem(mapping.percentage !== undefined ? 'percentage' : 'possible', 'has no figure: give the sessions possible and attended, or the percentage');
      continue;
    }
    figures.push({ upn: upn === '' ? null : upn, ...(by === 'pupilId' ? { pupilId: id } : {}), name, attendance, possible: n(possible), attended: n(attended), authorised: n(authorised), unauthorised: n(unauthorised) });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  return { ok: true, report: { figures, noFigureYet, warnings } };
}

/** "report.csv line 14, column Possible: ..." */
export function describeReportProblem(file: string, problem: ReportProblem): string {
  const where = [problem.line === null ? null : `line ${problem.line}`, problem.column === null ? null : `column ${problem.column}`].filter((p): p is string => p !== null);
  return `${file}${where.length > 0 ? ` ${where.join(', ')}` : ''}: ${problem.message}`;
}
