/**
 * Events that shape posting: hashtag waves that cross from X to TikTok with a per-category lag,
 * breaking news, and X-first brand launches. Their truth is drafted here and completed once post
 * times are final (`post-finalize.ts`), since a time may still shift by a millisecond.
 */
import type { Platform } from '../graph/model';
import { tcoLink } from './ids';
import { linkTo, quote } from './post-amplification';
import { clamp, type Draft, type PostDrafts } from './post-drafts';
import { CATEGORY_LAG_HOURS, EMOJI, TREND_STEMS, TREND_SUFFIXES, type Category } from './vocabulary';
import { BRAND_PRODUCTS } from './brands';
import { DAY_MS, HOUR_MS, type Spillover, type TruthBrandLaunch, type TruthNewsStory, type TruthWave } from './world-model';

const NEWS_OPENERS = ['BREAKING:', 'Developing:', 'Just in:', 'Update:'];

export interface PendingWave {
  truth: TruthWave;
  x: Draft[];
  tt: Draft[];
}
export interface PendingNews {
  truth: TruthNewsStory;
  first: Draft;
  other: Draft[];
}
export interface PendingLaunch {
  truth: TruthBrandLaunch;
  x: Draft;
  tt: Draft;
}

export class PostEvents {
  /** Filled in after finalize (times may shift by a millisecond); holds the drafts until then. */
  readonly pendingWaves: PendingWave[] = [];
  readonly pendingNews: PendingNews[] = [];
  readonly pendingLaunches: PendingLaunch[] = [];

  constructor(private readonly g: PostDrafts) {}

  private uniqueTag(cat: Category): string {
    const { g } = this;
    for (let i = 0; i < 200; i++) {
      const stem = g.rng.pick(TREND_STEMS[cat]);
      const tag = stem + g.rng.pick(TREND_SUFFIXES) + (i >= 20 ? String(i) : '');
      if (!g.eventTags.has(tag)) {
        g.eventTags.add(tag);
        return tag;
      }
    }
    const tag = `${cat}trend${g.eventTags.size}`;
    g.eventTags.add(tag);
    return tag;
  }

  /** How a creator writes a tag: mostly lower case, sometimes CamelCase. */
  private written(tag: string): string {
    return this.g.rng.chance(0.25) ? tag[0].toUpperCase() + tag.slice(1) : tag;
  }

  /** `n` posts carrying `tag` on platform p from time t0 (the first exactly at t0). */
  private burst(p: Platform, cat: Category, tag: string, t0: number, n: number, spreadH: number, prefix = ''): Draft[] {
    const { g } = this;
    const out: Draft[] = [];
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      const t = i === 0 ? t0 : t0 + Math.min(72 * HOUR_MS, g.rng.exponential(spreadH * HOUR_MS));
      if (t > g.input.horizon) continue;
      const a = g.participant(p, cat, t);
      if (!a || used.has(a.id)) continue;
      used.add(a.id);
      const tags = [this.written(tag), ...g.evergreen(a, 1)];
      const text = prefix ? `${prefix} ${g.caption(a, tags, null)}` : g.caption(a, tags, null);
      out.push(g.add(a, t, text, { boost: i === 0 ? 2 : 1.5 }));
    }
    return out;
  }

  private size(p: Platform, cat: Category, lo: number, hi: number): number {
    const pool = this.g.buckets[p].get(cat)?.length ?? 0;
    return clamp(Math.round(pool * this.g.rng.uniform(0.15, 0.5)), lo, hi);
  }

  /** Start time for an event, leaving room for it to play out before now. */
  private eventStart(tail: number): number {
    const { start, now } = this.g.input;
    const lo = start + Math.min(DAY_MS, (now - start) / 4);
    return this.g.rng.uniform(lo, Math.max(lo, now - tail));
  }

  waves(count: number): TruthWave[] {
    const { rng } = this.g;
    const out: TruthWave[] = [];
    for (let w = 0; w < count; w++) {
      const cat = rng.weighted<Category>({
        beauty: 14, gaming: 12, news: 8, tech: 10, food: 11, fitness: 10, music: 9, comedy: 10, fashion: 9, travel: 7,
      });
      const tag = this.uniqueTag(cat);
      const spillover = rng.weighted<Spillover>({ BOTH: 70, X_ONLY: 15, TIKTOK_ONLY: 15 });
      const lag = clamp(CATEGORY_LAG_HOURS[cat] + rng.normal() * 2.5, 4, 24);
      const t0 = this.eventStart(2 * DAY_MS);
      let xPosts: Draft[] = [];
      let ttPosts: Draft[] = [];
      if (spillover !== 'TIKTOK_ONLY') xPosts = this.burst('X', cat, tag, t0, this.size('X', cat, 4, 150), 6);
      if (spillover === 'BOTH') ttPosts = this.burst('TIKTOK', cat, tag, t0 + lag * HOUR_MS, this.size('TIKTOK', cat, 4, 150), 8);
      if (spillover === 'TIKTOK_ONLY') ttPosts = this.burst('TIKTOK', cat, tag, t0, this.size('TIKTOK', cat, 4, 150), 8);
      const truth: TruthWave = { tag, category: cat, spillover, xStartAt: null, tiktokStartAt: null, lagHours: null, xPosts: xPosts.length, tiktokPosts: ttPosts.length };
      this.pendingWaves.push({ truth, x: xPosts, tt: ttPosts });
      out.push(truth);
    }
    return out;
  }

  news(count: number): TruthNewsStory[] {
    const { g } = this;
    const out: TruthNewsStory[] = [];
    for (let s = 0; s < count; s++) {
      const tag = this.uniqueTag('news');
      const brokeOn: Platform = g.rng.chance(0.6) ? 'X' : 'TIKTOK';
      const other: Platform = brokeOn === 'X' ? 'TIKTOK' : 'X';
      const t0 = this.eventStart(DAY_MS);
      const opener = g.rng.pick(NEWS_OPENERS);
      const first = this.burst(brokeOn, 'news', tag, t0, g.rng.int(4, 20), 3, opener);
      if (first.length === 0) continue;
      const otherAt = t0 + g.rng.uniform(1, 10) * HOUR_MS;
      const follow = this.burst(other, 'news', tag, otherAt, g.rng.int(3, 20), 4);
      if (brokeOn === 'TIKTOK') {
        // X news accounts share the TikTok that broke it.
        for (let i = g.rng.int(1, 3); i > 0; i--) linkTo(g, first[0], 'news', g.rng.uniform(0.3, 3) * HOUR_MS);
      }
      const truth: TruthNewsStory = { tag, brokeOn, firstPostId: '', startAt: '', otherPlatformAt: '' };
      this.pendingNews.push({ truth, first: first[0], other: follow });
      out.push(truth);
    }
    return out;
  }

  launches(perBrand: number): TruthBrandLaunch[] {
    const { g } = this;
    const out: TruthBrandLaunch[] = [];
    for (const c of g.input.creators) {
      if (c.kind !== 'brand' || !c.tiktok || !c.x) continue;
      const stem = c.key.slice('brand-'.length);
      const products = BRAND_PRODUCTS.get(stem.replace(/\d+$/, '')) ?? ['drop', 'launch', 'collab'];
      for (let l = 0; l < perBrand; l++) {
        let topic = stem + products[l % products.length];
        if (g.eventTags.has(topic)) topic += String(l + 2);
        g.eventTags.add(topic);
        const xAt = this.eventStart(3 * DAY_MS);
        const lead = g.rng.uniform(2, 36);
        const site = c.x.bioLink ?? `https://www.${stem}.com/`;
        const short = tcoLink(g.rng);
        const xPost = g.add(c.x, xAt, `Introducing ${g.rng.pick(EMOJI)} #${topic} ${short}`, {
          urls: [{ short, expanded: `${site.replace(/\/$/, '')}/${topic}`, target: null }],
          boost: 3,
        });
        const ttPost = g.add(c.tiktok, xAt + lead * HOUR_MS, `#${topic} is finally here ${g.rng.pick(EMOJI)} #${stem}`, { boost: 3 });
        // Creators in the vertical pick it up on each side after the brand's own post; some quote it.
        this.burst('X', c.category, topic, xAt + g.rng.uniform(0.2, 2) * HOUR_MS, g.rng.int(2, 8), 6);
        this.burst('TIKTOK', c.category, topic, ttPost.createdAt + g.rng.uniform(0.5, 4) * HOUR_MS, g.rng.int(2, 8), 8);
        for (let q = g.rng.int(1, 4); q > 0; q--) quote(g, xPost, g.rng.uniform(0.2, 12) * HOUR_MS);
        const truth: TruthBrandLaunch = {
          brandKey: c.key, brandName: c.displayName, topic, firstPlatform: 'X', xAt: '', tiktokAt: '', leadHours: 0, xPostId: '', tiktokPostId: '',
        };
        this.pendingLaunches.push({ truth, x: xPost, tt: ttPost });
        out.push(truth);
      }
    }
    return out;
  }
}
