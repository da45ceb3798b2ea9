// A site profiles file as an import takes it (options page, background, managed policy): the schema,
// then what the schema alone cannot say: every selector is CSS, and no pattern can freeze a page.
// Kept out of sites/profile.ts so that the widget and the content script do not carry these libraries.

import { parse as parseSelector } from 'css-what';
import ret, { types, type Group, type Token, type Root } from 'ret';
import safeRegex from 'safe-regex2';
import { format as formatDate, isValid, parse as parseDate } from 'date-fns';
import { enGB } from 'date-fns/locale';
import { describeIssues, type InputProblem } from '../rules/validation';
import { DATE_TOKENS, dayInYear, formatTokens, readWrittenDate } from './date-format';
import { SCHEMA_VERSION, siteProfilesFileSchema, type ProfilesResult, type SiteProfile } from './profile';

/** Why a selector cannot be used, or null. The browser decides where there is one; elsewhere (the background, node) css-what. */
export function selectorProblem(selector: string): string | null {
  const doc = (globalThis as { document?: Document }).document;
  try {
    if (doc !== undefined) doc.createDocumentFragment().querySelector(selector);
    else parseSelector(selector);
    return null;
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^.*?: /, '') : String(error);
    return `${JSON.stringify(selector)} is not a CSS selector (${why})`;
  }
}

/** A pattern's or group's alternatives, each a sequence of tokens (one when it has no |). */
function alternatives(token: Root | Group): Token[][] {
  return token.options ?? [token.stack ?? []];
}

function hasReference(token: Token | Root): boolean {
  if (token.type === types.REFERENCE) return true;
  if (token.type === types.REPETITION) return hasReference(token.value);
  if (token.type === types.ROOT || token.type === types.GROUP) return alternatives(token).some((list) => list.some(hasReference));
  return false;
}

/** Characters a pattern's alphabet is tried on: ASCII, and a few beyond it that pages have. */
const SAMPLE = [...Array.from({ length: 128 }, (_, i) => i), 0xa0, 0xe9, 0x2013, 0x2028];

/** The sample characters a token can take (for a repeat or group: any of its parts can), as bits. */
function alphabet(token: Token | Root): boolean[] {
  const takes = (code: number, t: Token | Root): boolean => {
    switch (t.type) {
      case types.CHAR:
        return t.value === code;
      case types.SET:
        return t.set.some((part) => (part.type === types.RANGE ? code >= part.from && code <= part.to : takes(code, part))) !== t.not;
      case types.REPETITION:
        return takes(code, t.value);
      case types.ROOT:
      case types.GROUP:
        return alternatives(t).some((list) => list.some((x) => takes(code, x)));
      default:
        return false;
    }
  };
  return SAMPLE.map((code) => takes(code, token));
}

function canBeEmpty(token: Token): boolean {
  if (token.type === types.POSITION) return true;
  if (token.type === types.REPETITION) return token.min === 0 || canBeEmpty(token.value);
  if (token.type === types.GROUP) return alternatives(token).some((list) => list.every(canBeEmpty));
  return false;
}

function repeatsWithoutEnd(token: Token): boolean {
  if (token.type === types.REPETITION) return token.max >= 64;
  if (token.type === types.GROUP) return alternatives(token).some((list) => list.some(repeatsWithoutEnd));
  return false;
}

/**
 * The longest run of unbounded repeats in one sequence where each can take characters the one
 * before it can: on a text that nearly matches, the engine tries every way of sharing the text
 * among them, which costs the text's length to the power of the run. A pattern not anchored
 * with ^ is tried from every position, which adds one to the run.
 */
function longestSharedRun(sequence: Token[], anchored: boolean): number {
  const items = sequence.map((t) => ({ letters: alphabet(t), empty: canBeEmpty(t), unbounded: repeatsWithoutEnd(t) }));
  if (!anchored) items.unshift({ letters: SAMPLE.map(() => true), empty: true, unbounded: true });
  const run: number[] = [];
  let longest = 0;
  for (const [j, b] of items.entries()) {
    run[j] = 0;
    if (!b.unbounded) continue;
    run[j] = 1;
    for (let i = 0; i < j; i += 1) {
      const a = items[i]!;
      if (!a.unbounded || !a.letters.some((x, k) => x && b.letters[k])) continue;
      const between = items.slice(i + 1, j);
      const joined = between.every((m) => m.empty || m.letters.every((x, k) => !x || a.letters[k] || b.letters[k]));
      if (joined) run[j] = Math.max(run[j]!, run[i]! + 1);
    }
    longest = Math.max(longest, run[j]!);
  }
  // Inside groups, each alternative is its own sequence.
  for (const t of sequence) {
    const inner = t.type === types.REPETITION ? t.value : t;
    if (inner.type === types.GROUP) for (const list of alternatives(inner)) longest = Math.max(longest, longestSharedRun(list, true));
  }
  return longest;
}

/**
 * Why a pattern could freeze the page it runs on, or null. A repeat inside a repeat, or a
 * back-reference, can take exponential time on a text that nearly matches (^/(\w+/?)+$ took 55 s).
 */
export function patternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern);
  } catch {
    return 'must be a regular expression';
  }
  let tokens: Root;
  try {
    tokens = ret(pattern);
  } catch (error) {
    return `${JSON.stringify(pattern)} uses regular-expression syntax Markwise cannot check is safe (${error instanceof Error ? error.message : String(error)}); write it without lookbehind or other newer syntax`;
  }
  if (hasReference(tokens) || /\\k</.test(pattern)) {
    return `${JSON.stringify(pattern)} has a back-reference (\\1, \\k<name>), which can take minutes on one address or cell and freeze the page; match the text without referring back to a group`;
  }
  if (!safeRegex(pattern)) {
    return `${JSON.stringify(pattern)} repeats something that itself repeats (like (\\w+/?)+), or has more than 25 repeats: on a text that nearly matches it can take minutes and freeze the page; write each repeat once, such as ^/[\\w/]+$`;
  }
  if (alternatives(tokens).some((list) => longestSharedRun(list, list[0]?.type === types.POSITION && list[0].value === '^') >= 3)) {
    return `${JSON.stringify(pattern)} has three or more repeats that can take the same characters in a row (like .*[a-z]*\\w+, or two with no ^ before them): on a text that nearly matches it can take minutes and freeze the page; write one repeat for each part, such as ^/[\\w/]+$`;
  }
  return null;
}

const SELECTOR_KEYS = new Set(['selector', 'register', 'rows', 'badgeAfter', 'badgeIn', 'headers']);
/** Regular expressions: a value's pattern, and (version 2) a column's header. */
const PATTERN_KEYS = new Set(['pattern', 'header']);

/** Each selector and pattern of a profile, with its path ('cells.mark.selector', 'paths[0]'). */
function* fields(value: unknown, path: string): Generator<{ path: string; kind: 'selector' | 'pattern'; text: string }> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* fields(item, `${path}[${i}]`);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (key === 'names' || key === 'assumptions') continue;
    if (typeof item === 'string' && SELECTOR_KEYS.has(key)) yield { path: at, kind: 'selector', text: item };
    else if (typeof item === 'string' && PATTERN_KEYS.has(key)) yield { path: at, kind: 'pattern', text: item };
    else if (key === 'paths' && Array.isArray(item)) {
      for (const [i, p] of item.entries()) if (typeof p === 'string') yield { path: `${at}[${i}]`, kind: 'pattern', text: p };
    } else yield* fields(item, at);
  }
}

/**
 * Why a date format cannot be read, or null: the content script reads a subset of date-fns tokens
 * (sites/date-format.ts), and date-fns itself must write and read the format back the same.
 */
function dateFormatProblems(date: NonNullable<SiteProfile['cells']>['date']): { field: string; message: string }[] {
  if ('parts' in date || 'today' in date || (date.format === undefined && date.yearFrom === undefined)) return [];
  const format = date.format ?? 'd/M';
  const letters = formatTokens(format).filter((t) => /^[A-Za-z]/.test(t));
  const unknown = letters.filter((t) => !DATE_TOKENS.includes(t));
  const text = JSON.stringify(format);
  if (unknown.length > 0) return [{ field: 'format', message: `${text} uses ${unknown.join(', ')}, which Markwise does not read in dates; it reads ${DATE_TOKENS.join(', ')} and 'quoted' words` }];
  if (!letters.some((t) => t[0] === 'd') || !letters.some((t) => t[0] === 'M')) return [{ field: 'format', message: `${text} needs the day (d) and the month (M)` }];
  const sample = new Date(2025, 10, 18);
  let written = '';
  let back: Date;
  try {
    written = formatDate(sample, format, { locale: enGB });
    back = parseDate(written, format, sample, { locale: enGB });
  } catch (error) {
    return [{ field: 'format', message: `${text} is not a date format date-fns reads (${error instanceof Error ? error.message : String(error)})` }];
  }
  const ours = readWrittenDate(written, format);
  if (!isValid(back) || ours === null || dayInYear(ours, ours.year ?? 2025) !== '2025-11-18') {
    return [{ field: 'format', message: `${text} is not a date format date-fns reads back: 18/11/2025 written by it is ${JSON.stringify(written)}` }];
  }
  const hasYear = letters.some((t) => t[0] === 'y');
  if (!hasYear && date.yearFrom === undefined) return [{ field: 'yearFrom', message: `${text} has no year: say where it comes from (yearFrom: a date or year on the page, or 'school-year')` }];
  if (hasYear && date.yearFrom !== undefined) return [{ field: 'yearFrom', message: `${text} already has the year: leave out yearFrom` }];
  return [];
}

/** What in one valid profile could not run on a page: its selectors, its patterns and its date format. */
export function profileProblems(profile: SiteProfile, where: string): InputProblem[] {
  const problems: InputProblem[] = [];
  if (profile.cells !== undefined) {
    for (const p of dateFormatProblems(profile.cells.date)) problems.push({ path: `${where}.cells.date.${p.field}`, message: `${p.message} (profile ${profile.id})` });
  }
  for (const field of fields(profile, '')) {
    const problem = field.kind === 'selector' ? selectorProblem(field.text) : patternProblem(field.text);
    if (problem !== null) problems.push({ path: `${where}.${field.path}`, message: `${problem} (profile ${profile.id})` });
  }
  return problems;
}

/**
 * Why a file's schemaVersion cannot be read, or null. Version 1 (no schemaVersion, or 1) and 2 are read;
 * a later one is refused whole, without listing the fields this version does not know.
 */
function versionProblem(input: unknown): InputProblem | null {
  const version = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version === undefined || version === 1 || version === SCHEMA_VERSION) return null;
  const later = typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION;
  return {
    path: 'schemaVersion',
    message: later
      ? `this file is written in site profile format version ${version}, newer than this Markwise reads (versions 1 and ${SCHEMA_VERSION}): nothing was imported; update Markwise, or ask whoever wrote the file for a version ${SCHEMA_VERSION} file`
      : `must be 1 or ${SCHEMA_VERSION} (the site profile format the file is written in), or left out for version 1; it is ${JSON.stringify(version)}`,
  };
}

/** Which profile a problem is in: its id when that is valid, else its place in the file ("profile 3"). */
function profileNamed(profiles: unknown, index: number): string {
  const id = Array.isArray(profiles) ? (profiles[index] as { id?: unknown } | null | undefined)?.id : undefined;
  return typeof id === 'string' && PROFILE_ID.test(id) ? `profile ${id}` : `profile ${index + 1}`;
}

const PROFILE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** A profiles file ({ "schemaVersion": 2, "profiles": [...] }) checked whole: every problem, with where and which profile. */
export function parseSiteProfiles(input: unknown): ProfilesResult {
  const version = versionProblem(input);
  if (version !== null) return { ok: false, problems: [version] };
  const result = siteProfilesFileSchema.safeParse(input);
  if (!result.success) {
    const profiles = (input as { profiles?: unknown } | null)?.profiles;
    return {
      ok: false,
      problems: describeIssues(result.error, input).map((p) => {
        const index = /^profiles\[(\d+)\]/.exec(p.path)?.[1];
        return index === undefined ? p : { ...p, message: `${p.message} (${profileNamed(profiles, Number(index))})` };
      }),
    };
  }
  const seen = new Map<string, number>();
  const problems: InputProblem[] = [];
  result.data.profiles.forEach((profile, i) => {
    const earlier = seen.get(profile.id);
    if (earlier !== undefined) problems.push({ path: `profiles[${i}].id`, message: `'${profile.id}' is already the id of profile ${earlier + 1}: each profile's id once (profile ${i + 1})` });
    else seen.set(profile.id, i);
    problems.push(...profileProblems(profile, `profiles[${i}]`));
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, profiles: result.data.profiles };
}

/** The stored profiles that can still be used; one saved before these checks and now refused is left out. */
export function usableProfiles(profiles: readonly unknown[]): SiteProfile[] {
  return profiles.flatMap((profile) => {
    const parsed = parseSiteProfiles({ profiles: [profile] });
    return parsed.ok ? parsed.profiles : [];
  });
}
