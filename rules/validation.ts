// Turning zod's findings about bad input into messages staff can act on:
// where (a dotted path) and what is wrong, in plain words.

import type { z } from 'zod/mini';

export interface InputProblem {
  /** Where, as a dotted path: 'sessions.AM.registerClosesAt', 'bands[2].colour'. */
  readonly path: string;
  readonly message: string;
}

export function formatPath(path: readonly PropertyKey[], whole = '(the whole file)'): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? whole : out;
}

const KINDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields (a JSON object)',
  int: 'a whole number',
};

const quoted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** What zod found, in the words of the schema where it has its own, otherwise in plain words here. */
function plainWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n === 1 ? 'must not be empty' : `must be at least ${n} characters`;
      if (issue.origin === 'array') return `must list at least ${n}`;
      return `must be ${n} or more`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${n} characters`;
      if (issue.origin === 'array') return `must list at most ${n}`;
      return `must be ${n} or less`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quoted(issue.values)}` : `must be one of ${quoted(issue.values)}`;
    case 'invalid_union':
      return 'is not any of the forms this field takes';
    case 'invalid_format':
      // 'regex' means nothing to a school office; a named format (a date, an email) does.
      return issue.format === 'regex' ? 'is not written in the form this field takes' : `is not written in the form this field takes (${issue.format})`;
    default:
      return 'is not valid here';
  }
}

/** Whether the input has nothing at this path: a field that is not there at all. */
function isAbsent(input: unknown, path: readonly PropertyKey[]): boolean {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return true;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value === undefined;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'unrecognized_keys') return `has fields this version does not know: ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type') {
    const expected = KINDS[issue.expected] ?? issue.expected;
    if (isAbsent(input, issue.path)) return `is missing (expected ${expected})`;
    // Keep a schema's own wording ('must be a percentage, ...'); replace zod's generic one.
    return issue.message.startsWith('Invalid input') ? `must be ${expected}` : issue.message;
  }
  // zod's generic message (zod/mini carries no wording of its own): say it in plain words.
  return issue.message === '' || issue.message.startsWith('Invalid input') ? plainWords(issue) : issue.message;
}

/** Every issue as where and what; input is what was checked, to tell a missing field from a wrong one. */
export function describeIssues(error: z.core.$ZodError, input: unknown, whole?: string): InputProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, whole), message: describeIssue(issue, input) }));
}
