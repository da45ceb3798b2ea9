import { describe, expect, it } from 'vitest';
import { mark, pupil, run } from '../../test/support/rules';
import { penaltyThreshold } from './penalty-threshold';

const check = (marks: ReturnType<typeof mark>[], today = '2025-07-22') =>
  run([pupil(marks)], { today, checks: [penaltyThreshold] }).findings;

/** One unauthorised morning on each of these dates. */
const mornings = (dates: string[], code = 'G') => dates.map((d) => mark(d, 'AM', code));

describe('penalty-notice threshold: 10 unauthorised sessions in a rolling 10 school weeks', () => {
  it('reports the tenth unauthorised session within the window', () => {
    const findings = check(mornings(['2024-09-02', '2024-09-03', '2024-09-04', '2024-09-05', '2024-09-06', '2024-09-09', '2024-09-10', '2024-09-11', '2024-09-12', '2024-09-13']));
    expect(findings.map((f) => [f.rule, f.date])).toEqual([['penalty-threshold', '2024-09-13']]);
  });

  it('does not report nine', () => {
    expect(check(mornings(['2024-09-02', '2024-09-03', '2024-09-04', '2024-09-05', '2024-09-06', '2024-09-09', '2024-09-10', '2024-09-11', '2024-09-12']))).toEqual([]);
  });

  it('counts G, N, O and U but not authorised absence', () => {
    const dates = ['2024-09-02', '2024-09-03', '2024-09-04', '2024-09-05', '2024-09-06', '2024-09-09', '2024-09-10', '2024-09-11', '2024-09-12', '2024-09-13'];
    const mixed = dates.map((d, i) => mark(d, 'AM', ['G', 'N', 'O', 'U'][i % 4]!));
    expect(check(mixed)).toHaveLength(1);
    expect(check(mixed.map((m, i) => (i === 0 ? { ...m, mark: 'I' } : m)))).toEqual([]);
  });

  it('one session a week for 10 school weeks reaches it; spread over 11 school weeks it does not', () => {
    // Mondays from 2 Sep 2024: 2, 9, 16, 23, 30 Sep, 7, 14, 21 Oct, (half term 28 Oct), 4, 11, 18 Nov.
    const tenWeeks = ['2024-09-02', '2024-09-09', '2024-09-16', '2024-09-23', '2024-09-30', '2024-10-07', '2024-10-14', '2024-10-21', '2024-11-04', '2024-11-11'];
    // The half-term week is not a school week, so these ten Mondays span 10 school weeks.
    expect(check(mornings(tenWeeks)).map((f) => f.date)).toEqual(['2024-11-11']);
    const elevenWeeks = [...tenWeeks.slice(1), '2024-11-18'];
    const withFirst = ['2024-09-02', ...elevenWeeks.slice(1)];
    expect(check(mornings(withFirst))).toEqual([]);
  });

  it('the window may span terms', () => {
    // Five sessions in the last week before Christmas, five in the first week of January.
    const dates = ['2024-12-16', '2024-12-17', '2024-12-18', '2024-12-19', '2024-12-20', '2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09', '2025-01-10'];
    expect(check(mornings(dates, 'O')).map((f) => f.date)).toEqual(['2025-01-10']);
  });

  it('reports a pupil once while they stay over the threshold', () => {
    const days = ['2024-09-02', '2024-09-03', '2024-09-04', '2024-09-05', '2024-09-06', '2024-09-09', '2024-09-10'];
    const marks = days.flatMap((d) => [mark(d, 'AM', 'G'), mark(d, 'PM', 'G')]);
    expect(check(marks)).toHaveLength(1);
  });
});
