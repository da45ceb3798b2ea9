import { describe, expect, it } from 'vitest';
import { csvRowsWithLines, forEachCsvRow } from './csv-rows';

describe('CSV rows with their lines', () => {
  it('numbers each row by the line it starts on, counting line breaks inside quoted fields', () => {
    const text = 'upn,name\nA1,"Jones,\nFfion"\nA2,"Lee\n\nSam"\nA3,Ali\n';
    const { rows, errors } = csvRowsWithLines(text, { delimiter: ',' });
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ['upn', 'name']],
      [2, ['A1', 'Jones,\nFfion']],
      [4, ['A2', 'Lee\n\nSam']],
      [7, ['A3', 'Ali']],
      [8, ['']],
    ]);
    expect(errors).toEqual([]);
  });

  it('counts Windows line breaks once, and blank lines as lines', () => {
    // Without a delimiter given, papaparse guesses it and the line break too.
    const { rows } = csvRowsWithLines('a,b\r\n\r\n1,2\r\n3,4\r\n5,"x\r\ny"\r\n6,z');
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['']],
      [3, ['1', '2']],
      [4, ['3', '4']],
      [5, ['5', 'x\r\ny']],
      [7, ['6', 'z']],
    ]);
  });

  it('gives a quoted field never closed the line it starts on', () => {
    const { errors } = csvRowsWithLines('upn,name\nA1,Ali\nA2,"Jones, Ffion\nA3,Sam\n', { delimiter: ',' });
    expect(errors.map((e) => [e.line, e.unclosed])).toEqual([[3, true]]);
  });

  it('gives malformed quoting its line and papaparse\'s words', () => {
    const { errors } = csvRowsWithLines('upn,name\nA1,"Ali"x\nA2,Sam\n', { delimiter: ',' });
    // papaparse then reads on to the end for the quote's close, and finds none.
    expect(errors).toEqual([
      { line: 2, unclosed: false, detail: 'Trailing quote on quoted field is malformed' },
      { line: 2, unclosed: true, detail: 'Quoted field unterminated' },
    ]);
  });

  it('with the delimiter guessed, says on line 1 when it could not be', () => {
    const { rows, errors } = csvRowsWithLines('upn\nA1\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(errors.map((e) => [e.line, e.unclosed])).toEqual([[1, false]]);
  });

  it('reports progress every so many rows, as a fraction of the text', () => {
    const text = Array.from({ length: 10 }, (_, i) => `r${i},x`).join('\n');
    const seen: number[] = [];
    csvRowsWithLines(text, { delimiter: ',', progressEvery: 4, onProgress: (f) => seen.push(f) });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBeGreaterThan(0.3);
    expect(seen[1]).toBeGreaterThan(seen[0]!);
    expect(seen[1]).toBeLessThan(1);
  });

  it('visits the same rows and lines one at a time, keeping none', () => {
    const text = 'upn,name\nA1,"Jones,\nFfion"\nA2,Sam';
    const visited: [number, string[]][] = [];
    const { errors } = forEachCsvRow(text, { delimiter: ',' }, (fields, line) => visited.push([line, fields]));
    expect(visited).toEqual(csvRowsWithLines(text, { delimiter: ',' }).rows.map((r) => [r.line, r.fields]));
    expect(errors).toEqual([]);
  });

  it('reads only the first rows when asked, with the same lines', () => {
    const text = 'title\n\nupn,name\nA1,"Jones,\nFfion"\nA2,Sam\n';
    const { rows } = csvRowsWithLines(text, { delimiter: ',', preview: 4 });
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ['title']],
      [2, ['']],
      [3, ['upn', 'name']],
      [4, ['A1', 'Jones,\nFfion']],
    ]);
  });
});
