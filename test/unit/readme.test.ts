// The README is part of the interface: it must list every rule id, and only real ones.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../rules/findings';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const ruleTable = readme.slice(readme.indexOf('## Rule ids'), readme.indexOf('## ', readme.indexOf('## Rule ids') + 3));

describe('the README', () => {
  it('lists every rule id in its rule table, and no other', () => {
    const listed = [...ruleTable.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual([...RULE_IDS]);
  });

  it('gives the two-command quick start', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
