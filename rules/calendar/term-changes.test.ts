import { describe, expect, it } from 'vitest';
import { parsePolicy, type AcademicYear } from '../policy/schema';
import { presetInput } from '../presets/index';
import { termDatesChanges } from './term-changes';
import { termCoverageOn, termCoverageWarnings, termNotesByYear } from './term-coverage';

const micklefield = () => {
  const parsed = parsePolicy(presetInput('micklefield'));
  if (!parsed.ok) throw new Error('preset invalid');
  return parsed.policy;
};

const autumnOnly: AcademicYear = {
  label: '2025-26',
  terms: [{ name: 'Autumn', start: '2025-09-01', end: '2025-12-19', halfTerm: { start: '2025-10-27', end: '2025-10-31' } }],
  closures: [],
};

describe('what a term-date import would change (issue 11, item 7)', () => {
  it('a file with only the autumn term would remove the spring and summer terms, and says how many school days go', () => {
    const changes = termDatesChanges(micklefield().calendar, [autumnOnly]);
    expect(changes.removesOrChanges).toBe(true);
    expect(changes.terms.map((t) => [t.term, t.change, t.schoolDaysBefore, t.schoolDaysAfter])).toEqual([
      ['Autumn', 'unchanged', 75, 75],
      ['Spring', 'removed', 59, 0],
      ['Summer', 'removed', 61, 0],
    ]);
  });

  it('a new year only adds, and is not asked about', () => {
    const next: AcademicYear = { ...autumnOnly, label: '2026-27', terms: [{ name: 'Autumn', start: '2026-09-03', end: '2026-12-18' }] };
    const changes = termDatesChanges(micklefield().calendar, [next]);
    expect(changes.removesOrChanges).toBe(false);
    expect(changes.terms.map((t) => t.change)).toEqual(['added']);
    expect(changes.academicYears.map((y) => y.label)).toEqual(['2024-25', '2025-26', '2026-27']);
  });

  it('a moved term end and a removed training day are changes, and a closure added is counted in the days after', () => {
    const calendar = micklefield().calendar;
    const year = structuredClone(calendar.academicYears.find((y) => y.label === '2025-26')!);
    const withInset = { ...calendar, academicYears: calendar.academicYears.map((y) => (y.label === '2025-26' ? { ...y, closures: [{ start: '2025-09-01', kind: 'training-day' as const, reason: 'INSET' }] } : y)) };
    year.terms[0]!.end = '2025-12-18';
    year.closures = [{ start: '2025-11-03', kind: 'closure', reason: 'Boiler' }];
    const changes = termDatesChanges(withInset, [year]);
    expect(changes.terms[0]).toMatchObject({ term: 'Autumn', change: 'changed', schoolDaysBefore: 74, schoolDaysAfter: 73 });
    expect(changes.closures.map((c) => c.change).sort()).toEqual(['added', 'removed']);
    expect(changes.removesOrChanges).toBe(true);
  });
});

describe('terms that do not cover September to July are warned about', () => {
  it('a page checked as of a date hears only about that school year', () => {
    const years = [...micklefield().calendar.academicYears.filter((y) => y.label !== '2025-26'), autumnOnly];
    expect(termCoverageOn(years, '2025-11-26')).toEqual([expect.stringMatching(/^2025-26: the terms end on Fri 19 Dec 2025/)]);
    expect(termCoverageOn(years, '2025-07-01')).toEqual([]);
  });

  it("the bundle's notes, by school year, are what a page of that year would hear", () => {
    const years = [...micklefield().calendar.academicYears.filter((y) => y.label !== '2025-26'), autumnOnly];
    const notes = termNotesByYear(years);
    expect(Object.keys(notes).sort()).toEqual(years.map((y) => y.label).sort());
    expect(notes['2025-26']).toEqual(termCoverageOn(years, '2026-03-10'));
    expect(notes['2025-26']).toEqual([expect.stringMatching(/^2025-26: the terms end on Fri 19 Dec 2025/)]);
    for (const y of years.filter((y) => y.label !== '2025-26')) expect(notes[y.label]).toEqual([]);
  });

  it('the presets cover their years', () => {
    expect(termCoverageWarnings(micklefield().calendar.academicYears)).toEqual([]);
  });

  it('a year of only the autumn term ends in December', () => {
    expect(termCoverageWarnings([autumnOnly])).toEqual([{ path: 'calendar.academicYears[0]', message: expect.stringMatching(/^2025-26: the terms end on Fri 19 Dec 2025, not in July: days outside the terms are not school days/) }]);
  });

  it('a year missing its spring term has a gap, and one starting in January misses the autumn', () => {
    const year = micklefield().calendar.academicYears.find((y) => y.label === '2025-26')!;
    const noSpring = { ...year, terms: [year.terms[0]!, year.terms[2]!] };
    expect(termCoverageWarnings([noSpring]).map((w) => w.message)).toEqual([expect.stringMatching(/^2025-26: nothing is in term between Fri 19 Dec 2025 and Mon 20 Apr 2026/)]);
    const noAutumn = { ...year, terms: year.terms.slice(1) };
    expect(termCoverageWarnings([noAutumn]).map((w) => w.message)).toEqual([expect.stringMatching(/^2025-26: the terms start on Mon 5 Jan 2026, not in September/)]);
  });
});
