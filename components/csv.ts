// CSV files people open in Excel: a byte-order mark so that names read as written (Zoë, not
// ZoÃ«), Windows line endings, and cells that would start a formula (=, +, -, @) quoted so that
// a spreadsheet shows them rather than runs them. papaparse's own escapeFormulae test
// (/^[=+\-@\t\r].*$/) misses a cell with a line break after the formula, so give it one that
// looks at the first character alone.

import Papa from 'papaparse';

/** A cell starting with any of these is a formula to Excel, LibreOffice or Google Sheets (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const body = Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { newline: '\r\n', escapeFormulae: FORMULA_START });
  // Papa ends a header with no rows with a line break, and rows without one.
  return `\uFEFF${body}${body.endsWith('\r\n') ? '' : '\r\n'}`;
}
