import { describe, expect, it } from 'vitest';
import { mark, pupil, run, schoolDaysFrom } from '../../test/support/rules';
import { continuousAbsence } from './continuous-absence';

const both = (days: string[], am: string, pm = am) => days.flatMap((d) => [mark(d, 'AM', am), mark(d, 'PM', pm)]);
const rules = (marks: ReturnType<typeof mark>[], today = '2025-07-22') =>
  run([pupil(marks)], { today, checks: [continuousAbsence] }).findings;

describe('10 continuous school days of unauthorised absence', () => {
  it('reports the tenth continuous school day, across a weekend', () => {
    const days = schoolDaysFrom('2024-09-16', 10); // Mon 16 Sep ... Fri 27 Sep 2024
    const findings = rules(both(days, 'O'));
    expect(findings.map((f) => [f.rule, f.date])).toEqual([['la-notify-10-days', '2024-09-27']]);
    expect(findings[0]!.what).toContain('Mon 16 Sep 2024');
  });

  it('does not report nine days', () => {
    expect(rules(both(schoolDaysFrom('2024-09-16', 9), 'O'))).toEqual([]);
  });

  it('counts across half term, which has no school days', () => {
    // Mon 21 Oct ... Fri 25 Oct, then Mon 4 ... Fri 8 Nov 2024.
    const days = schoolDaysFrom('2024-10-21', 10);
    expect(days).toContain('2024-11-04');
    expect(rules(both(days, 'N')).map((f) => f.date)).toEqual(['2024-11-08']);
  });

  it('mixes G, N, O and U', () => {
    const days = schoolDaysFrom('2024-09-16', 10);
    const codes = ['G', 'N', 'O', 'U'];
    expect(rules(days.flatMap((d, i) => [mark(d, 'AM', codes[i % 4]!), mark(d, 'PM', codes[(i + 1) % 4]!)]))).toHaveLength(1);
  });

  it('an authorised absence, or a present afternoon, breaks the run', () => {
    const days = schoolDaysFrom('2024-09-16', 10);
    const withIllness = both(days, 'O').map((m) => (m.date === days[4] && m.session === 'AM' ? { ...m, mark: 'I' } : m));
    expect(rules(withIllness)).toEqual([]);
    const withAfternoon = both(days, 'O').map((m) => (m.date === days[4] && m.session === 'PM' ? { ...m, mark: '\\' } : m));
    expect(rules(withAfternoon)).toEqual([]);
  });

  it('a school day missing from the register breaks the run', () => {
    const days = schoolDaysFrom('2024-09-16', 11).filter((_, i) => i !== 5);
    expect(rules(both(days, 'O'))).toEqual([]);
  });

  it('does not count days after today', () => {
    const days = schoolDaysFrom('2024-09-16', 10);
    expect(rules(both(days, 'O'), '2024-09-26')).toEqual([]);
  });
});
