import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readManaged } from './managed';
import { readSiteOrigin } from './site-origin';

describe('site addresses are exact (issue 11, item 19)', () => {
  it('refuses wildcards, also written as %2A, and says why', () => {
    for (const address of ['https://*', 'https://*.example', 'https://*.school.example', 'https://%2A.school.example', 'https://%2a.x', 'https://mis.*.example']) {
      const read = readSiteOrigin(address);
      expect(read.ok, address).toBe(false);
      expect(!read.ok && read.message, address).toContain('not one exact site: wildcards');
    }
  });

  it('refuses percent-encoding and names that are not host names', () => {
    for (const address of ['https://a%2Eb.example', 'https://.example', 'https://a..b', 'https://a_b.example', 'https://-a.example']) {
      expect(readSiteOrigin(address).ok, address).toBe(false);
    }
  });

  it('accepts one exact https site, with a port, an IP address or an international name', () => {
    expect(readSiteOrigin('https://school.arbor.sc')).toEqual({ ok: true, origin: 'https://school.arbor.sc' });
    expect(readSiteOrigin('https://mis.example:8443/')).toEqual({ ok: true, origin: 'https://mis.example:8443' });
    expect(readSiteOrigin('https://10.0.0.4')).toEqual({ ok: true, origin: 'https://10.0.0.4' });
    expect(readSiteOrigin('https://[::1]')).toEqual({ ok: true, origin: 'https://[::1]' });
    expect(readSiteOrigin('https://Bücher.example')).toEqual({ ok: true, origin: 'https://xn--bcher-kva.example' });
  });

  it('never accepts an address with a * in it, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (before, after) => {
        expect(readSiteOrigin(`https://${before}*${after}`).ok).toBe(false);
        expect(readSiteOrigin(`https://${before}%2A${after}`).ok).toBe(false);
      }),
    );
  });

  it('a managed site with a wildcard is not used, and the options page is told why', () => {
    const m = readManaged({ sites: [{ origin: 'https://*.oaktrust.example', profiles: ['arbor-unverified'] }, { origin: 'https://mis.oaktrust.example', profiles: ['arbor-unverified'] }] });
    expect(m.sites).toEqual([{ origin: 'https://mis.oaktrust.example', profileIds: ['arbor-unverified'] }]);
    expect(m.problems).toEqual([expect.stringMatching(/^sites\[0\]\.origin: 'https:\/\/\*\.oaktrust\.example' is not one exact site: wildcards/)]);
  });
});
