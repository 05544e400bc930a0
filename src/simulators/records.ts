/**
 * The world's profiles and posts as the write path's records, for benchmarks and tests that load accounts
 * straight into the graph instead of through the HTTP simulators and the lanes, or hand them
 * straight to the matcher.
 */
import { accountId, type AccountRecord, type PostRecord } from '../graph/model';
import type { MatchableAccount } from '../graph/shapes';
import { postUrl, type SimAccount, type SimPost, type World } from './world-model';

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

/** A world post as the write path's record (hashtags and mentions lower-cased, as normalisers give them). */
export function postRecord(p: SimPost, author: SimAccount, fetchedAt = '2026-11-20T00:00:00.000Z'): PostRecord {
  return {
    platform: p.platform,
    platformPostId: p.id,
    authorPlatformUserId: p.authorId,
    url: postUrl(p.platform, author.username, p.id),
    text: p.text,
    createdAt: new Date(p.createdAt).toISOString(),
    hashtags: p.hashtags.map((h) => h.toLowerCase()),
    mentions: p.mentions.map((m) => m.toLowerCase()),
    metrics: { ...p.metrics },
    pinned: p.pinned,
    fetchedAt,
  };
}

/** Every account of the world (TikTok first) as the matcher takes it, for in-memory matching runs. */
export function matchableAccounts(world: World): MatchableAccount[] {
  return [...world.tiktok.accounts, ...world.x.accounts].map((a) => ({
    id: accountId(a.platform, a.id),
    platform: a.platform,
    username: a.username,
    displayName: a.displayName,
    bio: a.bio,
    bioLink: a.bioLink,
  }));
}
