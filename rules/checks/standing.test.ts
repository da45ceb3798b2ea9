import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mark, pupil, run, schoolDaysFrom } from '../../test/support/rules';
import { reachesAbsenceThreshold } from './standing';

// Enough school days in the test calendar for any register the properties build.
const DAYS = schoolDaysFrom('2024-09-02', 120);
const SLOTS = DAYS.flatMap((d) => [['AM', d], ['PM', d]] as const);

/** A register with the given numbers of sessions of each kind, in date order. */
function register(counts: { present: number; aea: number; authorised: number; unauthorised: number; notPossible: number }) {
  const codes = [
    ...Array<string>(counts.present).fill('L'),
    ...Array<string>(counts.aea).fill('V'),
    ...Array<string>(counts.authorised).fill('I'),
    ...Array<string>(counts.unauthorised).fill('O'),
    ...Array<string>(counts.notPossible).fill('Y1'),
  ];
  return pupil(codes.map((code, i) => mark(SLOTS[i]![1], SLOTS[i]![0], code)));
}

const tally = fc.record({
  present: fc.integer({ min: 0, max: 60 }),
  aea: fc.integer({ min: 0, max: 20 }),
  authorised: fc.integer({ min: 0, max: 40 }),
  unauthorised: fc.integer({ min: 0, max: 40 }),
  notPossible: fc.integer({ min: 0, max: 30 }),
});

describe('the percentage maths (DfE method)', () => {
  it('attendance is (present + approved activity) over possible sessions, and not-possible codes change nothing', () => {
    fc.assert(
      fc.property(tally, (t) => {
        const [standing] = run([register(t)], { today: '2025-07-22' }).pupils;
        const possible = t.present + t.aea + t.authorised + t.unauthorised;
        expect(standing!.possibleSessions).toBe(possible);
        expect(standing!.attendedSessions).toBe(t.present + t.aea);
        if (possible === 0) {
          expect(standing!.attendance).toBeNull();
        } else {
          expect(standing!.attendance).toBeCloseTo((100 * (t.present + t.aea)) / possible, 10);
          const [without] = run([register({ ...t, notPossible: 0 })], { today: '2025-07-22' }).pupils;
          expect(without!.attendance).toBe(standing!.attendance);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('persistent and severe absence agree with exact fractions, never rounded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 400 }), (possible, m) => {
        const missed = m % (possible + 1);
        expect(reachesAbsenceThreshold(missed, possible, 10)).toBe(10 * missed >= possible);
        expect(reachesAbsenceThreshold(missed, possible, 50)).toBe(2 * missed >= possible);
      }),
    );
  });

  it('exactly 10% missed is persistent, and one session fewer is not', () => {
    expect(reachesAbsenceThreshold(19, 190, 10)).toBe(true);
    expect(reachesAbsenceThreshold(18, 190, 10)).toBe(false);
    expect(reachesAbsenceThreshold(2, 20, 10)).toBe(true);
    // 93.5% attendance target style thresholds: 6.5% of 200 sessions is 13.
    expect(reachesAbsenceThreshold(13, 200, 6.5)).toBe(true);
    expect(reachesAbsenceThreshold(12, 200, 6.5)).toBe(false);
  });

  it('marks after today are not counted yet', () => {
    const [standing] = run([pupil([mark('2024-09-02', 'AM', 'I'), mark('2024-09-03', 'AM', 'I')])], { today: '2024-09-02' }).pupils;
    expect(standing!.possibleSessions).toBe(1);
  });

  it('each mark counts by the code set of its date: J in July 2024 is attendance, J1 in September 2024 is absence', () => {
    const [standing] = run([pupil([mark('2024-07-10', 'AM', 'J'), mark('2024-09-10', 'AM', 'J1')])], { today: '2024-09-10' }).pupils;
    expect(standing).toMatchObject({ possibleSessions: 2, attendedSessions: 1, approvedActivity: 1, authorised: 1 });
  });

  it('marks in any order are counted the same', () => {
    const marks = [mark('2024-09-03', 'PM', 'O'), mark('2024-09-02', 'AM', '/'), mark('2024-09-02', 'PM', 'I')];
    const [shuffled] = run([pupil(marks)], { today: '2024-09-10' }).pupils;
    expect(shuffled).toMatchObject({ possibleSessions: 3, attendedSessions: 1, authorised: 1, unauthorised: 1 });
  });
});
