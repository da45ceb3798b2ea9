// @vitest-environment jsdom
// The content script's own cut of WXT's context (wxt.config.ts swaps it in): a copy of the content
// script ends when a newer copy starts in the same page, whichever context each was built with.

import { describe, expect, it } from 'vitest';
import { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';
import { ContentScriptContext } from './context';

describe("the content script's context", () => {
  it('ends when a newer copy of the same script starts, and tells its listeners once', () => {
    const older = new ContentScriptContext('content');
    let told = 0;
    older.onInvalidated(() => (told += 1));
    expect(older.signal.aborted).toBe(false);
    const newer = new ContentScriptContext('content');
    expect(older.signal.aborted).toBe(true);
    expect(told).toBe(1);
    expect(newer.signal.aborted).toBe(false);
    // Another copy after that ends the newer one too, and tells the older one's listeners nothing more.
    new ContentScriptContext('content');
    expect(newer.signal.aborted).toBe(true);
    expect(told).toBe(1);
  });

  it('is not ended by another content script, nor by its own start', () => {
    const ours = new ContentScriptContext('content');
    new ContentScriptContext('another');
    expect(ours.signal.aborted).toBe(false);
  });

  it("ends and is ended by a copy built with WXT's own context", () => {
    const ours = new ContentScriptContext('content');
    const wxt = new WxtContext('content');
    expect(ours.signal.aborted).toBe(true);
    expect(wxt.signal.aborted).toBe(false);
    new ContentScriptContext('content');
    expect(wxt.signal.aborted).toBe(true);
  });
});
