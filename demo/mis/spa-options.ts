// The single-page-app register's dropdown (Arbor-like): option text is the code's
// name, never the code, and option values are opaque numbers. Site profiles map the
// names back to codes with SPA_OPTION_NAMES.

import type { SessionName } from '../../rules/codes';

/** Option text → DfE code, for every option the demo SPA can show. Names follow rules/codes.ts meanings. */
export const SPA_OPTION_NAMES: Readonly<Record<string, string>> = {
  'Present (AM)': '/',
  'Present (PM)': '\\',
  'Late (before registers closed)': 'L',
  'Late (after registers closed)': 'U',
  'Attending provision arranged by the local authority': 'K',
  'Educational visit or trip': 'V',
  'Sporting activity': 'P',
  'Work experience': 'W',
  'Other approved educational activity': 'B',
  'Dual registered: at the other school': 'D',
  'Leave of absence: regulated performance or employment abroad': 'C1',
  'Medical or dental appointment': 'M',
  'Leave of absence: interview': 'J1',
  'Leave of absence: study leave': 'S',
  'Not of compulsory school age': 'X',
  'Leave of absence: part-time timetable': 'C2',
  'Leave of absence: other exceptional circumstances': 'C',
  'Parent travelling for occupational purposes': 'T',
  'Religious observance': 'R',
  Illness: 'I',
  'Suspended or excluded: no alternative provision': 'E',
  'Unable to attend: lack of access arrangements': 'Q',
  'Unable to attend: transport not available': 'Y1',
  'Unable to attend: widespread travel disruption': 'Y2',
  'Unable to attend: part of school premises closed': 'Y3',
  'Unable to attend: school site unexpectedly closed': 'Y4',
  'Unable to attend: criminal justice detention': 'Y5',
  'Unable to attend: public health guidance or law': 'Y6',
  'Unable to attend: other unavoidable cause': 'Y7',
  'Holiday not agreed': 'G',
  'Reason not yet provided': 'N',
  'Unauthorised absence (other)': 'O',
  'Prospective pupil (not on roll)': 'Z',
  'Planned school closure': '#',
  // A legacy option, still shown where an old mark holds it (withdrawn on 19 August 2024).
  'Holiday (agreed, legacy)': 'H',
};

export interface SpaOption {
  /** Opaque number, as Arbor's generated ids. */
  value: string;
  name: string;
  code: string;
}

const ALL: readonly SpaOption[] = Object.entries(SPA_OPTION_NAMES).map(([name, code], i) => ({
  value: String(101 + i * 3),
  name,
  code,
}));

const LEGACY = new Set(['H']);

/** The options of a session's dropdown: every 2024 code, with that session's present mark only. */
export function spaOptionsFor(session: SessionName): SpaOption[] {
  return ALL.filter((o) => !LEGACY.has(o.code) && o.code !== (session === 'AM' ? '\\' : '/'));
}

/** The option for a recorded mark, legacy ones included; undefined for a code the SPA has no name for. */
export function spaOptionForCode(code: string): SpaOption | undefined {
  return ALL.find((o) => o.code === code);
}

export function spaOptionForValue(value: string): SpaOption | undefined {
  return ALL.find((o) => o.value === value);
}
