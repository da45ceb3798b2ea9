// Splitting CSV text into rows, each with the line it starts on as a person counts lines (a quoted
// field may hold a line break), with papaparse's quoting errors by line. Shared by the register
// export and the attendance report readers, which word the errors each for their own file.

import Papa from 'papaparse';

export interface CsvRow {
  readonly fields: string[];
  /** The line the row starts on (the first line is 1). */
  readonly line: number;
}

export interface CsvQuotingError {
  readonly line: number;
  /** A quoted field never closed (papaparse's MissingQuotes); otherwise malformed quoting. */
  readonly unclosed: boolean;
  /** papaparse's own words, for the malformed case. */
  readonly detail: string;
}

export interface CsvRowsOptions {
  /** The delimiter; papaparse guesses it when not given. */
  readonly delimiter?: string;
  /** Told how far through the text it is (0 to 1) every `progressEvery` rows. */
  readonly onProgress?: (fraction: number) => void;
  readonly progressEvery?: number;
  /** Only this many rows from the start (papaparse's preview): enough to find a header in. */
  readonly preview?: number;
}

export function csvRowsWithLines(text: string, options: CsvRowsOptions = {}): { rows: CsvRow[]; errors: CsvQuotingError[] } {
  const rows: CsvRow[] = [];
  const { errors } = forEachCsvRow(text, options, (fields, line) => {
    rows.push({ fields, line });
  });
  return { rows, errors };
}

/**
 * The same rows, handed over one at a time and kept by no one here: a reader that turns each row
 * into what it keeps (a year's export is 570,000 rows) need not hold every row's fields at once.
 */
export function forEachCsvRow(text: string, options: CsvRowsOptions, visit: (fields: string[], line: number) => void): { errors: CsvQuotingError[] } {
  const errors: CsvQuotingError[] = [];
  const every = options.progressEvery ?? 8192;
  const onProgress = options.onProgress;
  let line = 1;
  /** The first line break not yet counted. */
  let next = text.indexOf('\n');
  let count = 0;
  Papa.parse<string[]>(text, {
    header: false,
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter, newline: '\n' }),
    skipEmptyLines: false,
    ...(options.preview === undefined ? {} : { preview: options.preview }),
    step: (result) => {
      visit(result.data, line);
      if (result.errors.length > 0) for (const error of result.errors) errors.push({ line, unclosed: error.code === 'MissingQuotes', detail: error.message });
      // The next row starts after every line break in this one: found by indexOf, which is far
      // quicker over 34 MB than looking at each character.
      const end = result.meta.cursor;
      while (next !== -1 && next < end) {
        line++;
        next = text.indexOf('\n', next + 1);
      }
      if (onProgress !== undefined && ++count % every === 0) onProgress(end / text.length);
    },
  });
  return { errors };
}
