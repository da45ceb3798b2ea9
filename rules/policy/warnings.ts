// Suspicious but legal: a policy that parses but that staff should look at again.

import type { SchoolCalendar } from '../calendar/school-calendar';
import { academicYearLabel } from '../calendar/school-calendar';
import { termCoverageWarnings } from '../calendar/term-coverage';
import { parseClockTime, type IsoDate } from '../dates';
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

  // Bands should cover 0% to 100% once each.
  const bands = [...policy.bands].sort((a, b) => a.atLeast - b.atLeast);
  let covered = 0;
  bands.forEach((band) => {
    const index = policy.bands.indexOf(band);
    if (band.atLeast > covered) {
      warnings.push({ path: `bands[${index}]`, message: `No band holds attendance from ${percent(covered)} up to ${percent(band.atLeast)}.` });
    } else if (band.atLeast < covered) {
      warnings.push({ path: `bands[${index}]`, message: `Band "${band.name}" overlaps another band from ${percent(band.atLeast)} to ${percent(Math.min(covered, band.below ?? 100))}.` });
    }
    covered = Math.max(covered, band.below ?? Infinity);
  });
  if (covered !== Infinity) {
    warnings.push({ path: 'bands', message: `No band holds attendance of ${percent(covered)} and above (give the top band no upper limit).` });
  }

  // A higher tier should be for lower attendance.
  policy.tiers.forEach((tier, i) => {
    const previous = policy.tiers[i - 1];
    if (previous === undefined) return;
    if ((tier.appliesBelow ?? Infinity) > (previous.appliesBelow ?? Infinity)) {
      warnings.push({
        path: `tiers[${i}].appliesBelow`,
        message: `Tier ${tier.level} (${tier.name}) starts at a higher attendance than tier ${previous.level}: higher tiers are usually for lower attendance.`,
      });
    }
  });

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
