import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englandBankHolidays, schoolCalendarFor } from '../calendar/bank-holidays';
import { policyWarnings } from '../policy/warnings';
import { bandFor, tierFor } from '../checks/standing';
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

/**
 * Bands and tiers on the right side of their lines (issue 11, item 14): each preset at each of
 * its lines and just either side, against its seed's words and the DfE's "10% or more" and
 * "50% or more" missed. `just` is the smallest step attendance can take in a year of sessions.
 */
describe('every preset puts each line on the side its source says', () => {
  const just = 0.01;
  const at = (id: Parameters<typeof presetPolicy>[0], attendance: number) => {
    const policy = presetPolicy(id);
    return [bandFor(policy, attendance)?.name ?? null, tierFor(policy, attendance)?.level ?? null];
  };
  const dfeText = "Persistent absence is where a pupil misses 10% or more of school, and severe absence is where a pupil misses 50% or more of school";

  it('the DfE wording the lines follow is the seed\'s (Valence §12.7 quotes it)', () => {
    expect(folded('003_')).toContain(dfeText);
  });

  it('dfe: 90.0% is persistently absent, tier 2 (missing 10% or more); 50.0% severely absent, tier 3 (50% or more)', () => {
    expect(at('dfe', 90 + just)).toEqual(['Not persistently absent', 1]);
    expect(at('dfe', 90)).toEqual(['Persistently absent', 2]);
    expect(at('dfe', 90 - just)).toEqual(['Persistently absent', 2]);
    expect(at('dfe', 50 + just)).toEqual(['Persistently absent', 2]);
    expect(at('dfe', 50)).toEqual(['Severely absent', 3]);
    expect(at('dfe', 50 - just)).toEqual(['Severely absent', 3]);
    expect(at('dfe', 100)).toEqual(['Not persistently absent', 1]);
    expect(at('dfe', 0)).toEqual(['Severely absent', 3]);
  });

  it('milefield (seed 000): 97% meets the "97%+" target; 90.0% is persistently absent and 50.0% severely absent, as the DfE counts them', () => {
    expect(folded('000_')).toContain('WHOLE SCHOOL ATTENDANCE TARGET: 97%+');
    expect(folded('000_')).toMatch(/persistently absent.*severely absent/);
    expect(at('milefield', 97 + just)).toEqual(['At or above target (97%)', 1]);
    expect(at('milefield', 97)).toEqual(['At or above target (97%)', 1]);
    expect(at('milefield', 97 - just)).toEqual(['Below target', 2]);
    expect(at('milefield', 90 + just)).toEqual(['Below target', 2]);
    expect(at('milefield', 90)).toEqual(['Persistently absent', 3]);
    expect(at('milefield', 90 - just)).toEqual(['Persistently absent', 3]);
    expect(at('milefield', 50 + just)).toEqual(['Persistently absent', 3]);
    expect(at('milefield', 50)).toEqual(['Severely absent', 4]);
    expect(at('milefield', 50 - just)).toEqual(['Severely absent', 4]);
  });

  it('valence (seed 003): "with 95% attendance and below" puts exactly 95.0% below, not "Above 95%"; 90.0% and 50.0% by §12.7', () => {
    expect(folded('003_')).toContain('with 95% attendance and below');
    expect(at('valence', 95 + just)).toEqual(['Above 95%', 1]);
    expect(at('valence', 95)).toEqual(['95% and below', 2]);
    expect(at('valence', 95 - just)).toEqual(['95% and below', 2]);
    expect(at('valence', 90 + just)).toEqual(['95% and below', 2]);
    expect(at('valence', 90)).toEqual(['Persistently absent', 3]);
    expect(at('valence', 90 - just)).toEqual(['Persistently absent', 3]);
    expect(at('valence', 50 + just)).toEqual(['Persistently absent', 3]);
    expect(at('valence', 50)).toEqual(['Severely absent', 4]);
    expect(at('valence', 50 - just)).toEqual(['Severely absent', 4]);
  });

  it('micklefield (seed 002): its tiers say "Below 90%" and "Below 80%", so 90.0% and 80.0% stay above each line', () => {
    const text = folded('002_');
    expect(text).toContain('All Below 90%');
    expect(text).toContain('Below 80%');
    expect(at('micklefield', 90 + just)).toEqual(['90% and above', 1]);
    expect(at('micklefield', 90)).toEqual(['90% and above', 1]);
    expect(at('micklefield', 90 - just)).toEqual(['80% to 90%', 2]);
    expect(at('micklefield', 80 + just)).toEqual(['80% to 90%', 2]);
    expect(at('micklefield', 80)).toEqual(['80% to 90%', 2]);
    expect(at('micklefield', 80 - just)).toEqual(['Below 80%', 5]);
  });

  it('highfield-farm (seed 004): "96% or more", "below 92%" and "below 50%" keep each line above it', () => {
    const text = folded('004_');
    expect(text).toContain('attendance levels of 96% or more');
    expect(text).toContain('formal attendance meeting (below 92%)');
    expect(text).toContain('Attendance below 50% - refer to MASH');
    expect(at('highfield-farm', 96 + just)).toEqual(['96% and above', 1]);
    expect(at('highfield-farm', 96)).toEqual(['96% and above', 1]);
    expect(at('highfield-farm', 96 - just)).toEqual(['Below 96%', 2]);
    expect(at('highfield-farm', 92 + just)).toEqual(['Below 96%', 2]);
    expect(at('highfield-farm', 92)).toEqual(['Below 96%', 2]);
    expect(at('highfield-farm', 92 - just)).toEqual(['Below 92%', 3]);
    expect(at('highfield-farm', 50 + just)).toEqual(['Below 92%', 3]);
    expect(at('highfield-farm', 50)).toEqual(['Below 92%', 3]);
    expect(at('highfield-farm', 50 - just)).toEqual(['Below 50%', 4]);
  });

  it.each(PRESET_IDS)('%s: a band\'s persistent or severe absence name agrees with the flags at every line', (id) => {
    const policy = presetPolicy(id);
    for (const line of [90, 50]) {
      for (const attendance of [line - just, line, line + just]) {
        const band = bandFor(policy, attendance)!.name;
        const persistent = 100 - attendance >= policy.thresholds.persistentAbsence - 1e-9;
        const severe = 100 - attendance >= policy.thresholds.severeAbsence - 1e-9;
        if (band === 'Persistently absent') expect([attendance, persistent && !severe]).toEqual([attendance, true]);
        if (band === 'Severely absent') expect([attendance, severe]).toEqual([attendance, true]);
      }
    }
  });
});
