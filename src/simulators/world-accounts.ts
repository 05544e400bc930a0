/**
 * Creators, brands and their accounts: who exists on which platform, under what handle, display
 * name and bio link, and the look-alikes that are not the same person. This is the part of the
 * world the matcher is scored on, so every relation it draws is recorded (handleRelation,
 * handlePattern, linkKind, collisions). How handles and names relate across platforms, and why in
 * those shares, is world-identity.ts.
 */
export { fancyLetters } from './world-identity';
import type { Platform } from '../graph/model';
import { IdFactory, hexToken, secUid, tcoLink } from './ids';
import type { Rng } from './random';
import {
  BRAND_NAMES,
  CATEGORIES,
  CATEGORY_WORDS,
  COMMON_HANDLES,
  EMOJI,
  FIRST_NAMES,
  LAST_NAMES,
  LINK_IN_BIO_HOSTS,
  ORG_KINDS,
  ORG_PLACES,
  SURNAME_HEADS,
  SURNAME_TAILS,
  TLDS,
  type Category,
} from './vocabulary';
import {
  differentHandle,
  driftName,
  fitHandle,
  HANDLE_RELATION_SHARES,
  joinWords,
  nearHandle,
  relationOf,
  shortenedHandle,
  SQUATTER_SHARE,
  xCase,
  type DifferentPattern,
  type IdentityWords,
} from './world-identity';
import {
  DAY_MS,
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

const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const BIO_PLACES = [
  'NYC', 'LA', 'London', 'Toronto', 'Berlin', 'Paris', 'Madrid', 'Lagos', 'Seoul', 'Sydney', 'Austin', 'Lisbon', 'Mumbai',
  'Chicago', 'Dublin', 'Oslo', 'Rome', 'Denver', 'Atlanta', 'Manila', 'Nairobi', 'Lima', 'Osaka', 'Vienna',
];
const TAGLINE_EXTRAS = [
  'she/her', 'he/him', 'they/them', 'dm for collabs', 'new videos weekly', 'est. 2019', 'views my own',
  'business: see link', 'coffee first', 'dog parent', 'slow living', 'from the 90s', 'not a bot', 'on tour',
];

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

interface Person {
  kind: 'person' | 'org';
  first: string;
  last: string;
  /** The words the creator's handles are built from, in reading order. */
  words: string[];
  category: Category;
  displayName: string;
  baseFollowers: number;
  region: string;
}

/** Surnames are mostly built from parts, so full names are mostly distinct, as real names are. */
function surname(rng: Rng): string {
  return rng.chance(0.1) ? rng.pick(LAST_NAMES) : `${rng.pick(SURNAME_HEADS)}${rng.pick(SURNAME_TAILS)}`;
}

/** A person (88%) or an organisation (a university, council, museum, newsroom: 12%). */
function person(rng: Rng): Person {
  const category = rng.weighted(CATEGORY_WEIGHTS);
  const star = rng.chance(0.02);
  const baseFollowers = Math.round(
    star ? Math.min(90_000_000, rng.pareto(400_000, 1.1)) : Math.min(3_000_000, Math.max(200, rng.logNormal(12_000, 1.1))),
  );
  const region = rng.pick(REGIONS);
  if (rng.chance(0.12)) {
    // Places are mostly made from parts, so two organisations rarely share a whole name.
    const place = rng.chance(0.1) ? rng.pick(ORG_PLACES) : `${rng.pick(SURNAME_HEADS)}${rng.pick(['ton', 'field', 'wood', 'port', 'haven', 'bury', 'stadt', 'ville'])}`;
    const kind = rng.pick(ORG_KINDS);
    const words = [...place.split(' '), ...kind.split(' ')];
    const displayName = words.map((w) => (w === 'fc' ? 'FC' : cap(w))).join(' ');
    return { kind: 'org', first: words[0], last: words[words.length - 1], words, category, displayName, baseFollowers, region };
  }
  const first = rng.pick(FIRST_NAMES);
  const last = surname(rng);
  const w = rng.pick(CATEGORY_WORDS[category]);
  const shape = rng.weighted({ full: 50, nameWord: 20, wordByName: 8, fullWord: 8, initialLast: 8, firstInitial: 6 });
  const words =
    shape === 'full' ? [first, last]
      : shape === 'nameWord' ? [first, w]
        : shape === 'wordByName' ? [w, 'by', first]
          : shape === 'fullWord' ? [first, last, w]
            : shape === 'initialLast' ? [first[0], last]
              : [first, last[0]];
  return { kind: 'person', first, last, words, category, displayName: `${cap(first)} ${cap(last)}`, baseFollowers, region };
}

/** A creator's own handle: its words joined, sometimes with a number kept from sign-up. */
function baseHandle(rng: Rng, per: Person, allowDot: boolean): string {
  const h = joinWords(rng, per.words, allowDot);
  return rng.chance(0.08) ? `${h}${rng.int(1, 99)}` : h;
}

class AccountFactory {
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

  account(p: Platform, username: string, per: Person, creatorKey: string, followers: number): GenAccount {
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
  attrition(a: GenAccount): void {
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

function accountFollowers(rng: Rng, per: Person, p: Platform): number {
  const f =
    p === 'TIKTOK'
      ? per.baseFollowers * rng.logNormal(1, 0.4)
      : per.baseFollowers * X_AUDIENCE_RATIO[per.category] * rng.logNormal(1, 0.7);
  return Math.max(20, Math.round(f));
}

/**
 * Bio links on both platforms: the seed puts them at 35-55% of mid-tier creators (50k+
 * followers); smaller creators link less. Of those with a link on both sides most link the same
 * thing, some link different things (a site on one, a link-in-bio page on the other).
 */
function bothLinkShare(per: Person): number {
  if (per.baseFollowers >= 1_000_000) return 0.55;
  if (per.baseFollowers >= 50_000) return 0.45;
  return 0.3;
}

/** Generates every creator and brand with their accounts. */
export function generateCreators(input: AccountGenInput): { creators: GenCreator[]; collisions: TruthCollision[] } {
  const { rng, creators: n } = input;
  const handles = new HandleRegistry(rng);
  const f = new AccountFactory(input, handles);
  const out: GenCreator[] = [];
  const collisions: TruthCollision[] = [];

  // Roles: about half on both platforms, the rest on one; look-alikes and squatters come out of
  // the singles.
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
  let remainingSingles = singles - 2 * (handlePairs + namePairs);
  for (let i = 0; i < both; i++) {
    const c = bothCreator(f, rng, key(), person(rng));
    out.push(c);
    if (c.handleRelation !== 'unrelated' || remainingSingles <= 0 || !rng.chance(SQUATTER_SHARE)) continue;
    const s = squatter(f, rng, key(), c);
    if (!s) continue;
    remainingSingles--;
    out.push(s.creator);
    collisions.push(s.collision);
  }
  for (let i = 0; i < remainingSingles; i++) out.push(singleCreator(f, rng, key(), person(rng), i % 2 === 0 ? 'TIKTOK' : 'X', null));
  rng.shuffle(out);

  for (let i = 0; i < input.brands; i++) out.push(brand(f, rng, i));
  if (input.malformedRate > 0) guaranteeQuirks(rng, out);
  return { creators: out, collisions };
}

const ACCOUNT_QUIRKS = ['stringCounts', 'missingStats', 'extraField', 'truncated'] as const;

/**
 * Quirks are drawn at `malformedRate`, so a small world can miss one entirely and the clients'
 * handling of it would go untested. When quirks are on at all, every account quirk is carried by
 * at least one live, public creator account (never a brand's: brands stay clean). Runs after every
 * other draw, so a world that already has each quirk is unchanged.
 */
function guaranteeQuirks(rng: Rng, creators: GenCreator[]): void {
  const accounts = creators.filter((c) => c.kind !== 'brand').flatMap((c) => [c.tiktok, c.x].filter((a): a is GenAccount => !!a));
  for (const q of ACCOUNT_QUIRKS) {
    if (accounts.some((a) => a.quirk === q && a.deletedAt === null && !a.private)) continue;
    const clean = accounts.filter((a) => a.quirk === null && a.deletedAt === null && !a.private);
    if (clean.length > 0) rng.pick(clean).quirk = q;
  }
}

/**
 * A stranger holding the creator's handle on the other platform: their TikTok handle on X, or
 * their X handle on TikTok, whichever is free and valid there. Their name is their own; now and
 * then they share the creator's first name (strangers with
 * one whole name are the SAME_DISPLAY_NAME look-alikes).
 */
function squatter(f: AccountFactory, rng: Rng, key: string, c: GenCreator): { creator: GenCreator; collision: TruthCollision } | null {
  const t = c.tiktok!;
  const x = c.x!;
  const onX = fitHandle('X', t.username);
  const onTikTok = fitHandle('TIKTOK', x.username);
  const options: [Platform, string][] = [];
  if (onX.toLowerCase() === t.username && f.handles.isFree('X', onX)) options.push(['X', onX]);
  if (onTikTok === x.username.toLowerCase() && f.handles.isFree('TIKTOK', onTikTok)) options.push(['TIKTOK', onTikTok]);
  if (options.length === 0) return null;
  const [platform, handle] = rng.pick(options);
  const stranger = person(rng);
  const name = rng.weighted({ own: 80, sameFirst: 20 });
  const canonical = c.displayName;
  if (name === 'sameFirst') stranger.displayName = `${canonical.split(' ')[0]} ${cap(stranger.last)}`;
  const s = singleCreator(f, rng, key, stranger, platform, handle);
  const collision: TruthCollision =
    platform === 'X'
      ? { reason: 'SQUATTER', tiktokUserId: t.id, xUserId: s.x!.id }
      : { reason: 'SQUATTER', tiktokUserId: s.tiktok!.id, xUserId: x.id };
  return { creator: s, collision };
}

function singleCreator(f: AccountFactory, rng: Rng, key: string, per: Person, p: Platform, handle: string | null): GenCreator {
  const username = f.handles.claim(p, handle ?? fitHandle(p, baseHandle(rng, per, p === 'TIKTOK')));
  const acc = f.account(p, username, per, key, accountFollowers(rng, per, p));
  f.attrition(acc);
  acc.displayName = per.displayName;
  const linkKind: LinkKind = rng.chance(0.5) ? (rng.chance(0.5) ? 'personal' : 'linkinbio') : 'none';
  if (linkKind === 'personal') acc.bioLink = `https://www.${f.domain(username)}/`;
  if (linkKind === 'linkinbio') acc.bioLink = f.linkPage(rng.pick(LINK_IN_BIO_HOSTS), username.replace(/\./g, ''));
  if (acc.bioLink && p === 'X') acc.bioLinkShort = tcoLink(rng);
  acc.bio = f.bio(per.category, null, f.tagline(per.category));
  return {
    key, kind: 'creator', category: per.category, displayName: per.displayName,
    tiktok: p === 'TIKTOK' ? acc : null, x: p === 'X' ? acc : null, handleRelation: null, linkKind,
  };
}

/** Handles for a creator on both platforms, with the relation drawn from the real shares. */
function pairHandles(f: AccountFactory, rng: Rng, per: Person): { tt: string; x: string; pattern: DifferentPattern | null } {
  const wanted = rng.weighted(HANDLE_RELATION_SHARES);
  let base = baseHandle(rng, per, wanted !== 'identical');
  // A handle both platforms accept: X allows no dots and at most 15 characters; long names are
  // shortened the way organisations do it, else the two sides differ (X's limit at work).
  for (let i = 0; i < 4 && (base.length > 15 || base.includes('.')) && wanted === 'identical'; i++) {
    base = i === 0 ? per.words.join('') : shortenedHandle(rng, per.words);
  }
  let tt = base;
  let x = base;
  let pattern: DifferentPattern | null = null;
  if (wanted === 'near') {
    const v = nearHandle(rng, per.words, base);
    if (rng.chance(0.5)) x = v;
    else tt = v;
  } else if (wanted === 'unrelated') {
    const d = differentHandle(rng, per.words, base, per.region);
    pattern = d.pattern;
    if (rng.chance(0.5)) x = d.handle;
    else tt = d.handle;
  }
  tt = f.handles.claim('TIKTOK', fitHandle('TIKTOK', tt));
  x = f.handles.claim('X', fitHandle('X', xCase(rng, per.words, x)));
  return { tt, x, pattern };
}

function bothCreator(f: AccountFactory, rng: Rng, key: string, per: Person): GenCreator {
  const { tt, x, pattern } = pairHandles(f, rng, per);
  const t = f.account('TIKTOK', tt, per, key, accountFollowers(rng, per, 'TIKTOK'));
  const xa = f.account('X', x, per, key, accountFollowers(rng, per, 'X'));
  f.attrition(t);
  f.attrition(xa);
  const id: IdentityWords = { words: per.words, displayName: per.displayName, first: per.kind === 'person' ? per.first : null, kind: per.kind };
  t.displayName = driftName(rng, id, per.category).name;
  xa.displayName = driftName(rng, id, per.category).name;

  let linkKind: LinkKind = 'none';
  let ttExtra: string | null = null;
  let xExtra: string | null = null;
  if (rng.chance(bothLinkShare(per))) {
    linkKind = rng.weighted({ personal: 40, linkinbio: 40, mixed: 20 });
    const host = rng.pick(LINK_IN_BIO_HOSTS);
    const page = f.linkPage(host, tt.replace(/\./g, ''));
    const path = page.slice(`https://${host}/`.length);
    const d = f.domain(rng.chance(0.6) ? tt : per.words.join(''));
    if (linkKind === 'personal') {
      t.bioLink = `https://www.${d}/?utm_source=tiktok`;
      xa.bioLink = rng.pick([`https://${d}`, `https://www.${d}/`, `http://${d}/links`, `https://www.${d}/?utm_source=twitter`]);
    } else if (linkKind === 'linkinbio') {
      t.bioLink = page;
      xa.bioLink = rng.chance(0.2) ? `https://${host}/${cap(path)}?utm_source=twitter` : page;
    } else {
      // Both link, but not to the same thing: the site on one side, a link page on the other.
      t.bioLink = rng.chance(0.5) ? page : `https://www.${d}/`;
      xa.bioLink = t.bioLink === page ? `https://www.${d}/` : f.linkPage(rng.pick(LINK_IN_BIO_HOSTS), x.toLowerCase());
    }
  } else {
    const other = rng.weighted({ oneSide: 30, crossprofile: 12, bioText: 8, none: 50 });
    if (other === 'oneSide') {
      linkKind = 'oneSide';
      const link = rng.chance(0.5) ? `https://www.${f.domain(per.words.join(''))}/` : f.linkPage(rng.pick(LINK_IN_BIO_HOSTS), tt.replace(/\./g, ''));
      if (rng.chance(0.5)) t.bioLink = link;
      else xa.bioLink = link;
    } else if (other === 'crossprofile') {
      linkKind = 'crossprofile';
      const side = rng.int(0, 2);
      if (side !== 1) t.bioLink = rng.chance(0.7) ? `https://x.com/${x}` : `https://twitter.com/${x}`;
      if (side !== 0) xa.bioLink = `https://www.tiktok.com/@${tt}`;
    } else if (other === 'bioText') {
      if (rng.chance(0.5)) ttExtra = `X: @${x}`;
      else xExtra = `tiktok.com/@${tt}`;
    }
  }
  if (xa.bioLink) xa.bioLinkShort = tcoLink(rng);
  // Half the creators write the same line on both profiles; the rest write each its own.
  const tagline = f.tagline(per.category);
  t.bio = f.bio(per.category, ttExtra, tagline);
  xa.bio = f.bio(per.category, xExtra, rng.chance(0.5) ? tagline : f.tagline(per.category));
  return {
    key, kind: 'creator', category: per.category, displayName: per.displayName, tiktok: t, x: xa,
    handleRelation: relationOf(tt, x), handlePattern: pattern, linkKind,
  };
}

function brand(f: AccountFactory, rng: Rng, i: number): GenCreator {
  const b = BRAND_NAMES[i % BRAND_NAMES.length];
  const suffix = i >= BRAND_NAMES.length ? String(Math.floor(i / BRAND_NAMES.length) + 1) : '';
  const name = `${b.name}${suffix ? ' ' + suffix : ''}`;
  const stem = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const key = `brand-${stem}`;
  const per: Person = { kind: 'org', words: [stem], first: stem, last: 'brand', category: b.category, displayName: name, baseFollowers: Math.round(rng.logNormal(250_000, 0.8)), region: 'US' };
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
