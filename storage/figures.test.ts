import { describe, expect, it } from 'vitest';
import type { PupilFigure, ReportFigureRow } from './db';
import { age, reconcileFigure } from './figures';

const TODAY = '2025-11-26';
const page = (seenOn: string, attendance = 91): PupilFigure => ({ site: 's', pupilId: 'P1', upn: 'A1', name: 'Ada', attendance, possible: 200, attended: 182, seenOn, seenAt: `${seenOn}T09:00:00Z` });
const report = (asOf: string, attendance = 88): ReportFigureRow => ({ upn: 'A1', name: 'Ada Okafor', attendance, possible: 100, attended: 88, authorised: 8, unauthorised: 4, asOf, source: 'week-47.csv', importedAt: `${asOf}T16:00:00Z` });

describe('which figure a badge shows: the newest, saying where from and how old', () => {
  it('a report newer than the page seen wins, and says so', () => {
    expect(reconcileFigure('P1', page('2025-11-20'), report('2025-11-24'), TODAY)).toEqual({
      pupilId: 'P1',
      upn: 'A1',
      name: 'Ada Okafor',
      attendance: 88,
      possible: 100,
      attended: 88,
      seenOn: '2025-11-24',
      from: 'from the attendance report week-47.csv, as of Mon 24 Nov 2025 (2 days ago)',
    });
  });

  it('a page seen after the report wins', () => {
    expect(reconcileFigure('P1', page('2025-11-25'), report('2025-11-24'), TODAY)).toMatchObject({ attendance: 91, from: 'as seen on an MIS page on Tue 25 Nov 2025 (1 day ago)' });
  });

  it('on the same day, the page wins: it was read from the MIS itself', () => {
    expect(reconcileFigure('P1', page('2025-11-24'), report('2025-11-24'), TODAY)).toMatchObject({ attendance: 91 });
  });

  it('either alone is used; neither is null', () => {
    expect(reconcileFigure('P1', undefined, report('2025-11-26'), TODAY)).toMatchObject({ attendance: 88, from: 'from the attendance report week-47.csv, as of Wed 26 Nov 2025 (today)' });
    expect(reconcileFigure('P1', page('2025-11-26'), undefined, TODAY)).toMatchObject({ attendance: 91 });
    expect(reconcileFigure('P1', undefined, undefined, TODAY)).toBeNull();
  });

  it('counts age in calendar days', () => {
    expect([age('2025-11-26', TODAY), age('2025-11-25', TODAY), age('2025-10-27', TODAY)]).toEqual(['today', '1 day ago', '30 days ago']);
  });
});
