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
import { pupilCard, type PupilCardData } from '../../rules/pupil-card';
import { describeExportProblem, describeExportProblems, readRegisterExport } from '../../rules/register-export';

/** Larger than a year's export of a 2,000-pupil school (about 45 MB); more is refused before it is read. */
export const MAX_EXPORT_BYTES = 100 * 1024 * 1024;

export interface ExportCheckRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** The policy as stored (it is validated again here: what reaches a worker is only data). */
  readonly policyInput: unknown;
  readonly today: IsoDate;
  readonly role: Role;
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
  /** Each pupil's year as a picture, in the order of pupils. */
  readonly cards: readonly PupilCardData[];
}

export interface ExportRefused {
  readonly ok: false;
  readonly fileName: string;
  /** One sentence: what happened. */
  readonly heading: string;
  /** Where and what, one line each. */
  readonly problems: readonly string[];
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
  const read = readRegisterExport(text, fileName, { today: request.today, onProgress: (fraction) => onProgress({ stage: 'reading', fraction }) });
  if (!read.ok) return refused(`${fileName} could not be read, so nothing was checked`, describeExportProblems(fileName, read.problems));

  const marks = read.snapshot.pupils.reduce((n, p) => n + p.marks.length, 0);
  onProgress({ stage: 'checking', pupils: read.snapshot.pupils.length, marks });
  const calendar = schoolCalendarFor(policy.policy.calendar);
  const evaluation = evaluateRegister(read.snapshot, { policy: policy.policy, calendar, today: request.today, role: request.role });
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
    cards: read.snapshot.pupils.map((p) => pupilCard(p, request.today, { calendar })),
  };
}
