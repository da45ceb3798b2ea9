// Where a pupil stands, by the DfE method (attendance-codes.md [E]): possible
// sessions are present + approved activity + authorised + unauthorised; codes
// that are not a possible session are left out; thresholds are compared on the
// exact fractions, never on rounded percentages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schoolDaysFrom, TEST_POLICY, TEST_POLICY_INPUT } from '../../test/support/rules';
import { codeSetOn, type CountsAs } from '../codes';
import { dayNumber, type IsoDate } from '../dates';
import { policySchema, type Policy, type PolicyInput } from '../policy/schema';
import type { SnapshotMark, SnapshotPupil } from '../snapshot';
import { TimelineBuilder } from '../timeline';
import { rulesContext } from './check';
import { bandFor, reachesAbsenceThreshold, standingOf, tallySessions, tierFor } from './standing';
import { schoolCalendarFor } from '../calendar/bank-holidays';

function pupilWith(marks: SnapshotMark[]): SnapshotPupil {
  return { upn: 'A123456789012', name: 'Ada Okafor', dob: null, year: null, marks };
}

function mark(date: IsoDate, session: 'AM' | 'PM', code: string, arrival: string | null = null): SnapshotMark {
  return { date, session, mark: code, arrival };
}

function standing(marks: SnapshotMark[], today: IsoDate, policy: Policy = TEST_POLICY) {
  const context = rulesContext({ policy, calendar: schoolCalendarFor(policy.calendar), today }, 'office');
  return standingOf(new TimelineBuilder().build(pupilWith(marks)), context);
}

function tally(marks: SnapshotMark[], today: IsoDate) {
  return tallySessions(new TimelineBuilder().build(pupilWith(marks)), dayNumber(today));
}

/** Sessions from Mon 1 Jul 2024, across the change of code set on 19 August 2024, into 2024-25. */
const SLOTS = schoolDaysFrom('2024-07-01', 200).flatMap((d) => [[d, 'AM'] as const, [d, 'PM'] as const]);
const TODAY = '2025-08-31';

const KINDS: readonly CountsAs[] = ['present', 'approved-activity', 'authorised', 'unauthorised', 'not-possible'];

/** Every code of the set in force on a date that counts a given way. */
function codesCounting(date: IsoDate, counts: CountsAs): string[] {
  return [...codeSetOn(date).values()].filter((c) => c.counts === counts && c.code !== 'F').map((c) => c.code);
}

/**
 * A random register: each session gets a random kind, and a random code of that
 * kind from the set in force on its date (so J before 19 August 2024, J1 after).
 */
const register = fc.integer({ min: 0, max: SLOTS.length }).chain((length) =>
  fc.tuple(fc.array(fc.constantFrom(...KINDS), { minLength: length, maxLength: length }), fc.array(fc.nat(), { minLength: length, maxLength: length })).map(([kinds, picks]) =>
    kinds.map((kind, i) => {
      const [date, session] = SLOTS[i]!;
      const choices = codesCounting(date, kind);
      return { kind, mark: mark(date, session, choices[picks[i]! % choices.length]!) };
    }),
  ),
);

const countOf = (entries: { kind: CountsAs }[], kind: CountsAs) => entries.filter((e) => e.kind === kind).length;

describe('the percentage maths (DfE method)', () => {
  it('counts each session by its kind; attendance and absence make 100% of possible sessions', () => {
    fc.assert(
      fc.property(register, (all) => {
        const s = standing(
          all.map((e) => e.mark),
          TODAY,
        );
        // Only the school year of today counts (2024-25): July 2024 is the year before.
        const entries = all.filter((e) => e.mark.date >= '2024-09-01');
        const attended = countOf(entries, 'present') + countOf(entries, 'approved-activity');
        const missed = countOf(entries, 'authorised') + countOf(entries, 'unauthorised');
        expect([s.present, s.approvedActivity, s.authorised, s.unauthorised, s.notPossible]).toEqual(KINDS.map((k) => countOf(entries, k)));
        expect(s.possibleSessions).toBe(attended + missed);
        expect(s.attendedSessions).toBe(attended);
        if (s.possibleSessions === 0) {
          expect(s.attendance).toBeNull();
          expect([s.persistentAbsence, s.severeAbsence, s.band, s.tier]).toEqual([false, false, null, null]);
        } else {
          const absence = (100 * missed) / s.possibleSessions;
          expect(s.attendance! + absence).toBeCloseTo(100, 10);
          expect(s.persistentAbsence).toBe(10 * missed >= s.possibleSessions);
          expect(s.severeAbsence).toBe(2 * missed >= s.possibleSessions);
          expect(s.band).toBe(bandFor(TEST_POLICY, s.attendance!));
          expect(s.tier).toBe(tierFor(TEST_POLICY, s.attendance!));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('codes that are not a possible session never change attendance', () => {
    fc.assert(
      fc.property(register, (entries) => {
        const all = standing(
          entries.map((e) => e.mark),
          TODAY,
        );
        const without = standing(
          entries.filter((e) => e.kind !== 'not-possible').map((e) => e.mark),
          TODAY,
        );
        expect(without.notPossible).toBe(0);
        expect([all.attendance, all.possibleSessions, all.attendedSessions, all.persistentAbsence, all.severeAbsence, all.band, all.tier]).toEqual([
          without.attendance,
          without.possibleSessions,
          without.attendedSessions,
          without.persistentAbsence,
          without.severeAbsence,
          without.band,
          without.tier,
        ]);
      }),
      { numRuns: 100 },
    );
  });

  it('reachesAbsenceThreshold agrees with the exact comparison missed/possible ≥ threshold/100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.nat(), (possible, m) => {
        const missed = m % (possible + 1);
        expect(reachesAbsenceThreshold(missed, possible, 10)).toBe(10 * missed >= possible);
        expect(reachesAbsenceThreshold(missed, possible, 50)).toBe(2 * missed >= possible);
      }),
      { numRuns: 1000 },
    );
  });

  it('reachesAbsenceThreshold is exact for thresholds with decimals too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.nat(), fc.integer({ min: 1, max: 9999 }), (possible, m, hundredths) => {
        const missed = m % (possible + 1);
        // threshold = hundredths / 100 percent: missed / possible ≥ hundredths / 10000.
        expect(reachesAbsenceThreshold(missed, possible, hundredths / 100)).toBe(10_000 * missed >= hundredths * possible);
      }),
      { numRuns: 3000 },
    );
  });

  it('missing exactly 8.8% (33 of 375 sessions) reaches an 8.8% threshold', () => {
    // 8.8 × 375 is 3300.0000000000005 in floating point, above 33 × 100.
    expect(reachesAbsenceThreshold(33, 375, 8.8)).toBe(true);
    expect(reachesAbsenceThreshold(161, 250, 64.4)).toBe(true);
    expect(reachesAbsenceThreshold(32, 375, 8.8)).toBe(false);
  });

  it('exactly 10% missed is persistent, and one session fewer is not', () => {
    expect(reachesAbsenceThreshold(2, 20, 10)).toBe(true);
    expect(reachesAbsenceThreshold(1, 20, 10)).toBe(false);
    expect(reachesAbsenceThreshold(19, 190, 10)).toBe(true);
    expect(reachesAbsenceThreshold(18, 190, 10)).toBe(false);
    // A 93.5% attendance target leaves 6.5% to miss: 13 of 200 sessions.
    expect(reachesAbsenceThreshold(13, 200, 6.5)).toBe(true);
    expect(reachesAbsenceThreshold(12, 200, 6.5)).toBe(false);
  });

  it('no possible sessions reach no threshold', () => {
    expect(reachesAbsenceThreshold(0, 0, 10)).toBe(false);
    expect(reachesAbsenceThreshold(0, 0, 0)).toBe(false);
  });

  it('a pupil at exactly 90% attendance is persistently absent, and not "below 90%"', () => {
    const days = SLOTS.filter(([d]) => d >= '2024-09-02').slice(0, 20);
    const s = standing(
      days.map(([d, session], i) => mark(d, session, i < 2 ? 'I' : session === 'AM' ? '/' : '\\')),
      TODAY,
    );
    expect(s.attendance).toBe(90);
    expect(s.persistentAbsence).toBe(true);
    expect(s.severeAbsence).toBe(false);
    expect(s.band?.name).toBe('At or above 90%');
    expect(s.tier?.level).toBe(1);
  });

  it('19 sessions missed of 190 is exactly 10%: persistent absence at 90% attendance', () => {
    const days = SLOTS.filter(([d]) => d >= '2024-09-02').slice(0, 190);
    const s = standing(
      days.map(([d, session], i) => mark(d, session, i < 19 ? 'O' : 'L')),
      TODAY,
    );
    expect([s.possibleSessions, s.attendance, s.persistentAbsence, s.late]).toEqual([190, 90, true, 171]);
  });

  it('exactly 50% missed is severe absence, and one session fewer is not', () => {
    const days = SLOTS.filter(([d]) => d >= '2024-09-02').slice(0, 20);
    const at = (missed: number) =>
      standing(
        days.map(([d, session], i) => mark(d, session, i < missed ? 'G' : 'L')),
        TODAY,
      );
    expect([at(10).attendance, at(10).severeAbsence]).toEqual([50, true]);
    expect([at(9).attendance, at(9).severeAbsence]).toEqual([55, false]);
  });
});

describe('bands and tiers', () => {
  // A small policy: four bands that cover 0-100%, and tiers where 3 and 4 share a threshold.
  const input: PolicyInput = {
    ...TEST_POLICY_INPUT,
    bands: [
      { name: 'Excellent', colour: '#1b7f3b', atLeast: 95, below: null },
      { name: 'Good', colour: '#3b7f1b', atLeast: 90, below: 95 },
      { name: 'Concern', colour: '#b25e00', atLeast: 50, below: 90 },
      { name: 'Severe', colour: '#b3261e', atLeast: 0, below: 50 },
    ],
    tiers: [
      { level: 1, name: 'Universal', appliesBelow: null },
      { level: 2, name: 'Early help', appliesBelow: 95 },
      { level: 3, name: 'Targeted', appliesBelow: 90 },
      { level: 4, name: 'Escalated', appliesBelow: 90 },
      { level: 5, name: 'Intensive', appliesBelow: 50 },
    ],
  };
  const policy = policySchema.parse(input);
  const band = (attendance: number) => bandFor(policy, attendance)?.name ?? null;
  const tier = (attendance: number) => tierFor(policy, attendance)?.level ?? null;

  it('a band holds attendance from atLeast inclusive to below exclusive', () => {
    expect([100, 95, 94.99, 90, 89.99, 50, 49.99, 0].map(band)).toEqual(['Excellent', 'Excellent', 'Good', 'Good', 'Concern', 'Concern', 'Severe', 'Severe']);
  });

  it('a band reached by the exact fraction: 19 of 20 sessions is 95%, Excellent', () => {
    expect(band((19 * 100) / 20)).toBe('Excellent');
    expect(band((189 * 100) / 200)).toBe('Good');
  });

  it('no band for attendance the policy does not cover', () => {
    const gappy = policySchema.parse({ ...input, bands: [{ name: 'High', colour: '#1b7f3b', atLeast: 90, below: null }] });
    expect([bandFor(gappy, 90)?.name, bandFor(gappy, 89.9)]).toEqual(['High', null]);
  });

  it('the tier is the one with the lowest threshold the pupil is below; at a threshold is not below it', () => {
    expect([100, 95, 94.99, 90, 89.99, 50, 49.99, 0].map(tier)).toEqual([1, 1, 2, 2, 3, 3, 5, 5]);
  });

  it('where tiers share a threshold the pupil enters the first of them', () => {
    expect(tier(75)).toBe(3);
  });

  it('with no tier that holds everyone, a pupil above every threshold is in no tier', () => {
    const noUniversal = policySchema.parse({ ...input, tiers: input.tiers.slice(1) });
    expect([tierFor(noUniversal, 96), tierFor(noUniversal, 94)?.level]).toEqual([null, 2]);
  });

  it('bands and tiers agree with a plain search at every hundredth of a percent', () => {
    for (let h = 0; h <= 10_000; h++) {
      const a = h / 100;
      const expectedBand = a >= 95 ? 'Excellent' : a >= 90 ? 'Good' : a >= 50 ? 'Concern' : 'Severe';
      const expectedTier = a < 50 ? 5 : a < 90 ? 3 : a < 95 ? 2 : 1;
      expect([band(a), tier(a)], String(a)).toEqual([expectedBand, expectedTier]);
    }
  });
});

describe('tallySessions over a TimelineBuilder timeline', () => {
  it('does not count marks after today (a planned appointment has not happened yet)', () => {
    const marks = [mark('2024-09-02', 'AM', '/'), mark('2024-09-02', 'PM', 'M'), mark('2024-09-03', 'AM', 'M'), mark('2024-09-04', 'AM', 'C')];
    expect(tally(marks, '2024-09-02')).toMatchObject({ present: 1, authorised: 1 });
    expect(tally(marks, '2024-09-03')).toMatchObject({ present: 1, authorised: 2 });
    expect(tally(marks, '2024-09-01')).toEqual({ present: 0, approvedActivity: 0, authorised: 0, unauthorised: 0, notPossible: 0, late: 0 });
  });

  it('counts each code by the set in force on its date: J on 10 Jul 2024 is attendance, J1 on 10 Sep 2024 is authorised absence', () => {
    expect(tally([mark('2024-07-10', 'AM', 'J'), mark('2024-09-10', 'AM', 'J1')], TODAY)).toMatchObject({ approvedActivity: 1, authorised: 1 });
  });

  it('does not count a code on a date when it is not in force', () => {
    const marks = [mark('2024-07-10', 'AM', 'J1'), mark('2024-08-19', 'AM', 'H'), mark('2024-09-10', 'AM', 'J'), mark('2024-09-10', 'PM', 'Y'), mark('2013-09-02', 'AM', 'F')];
    expect(tally(marks, TODAY)).toEqual({ present: 0, approvedActivity: 0, authorised: 0, unauthorised: 0, notPossible: 0, late: 0 });
    expect(tally([mark('2024-08-18', 'AM', 'H'), mark('2024-08-18', 'PM', 'Y'), mark('2013-08-30', 'AM', 'F')], TODAY)).toMatchObject({ authorised: 2, notPossible: 1 });
  });

  it('one builder serves many pupils without carrying one date’s meaning to another', () => {
    const builder = new TimelineBuilder();
    const before = builder.build(pupilWith([mark('2024-07-10', 'AM', 'J'), mark('2024-07-10', 'PM', '✓'), mark('2024-07-11', 'AM', '<')]));
    const after = builder.build(pupilWith([mark('2024-09-10', 'AM', 'J'), mark('2024-09-10', 'PM', '✓'), mark('2024-09-11', 'AM', '<')]));
    expect(before.codes.map((c) => c?.code)).toEqual(['J', '\\', undefined]);
    expect(after.codes.map((c) => c?.code)).toEqual([undefined, '\\', 'C1']);
    expect(tallySessions(before, dayNumber(TODAY))).toMatchObject({ approvedActivity: 1, present: 1 });
    expect(tallySessions(after, dayNumber(TODAY))).toMatchObject({ present: 1, authorised: 1 });
  });

  it('does not count unknown or blank marks', () => {
    const marks = [mark('2024-09-02', 'AM', ''), mark('2024-09-02', 'PM', '   '), mark('2024-09-03', 'AM', 'A'), mark('2024-09-03', 'PM', 'H1'), mark('2024-09-04', 'AM', '//')];
    expect(tally(marks, TODAY)).toEqual({ present: 0, approvedActivity: 0, authorised: 0, unauthorised: 0, notPossible: 0, late: 0 });
  });

  it('reads marks as staff type them: case, spaces, ticks and stand-ins', () => {
    const marks = [mark('2024-09-02', 'AM', ' l '), mark('2024-09-02', 'PM', '✓'), mark('2024-09-03', 'AM', 'y1'), mark('2024-09-03', 'PM', '?'), mark('2024-09-04', 'AM', 'n')];
    expect(tally(marks, TODAY)).toEqual({ present: 2, approvedActivity: 0, authorised: 1, unauthorised: 1, notPossible: 1, late: 1 });
  });

  it('puts unsorted marks in date and session order before counting up to today', () => {
    const marks = [mark('2024-09-10', 'AM', 'O'), mark('2024-09-03', 'PM', 'I'), mark('2024-09-02', 'PM', '\\'), mark('2024-09-03', 'AM', '/'), mark('2024-09-02', 'AM', '/')];
    const timeline = new TimelineBuilder().build(pupilWith(marks));
    expect(timeline.marks.map((m) => `${m.date} ${m.session}`)).toEqual(['2024-09-02 AM', '2024-09-02 PM', '2024-09-03 AM', '2024-09-03 PM', '2024-09-10 AM']);
    expect([...timeline.days]).toEqual(['2024-09-02', '2024-09-02', '2024-09-03', '2024-09-03', '2024-09-10'].map(dayNumber));
    expect([...timeline.sessions]).toEqual([0, 1, 0, 1, 0]);
    // With the 10 September mark first, an unsorted count would stop before counting anything.
    expect(tallySessions(timeline, dayNumber('2024-09-05'))).toMatchObject({ present: 3, authorised: 1, unauthorised: 0 });
  });

  it('counts marks in any order the same as in date order', () => {
    fc.assert(
      fc.property(
        register.chain((entries) => fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length })),
        fc.integer({ min: 0, max: SLOTS.length - 1 }),
        (shuffled, cut) => {
          const today = SLOTS[cut]![0];
          const sorted = [...shuffled].sort((a, b) => (a.mark.date + a.mark.session < b.mark.date + b.mark.session ? -1 : 1));
          expect(tally(shuffled.map((e) => e.mark), today)).toEqual(tally(sorted.map((e) => e.mark), today));
          const upToToday = shuffled.filter((e) => e.mark.date <= today);
          expect(tally(shuffled.map((e) => e.mark), today).present + tally(shuffled.map((e) => e.mark), today).approvedActivity).toBe(
            countOf(upToToday, 'present') + countOf(upToToday, 'approved-activity'),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('records arrival times as minutes after midnight, and -1 where there is none', () => {
    const timeline = new TimelineBuilder().build(pupilWith([mark('2024-09-02', 'AM', 'L', '09:15'), mark('2024-09-02', 'PM', '\\')]));
    expect([...timeline.arrivals]).toEqual([9 * 60 + 15, -1]);
  });
});
