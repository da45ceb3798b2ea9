// The DfE attendance codes: the set in force from 19 August 2024 (SI 2024/208)
// and the set before it (the 2006 regulations), with how each counts.
// Source for every row: shared/reference/attendance-codes.md.

import type { IsoDate } from './dates';

/** How a mark counts in attendance statistics (DfE method). */
export type CountsAs =
  | 'present' // counts as attendance
  | 'approved-activity' // approved educational activity: counts as attendance
  | 'authorised' // authorised absence: a possible session
  | 'unauthorised' // unauthorised absence: a possible session
  | 'not-possible'; // left out of possible sessions

export type CodeSetId = 'dfe-2006' | 'dfe-2024';

export interface AttendanceCode {
  readonly code: string;
  readonly meaning: string;
  /** The heading the DfE lists the code under. */
  readonly group: string;
  readonly counts: CountsAs;
  readonly set: CodeSetId;
  /** First day in force, inclusive. */
  readonly from: IsoDate;
  /** First day no longer in force (exclusive); null while in force. */
  readonly until: IsoDate | null;
}

/** The day SI 2024/208 came into force and the 2024 code set replaced the 2006 one. */
export const CODE_SET_2024_FROM: IsoDate = '2024-08-19';
/** F (extended family holiday) was withdrawn by the 2013 amendment regulations. */
const F_WITHDRAWN_FROM: IsoDate = '2013-09-01';
/** The 2006 regulations came into force on 1 September 2006. */
const CODE_SET_2006_FROM: IsoDate = '2006-09-01';

type Row = readonly [code: string, meaning: string, group: string, counts: CountsAs];

const ROWS_2024: readonly Row[] = [
  ['/', 'Present at registration (morning session)', 'Present', 'present'],
  ['\\', 'Present at registration (afternoon session)', 'Present', 'present'],
  ['L', 'Late: arrived before the register closed', 'Present', 'present'],
  ['K', 'Attending education provision arranged by the local authority', 'Attending a place other than the school', 'approved-activity'],
  ['V', 'Attending an educational visit or trip', 'Attending a place other than the school', 'approved-activity'],
  ['P', 'Participating in a sporting activity', 'Attending a place other than the school', 'approved-activity'],
  ['W', 'Attending work experience', 'Attending a place other than the school', 'approved-activity'],
  ['B', 'Attending any other approved educational activity', 'Attending a place other than the school', 'approved-activity'],
  ['D', 'Dual registered: attending the other school', 'Attending a place other than the school', 'not-possible'],
  ['C1', 'Leave of absence: regulated performance or regulated employment abroad', 'Leave of absence', 'authorised'],
  ['M', 'Leave of absence: medical or dental appointment', 'Leave of absence', 'authorised'],
  ['J1', 'Leave of absence: interview for employment or another school or college', 'Leave of absence', 'authorised'],
  ['S', 'Leave of absence: study leave', 'Leave of absence', 'authorised'],
  ['X', 'Not of compulsory school age and not required to attend', 'Leave of absence', 'not-possible'],
  ['C2', 'Leave of absence: part-time timetable (compulsory school age)', 'Leave of absence', 'authorised'],
  ['C', 'Leave of absence for exceptional circumstances', 'Leave of absence', 'authorised'],
  ['T', 'Parent travelling for occupational purposes', 'Other authorised absence', 'authorised'],
  ['R', 'Religious observance', 'Other authorised absence', 'authorised'],
  ['I', 'Illness (not a medical or dental appointment)', 'Other authorised absence', 'authorised'],
  ['E', 'Suspended or permanently excluded, no alternative provision made', 'Other authorised absence', 'authorised'],
  ['Q', 'Unable to attend: lack of access arrangements', 'Unable to attend due to exceptional circumstances', 'not-possible'],
  ['Y1', 'Unable to attend: transport normally provided not available', 'Unable to attend due to exceptional circumstances', 'not-possible'],
  ['Y2', 'Unable to attend: widespread disruption to travel', 'Unable to attend due to exceptional circumstances', 'not-possible'],
  ['Y3', 'Unable to attend: part of the school premises closed', 'Unable to attend due to exceptional circumstances', 'not-possible'],
  ['Y4', 'Unable to attend: whole school site unexpectedly closed', 'Unable to attend due to exceptional circumstances', 'not-possible'],
  ['Y5', 'Unable to attend: criminal justice detention', 'Unable to attend due to exceptional circumstances', 'not-possible'],
  ['Y6', 'Unable to attend: public health guidance or law', 'Unable to attend due to exceptional circumstances', 'not-possible'],
  ['Y7', 'Unable to attend: any other unavoidable cause', 'Unable to attend due to exceptional circumstances', 'not-possible'],
  ['G', 'Holiday not granted by the school', 'Unauthorised absence', 'unauthorised'],
  ['N', 'Reason for absence not yet established', 'Unauthorised absence', 'unauthorised'],
  ['O', 'Absent in other or unknown circumstances', 'Unauthorised absence', 'unauthorised'],
  ['U', 'Arrived after the register closed', 'Unauthorised absence', 'unauthorised'],
  ['Z', 'Prospective pupil not on the admission register', 'Administrative', 'not-possible'],
  ['#', 'Planned whole or partial school closure', 'Administrative', 'not-possible'],
];

const ROWS_2006: readonly Row[] = [
  ['/', 'Present at registration (morning session)', 'Present', 'present'],
  ['\\', 'Present at registration (afternoon session)', 'Present', 'present'],
  ['L', 'Late: arrived before the register closed', 'Present', 'present'],
  ['B', 'Off-site educational activity', 'Approved educational activity', 'approved-activity'],
  ['J', 'At an interview with prospective employers or another educational establishment', 'Approved educational activity', 'approved-activity'],
  ['P', 'Participating in a supervised sporting activity', 'Approved educational activity', 'approved-activity'],
  ['V', 'Educational visit or trip', 'Approved educational activity', 'approved-activity'],
  ['W', 'Work experience', 'Approved educational activity', 'approved-activity'],
  ['C', 'Leave of absence granted by the school', 'Authorised absence', 'authorised'],
  ['E', 'Excluded, no alternative provision made', 'Authorised absence', 'authorised'],
  ['F', 'Extended family holiday agreed by the school', 'Authorised absence', 'authorised'],
  ['H', 'Family holiday agreed by the school', 'Authorised absence', 'authorised'],
  ['I', 'Illness (not a medical or dental appointment)', 'Authorised absence', 'authorised'],
  ['M', 'Medical or dental appointment', 'Authorised absence', 'authorised'],
  ['R', 'Religious observance', 'Authorised absence', 'authorised'],
  ['S', 'Study leave', 'Authorised absence', 'authorised'],
  ['T', 'Traveller absence', 'Authorised absence', 'authorised'],
  ['G', 'Family holiday not agreed, or days in excess of the agreed holiday', 'Unauthorised absence', 'unauthorised'],
  ['N', 'Reason for absence not yet established', 'Unauthorised absence', 'unauthorised'],
  ['O', 'Absence without authorisation, not covered by any other code', 'Unauthorised absence', 'unauthorised'],
  ['U', 'Arrived in school after the register closed', 'Unauthorised absence', 'unauthorised'],
  ['D', 'Dual registered: attending the other school', 'Not a possible session', 'not-possible'],
  ['X', 'Non-compulsory school age pupil not required to be in school', 'Not a possible session', 'not-possible'],
  ['Y', 'Unable to attend due to exceptional circumstances', 'Not a possible session', 'not-possible'],
  ['Z', 'Prospective pupil not on the admission register', 'Not a possible session', 'not-possible'],
  ['#', 'Planned whole or partial school closure', 'Not a possible session', 'not-possible'],
];

function buildSet(rows: readonly Row[], set: CodeSetId, from: IsoDate, until: IsoDate | null): ReadonlyMap<string, AttendanceCode> {
  const map = new Map<string, AttendanceCode>();
  for (const [code, meaning, group, counts] of rows) {
    const codeUntil = code === 'F' ? F_WITHDRAWN_FROM : until;
    map.set(code, Object.freeze({ code, meaning, group, counts, set, from, until: codeUntil }));
  }
  return map;
}

export const CODES_2006 = buildSet(ROWS_2006, 'dfe-2006', CODE_SET_2006_FROM, CODE_SET_2024_FROM);
export const CODES_2024 = buildSet(ROWS_2024, 'dfe-2024', CODE_SET_2024_FROM, null);

/** The code set a register entry is judged against: the one in force on its date. */
export function codeSetOn(date: IsoDate): ReadonlyMap<string, AttendanceCode> {
  return date < CODE_SET_2024_FROM ? CODES_2006 : CODES_2024;
}

/** A code in force on a date, or undefined (unknown, withdrawn or not yet in force). */
export function codeInForce(code: string, date: IsoDate): AttendanceCode | undefined {
  const found = codeSetOn(date).get(code);
  if (found === undefined) return undefined;
  return found.until !== null && date >= found.until ? undefined : found;
}

/** What to use instead of a code that is withdrawn, or not yet in force, on a date. */
export interface CodeAdvice {
  /** The one code to use, where there is exactly one. */
  readonly suggestion: string | null;
  /** The codes to choose between, where the right one depends on the reason. */
  readonly alternatives: readonly string[];
  readonly advice: string;
}

/** Codes withdrawn on 19 August 2024 (F in 2013), and what replaced them [R][G]. */
export const WITHDRAWN_CODE_ADVICE: Readonly<Record<string, CodeAdvice>> = {
  H: {
    suggestion: null,
    alternatives: ['C', 'G'],
    advice: 'Holiday is no longer authorised with H: use C if the school granted leave for exceptional circumstances, or G if it did not.',
  },
  J: {
    suggestion: 'J1',
    alternatives: ['J1'],
    advice: 'Interviews are now recorded as J1, a leave of absence (authorised absence) rather than an approved educational activity.',
  },
  Y: {
    suggestion: null,
    alternatives: ['Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7'],
    advice: 'The single Y was split into Y1 to Y7: choose the one that gives the reason the pupil could not attend.',
  },
  F: {
    suggestion: null,
    alternatives: ['C', 'G'],
    advice: 'F was withdrawn in 2013: use C if the school granted leave for exceptional circumstances, or G if it did not.',
  },
};

/** Codes new on 19 August 2024, and the nearest code of the older set for an earlier date. */
export const NEW_CODE_ADVICE: Readonly<Record<string, CodeAdvice>> = {
  C1: { suggestion: 'C', alternatives: ['C'], advice: 'Before 19 August 2024 leave for a regulated performance was recorded as C.' },
  C2: { suggestion: 'C', alternatives: ['C'], advice: 'Before 19 August 2024 a part-time timetable was recorded as C.' },
  J1: { suggestion: 'J', alternatives: ['J'], advice: 'Before 19 August 2024 an interview was recorded as J, an approved educational activity.' },
  K: { suggestion: 'B', alternatives: ['B'], advice: 'Before 19 August 2024 provision arranged by the local authority was recorded as B, an off-site educational activity.' },
  Q: { suggestion: null, alternatives: ['Y', 'O'], advice: 'Q did not exist before 19 August 2024: record the reason with the older codes (Y if the pupil was unable to attend because of exceptional circumstances).' },
  ...Object.fromEntries(
    ['Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7'].map((y) => [
      y,
      { suggestion: 'Y', alternatives: ['Y'], advice: `Before 19 August 2024 every reason a pupil was unable to attend was recorded as the single Y.` },
    ]),
  ),
};

/**
 * One-character stand-ins that Capita ONE shows for two-character codes [V].
 * None of them collides with a DfE code, so they are read the same from any MIS.
 */
export const ONE_CHARACTER_STAND_INS: Readonly<Record<string, string>> = {
  '<': 'C1',
  '>': 'C2',
  '?': 'J1',
  $: 'Y1',
  a: 'Y2',
  '%': 'Y3',
  '`': 'Y4',
  ':': 'Y5',
  '|': 'Y6',
  _: 'Y7',
};

/** Present shown as a tick icon by some registers [V]: the session decides / or \. */
const TICKS = new Set(['✓', '✔', '✅']);

export type SessionName = 'AM' | 'PM';

/**
 * A mark as staff typed or the MIS shows it, read as a DfE code: spaces and
 * case do not matter, stand-ins become their two-character code, a tick becomes
 * the present mark for its session. A blank mark becomes '', and so does a lone '-'.
 */
export function normaliseMark(raw: string, session: SessionName): string {
  const trimmed = raw.trim();
  // '-' is SIMS's "no mark recorded" (shared/reference/mis-exports.md, "SIMS"): a blank, not an
  // unknown code, wherever a mark comes from (a page, an export, a snapshot).
  if (trimmed.length === 0 || trimmed === '-') return '';
  const standIn = ONE_CHARACTER_STAND_INS[trimmed];
  if (standIn !== undefined) return standIn;
  if (TICKS.has(trimmed)) return session === 'AM' ? '/' : '\\';
  return trimmed.toUpperCase();
}

/** The unauthorised codes that count towards the national penalty-notice threshold [G]. */
export const UNAUTHORISED_CODES: ReadonlySet<string> = new Set(['G', 'N', 'O', 'U']);
