/**
 * The simulated world's data, in a provider-neutral shape. The generator (world.ts) fills it, the
 * two servers render it into their wire formats, and `truth` records what really happened so that
 * tests and benchmarks can score matching and analytics against it.
 *
 * Times are epoch milliseconds inside the world (cheap to compare); ground truth uses ISO strings
 * like the graph model does.
 */
import type { AmplificationKind, Platform } from '../graph/model';
import type { Category } from './vocabulary';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * A deliberately odd rendering of one record, so clients meet what real providers send now and
 * then. `truncated` breaks the JSON body the first time a server sends that record (a transient
 * fault: a retry succeeds).
 */
export type Quirk = 'nullTitle' | 'stringCounts' | 'missingStats' | 'extraField' | 'truncated';

export type DeletionKind = 'deleted' | 'suspended';

export interface SimAccount {
  platform: Platform;
  /** Platform user id (decimal string). */
  id: string;
  username: string;
  displayName: string;
  bio: string;
  /** The profile link as the user typed it (X renders it behind a t.co link). */
  bioLink: string | null;
  /** X only: the t.co link shown as `url`. */
  bioLinkShort: string | null;
  avatarUrl: string;
  /** TikTok only. */
  secUid: string | null;
  verified: boolean;
  /** X verified_type. */
  verifiedType: 'blue' | 'business' | 'government' | 'none';
  /** Followers at world.now; see followersAt(). */
  followers: number;
  /** Relative follower change per day (0.002 = +0.2 %/day). */
  growthPerDay: number;
  following: number;
  /** TikTok hearts received / X likes given. */
  likes: number;
  /** Posts made before the simulated window (added to the visible post count). */
  priorPosts: number;
  listed: number;
  createdAt: number;
  /** TikTok privateAccount / X protected. */
  private: boolean;
  /** When the account disappears (deleted, or suspended on X). */
  deletedAt: number | null;
  deletionKind: DeletionKind | null;
  location: string | null;
  region: string;
  /** X only: id of a pinned post of this account. */
  pinnedPostId: string | null;
  /** The creator (or brand) behind the account. */
  creatorKey: string;
  /** The creator's vertical. */
  category: Category;
  quirk: Quirk | null;
}

export interface SimUrl {
  /** What appears in the text (t.co on X). */
  short: string;
  expanded: string;
}

export interface SimMetrics {
  views: number;
  likes: number;
  comments: number;
  shares: number;
  quotes: number;
  bookmarks: number;
}

export interface SimPost {
  platform: Platform;
  /** Platform post id (decimal string). */
  id: string;
  /** Author's platform user id. */
  authorId: string;
  createdAt: number;
  /** Caption / tweet text; null for a TikTok post without caption. */
  text: string | null;
  /** As written in the text, without '#'. TikTok carries them only inside the text. */
  hashtags: string[];
  /** Usernames mentioned, as written, without '@'. */
  mentions: string[];
  /** X only: links in the text. */
  urls: SimUrl[];
  /** X only. */
  ref: { type: 'retweeted' | 'quoted' | 'replied_to'; id: string } | null;
  inReplyToUserId: string | null;
  /** Metrics once the post has matured (see metricsAt()). */
  metrics: SimMetrics;
  /** TikTok: shown first on the profile (is_top). */
  pinned: boolean;
  lang: string;
  /** TikTok video length in seconds. */
  durationSec: number;
  quirk: Quirk | null;
}

export type HandleRelation = 'identical' | 'near' | 'unrelated';
/**
 * What the creator's bio links say: the same own site on both ('personal'), the same link-in-bio
 * page ('linkinbio'), links on both that differ ('mixed'), a link on one side only ('oneSide'), a
 * profile link to the other account ('crossprofile'), or nothing ('none').
 */
export type LinkKind = 'personal' | 'linkinbio' | 'mixed' | 'oneSide' | 'crossprofile' | 'none';

export interface SimCreator {
  key: string;
  kind: 'creator' | 'brand';
  category: Category;
  displayName: string;
  tiktok: SimAccount | null;
  x: SimAccount | null;
  /** How the two usernames relate when the creator is on both platforms. */
  handleRelation: HandleRelation | null;
  /** How the handles differ when they do (world-identity.ts DIFFERENT_PATTERNS); absent otherwise. */
  handlePattern?: string | null;
  linkKind: LinkKind;
}

export interface TruthPair {
  tiktokUserId: string;
  xUserId: string;
  creatorKey: string;
}

export interface TruthAmplification {
  /** "tiktok:<id>" / "x:<id>". */
  amplifierPostId: string;
  sourcePostId: string;
  kind: AmplificationKind;
  lagSeconds: number;
}

export type Spillover = 'BOTH' | 'X_ONLY' | 'TIKTOK_ONLY';

export interface TruthWave {
  /** Lower-case tag without '#'. */
  tag: string;
  category: Category;
  spillover: Spillover;
  /** First post on each platform where the wave reached it (ISO). */
  xStartAt: string | null;
  tiktokStartAt: string | null;
  /** tiktokStart - xStart in hours when both; null otherwise. */
  lagHours: number | null;
  xPosts: number;
  tiktokPosts: number;
}

export interface TruthNewsStory {
  tag: string;
  brokeOn: Platform;
  /** First post ("tiktok:<id>" / "x:<id>") and its time. */
  firstPostId: string;
  startAt: string;
  /** When the other platform picked it up. */
  otherPlatformAt: string;
}

export interface TruthBrandLaunch {
  brandKey: string;
  brandName: string;
  /** Lower-case launch hashtag. */
  topic: string;
  firstPlatform: Platform;
  xAt: string;
  tiktokAt: string;
  leadHours: number;
  xPostId: string;
  tiktokPostId: string;
}

/** Look-alike accounts that are NOT the same person: a matcher should leave them apart. */
export interface TruthCollision {
  /**
   * COMMON_HANDLE: two strangers with one common handle; SAME_DISPLAY_NAME: two strangers with
   * one name; SQUATTER: a stranger holding a creator's handle on the creator's other platform.
   */
  reason: 'COMMON_HANDLE' | 'SAME_DISPLAY_NAME' | 'SQUATTER';
  tiktokUserId: string;
  xUserId: string;
}

export interface TruthDeletion {
  /** "tiktok:<id>" / "x:<id>". */
  accountId: string;
  at: string;
  kind: DeletionKind;
}

export interface WorldTruth {
  pairs: TruthPair[];
  amplifications: TruthAmplification[];
  hashtagWaves: TruthWave[];
  newsStories: TruthNewsStory[];
  brandLaunches: TruthBrandLaunch[];
  collisions: TruthCollision[];
  deletions: TruthDeletion[];
  brands: { key: string; name: string; tiktokUserId: string; xUserId: string }[];
}

/** One platform's accounts and posts with the lookups the servers need. */
export interface PlatformData {
  platform: Platform;
  accounts: SimAccount[];
  byId: Map<string, SimAccount>;
  /** Lower-cased username -> account. */
  byUsername: Map<string, SimAccount>;
  /** All posts, newest first. */
  posts: SimPost[];
  postsById: Map<string, SimPost>;
  /** Author id -> that author's posts, newest first. */
  postsByAuthor: Map<string, SimPost[]>;
}

export interface World {
  seed: number;
  now: number;
  /** Start of the simulated window (now - days). */
  start: number;
  /** Posts exist up to this time; later ones appear as a simulator clock moves past now. */
  horizon: number;
  creators: SimCreator[];
  tiktok: PlatformData;
  x: PlatformData;
  truth: WorldTruth;
}

export function platformData(world: World, p: Platform): PlatformData {
  return p === 'TIKTOK' ? world.tiktok : world.x;
}

/** Is the account reachable at time `at` (created, and not yet deleted or suspended)? */
export function accountExistsAt(a: SimAccount, at: number): boolean {
  return a.createdAt <= at && (a.deletedAt === null || a.deletedAt > at);
}

/** Follower count at time `at`, growing (or shrinking) linearly around the value at world.now. */
export function followersAt(a: SimAccount, at: number, worldNow: number): number {
  return Math.max(0, Math.round(a.followers * (1 + (a.growthPerDay * (at - worldNow)) / DAY_MS)));
}

/**
 * Metrics of a post seen at time `at`: they grow over the first two days, as engagement does,
 * so that repeated polling sees changing counts.
 */
export function metricsAt(p: SimPost, at: number): SimMetrics {
  const age = at - p.createdAt;
  const f = age <= 0 ? 0 : Math.min(1, Math.sqrt(age / (2 * DAY_MS)));
  const m = p.metrics;
  return {
    views: Math.round(m.views * f),
    likes: Math.round(m.likes * f),
    comments: Math.round(m.comments * f),
    shares: Math.round(m.shares * f),
    quotes: Math.round(m.quotes * f),
    bookmarks: Math.round(m.bookmarks * f),
  };
}

/** The author's posts visible at `at`, newest first (a suffix-free slice of the sorted list). */
export function postsVisibleAt(data: PlatformData, authorId: string, at: number): SimPost[] {
  const all = data.postsByAuthor.get(authorId) ?? [];
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].createdAt > at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? all : all.slice(lo);
}

export function postUrl(platform: Platform, username: string, postId: string): string {
  return platform === 'TIKTOK'
    ? `https://www.tiktok.com/@${username}/video/${postId}`
    : `https://x.com/${username}/status/${postId}`;
}
