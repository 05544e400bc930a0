/**
 * Accounts as the providers hold them: unique handles per platform, profile fields drawn to the
 * platform's habits, attrition (deletions, suspensions, private accounts), bios and bio links
 * (personal domains and link-in-bio pages no two creators share).
 */
import type { Platform } from '../graph/model';
import { IdFactory, hexToken, secUid } from './ids';
import type { Person } from './people';
import type { Rng } from './random';
import { EMOJI, TLDS, type Category } from './vocabulary';
import { DAY_MS, type Quirk, type SimAccount } from './world-model';

export interface AccountGenInput {
  rng: Rng;
  ids: IdFactory;
  creators: number;
  brands: number;
  now: number;
  start: number;
  horizon: number;
  malformedRate: number;
}

const CITIES: Record<string, string[]> = {
  US: ['Los Angeles, CA', 'New York, NY', 'Austin, TX', 'Chicago, IL', 'Miami, FL'],
  GB: ['London, England', 'Manchester'],
  CA: ['Toronto, Ontario', 'Vancouver'],
  BR: ['São Paulo, Brasil', 'Rio de Janeiro'],
  DE: ['Berlin', 'München'],
  FR: ['Paris, France', 'Lyon'],
  ES: ['Madrid', 'Barcelona'],
  MX: ['Ciudad de México', 'Guadalajara'],
  IN: ['Mumbai', 'Bengaluru'],
  JP: ['Tokyo', '大阪'],
};
/** X audience relative to TikTok audience by vertical: news and tech lean X, lifestyle leans TikTok. */
const X_AUDIENCE_RATIO: Record<Category, number> = {
  news: 2.5, tech: 1.2, gaming: 0.6, music: 0.5, comedy: 0.5, beauty: 0.25, fashion: 0.25,
  food: 0.3, fitness: 0.3, travel: 0.3,
};
const BIO_LINES: Record<Category, string[]> = {
  beauty: ['makeup for real skin', 'skincare nerd', 'lashes, lipsticks & honest reviews'],
  gaming: ['variety streamer', 'ranked grinder', 'cozy games & chaos'],
  news: ['news you can use', 'daily briefings', 'reporter. views my own'],
  tech: ['gadgets, reviews, hot takes', 'software dev', 'I test tech so you don\'t have to'],
  food: ['easy recipes', 'home cook', 'eating my way around'],
  fitness: ['coach', 'lifting & running', 'strong not skinny'],
  music: ['singer-songwriter', 'producer', 'covers every friday'],
  comedy: ['sketches & nonsense', 'comedian', 'professional overthinker'],
  fashion: ['thrift queen', 'style tips', 'outfits daily'],
  travel: ['40 countries and counting', 'budget travel', 'van life'],
};

const BIO_PLACES = [
  'NYC', 'LA', 'London', 'Toronto', 'Berlin', 'Paris', 'Madrid', 'Lagos', 'Seoul', 'Sydney', 'Austin', 'Lisbon', 'Mumbai',
  'Chicago', 'Dublin', 'Oslo', 'Rome', 'Denver', 'Atlanta', 'Manila', 'Nairobi', 'Lima', 'Osaka', 'Vienna',
];
const TAGLINE_EXTRAS = [
  'she/her', 'he/him', 'they/them', 'dm for collabs', 'new videos weekly', 'est. 2019', 'views my own',
  'business: see link', 'coffee first', 'dog parent', 'slow living', 'from the 90s', 'not a bot', 'on tour',
];

/** The ways an account can be rendered oddly (see Quirk). */
export const ACCOUNT_QUIRKS = ['stringCounts', 'missingStats', 'extraField', 'truncated'] as const;

/** Per-platform handle registry: handles are unique case-insensitively, X handles max 15 chars. */
export class HandleRegistry {
  private readonly taken = { TIKTOK: new Set<string>(), X: new Set<string>() };

  constructor(private readonly rng: Rng) {}

  isFree(p: Platform, h: string): boolean {
    return !this.taken[p].has(h.toLowerCase());
  }

  /** Claims `wanted`, or the nearest free variant with trailing digits. */
  claim(p: Platform, wanted: string): string {
    const max = p === 'X' ? 15 : 24;
    let h = wanted.slice(0, max);
    // Widen the suffix range quickly: popular stems exhaust two-digit suffixes in large worlds.
    for (let i = 0; !this.isFree(p, h) && i < 1000; i++) {
      const digits = String(i < 4 ? this.rng.int(1, 99) : i < 10 ? this.rng.int(100, 9999) : this.rng.int(10_000, 999_999));
      h = wanted.slice(0, max - digits.length) + digits;
    }
    this.taken[p].add(h.toLowerCase());
    return h;
  }
}

export class AccountFactory {
  private readonly domains = new Set<string>();
  private readonly pages = new Set<string>();

  constructor(private readonly input: AccountGenInput, readonly handles: HandleRegistry) {}

  private get rng(): Rng {
    return this.input.rng;
  }

  /** A link-in-bio page no other creator owns (a host gives each path to one person). */
  linkPage(host: string, path: string): string {
    let p = path.toLowerCase();
    for (let i = 0; this.pages.has(`${host}/${p}`) && i < 100; i++) p = `${path.toLowerCase()}${this.rng.int(2, 999)}`;
    this.pages.add(`${host}/${p}`);
    return `https://${host}/${p}`;
  }

  /** A personal domain no other creator owns. */
  domain(stem: string): string {
    const clean = stem.toLowerCase().replace(/[^a-z0-9]/g, '') || 'site';
    let d = clean + this.rng.pick(TLDS);
    for (let i = 0; this.domains.has(d) && i < 100; i++) d = `${clean}${this.rng.int(2, 999)}${this.rng.pick(TLDS)}`;
    this.domains.add(d);
    return d;
  }

  account(p: Platform, username: string, per: Person, creatorKey: string, followers: number): SimAccount {
    const { rng, ids, now } = this.input;
    const earliest = p === 'TIKTOK' ? Date.parse('2017-01-01T00:00:00Z') : Date.parse('2009-06-01T00:00:00Z');
    const createdAt = Math.floor(rng.uniform(earliest, now - 60 * DAY_MS));
    const big = followers > 1_000_000;
    const verifiedType = p === 'X' && (rng.chance(big ? 0.6 : 0.12)) ? 'blue' : 'none';
    const quirk: Quirk | null = rng.chance(this.input.malformedRate) ? rng.pick(ACCOUNT_QUIRKS) : null;
    return {
      platform: p,
      id: p === 'TIKTOK' ? ids.tiktok(createdAt) : ids.xUser(createdAt),
      username,
      displayName: per.displayName,
      bio: '',
      bioLink: null,
      bioLinkShort: null,
      avatarUrl:
        p === 'TIKTOK'
          ? `https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/${hexToken(rng, 32)}~c5_720x720.jpeg`
          : `https://pbs.twimg.com/profile_images/${rng.int(1, 9)}${rng.chars(18, '0123456789')}/${rng.chars(8, 'abcdefghijklmnopqrstuvwxyz0123456789')}_normal.jpg`,
      secUid: p === 'TIKTOK' ? secUid(rng) : null,
      verified: p === 'TIKTOK' ? rng.chance(big ? 0.7 : 0.01) : verifiedType !== 'none',
      verifiedType,
      followers,
      growthPerDay: big ? 0.0005 + rng.normal() * 0.001 : 0.002 + rng.normal() * 0.004,
      following: Math.round(rng.logNormal(p === 'TIKTOK' ? 300 : 600, 1)),
      likes: Math.round(p === 'TIKTOK' ? followers * rng.logNormal(12, 0.8) : rng.logNormal(5000, 1.2)),
      priorPosts: Math.round(rng.logNormal(p === 'TIKTOK' ? 150 : 3000, 1)),
      listed: p === 'X' ? Math.round((followers / 400) * rng.logNormal(1, 0.5)) : 0,
      createdAt,
      private: false,
      deletedAt: null,
      deletionKind: null,
      location: p === 'X' && rng.chance(0.6) ? rng.pick(CITIES[per.region]) : null,
      region: per.region,
      pinnedPostId: null,
      creatorKey,
      quirk,
      category: per.category,
    };
  }

  /** Deletions, suspensions, private and protected accounts: the world's attrition. */
  attrition(a: SimAccount): void {
    const { rng, start, horizon } = this.input;
    if (rng.chance(0.025)) {
      a.deletedAt = Math.floor(rng.uniform(start + DAY_MS, horizon));
      a.deletionKind = a.platform === 'X' && rng.chance(0.5) ? 'suspended' : 'deleted';
    }
    a.private = rng.chance(a.platform === 'TIKTOK' ? 0.04 : 0.03);
  }

  /** A line a creator describes themselves with. */
  tagline(cat: Category): string {
    const rng = this.rng;
    const line = rng.chance(0.6) ? `${rng.pick(BIO_LINES[cat])}, ${rng.pick(TAGLINE_EXTRAS)}` : rng.pick(BIO_LINES[cat]);
    return rng.chance(0.5) ? `${line} · ${rng.pick(BIO_PLACES)}` : line;
  }

  bio(cat: Category, extra: string | null, tagline: string): string {
    const rng = this.rng;
    const parts = [tagline];
    if (rng.chance(0.5)) parts.push(rng.pick(EMOJI));
    if (extra) parts.push(extra);
    return parts.join(rng.chance(0.5) ? ' | ' : ' ');
  }
}

export function accountFollowers(rng: Rng, per: Person, p: Platform): number {
  const f =
    p === 'TIKTOK'
      ? per.baseFollowers * rng.logNormal(1, 0.4)
      : per.baseFollowers * X_AUDIENCE_RATIO[per.category] * rng.logNormal(1, 0.7);
  return Math.max(20, Math.round(f));
}
