// The fragment stays in the page: it can hold ids and sign-in tokens. Only the route a profile
// matched by (up to a '?' in it) is kept as the page's address for the follow-up list.

import { describe, expect, it } from 'vitest';
import type { Request, Send } from '../../storage/messages';
import { hashAppSession } from '../../test/support/hashapp-session';

async function pageAddressSent(url: string, paths: string[]): Promise<string[]> {
  const sent: Request[] = [];
  const send = (async (request: Request) => {
    sent.push(request);
    return {};
  }) as unknown as Send;
  const { abort } = hashAppSession(url, paths, send);
  await new Promise((resolve) => setTimeout(resolve, 50));
  abort.abort();
  return sent.flatMap((r) => (r.type === 'record-n-seen' ? [r.seen.page.url] : []));
}

describe('the page address kept for the follow-up list', () => {
  it('a route in the fragment is kept, without anything after a ? in it', async () => {
    expect(await pageAddressSent('https://mis.example/hashapp/#/attendance/take/4A/2025-11-24/AM?token=secret', ['^/hashapp/#/attendance/take/'])).toEqual([
      'https://mis.example/hashapp/#/attendance/take/4A/2025-11-24/AM',
    ]);
  });

  it('a page matched by its path and query keeps no fragment at all', async () => {
    expect(await pageAddressSent('https://mis.example/hashapp/?class=4A#access_token=secret', ['^/hashapp/'])).toEqual(['https://mis.example/hashapp/?class=4A']);
  });
});
