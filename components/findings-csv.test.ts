import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mark, pupil, run } from '../test/support/rules';
import { FINDINGS_CSV_HEADER, findingsCsv } from './findings-csv';

// Wed 5 Nov 2025 is a school day in the test policy's Leeds calendar; the AM register closes at 09:30.
const DAY = '2025-11-05';

describe('findingsCsv', () => {
  const evaluation = run(
    [
      pupil([mark(DAY, 'AM', 'L', '09:45')], { upn: 'A1', name: 'Jones, Ffion' }),
      pupil([mark(DAY, 'AM', 'H')], { upn: 'A2', name: 'Zoë Brontë' }),
      pupil([mark(DAY, 'PM', '/')], { upn: 'A3', name: '=HYPERLINK("http://example.invalid","Bob")' }),
    ],
    { today: DAY },
  );
  const text = findingsCsv(evaluation.findings);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;

  it('starts with a byte-order mark and a header, and ends each row with CRLF for Excel', () => {
    expect(text.startsWith('\uFEFFSeverity,Rule,Rule id,UPN,Pupil,Date,Day,Session,Mark,Change to,What,Why,What to do\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parsed[0]).toEqual([...FINDINGS_CSV_HEADER]);
  });

  it('has one row a finding, in the order given, which reads back to the same values', () => {
    expect(parsed).toHaveLength(evaluation.findings.length + 1);
    evaluation.findings.forEach((f, i) => {
      const row = parsed[i + 1]!;
      expect(row[0]).toBe(f.severity);
      expect(row[2]).toBe(f.rule);
      expect(row[3]).toBe(f.upn);
      expect(row[5]).toBe(f.date);
      expect(row[10]).toBe(f.what);
    });
  });

  it('keeps a comma in a name, and accents, and gives the day in British form', () => {
    const late = parsed.find((row) => row[2] === 'late-should-be-u')!;
    expect(late.slice(3, 10)).toEqual(['A1', 'Jones, Ffion', DAY, 'Wed 5 Nov 2025', 'AM', 'L', 'U']);
    const withdrawn = parsed.find((row) => row[2] === 'code-withdrawn')!;
    expect(withdrawn[4]).toBe('Zoë Brontë');
    // H has two replacements: the one that fits depends on the reason.
    expect(withdrawn[9]).toBe('C or G');
  });

  it('a name that would start a formula is quoted so a spreadsheet shows it rather than runs it', () => {
    const row = parsed.find((r) => r[3] === 'A3')!;
    expect(row[4]).toBe(`'=HYPERLINK("http://example.invalid","Bob")`);
  });

  it('no findings is a header alone', () => {
    expect(findingsCsv([])).toBe(`\uFEFF${FINDINGS_CSV_HEADER.join(',')}\r\n`);
  });
});
