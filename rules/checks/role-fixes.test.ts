// A fix is offered only where the person's role may enter it (issue 14, item 1), and the messages
// name each code one way, without brackets inside brackets (item 7). Against Micklefield's policy:
// teachers enter only / \ L N (seed 002 §7.1), the morning register closes at 09:25 (§7.2).

import { describe, expect, it } from 'vitest';
import { CODES_2006, CODES_2024 } from '../codes';
import { presetPolicy } from '../presets';
import { mark, pupil, run } from '../../test/support/rules';

const micklefield = presetPolicy('micklefield');
const today = '2025-11-26';

function findingsAs(role: 'teacher' | 'office', ...marks: ReturnType<typeof mark>[]) {
  return run([pupil(marks)], { today, policy: micklefield, role }).findings;
}

describe('fixes a teacher may make, under Micklefield’s policy', () => {
  it('the policy limits teachers to / \\ L N', () => {
    expect(micklefield.codes.teacher).toEqual(['/', '\\', 'L', 'N']);
    expect(micklefield.sessions.AM.registerClosesAt).toBe('09:25');
  });

  it('L, arrived 09:40 (after the 09:25 close): the office is offered U; a teacher is told to tell the office, with no U to accept', () => {
    const office = findingsAs('office', mark('2025-11-24', 'AM', 'L', '09:40')).find((f) => f.rule === 'late-should-be-u')!;
    expect(office).toMatchObject({ suggestion: 'U', alternatives: ['U'], action: 'Change the mark to U.' });

    const teacher = findingsAs('teacher', mark('2025-11-24', 'AM', 'L', '09:40')).find((f) => f.rule === 'late-should-be-u')!;
    expect(teacher.suggestion).toBeNull();
    expect(teacher.alternatives).toEqual([]);
    expect(teacher.action).toBe('Tell the office: arrived at 09:40, after the register closed at 09:25; they record U.');
    // What is wrong and why stay the same for both.
    expect(teacher.what).toBe(office.what);
  });

  it('a teacher who typed U for an arrival before the close is still offered L, a code teachers may enter', () => {
    const late = findingsAs('teacher', mark('2025-11-24', 'AM', 'U', '09:10')).find((f) => f.rule === 'late-should-be-l')!;
    expect(late).toMatchObject({ suggestion: 'L', alternatives: ['L'] });
    expect(late.action).toContain('Change the mark to L');
  });

  it('H typed by a teacher: no "change to C or G"; the teacher is told to tell the office', () => {
    const [office] = findingsAs('office', mark('2025-11-25', 'AM', 'H'));
    expect(office).toMatchObject({ rule: 'code-withdrawn', alternatives: ['C', 'G'] });
    expect(office!.action).toContain('Change the mark to C or G');

    const [teacher] = findingsAs('teacher', mark('2025-11-25', 'AM', 'H'));
    expect(teacher).toMatchObject({ rule: 'code-withdrawn', suggestion: null, alternatives: [] });
    expect(teacher!.action).not.toContain('Change the mark');
    expect(teacher!.action).toMatch(/^Tell the office .*they record C or G\.$/);
  });

  it('an overdue N: the office is offered O, a teacher is told to tell the office', () => {
    const overdue = (role: 'teacher' | 'office') => findingsAs(role, mark('2025-11-17', 'AM', 'N')).find((f) => f.rule === 'n-overdue')!;
    expect(overdue('office').suggestion).toBe('O');
    expect(overdue('teacher')).toMatchObject({ suggestion: null, alternatives: [] });
    expect(overdue('teacher').action).toMatch(/^Tell the office/);
  });
});

describe('one name per code, and no brackets inside brackets', () => {
  it('a teacher entering I is told what I is without nested brackets', () => {
    const [finding] = findingsAs('teacher', mark('2025-11-24', 'AM', 'I'));
    expect(finding!.rule).toBe('code-not-allowed');
    expect(finding!.what).toContain('illness (not a medical or dental appointment)');
    expect(finding!.what).not.toMatch(/\([^)]*\(/);
  });

  it('N has one name in both code sets and in every N finding', () => {
    const name = 'reason for absence not yet established';
    expect(CODES_2024.get('N')!.meaning.toLowerCase()).toBe(name);
    expect(CODES_2006.get('N')!.meaning.toLowerCase()).toBe(name);
    const findings = findingsAs('office', mark('2025-11-17', 'AM', 'N'), mark('2025-11-19', 'AM', 'N'), mark('2025-11-20', 'AM', 'N'));
    expect(findings.filter((f) => f.rule.startsWith('n-')).map((f) => f.what.includes(`N (${name})`))).toEqual([true, true, true]);
    const [notAllowed] = findingsAs('teacher', mark('2025-11-24', 'AM', 'O'));
    expect(notAllowed!.action).toContain(`N (${name})`);
  });
});
