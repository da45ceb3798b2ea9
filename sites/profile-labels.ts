// A site profile's field as people read it, for problems in a profiles file (options page import,
// profiles saved by an earlier version, an administrator's profiles): "Profile 2, mark control 1,
// code from", not "profiles[1].cells.mark[0].codeFrom" (issue 14, item 7). The JSON name follows in
// quotes where the words alone would not find it in the file.

import { fieldLabel, type FieldTables } from '../rules/policy/labels';

const TABLES: FieldTables = {
  whole: {
    '': 'The file',
    schemaVersion: 'Site profile format version',
    profiles: 'Site profiles',
    'profiles[].id': 'id',
    'profiles[].paths': 'pages it reads (path patterns)',
    'profiles[].register': 'the register (CSS selector)',
    'profiles[].rows': "pupils' rows (CSS selector)",
    'profiles[].pupilId': "pupil's MIS id",
    'profiles[].upn': "pupil's UPN",
    'profiles[].pupilName': "pupil's name",
    'profiles[].badgeAfter': 'where the badge goes (after)',
    'profiles[].badgeIn': 'where the badge goes (in)',
    'profiles[].cells': 'register cells',
    'profiles[].cells.selector': 'register cells (CSS selector)',
    'profiles[].cells.date': "cell's date",
    'profiles[].cells.session': "cell's session",
    'profiles[].cells.periods': 'periods',
    'profiles[].cells.arrival': 'arrival time',
    'profiles[].cells.columns': 'columns',
  },
  items: {
    profiles: 'Profile',
    'profiles[].paths': 'path pattern',
    'profiles[].cells.mark': 'mark control',
    'profiles[].assumptions': 'assumption',
    'profiles[].cells.date.parts': 'date part',
  },
  leaves: {},
};

/** "Profile 2, mark control 1, code from ('codeFrom'): radios need codeFrom…" */
export function describeProfileProblem(problem: { readonly path: string; readonly message: string }): string {
  const last = /([A-Za-z]+)$/.exec(problem.path)?.[1];
  const label = fieldLabel(problem.path, TABLES);
  return `${label}${last !== undefined && !label.includes(last) ? ` ('${last}')` : ''}: ${problem.message}`;
}
