/**
 * How one creator names themselves on two platforms: the handle on each (and how the two relate),
 * the display name on each (and how it drifts), and the stranger who holds the creator's handle on
 * the other platform. This is the part of the world the matcher is judged on, so it follows
 * public, curated data on real cross-platform accounts, not the matcher's rules:
 *
 * - Handle relations. In Wikidata's official accounts of organisations, the US Congress's
 *   official accounts and universities' accounts (about 4,500 X-Instagram pairs), handles are
 *   equal ignoring case in about 54% of pairs, equal only once separators or a number are
 *   dropped in about 6%, and different in about 39% (`HANDLE_RELATION_SHARES`).
 * - "Different" handles are drawn from the patterns seen in that data (`DIFFERENT_PATTERNS`):
 *   affixes (official, hq, tv, _news, real, the, its, team), country codes, abbreviated words
 *   (hs_neu_ulm / hochschule_neu_ulm), dropped or added words, reordered words, an older or
 *   unrelated handle kept from before (TH_Nuernberg / ohmthnuernberg), and X's 15-character limit.
 * - Display names drift on each side independently (`NAME_DRIFT_SHARES`): "The X", "X Official",
 *   "X | News", emoji, capitals, accents and fancy letters, a title, a first name only, or
 *   something else entirely (a show's or a nickname).
 * - Squatters: a stranger holds the creator's handle on the other platform for `SQUATTER_SHARE`
 *   (30%, above the one in five the data shows as a floor) of creators whose handles differ.
 *
 * "Near" here is this module's own idea (same letters once '.', '_' and a trailing number are
 * dropped, case ignored); it deliberately shares no code with the matcher's normalisation.
 */
import type { Platform } from '../graph/model';
import type { Rng } from './random';
import { ACCENTED, EMOJI, ORG_SHORT } from './vocabulary';
import type { HandleRelation } from './world-model';

/** equal ignoring case / equal once separators or a number go / different: 54 / 6 / 39 (+1 rounding to identical). */
export const HANDLE_RELATION_SHARES: Readonly<Record<HandleRelation, number>> = { identical: 55, near: 6, unrelated: 39 };

/** How "different" handles differ; weights are rough shares of the patterns in the curated pairs. */
export const DIFFERENT_PATTERNS = {
  affix: 26,
  countryCode: 8,
  abbreviation: 18,
  droppedWord: 16,
  reordered: 8,
  legacy: 14,
  truncated: 10,
} as const;
export type DifferentPattern = keyof typeof DIFFERENT_PATTERNS;

/** Share of creators whose handles differ that have a stranger on their handle on the other platform. */
export const SQUATTER_SHARE = 0.3;

/** Per platform, independently: how a display name departs from the canonical one. */
export const NAME_DRIFT_SHARES = {
  none: 52,
  the: 4,
  official: 6,
  pipe: 8,
  emoji: 10,
  caps: 5,
  fancy: 3,
  accents: 3,
  title: 3,
  firstOnly: 3,
  elsewise: 3,
} as const;
export type NameDrift = keyof typeof NAME_DRIFT_SHARES;

const AFFIX_SUFFIXES = ['official', 'hq', 'tv', '_news', '_official', 'app', 'music', 'live', 'team', 'media', 'studio'];
const AFFIX_PREFIXES = ['the', 'real', 'its', 'iam', 'hey', 'team', 'official_', 'watch'];
const COUNTRY_CODES = ['uk', 'us', 'de', 'es', 'fr', 'br', 'mx', 'in', 'jp', 'ca', 'au', 'it'];
const LEGACY_STEMS = ['sk8r', 'xo', 'lil', 'thatgirl', 'notyour', 'mr', 'ms', 'its_just', 'kid', 'dj', 'mc', 'captain', 'moon', 'pixel', 'neon'];
const TITLES = ['Dr.', 'Rep.', 'Chef', 'Coach', 'DJ', 'Prof.', 'Sen.', 'MC'];
const PIPE_TAILS = ['News', 'Official', 'Creator', 'Podcast', 'Live', 'Updates', 'Music', 'Shop'];

const X_MAX = 15;
const TIKTOK_MAX = 24;

/** What a creator's handles are built from: words in reading order ("amy", "lee", "beauty"). */
export interface IdentityWords {
  words: string[];
  /** The creator's canonical display name. */
  displayName: string;
  /** First word of a personal name, for "first name only" drift; null for organisations. */
  first: string | null;
  kind: 'person' | 'org';
}

const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** This module's own "near" test: same letters and digits once separators and a trailing number go. */
export function sameOnceSeparatorsGo(a: string, b: string): boolean {
  const strip = (s: string) => s.toLowerCase().replace(/[._]/g, '').replace(/\d+$/, '');
  return strip(a) !== '' && strip(a) === strip(b);
}

/** The relation of two final handles, by this module's definitions. */
export function relationOf(tt: string, x: string): HandleRelation {
  if (tt.toLowerCase() === x.toLowerCase()) return 'identical';
  return sameOnceSeparatorsGo(tt, x) ? 'near' : 'unrelated';
}

/** A handle from words: joined plainly, with a separator, or with initials. */
export function joinWords(rng: Rng, words: string[], allowDot: boolean): string {
  const sep = rng.weighted({ none: 70, underscore: 20, dot: allowDot ? 10 : 0 });
  return words.join(sep === 'none' ? '' : sep === 'underscore' ? '_' : '.');
}

/** X shows many handles in mixed case ("RepGabeVasquez"): case is the owner's choice there. */
export function xCase(rng: Rng, words: string[], handle: string): string {
  if (!rng.chance(0.45)) return handle;
  let out = handle;
  for (const w of words) {
    const i = out.toLowerCase().indexOf(w.toLowerCase());
    if (i >= 0 && w.length > 0) out = out.slice(0, i) + cap(out.slice(i, i + w.length)) + out.slice(i + w.length);
  }
  return out;
}

function abbreviate(rng: Rng, words: string[]): string[] {
  if (words.length === 1) return [words[0].slice(0, Math.max(3, Math.ceil(words[0].length / 2)))];
  const out = [...words];
  const mode = rng.int(0, 2);
  if (mode === 0) return [out.map((w) => w[0]).join('')]; // all initials: "riverside city library" -> "rcl"
  const i = rng.int(0, out.length - 1);
  out[i] = ORG_SHORT[out[i]] ?? (mode === 1 ? out[i][0] : out[i].slice(0, 3)); // one word shortened
  return out;
}

/** The other platform's handle for a creator whose handles differ, and the pattern used. */
export function differentHandle(rng: Rng, words: string[], base: string, region: string): { handle: string; pattern: DifferentPattern } {
  const pattern = rng.weighted(DIFFERENT_PATTERNS);
  const plain = base.replace(/[._]/g, '');
  switch (pattern) {
    case 'affix':
      return { pattern, handle: rng.chance(0.6) ? `${plain}${rng.pick(AFFIX_SUFFIXES)}` : `${rng.pick(AFFIX_PREFIXES)}${plain}` };
    case 'countryCode': {
      const cc = rng.chance(0.5) ? region.toLowerCase() : rng.pick(COUNTRY_CODES);
      return { pattern, handle: rng.chance(0.5) ? `${plain}${cc}` : `${plain}_${cc}` };
    }
    case 'abbreviation':
      return { pattern, handle: abbreviate(rng, words).join(rng.chance(0.3) ? '_' : '') };
    case 'droppedWord':
      if (words.length > 1) {
        const drop = rng.int(0, words.length - 1);
        const keep = words.filter((_, i) => i !== drop);
        return { pattern, handle: keep.join('') };
      }
      return { pattern, handle: `${plain}${rng.pick(['daily', 'world', 'life', 'hub', 'club'])}` };
    case 'reordered':
      if (words.length > 1) return { pattern, handle: [...words.slice(1), words[0]].join(rng.chance(0.3) ? '_' : '') };
      return { pattern, handle: `${rng.pick(['its', 'just', 'only'])}${plain}` };
    case 'legacy':
      return { pattern, handle: `${rng.pick(LEGACY_STEMS)}${rng.chance(0.5) ? words[0] : words[words.length - 1]}${rng.int(0, 1) ? rng.int(1, 99) : ''}` };
    default: // truncated: a long name cut at X's 15 characters, or shortened by hand to fit
      return { pattern, handle: rng.chance(0.5) ? `${words.join('')}${rng.pick(AFFIX_SUFFIXES)}`.slice(0, X_MAX) : words.map((w) => w.slice(0, 4)).join('') };
  }
}

/** A handle short enough for X made the way organisations shorten theirs: some words abbreviated. */
export function shortenedHandle(rng: Rng, words: string[]): string {
  return abbreviate(rng, words).join('');
}

/** A near variant: separators moved, or a number added on one side. */
export function nearHandle(rng: Rng, words: string[], base: string): string {
  const plain = base.replace(/[._]/g, '');
  switch (rng.int(0, 3)) {
    case 0:
      return base.includes('_') || base.includes('.') ? plain : words.join('_');
    case 1:
      return `${plain}_`;
    case 2:
      return `${plain}${rng.pick(['1', '2', '7', '22', '99', String(rng.int(1980, 2012))])}`;
    default:
      return words.length > 1 ? words.join('.') : `_${plain}`;
  }
}

/** A handle valid on the platform (TikTok: lower-case letters, digits, '_' and '.'; X: letters, digits, '_', at most 15). */
export function fitHandle(p: Platform, h: string): string {
  if (p === 'TIKTOK') {
    const s = h.toLowerCase().replace(/[^a-z0-9_.]/g, '').replace(/\.+$/, '').slice(0, TIKTOK_MAX);
    return s.length >= 2 ? s : `${s}__`.slice(0, 2);
  }
  const s = h.replace(/\./g, '_').replace(/[^A-Za-z0-9_]/g, '').slice(0, X_MAX);
  return s.length >= 1 ? s : '_';
}

/** The display name as shown on one platform. */
export function driftName(rng: Rng, id: IdentityWords, category: string): { name: string; drift: NameDrift } {
  const drift = rng.weighted(NAME_DRIFT_SHARES);
  const n = id.displayName;
  switch (drift) {
    case 'none':
      return { drift, name: n };
    case 'the':
      return { drift, name: `The ${n}` };
    case 'official':
      return { drift, name: rng.chance(0.5) ? `${n} Official` : `${n} (official)` };
    case 'pipe':
      return { drift, name: `${n} | ${rng.chance(0.5) ? cap(category) : rng.pick(PIPE_TAILS)}` };
    case 'emoji':
      return { drift, name: rng.chance(0.7) ? `${n} ${rng.pick(EMOJI)}` : `${rng.pick(EMOJI)} ${n} ${rng.pick(EMOJI)}` };
    case 'caps':
      return { drift, name: rng.chance(0.5) ? n.toUpperCase() : n.toLowerCase() };
    case 'fancy':
      return { drift, name: fancyLetters(n) };
    case 'accents':
      return { drift, name: n.split(' ').map((w) => ACCENTED[w.toLowerCase()] ?? w.replace(/e/, 'é')).join(' ') };
    case 'title':
      return { drift, name: `${rng.pick(TITLES)} ${n}` };
    case 'firstOnly':
      return { drift, name: id.first ? cap(id.first) : n.split(' ')[0] };
    default:
      // Something else entirely: a nickname or a show's name, the creator's own.
      return { drift, name: rng.chance(0.5) ? `${cap(rng.pick(LEGACY_STEMS))} ${cap(id.words[id.words.length - 1])} ${rng.pick(PIPE_TAILS)}` : `${cap(rng.pick(LEGACY_STEMS))}${rng.int(1, 999)}` };
  }
}

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
