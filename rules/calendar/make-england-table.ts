// Writes england-bank-holidays.ts from date-holidays: `npx tsx rules/calendar/make-england-table.ts`.
// The widget carries this table instead of the library; a test checks it matches the library.

import { writeFileSync } from 'node:fs';
import { englandBankHolidays } from './bank-holidays';
import { ENGLAND_TABLE_FIRST_YEAR, ENGLAND_TABLE_LAST_YEAR } from './england-bank-holidays';

export function englandTableText(first = ENGLAND_TABLE_FIRST_YEAR, last = ENGLAND_TABLE_LAST_YEAR): string {
  const rows: string[] = [];
  for (let year = first; year <= last; year++) rows.push(`  ${year}: '${englandBankHolidays(year).map((d) => d.slice(5).replace('-', '')).join(' ')}',`);
  return `// England's bank holidays ${first} to ${last}, written by make-england-table.ts from date-holidays
// (GB, ENG): month and day, by year. For code that must not carry the library (the widget);
// england-bank-holidays.test.ts checks every year against the library.

import type { IsoDate } from '../dates';
import type { BankHolidaySource } from './bank-holiday-source';

export const ENGLAND_TABLE_FIRST_YEAR = ${first};
export const ENGLAND_TABLE_LAST_YEAR = ${last};

const TABLE: Readonly<Record<number, string>> = {
${rows.join('\n')}
};

/** England's bank holidays in a year of the table; a year outside it has none listed. */
export const tabledEnglandBankHolidays: BankHolidaySource = (year) =>
  (TABLE[year]?.split(' ') ?? []).map((md): IsoDate => \`\${year}-\${md.slice(0, 2)}-\${md.slice(2)}\`);
`;
}

if (process.argv[1]?.endsWith('make-england-table.ts')) {
  writeFileSync(new URL('./england-bank-holidays.ts', import.meta.url), englandTableText());
}
