// The store as the extension's own pages and background open it: the same database, and the
// same default policy (the demo school's in development builds, the statutory rules in a release).

import { browser } from 'wxt/browser';
import { openDb } from './db';
import { MarkwiseStore } from './store';

export function openExtensionStore(): MarkwiseStore {
  const release = import.meta.env.MARKWISE_RELEASE === 'true';
  return new MarkwiseStore(openDb(), {
    defaultPolicyId: release ? 'dfe' : 'micklefield',
    now: () => new Date(),
    // What an administrator set for every browser; Firefox without a managed manifest rejects, read as none.
    managed: () => browser.storage.managed.get().catch(() => ({})),
  });
}

/** Tells the background that the database changed, so that it rebuilds what MIS pages read. */
export async function notifyStorageChanged(): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'storage-changed' });
  } catch {
    // The background starts on demand; it rebuilds from the database when it does.
  }
}
