import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { describeIssues, formatPath } from './validation';

// The plain-words fallbacks for checks that no schema of ours words itself. Each schema here is
// zod/mini with no message of its own, so these are the words a user would see.
function messages(schema: z.ZodMiniType, input: unknown, whole?: string) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return describeIssues(result.error, input, whole);
}

describe('describeIssues says what is wrong in plain words', () => {
  it.each<[string, z.ZodMiniType, unknown, string]>([
    ['text that is too long', z.object({ name: z.string().check(z.maxLength(3)) }), { name: 'Zoë Smith' }, 'must be at most 3 characters'],
    ['text that is too short', z.object({ name: z.string().check(z.minLength(2)) }), { name: 'Z' }, 'must be at least 2 characters'],
    ['an empty text', z.object({ name: z.string().check(z.minLength(1)) }), { name: '' }, 'must not be empty'],
    ['a list that is too long', z.object({ codes: z.array(z.string()).check(z.maxLength(1)) }), { codes: ['N', 'O'] }, 'must list at most 1'],
    ['a list that is too short', z.object({ codes: z.array(z.string()).check(z.minLength(2)) }), { codes: ['N'] }, 'must list at least 2'],
    ['a number that is too big', z.object({ n: z.number().check(z.maximum(5)) }), { n: 6 }, 'must be 5 or less'],
    ['a number that is too small', z.object({ n: z.number().check(z.minimum(5)) }), { n: 4 }, 'must be 5 or more'],
    ['text not in the pattern', z.object({ upn: z.string().check(z.regex(/^[A-Z]\d{12}$/)) }), { upn: 'x' }, 'is not written in the form this field takes'],
    ['text not a named format', z.object({ day: z.iso.date() }), { day: '25/11/2026' }, 'is not written in the form this field takes (date)'],
    ['one value allowed', z.object({ v: z.literal('O') }), { v: 'G' }, 'must be "O"'],
    ['several values allowed', z.object({ v: z.enum(['AM', 'PM']) }), { v: 'XX' }, 'must be one of "AM", "PM"'],
    ['no form of a union', z.object({ v: z.union([z.number(), z.boolean()]) }), { v: 'x' }, 'is not any of the forms this field takes'],
    ['a missing field', z.object({ v: z.number() }), {}, 'is missing (expected a number)'],
    ['the wrong kind', z.object({ v: z.array(z.string()) }), { v: 'N' }, 'must be a list'],
    ['an unknown field', z.strictObject({ v: z.number() }), { v: 1, w: 2 }, 'has fields this version does not know: w'],
  ])('%s', (_, schema, input, message) => {
    expect(messages(schema, input).map((p) => p.message)).toEqual([message]);
  });

  it('names the place as a dotted path, and the whole input by the caller\'s word', () => {
    const schema = z.object({ pupils: z.array(z.object({ upn: z.string() })) });
    expect(messages(schema, { pupils: [{ upn: 'A' }, { upn: 7 }] })).toEqual([{ path: 'pupils[1].upn', message: 'must be text' }]);
    expect(messages(schema, 'not json', '(the snapshot)')).toEqual([{ path: '(the snapshot)', message: 'must be a group of fields (a JSON object)' }]);
    expect(formatPath([])).toBe('(the whole file)');
    expect(formatPath(['bands', 2, 'colour'])).toBe('bands[2].colour');
  });

  it('keeps a schema\'s own words when it has them', () => {
    const schema = z.object({ t: z.string().check(z.regex(/^\d\d:\d\d$/, { error: 'must be a time of day written as HH:MM' })) });
    expect(messages(schema, { t: '9.15' })[0]?.message).toBe('must be a time of day written as HH:MM');
  });
});
