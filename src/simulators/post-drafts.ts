/**
 * Draft posts: what every kind of post generation (everyday, events, amplification) builds on.
 *
 * Posts are drafted with object references (an amplifier points at its source draft); ids are
 * assigned only once every time is final (`post-finalize.ts`), because both platforms' ids encode
 * the creation time. Every draw goes through the one `rng` in a fixed order, so a seed always gives
 * the same posts.
 */
import type { AmplificationKind, Platform } from '../graph/model';
import type { IdFactory } from './ids';
import type { Rng } from './random';
import { CAPTION_OPENERS, EMOJI, EVERGREEN_TAGS, type Category } from './vocabulary';
import type { GenAccount, GenCreator } from './world-accounts';
import type { Quirk, SimMetrics } from './world-model';

export interface PostGenInput {
  rng: Rng;
  ids: IdFactory;
  creators: GenCreator[];
  start: number;
  now: number;
  horizon: number;
  postsPerDay: Record<Platform, number>;
  malformedRate: number;
}

export interface DraftUrl {
  short: string;
  expanded: string | null;
  /** Filled at finalize from the target's id (a TikTok video or an X post). */
  target: Draft | null;
}

export interface Draft {
  seq: number;
  platform: Platform;
  author: GenAccount;
  createdAt: number;
  text: string | null;
  urls: DraftUrl[];
  ref: { type: 'retweeted' | 'quoted' | 'replied_to'; target: Draft } | null;
  metrics: SimMetrics;
  pinned: boolean;
  lang: string;
  durationSec: number;
  quirk: Quirk | null;
  /** An original post (not a retweet, quote or reply): may be amplified. */
  original: boolean;
  id: string;
}

const LANG_BY_REGION: Record<string, string> = { BR: 'pt', ES: 'es', MX: 'es', DE: 'de', FR: 'fr', JP: 'ja' };

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The drafts so far, who can post them, and the amplifications among them. */
export class PostDrafts {
  private seq = 0;
  readonly drafts: Record<Platform, Draft[]> = { TIKTOK: [], X: [] };
  readonly amps: { amp: Draft; src: Draft; kind: AmplificationKind }[] = [];
  readonly buckets: Record<Platform, Map<Category, GenAccount[]>> = { TIKTOK: new Map(), X: new Map() };
  readonly all: Record<Platform, GenAccount[]> = { TIKTOK: [], X: [] };
  /** Tags of waves, news and launches: cross-posts leave them out so spillover truth stays exact. */
  readonly eventTags = new Set<string>();

  constructor(readonly input: PostGenInput) {
    for (const c of input.creators) {
      for (const a of [c.tiktok, c.x]) {
        if (!a) continue;
        this.all[a.platform].push(a);
        const b = this.buckets[a.platform].get(a.category) ?? [];
        b.push(a);
        this.buckets[a.platform].set(a.category, b);
      }
    }
  }

  get rng(): Rng {
    return this.input.rng;
  }

  /** Public and present at `t`: someone whose post the world can see. */
  eligible(a: GenAccount, t: number): boolean {
    return !a.private && a.createdAt <= t && (a.deletedAt === null || a.deletedAt > t);
  }

  participant(p: Platform, cat: Category, t: number, avoid?: string): GenAccount | null {
    const bucket = this.buckets[p].get(cat);
    for (let i = 0; i < 25; i++) {
      const pool = bucket && bucket.length > 0 && this.rng.chance(0.8) ? bucket : this.all[p];
      if (pool.length === 0) return null;
      const a = this.rng.pick(pool);
      if (this.eligible(a, t) && a.creatorKey !== avoid) return a;
    }
    return null;
  }

  private metrics(p: Platform, followers: number, boost: number): SimMetrics {
    const r = this.rng;
    if (p === 'TIKTOK') {
      const views = Math.round(Math.max(50, followers * r.logNormal(0.15, 1.1)) * boost);
      const likes = Math.round(views * r.uniform(0.03, 0.12));
      return {
        views,
        likes,
        comments: Math.round(likes * r.uniform(0.005, 0.03)),
        shares: Math.round(likes * r.uniform(0.01, 0.08)),
        quotes: 0,
        bookmarks: Math.round(likes * r.uniform(0.02, 0.1)),
      };
    }
    const views = Math.round(Math.max(10, followers * r.logNormal(0.2, 1)) * boost);
    const likes = Math.round(views * r.uniform(0.003, 0.03));
    const shares = Math.round(likes * r.uniform(0.05, 0.3));
    return {
      views,
      likes,
      comments: Math.round(likes * r.uniform(0.02, 0.1)),
      shares,
      quotes: Math.round(shares * r.uniform(0, 0.2)),
      bookmarks: Math.round(likes * r.uniform(0.01, 0.08)),
    };
  }

  add(
    author: GenAccount,
    createdAt: number,
    text: string | null,
    opts: { urls?: DraftUrl[]; ref?: Draft['ref']; boost?: number; zeroMetrics?: boolean } = {},
  ): Draft {
    const p = author.platform;
    const d: Draft = {
      seq: this.seq++,
      platform: p,
      author,
      createdAt: Math.floor(createdAt),
      text,
      urls: opts.urls ?? [],
      ref: opts.ref ?? null,
      metrics: opts.zeroMetrics
        ? { views: 0, likes: 0, comments: 0, shares: 0, quotes: 0, bookmarks: 0 }
        : this.metrics(p, author.followers, opts.boost ?? 1),
      pinned: false,
      lang: LANG_BY_REGION[author.region] ?? 'en',
      durationSec: p === 'TIKTOK' ? this.rng.int(6, 180) : 0,
      quirk: null,
      original: !opts.ref,
      id: '',
    };
    this.drafts[p].push(d);
    return d;
  }

  private tagsText(tags: string[]): string {
    return tags.map((t) => `#${t}`).join(' ');
  }

  caption(a: GenAccount, tags: string[], mentionOf: GenAccount | null): string {
    const r = this.rng;
    let s = r.pick(CAPTION_OPENERS[a.category]);
    if (r.chance(0.4)) s += ` ${r.pick(EMOJI)}`;
    if (mentionOf) s += ` with @${mentionOf.username}`;
    if (tags.length) s += ` ${this.tagsText(tags)}`;
    return s;
  }

  evergreen(a: GenAccount, max: number): string[] {
    const r = this.rng;
    const pool = EVERGREEN_TAGS[a.category];
    const n = r.int(0, max);
    const tags = new Set<string>();
    for (let i = 0; i < n; i++) tags.add(r.pick(pool));
    if (a.platform === 'TIKTOK' && r.chance(0.4)) tags.add(r.pick(['fyp', 'foryou', 'foryoupage', 'viral']));
    return [...tags];
  }
}
