/**
 * The API key a page sends (`Authorization: Bearer`, and the graphql-ws `authorization` connection
 * parameter). One store for every page, so signing in on the explorer signs in the review desk and
 * the other way round: the key this browser saved, else the admin key a local demo server wrote into
 * the page (see page-config.ts), else none.
 */
import { DEMO_KEY_META, demoKeyFrom } from './page-config';

export const KEY_STORE = 'creator-graph.api-key';

export interface ApiKeyStore {
  /** The key to send now ('' for none). */
  current(): string;
  /** Whether the key came from the demo meta tag (not typed by the user). */
  isDemo(): boolean;
  save(key: string): void;
  /** The `authorization` header (or connection parameter) for the current key; empty without one. */
  authorization(): Record<string, string>;
}

/** What the store needs of `document` and `localStorage` (declared here: this file also compiles for Node, without DOM types). */
export interface PageLike {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}
export interface KeyStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function createApiKeyStore(doc: PageLike, storage: KeyStorage | null): ApiKeyStore {
  const demo = demoKeyFrom(doc.querySelector(`meta[name="${DEMO_KEY_META}"]`)?.getAttribute('content'));
  let saved = '';
  try {
    saved = storage?.getItem(KEY_STORE) ?? '';
  } catch {
    // storage disabled: the key lasts for this page only
  }
  let key = saved || demo;
  return {
    current: () => key,
    isDemo: () => key !== '' && key === demo && !saved,
    save(next) {
      key = next.trim();
      saved = key;
      try {
        storage?.setItem(KEY_STORE, key);
      } catch {
        // as above
      }
    },
    authorization: (): Record<string, string> => (key ? { authorization: `Bearer ${key}` } : {}),
  };
}

/** window.localStorage, or null where the browser refuses it (privacy modes, sandboxed frames). */
export function browserStorage(): KeyStorage | null {
  try {
    return (globalThis as { localStorage?: KeyStorage }).localStorage ?? null;
  } catch {
    return null;
  }
}
