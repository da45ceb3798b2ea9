import { describe, expect, it } from 'vitest';
import { grantedSiteList } from './site-access';

describe('site access the browser still gives', () => {
  it('lists every granted site; those the manifest asks for (the demo in development builds) cannot be removed here', () => {
    const manifest = { content_scripts: [{ matches: ['http://localhost/*', 'http://127.0.0.1/*'] }] };
    expect(grantedSiteList(['https://school.arbor.sc/*', 'http://localhost/*', 'http://127.0.0.1/*', 'https://b.example/*'], manifest)).toEqual([
      { pattern: 'http://127.0.0.1/*', removable: false },
      { pattern: 'http://localhost/*', removable: false },
      { pattern: 'https://b.example/*', removable: true },
      { pattern: 'https://school.arbor.sc/*', removable: true },
    ]);
    expect(grantedSiteList(['https://a.example/*'], { host_permissions: ['https://a.example/*'] })).toEqual([{ pattern: 'https://a.example/*', removable: false }]);
    expect(grantedSiteList([], {})).toEqual([]);
  });
});
