/**
 * Posts and the events that shape them: everyday posting at each creator's cadence, hashtag
 * waves that cross from X to TikTok with a per-category lag, breaking news, X-first brand
 * launches, TikTok clips cross-posted to X, and X retweets, quotes and replies.
 *
 * Posts are drafted with object references (an amplifier points at its source draft); ids are
 * assigned only once every time is final, because both platforms' ids encode the creation time.
 */
import type { AmplificationKind, Platform } from '../graph/model';
import { postId as graphPostId } from '../graph/model';
import type { IdFactory } from './ids';
import { tcoLink } from './ids';
import type { Rng } from './random';
import { findHashtags, findMentions } from './text-entities';
import {
  CAPTION_OPENERS,
  CATEGORY_LAG_HOURS,
  EMOJI,
  EVERGREEN_TAGS,
  TREND_STEMS,
  TREND_SUFFIXES,
  type Category,
} from './vocabulary';
import type { GenAccount, GenCreator } from './world-accounts';
import { BRAND_PRODUCTS } from './world-accounts';
import {
  DAY_MS,
  HOUR_MS,
  postUrl,
  type Quirk,
  type SimMetrics,
  type SimPost,
  type Spillover,
  type TruthAmplification,
  type TruthBrandLaunch,
  type TruthNewsStory,
  type TruthWave,
} from './world-model';

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

export interface PostGenOutput {
  tiktok: SimPost[];
  x: SimPost[];
  amplifications: TruthAmplification[];
  hashtagWaves: TruthWave[];
  newsStories: TruthNewsStory[];
  brandLaunches: TruthBrandLaunch[];
}

interface DraftUrl {
  short: string;
  expanded: string | null;
  /** Filled at finalize from the target's id (a TikTok video or an X post). */
  target: Draft | null;
}

interface Draft {
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
const CROSSPOST_OPENERS = ['New TikTok 👉', 'on tiktok now:', '🎥', 'new vid!', 'posted this on TikTok'];
const QUOTE_LINES = ['this 👇', 'so true', 'wait what', 'big if true', 'need this', '🔥🔥', 'saying this for years'];
const REPLY_LINES = ['love this', 'agreed', 'where is this from?', 'lol', 'congrats!', 'this is the one'];
const NEWS_OPENERS = ['BREAKING:', 'Developing:', 'Just in:', 'Update:'];

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

class PostGenerator {
  private seq = 0;
  readonly drafts: Record<Platform, Draft[]> = { TIKTOK: [], X: [] };
  private readonly amps: { amp: Draft; src: Draft; kind: AmplificationKind }[] = [];
  private readonly buckets: Record<Platform, Map<Category, GenAccount[]>> = { TIKTOK: new Map(), X: new Map() };
  private readonly all: Record<Platform, GenAccount[]> = { TIKTOK: [], X: [] };
  /** Tags of waves, news and launches: cross-posts leave them out so spillover truth stays exact. */
  private readonly eventTags = new Set<string>();

  constructor(private readonly input: PostGenInput) {
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

  private get rng(): Rng {
    return this.input.rng;
  }

  /** Public and present at `t`: someone whose post the world can see. */
  private eligible(a: GenAccount, t: number): boolean {
    return !a.private && a.createdAt <= t && (a.deletedAt === null || a.deletedAt > t);
  }

  private participant(p: Platform, cat: Category, t: number, avoid?: string): GenAccount | null {
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

  private add(
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

  private caption(a: GenAccount, tags: string[], mentionOf: GenAccount | null): string {
    const r = this.rng;
    let s = r.pick(CAPTION_OPENERS[a.category]);
    if (r.chance(0.4)) s += ` ${r.pick(EMOJI)}`;
    if (mentionOf) s += ` with @${mentionOf.username}`;
    if (tags.length) s += ` ${this.tagsText(tags)}`;
    return s;
  }

  private evergreen(a: GenAccount, max: number): string[] {
    const r = this.rng;
    const pool = EVERGREEN_TAGS[a.category];
    const n = r.int(0, max);
    const tags = new Set<string>();
    for (let i = 0; i < n; i++) tags.add(r.pick(pool));
    if (a.platform === 'TIKTOK' && r.chance(0.4)) tags.add(r.pick(['fyp', 'foryou', 'foryoupage', 'viral']));
    return [...tags];
  }

  // ------------------------------------------------------------------ everyday posting

  regular(): void {
    const { start, horizon, postsPerDay } = this.input;
    for (const p of ['TIKTOK', 'X'] as const) {
      for (const a of this.all[p]) {
        const isBrand = a.creatorKey.startsWith('brand-');
        let rate = postsPerDay[p] * this.rng.logNormal(1, p === 'TIKTOK' ? 0.6 : 0.8);
        if (p === 'X' && a.category === 'news') rate *= 2;
        if (isBrand) rate = p === 'X' ? 0.8 : 0.3;
        const from = Math.max(start, a.createdAt);
        const to = Math.min(horizon, a.deletedAt ?? horizon);
        if (to <= from) continue;
        const n = Math.min(2000, this.rng.poisson((rate * (to - from)) / DAY_MS));
        for (let i = 0; i < n; i++) {
          const t = this.rng.uniform(from, to);
          const mention = this.rng.chance(0.08) ? this.rng.pick(this.buckets[p].get(a.category) ?? this.all[p]) : null;
          const noCaption = p === 'TIKTOK' && this.rng.chance(0.03);
          this.add(a, t, noCaption ? null : this.caption(a, this.evergreen(a, 3), mention === a ? null : mention));
        }
      }
    }
  }

  // ------------------------------------------------------------------ trends and events

  private uniqueTag(cat: Category): string {
    for (let i = 0; i < 200; i++) {
      const stem = this.rng.pick(TREND_STEMS[cat]);
      const tag = stem + this.rng.pick(TREND_SUFFIXES) + (i >= 20 ? String(i) : '');
      if (!this.eventTags.has(tag)) {
        this.eventTags.add(tag);
        return tag;
      }
    }
    const tag = `${cat}trend${this.eventTags.size}`;
    this.eventTags.add(tag);
    return tag;
  }

  /** How a creator writes a tag: mostly lower case, sometimes CamelCase. */
  private written(tag: string): string {
    return this.rng.chance(0.25) ? tag[0].toUpperCase() + tag.slice(1) : tag;
  }

  /** `n` posts carrying `tag` on platform p from time t0 (the first exactly at t0). */
  private burst(p: Platform, cat: Category, tag: string, t0: number, n: number, spreadH: number, prefix = ''): Draft[] {
    const out: Draft[] = [];
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      const t = i === 0 ? t0 : t0 + Math.min(72 * HOUR_MS, this.rng.exponential(spreadH * HOUR_MS));
      if (t > this.input.horizon) continue;
      const a = this.participant(p, cat, t);
      if (!a || used.has(a.id)) continue;
      used.add(a.id);
      const tags = [this.written(tag), ...this.evergreen(a, 1)];
      const text = prefix ? `${prefix} ${this.caption(a, tags, null)}` : this.caption(a, tags, null);
      out.push(this.add(a, t, text, { boost: i === 0 ? 2 : 1.5 }));
    }
    return out;
  }

  private size(p: Platform, cat: Category, lo: number, hi: number): number {
    const pool = this.buckets[p].get(cat)?.length ?? 0;
    return clamp(Math.round(pool * this.rng.uniform(0.15, 0.5)), lo, hi);
  }

  /** Start time for an event, leaving room for it to play out before now. */
  private eventStart(tail: number): number {
    const { start, now } = this.input;
    const lo = start + Math.min(DAY_MS, (now - start) / 4);
    return this.rng.uniform(lo, Math.max(lo, now - tail));
  }

  waves(count: number): TruthWave[] {
    const out: TruthWave[] = [];
    for (let w = 0; w < count; w++) {
      const cat = this.rng.weighted<Category>({
        beauty: 14, gaming: 12, news: 8, tech: 10, food: 11, fitness: 10, music: 9, comedy: 10, fashion: 9, travel: 7,
      });
      const tag = this.uniqueTag(cat);
      const spillover = this.rng.weighted<Spillover>({ BOTH: 70, X_ONLY: 15, TIKTOK_ONLY: 15 });
      const lag = clamp(CATEGORY_LAG_HOURS[cat] + this.rng.normal() * 2.5, 4, 24);
      const t0 = this.eventStart(2 * DAY_MS);
      let xPosts: Draft[] = [];
      let ttPosts: Draft[] = [];
      if (spillover !== 'TIKTOK_ONLY') xPosts = this.burst('X', cat, tag, t0, this.size('X', cat, 4, 150), 6);
      if (spillover === 'BOTH') ttPosts = this.burst('TIKTOK', cat, tag, t0 + lag * HOUR_MS, this.size('TIKTOK', cat, 4, 150), 8);
      if (spillover === 'TIKTOK_ONLY') ttPosts = this.burst('TIKTOK', cat, tag, t0, this.size('TIKTOK', cat, 4, 150), 8);
      out.push(this.waveTruth(tag, cat, spillover, xPosts, ttPosts));
    }
    return out;
  }

  /** Filled in after finalize (times may shift by a millisecond); holds the drafts until then. */
  private readonly pendingWaves: { truth: TruthWave; x: Draft[]; tt: Draft[] }[] = [];

  private waveTruth(tag: string, category: Category, spillover: Spillover, x: Draft[], tt: Draft[]): TruthWave {
    const truth: TruthWave = { tag, category, spillover, xStartAt: null, tiktokStartAt: null, lagHours: null, xPosts: x.length, tiktokPosts: tt.length };
    this.pendingWaves.push({ truth, x, tt });
    return truth;
  }

  private readonly pendingNews: { truth: TruthNewsStory; first: Draft; other: Draft[] }[] = [];

  news(count: number): TruthNewsStory[] {
    const out: TruthNewsStory[] = [];
    for (let s = 0; s < count; s++) {
      const tag = this.uniqueTag('news');
      const brokeOn: Platform = this.rng.chance(0.6) ? 'X' : 'TIKTOK';
      const other: Platform = brokeOn === 'X' ? 'TIKTOK' : 'X';
      const t0 = this.eventStart(DAY_MS);
      const opener = this.rng.pick(NEWS_OPENERS);
      const first = this.burst(brokeOn, 'news', tag, t0, this.rng.int(4, 20), 3, opener);
      if (first.length === 0) continue;
      const otherAt = t0 + this.rng.uniform(1, 10) * HOUR_MS;
      const follow = this.burst(other, 'news', tag, otherAt, this.rng.int(3, 20), 4);
      if (brokeOn === 'TIKTOK') {
        // X news accounts share the TikTok that broke it.
        for (let i = this.rng.int(1, 3); i > 0; i--) this.linkTo(first[0], 'news', this.rng.uniform(0.3, 3) * HOUR_MS);
      }
      const truth: TruthNewsStory = { tag, brokeOn, firstPostId: '', startAt: '', otherPlatformAt: '' };
      this.pendingNews.push({ truth, first: first[0], other: follow });
      out.push(truth);
    }
    return out;
  }

  private readonly pendingLaunches: { truth: TruthBrandLaunch; x: Draft; tt: Draft }[] = [];

  launches(perBrand: number): TruthBrandLaunch[] {
    const out: TruthBrandLaunch[] = [];
    for (const c of this.input.creators) {
      if (c.kind !== 'brand' || !c.tiktok || !c.x) continue;
      const stem = c.key.slice('brand-'.length);
      const products = BRAND_PRODUCTS.get(stem.replace(/\d+$/, '')) ?? ['drop', 'launch', 'collab'];
      for (let l = 0; l < perBrand; l++) {
        let topic = stem + products[l % products.length];
        if (this.eventTags.has(topic)) topic += String(l + 2);
        this.eventTags.add(topic);
        const xAt = this.eventStart(3 * DAY_MS);
        const lead = this.rng.uniform(2, 36);
        const site = c.x.bioLink ?? `https://www.${stem}.com/`;
        const short = tcoLink(this.rng);
        const xPost = this.add(c.x, xAt, `Introducing ${this.rng.pick(EMOJI)} #${topic} ${short}`, {
          urls: [{ short, expanded: `${site.replace(/\/$/, '')}/${topic}`, target: null }],
          boost: 3,
        });
        const ttPost = this.add(c.tiktok, xAt + lead * HOUR_MS, `#${topic} is finally here ${this.rng.pick(EMOJI)} #${stem}`, { boost: 3 });
        // Creators in the vertical pick it up on each side after the brand's own post; some quote it.
        this.burst('X', c.category, topic, xAt + this.rng.uniform(0.2, 2) * HOUR_MS, this.rng.int(2, 8), 6);
        this.burst('TIKTOK', c.category, topic, ttPost.createdAt + this.rng.uniform(0.5, 4) * HOUR_MS, this.rng.int(2, 8), 8);
        for (let q = this.rng.int(1, 4); q > 0; q--) this.quote(xPost, this.rng.uniform(0.2, 12) * HOUR_MS);
        const truth: TruthBrandLaunch = {
          brandKey: c.key, brandName: c.displayName, topic, firstPlatform: 'X', xAt: '', tiktokAt: '', leadHours: 0, xPostId: '', tiktokPostId: '',
        };
        this.pendingLaunches.push({ truth, x: xPost, tt: ttPost });
        out.push(truth);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ amplification

  private stripEventTags(text: string | null): string {
    if (!text) return '';
    return text
      .split(' ')
      .filter((w) => !(w.startsWith('#') && this.eventTags.has(w.slice(1).toLowerCase())))
      .join(' ');
  }

  /** Some other X account tweets a link to a TikTok video. */
  private linkTo(src: Draft, cat: Category, lag: number): void {
    const t = src.createdAt + Math.max(60_000, lag);
    if (t > this.input.horizon) return;
    const a = this.participant('X', cat, t, src.author.creatorKey);
    if (!a) return;
    const short = tcoLink(this.rng);
    const d = this.add(a, t, `${this.rng.pick(['watch this', 'this is everywhere on tiktok', 'ok this is good'])} ${short}`, {
      urls: [{ short, expanded: null, target: src }],
    });
    this.amps.push({ amp: d, src, kind: 'LINK' });
  }

  private quote(src: Draft, lag: number): void {
    const t = src.createdAt + Math.max(60_000, lag);
    if (t > this.input.horizon) return;
    const a = this.participant('X', src.author.category, t, src.author.creatorKey);
    if (!a) return;
    const short = tcoLink(this.rng);
    const d = this.add(a, t, `${this.rng.pick(QUOTE_LINES)} ${short}`, {
      urls: [{ short, expanded: null, target: src }],
      ref: { type: 'quoted', target: src },
    });
    this.amps.push({ amp: d, src, kind: 'QUOTE' });
  }

  crossposts(): void {
    const byCreator = new Map<string, GenAccount>();
    for (const c of this.input.creators) if (c.tiktok && c.x) byCreator.set(c.key, c.x);
    const propensity = new Map<string, number>();
    for (const key of byCreator.keys()) propensity.set(key, this.rng.chance(0.35) ? this.rng.uniform(0.2, 0.7) : 0);
    const tiktoks = this.drafts.TIKTOK.slice();
    for (const src of tiktoks) {
      if (src.author.private) continue;
      const x = byCreator.get(src.author.creatorKey);
      const p = propensity.get(src.author.creatorKey) ?? 0;
      if (x && p > 0 && this.rng.chance(p)) {
        const t = src.createdAt + clamp(this.rng.logNormal(1.5 * HOUR_MS, 1), 5 * 60_000, DAY_MS);
        if (t <= this.input.horizon && this.eligible(x, t)) {
          const short = tcoLink(this.rng);
          const body = this.stripEventTags(src.text).slice(0, 120).trim();
          const d = this.add(x, t, `${this.rng.pick(CROSSPOST_OPENERS)} ${body} ${short}`.replace(/\s+/g, ' '), {
            urls: [{ short, expanded: null, target: src }],
          });
          this.amps.push({ amp: d, src, kind: 'CROSSPOST' });
        }
      }
      // Viral clips get shared on X by other people.
      if (src.metrics.views > 400_000 && this.rng.chance(0.5)) {
        for (let i = this.rng.int(1, 3); i > 0; i--) this.linkTo(src, src.author.category, this.rng.logNormal(3 * HOUR_MS, 1));
      }
    }
  }

  /** Retweets, quotes and replies of original X posts, more for bigger accounts. */
  reactions(): void {
    const sources = this.drafts.X.filter((d) => d.original && !d.author.private);
    for (const src of sources) {
      const base = 0.12 * Math.max(0, Math.log10(Math.max(1, src.author.followers)) - 2);
      const lag = () => clamp(this.rng.logNormal(2 * HOUR_MS, 1.2), 60_000, 3 * DAY_MS);
      for (let i = this.rng.poisson(base); i > 0; i--) {
        const t = src.createdAt + lag();
        if (t > this.input.horizon) continue;
        const a = this.participant('X', src.author.category, t, src.author.creatorKey);
        if (!a) continue;
        let text = `RT @${src.author.username}: ${src.text ?? ''}`;
        if (text.length > 140) text = text.slice(0, text.lastIndexOf(' ', 138)) + '…';
        const urls = src.urls.filter((u) => text.includes(u.short)).map((u) => ({ ...u }));
        const d = this.add(a, t, text, { urls, ref: { type: 'retweeted', target: src }, zeroMetrics: true });
        this.amps.push({ amp: d, src, kind: 'REPOST' });
      }
      for (let i = this.rng.poisson(base / 4); i > 0; i--) this.quote(src, lag());
      for (let i = this.rng.poisson(base / 2); i > 0; i--) {
        const t = src.createdAt + lag();
        if (t > this.input.horizon) continue;
        const a = this.participant('X', src.author.category, t, src.author.creatorKey);
        if (!a) continue;
        const d = this.add(a, t, `@${src.author.username} ${this.rng.pick(REPLY_LINES)}`, { ref: { type: 'replied_to', target: src } });
        d.original = false;
      }
    }
  }

  // ------------------------------------------------------------------ finishing

  pinsAndQuirks(): void {
    const byAuthor = new Map<GenAccount, Draft[]>();
    for (const d of this.drafts.TIKTOK) {
      const l = byAuthor.get(d.author) ?? [];
      l.push(d);
      byAuthor.set(d.author, l);
    }
    for (const [, list] of byAuthor) {
      if (list.length < 4 || !this.rng.chance(0.25)) continue;
      list.sort((a, b) => a.createdAt - b.createdAt);
      const older = list.slice(0, Math.floor(list.length / 2));
      for (let i = this.rng.int(1, Math.min(3, older.length)); i > 0; i--) this.rng.pick(older).pinned = true;
    }
    const mr = this.input.malformedRate;
    for (const d of this.drafts.TIKTOK) {
      if (this.rng.chance(mr)) d.quirk = this.rng.pick(['nullTitle', 'stringCounts', 'missingStats', 'extraField', 'truncated'] as const);
    }
    for (const d of this.drafts.X) {
      if (this.rng.chance(mr)) d.quirk = this.rng.pick(['stringCounts', 'missingStats', 'extraField', 'truncated'] as const);
    }
  }

  finalize(): PostGenOutput {
    const { ids } = this.input;
    for (const p of ['TIKTOK', 'X'] as const) {
      // One author never posts twice in the same millisecond: cursors rely on it.
      const last = new Map<GenAccount, number>();
      const byTime = this.drafts[p].slice().sort((a, b) => b.createdAt - a.createdAt || a.seq - b.seq);
      for (const d of byTime) {
        const prev = last.get(d.author);
        if (prev !== undefined && d.createdAt >= prev) d.createdAt = prev - 1;
        last.set(d.author, d.createdAt);
      }
      byTime.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
      for (const d of byTime) d.id = p === 'TIKTOK' ? ids.tiktok(d.createdAt) : ids.snowflake(d.createdAt);
    }
    const build = (d: Draft): SimPost => {
      const urls = d.urls.map((u) => ({
        short: u.short,
        expanded: u.target ? postUrl(u.target.platform, u.target.author.username, u.target.id) : (u.expanded ?? u.short),
      }));
      const text = d.text;
      return {
        platform: d.platform,
        id: d.id,
        authorId: d.author.id,
        createdAt: d.createdAt,
        text,
        hashtags: text ? findHashtags(text).map((h) => h.value) : [],
        mentions: text ? findMentions(text, d.platform).map((m) => m.value) : [],
        urls,
        ref: d.ref ? { type: d.ref.type, id: d.ref.target.id } : null,
        inReplyToUserId: d.ref?.type === 'replied_to' ? d.ref.target.author.id : null,
        metrics: d.metrics,
        pinned: d.pinned,
        lang: d.lang,
        durationSec: d.durationSec,
        quirk: d.quirk,
      };
    };
    const gid = (d: Draft) => graphPostId(d.platform, d.id);
    const iso = (t: number) => new Date(t).toISOString();
    for (const { truth, x, tt } of this.pendingWaves) {
      const xs = x.length ? Math.min(...x.map((d) => d.createdAt)) : null;
      const ts = tt.length ? Math.min(...tt.map((d) => d.createdAt)) : null;
      truth.xStartAt = xs === null ? null : iso(xs);
      truth.tiktokStartAt = ts === null ? null : iso(ts);
      truth.lagHours = xs !== null && ts !== null ? Math.round(((ts - xs) / HOUR_MS) * 100) / 100 : null;
      // A wave that never reached a side (no eligible poster) is not a spill-over.
      if (truth.spillover === 'BOTH' && (xs === null || ts === null)) truth.spillover = xs === null ? 'TIKTOK_ONLY' : 'X_ONLY';
    }
    for (const { truth, first, other } of this.pendingNews) {
      truth.firstPostId = gid(first);
      truth.startAt = iso(first.createdAt);
      truth.otherPlatformAt = other.length ? iso(Math.min(...other.map((d) => d.createdAt))) : '';
    }
    for (const { truth, x, tt } of this.pendingLaunches) {
      truth.xAt = iso(x.createdAt);
      truth.tiktokAt = iso(tt.createdAt);
      truth.leadHours = Math.round(((tt.createdAt - x.createdAt) / HOUR_MS) * 100) / 100;
      truth.xPostId = gid(x);
      truth.tiktokPostId = gid(tt);
    }
    const amplifications: TruthAmplification[] = this.amps.map(({ amp, src, kind }) => ({
      amplifierPostId: gid(amp),
      sourcePostId: gid(src),
      kind,
      lagSeconds: Math.round((amp.createdAt - src.createdAt) / 1000),
    }));
    const newestFirst = (a: SimPost, b: SimPost) => b.createdAt - a.createdAt;
    return {
      tiktok: this.drafts.TIKTOK.map(build).sort(newestFirst),
      x: this.drafts.X.map(build).sort(newestFirst),
      amplifications,
      hashtagWaves: this.pendingWaves.map((w) => w.truth),
      newsStories: this.pendingNews.map((n) => n.truth),
      brandLaunches: this.pendingLaunches.map((l) => l.truth),
    };
  }
}

/** Generates all posts and the event truth for an already generated set of creators. */
export function generatePosts(input: PostGenInput): PostGenOutput {
  const g = new PostGenerator(input);
  const days = (input.now - input.start) / DAY_MS;
  g.regular();
  g.waves(Math.max(3, Math.round(days * 0.8)));
  g.news(Math.max(2, Math.round(days / 4)));
  g.launches(Math.max(1, Math.round(days / 15)));
  g.crossposts();
  g.reactions();
  g.pinsAndQuirks();
  return g.finalize();
}
