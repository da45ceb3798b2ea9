import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englandBankHolidays, schoolCalendarFor } from '../calendar/bank-holidays';
import { policyWarnings } from '../policy/warnings';
import { PRESET_IDS, isPresetId, presetInput, presetPolicy } from '.';

const SEEDS = join(__dirname, '../../../shared/seeds');
const seed = (prefix: string) => readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix))!), 'utf8');
/** Seed text with its line breaks and runs of spaces folded, for phrase matching. */
const folded = (prefix: string) => seed(prefix).replace(/\s+/g, ' ');

describe('the built-in presets', () => {
  it.each(PRESET_IDS)('%s parses, has its own id and cites its source', (id) => {
    const policy = presetPolicy(id);
    expect(policy.id).toBe(id);
    expect(policy.source).not.toBe('');
    expect(isPresetId(id)).toBe(true);
  });

  it.each(PRESET_IDS)('%s has bands that cover 0-100%% once, and no register open over 30 minutes', (id) => {
    const policy = presetPolicy(id);
    const warnings = policyWarnings(policy, schoolCalendarFor(policy.calendar), '2025-11-26');
    expect(warnings.filter((w) => w.path.startsWith('bands') || w.path.startsWith('sessions') || w.path.startsWith('tiers'))).toEqual([]);
  });

  it('an exported preset is a copy: editing it does not change the preset', () => {
    const copy = presetInput('micklefield');
    copy.schoolName = 'Changed';
    expect(presetPolicy('micklefield').schoolName).toBe('Micklefield CE Primary Academy');
  });

  describe('Micklefield (seed 002)', () => {
    const policy = presetPolicy('micklefield');
    const text = folded('002_');
    it('takes its target, registration times and N limit from the seed', () => {
      expect(text).toContain('Attendance Target 93.5%');
      expect(policy.attendanceTarget).toBe(93.5);
      expect(text).toMatch(/8\.55 am and each afternoon at 1\.15 pm/);
      expect(policy.sessions.AM.registrationStartsAt).toBe('08:55');
      expect(policy.sessions.PM.registrationStartsAt).toBe('13:15');
      expect(text).toMatch(/After 9\.25am and 1\.45pm/);
      expect([policy.sessions.AM.registerClosesAt, policy.sessions.PM.registerClosesAt]).toEqual(['09:25', '13:45']);
      expect(text).toContain('no later than 5 school days after the session');
      expect(policy.unexplainedAbsence.limitSchoolDays).toBe(5);
    });
    it('says which of the contradictory closing times it chose', () => {
      expect(text).toContain('Registers close at 9.15');
      expect(policy.notes.join(' ')).toMatch(/9\.15/);
    });
    it('limits teachers to present, late and N', () => {
      expect(policy.codes.teacher).toEqual(['/', '\\', 'L', 'N']);
    });
    it('has tiers 1-6 with the strategy table thresholds', () => {
      expect(policy.tiers.map((t) => [t.level, t.appliesBelow])).toEqual([[1, null], [2, 90], [3, 90], [4, 90], [5, 80], [6, 80]]);
      expect(text).toContain('Below 80%');
      expect(text).toContain('Between 80-90%');
    });
    it('gives the worked N deadlines of calendars.md on the Leeds calendar', () => {
      const calendar = schoolCalendarFor(policy.calendar);
      expect(calendar.nthSchoolDayAfter('2024-10-23', 5)).toBe('2024-11-06');
      expect(calendar.schoolDaysBetween('2024-11-04', '2024-11-06')).toBe(2);
      expect(calendar.nthSchoolDayAfter('2024-12-20', 5)).toBe('2025-01-10');
      expect(calendar.kindOf('2025-05-05')).toBe('bank-holiday');
      expect(calendar.hasTermDatesFor('2026-07-21')).toBe(true);
      expect(calendar.hasTermDatesFor('2026-09-07')).toBe(false);
    });
    it('invents no training days', () => {
      expect(policy.calendar.academicYears.every((y) => y.closures.length === 0)).toBe(true);
    });
  });

  it('Valence (seed 003): the AM register from 09:00 open until 09:30', () => {
    expect(folded('003_')).toContain('will be taken at 09:00 and will be kept open until 09:30');
    expect(presetPolicy('valence').sessions.AM).toEqual({ registrationStartsAt: '09:00', registerClosesAt: '09:30' });
    expect(folded('003_')).toContain('no later than 5 working days after the session');
  });

  it('Highfield Farm (seed 004): target 96%, meeting below 92%, MASH below 50%', () => {
    const text = folded('004_');
    expect(text).toContain('school attendance target of 96%');
    expect(text).toContain('(below 92%)');
    expect(text).toContain('Attendance below 50% - refer to MASH');
    const policy = presetPolicy('highfield-farm');
    expect(policy.attendanceTarget).toBe(96);
    expect(policy.tiers.map((t) => t.appliesBelow)).toEqual([null, 96, 92, 50]);
  });

  it('Milefield (seeds 000, 001): target 97% and the 9:30 text, 10:00 call', () => {
    expect(folded('000_')).toContain('WHOLE SCHOOL ATTENDANCE TARGET: 97%+');
    expect(folded('001_')).toMatch(/before 9\.30am .* by 10am/);
    const policy = presetPolicy('milefield');
    expect(policy.attendanceTarget).toBe(97);
    expect(policy.unexplainedAbsence.firstDayContact.map((c) => c.at)).toEqual(['09:30', '10:00']);
  });
});

describe('bank holidays for England (calendars.md table)', () => {
  const table: Record<number, string[]> = {
    2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
    2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
    2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
    2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  };
  it.each([2024, 2025, 2026, 2027])('%i matches on every weekday', (year) => {
    const weekday = (d: string) => ![0, 6].includes(new Date(d + 'T12:00:00Z').getUTCDay());
    expect(englandBankHolidays(year).filter(weekday)).toEqual(table[year]);
  });
});
