import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../rules/policy/schema';
import { PRESET_IDS, presetInput } from '../../rules/presets';
import { bandFor } from '../../rules/checks/standing';
import { applyForm, dfeCodeChoices, formFromPolicy, policyFieldId, readClockTime, readCodeList, readSiteOrigin, withClockTimes } from './policy-form';

describe('the options page policy form', () => {
  it('round-trips a preset unchanged', () => {
    const input = presetInput('micklefield');
    const edited = applyForm(input, formFromPolicy(input));
    const before = parsePolicy(input);
    const after = parsePolicy(edited);
    expect(after.ok && before.ok && after.policy).toEqual(before.ok && before.policy);
  });

  it.each(PRESET_IDS)('round-trips %s, every band and tier line on the side it was (issue 11, item 14)', (id) => {
    const input = presetInput(id);
    const before = parsePolicy(input);
    const after = parsePolicy(applyForm(input, formFromPolicy(input)));
    expect(after.ok && before.ok && after.policy).toEqual(before.ok && before.policy);
  });

  it('shows whether each line is included, and writes the words that say so', () => {
    const input = presetInput('valence');
    const form = formFromPolicy(input);
    // Valence: "Above 95%" (95 not included), "95% and below" (95 included).
    expect([form.bands[0]!.atLeast, form.bands[0]!.includesFrom, form.bands[1]!.below, form.bands[1]!.includesTo]).toEqual(['95', false, '95', true]);
    expect([form.tiers[1]!.appliesBelow, form.tiers[1]!.includesLine]).toEqual(['95', true]);
    form.bands[0]!.includesFrom = true;
    form.bands[1]!.includesTo = false;
    form.tiers[1]!.includesLine = false;
    const result = parsePolicy(applyForm(input, form));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.bands[0]).toMatchObject({ atLeast: 95 });
    expect(result.policy.bands[0]!.above).toBeUndefined();
    expect(result.policy.bands[1]).toMatchObject({ above: 90, below: 95 });
    expect(result.policy.tiers[1]).toMatchObject({ appliesBelow: 95 });
    expect(bandFor(result.policy, 95)?.name).toBe('Above 95%');
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

  it('accepts an MIS site as an https (or, flagged unencrypted, http) origin, and says what is wrong otherwise', () => {
    expect(readSiteOrigin(' https://school.arbor.sc ')).toEqual({ ok: true, origin: 'https://school.arbor.sc', unencrypted: false });
    expect(readSiteOrigin('https://mis.example:8443/')).toEqual({ ok: true, origin: 'https://mis.example:8443', unencrypted: false });
    expect(readSiteOrigin('http://mis.example')).toEqual({ ok: true, origin: 'http://mis.example', unencrypted: true });
    expect(readSiteOrigin('ftp://mis.example')).toMatchObject({ ok: false, message: expect.stringContaining('starts https://') });
    expect(readSiteOrigin('https://mis.example/register?x=1')).toEqual({ ok: false, message: 'only the site is needed, without a path: https://mis.example' });
    expect(readSiteOrigin('arbor')).toMatchObject({ ok: false });
  });
});

describe("the policy form's school codes (issue 13, item 3)", () => {
  const table = [
    { code: 'I01', dfe: 'I', name: "Illness: doctor's note seen" },
    { code: '7', dfe: 'X', name: 'COVID-era code' },
  ];

  it('shows the table and writes it back unchanged; a policy without one gains none', () => {
    const input = { ...presetInput('micklefield'), schoolCodes: table };
    const form = formFromPolicy(input);
    expect(form.schoolCodes).toEqual(table);
    expect(applyForm(input, form).schoolCodes).toEqual(table);
    const bare = presetInput('micklefield');
    expect(formFromPolicy(bare).schoolCodes).toEqual([]);
    expect(applyForm(bare, formFromPolicy(bare))).not.toHaveProperty('schoolCodes');
  });

  it('a row added, one removed, spaces around a code or name taken off; the last row removed leaves an empty table', () => {
    const input = { ...presetInput('micklefield'), schoolCodes: table };
    const form = formFromPolicy(input);
    form.schoolCodes = [form.schoolCodes[1]!, { code: ' = ', dfe: 'Y7', name: ' Unable to attend ' }];
    expect(applyForm(input, form).schoolCodes).toEqual([table[1], { code: '=', dfe: 'Y7', name: 'Unable to attend' }]);
    form.schoolCodes = [];
    expect(applyForm(input, form).schoolCodes).toEqual([]);
  });

  it('a code with a space inside is kept as typed, so the policy refuses it at its field', () => {
    const input = presetInput('micklefield');
    const form = formFromPolicy(input);
    form.schoolCodes = [{ code: 'I 01', dfe: 'I', name: 'Ill' }];
    const result = parsePolicy(applyForm(input, form));
    expect(result.ok ? [] : result.problems).toEqual([{ path: 'school code 1, the code', message: expect.stringMatching(/^'I 01' has a space in it/) }]);
  });

  it('offers every DfE code once, each with its meaning: the 2024 set, then the older codes', () => {
    const choices = dfeCodeChoices();
    expect(new Set(choices.map((c) => c.code)).size).toBe(choices.length);
    expect(choices.find((c) => c.code === 'I')?.label).toBe('I: Illness (not a medical or dental appointment)');
    expect(choices.find((c) => c.code === 'H')?.label).toBe('H: Family holiday agreed by the school (before 19 August 2024)');
    expect(choices.find((c) => c.code === 'F')?.label).toMatch(/\(before 2013\)$/);
    // 34 codes in force since 2024, and J, F, H and Y of the 2006 set (shared/reference/attendance-codes.md).
    expect(choices.map((c) => c.code).slice(-4).sort()).toEqual(['F', 'H', 'J', 'Y']);
    expect(choices).toHaveLength(38);
  });
});

describe('times as staff type them (issue 14, item 8)', () => {
  it.each([
    ['9:30', '09:30'],
    ['9.30', '09:30'],
    ['09:30', '09:30'],
    [' 09.30 ', '09:30'],
    ['0930', '09:30'],
    ['930', '09:30'],
    ['13:05', '13:05'],
    ['9:30am', '09:30'],
    ['9.30 a.m.', '09:30'],
    ['1.15pm', '13:15'],
    ['1:15 PM', '13:15'],
    ['12:30pm', '12:30'],
    ['12am', '00:00'],
    ['9am', '09:00'],
    ['midday', '12:00'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
  ])('reads %j as %s', (typed, time) => {
    expect(readClockTime(typed)).toBe(time);
  });

  it.each(['', '9', '93', '24:00', '9:60', '9.75', '13:00pm', '0am', 'nine thirty', '9:3', '09:30:00', '12345'])('refuses %j', (typed) => {
    expect(readClockTime(typed)).toBeNull();
  });

  it('writes readable times HH:MM and leaves the rest as typed, for the form to say so', () => {
    const form = formFromPolicy(presetInput('micklefield'));
    const out = withClockTimes({ ...form, amStarts: '8.40', amCloses: '9:0', pmStarts: '1.15pm' });
    expect([out.amStarts, out.amCloses, out.pmStarts, out.pmCloses]).toEqual(['08:40', '9:0', '13:15', form.pmCloses]);
  });
});

describe('policyFieldId: the control a policy problem is about', () => {
  it.each([
    ['schoolName', 'policy-schoolName'],
    ['sessions.AM.registerClosesAt', 'policy-amCloses'],
    ['sessions.PM.registrationStartsAt', 'policy-pmStarts'],
    ['unexplainedAbsence.limitSchoolDays', 'policy-limitSchoolDays'],
    ['codes.teacher[2]', 'policy-teacherCodes'],
    ['attendanceTarget', 'policy-attendanceTarget'],
    ['bands[1].above', 'band-2-atLeast'],
    ['bands[0].atMost', 'band-1-below'],
    ['bands[2]', 'band-3-name'],
    ['tiers[0].appliesAtOrBelow', 'tier-1-appliesBelow'],
    ['tiers[1].nextSteps[0]', 'tier-2-nextSteps'],
    ['schoolCodes[1].dfe', 'school-code-2-dfe'],
    ['school code 2, the DfE code', 'school-code-2-dfe'],
    ['school code 1, the name', 'school-code-1-name'],
  ])('%s is %s', (path, id) => {
    expect(policyFieldId(path)).toBe(id);
  });

  it('is null for what the form does not show', () => {
    expect(policyFieldId('calendar.academicYears[0].terms[1].end')).toBeNull();
    expect(policyFieldId('')).toBeNull();
  });
});
