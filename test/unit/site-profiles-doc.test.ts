// Every JSON example in docs/site-profiles.md is checked as an import checks it, so the page
// cannot teach a profile Markwise refuses. A block is a whole file ({ "profiles": [...] }), a
// whole profile (it has an "id"), or a fragment marked <!-- fragment: cells.mark --> above it,
// put into a complete profile at that place; <!-- refused: … --> must be refused with that
// message, and <!-- managed-sites --> is an administrator's sites list.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSiteProfiles } from '../../sites/profile-import';
import { readManaged } from '../../storage/managed';

const doc = readFileSync(new URL('../../docs/site-profiles.md', import.meta.url), 'utf8');

interface Example {
  line: number;
  mark: string | null;
  text: string;
}

/** Each ```json block, with the <!-- … --> comment on the line before it, if any. */
function examples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const found: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```json') continue;
    const end = lines.indexOf('```', i + 1);
    const before = lines[i - 1]?.trim() ?? '';
    found.push({ line: i + 1, mark: /^<!-- (.+) -->$/.exec(before)?.[1] ?? null, text: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return found;
}

/** A complete version 2 profile that each fragment is put into. */
const BASE = {
  id: 'doc-example',
  name: 'An example from docs/site-profiles.md',
  product: 'Our MIS',
  verified: false,
  paths: ['^/register'],
  role: 'teacher',
  register: 'table.register',
  rows: 'tbody tr',
  pupilId: { scope: 'row', attribute: 'data-pupil-id' },
  pupilName: { scope: 'row', selector: 'td.name' },
  cells: {
    selector: 'td.mark',
    date: { scope: 'cell', attribute: 'data-date' },
    session: { scope: 'cell', attribute: 'data-session' },
    mark: { kind: 'text-input', selector: 'input' },
  },
};

function withFragment(path: string, value: unknown): unknown {
  const profile = structuredClone(BASE) as Record<string, unknown>;
  if (path === 'profile') return { ...profile, ...(value as object) };
  const keys = path.split('.');
  let at = profile;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return profile;
}

function asFile(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'profiles' in value ? value : { schemaVersion: 2, profiles: [value] };
}

const all = examples(doc);

describe('docs/site-profiles.md', () => {
  it('has its examples, one for each shape the format describes', () => {
    expect(doc.split('```json').length - 1).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(25);
    for (const shape of ['"kind": "radios", "codeFrom": "header"', '"codeFrom": "label"', '"codeFrom": "value"', '"state": "selected-text"', '"parts"', '"format": "EEE dd/MM"', '"yearFrom"', '"scope": "next-cell"', '"scope": "column"', '"means": "minutes-late"', '"periods"', '#/attendance', '"badgeIn"', '"PRESENT"', 'http://mis.school.local']) {
      expect(all.some((e) => e.text.replace(/\s+/g, ' ').includes(shape.replace(/\s+/g, ' '))), shape).toBe(true);
    }
  });

  for (const example of all) {
    it(`the example at line ${example.line}${example.mark === null ? '' : ` (${example.mark})`} is ${example.mark?.startsWith('refused') ? 'refused as it says' : 'accepted'}`, () => {
      const value: unknown = JSON.parse(example.text);
      const mark = example.mark ?? '';
      if (mark === 'managed-sites') {
        const managed = readManaged({ sites: value });
        expect(managed.problems).toEqual([]);
        expect(managed.sites).toHaveLength((value as unknown[]).length);
        return;
      }
      const fragment = /^fragment: ([\w.]+)$/.exec(mark)?.[1];
      const parsed = parseSiteProfiles(asFile(fragment === undefined ? value : withFragment(fragment, value)));
      const refused = /^refused: (.+)$/.exec(mark)?.[1];
      if (refused !== undefined) {
        expect(parsed.ok).toBe(false);
        expect(!parsed.ok && parsed.problems.map((p) => p.message).join('\n')).toContain(refused);
        return;
      }
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    });
  }
});
