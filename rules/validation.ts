// Turning zod's findings about bad input into messages staff can act on:
// where (a dotted path) and what is wrong, in plain words.

import type { z } from 'zod';

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
};

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `has fields this version does not know: ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type') {
    const expected = KINDS[issue.expected] ?? issue.expected;
    // zod says "received undefined" for a field that is not there at all.
    if (/received undefined$/.test(issue.message)) return `is missing (expected ${expected})`;
    // Keep a schema's own wording ('must be a percentage, ...'); replace zod's generic one.
    return issue.message.startsWith('Invalid input') ? `must be ${expected}` : issue.message;
  }
  return issue.message;
}

export function describeIssues(error: z.ZodError, whole?: string): InputProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, whole), message: describeIssue(issue) }));
}
