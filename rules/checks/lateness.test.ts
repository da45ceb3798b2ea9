import { describe, expect, it } from 'vitest';
import { makePolicy, mark, pupil, run } from '../../test/support/rules';
import { lateness } from './lateness';

// The test policy's registers: AM 09:00-09:30 (seed 003 §9.1), PM 13:00-13:30.
const check = (code: string, arrival: string | null, session: 'AM' | 'PM' = 'AM') =>
  run([pupil([mark('2024-10-01', session, code, arrival)])], { today: '2024-10-01', checks: [lateness] }).findings.map((f) => [
    f.rule,
    f.suggestion,
  ]);

describe('late or unauthorised, by the register closing time', () => {
  it('L for an arrival exactly at the closing minute is right', () => {
    expect(check('L', '09:30')).toEqual([]);
  });

  it('L for an arrival one minute after the register closed should be U', () => {
    expect(check('L', '09:31')).toEqual([['late-should-be-u', 'U']]);
  });

  it('U for an arrival exactly at the closing minute should be L', () => {
    expect(check('U', '09:30')).toEqual([['late-should-be-l', 'L']]);
  });

  it('U for an arrival after the close is right', () => {
    expect(check('U', '09:31')).toEqual([]);
  });

  it('N, or no mark, with an arrival after the close should be U', () => {
    expect(check('N', '10:15')).toEqual([['late-should-be-u', 'U']]);
    expect(check('', '09:45')).toEqual([['late-should-be-u', 'U']]);
  });

  it('a present mark for a pupil who arrived after the close should be U', () => {
    expect(check('/', '09:40')).toEqual([['late-should-be-u', 'U']]);
  });

  it('U for a pupil who arrived before registration started should be present, not late', () => {
    expect(check('U', '08:50')).toEqual([['late-should-be-l', '/']]);
    expect(check('U', '12:55', 'PM')).toEqual([['late-should-be-l', '\\']]);
  });

  it('uses the afternoon closing time for the afternoon session', () => {
    expect(check('L', '13:30', 'PM')).toEqual([]);
    expect(check('L', '13:31', 'PM')).toEqual([['late-should-be-u', 'U']]);
  });

  it('says nothing without an arrival time, or for codes that do not depend on it', () => {
    expect(check('L', null)).toEqual([]);
    expect(check('M', '10:30')).toEqual([]);
  });

  it('names the times and the policy in its message', () => {
    const [finding] = run([pupil([mark('2024-10-01', 'AM', 'L', '09:42')])], { today: '2024-10-01', checks: [lateness] }).findings;
    expect(finding!.what).toContain('09:42');
    expect(finding!.what).toContain('09:30');
    expect(finding!.why).toContain('Test Primary School');
    expect(finding!.action).toBe('Change the mark to U.');
  });
});

// Arbor and SIMS record "Mins late: 15" rather than a time: the arrival is the session's registration
// start in the policy plus those minutes. The test policy opens the AM register at 09:00 and closes it
// at 09:30 (seed 003 §9.1), so 30 minutes late is exactly at the close and 31 is after it.
describe('minutes late, counted from the registration start', () => {
  const late = (code: string, minutesLate: number, session: 'AM' | 'PM' = 'AM') =>
    run([pupil([{ ...mark('2024-10-01', session, code), minutesLate }])], { today: '2024-10-01', checks: [lateness] }).findings.map((f) => [f.rule, f.suggestion, f.what]);

  it('L for 30 minutes late (09:30, exactly at the close) is right', () => {
    expect(late('L', 30)).toEqual([]);
  });

  it('L for 31 minutes late (09:31, after the close) should be U, and says the time it stands for', () => {
    expect(late('L', 31)).toEqual([['late-should-be-u', 'U', 'Arrived at 09:31, after the register closed at 09:30, but marked L.']]);
  });

  it('U for 30 minutes late should be L', () => {
    expect(late('U', 30)).toEqual([['late-should-be-l', 'L', 'Arrived at 09:30, exactly when the register closed, but marked U.']]);
  });

  it('counts from the afternoon registration start for the afternoon (13:00 + 31 = 13:31)', () => {
    expect(late('L', 30, 'PM')).toEqual([]);
    expect(late('L', 31, 'PM').map(([rule]) => rule)).toEqual(['late-should-be-u']);
  });

  it('uses the policy in force: Micklefield opens at 08:55 and closes at 09:25 (seed 002 §7.1, §7.2)', () => {
    const policy = makePolicy({ sessions: { AM: { registrationStartsAt: '08:55', registerClosesAt: '09:25' }, PM: { registrationStartsAt: '13:15', registerClosesAt: '13:45' } } });
    const at = (minutesLate: number) => run([pupil([{ ...mark('2024-10-01', 'AM', 'L'), minutesLate }])], { today: '2024-10-01', checks: [lateness], policy }).findings.map((f) => f.rule);
    expect(at(30)).toEqual([]);
    expect(at(31)).toEqual(['late-should-be-u']);
  });

  it('a recorded arrival time wins over minutes late', () => {
    expect(run([pupil([{ ...mark('2024-10-01', 'AM', 'L', '09:10'), minutesLate: 45 }])], { today: '2024-10-01', checks: [lateness] }).findings).toEqual([]);
  });
});
