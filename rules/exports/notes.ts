// What the reader did with an export, in plain words for the check page and the command line:
// where the header was, which column was read as what, how lateness was counted, which school
// codes were translated. Pure, so both say the same.

import { formatClockTime, parseClockTime } from '../dates';
import type { Policy } from '../policy/schema';
import type { ReadDetails } from './common';
import { REGISTER_FIELD_LABELS, REGISTER_FIELDS } from './columns';

const SHAPES: Readonly<Record<ReadDetails['shape'], string>> = {
  'snapshot-json': 'a Markwise register snapshot (JSON)',
  'register-long': 'a register export, one row a pupil and session',
  'register-wide': 'a week grid, one row a pupil and a column a session',
  ctf: 'a Common Transfer File (CTF)',
  'attendance-summary': 'an attendance summary',
  'xml-other': 'an XML file',
  unknown: 'a file of unknown shape',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function readNotes(details: ReadDetails, policy: Policy): string[] {
  const notes: string[] = [`Read as ${SHAPES[details.shape]}.`];
  if (details.headerLine !== undefined) {
    const skipped = details.titleLines ?? 0;
    notes.push(
      skipped > 0
        ? `The header is on line ${details.headerLine}; ${skipped === 1 ? 'line 1' : `lines 1–${skipped}`} above it ${skipped === 1 ? 'was' : 'were'} skipped as the report's title.`
        : `The header is on line ${details.headerLine}.`,
    );
  }
  if (details.columns !== undefined) {
    const read = REGISTER_FIELDS.flatMap((field) => (details.columns![field] === undefined ? [] : [`${REGISTER_FIELD_LABELS[field]} from '${details.columns![field]}'`]));
    if (read.length > 0) notes.push(`Columns read: ${read.join('; ')}. Other columns were left out.`);
  }
  const { AM, PM } = policy.sessions;
  const example = formatClockTime((parseClockTime(AM.registrationStartsAt) ?? 0) + 10);
  const fromStart = `counted from the start of registration in ${policy.schoolName}'s policy (AM ${AM.registrationStartsAt}, PM ${PM.registrationStartsAt}), so 10 minutes late to the morning register is an arrival at ${example}`;
  if (details.lateness === 'minutes-late') notes.push(`Lateness is read as minutes late, ${fromStart}.`);
  if (details.lateness === 'arrival-and-minutes-late') notes.push(`Lateness is read from the arrival time where there is one, otherwise from the minutes late, ${fromStart}.`);
  if (details.lateness === 'none' && (details.shape === 'register-long' || details.shape === 'register-wide')) {
    notes.push('The file has no arrival times or minutes late, so whether a late mark should be L or U was not checked.');
  }
  if (details.dashBlanks > 0) notes.push(`${plural(details.dashBlanks, 'mark')} written '-' (no mark recorded) ${details.dashBlanks === 1 ? 'was' : 'were'} read as blank.`);
  if (details.translated.length > 0) {
    notes.push(`Read by the policy's school codes: ${details.translated.map((t) => `${t.code} as ${t.dfe} (${t.name}, ${plural(t.count, 'mark')})`).join('; ')}.`);
  }
  return notes;
}
