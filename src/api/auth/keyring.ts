/**
 * API keys: looked up by the SHA-256 of what the caller sent, compared against every configured
 * hash in constant time (no early exit), so neither timing nor a heap dump gives a key away.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hashKey, type ApiKeyEntry } from '../../config';
import type { Principal } from './roles';

export class Keyring {
  constructor(private readonly entries: readonly ApiKeyEntry[]) {}

  get size(): number {
    return this.entries.length;
  }

  lookup(key: string): Principal | null {
    const h = hashKey(key);
    let found: ApiKeyEntry | null = null;
    for (const e of this.entries) {
      // Every entry is compared, matched or not, so the time taken does not depend on which one matched.
      if (timingSafeEqual(h, e.hash) && !found) found = e;
    }
    return found ? { name: found.name, role: found.role, via: 'key' } : null;
  }
}

/** A fresh admin key for a local demo started without API_KEYS (never in production: config refuses). */
export function demoAdminKey(): { key: string; entry: ApiKeyEntry } {
  const key = `demo-${randomBytes(24).toString('base64url')}`;
  return { key, entry: { role: 'admin', name: 'demo-admin', hash: hashKey(key) } };
}
