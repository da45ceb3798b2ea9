// @vitest-environment node
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '.';
import { demoClassRegister } from './builtin/demo';
import { parseSiteProfiles, patternProblem, selectorProblem } from './profile-import';
import { siteProfileSchema } from './profile';
import { readManaged } from '../storage/managed';

const file = (patch: object) => ({ profiles: [{ ...demoClassRegister, id: 'our-mis', ...patch }] });

describe('a profile is refused at import when it could not run (issue 11, items 12 and 16)', () => {
  it('every built-in profile passes', () => {
    const parsed = parseSiteProfiles({ profiles: BUILTIN_PROFILES });
    expect(parsed.ok && parsed.profiles.length).toBe(BUILTIN_PROFILES.length);
  });

  it('a selector that is not CSS is refused without a DOM (the background, the command line), naming the profile and field', () => {
    const result = parseSiteProfiles(file({ register: 'table#register[', cells: { ...demoClassRegister.cells!, mark: { kind: 'text-input', selector: 'input[' } } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(['profiles[0].register', 'profiles[0].cells.mark.selector']);
    expect(result.problems[0]!.message).toMatch(/^"table#register\[" is not a CSS selector \(.+\) \(profile our-mis\)$/);
  });

  describe('with a DOM (extension pages, the widget)', () => {
    const globals = globalThis as { document?: Document };
    afterEach(() => {
      delete globals.document;
    });
    it('the browser decides, in the schema the widget uses as well', () => {
      globals.document = new JSDOM('').window.document;
      expect(selectorProblem('td:::x')).toContain('is not a CSS selector');
      expect(selectorProblem('tbody tr.pupil-row > td:is(.a, .b)')).toBeNull();
      const parsed = siteProfileSchema.safeParse({ ...demoClassRegister, rows: 'tr[' });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('"tr[" is not a CSS selector the browser can read');
    });
  });

  it('a path with a repeat inside a repeat is refused, saying why', () => {
    const result = parseSiteProfiles(file({ paths: ['^/(\\w+/?)+$'] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ path: 'profiles[0].paths[0]', message: expect.stringMatching(/repeats something that itself repeats .* \(profile our-mis\)$/) }]);
  });

  it('a back-reference is refused, in a path or in a value pattern', () => {
    const result = parseSiteProfiles(file({ paths: ['^/(a)\\1$'], pupilId: { scope: 'row', attribute: 'data-id', pattern: '(?<id>\\d)\\k<id>' } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(['profiles[0].paths[0]', 'profiles[0].pupilId.pattern']);
    for (const p of result.problems) expect(p.message).toContain('back-reference');
  });

  it('the patterns the built-in profiles use are accepted', () => {
    for (const p of ['^/register/class', '/students/([^/?#]+)', '(\\d{1,2}/\\d{1,2}/\\d{4})', '\\b(AM|PM)\\b', 'student[^0-9]*(\\d+)', '.*']) expect(patternProblem(p), p).toBeNull();
  });

  it('any pattern that is let in runs in bounded time on a long text that nearly matches', () => {
    const atoms = fc.constantFrom('a', '\\w', '[a-z/]', '.', '(a|b)', '/', '\\d');
    const quantifiers = fc.constantFrom('', '+', '*', '?', '{1,3}');
    const pattern = fc.array(fc.tuple(atoms, quantifiers, fc.boolean(), quantifiers), { minLength: 1, maxLength: 4 }).map((parts) =>
      parts.map(([atom, inner, group, outer]) => (group ? `(${atom}${inner})${outer}` : `${atom}${inner}`)).join(''),
    );
    fc.assert(
      fc.property(pattern, (source) => {
        if (patternProblem(`^${source}$`) !== null) return;
        const start = performance.now();
        new RegExp(`^${source}$`).test(`${'a/'.repeat(2000)}!`);
        expect(performance.now() - start, source).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });

  it('an administrator\'s profiles are checked the same way, in the background where there is no DOM', () => {
    const m = readManaged({ siteProfiles: JSON.stringify(file({ paths: ['^/(\\w+/?)+$'], rows: 'tr[' })) });
    expect(m.profiles).toEqual([]);
    expect(m.problems).toEqual([
      expect.stringMatching(/^siteProfiles profiles\[0\]\.paths\[0\]: .*repeats something that itself repeats.*\(profile our-mis\)$/),
      expect.stringMatching(/^siteProfiles profiles\[0\]\.rows: "tr\[" is not a CSS selector .*\(profile our-mis\)$/),
    ]);
  });
});
