/**
 * The world's profiles as the write path's records, for benchmarks and tests that load accounts
 * straight into the graph instead of through the HTTP simulators and the lanes.
 */
import type { AccountRecord } from '../graph/model';
import type { SimAccount } from './world-model';

export function accountRecord(a: SimAccount, fetchedAt = '2026-11-20T00:00:00.000Z'): AccountRecord {
  return {
    platform: a.platform,
    platformUserId: a.id,
    username: a.username,
    displayName: a.displayName,
    bio: a.bio,
    bioLink: a.bioLink,
    followers: a.followers,
    fetchedAt,
  };
}
