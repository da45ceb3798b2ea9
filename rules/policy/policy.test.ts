import { describe, expect, it } from 'vitest';
import { TEST_POLICY_INPUT, makePolicy } from '../../test/support/rules';
import { parsePolicy, type PolicyInput } from './schema';
import { policyWarnings } from './warnings';
import { bandFor, tierFor } from '../checks/standing';
import { schoolCalendarFor } from '../calendar/bank-holidays';

function problems(change: (p: Record<string, any>) => void) {
  const input = structuredClone(TEST_POLICY_INPUT) as Record<string, any>;
  change(input);
  const result = parsePolicy(input);
  return result.ok ? [] : result.problems;
}

describe('a band or tier line says whether it includes the line (issue 11, item 14)', () => {
  it('a file written before the words existed keeps its meaning: atLeast includes, below does not', () => {
    const result = parsePolicy({ ...TEST_POLICY_INPUT, bands: [{ name: 'High', colour: '#1b7f3b', atLeast: 90, below: null }, { name: 'Low', colour: '#b3261e', atLeast: 0, below: 90 }] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(bandFor(result.policy, 90)?.name).toBe('High');
    expect(bandFor(result.policy, 89.99)?.name).toBe('Low');
    expect(tierFor(result.policy, 90)?.level).toBe(1);
    expect(tierFor(result.policy, 89.99)?.level).toBe(2);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['both atLeast and above', { name: 'B', colour: '#1b7f3b', atLeast: 90, above: 90 }, 'bands[0].above', /not both/],
    ['no lower line', { name: 'B', colour: '#1b7f3b', below: 90 }, 'bands[0].atLeast', /atLeast \(the line included\) or above/],
    ['both below and atMost', { name: 'B', colour: '#1b7f3b', atLeast: 0, below: 90, atMost: 90 }, 'bands[0].atMost', /not both/],
    ['an upper line under the lower', { name: 'B', colour: '#1b7f3b', above: 90, atMost: 90 }, 'bands[0].atMost', /above the band's lower line/],
  ])('a band with %s is refused, naming the field', (_what, band, path, message) => {
    const found = problems((p) => (p.bands = [band]));
    expect(found).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('a tier with both appliesBelow and appliesAtOrBelow is refused', () => {
    const found = problems((p) => (p.tiers = [{ level: 1, name: 'A', appliesBelow: 90, appliesAtOrBelow: 90 }]));
    expect(found).toEqual([{ path: 'tiers[0].appliesAtOrBelow', message: expect.stringMatching(/not both/) }]);
  });
});

describe('policy validation names the field and says what is wrong', () => {
  it.each<[string, (p: Record<string, any>) => void, string, RegExp]>([
    ['a missing school name', (p) => delete p.schoolName, 'schoolName', /is missing/],
    ['9.15 as a time', (p) => (p.sessions.AM.registerClosesAt = '9.15'), 'sessions.AM.registerClosesAt', /HH:MM/],
    ['a register closing before it opens', (p) => (p.sessions.PM.registerClosesAt = '12:30'), 'sessions.PM.registerClosesAt', /close after/],
    ['a colour written as a word', (p) => (p.bands[0].colour = 'green'), 'bands[0].colour', /#rrggbb/],
    ['a term ending before it starts', (p) => (p.calendar.academicYears[0].terms[1].end = '2024-12-01'), 'calendar.academicYears[0].terms[1].end', /ends before/],
    ['an unknown code for teachers', (p) => (p.codes.teacher = ['/', 'Q1']), 'codes.teacher[1]', /"Q1" is not a DfE attendance code/],
    ['an unknown field', (p) => (p.colourBands = []), '(the policy itself)', /colourBands/],
    ['a percentage over 100', (p) => (p.attendanceTarget = 105), 'attendanceTarget', /0 to 100/],
    ['an impossible date', (p) => (p.calendar.academicYears[0].terms[0].start = '2024-02-30'), 'calendar.academicYears[0].terms[0].start', /real date/],
    ['an empty tier name', (p) => (p.tiers[0].name = ''), 'tiers[0].name', /^must not be empty$/],
    ['a tier level of 1.5', (p) => (p.tiers[0].level = 1.5), 'tiers[0].level', /^must be a whole number$/],
    ['a tier level of 0', (p) => (p.tiers[0].level = 0), 'tiers[0].level', /^must be 1 or more$/],
    ['an N limit of 40 school days', (p) => (p.unexplainedAbsence = { limitSchoolDays: 40 }), 'unexplainedAbsence.limitSchoolDays', /^must be 30 or less$/],
    ['an N limit written as text', (p) => (p.unexplainedAbsence = { limitSchoolDays: '5' }), 'unexplainedAbsence.limitSchoolDays', /^must be a number$/],
    ["Wales' bank holidays", (p) => (p.calendar.bankHolidays = 'wales'), 'calendar.bankHolidays', /^must be one of "england", "none"$/],
    ['teachers\' codes as a number', (p) => (p.codes.teacher = 5), 'codes.teacher', /^must be "all" or a list of codes/],
    ['G as the fallback for N', (p) => (p.unexplainedAbsence = { fallbackCode: 'G' }), 'unexplainedAbsence.fallbackCode', /^must be "O"$/],
  ])('%s', (_, change, path, message) => {
    const found = problems(change);
    expect(found.find((p) => p.path === path)?.message).toMatch(message);
  });

  it('a valid policy has no problems', () => {
    expect(problems(() => {})).toEqual([]);
  });
});

describe('warnings for suspicious but legal policies', () => {
  const warn = (changes: Partial<PolicyInput>, today = '2024-10-01') => {
    const policy = makePolicy(changes);
    return policyWarnings(policy, schoolCalendarFor(policy.calendar), today);
  };
  const clean = warn({});

  it('a clean policy has none', () => {
    expect(clean).toEqual([]);
  });

  it('a register open for more than 30 minutes, or for different lengths', () => {
    const w = warn({ sessions: { AM: { registrationStartsAt: '08:45', registerClosesAt: '09:25' }, PM: { registrationStartsAt: '13:00', registerClosesAt: '13:30' } } });
    expect(w.map((x) => x.path)).toEqual(['sessions.AM.registerClosesAt', 'sessions']);
    expect(w[0]!.message).toContain('40 minutes');
  });

  it('bands with a gap or an overlap, naming the percentages', () => {
    const gap = warn({ bands: [{ name: 'High', colour: '#1b7f3b', atLeast: 90, below: null }, { name: 'Low', colour: '#b3261e', atLeast: 0, below: 85 }] });
    expect(gap.map((w) => w.message)).toEqual(['No band holds attendance from 85% up to 90%.']);
    const overlap = warn({ bands: [{ name: 'High', colour: '#1b7f3b', atLeast: 80, below: null }, { name: 'Low', colour: '#b3261e', atLeast: 0, below: 90 }] });
    expect(overlap.map((w) => w.message)).toEqual(['Band "High" overlaps another band from 80% to 90%.']);
  });

  it('a line no band includes, or two bands include, is a gap or an overlap of exactly that figure (issue 11, item 14)', () => {
    const neither = warn({ bands: [{ name: 'High', colour: '#1b7f3b', above: 90 }, { name: 'Low', colour: '#b3261e', atLeast: 0, below: 90 }] });
    expect(neither.map((w) => w.message)).toEqual(['No band holds attendance of exactly 90%: one band must include its line.']);
    const both = warn({ bands: [{ name: 'High', colour: '#1b7f3b', atLeast: 90 }, { name: 'Low', colour: '#b3261e', atLeast: 0, atMost: 90 }] });
    expect(both.map((w) => w.message)).toEqual(['Band "High" and another band both hold exactly 90%: only one may include the line.']);
    const fine = warn({ bands: [{ name: 'High', colour: '#1b7f3b', above: 90 }, { name: 'Low', colour: '#b3261e', atLeast: 0, atMost: 90 }] });
    expect(fine).toEqual([]);
    const notTop = warn({ bands: [{ name: 'All', colour: '#1b7f3b', atLeast: 0, below: 100 }] });
    expect(notTop.map((w) => w.message)).toEqual(['No band holds attendance of exactly 100% (give the top band no upper limit).']);
  });

  it('tiers whose thresholds rise with the level', () => {
    const w = warn({ tiers: [{ level: 1, name: 'A', appliesBelow: 80 }, { level: 2, name: 'B', appliesBelow: 90 }] });
    expect(w.map((x) => x.path)).toEqual(['tiers[1].appliesBelow']);
  });

  it('a target below the persistent-absence line', () => {
    expect(warn({ attendanceTarget: 85 }).map((w) => w.path)).toEqual(['attendanceTarget']);
  });

  it('a calendar without term dates for today', () => {
    const w = warn({}, '2026-11-22');
    expect(w.map((x) => x.message)).toEqual([expect.stringContaining('Term dates for 2026-27 are missing')]);
  });

  it("the policy's own notes", () => {
    expect(warn({ notes: ['Check the PM close'] }).map((w) => w.message)).toEqual(['Check the PM close']);
  });
});
