import { describe, expect, it } from 'vitest';
import { describePolicyProblem, policyFieldLabel } from './labels';

describe('policy fields said by their labels (issue 14, item 7)', () => {
  it.each([
    ['sessions.AM.registerClosesAt', 'Morning register closes'],
    ['sessions.PM.registrationStartsAt', 'Afternoon registration starts'],
    ['unexplainedAbsence.firstDayContact', 'First-day contact steps'],
    ['unexplainedAbsence.firstDayContact[1].at', 'First-day contact step 2, time'],
    ['notes', "The policy's notes"],
    ['calendar.academicYears', 'Term dates'],
    ['calendar.academicYears[0].terms[1].halfTerm.end', 'School year 1, term 2, half term, end'],
    ['calendar.academicYears[1].closures[0].start', 'School year 2, closure 1, start'],
    ['bands[2].atLeast', 'Colour band 3, from (%, included)'],
    ['tiers[0].appliesAtOrBelow', 'Tier 1, applies at or below (%)'],
    ['tiers[3].nextSteps[1]', 'Tier 4, next step 2'],
    ['codes.teacher[2]', 'Codes teachers may enter, code 3'],
    ['schoolCodes[1].dfe', 'School code 2, DfE code'],
    ['thresholds.severeAbsence', 'Severe absence line (% of sessions missed)'],
    ['', 'The policy'],
  ])('%s is "%s"', (path, label) => {
    expect(policyFieldLabel(path)).toBe(label);
  });

  it('puts a field it does not know in words, never as a schema path', () => {
    expect(policyFieldLabel('unexplainedAbsence.someNewSetting')).toBe('N (reason for absence not yet established), some new setting');
    expect(policyFieldLabel('futureThing')).toBe('Future thing');
    expect(policyFieldLabel('school code 2, the DfE code')).toBe('School code 2, the DfE code');
  });

  it('says a problem with its label first', () => {
    expect(describePolicyProblem({ path: 'sessions.AM.registerClosesAt', message: 'must be a time of day written as HH:MM' })).toBe(
      'Morning register closes: must be a time of day written as HH:MM',
    );
  });
});
