import { describe, expect, it } from 'vitest';
import type { RegisterSnapshot } from '../../rules/snapshot';
import { marksSeen, seenCell } from '../../sites/marks-seen';
import type { PageCell } from '../../sites/read';

const page = { url: 'https://mis.example/register', title: 'Register' };
const m = (date: string, session: 'AM' | 'PM', mark: string) => ({ date, session, mark, arrival: null });
const cell = (pupil: number, date: string, session: 'AM' | 'PM'): PageCell => ({ element: null, control: null as unknown as Element, mark: { kind: 'text', options: 'code', names: {} }, pupil, row: pupil, date, session });

describe('marksSeen: what a page showed, for the follow-up list', () => {
  const snapshot: RegisterSnapshot = {
    role: 'office',
    source: 'x',
    pupils: [
      { upn: 'A1', name: 'Ada', dob: null, year: null, marks: [m('2025-11-24', 'AM', '/'), m('2025-11-24', 'PM', 'n ')] },
      { upn: 'B2', name: 'Ben', dob: null, year: null, marks: [m('2025-11-24', 'AM', 'N'), m('2025-11-24', 'PM', '\\')] },
    ],
  };

  it('a full grid sends its pupils and columns and no cells, and finds each N (lower case and spaces too)', () => {
    const seen = marksSeen({ snapshot, pupilIds: ['p1', 'p2'], upns: ['A1', 'B2'], cells: [cell(0, '2025-11-24', 'AM'), cell(0, '2025-11-24', 'PM'), cell(1, '2025-11-24', 'AM'), cell(1, '2025-11-24', 'PM')] }, page);
    expect(seen).toEqual({
      page,
      pupils: [
        { pupilId: 'p1', upn: 'A1', name: 'Ada' },
        { pupilId: 'p2', upn: 'B2', name: 'Ben' },
      ],
      columns: [
        { date: '2025-11-24', session: 'AM' },
        { date: '2025-11-24', session: 'PM' },
      ],
      cells: null,
      n: [1, 2],
      blank: [],
    });
    expect(seen.n.map((i) => seenCell(seen, i))).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('a page that is not a full grid (a list of absences) sends its cells, and they decode to the same places', () => {
    const cells = [cell(1, '2025-11-24', 'AM'), cell(0, '2025-11-24', 'PM')];
    const seen = marksSeen({ snapshot, pupilIds: ['p1', 'p2'], upns: ['A1', 'B2'], cells }, page);
    expect(seen.cells).toEqual([1, 0, 0, 1]);
    expect(seen.columns).toEqual([
      { date: '2025-11-24', session: 'AM' },
      { date: '2025-11-24', session: 'PM' },
    ]);
    expect(seen.n).toEqual([0, 1]);
    expect(seen.n.map((i) => seenCell(seen, i))).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('a grid with a missing cell is not taken for a full grid', () => {
    const seen = marksSeen({ snapshot, pupilIds: ['p1', 'p2'], upns: ['A1', 'B2'], cells: [cell(0, '2025-11-24', 'AM'), cell(0, '2025-11-24', 'PM'), cell(1, '2025-11-24', 'PM')] }, page);
    expect(seen.cells).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('blank cells, and the "-" of a session not yet marked, are listed apart: they say nothing about an N', () => {
    const blanks: RegisterSnapshot = {
      ...snapshot,
      pupils: [
        { upn: 'A1', name: 'Ada', dob: null, year: null, marks: [m('2025-11-24', 'AM', ''), m('2025-11-24', 'PM', ' - ')] },
        { upn: 'B2', name: 'Ben', dob: null, year: null, marks: [m('2025-11-24', 'AM', 'N'), m('2025-11-24', 'PM', 'O')] },
      ],
    };
    const seen = marksSeen({ snapshot: blanks, pupilIds: ['p1', 'p2'], upns: ['A1', 'B2'], cells: [cell(0, '2025-11-24', 'AM'), cell(0, '2025-11-24', 'PM'), cell(1, '2025-11-24', 'AM'), cell(1, '2025-11-24', 'PM')] }, page);
    expect(seen.n).toEqual([2]);
    expect(seen.blank).toEqual([0, 1]);
  });
});
