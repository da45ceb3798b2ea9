// The demo MIS served over HTTP for a test file's lifetime, and its pages parsed by jsdom: the
// real markup the site adapters read, below the browser.

import { JSDOM } from 'jsdom';
import { afterAll, beforeAll } from 'vitest';
import { startDemoMis, type DemoMisServer } from '../../demo/mis/server';
import { siteProfileSchema, type SiteProfile, type SiteProfileInput } from '../../sites/profile';

/** Starts the demo MIS before the file's tests and stops it after; `load` fetches and parses a page. */
export function servedDemoMis(): { url(): string; load(path: string): Promise<Document> } {
  let server: DemoMisServer;
  beforeAll(async () => {
    server = await startDemoMis({ port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });
  return {
    url: () => server.url,
    async load(path) {
      const html = await (await fetch(server.url + path)).text();
      return new JSDOM(html, { url: server.url + path }).window.document;
    },
  };
}

/** A profile as the options page would accept it, with the schema's defaults filled in. */
export const profile = (input: SiteProfileInput): SiteProfile => siteProfileSchema.parse(input);
