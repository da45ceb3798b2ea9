import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { pupilCard } from '../rules/pupil-card';
import { mark, pupil, run } from '../test/support/rules';
import { PUPIL_CARD_CSV_HEADER, pupilCardCsv } from './pupil-card';

describe("a pupil card's CSV", () => {
  it('has a row a week, the sessions by how they count, the late marks and the findings', () => {
    const ada = pupil([mark('2025-11-03', 'AM', '/'), mark('2025-11-03', 'PM', 'N'), mark('2025-11-10', 'AM', 'L', '09:10'), mark('2025-11-10', 'PM', 'H')], { upn: 'A1', name: 'Ada' });
    const { findings } = run([ada], { today: '2025-11-10' });
    const rows = Papa.parse<string[]>(pupilCardCsv(pupilCard(ada, '2025-11-10'), findings).slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...PUPIL_CARD_CSV_HEADER]);
    expect(rows.filter((r) => r[0] === 'Week')).toEqual([
      ['Week', '2025-11-03', 'Week of Mon 3 Nov 2025: 50.0%', '1', '2'],
      ['Week', '2025-11-10', 'Week of Mon 10 Nov 2025: 100.0%', '1', '1'],
    ]);
    expect(rows.filter((r) => r[0] === 'Sessions').map((r) => [r[2], r[3]])).toEqual([
      ['Present', '2'],
      ['Approved educational activity', '0'],
      ['Authorised absence', '0'],
      ['Unauthorised absence', '1'],
      ['Not counted (not a possible session)', '0'],
    ]);
    expect(rows.filter((r) => r[0] === 'Late').map((r) => r[3])).toEqual(['1', '0']);
    // H after 19 August 2024 is withdrawn; the N of 3 Nov is overdue by 10 Nov.
    expect(rows.filter((r) => r[0] === 'Finding').map((r) => r[1]).sort()).toEqual(findings.map((f) => f.date).sort());
    expect(findings.length).toBeGreaterThan(0);
  });
});
