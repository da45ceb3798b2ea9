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

  it('three repeats in a row that can take the same characters are refused: the one the property below found took 51 s', () => {
    for (const p of ['^.*[a-z/]*([a-z/])+$', '.*[a-z/]*([a-z/])+', '^\\w*\\d*[0-9a-z]+$', '^(a|b)*a*\\w+!$', '^.*/x.*/y.*$', '.*.*']) {
      expect(patternProblem(p), p).toMatch(/three or more repeats .* in a row/);
    }
    // Two in a row cost at most the square of the text's length (a few milliseconds on a page's path), and are let in.
    for (const p of ['^/students/.*/marks/.*$', '^\\d+[a-z]*$', '^[a-z]+/\\d+$', 'student[^0-9]*(\\d+)', '^\\w*\\d*-\\w+$']) expect(patternProblem(p), p).toBeNull();
    const start = performance.now();
    new RegExp('^/students/.*/marks/.*$').test(`/students/${'/marks/'.repeat(600)}!\n`);
    expect(performance.now() - start).toBeLessThan(500);
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
      expect.stringMatching(/^In the site profiles: Profile 1, pages it reads \(path patterns\), path pattern 1: .*repeats something that itself repeats.*\(profile our-mis\)$/),
      expect.stringMatching(/^In the site profiles: Profile 1, pupils' rows \(CSS selector\): "tr\[" is not a CSS selector .*\(profile our-mis\)$/),
    ]);
  });
});

describe('the format version at import, and errors that name the profile and field (issue 12)', () => {
  const { schemaVersion: _none, ...v1 } = { schemaVersion: undefined, ...demoClassRegister, id: 'our-mis' };
  const v2 = {
    ...v1,
    id: 'our-radios',
    badgeIn: 'td.name',
    cells: { ...demoClassRegister.cells!, periods: { 'AM reg': 'AM' }, mark: [{ kind: 'radios', selector: '.marks', codeFrom: 'label' }, { kind: 'text' }] },
  };

  it('a version 1 file (no schemaVersion, or 1) keeps loading, as does one of version 2', () => {
    for (const input of [{ profiles: [v1] }, { schemaVersion: 1, profiles: [v1] }, { schemaVersion: 2, profiles: [v1, v2] }]) {
      const parsed = parseSiteProfiles(input);
      expect(parsed.ok, JSON.stringify(input).slice(0, 40)).toBe(true);
    }
  });

  it('a file of a later version is refused whole with one clear message, not a list of fields it does not know', () => {
    const parsed = parseSiteProfiles({ schemaVersion: 3, profiles: [{ ...v2, futureThing: { x: 1 } }] });
    expect(parsed).toEqual({
      ok: false,
      problems: [{ path: 'schemaVersion', message: expect.stringMatching(/^this file is written in site profile format version 3, newer than this Markwise reads \(versions 1 and 2\): nothing was imported; update Markwise/) }],
    });
  });

  it('a schemaVersion that is no version at all says what it must be', () => {
    for (const version of [0, 1.5, '2', null, -1]) {
      const parsed = parseSiteProfiles({ schemaVersion: version, profiles: [v1] });
      expect(parsed, String(version)).toEqual({ ok: false, problems: [{ path: 'schemaVersion', message: expect.stringContaining('must be 1 or 2') }] });
    }
  });

  it('each error names the profile by its id, or by its place when it has no valid id, and the field path', () => {
    const parsed = parseSiteProfiles({
      schemaVersion: 2,
      profiles: [v1, { ...v2, id: 'Our Radios', cells: { ...v2.cells, mark: [{ kind: 'radios', selector: '.marks' }] } }, { ...v1, id: undefined, pupilName: { scope: 'nowhere' } }, 'not a profile'],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'profiles[1].id: must be lower-case letters, digits and hyphens (profile 2)',
      "profiles[1].cells.mark[0].codeFrom: radios need codeFrom ('value', 'label' or 'header'), and only radios have it (profile 2)",
      expect.stringMatching(/^profiles\[2\]\.id: .* \(profile 3\)$/),
      expect.stringMatching(/^profiles\[2\]\.pupilName\.scope: must be one of .* \(profile 3\)$/),
      expect.stringMatching(/^profiles\[3\]: .* \(profile 4\)$/),
    ]);
  });

  it('the version 2 selectors and patterns are checked too: badgeIn, a column header, a mark in a list', () => {
    const parsed = parseSiteProfiles({
      schemaVersion: 2,
      profiles: [
        {
          ...v2,
          badgeIn: 'td.name[',
          cells: { ...v2.cells, arrival: { scope: 'column', column: { header: '^(\\w+\\s?)+$' }, means: 'minutes-late' }, mark: [{ kind: 'text' }, { kind: 'select', selector: 'select[' }] },
        },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual(['profiles[0].badgeIn', 'profiles[0].cells.mark[1].selector', 'profiles[0].cells.arrival.column.header']);
    for (const p of parsed.problems) expect(p.message).toMatch(/\(profile our-radios\)$/);
  });

  it("an administrator's profiles of a later version are not used, and the options page is told why", () => {
    const m = readManaged({ siteProfiles: JSON.stringify({ schemaVersion: 3, profiles: [v2] }) });
    expect(m.profiles).toEqual([]);
    expect(m.problems).toEqual([expect.stringMatching(/^In the site profiles: Site profile format version \('schemaVersion'\): this file is written in site profile format version 3, newer than/)]);
    expect(readManaged({ siteProfiles: JSON.stringify({ profiles: [v1] }) }).profiles.map((p) => p.id)).toEqual(['our-mis']);
  });

  it('a repeated id names both places', () => {
    const parsed = parseSiteProfiles({ profiles: [v1, v1] });
    expect(parsed).toEqual({ ok: false, problems: [{ path: 'profiles[1].id', message: "'our-mis' is already the id of profile 1: each profile's id once (profile 2)" }] });
  });
});
