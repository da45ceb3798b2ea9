// The options page's policy form: the parts of a policy staff edit, as text
// fields, and back. Pure, so it is tested without a browser; the schema
// (rules/policy/schema.ts) still judges the result before anything is saved.

import { CODES_2006, CODES_2024 } from '../../rules/codes';

export interface BandRow {
  name: string;
  colour: string;
  /** The lower line; written as atLeast when includesFrom, otherwise above. */
  atLeast: string;
  /** Whether attendance exactly on the lower line is in the band ("90% and above", not "above 90%"). */
  includesFrom: boolean;
  /** The upper line, empty for up to and including 100%; written as atMost when includesTo, otherwise below. */
  below: string;
  /** Whether attendance exactly on the upper line is in the band ("95% and below", not "below 95%"). */
  includesTo: boolean;
  meaning: string;
}

export interface TierRow {
  level: string;
  name: string;
  /** The line; written as appliesAtOrBelow when includesLine, otherwise appliesBelow. */
  appliesBelow: string;
  /** Whether a pupil exactly on the line enters the tier ("90% and below", not "below 90%"). */
  includesLine: boolean;
  description: string;
  /** One step per line. */
  nextSteps: string;
}

/** One of the school's own codes (the policy's schoolCodes): the code as the MIS writes it, the DfE code it stands for, its name. */
export interface SchoolCodeRow {
  code: string;
  /** '' until one is chosen. */
  dfe: string;
  name: string;
}

export interface PolicyForm {
  schoolName: string;
  amStarts: string;
  amCloses: string;
  pmStarts: string;
  pmCloses: string;
  limitSchoolDays: string;
  warnWhenSchoolDaysLeft: string;
  /** 'all', or the codes separated by spaces or commas. */
  teacherCodes: string;
  attendanceTarget: string;
  bands: BandRow[];
  tiers: TierRow[];
  schoolCodes: SchoolCodeRow[];
}

type Json = Record<string, unknown>;

/**
 * The DfE codes a school code may stand for, each with its meaning: the codes in force since
 * 19 August 2024, then those of the 2006 set that are not among them (for older registers).
 */
export function dfeCodeChoices(): { code: string; label: string }[] {
  const current = [...CODES_2024.values()].map((c) => ({ code: c.code, label: `${c.code}: ${c.meaning}` }));
  const older = [...CODES_2006.values()].filter((c) => !CODES_2024.has(c.code)).map((c) => ({ code: c.code, label: `${c.code}: ${c.meaning} (before ${c.code === 'F' ? '2013' : '19 August 2024'})` }));
  return [...current, ...older];
}

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** The form's fields from a policy as written (a preset's input or a stored file). */
export function formFromPolicy(input: unknown): PolicyForm {
  const policy = obj(input);
  const sessions = obj(policy.sessions);
  const am = obj(sessions.AM);
  const pm = obj(sessions.PM);
  const unexplained = obj(policy.unexplainedAbsence);
  const teacher = obj(policy.codes).teacher;
  return {
    schoolName: text(policy.schoolName),
    amStarts: text(am.registrationStartsAt),
    amCloses: text(am.registerClosesAt),
    pmStarts: text(pm.registrationStartsAt),
    pmCloses: text(pm.registerClosesAt),
    limitSchoolDays: text(unexplained.limitSchoolDays ?? 5),
    warnWhenSchoolDaysLeft: text(unexplained.warnWhenSchoolDaysLeft ?? 2),
    teacherCodes: Array.isArray(teacher) ? teacher.join(' ') : 'all',
    attendanceTarget: text(policy.attendanceTarget),
    bands: (Array.isArray(policy.bands) ? policy.bands : []).map((b) => {
      const band = obj(b);
      return {
        name: text(band.name),
        colour: text(band.colour),
        atLeast: text(band.above ?? band.atLeast),
        includesFrom: band.above === undefined,
        below: text(band.atMost ?? band.below),
        includesTo: band.atMost !== undefined,
        meaning: text(band.meaning),
      };
    }),
    tiers: (Array.isArray(policy.tiers) ? policy.tiers : []).map((t) => {
      const tier = obj(t);
      return {
        level: text(tier.level),
        name: text(tier.name),
        appliesBelow: text(tier.appliesAtOrBelow ?? tier.appliesBelow),
        includesLine: tier.appliesAtOrBelow !== undefined,
        description: text(tier.description),
        nextSteps: (Array.isArray(tier.nextSteps) ? tier.nextSteps : []).map(text).join('\n'),
      };
    }),
    schoolCodes: (Array.isArray(policy.schoolCodes) ? policy.schoolCodes : []).map((c) => {
      const entry = obj(c);
      return { code: text(entry.code), dfe: text(entry.dfe), name: text(entry.name) };
    }),
  };
}

/** A number as typed; text that is not a number is kept, so the schema names the field. */
function numberOrText(value: string): number | string {
  const trimmed = value.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/** 'all', or the codes listed: '/ \ L N', '/, \, L, N'. */
export function readCodeList(value: string): 'all' | string[] {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'all') return 'all';
  return trimmed.split(/[\s,]+/).filter((c) => c !== '');
}

/** The policy as written, with the form's edits in place; everything the form does not show is kept. */
export function applyForm(input: unknown, form: PolicyForm): Json {
  const policy = structuredClone(obj(input));
  const sessions = obj(policy.sessions);
  const codes = obj(policy.codes);
  const unexplained = obj(policy.unexplainedAbsence);
  return {
    ...policy,
    schoolName: form.schoolName.trim(),
    codes: { ...codes, teacher: readCodeList(form.teacherCodes) },
    sessions: {
      ...sessions,
      AM: { ...obj(sessions.AM), registrationStartsAt: form.amStarts.trim(), registerClosesAt: form.amCloses.trim() },
      PM: { ...obj(sessions.PM), registrationStartsAt: form.pmStarts.trim(), registerClosesAt: form.pmCloses.trim() },
    },
    unexplainedAbsence: { ...unexplained, limitSchoolDays: numberOrText(form.limitSchoolDays), warnWhenSchoolDaysLeft: numberOrText(form.warnWhenSchoolDaysLeft) },
    attendanceTarget: numberOrText(form.attendanceTarget),
    bands: form.bands.map((b) => ({
      name: b.name.trim(),
      colour: b.colour.trim(),
      [b.includesFrom ? 'atLeast' : 'above']: numberOrText(b.atLeast),
      // An empty upper line is up to and including 100%.
      ...(b.below.trim() === '' ? {} : { [b.includesTo ? 'atMost' : 'below']: numberOrText(b.below) }),
      meaning: b.meaning.trim(),
    })),
    tiers: form.tiers.map((t) => ({
      level: numberOrText(t.level),
      name: t.name.trim(),
      ...(t.appliesBelow.trim() === '' ? { appliesBelow: null } : { [t.includesLine ? 'appliesAtOrBelow' : 'appliesBelow']: numberOrText(t.appliesBelow) }),
      description: t.description.trim(),
      nextSteps: t.nextSteps
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    })),
    // A policy without a table keeps none (as written), rather than gaining an empty one.
    ...(form.schoolCodes.length > 0 || policy.schoolCodes !== undefined
      ? { schoolCodes: form.schoolCodes.map((c) => ({ code: c.code.trim(), dfe: c.dfe, name: c.name.trim() })) }
      : {}),
  };
}

/** An MIS site's origin as typed: one exact https (or http, flagged) site (storage/site-origin.ts). */
export { readSiteOrigin } from '../../storage/site-origin';

/**
 * A time of day as staff type it, written HH:MM: '9:30', '9.30', '09:30', '0930', '930',
 * '9:30am', '9.30 a.m.', '1.15pm', '9am', 'midday'. Null when it is not a time (the form then
 * says at the field what it takes). A bare hour ('9') is not read: morning or evening is unsaid.
 */
export function readClockTime(typed: string): string | null {
  const text = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === 'midday' || text === 'noon' || text === '12 noon') return '12:00';
  const m = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2})|(\d{2}))?\s*(am|a\.m\.|pm|p\.m\.)?$/.exec(text);
  if (m === null) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? m[3] ?? '0');
  const half = m[4]?.[0];
  // A bare hour needs am or pm; '930' and '0930' are times, '93' is not.
  if (m[2] === undefined && m[3] === undefined && half === undefined) return null;
  if (minute > 59) return null;
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The session time fields, by the policy path each writes. */
export const TIME_FIELDS = {
  amStarts: 'sessions.AM.registrationStartsAt',
  amCloses: 'sessions.AM.registerClosesAt',
  pmStarts: 'sessions.PM.registrationStartsAt',
  pmCloses: 'sessions.PM.registerClosesAt',
} as const satisfies Partial<Record<keyof PolicyForm, string>>;

/** What a time field says when what was typed is not a time. */
export const TIME_EXPECTED = 'Enter a time of day, such as 08:40, 8.40 or 8:40am';

/** The form with each readable time written HH:MM ('9.30' is 09:30); a time that cannot be read stays as typed. */
export function withClockTimes(form: PolicyForm): PolicyForm {
  const out = { ...form };
  for (const key of Object.keys(TIME_FIELDS) as (keyof typeof TIME_FIELDS)[]) out[key] = readClockTime(form[key]) ?? form[key];
  return out;
}

const SIMPLE_FIELDS: Readonly<Record<string, keyof PolicyForm>> = {
  schoolName: 'schoolName',
  ...Object.fromEntries(Object.entries(TIME_FIELDS).map(([key, path]) => [path, key])),
  'unexplainedAbsence.limitSchoolDays': 'limitSchoolDays',
  'unexplainedAbsence.warnWhenSchoolDaysLeft': 'warnWhenSchoolDaysLeft',
  'codes.teacher': 'teacherCodes',
  attendanceTarget: 'attendanceTarget',
};

const BAND_LEAVES: Readonly<Record<string, string>> = { name: 'name', colour: 'colour', atLeast: 'atLeast', above: 'atLeast', below: 'below', atMost: 'below', meaning: 'meaning' };
const TIER_LEAVES: Readonly<Record<string, string>> = { level: 'level', name: 'name', appliesBelow: 'appliesBelow', appliesAtOrBelow: 'appliesBelow', description: 'description', nextSteps: 'nextSteps' };

/** The id of the form's control for a policy path ('bands[1].above' is 'band-2-atLeast'), or null when the form has none for it. */
export function policyFieldId(path: string): string | null {
  // The school code checks say their place in words: 'school code 2, the DfE code'.
  const place = /^school code (\d+)(?:, the (code|DfE code|name))?$/.exec(path);
  if (place !== null) return `school-code-${place[1]}-${place[2] === 'DfE code' ? 'dfe' : place[2] === 'name' ? 'name' : 'code'}`;
  const simple = SIMPLE_FIELDS[path.replace(/\[\d+\]$/, '')];
  if (simple !== undefined) return `policy-${simple}`;
  const item = /^(bands|tiers|schoolCodes)\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (item === null) return null;
  const n = Number(item[2]) + 1;
  const leaf = item[3];
  if (item[1] === 'schoolCodes') return `school-code-${n}-${leaf === 'dfe' || leaf === 'name' ? leaf : 'code'}`;
  const leaves = item[1] === 'bands' ? BAND_LEAVES : TIER_LEAVES;
  return `${item[1] === 'bands' ? 'band' : 'tier'}-${n}-${(leaf !== undefined && leaves[leaf]) || 'name'}`;
}
