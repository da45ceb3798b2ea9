// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { demoClassRegister } from './builtin/demo';
import { parseSiteProfiles } from './profile-import';

const withDate = (date: object) => ({ profiles: [{ ...demoClassRegister, id: 'our-mis', cells: { ...demoClassRegister.cells!, date } }] });
const problems = (date: object) => {
  const result = parseSiteProfiles(withDate(date));
  return result.ok ? [] : result.problems;
};

describe('a date format is checked at import (issue 12, item 4)', () => {
  it('takes the formats the reader knows', () => {
    for (const format of ['EEEE d MMMM yyyy', 'EEE d MMM', 'dd-MMM-yyyy', "do 'of' MMMM yyyy", 'd/M/yy']) {
      expect(problems({ scope: 'cell', format, ...(format.includes('y') ? {} : { yearFrom: 'school-year' }) })).toEqual([]);
    }
  });

  it('refuses tokens the reader does not read, naming the profile, the field and the tokens', () => {
    expect(problems({ scope: 'cell', format: 'dd/MM/yyyy HH:mm' })).toEqual([
      { path: 'profiles[0].cells.date.format', message: expect.stringMatching(/^"dd\/MM\/yyyy HH:mm" uses HH, mm, which Markwise does not read in dates; it reads d, dd, do, .* \(profile our-mis\)$/) },
    ]);
    expect(problems({ scope: 'cell', format: 'Q yyyy' })[0]?.message).toContain('uses Q');
  });

  it('refuses what date-fns refuses, and a format without a day or a month', () => {
    expect(problems({ scope: 'cell', format: 'd M yyyy yy' })[0]?.message).toMatch(/^"d M yyyy yy" is not a date format date-fns reads \(.*yy.*\) \(profile our-mis\)$/);
    expect(problems({ scope: 'cell', format: 'MMMM yyyy' })).toEqual([{ path: 'profiles[0].cells.date.format', message: expect.stringContaining('needs the day (d) and the month (M)') }]);
  });

  it('a format without a year needs yearFrom, and yearFrom needs a format without a year', () => {
    expect(problems({ scope: 'cell', format: 'EEE dd/MM' })).toEqual([{ path: 'profiles[0].cells.date.yearFrom', message: expect.stringContaining('has no year') }]);
    expect(problems({ scope: 'cell', format: 'dd/MM/yyyy', yearFrom: 'school-year' })).toEqual([{ path: 'profiles[0].cells.date.yearFrom', message: expect.stringContaining('already has the year') }]);
  });
});

describe('a column header pattern is checked like any pattern (issue 12, item 5)', () => {
  it('a header pattern that could freeze the page is refused, naming the field', () => {
    const result = parseSiteProfiles({
      profiles: [{ ...demoClassRegister, id: 'our-mis', cells: { ...demoClassRegister.cells!, arrival: { scope: 'column', column: { header: '^(\\w+\\s?)+$' } } } }],
    });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['profiles[0].cells.arrival.column.header']);
  });
});
