/**
 * The simulated world: a seeded, deterministic population of creators and brands on TikTok and
 * X, their posts over a time window, and the ground truth of who is who and what amplified what.
 *
 * The same options always give the same world. The two simulator servers render it in each
 * provider's wire format; tests and benchmarks score the pipeline against `world.truth`.
 */
import type { Platform } from '../graph/model';
import { accountId } from '../graph/model';
import { IdFactory } from './ids';
import { Rng } from './random';
import { generateCreators } from './world-accounts';
import {
  DAY_MS,
  HOUR_MS,
  type PlatformData,
  type SimAccount,
  type SimPost,
  type World,
  type WorldTruth,
} from './world-model';
import { generatePosts } from './world-posts';

export * from './world-model';

export interface WorldOptions {
  /** PRNG seed. Default 42. */
  seed?: number;
  /** Creators (people), excluding brands. About half are on both platforms. Default 300. */
  creators?: number;
  /** Brands (on both platforms, launching X-first). Default max(2, round(creators / 100)). */
  brands?: number;
  /** Length of the simulated window before `now`, in days. Default 45. */
  days?: number;
  /** The world's "now" (epoch ms). Default 2026-11-20T00:00:00Z. */
  now?: number;
  /**
   * Posts keep appearing this many hours after `now`, so that a simulator clock moving past `now`
   * sees new posts. Default 24.
   */
  futureHours?: number;
  /** Mean everyday posts per account per day; each creator's cadence varies around it. Default { TIKTOK: 0.8, X: 1.6 }. */
  postsPerDay?: Partial<Record<Platform, number>>;
  /** Profiles only, no posts or events (for large-scale tests). Default false. */
  accountsOnly?: boolean;
  /** Share of accounts and posts rendered oddly (see Quirk). Default 0.01. */
  malformedRate?: number;
}

export const DEFAULT_WORLD_NOW = Date.parse('2026-11-20T00:00:00Z');

function platformData(platform: Platform, accounts: SimAccount[], posts: SimPost[]): PlatformData {
  const byId = new Map<string, SimAccount>();
  const byUsername = new Map<string, SimAccount>();
  for (const a of accounts) {
    byId.set(a.id, a);
    byUsername.set(a.username.toLowerCase(), a);
  }
  const postsById = new Map<string, SimPost>();
  const postsByAuthor = new Map<string, SimPost[]>();
  for (const p of posts) {
    postsById.set(p.id, p);
    const l = postsByAuthor.get(p.authorId);
    if (l) l.push(p);
    else postsByAuthor.set(p.authorId, [p]);
  }
  return { platform, accounts, byId, byUsername, posts, postsById, postsByAuthor };
}

export function generateWorld(opts: WorldOptions = {}): World {
  const seed = opts.seed ?? 42;
  const creators = opts.creators ?? 300;
  const days = opts.days ?? 45;
  const now = opts.now ?? DEFAULT_WORLD_NOW;
  const start = now - days * DAY_MS;
  const horizon = now + (opts.futureHours ?? 24) * HOUR_MS;
  const malformedRate = opts.malformedRate ?? 0.01;
  if (!Number.isInteger(creators) || creators < 1) throw new RangeError(`creators must be a positive integer, got ${creators}`);
  if (!(days > 0)) throw new RangeError(`days must be positive, got ${days}`);

  const ids = new IdFactory(Rng.derive(seed, 'ids'));
  const { creators: people, collisions } = generateCreators({
    rng: Rng.derive(seed, 'accounts'),
    ids,
    creators,
    brands: opts.brands ?? Math.max(2, Math.round(creators / 100)),
    now,
    start,
    horizon,
    malformedRate,
  });

  const tiktokAccounts: SimAccount[] = [];
  const xAccounts: SimAccount[] = [];
  for (const c of people) {
    if (c.tiktok) tiktokAccounts.push(c.tiktok);
    if (c.x) xAccounts.push(c.x);
  }

  const truth: WorldTruth = {
    pairs: people
      .filter((c) => c.tiktok && c.x)
      .map((c) => ({ tiktokUserId: c.tiktok!.id, xUserId: c.x!.id, creatorKey: c.key })),
    amplifications: [],
    hashtagWaves: [],
    newsStories: [],
    brandLaunches: [],
    collisions,
    deletions: [...tiktokAccounts, ...xAccounts]
      .filter((a) => a.deletedAt !== null)
      .map((a) => ({ accountId: accountId(a.platform, a.id), at: new Date(a.deletedAt!).toISOString(), kind: a.deletionKind! })),
    brands: people
      .filter((c) => c.kind === 'brand')
      .map((c) => ({ key: c.key, name: c.displayName, tiktokUserId: c.tiktok!.id, xUserId: c.x!.id })),
  };

  let tiktokPosts: SimPost[] = [];
  let xPosts: SimPost[] = [];
  if (!opts.accountsOnly) {
    const out = generatePosts({
      rng: Rng.derive(seed, 'posts'),
      ids,
      creators: people,
      start,
      now,
      horizon,
      postsPerDay: { TIKTOK: opts.postsPerDay?.TIKTOK ?? 0.8, X: opts.postsPerDay?.X ?? 1.6 },
      malformedRate,
    });
    tiktokPosts = out.tiktok;
    xPosts = out.x;
    truth.amplifications = out.amplifications;
    truth.hashtagWaves = out.hashtagWaves;
    truth.newsStories = out.newsStories;
    truth.brandLaunches = out.brandLaunches;
  }

  const world: World = {
    seed,
    now,
    start,
    horizon,
    creators: people,
    tiktok: platformData('TIKTOK', tiktokAccounts, tiktokPosts),
    x: platformData('X', xAccounts, xPosts),
    truth,
  };
  pinXPosts(world, Rng.derive(seed, 'pins'));
  return world;
}

/** About a fifth of X accounts pin one of their own older original posts. */
function pinXPosts(world: World, rng: Rng): void {
  for (const a of world.x.accounts) {
    if (!rng.chance(0.2)) continue;
    const own = (world.x.postsByAuthor.get(a.id) ?? []).filter((p) => p.ref === null && p.createdAt <= world.now);
    if (own.length >= 3) a.pinnedPostId = own[rng.int(Math.floor(own.length / 2), own.length - 1)].id;
  }
}
