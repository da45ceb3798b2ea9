// A column mapping with mistakes: each said once, at the field it is about (the check page's form),
// and as the sentence the command line and the check page's refusals have always given.

import { describe, expect, it } from 'vitest';
import { columnProblems, resolveColumns } from './columns';

const header = ['Student', 'UPN', 'Year', 'Date', 'Session', 'Mark'];

describe('a column mapping with mistakes', () => {
  it('names the field of each: the second field given a taken column, each needed field without one, and the names', () => {
    expect(columnProblems(header, { date: 'Year', year: 'Year', session: 'Session', mark: 'Mark', arrival: 'Arrived' })).toEqual([
      { field: 'arrival', kind: 'no-such-column', column: 'Arrived' },
      { field: 'year', kind: 'column-taken', column: 'Year', takenBy: 'date' },
      { field: 'upn', kind: 'needed' },
      { field: 'name', kind: 'name-needed' },
    ]);
  });

  it('says each as one sentence naming its field, as before', () => {
    expect(resolveColumns(header, { date: 'Year', year: 'Year', session: 'Session', mark: 'Mark', arrival: 'Arrived' })).toEqual({
      ok: false,
      problems: [
        "Arrival time: the file has no column 'Arrived' (its columns are 'Student', 'UPN', 'Year', 'Date', 'Session', 'Mark')",
        "Year group: column 'Year' is already read as Date: one field a column",
        'UPN: no column is chosen for it, and the check needs it',
        "Name (whole): no column is chosen for the pupils' names (a whole name, or a surname with or without a forename)",
      ],
    });
  });

  it('a mapping that fits has no problems, and says where each field is', () => {
    expect(columnProblems(header, { name: 'Student', upn: 'UPN', date: 'Date', session: 'Session', mark: 'Mark' })).toEqual([]);
    expect(resolveColumns(header, { name: 'Student', upn: 'UPN', date: 'Date', session: 'Session', mark: 'Mark' })).toEqual({ ok: true, index: { name: 0, upn: 1, date: 3, session: 4, mark: 5 } });
  });
});
