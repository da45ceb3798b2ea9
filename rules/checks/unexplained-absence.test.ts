import { describe, expect, it } from 'vitest';
import { schoolCalendarFor } from '../calendar/bank-holidays';
import { makePolicy, mark, pupil, run, schoolDaysFrom } from '../../test/support/rules';
import { nDeadline, unexplainedAbsence } from './unexplained-absence';

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

describe('nDeadline: the countdown the follow-up list shows, from the same reckoning as the check', () => {
  const policy = makePolicy();
  const calendar = schoolCalendarFor(policy.calendar);
  const at = (date: string, today: string) => nDeadline(calendar, policy, date, today);

  it('the worked example, N on Wed 23 Oct 2024: every day from the N to the day after its deadline', () => {
    expect(at('2024-10-23', '2024-10-23')).toEqual({ deadline: '2024-11-06', schoolDaysLeft: 5, status: 'later' });
    // Half term (28 Oct to 1 Nov) does not count down.
    expect(at('2024-10-23', '2024-10-25')).toEqual({ deadline: '2024-11-06', schoolDaysLeft: 3, status: 'later' });
    expect(at('2024-10-23', '2024-11-01')).toEqual({ deadline: '2024-11-06', schoolDaysLeft: 3, status: 'later' });
    expect(at('2024-10-23', '2024-11-04')).toEqual({ deadline: '2024-11-06', schoolDaysLeft: 2, status: 'due-soon' });
    expect(at('2024-10-23', '2024-11-05')).toEqual({ deadline: '2024-11-06', schoolDaysLeft: 1, status: 'due-soon' });
    expect(at('2024-10-23', '2024-11-06')).toEqual({ deadline: '2024-11-06', schoolDaysLeft: 0, status: 'due-today' });
    expect(at('2024-10-23', '2024-11-07')).toEqual({ deadline: '2024-11-06', schoolDaysLeft: -1, status: 'overdue' });
  });

  it('N on the Friday before half term (Fri 25 Oct 2024) is due on Fri 8 Nov', () => {
    expect(at('2024-10-25', '2024-10-25')).toEqual({ deadline: '2024-11-08', schoolDaysLeft: 5, status: 'later' });
  });

  it('the Saturday after a Friday deadline is overdue, though no school day has passed', () => {
    expect(at('2024-10-25', '2024-11-09')).toEqual({ deadline: '2024-11-08', schoolDaysLeft: 0, status: 'overdue' });
  });

  it('agrees with the check on every day of a term, for an N on every day of it', () => {
    const days = schoolDaysFrom('2024-09-02', 40);
    const rule = { 'n-overdue': 'overdue', 'n-due-today': 'due-today', 'n-due-soon': 'due-soon' } as const;
    for (const date of days.slice(0, 20)) {
      for (const today of days) {
        if (today <= date) continue;
        const found = ruleOn(date, today)[0] as keyof typeof rule | undefined;
        expect(at(date, today).status, `${date} seen ${today}`).toBe(found === undefined ? 'later' : rule[found]);
      }
    }
  });
});
