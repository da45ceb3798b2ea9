import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { spreadsheetCsv } from './csv';

describe('spreadsheetCsv', () => {
  const read = (text: string) => Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;

  it.each(['=', '+', '-', '@', '\t', '\r'])('a cell starting with %j is escaped, even with a line break after the formula', (start) => {
    const cell = `${start}HYPERLINK("https://example.invalid","Open")\nSmith`;
    const rows = read(spreadsheetCsv(['Pupil'], [[cell], [`${start}1+1`]]));
    expect(rows[1]![0]).toBe(`'${cell}`);
    expect(rows[2]![0]).toBe(`'${start}1+1`);
  });

  it('leaves a cell that only contains those characters later alone', () => {
    const rows = read(spreadsheetCsv(['Pupil', 'Figure'], [['Smith-Jones = Ada', 94.5]]));
    expect(rows[1]).toEqual(['Smith-Jones = Ada', '94.5']);
  });
});
