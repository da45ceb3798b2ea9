import { describe, expect, it } from 'vitest';
import { makePolicy, mark, pupil, run } from '../../test/support/rules';
import { unexplainedAbsence } from './unexplained-absence';

// The Leeds 2024-25 calendar and a limit of 5 school days, warning when 2 or fewer remain
// (shared/reference/calendars.md, worked example; seeds 001-003).
function nOn(date: string, today: string, session: 'AM' | 'PM' = 'AM') {
  return run([pupil([mark(date, session, 'N')])], { today, checks: [unexplainedAbsence] }).findings;
}
const ruleOn = (date: string, today: string, session: 'AM' | 'PM' = 'AM') => nOn(date, today, session).map((f) => f.rule);

describe('N must be replaced within 5 school days', () => {
  describe('the worked example: N on Wed 23 Oct 2024, due Wed 6 Nov after half term', () => {
    it('is not yet due soon in half term, with three school days still to come', () => {
      expect(ruleOn('2024-10-23', '2024-11-01')).toEqual([]);
    });
    it('is due soon on Mon 4 Nov, with two school days left', () => {
      const [finding] = nOn('2024-10-23', '2024-11-04');
      expect(finding!.rule).toBe('n-due-soon');
      expect(finding!.what).toContain('2 school days left');
      expect(finding!.what).toContain('Wed 6 Nov 2024');
    });
    it('is due today on Wed 6 Nov', () => {
      expect(ruleOn('2024-10-23', '2024-11-06')).toEqual(['n-due-today']);
    });
    it('is overdue on Thu 7 Nov, and O is suggested', () => {
      const [finding] = nOn('2024-10-23', '2024-11-07');
      expect(finding).toMatchObject({ rule: 'n-overdue', severity: 'error', suggestion: 'O' });
      expect(finding!.what).toContain('1 school day ago');
    });
  });

  it('N on the Friday before half term is due on the fifth school day after it', () => {
    // Fri 25 Oct 2024; half term 28 Oct-1 Nov; school days Mon 4 ... Fri 8 Nov.
    expect(ruleOn('2024-10-25', '2024-11-07')).toEqual(['n-due-soon']);
    expect(ruleOn('2024-10-25', '2024-11-08')).toEqual(['n-due-today']);
    expect(ruleOn('2024-10-25', '2024-11-11')).toEqual(['n-overdue']);
  });

  it('N on the day after a bank holiday does not count the bank holiday', () => {
    // Mon 5 May 2025 is a bank holiday; N on Tue 6 May is due on Tue 13 May.
    expect(ruleOn('2025-05-06', '2025-05-13')).toEqual(['n-due-today']);
    // N on Fri 2 May: Tue 6, Wed 7, Thu 8, Fri 9, Mon 12 May.
    expect(ruleOn('2025-05-02', '2025-05-12')).toEqual(['n-due-today']);
    expect(ruleOn('2025-05-02', '2025-05-09')).toEqual(['n-due-soon']);
  });

  it('N in the last session before Christmas is due on the fifth school day of January', () => {
    expect(ruleOn('2024-12-20', '2025-01-10', 'PM')).toEqual(['n-due-today']);
    expect(ruleOn('2024-12-20', '2025-01-09', 'PM')).toEqual(['n-due-soon']);
    expect(ruleOn('2024-12-20', '2025-01-07', 'PM')).toEqual([]);
  });

  it('an overdue N seen at the weekend says how many school days have passed', () => {
    // Deadline Wed 6 Nov 2024; Sat 9 Nov is two school days later (Thu 7, Fri 8).
    expect(nOn('2024-10-23', '2024-11-09')[0]!.what).toContain('2 school days ago');
  });

  it('the warning window follows the policy', () => {
    const policy = makePolicy({ unexplainedAbsence: { limitSchoolDays: 3, warnWhenSchoolDaysLeft: 0 } });
    const rules = (today: string) =>
      run([pupil([mark('2024-10-01', 'AM', 'N')])], { today, policy, checks: [unexplainedAbsence] }).findings.map((f) => f.rule);
    expect(rules('2024-10-03')).toEqual([]);
    expect(rules('2024-10-04')).toEqual(['n-due-today']);
    expect(rules('2024-10-07')).toEqual(['n-overdue']);
  });

  it('says nothing of an N on the day itself, or of an N whose pupil then arrived', () => {
    expect(ruleOn('2024-10-23', '2024-10-23')).toEqual([]);
    expect(run([pupil([mark('2024-10-23', 'AM', 'N', '09:50')])], { today: '2024-11-07', checks: [unexplainedAbsence] }).findings).toEqual([]);
  });

  it('reads a lower-case n as N', () => {
    expect(run([pupil([mark('2024-10-23', 'AM', ' n')])], { today: '2024-11-06', checks: [unexplainedAbsence] }).findings.map((f) => f.rule)).toEqual([
      'n-due-today',
    ]);
  });
});
