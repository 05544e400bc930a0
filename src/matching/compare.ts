/**
 * Comparison levels, the Fellegi-Sunter way (as Splink does it): for each signal, how closely two
 * accounts agree, from exact agreement down to different, with "missing" when one side has
 * nothing to compare. The model (fellegi-sunter.ts) turns each level into a match weight.
 *
 * Display names are compared after their decorations are stripped ("The X", "X Official",
 * "X | News", emoji, titles, fancy letters, accents), exactly and by Jaro-Winkler on the folded
 * text and token overlap, because real accounts of one entity drift in those ways.
 */
import { jaroWinkler } from '@skyra/jaro-winkler';
import type { Platform } from '../graph/model';
import { exactHandle, foldText, normalizeHandle } from '../graph/handle-key';
import type { MatchableAccount } from '../graph/shapes';
import { bioHandles, describeLink, normalizeName, type LinkFacts } from './normalize';

export type { MatchableAccount } from '../graph/shapes';

export type SignalName = 'BIO_LINK' | 'PROFILE_LINK' | 'USERNAME' | 'DISPLAY_NAME' | 'BIO_TEXT';

/** The signals and their levels, strongest agreement first. */
export const SIGNAL_LEVELS = {
  BIO_LINK: ['EXACT', 'DOMAIN', 'DIFFERENT', 'MISSING'],
  PROFILE_LINK: ['POINTS_AT_OTHER', 'POINTS_ELSEWHERE', 'NONE'],
  USERNAME: ['EXACT', 'NORMALIZED', 'SIMILAR', 'SHARED_WORD', 'DIFFERENT'],
  DISPLAY_NAME: ['EXACT', 'SIMILAR', 'SHARED_TOKEN', 'DIFFERENT', 'MISSING'],
  BIO_TEXT: ['SIMILAR', 'SOME', 'DIFFERENT', 'MISSING'],
} as const satisfies Record<SignalName, readonly string[]>;

export const SIGNALS = Object.keys(SIGNAL_LEVELS) as SignalName[];

/** Words that decorate a display name rather than name anyone. */
const NAME_DECORATIONS: ReadonlySet<string> = new Set([
  'the', 'official', 'officiel', 'oficial', 'offiziell', 'real', 'its', 'account', 'page', 'hq', 'tv', 'dr', 'rep',
  'sen', 'prof', 'mr', 'mrs', 'ms', 'chef', 'coach', 'dj', 'mc',
]);

/** What comparison derives from one account, computed once per account rather than once per pair. */
export interface AccountFeatures {
  username: string;
  displayName: string | null | undefined;
  bio: string | null | undefined;
  bioLink: string | null | undefined;
  link: LinkFacts | undefined;
  /** exactHandle. */
  exact: string;
  /** normalizeHandle. */
  norm: string;
  /** Handle words ("hs_neu_ulm" -> hs, neu, ulm; "RepGabeVasquez" -> rep, gabe, vasquez). */
  handleTokens: string[];
  /** Display name folded, decorations stripped, before any " | tail", joined without spaces. */
  nameKey: string;
  /** Tokens of that name. */
  nameTokens: string[];
  /** Tokens of the whole name including a " | tail" (the same array as nameTokens when there is none). */
  allNameTokens: string[];
  /**
   * Blocking and term-frequency keys, built once per account rather than once per look-up (a run
   * looks counts up millions of times, and a fresh string is hashed on each): "handle:<norm>"
   * ('' without one), "name:<nameKey>", "link:<identifying>" ('' without one), and "token:<word>"
   * per word of allNameTokens and of nameTokens (same order).
   */
  handleKey: string;
  nameKeyKey: string;
  linkKey: string;
  allNameTokenKeys: string[];
  nameTokenKeys: string[];
  /** Bio words (folded, 3+ letters), for BIO_TEXT. */
  readonly bioTokens: Set<string>;
  /** Handles written in the bio per platform. */
  written: Record<Platform, string[]>;
  /** normalizeName of the display name: the fixed-points scorer's name key (score.ts). */
  readonly name: string;
}

const featureCache = new WeakMap<MatchableAccount, AccountFeatures>();

function nameTokensOf(s: string): string[] {
  return foldText(s)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '' && !NAME_DECORATIONS.has(t));
}

const NO_HANDLES: Record<Platform, string[]> = Object.freeze({ TIKTOK: Object.freeze([]) as unknown as string[], X: Object.freeze([]) as unknown as string[] });

function tokenKey(word: string): string {
  return `token:${word}`;
}

/** Handle words: split at separators, digits and lower-to-upper case changes. */
export function handleTokens(username: string): string[] {
  return foldText(username)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((t) => t.length > 0);
}

/**
 * The account's derived values, memoised per account object (Unicode folding, URL parsing and bio
 * scanning dominate a pair's cost). Checked against the fields it came from, so an account edited
 * in place is recomputed rather than served stale.
 */
export function features(a: MatchableAccount): AccountFeatures {
  const f = (a as Carrier)[FEATURES] ?? featureCache.get(a);
  if (f && f.username === a.username && f.displayName === a.displayName && f.bio === a.bio && f.bioLink === a.bioLink) return f;
  const name = a.displayName ?? '';
  const head = name.split(/\s[|•·–—-]\s|\|/)[0] ?? name;
  const nameTokens = nameTokensOf(head);
  const fresh = new Features(a, nameTokens, head === name ? nameTokens : nameTokensOf(name));
  if (Object.prototype.hasOwnProperty.call(a, FEATURES)) (a as Carrier)[FEATURES] = fresh;
  else if (Object.isExtensible(a)) Object.defineProperty(a, FEATURES, { value: fresh, writable: true });
  else featureCache.set(a, fresh);
  return fresh;
}

/**
 * Where an account's features are kept: on the account object itself, under a symbol that is not
 * enumerable (spread, JSON, equality and key listings do not see it), because a run asks for them
 * millions of times and a WeakMap look-up per ask (and its 200,000 ephemerons at each collection)
 * was a large share of comparing. Objects that cannot take a property (frozen) use the WeakMap.
 */
const FEATURES = Symbol('matching features');

interface Carrier {
  [FEATURES]?: AccountFeatures;
}

/**
 * AccountFeatures of one account. What blocking needs of every account is computed at once; the
 * bio words and the fixed-points name key, which only a compared pair needs, on first use: most
 * accounts are in no candidate pair, and building their word sets was a large share of a run's
 * time and garbage.
 */
class Features implements AccountFeatures {
  readonly username: string;
  readonly displayName: string | null | undefined;
  readonly bio: string | null | undefined;
  readonly bioLink: string | null | undefined;
  readonly link: LinkFacts | undefined;
  readonly exact: string;
  readonly norm: string;
  readonly handleTokens: string[];
  readonly nameKey: string;
  readonly written: Record<Platform, string[]>;
  readonly handleKey: string;
  readonly nameKeyKey: string;
  readonly linkKey: string;
  readonly allNameTokenKeys: string[];
  readonly nameTokenKeys: string[];
  private words: Set<string> | undefined;
  private fixedName: string | undefined;

  constructor(
    a: MatchableAccount,
    readonly nameTokens: string[],
    readonly allNameTokens: string[],
  ) {
    this.username = a.username;
    this.displayName = a.displayName;
    this.bio = a.bio;
    this.bioLink = a.bioLink;
    this.link = describeLink(a.bioLink);
    this.exact = exactHandle(a.username);
    this.norm = normalizeHandle(a.username);
    this.handleTokens = handleTokens(a.username);
    this.nameKey = nameTokens.join('');
    const written = bioHandles(a.bio);
    // Most bios name no handle: one shared empty record rather than three objects per account.
    this.written = written.TIKTOK.length === 0 && written.X.length === 0 ? NO_HANDLES : written;
    this.handleKey = this.norm === '' ? '' : `handle:${this.norm}`;
    this.nameKeyKey = `name:${this.nameKey}`;
    this.linkKey = this.link?.identifying === undefined ? '' : `link:${this.link.identifying}`;
    this.allNameTokenKeys = allNameTokens.map(tokenKey);
    this.nameTokenKeys = nameTokens === allNameTokens ? this.allNameTokenKeys : nameTokens.map(tokenKey);
  }

  get bioTokens(): Set<string> {
    this.words ??= new Set(
      foldText(this.bio ?? '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((t) => t.length >= 3),
    );
    return this.words;
  }

  get name(): string {
    this.fixedName ??= normalizeName(this.displayName);
    return this.fixedName;
  }
}

/** Jaro-Winkler similarity in [0, 1]; 0 when either side is empty. */
export function similarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  return jaroWinkler(a, b);
}

/** One pair's level per signal (indices into SIGNAL_LEVELS), plus what pointed where. */
export interface Comparison {
  levels: Record<SignalName, number>;
}

function linkLevel(t: AccountFeatures, x: AccountFeatures): number {
  if (!t.link || !x.link) return 3;
  if (t.link.identifying !== undefined && t.link.identifying === x.link.identifying) return 0;
  if (t.link.domain !== undefined && t.link.domain === x.link.domain && !t.link.sharedHost && !x.link.sharedHost) return 1;
  return 2;
}

/** Whether `from` names `to` (bio link to its profile, or its handle written in the bio); null when it names no one there. */
function pointsAt(from: AccountFeatures, fromPlatform: Platform, to: AccountFeatures): boolean | null {
  const other: Platform = fromPlatform === 'TIKTOK' ? 'X' : 'TIKTOK';
  const targets: string[] = [];
  const p = from.link?.profile;
  if (p && p.platform === other) targets.push(p.username);
  targets.push(...from.written[other]);
  if (targets.length === 0) return null;
  return targets.includes(to.exact);
}

function profileLevel(t: AccountFeatures, x: AccountFeatures): number {
  const a = pointsAt(t, 'TIKTOK', x);
  const b = pointsAt(x, 'X', t);
  if (a === true || b === true) return 0;
  if (a === false || b === false) return 1;
  return 2;
}

/** One side's tokens all found in the other's, or joined into the other's handle. */
function containedHandle(a: string, b: string): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return s.length >= 5 && l.includes(s);
}

function sharedTokens(a: readonly string[], b: readonly string[], minLength: number): number {
  let n = 0;
  for (const t of a) if (t.length >= minLength && b.includes(t)) n++;
  return n;
}

function handleLevel(t: AccountFeatures, x: AccountFeatures): number {
  if (t.exact !== '' && t.exact === x.exact) return 0;
  if (t.norm !== '' && t.norm === x.norm) return 1;
  if (containedHandle(t.norm, x.norm) || similarity(t.norm, x.norm) >= 0.9) return 2;
  const shared = sharedTokens(t.handleTokens, x.handleTokens, 3);
  // Two shared words, or one long word that is all of one side ("hochschule" / "hs_hochschule").
  // Shared words are weaker than one handle inside the other: strangers with one surname share them.
  if (shared >= 2 || (sharedTokens(t.handleTokens, x.handleTokens, 5) === 1 && Math.min(t.handleTokens.length, x.handleTokens.length) === 1)) return 3;
  return 4;
}

function nameLevel(t: AccountFeatures, x: AccountFeatures): number {
  if (t.nameKey === '' || x.nameKey === '') return 4;
  if (t.nameKey === x.nameKey) return 0;
  const shared = sharedTokens(t.allNameTokens, x.allNameTokens, 2);
  const fewest = Math.min(t.nameTokens.length, x.nameTokens.length);
  if (similarity(t.nameKey, x.nameKey) >= 0.94 || (fewest >= 2 && sharedTokens(t.nameTokens, x.nameTokens, 1) >= fewest)) return 1;
  if (shared >= 1 && (shared >= 2 || sharedTokens(t.nameTokens, x.nameTokens, 3) >= 1)) return 2;
  return 3;
}

function bioLevel(t: AccountFeatures, x: AccountFeatures): number {
  if (t.bioTokens.size === 0 || x.bioTokens.size === 0) return 3;
  let inter = 0;
  for (const w of t.bioTokens) if (x.bioTokens.has(w)) inter++;
  const jaccard = inter / (t.bioTokens.size + x.bioTokens.size - inter);
  return jaccard >= 0.6 && inter >= 4 ? 0 : jaccard >= 0.25 ? 1 : 2;
}

/** Compares a TikTok account with an X account, signal by signal. */
export function compareAccounts(tiktok: MatchableAccount, x: MatchableAccount): Comparison {
  const t = features(tiktok);
  const xf = features(x);
  return {
    levels: {
      BIO_LINK: linkLevel(t, xf),
      PROFILE_LINK: profileLevel(t, xf),
      USERNAME: handleLevel(t, xf),
      DISPLAY_NAME: nameLevel(t, xf),
      BIO_TEXT: bioLevel(t, xf),
    },
  };
}
