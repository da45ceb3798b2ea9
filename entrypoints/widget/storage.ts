// What the widget remembers: dismissed findings and when each N was first seen. By default in
// memory only, gone with the page (pupil data never outlives the tab); with storage="indexeddb",
// in the host origin's IndexedDB, in a database named markwise-widget, which the host page
// chose to allow. Plain IndexedDB rather than Dexie: Dexie alone is most of the widget's 30 KB.

import type { PageFigure, Reply, Request, Send, StoredFigure } from '../../storage/messages';
import { dismissalKey } from '../../storage/bundle';
import { seenCell } from '../../sites/marks-seen';
import { seenOnPage } from '../../storage/figures';

export const WIDGET_DB_NAME = 'markwise-widget';
const DB_VERSION = 1;

export interface WidgetStore {
  /** Dismissed findings: rule|upn|date|session to the reason. */
  dismissed(): Promise<Record<string, string>>;
  dismiss(key: string, reason: string): Promise<void>;
  undismiss(key: string): Promise<void>;
  /** Records the marks not seen before (now), and returns when each was first seen. */
  nSeen(keys: readonly string[], now: string): Promise<Record<string, string>>;
}

export function memoryStore(): WidgetStore {
  const dismissed = new Map<string, string>();
  const firstSeen = new Map<string, string>();
  return {
    dismissed: async () => Object.fromEntries(dismissed),
    dismiss: async (key, reason) => void dismissed.set(key, reason),
    undismiss: async (key) => void dismissed.delete(key),
    nSeen: async (keys, now) => {
      const out: Record<string, string> = {};
      for (const key of keys) {
        if (!firstSeen.has(key)) firstSeen.set(key, now);
        out[key] = firstSeen.get(key)!;
      }
      return out;
    },
  };
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** The host origin's IndexedDB: two object stores, keyed by the finding's or the mark's key. */
export async function indexedDbStore(factory: IDBFactory = indexedDB, name = WIDGET_DB_NAME): Promise<WidgetStore> {
  const open = factory.open(name, DB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('dismissals')) db.createObjectStore('dismissals');
    if (!db.objectStoreNames.contains('nFirstSeen')) db.createObjectStore('nFirstSeen');
  };
  const db = await request(open);
  return {
    async dismissed() {
      const tx = db.transaction('dismissals', 'readonly');
      const store = tx.objectStore('dismissals');
      const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
      return Object.fromEntries(keys.map((k, i) => [String(k), String(values[i])]));
    },
    async dismiss(key, reason) {
      const tx = db.transaction('dismissals', 'readwrite');
      tx.objectStore('dismissals').put(reason, key);
      await done(tx);
    },
    async undismiss(key) {
      const tx = db.transaction('dismissals', 'readwrite');
      tx.objectStore('dismissals').delete(key);
      await done(tx);
    },
    async nSeen(keys, now) {
      const tx = db.transaction('nFirstSeen', 'readwrite');
      const store = tx.objectStore('nFirstSeen');
      const out: Record<string, string> = {};
      await Promise.all(
        keys.map(async (key) => {
          const known = (await request(store.get(key))) as string | undefined;
          if (known === undefined) store.put(now, key);
          out[key] = known ?? now;
        }),
      );
      await done(tx);
      return out;
    },
  };
}

/**
 * The widget's answer to the messages a page view sends the extension's background: the same
 * page code runs in both. Figures are kept for the page's life only.
 */
export function sendTo(store: WidgetStore, now: () => string = () => new Date().toISOString()): Send {
  const figures = new Map<string, StoredFigure>();
  const answer = async (message: Request): Promise<unknown> => {
    switch (message.type) {
      case 'dismiss':
        await store.dismiss(dismissalKey(message), message.reason);
        return { ok: true };
      case 'undismiss':
        await store.undismiss(message.key);
        return { ok: true };
      case 'record-n-seen': {
        const { seen } = message;
        const keys = seen.n.map((i) => {
          const [pupil, column] = seenCell(seen, i);
          const { date, session } = seen.columns[column]!;
          return `${message.site}|${seen.pupils[pupil]!.pupilId}|${date}|${session}`;
        });
        return { firstSeen: await store.nSeen(keys, now()) };
      }
      case 'record-figures':
        for (const figure of message.figures as readonly PageFigure[]) figures.set(figure.pupilId, { ...figure, seenOn: message.seenOn, from: seenOnPage(message.seenOn, message.seenOn) });
        return { ok: true };
      case 'figures-for':
        return { figures: Object.fromEntries(message.pupilIds.flatMap((id) => (figures.has(id) ? [[id, figures.get(id)!]] : []))) };
      default:
        return { ok: true };
    }
  };
  return (<R extends Request>(message: R) => answer(message) as Promise<Reply<R['type']>>) as Send;
}
