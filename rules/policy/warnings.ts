// Suspicious but legal: a policy that parses but that staff should look at again.

import type { SchoolCalendar } from '../calendar/school-calendar';
import { academicYearLabel } from '../calendar/school-calendar';
import { termCoverageWarnings } from '../calendar/term-coverage';
import { parseClockTime, type IsoDate } from '../dates';
import { bandLower, bandUpper, compareUpperLines, tierLine, type Line } from './lines';
import type { Policy } from './schema';

export interface PolicyWarning {
  readonly path: string;
  readonly message: string;
}

/** The DfE guidance: a register should stay open no longer than 30 minutes [G]. */
const LONGEST_REGISTER_MINUTES = 30;

function openFor(policy: Policy, session: 'AM' | 'PM'): number {
  const s = policy.sessions[session];
  return (parseClockTime(s.registerClosesAt) ?? 0) - (parseClockTime(s.registrationStartsAt) ?? 0);
}

function percent(n: number): string {
  return `${n}%`;
}

export function policyWarnings(policy: Policy, calendar: SchoolCalendar, today: IsoDate): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  const am = openFor(policy, 'AM');
  const pm = openFor(policy, 'PM');
  for (const [session, minutes] of [['AM', am], ['PM', pm]] as const) {
    if (minutes > LONGEST_REGISTER_MINUTES) {
      warnings.push({
        path: `sessions.${session}.registerClosesAt`,
        message: `The ${session === 'AM' ? 'morning' : 'afternoon'} register stays open for ${minutes} minutes; DfE guidance says no longer than ${LONGEST_REGISTER_MINUTES}.`,
      });
    }
  }
  if (am !== pm) {
    warnings.push({
      path: 'sessions',
      message: `The morning register is open for ${am} minutes and the afternoon one for ${pm}; DfE guidance says the same length every session.`,
    });
  }

  warnings.push(...bandAndTierWarnings(policy));

  const persistentLine = 100 - policy.thresholds.persistentAbsence;
  if (policy.attendanceTarget < persistentLine) {
    warnings.push({
      path: 'attendanceTarget',
      message: `The attendance target (${percent(policy.attendanceTarget)}) is below the persistent-absence line (${percent(persistentLine)}).`,
    });
  }

  if (!calendar.hasTermDatesFor(today)) {
    warnings.push({
      path: 'calendar.academicYears',
      message: `Term dates for ${academicYearLabel(today)} are missing: school days are counted as weekdays less bank holidays, so holidays and training days may be counted.`,
    });
  }
  // A year whose terms stop short of July counts the rest of it as holiday.
  warnings.push(...termCoverageWarnings(policy.calendar.academicYears));
  for (const note of policy.notes) warnings.push({ path: 'notes', message: note });
  return warnings;
}

/** Bands that leave a gap or overlap (a line on neither side or on both), and tiers out of order. */
export function bandAndTierWarnings(policy: Policy): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  // Bands should cover 0% to 100% once each, every line on exactly one side.
  const lowerFirst = (a: Line, b: Line) => a.percent - b.percent || Number(b.included) - Number(a.included);
  const bands = [...policy.bands].sort((a, b) => lowerFirst(bandLower(a), bandLower(b)));
  // Everything below covered.percent is held by a band, and covered.percent itself when included.
  let covered: Line = { percent: 0, included: false };
  bands.forEach((band) => {
    const index = policy.bands.indexOf(band);
    const lower = bandLower(band);
    const upper = bandUpper(band);
    if (lower.percent > covered.percent) {
      warnings.push({ path: `bands[${index}]`, message: `No band holds attendance from ${percent(covered.percent)} up to ${percent(lower.percent)}.` });
    } else if (lower.percent === covered.percent && !lower.included && !covered.included) {
      warnings.push({ path: `bands[${index}]`, message: `No band holds attendance of exactly ${percent(lower.percent)}: one band must include its line.` });
    } else if (lower.percent === covered.percent && lower.included && covered.included && lower.percent > 0) {
      warnings.push({ path: `bands[${index}]`, message: `Band "${band.name}" and another band both hold exactly ${percent(lower.percent)}: only one may include the line.` });
    } else if (lower.percent < covered.percent) {
      warnings.push({ path: `bands[${index}]`, message: `Band "${band.name}" overlaps another band from ${percent(lower.percent)} to ${percent(Math.min(covered.percent, upper.percent))}.` });
    }
    if (compareUpperLines(upper, covered) > 0) covered = upper;
  });
  if (covered.percent < 100) {
    warnings.push({ path: 'bands', message: `No band holds attendance of ${percent(covered.percent)} and above (give the top band no upper limit).` });
  } else if (!covered.included) {
    warnings.push({ path: 'bands', message: 'No band holds attendance of exactly 100% (give the top band no upper limit).' });
  }

  // A higher tier should be for lower attendance.
  policy.tiers.forEach((tier, i) => {
    const previous = policy.tiers[i - 1];
    if (previous === undefined) return;
    if (compareUpperLines(tierLine(tier), tierLine(previous)) > 0) {
      warnings.push({
        path: `tiers[${i}].${tier.appliesAtOrBelow !== undefined ? 'appliesAtOrBelow' : 'appliesBelow'}`,
        message: `Tier ${tier.level} (${tier.name}) starts at a higher attendance than tier ${previous.level}: higher tiers are usually for lower attendance.`,
      });
    }
  });
  return warnings;
}
