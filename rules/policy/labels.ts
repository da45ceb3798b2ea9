// A policy field's name as staff read it, for messages about a policy: "Morning register closes",
// not "sessions.AM.registerClosesAt" (issue 14, item 7). Pure. The embeddable widget keeps schema
// paths: its readers are the developers embedding it, and its size budget has no room for this.

const WHOLE: Readonly<Record<string, string>> = {
  '': 'The policy',
  schemaVersion: 'Policy file version',
  id: 'Policy id',
  schoolName: 'School name',
  source: 'Where the policy comes from',
  codes: 'Codes staff may enter',
  'codes.teacher': 'Codes teachers may enter',
  'codes.office': 'Codes office staff may enter',
  sessions: 'Session times',
  'sessions.AM': 'Morning register',
  'sessions.PM': 'Afternoon register',
  'sessions.AM.registrationStartsAt': 'Morning registration starts',
  'sessions.AM.registerClosesAt': 'Morning register closes',
  'sessions.PM.registrationStartsAt': 'Afternoon registration starts',
  'sessions.PM.registerClosesAt': 'Afternoon register closes',
  unexplainedAbsence: 'N (reason for absence not yet established)',
  'unexplainedAbsence.limitSchoolDays': 'Replace N within (school days)',
  'unexplainedAbsence.warnWhenSchoolDaysLeft': 'Warn when this many school days are left',
  'unexplainedAbsence.fallbackCode': 'Code an N becomes after its deadline',
  'unexplainedAbsence.firstDayContact': 'First-day contact steps',
  calendar: 'Calendar',
  'calendar.bankHolidays': 'Bank holidays',
  'calendar.academicYears': 'Term dates',
  attendanceTarget: 'Attendance target (%)',
  bands: 'Colour bands',
  tiers: 'Tiers',
  thresholds: 'Absence lines',
  'thresholds.persistentAbsence': 'Persistent absence line (% of sessions missed)',
  'thresholds.severeAbsence': 'Severe absence line (% of sessions missed)',
  schoolCodes: "School's own codes",
  notes: "The policy's notes",
};

/** A list's item, by the list's path with the index taken out: "bands[]" is "Colour band 3". */
const ITEMS: Readonly<Record<string, string>> = {
  bands: 'Colour band',
  tiers: 'Tier',
  'unexplainedAbsence.firstDayContact': 'First-day contact step',
  'calendar.academicYears': 'School year',
  'calendar.academicYears[].terms': 'term',
  'calendar.academicYears[].closures': 'closure',
  'codes.teacher': 'code',
  'codes.office': 'code',
  schoolCodes: 'School code',
  notes: 'Note',
  'tiers[].nextSteps': 'next step',
};

const LEAVES: Readonly<Record<string, string>> = {
  name: 'name',
  colour: 'colour',
  atLeast: 'from (%, included)',
  above: 'above (%)',
  below: 'below (%)',
  atMost: 'up to (%, included)',
  meaning: 'meaning',
  level: 'level',
  appliesBelow: 'applies below (%)',
  appliesAtOrBelow: 'applies at or below (%)',
  description: 'description',
  nextSteps: 'next steps',
  at: 'time',
  step: 'what to do',
  label: 'year (such as 2024-25)',
  terms: 'terms',
  closures: 'closures',
  source: 'source',
  start: 'start',
  end: 'end',
  halfTerm: 'half term',
  kind: 'kind',
  reason: 'reason',
  code: 'code',
  dfe: 'DfE code',
};

/** Words for a camelCase name the tables do not know: "warnWhenSchoolDaysLeft" is "warn when school days left". */
function words(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * "sessions.AM.registerClosesAt" → "Morning register closes"; "bands[2].atLeast" → "Colour band
 * 3, from (%, included)"; "calendar.academicYears[0].terms[1].halfTerm.end" → "School year 1, term
 * 2, half term, end". A path the tables do not know is put in words, never shown as code.
 */
export function policyFieldLabel(path: string): string {
  return fieldLabel(path, POLICY_TABLES);
}

/** The words for a kind of file's fields: a whole path, a list's item (by the list's path), a last name. */
export interface FieldTables {
  readonly whole: Readonly<Record<string, string>>;
  readonly items: Readonly<Record<string, string>>;
  readonly leaves: Readonly<Record<string, string>>;
}

const POLICY_TABLES: FieldTables = { whole: WHOLE, items: ITEMS, leaves: LEAVES };

/** A field's path in a file put in words by that file's tables; what they do not know is put in words from its name. */
export function fieldLabel(path: string, { whole: WHOLE, items: ITEMS, leaves: LEAVES }: FieldTables): string {
  const known = WHOLE[path];
  if (known !== undefined) return known;
  const parts: string[] = [];
  // Whether the last part names a container that a longer known label (its field, or its item) replaces.
  let replaceable = false;
  let prefix = '';
  const put = (label: string, container: boolean) => {
    if (replaceable) parts.pop();
    parts.push(label);
    replaceable = container;
  };
  for (const segment of path.split('.')) {
    const m = /^([A-Za-z]+)((?:\[\d+\])*)$/.exec(segment);
    if (m === null) {
      // Already in words (the school code checks say "school code 2, the DfE code"): kept as written.
      parts.push(segment);
      replaceable = false;
      continue;
    }
    const name = m[1]!;
    const key = prefix === '' ? name : `${prefix}.${name}`;
    const indices = [...m[2]!.matchAll(/\[(\d+)\]/g)].map((i) => Number(i[1]) + 1);
    const whole = WHOLE[key];
    const item = ITEMS[key];
    if (indices.length > 0 && item !== undefined) {
      const numbered = `${item} ${indices.join(', ')}`;
      // "Colour band 3" stands alone; "code 3" follows its list's label ("Codes teachers may enter").
      if (item[0] === item[0]!.toUpperCase()) put(numbered, false);
      else {
        if (whole !== undefined) put(whole, false);
        else replaceable = false;
        parts.push(numbered);
      }
      prefix = `${key}[]`;
    } else {
      if (whole !== undefined) put(whole, true);
      else {
        parts.push(LEAVES[name] ?? words(name));
        replaceable = false;
      }
      prefix = key;
    }
  }
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Morning register closes: must be a time of day…", for a problem or warning about a policy. */
export function describePolicyProblem(problem: { readonly path: string; readonly message: string }): string {
  return `${policyFieldLabel(problem.path)}: ${problem.message}`;
}
