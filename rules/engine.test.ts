import { describe, expect, it } from 'vitest';
import { mark, pupil, run, schoolDaysFrom } from '../test/support/rules';
import type { Check } from './checks/check';
import { CHECKS } from './checks';
import { RULE_IDS } from './findings';

const days = schoolDaysFrom('2024-09-02', 10);
/** n sessions: the first `absent` of them with the given code, the rest present. */
function register(sessions: number, absent: number, code = 'I') {
  return days.flatMap((d) => [mark(d, 'AM', '/'), mark(d, 'PM', '\\')]).slice(0, sessions).map((m, i) => (i < absent ? { ...m, mark: code } : m));
}

describe('the rules engine', () => {
  it('every rule id is reported by exactly one check', () => {
    const reported = CHECKS.flatMap((c) => c.rules);
    expect([...reported].sort()).toEqual([...RULE_IDS].sort());
  });

  it('a check that throws is reported as a failure and the other checks still run', () => {
    const broken: Check = {
      id: 'broken',
      rules: [],
      run() {
        throw new Error('selector changed');
      },
    };
    const result = run([pupil([mark('2024-10-01', 'AM', 'Q1')])], { today: '2024-10-01', checks: [broken, ...CHECKS] });
    expect(result.failures).toEqual([{ check: 'broken', upn: 'A123456789012', message: 'selector changed' }]);
    expect(result.findings.map((f) => f.rule)).toEqual(['code-unknown']);
  });

  it('a mark a check cannot decide fails alone: an N typed as 1925 on a page leaves the real overdue N reported (issue 11, item 11)', () => {
    const result = run([pupil([mark('1925-11-24', 'AM', 'N'), mark('2024-09-10', 'AM', 'N'), mark('2024-09-11', 'AM', '/')])], { today: '2024-10-01' });
    expect(result.failures).toEqual([{ check: 'unexplained-absence', upn: 'A123456789012', date: '1925-11-24', session: 'AM', message: expect.stringContaining('No 5 school days found') }]);
    expect(result.findings.filter((f) => f.rule === 'n-overdue').map((f) => f.date)).toEqual(['2024-09-10']);
  });

  it('lists findings most urgent first', () => {
    const result = run([pupil([mark('2024-10-01', 'AM', '\\'), mark('2024-10-02', 'AM', 'H')])], { today: '2024-10-02' });
    expect(result.findings.map((f) => f.severity)).toEqual(['error', 'warning']);
  });

  describe("each pupil's standing", () => {
    it('a pupil at exactly 90% is persistently absent, in the 90%-and-above band and tier 1', () => {
      const [standing] = run([pupil(register(20, 2))], { today: '2024-12-20' }).pupils;
      expect(standing).toMatchObject({ possibleSessions: 20, attendedSessions: 18, attendance: 90, persistentAbsence: true, severeAbsence: false });
      expect(standing!.band!.name).toBe('At or above 90%');
      expect(standing!.tier!.level).toBe(1);
    });

    it('just below 90% moves to the next band and tier 2', () => {
      const [standing] = run([pupil(register(20, 3))], { today: '2024-12-20' }).pupils;
      expect(standing!.attendance).toBe(85);
      expect(standing!.band!.name).toBe('80% to 90%');
      expect(standing!.tier!.level).toBe(2);
    });

    it('a pupil who missed exactly half is severely absent', () => {
      const [standing] = run([pupil(register(20, 10, 'O'))], { today: '2024-12-20' }).pupils;
      expect(standing).toMatchObject({ attendance: 50, persistentAbsence: true, severeAbsence: true });
      expect(standing!.tier!.level).toBe(5);
    });

    it('approved activity counts as attendance and not-possible codes are left out', () => {
      const marks = register(20, 0).map((m, i) => (i < 2 ? { ...m, mark: 'V' } : i < 6 ? { ...m, mark: 'Y1' } : m));
      const [standing] = run([pupil(marks)], { today: '2024-12-20' }).pupils;
      expect(standing).toMatchObject({ possibleSessions: 16, attendedSessions: 16, attendance: 100 });
    });

    it('a pupil with no possible sessions yet has no percentage, band or tier', () => {
      const [standing] = run([pupil([mark('2024-09-02', 'AM', 'Z')])], { today: '2024-12-20' }).pupils;
      expect(standing).toMatchObject({ possibleSessions: 0, attendance: null, band: null, tier: null, persistentAbsence: false });
    });
  });
});
