// Is each mark a code that may be used here: known, in force on the session's
// date, allowed for this role by the school's policy, right for the session,
// and (for X) right for the pupil's age?

import {
  CODE_SET_2024_FROM,
  CODES_2006,
  NEW_CODE_ADVICE,
  WITHDRAWN_CODE_ADVICE,
  type CodeAdvice,
} from '../codes';
import { dateOfDayNumber, dayNumber, formatSchoolDate, weekdayOfDayNumber, type IsoDate } from '../dates';
import type { PupilTimeline } from '../timeline';
import { findingAt, type Check, type RulesContext } from './check';
import { capitalised, GUIDANCE_2024, REGULATIONS_2024, regulationsOn, schoolPolicy, sessionName, when } from './sources';

const F_WITHDRAWN_FROM = CODES_2006.get('F')!.until!;

/**
 * The first day a child is of compulsory school age: the prescribed day (31 March,
 * 31 August or 31 December) on or after the fifth birthday (Education Act 1996 s8;
 * the Education (Start of Compulsory School Age) Order 1998; seed 003, appendix 2).
 */
export function compulsorySchoolAgeStarts(dob: IsoDate): IsoDate {
  const year = Number(dob.slice(0, 4)) + 5;
  const birthday = `${year}${dob.slice(4)}`;
  for (const prescribed of [`${year}-03-31`, `${year}-08-31`, `${year}-12-31`]) {
    if (birthday <= prescribed) return prescribed;
  }
  return `${year + 1}-03-31`;
}

/** The last day of compulsory school age: the last Friday in June of the school year in which the child turns 16 (seed 003, appendix 2). */
export function compulsorySchoolAgeEnds(dob: IsoDate): IsoDate {
  const turns16 = Number(dob.slice(0, 4)) + 16;
  // A child who turns 16 in September to December leaves at the end of the following school year.
  const leavingYear = Number(dob.slice(5, 7)) >= 9 ? turns16 + 1 : turns16;
  const lastOfJune = dayNumber(`${leavingYear}-06-30`);
  const backToFriday = (weekdayOfDayNumber(lastOfJune) - 5 + 7) % 7;
  return dateOfDayNumber(lastOfJune - backToFriday);
}

function isCompulsorySchoolAge(dob: IsoDate, date: IsoDate): boolean {
  return date >= compulsorySchoolAgeStarts(dob) && date <= compulsorySchoolAgeEnds(dob);
}

function quoted(mark: string): string {
  return `'${mark}'`;
}

function reportWithdrawn(timeline: PupilTimeline, i: number, code: string, advice: CodeAdvice, context: RulesContext) {
  const { date } = timeline.marks[i]!;
  const withdrawnOn = code === 'F' ? '1 September 2013' : '19 August 2024';
  return findingAt(timeline, i, {
    rule: 'code-withdrawn',
    severity: 'error',
    suggestion: advice.suggestion,
    alternatives: advice.alternatives,
    what: `${code} is no longer an attendance code: it was withdrawn on ${withdrawnOn}, before this session on ${formatSchoolDate(date)}.`,
    why: `${code === 'F' ? 'The 2013 amendment to the registration regulations' : capitalised(REGULATIONS_2024)} removed it. ${advice.advice}`,
    action:
      advice.suggestion !== null
        ? `Change the mark to ${advice.suggestion}.`
        : `Change the mark to ${advice.alternatives.join(' or ')}, whichever gives the real reason.`,
    instead: `Tell the office ${code === 'H' || code === 'F' ? 'whether the school granted this holiday' : 'what you know of the reason'}; they record ${advice.alternatives.join(' or ')}.`,
  }, context);
}

export const codeValidity: Check = {
  id: 'code-validity',
  rules: ['code-unknown', 'code-withdrawn', 'code-not-yet-in-force', 'code-not-allowed', 'code-wrong-session', 'code-x-compulsory-age'],
  run(timeline, context, report, fail) {
    const { normalised, codes, sessions, marks } = timeline;
    const allowed = context.allowedCodes;
    const dob = timeline.pupil.dob;
    for (let i = 0; i < timeline.length; i++) {
      try {
        const code = normalised[i]!;
        if (code === '') continue;
        const inForce = codes[i];
        if (inForce === undefined) {
          const date = marks[i]!.date;
          const withdrawn = WITHDRAWN_CODE_ADVICE[code];
          const isNew = NEW_CODE_ADVICE[code];
          if (withdrawn !== undefined && (code === 'F' ? date >= F_WITHDRAWN_FROM : date >= CODE_SET_2024_FROM)) {
            report(reportWithdrawn(timeline, i, code, withdrawn, context));
          } else if (isNew !== undefined && date < CODE_SET_2024_FROM) {
            report(
              findingAt(timeline, i, {
                rule: 'code-not-yet-in-force',
                severity: 'error',
                suggestion: isNew.suggestion,
                alternatives: isNew.alternatives,
                what: `${code} was not an attendance code yet on ${formatSchoolDate(date)}: it came into force on 19 August 2024.`,
                why: `A register entry is judged by the codes in force on its date, and ${REGULATIONS_2024} apply only from 19 August 2024. ${isNew.advice}`,
                action: isNew.suggestion !== null ? `Change the mark to ${isNew.suggestion}.` : `Change the mark to ${isNew.alternatives.join(' or ')}.`,
              }, context),
            );
          } else {
            report(
              findingAt(timeline, i, {
                rule: 'code-unknown',
                severity: 'error',
                what: `${quoted(marks[i]!.mark)} is not a DfE attendance code.`,
                why: `Every session must be recorded with one of the codes set out in ${regulationsOn(date)}.`,
                action: 'Replace it with the code for what happened in this session.',
              }),
            );
          }
          continue;
        }
        if (allowed !== null && !allowed.has(code)) {
          report(
            findingAt(timeline, i, {
              rule: 'code-not-allowed',
              severity: 'warning',
              what: `${code} is not one of the codes a ${context.role} may enter: ${code} means ${inForce.meaning.toLowerCase()}.`,
              why: `Under ${schoolPolicy(context.policy)}, ${context.role === 'teacher' ? 'teachers' : 'office staff'} enter only ${[...allowed].join(', ')}; other codes are set by the attendance office once the reason is known.`,
              action: 'Enter N (reason for absence not yet established) if the pupil is absent, and pass on what you know to the office.',
            }),
          );
        }
        const pm = sessions[i] === 1;
        if ((code === '/' && pm) || (code === '\\' && !pm)) {
          const right = pm ? '\\' : '/';
          report(
            findingAt(timeline, i, {
              rule: 'code-wrong-session',
              severity: 'warning',
              suggestion: right,
              what: `${code} marks presence in the ${pm ? 'morning' : 'afternoon'}, but this is the ${sessionName(marks[i]!.session)} session.`,
              why: `The DfE codes use / for the morning session and \\ for the afternoon (${regulationsOn(marks[i]!.date)}).`,
              action: `Change the mark to ${right}.`,
            }, context),
          );
        }
        if (code === 'X' && dob !== null && isCompulsorySchoolAge(dob, marks[i]!.date)) {
          // C2 (part-time timetable) exists only from 19 August 2024; before it, such leave was C.
          const partTime = marks[i]!.date >= CODE_SET_2024_FROM ? 'C2' : 'C';
          report(
            findingAt(timeline, i, {
              rule: 'code-x-compulsory-age',
              severity: 'error',
              alternatives: partTime === 'C2' ? ['C2', 'C'] : ['C'],
              what: `X is for pupils below compulsory school age, but ${timeline.pupil.name || 'this pupil'} has been of compulsory school age since ${formatSchoolDate(compulsorySchoolAgeStarts(dob))}.`,
              why: `A child is of compulsory school age from the start of the term after their fifth birthday; X may not be used for them (${regulationsOn(marks[i]!.date)}; ${GUIDANCE_2024}).`,
              action: `Record the real reason for ${when(marks[i]!.date, marks[i]!.session)}: for example ${partTime} for a part-time timetable, or the absence code that applies.`,
            }, context),
          );
        }
      } catch (error) {
        fail(i, error);
      }
    }
  },
};
