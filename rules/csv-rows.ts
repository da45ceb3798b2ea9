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
}

export function csvRowsWithLines(text: string, options: CsvRowsOptions = {}): { rows: CsvRow[]; errors: CsvQuotingError[] } {
  const rows: CsvRow[] = [];
  const errors: CsvQuotingError[] = [];
  const every = options.progressEvery ?? 8192;
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    header: false,
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter, newline: '\n' }),
    skipEmptyLines: false,
    step: (result) => {
      rows.push({ fields: result.data, line });
      for (const error of result.errors) errors.push({ line, unclosed: error.code === 'MissingQuotes', detail: error.message });
      const end = result.meta.cursor;
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      start = end;
      if (options.onProgress !== undefined && rows.length % every === 0) options.onProgress(end / text.length);
    },
  });
  return { rows, errors };
}
