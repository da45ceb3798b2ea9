import { describe, expect, it } from 'vitest';
import { mark, pupil, run } from '../../test/support/rules';
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
