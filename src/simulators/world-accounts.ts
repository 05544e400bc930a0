/**
 * Creators, brands and their accounts: who exists on which platform, under what handle, display
 * name and bio link, and the look-alikes that are not the same person. This is the part of the
 * world the matcher is scored on, so every relation it draws is recorded (handleRelation,
 * linkKind, collisions).
 */
import type { Platform } from '../graph/model';
import { IdFactory, hexToken, secUid, tcoLink } from './ids';
import type { Rng } from './random';
import {
  ACCENTED,
  BRAND_NAMES,
  CATEGORIES,
  CATEGORY_WORDS,
  COMMON_HANDLES,
  EMOJI,
  FIRST_NAMES,
  LAST_NAMES,
  LINK_IN_BIO_HOSTS,
  TLDS,
  type Category,
} from './vocabulary';
import {
  DAY_MS,
  type HandleRelation,
  type LinkKind,
  type Quirk,
  type SimAccount,
  type SimCreator,
  type TruthCollision,
} from './world-model';

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

export type GenAccount = SimAccount;
export type GenCreator = SimCreator;

const REGIONS = ['US', 'US', 'US', 'GB', 'CA', 'BR', 'DE', 'FR', 'ES', 'MX', 'IN', 'JP'];
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
const CATEGORY_WEIGHTS: Record<Category, number> = {
  beauty: 14, gaming: 12, news: 8, tech: 10, food: 11, fitness: 10, music: 9, comedy: 10,
  fashion: 9, travel: 7,
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

const FANCY_UPPER = 0x1d4d0; // MATHEMATICAL BOLD SCRIPT CAPITAL A
const FANCY_LOWER = 0x1d4ea; // MATHEMATICAL BOLD SCRIPT SMALL A

/** Renders ASCII letters in "fancy" Unicode script letters, as people do in display names. */
export function fancyLetters(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 65 && c <= 90) out += String.fromCodePoint(FANCY_UPPER + c - 65);
    else if (c >= 97 && c <= 122) out += String.fromCodePoint(FANCY_LOWER + c - 97);
    else out += ch;
  }
  return out;
}

const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Per-platform handle registry: handles are unique case-insensitively, X handles max 15 chars. */
class HandleRegistry {
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

function baseHandle(rng: Rng, first: string, last: string, cat: Category, allowDot: boolean): string {
  const w = rng.pick(CATEGORY_WORDS[cat]);
  const patterns = [
    () => `${first}${w}`,
    () => `${w}by${first}`,
    () => `${first}${last}`,
    () => `${first}_${w}`,
    () => `the${first}${w}`,
    () => `${first}${last}${rng.int(1, 99)}`,
    () => `${w}with${first}`,
    () => `${first}.${last}`,
    () => `${first}.${w}`,
  ];
  const usable = allowDot ? patterns : patterns.slice(0, 7);
  for (let i = 0; i < 10; i++) {
    const h = rng.pick(usable)();
    if (h.length <= 15) return h;
  }
  return `${first}${last[0]}`;
}

/** A near-identical X handle for a TikTok handle (or a tweak to both), as creators really do. */
function nearVariant(rng: Rng, tt: string, first: string): { tt: string; x: string } {
  const plain = tt.replace(/[._]/g, '');
  switch (rng.int(0, 4)) {
    case 0: // case only: X shows mixed case
      return { tt, x: tt.includes('.') ? cap(plain) : cap(tt.replace(first, cap(first))) };
    case 1: // punctuation
      return tt.includes('.')
        ? { tt, x: rng.chance(0.5) ? tt.replace(/\./g, '_') : plain }
        : { tt: plain.length > first.length ? `${first}.${plain.slice(first.length)}` : `${plain}_`, x: plain };
    case 2: // trailing digits on X
      return { tt, x: `${plain.slice(0, 12)}${rng.int(1, 99)}` };
    case 3: // trailing digits on TikTok
      return { tt: `${tt}${rng.int(1, 999)}`, x: plain };
    default: // leading/trailing underscore
      return { tt, x: rng.chance(0.5) ? `${plain.slice(0, 14)}_` : `_${plain.slice(0, 14)}` };
  }
}

function relationOf(tt: string, x: string): HandleRelation {
  if (tt === x) return 'identical';
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/^\d+|\d+$/g, '');
  return norm(tt) === norm(x) ? 'near' : 'unrelated';
}

interface Person {
  first: string;
  last: string;
  category: Category;
  displayName: string;
  baseFollowers: number;
  region: string;
}

function person(rng: Rng): Person {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const category = rng.weighted(CATEGORY_WEIGHTS);
  const accentedFirst = ACCENTED[first] ?? cap(first);
  const accentedLast = ACCENTED[last] ?? cap(last);
  const style = rng.int(0, 9);
  const displayName =
    style < 5
      ? `${cap(first)} ${cap(last)}`
      : style < 7
        ? `${accentedFirst} ${accentedLast}`
        : style < 9
          ? `${cap(first)} | ${cap(rng.pick(CATEGORY_WORDS[category]))}`
          : cap(first);
  const star = rng.chance(0.02);
  const baseFollowers = star
    ? Math.min(90_000_000, rng.pareto(400_000, 1.1))
    : Math.min(3_000_000, Math.max(200, rng.logNormal(12_000, 1.1)));
  return { first, last, category, displayName, baseFollowers: Math.round(baseFollowers), region: rng.pick(REGIONS) };
}

/** Decorates a display name differently on one platform: emoji, fancy letters or accents. */
function decorate(rng: Rng, name: string, p: Person): string {
  switch (rng.int(0, 2)) {
    case 0:
      return `${name} ${rng.pick(EMOJI)}`;
    case 1:
      return fancyLetters(name);
    default: {
      const acc = ACCENTED[p.first];
      return acc ? name.replace(cap(p.first), acc) : `${rng.pick(EMOJI)} ${name}`;
    }
  }
}

class AccountFactory {
  private readonly domains = new Set<string>();

  constructor(private readonly input: AccountGenInput, readonly handles: HandleRegistry) {}

  private get rng(): Rng {
    return this.input.rng;
  }

  /** A personal domain no other creator owns. */
  domain(stem: string): string {
    const clean = stem.toLowerCase().replace(/[^a-z0-9]/g, '') || 'site';
    let d = clean + this.rng.pick(TLDS);
    for (let i = 0; this.domains.has(d) && i < 100; i++) d = `${clean}${this.rng.int(2, 999)}${this.rng.pick(TLDS)}`;
    this.domains.add(d);
    return d;
  }

  account(p: Platform, username: string, per: Person, creatorKey: string, followers: number): GenAccount {
    const { rng, ids, now } = this.input;
    const earliest = p === 'TIKTOK' ? Date.parse('2017-01-01T00:00:00Z') : Date.parse('2009-06-01T00:00:00Z');
    const createdAt = Math.floor(rng.uniform(earliest, now - 60 * DAY_MS));
    const big = followers > 1_000_000;
    const verifiedType = p === 'X' && (rng.chance(big ? 0.6 : 0.12)) ? 'blue' : 'none';
    const quirk: Quirk | null = rng.chance(this.input.malformedRate)
      ? rng.pick(['stringCounts', 'missingStats', 'extraField', 'truncated'] as const)
      : null;
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
  attrition(a: GenAccount): void {
    const { rng, start, horizon } = this.input;
    if (rng.chance(0.025)) {
      a.deletedAt = Math.floor(rng.uniform(start + DAY_MS, horizon));
      a.deletionKind = a.platform === 'X' && rng.chance(0.5) ? 'suspended' : 'deleted';
    }
    a.private = rng.chance(a.platform === 'TIKTOK' ? 0.04 : 0.03);
  }

  bio(cat: Category, extra: string | null): string {
    const rng = this.rng;
    const parts = [rng.pick(BIO_LINES[cat])];
    if (rng.chance(0.5)) parts.push(rng.pick(EMOJI));
    if (extra) parts.push(extra);
    return parts.join(rng.chance(0.5) ? ' | ' : ' ');
  }
}

function accountFollowers(rng: Rng, per: Person, p: Platform): number {
  const f =
    p === 'TIKTOK'
      ? per.baseFollowers * rng.logNormal(1, 0.4)
      : per.baseFollowers * X_AUDIENCE_RATIO[per.category] * rng.logNormal(1, 0.7);
  return Math.max(20, Math.round(f));
}

/** Generates every creator and brand with their accounts. */
export function generateCreators(input: AccountGenInput): { creators: GenCreator[]; collisions: TruthCollision[] } {
  const { rng, creators: n } = input;
  const handles = new HandleRegistry(rng);
  const f = new AccountFactory(input, handles);
  const out: GenCreator[] = [];
  const collisions: TruthCollision[] = [];

  // Roles: about half on both platforms, the rest split; look-alike pairs come out of the singles.
  const both = Math.round(n * 0.5);
  const singles = n - both;
  const handlePairs = n >= 20 ? Math.min(COMMON_HANDLES.length, Math.max(1, Math.round(n * 0.015)), Math.floor(singles / 4)) : 0;
  const namePairs = n >= 20 ? Math.min(Math.max(1, Math.round(n * 0.01)), Math.floor(singles / 4)) : 0;

  let seq = 0;
  const key = () => `creator-${++seq}`;

  for (let i = 0; i < handlePairs; i++) {
    const h = COMMON_HANDLES[i];
    const a = person(rng);
    const b = person(rng);
    a.first = b.first = h;
    a.displayName = `${cap(h)} ${cap(a.last)}`;
    b.displayName = `${cap(h)} ${cap(b.last)}`;
    if (b.category === a.category) b.category = CATEGORIES[(CATEGORIES.indexOf(a.category) + 3) % CATEGORIES.length];
    const ca = singleCreator(f, rng, key(), a, 'TIKTOK', h);
    const cb = singleCreator(f, rng, key(), b, 'X', h);
    out.push(ca, cb);
    collisions.push({ reason: 'COMMON_HANDLE', tiktokUserId: ca.tiktok!.id, xUserId: cb.x!.id });
  }
  for (let i = 0; i < namePairs; i++) {
    const a = person(rng);
    const b = person(rng);
    b.displayName = a.displayName = `${cap(a.first)} ${cap(a.last)}`;
    b.first = a.first;
    const ca = singleCreator(f, rng, key(), a, 'TIKTOK', null);
    const cb = singleCreator(f, rng, key(), b, 'X', null);
    out.push(ca, cb);
    collisions.push({ reason: 'SAME_DISPLAY_NAME', tiktokUserId: ca.tiktok!.id, xUserId: cb.x!.id });
  }
  const remainingSingles = singles - 2 * (handlePairs + namePairs);
  for (let i = 0; i < both + remainingSingles; i++) {
    const per = person(rng);
    if (i < both) out.push(bothCreator(f, rng, key(), per));
    else out.push(singleCreator(f, rng, key(), per, i % 2 === 0 ? 'TIKTOK' : 'X', null));
  }
  rng.shuffle(out);

  for (let i = 0; i < input.brands; i++) out.push(brand(f, rng, i));
  return { creators: out, collisions };
}

function singleCreator(f: AccountFactory, rng: Rng, key: string, per: Person, p: Platform, handle: string | null): GenCreator {
  const username = f.handles.claim(p, handle ?? baseHandle(rng, per.first, per.last, per.category, p === 'TIKTOK'));
  const acc = f.account(p, username, per, key, accountFollowers(rng, per, p));
  f.attrition(acc);
  const linkKind: LinkKind = rng.chance(0.5) ? (rng.chance(0.5) ? 'personal' : 'linkinbio') : 'none';
  if (linkKind === 'personal') acc.bioLink = `https://www.${f.domain(username)}/`;
  if (linkKind === 'linkinbio') acc.bioLink = `https://${rng.pick(LINK_IN_BIO_HOSTS)}/${username.replace(/\./g, '')}`;
  if (acc.bioLink && p === 'X') acc.bioLinkShort = tcoLink(rng);
  acc.bio = f.bio(per.category, null);
  const c: GenCreator = {
    key, kind: 'creator', category: per.category, displayName: per.displayName,
    tiktok: p === 'TIKTOK' ? acc : null, x: p === 'X' ? acc : null, handleRelation: null, linkKind,
  };
  return c;
}

function bothCreator(f: AccountFactory, rng: Rng, key: string, per: Person): GenCreator {
  const wanted = rng.weighted({ identical: 45, near: 30, unrelated: 25 });
  let tt = baseHandle(rng, per.first, per.last, per.category, wanted !== 'identical');
  let x = tt;
  if (wanted === 'near') ({ tt, x } = nearVariant(rng, tt, per.first));
  if (wanted === 'unrelated') {
    x = rng.chance(0.5) ? `${per.first}${per.last.slice(0, 1)}${rng.int(0, 99)}` : baseHandle(rng, per.first, per.last, per.category, false);
    if (x.toLowerCase() === tt.toLowerCase()) x = `${per.last}${per.first}`.slice(0, 15);
  }
  tt = f.handles.claim('TIKTOK', tt.toLowerCase());
  x = f.handles.claim('X', x.replace(/[^A-Za-z0-9_]/g, '_'));
  const t = f.account('TIKTOK', tt, per, key, accountFollowers(rng, per, 'TIKTOK'));
  const xa = f.account('X', x, per, key, accountFollowers(rng, per, 'X'));
  f.attrition(t);
  f.attrition(xa);

  const nameStyle = rng.int(0, 9);
  if (nameStyle >= 7) {
    if (rng.chance(0.5)) t.displayName = decorate(rng, per.displayName, per);
    else xa.displayName = decorate(rng, per.displayName, per);
  }

  const linkKind = rng.weighted<LinkKind>({ personal: 28, linkinbio: 30, crossprofile: 12, none: 30 });
  let ttExtra: string | null = null;
  let xExtra: string | null = null;
  if (linkKind === 'personal') {
    const d = f.domain(rng.chance(0.6) ? tt : `${per.first}${per.last}`);
    t.bioLink = `https://www.${d}/?utm_source=tiktok`;
    xa.bioLink = rng.pick([`https://${d}`, `https://www.${d}/`, `http://${d}/links`, `https://www.${d}/?utm_source=twitter`]);
  } else if (linkKind === 'linkinbio') {
    const host = rng.pick(LINK_IN_BIO_HOSTS);
    const path = tt.replace(/\./g, '');
    t.bioLink = `https://${host}/${path}`;
    xa.bioLink = rng.chance(0.2) ? `https://${host}/${cap(path)}?utm_source=twitter` : `https://${host}/${path}`;
  } else if (linkKind === 'crossprofile') {
    const side = rng.int(0, 2);
    if (side !== 1) t.bioLink = rng.chance(0.7) ? `https://x.com/${x}` : `https://twitter.com/${x}`;
    if (side !== 0) xa.bioLink = `https://www.tiktok.com/@${tt}`;
  } else if (rng.chance(0.3)) {
    if (rng.chance(0.5)) ttExtra = `X: @${x}`;
    else xExtra = `tiktok.com/@${tt}`;
  }
  if (xa.bioLink) xa.bioLinkShort = tcoLink(rng);
  t.bio = f.bio(per.category, ttExtra);
  xa.bio = f.bio(per.category, xExtra);
  return {
    key, kind: 'creator', category: per.category, displayName: per.displayName, tiktok: t, x: xa,
    handleRelation: relationOf(tt, x), linkKind,
  };
}

function brand(f: AccountFactory, rng: Rng, i: number): GenCreator {
  const b = BRAND_NAMES[i % BRAND_NAMES.length];
  const suffix = i >= BRAND_NAMES.length ? String(Math.floor(i / BRAND_NAMES.length) + 1) : '';
  const name = `${b.name}${suffix ? ' ' + suffix : ''}`;
  const stem = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const key = `brand-${stem}`;
  const per: Person = { first: stem, last: 'brand', category: b.category, displayName: name, baseFollowers: Math.round(rng.logNormal(250_000, 0.8)), region: 'US' };
  const tt = f.handles.claim('TIKTOK', stem);
  const x = f.handles.claim('X', rng.chance(0.6) ? stem : `${stem.slice(0, 11)}${rng.pick(['hq', 'app'])}`);
  const t = f.account('TIKTOK', tt, per, key, accountFollowers(rng, per, 'TIKTOK'));
  const xa = f.account('X', x, per, key, Math.round(per.baseFollowers * rng.logNormal(0.6, 0.4)));
  for (const a of [t, xa]) {
    a.verified = true;
    a.quirk = null;
  }
  xa.verifiedType = 'business';
  const d = f.domain(stem);
  t.bioLink = `https://www.${d}/?utm_source=tiktok`;
  xa.bioLink = `https://www.${d}/`;
  xa.bioLinkShort = tcoLink(rng);
  t.bio = `Official ${name} ${rng.pick(EMOJI)}`;
  xa.bio = `The official account of ${name}. Support: @${x.slice(0, 9)}help`;
  return { key, kind: 'brand', category: b.category, displayName: name, tiktok: t, x: xa, handleRelation: relationOf(tt, x), linkKind: 'personal' };
}

export const BRAND_PRODUCTS: ReadonlyMap<string, string[]> = new Map(
  BRAND_NAMES.map((b) => [b.name.toLowerCase().replace(/[^a-z0-9]/g, ''), b.product]),
);
