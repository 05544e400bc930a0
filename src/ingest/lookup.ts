/**
 * Looks usernames up through a platform's lane and writes the accounts that exist: the ingestion
 * half of discovery (matching/discovery.ts takes it as an injected function, so matching does not
 * depend on the lanes). Profiles may come from the cache: a candidate handle is not a refresh.
 * Lookups never wait out a lane's budget pause: a candidate handle is not worth holding the
 * weekly run (or a trackCreator's background work) for weeks; the next weekly run asks again.
 */
import type { Platform } from '../graph/model';
import type { Lanes } from './lanes';

/** Looks usernames up on a platform, writes the accounts that exist, returns their graph ids (matching's discovery takes it). */
export function laneLookup(lanes: Lanes): (platform: Platform, usernames: string[]) => Promise<string[]> {
  return async (platform: Platform, usernames: string[]) => {
    if (usernames.length === 0) return [];
    const res = await lanes.get(platform).run({
      kind: 'profiles',
      refs: usernames.map((username) => ({ username })),
      opts: { useCache: true },
      interactive: true,
    });
    return res.accounts;
  };
}
