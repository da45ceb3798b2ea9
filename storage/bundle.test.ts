import { describe, expect, it } from 'vitest';
import { DEMO_ORIGINS, isSchoolSite } from './bundle';

describe("the school's sites, for an imported report's figures", () => {
  it('is a site added or managed, by its exact origin', () => {
    const sites = ['https://school.arbor.sc'];
    expect(isSchoolSite('https://school.arbor.sc', sites)).toBe(true);
    expect(isSchoolSite('https://other.arbor.sc', sites)).toBe(false);
    expect(isSchoolSite('http://school.arbor.sc', sites)).toBe(false);
    expect(isSchoolSite('https://school.arbor.sc:8443', sites)).toBe(false);
    expect(isSchoolSite('chrome-extension://abcdefghijklmnop', sites)).toBe(false);
    expect(isSchoolSite('https://school.arbor.sc', [])).toBe(false);
  });

  it('an http site on the school\'s network is that one origin: not its https twin, another port or another name (issue 12, item 11)', () => {
    const sites = ['http://mis.school.local'];
    expect(isSchoolSite('http://mis.school.local', sites)).toBe(true);
    expect(isSchoolSite('https://mis.school.local', sites)).toBe(false);
    expect(isSchoolSite('http://mis.school.local:8080', sites)).toBe(false);
    expect(isSchoolSite('http://other.school.local', sites)).toBe(false);
  });

  it("in a development build, also the demo's localhost on any port, and nothing else of the machine's", () => {
    expect(isSchoolSite('http://127.0.0.1:5178', DEMO_ORIGINS)).toBe(true);
    expect(isSchoolSite('http://localhost:41234', DEMO_ORIGINS)).toBe(true);
    expect(isSchoolSite('http://localhost.evil.example:80', DEMO_ORIGINS)).toBe(false);
    expect(isSchoolSite('https://127.0.0.1:5178', DEMO_ORIGINS)).toBe(false);
  });
});
