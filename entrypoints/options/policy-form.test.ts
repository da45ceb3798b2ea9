import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../rules/policy/schema';
import { presetInput } from '../../rules/presets';
import { applyForm, formFromPolicy, readCodeList, readSiteOrigin } from './policy-form';

describe('the options page policy form', () => {
  it('round-trips a preset unchanged', () => {
    const input = presetInput('micklefield');
    const edited = applyForm(input, formFromPolicy(input));
    const before = parsePolicy(input);
    const after = parsePolicy(edited);
    expect(after.ok && before.ok && after.policy).toEqual(before.ok && before.policy);
  });

  it('puts edits in place and keeps what the form does not show (the calendar, the notes)', () => {
    const input = presetInput('micklefield');
    const form = formFromPolicy(input);
    form.amCloses = '09:15';
    form.limitSchoolDays = '3';
    form.warnWhenSchoolDaysLeft = '1';
    form.teacherCodes = '/, \\, L, N, I';
    form.tiers[1]!.nextSteps = 'Phone home\n\n  Letter 1  ';
    const result = parsePolicy(applyForm(input, form));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.sessions.AM.registerClosesAt).toBe('09:15');
    expect(result.policy.unexplainedAbsence.limitSchoolDays).toBe(3);
    expect(result.policy.codes.teacher).toEqual(['/', '\\', 'L', 'N', 'I']);
    expect(result.policy.tiers[1]!.nextSteps).toEqual(['Phone home', 'Letter 1']);
    expect(result.policy.calendar.academicYears.map((y) => y.label)).toEqual(['2024-25', '2025-26']);
  });

  it('leaves bad fields for the schema to name, with their place', () => {
    const input = presetInput('micklefield');
    const form = formFromPolicy(input);
    form.amCloses = '9.25';
    form.limitSchoolDays = 'five';
    form.bands[0]!.colour = 'green';
    const result = parsePolicy(applyForm(input, form));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['sessions.AM.registerClosesAt', 'unexplainedAbsence.limitSchoolDays', 'bands[0].colour']));
  });

  it('reads code lists as staff type them', () => {
    expect(readCodeList('all')).toBe('all');
    expect(readCodeList('  ')).toBe('all');
    expect(readCodeList('/ \\ L N')).toEqual(['/', '\\', 'L', 'N']);
    expect(readCodeList('/,\\, L,N')).toEqual(['/', '\\', 'L', 'N']);
  });

  it('accepts an MIS site as an https origin, and says what is wrong otherwise', () => {
    expect(readSiteOrigin(' https://school.arbor.sc ')).toEqual({ ok: true, origin: 'https://school.arbor.sc' });
    expect(readSiteOrigin('https://mis.example:8443/')).toEqual({ ok: true, origin: 'https://mis.example:8443' });
    expect(readSiteOrigin('http://mis.example')).toEqual({ ok: false, message: 'MIS sites must use https:// (pupil data must not travel unencrypted)' });
    expect(readSiteOrigin('https://mis.example/register?x=1')).toEqual({ ok: false, message: 'only the site is needed, without a path: https://mis.example' });
    expect(readSiteOrigin('arbor')).toMatchObject({ ok: false });
  });
});
