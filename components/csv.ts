// CSV files people open in Excel: a byte-order mark so that names read as written (Zoë, not
// ZoÃ«), Windows line endings, and cells that would start a formula (=, +, -, @) quoted so that
// a spreadsheet shows them rather than runs them (papaparse's escapeFormulae).

import Papa from 'papaparse';

export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const body = Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { newline: '\r\n', escapeFormulae: true });
  // Papa ends a header with no rows with a line break, and rows without one.
  return `\uFEFF${body}${body.endsWith('\r\n') ? '' : '\r\n'}`;
}
