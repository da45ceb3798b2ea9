import { describe, expect, it } from 'vitest';
import { mark, pupil, rulesOf, run } from '../../test/support/rules';
import { compulsorySchoolAgeEnds, compulsorySchoolAgeStarts, codeValidity } from './code-validity';

const only = { checks: [codeValidity] };

describe('code validity', () => {
  it('accepts every ordinary mark of the 2024 set', () => {
    const marks = ['/', 'L', 'I', 'M', 'N', 'O', 'G', 'U', 'C1', 'C2', 'J1', 'K', 'Q', 'Y1', 'Y7', 'B', 'V', 'P', 'W', 'D', 'C', 'E', 'R', 'S', 'T', 'Z', '#'].map(
      (code, i) => mark(`2024-09-${String(2 + (i % 20)).padStart(2, '0')}`, 'AM', code),
    );
    expect(run([pupil(marks)], { today: '2024-12-20', ...only }).findings).toEqual([]);
  });

  it('reports a mark that is no DfE code, naming the mark', () => {
    const result = run([pupil([mark('2024-10-01', 'AM', 'Q1')])], { today: '2024-10-01', ...only });
    expect(rulesOf(result)).toEqual(['code-unknown']);
    expect(result.findings[0]!.severity).toBe('error');
    expect(result.findings[0]!.what).toContain("'Q1'");
  });

  it('reads marks whatever their case and spacing, and the one-character stand-ins', () => {
    const marks = [mark('2024-10-01', 'AM', ' i '), mark('2024-10-01', 'PM', 'm'), mark('2024-10-02', 'AM', '?'), mark('2024-10-02', 'PM', '$')];
    expect(run([pupil(marks)], { today: '2024-10-02', ...only }).findings).toEqual([]);
  });

  describe('either side of 19 August 2024', () => {
    it('H is valid on Sunday 18 August 2024 and withdrawn on Monday 19 August 2024', () => {
      const result = run([pupil([mark('2024-08-18', 'AM', 'H'), mark('2024-08-19', 'AM', 'H')])], { today: '2024-09-02', ...only });
      expect(result.findings.map((f) => [f.rule, f.date])).toEqual([['code-withdrawn', '2024-08-19']]);
      expect(result.findings[0]!.alternatives).toEqual(['C', 'G']);
      expect(result.findings[0]!.suggestion).toBeNull();
    });

    it('J after 19 August 2024 is withdrawn and J1 is suggested', () => {
      const [finding] = run([pupil([mark('2024-09-10', 'AM', 'J')])], { today: '2024-09-10', ...only }).findings;
      expect(finding).toMatchObject({ rule: 'code-withdrawn', suggestion: 'J1' });
    });

    it('the single Y after 19 August 2024 is withdrawn, with Y1 to Y7 to choose from', () => {
      const [finding] = run([pupil([mark('2024-09-10', 'PM', 'Y')])], { today: '2024-09-10', ...only }).findings;
      expect(finding).toMatchObject({ rule: 'code-withdrawn', suggestion: null, alternatives: ['Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7'] });
    });

    it('F was withdrawn in 2013', () => {
      const result = run([pupil([mark('2013-07-01', 'AM', 'F'), mark('2013-09-02', 'AM', 'F')])], { today: '2013-09-02', ...only });
      expect(result.findings.map((f) => [f.rule, f.date])).toEqual([['code-withdrawn', '2013-09-02']]);
    });

    it('J1 on 18 August 2024 was not yet in force, and J is suggested; on 19 August it is valid', () => {
      const result = run([pupil([mark('2024-08-18', 'AM', 'J1'), mark('2024-08-19', 'AM', 'J1')])], { today: '2024-09-02', ...only });
      expect(result.findings.map((f) => [f.rule, f.date, f.suggestion])).toEqual([['code-not-yet-in-force', '2024-08-18', 'J']]);
    });

    it('each new code dated before 19 August 2024 is not yet in force', () => {
      const newCodes = ['C1', 'C2', 'J1', 'K', 'Q', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7'];
      const result = run([pupil(newCodes.map((c) => mark('2024-07-10', 'AM', c)))], { today: '2024-07-10', ...only });
      expect(result.findings.map((f) => f.mark).sort()).toEqual([...newCodes].sort());
      expect(new Set(rulesOf(result))).toEqual(new Set(['code-not-yet-in-force']));
    });

    it('a stand-in for a new code is judged as that code', () => {
      const [finding] = run([pupil([mark('2024-07-10', 'AM', '<')])], { today: '2024-07-10', ...only }).findings;
      expect(finding).toMatchObject({ rule: 'code-not-yet-in-force', mark: '<', suggestion: 'C' });
    });
  });

  describe('codes the policy does not allow for the role', () => {
    it('a teacher entering I is told it is for the office; office staff are not', () => {
      const register = [pupil([mark('2024-10-01', 'AM', 'I'), mark('2024-10-01', 'PM', 'N')])];
      expect(rulesOf(run(register, { today: '2024-10-01', role: 'teacher', ...only }))).toEqual(['code-not-allowed']);
      expect(rulesOf(run(register, { today: '2024-10-01', role: 'office', ...only }))).toEqual([]);
    });
  });

  describe('present marks in the wrong session', () => {
    it('/ in the afternoon should be \\ and \\ in the morning should be /', () => {
      const result = run([pupil([mark('2024-10-01', 'AM', '\\'), mark('2024-10-01', 'PM', '/')])], { today: '2024-10-01', ...only });
      expect(result.findings.map((f) => [f.rule, f.session, f.suggestion])).toEqual([
        ['code-wrong-session', 'AM', '/'],
        ['code-wrong-session', 'PM', '\\'],
      ]);
    });
  });

  describe('X for a pupil of compulsory school age', () => {
    it('compulsory school age starts on the prescribed day on or after the fifth birthday', () => {
      // Seed 003, appendix 2: turning 5 in January to March → from the term after 31 March, and so on.
      expect(compulsorySchoolAgeStarts('2019-02-10')).toBe('2024-03-31');
      expect(compulsorySchoolAgeStarts('2019-03-31')).toBe('2024-03-31');
      expect(compulsorySchoolAgeStarts('2019-04-01')).toBe('2024-08-31');
      expect(compulsorySchoolAgeStarts('2019-08-31')).toBe('2024-08-31');
      expect(compulsorySchoolAgeStarts('2019-09-01')).toBe('2024-12-31');
      expect(compulsorySchoolAgeStarts('2019-12-31')).toBe('2024-12-31');
    });

    it('compulsory school age ends on the last Friday in June of the school year the child turns 16', () => {
      expect(compulsorySchoolAgeEnds('2008-05-01')).toBe('2024-06-28');
      expect(compulsorySchoolAgeEnds('2008-07-15')).toBe('2024-06-28');
      expect(compulsorySchoolAgeEnds('2008-10-01')).toBe('2025-06-27');
    });

    it('reports X for a pupil of compulsory school age, and not for a younger one or one whose date of birth is unknown', () => {
      const x = [mark('2024-09-10', 'AM', 'X')];
      expect(rulesOf(run([pupil(x, { dob: '2019-06-15' })], { today: '2024-09-10', ...only }))).toEqual(['code-x-compulsory-age']);
      expect(rulesOf(run([pupil(x, { dob: '2019-09-15' })], { today: '2024-09-10', ...only }))).toEqual([]);
      expect(rulesOf(run([pupil(x, { dob: null })], { today: '2024-09-10', ...only }))).toEqual([]);
    });

    it('suggests C2 only where C2 exists', () => {
      const after = run([pupil([mark('2024-09-10', 'AM', 'X')], { dob: '2015-01-01' })], { today: '2024-09-10', ...only }).findings[0]!;
      const before = run([pupil([mark('2024-07-10', 'AM', 'X')], { dob: '2015-01-01' })], { today: '2024-07-10', ...only }).findings[0]!;
      expect(after.alternatives).toContain('C2');
      expect(before.alternatives).toEqual(['C']);
    });
  });
});
