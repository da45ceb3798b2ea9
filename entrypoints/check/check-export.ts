// Checking a register export on the extension's own page: the same reading and rules as the
// command line, from the file's bytes to findings. No DOM and no browser API, so it runs in a
// worker (a year's export must not freeze the page) and in the unit tests alike.

import { schoolCalendarFor } from '../../rules/calendar/bank-holidays';
import type { IsoDate } from '../../rules/dates';
import { evaluateRegister, type CheckFailure } from '../../rules/engine';
import { decodeFileText, type FileEncoding } from '../../rules/file-text';
import type { Finding } from '../../rules/findings';
import type { PupilStanding } from '../../rules/checks/standing';
import { parsePolicy, type Policy, type Role } from '../../rules/policy/schema';
import { policyWarnings, type PolicyWarning } from '../../rules/policy/warnings';
import { packCards, pupilCardFromTimeline, type PackedCards, type PupilCardData } from '../../rules/pupil-card';
import { describeExportProblem, describeExportProblems, exportHeader, readRegisterExport, type ExportShape } from '../../rules/register-export';
import { shapeKey, type ColumnMapping } from '../../rules/exports/columns';
import type { ReadDetails } from '../../rules/exports/common';
import { readNotes } from '../../rules/exports/notes';

/** Larger than a year's export of a 2,000-pupil school (about 45 MB); more is refused before it is read. */
export const MAX_EXPORT_BYTES = 100 * 1024 * 1024;

export interface ExportCheckRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** The policy as stored (it is validated again here: what reaches a worker is only data). */
  readonly policyInput: unknown;
  readonly today: IsoDate;
  readonly role: Role;
  /** Which column is which, as the person said on the page; otherwise a remembered mapping for this file's shape, or the guess. */
  readonly columns?: ColumnMapping;
  /** The header's line, as the person said. */
  readonly headerLine?: number;
  /** Mappings chosen before, by file shape (storage's exportColumns). */
  readonly remembered?: Readonly<Record<string, ColumnMapping>>;
}

/** How a CSV was read, for the page to show and let the person change. */
export interface ColumnsUsed {
  readonly headerLine: number;
  readonly header: readonly string[];
  /** What was read by (on success) or guessed (when refused). */
  readonly columns: ColumnMapping;
  /** Where the mapping came from. */
  readonly from: 'guessed' | 'remembered' | 'chosen';
  /** A week grid's dates and sessions are its columns' headers: only the pupils' columns are chosen. */
  readonly grid: boolean;
}

export type ExportCheckProgress = { readonly stage: 'reading'; readonly fraction: number } | { readonly stage: 'checking'; readonly pupils: number; readonly marks: number };

export interface ExportChecked {
  readonly ok: true;
  readonly fileName: string;
  readonly encoding: FileEncoding;
  readonly marks: number;
  readonly policyId: string;
  readonly policyName: string;
  readonly policy: Policy;
  readonly today: IsoDate;
  readonly role: Role;
  readonly findings: readonly Finding[];
  readonly pupils: readonly PupilStanding[];
  readonly failures: readonly CheckFailure[];
  readonly warnings: readonly PolicyWarning[];
  /** What the reader noticed without refusing the file, with its line ("register.csv line 4, column upn: ..."). */
  readonly fileWarnings: readonly string[];
  /**
   * Each pupil's year as a picture, in the order of pupils, packed (unpackCard gives one back): the
   * outcome is copied from the worker to the page, and 1,500 cards as objects held the page's thread.
   */
  readonly cards: PackedCards;
  /** How the file was read, in words (the shape, the header, the columns, lateness, codes). */
  readonly notes: readonly string[];
  readonly details: ReadDetails;
  /** A CSV's header and columns, for the page to offer a change. */
  readonly columnsUsed: ColumnsUsed | null;
}

export interface ExportRefused {
  readonly ok: false;
  readonly fileName: string;
  /** One sentence: what happened. */
  readonly heading: string;
  /** Where and what, one line each. */
  readonly problems: readonly string[];
  /** What the file seemed to be, when known. */
  readonly shape?: ExportShape;
  /** A CSV whose columns could not all be found: its header and the guess, for the person to say which is which. */
  readonly columnsUsed?: ColumnsUsed;
}

export type ExportCheckOutcome = ExportChecked | ExportRefused;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

export function checkExport(request: ExportCheckRequest, onProgress: (progress: ExportCheckProgress) => void = () => {}): ExportCheckOutcome {
  const { fileName } = request;
  const refused = (heading: string, problems: readonly string[]): ExportRefused => ({ ok: false, fileName, heading, problems });
  if (request.bytes.length > MAX_EXPORT_BYTES) {
    return refused(`${fileName} is larger than the ${megabytes(MAX_EXPORT_BYTES)} Markwise checks at once (${megabytes(request.bytes.length)}), so nothing was checked`, [
      'Export the register a term or a year group at a time, and check each file.',
    ]);
  }
  const policy = parsePolicy(request.policyInput);
  if (!policy.ok) return refused('The policy could not be used, so nothing was checked', policy.problems.map((p) => `policy ${p.path}: ${p.message}`));

  const { text, encoding } = decodeFileText(request.bytes);
  onProgress({ stage: 'reading', fraction: 0 });
  // A mapping the person gave wins; then one remembered for files with this header; then the guess.
  const header = request.columns === undefined ? exportHeader(text, request.headerLine) : null;
  const remembered = header === null ? undefined : request.remembered?.[shapeKey(header.fields)];
  const columns = request.columns ?? remembered;
  const from: ColumnsUsed['from'] = request.columns !== undefined ? 'chosen' : remembered !== undefined ? 'remembered' : 'guessed';
  const { schoolCodes } = policy.policy;
  const read = readRegisterExport(text, fileName, {
    today: request.today,
    onProgress: (fraction) => onProgress({ stage: 'reading', fraction }),
    schoolCodes,
    ...(columns === undefined ? {} : { columns }),
    ...(request.headerLine === undefined ? {} : { headerLine: request.headerLine }),
  });
  if (!read.ok) {
    const outcome = refused(
      read.shape === 'attendance-summary' || read.shape === 'xml-other' ? `${fileName} is not a register export Markwise can check` : `${fileName} could not be read, so nothing was checked`,
      describeExportProblems(fileName, read.problems),
    );
    return {
      ...outcome,
      ...(read.shape === undefined ? {} : { shape: read.shape }),
      ...(read.header === undefined ? {} : { columnsUsed: { headerLine: read.header.line, header: read.header.fields, columns: read.guess ?? {}, from, grid: read.shape === 'register-wide' } }),
    };
  }
  const { details } = read;

  const marks = read.snapshot.pupils.reduce((n, p) => n + p.marks.length, 0);
  onProgress({ stage: 'checking', pupils: read.snapshot.pupils.length, marks });
  const calendar = schoolCalendarFor(policy.policy.calendar);
  // Each card is drawn from the timeline the engine has already read, as the standings count.
  const cards: PupilCardData[] = [];
  const evaluation = evaluateRegister(read.snapshot, {
    policy: policy.policy,
    calendar,
    today: request.today,
    role: request.role,
    eachTimeline: (timeline) => cards.push(pupilCardFromTimeline(timeline, request.today, { calendar })),
  });
  return {
    ok: true,
    fileName,
    encoding,
    marks,
    policyId: policy.policy.id,
    policyName: policy.policy.schoolName,
    policy: policy.policy,
    today: request.today,
    role: request.role,
    findings: evaluation.findings,
    pupils: evaluation.pupils,
    failures: evaluation.failures,
    warnings: policyWarnings(policy.policy, calendar, request.today),
    fileWarnings: read.warnings.map((w) => describeExportProblem(fileName, w)),
    // Counted as the standings count them, so the card and the export's year-to-date figure agree.
    cards: packCards(cards),
    notes: readNotes(details, policy.policy),
    details,
    columnsUsed:
      details.headerLine !== undefined && details.header !== undefined && details.columns !== undefined
        ? { headerLine: details.headerLine, header: details.header, columns: details.columns, from, grid: details.shape === 'register-wide' }
        : null,
  };
}
