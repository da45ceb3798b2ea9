import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readManaged } from './managed';
import { isUnencrypted, readSiteOrigin } from './site-origin';

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
    expect(readSiteOrigin('https://school.arbor.sc')).toEqual({ ok: true, origin: 'https://school.arbor.sc', unencrypted: false });
    expect(readSiteOrigin('https://mis.example:8443/')).toEqual({ ok: true, origin: 'https://mis.example:8443', unencrypted: false });
    expect(readSiteOrigin('https://10.0.0.4')).toEqual({ ok: true, origin: 'https://10.0.0.4', unencrypted: false });
    expect(readSiteOrigin('https://[::1]')).toEqual({ ok: true, origin: 'https://[::1]', unencrypted: false });
    expect(readSiteOrigin('https://Bücher.example')).toEqual({ ok: true, origin: 'https://xn--bcher-kva.example', unencrypted: false });
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

describe('sites over http, on the school\'s own network (issue 12, item 11)', () => {
  it('accepts one exact http site, flagged as unencrypted so that the options page warns', () => {
    expect(readSiteOrigin('http://mis.school.local')).toEqual({ ok: true, origin: 'http://mis.school.local', unencrypted: true });
    expect(readSiteOrigin(' http://MIS.school.local:8080/ ')).toEqual({ ok: true, origin: 'http://mis.school.local:8080', unencrypted: true });
    expect(readSiteOrigin('http://10.0.0.4')).toEqual({ ok: true, origin: 'http://10.0.0.4', unencrypted: true });
    expect(isUnencrypted('http://mis.school.local')).toBe(true);
    expect(isUnencrypted('https://mis.school.local')).toBe(false);
  });

  it('an https site is read as before, and is not flagged', () => {
    expect(readSiteOrigin('https://mis.school.local')).toEqual({ ok: true, origin: 'https://mis.school.local', unencrypted: false });
  });

  it('refuses wildcards, paths and other schemes over http as over https', () => {
    for (const address of ['http://*', 'http://*.school.local', 'http://%2A.school.local', 'http://mis.*.local']) {
      const read = readSiteOrigin(address);
      expect(!read.ok && read.message, address).toContain('not one exact site: wildcards');
    }
    expect(readSiteOrigin('http://mis.school.local/register')).toEqual({ ok: false, message: 'only the site is needed, without a path: http://mis.school.local' });
    expect(readSiteOrigin('http://user:pw@mis.school.local')).toEqual({ ok: false, message: 'leave out any user name or password' });
    for (const address of ['ftp://mis.school.local', 'ws://mis.school.local', 'file:///etc', 'javascript:alert(1)']) expect(readSiteOrigin(address).ok, address).toBe(false);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (before, after) => {
        expect(readSiteOrigin(`http://${before}*${after}`).ok).toBe(false);
      }),
    );
  });

  it('a managed http site is used, and the options page is told it is not encrypted', () => {
    const m = readManaged({ sites: [{ origin: 'http://mis.school.local', profiles: ['gibbon-unverified'] }, { origin: 'http://*.school.local', profiles: ['gibbon-unverified'] }] });
    expect(m.sites).toEqual([{ origin: 'http://mis.school.local', profileIds: ['gibbon-unverified'] }]);
    expect(m.problems).toEqual([expect.stringMatching(/^sites\[1\]\.origin: 'http:\/\/\*\.school\.local' is not one exact site: wildcards/)]);
  });
});
