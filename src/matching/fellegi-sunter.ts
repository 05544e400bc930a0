/**
 * The Fellegi-Sunter match model, as Splink uses it. Each signal's comparison level has an m
 * probability (how often true pairs land on it) and a u probability (how often two unrelated
 * accounts do); the level's match weight is log2(m / u), the Bayes factor in bits. The pair's
 * match probability is the prior odds times the product of the Bayes factors.
 *
 * u comes from term frequency where a level means "the same value" (an exact handle, name or link
 * is as rare as the accounts sharing it: a unique handle is strong evidence, "john" weak) and from
 * random pairs otherwise; m is estimated by expectation-maximisation (estimate.ts) and refined by
 * reviewers' decisions. Missing levels (no link, no bio, no name, no pointer) weigh nothing.
 *
 * The prior is the chance that two random accounts (one per platform) are one creator:
 * `matchesPerAccount / max(tiktokAccounts, xAccounts)`. Term-frequency u values scale the same
 * way (one holder in N), so the same evidence gives the same probability at any population size.
 */
import type { MatchReason, Platform } from '../graph/model';
import { compareAccounts, features, SIGNAL_LEVELS, SIGNALS, type AccountFeatures, type Comparison, type MatchableAccount, type SignalName } from './compare';
import { COMMON_HANDLES } from './common-handles';

export interface FSModel {
  /** m per signal, one per level (SIGNAL_LEVELS order). */
  m: Record<SignalName, number[]>;
  /** u per signal for levels not taken from term frequency. */
  u: Record<SignalName, number[]>;
  /** Expected true pairs per account of the larger platform (the prior, see above). */
  matchesPerAccount: number;
}

/**
 * Starting values: m from the shares in public, curated cross-platform account data (54% equal
 * handles, 6% normalised, drifting names, links on both sides for about half), u from random
 * pairs of the simulated world. EM replaces m on every full run; these stand when there is
 * nothing to learn from (a single pair, the incremental matcher).
 */
export const DEFAULT_FS_MODEL: FSModel = Object.freeze({
  m: {
    BIO_LINK: [0.3, 0.02, 0.1, 0.58],
    PROFILE_LINK: [0.12, 0.005, 0.875],
    USERNAME: [0.54, 0.06, 0.12, 0.06, 0.22],
    DISPLAY_NAME: [0.5, 0.28, 0.12, 0.06, 0.04],
    BIO_TEXT: [0.35, 0.2, 0.45, 0.0001],
  },
  u: {
    BIO_LINK: [1e-5, 2e-5, 0.3, 0.7],
    PROFILE_LINK: [1e-6, 0.06, 0.94],
    USERNAME: [1e-5, 1e-5, 6e-4, 1e-4, 0.9993],
    DISPLAY_NAME: [1e-5, 2e-4, 0.008, 0.987, 0.005],
    BIO_TEXT: [0.003, 0.046, 0.95, 0.0001],
  },
  matchesPerAccount: 0.5,
}) as FSModel;

/** Levels that weigh nothing: nothing was there to compare. */
const NEUTRAL: Record<SignalName, number> = { BIO_LINK: 3, PROFILE_LINK: 2, USERNAME: -1, DISPLAY_NAME: 4, BIO_TEXT: 3 };

/** Population facts the model needs beyond the pair. */
export interface Population {
  /** Accounts per platform; absent: 100,000 each (any size gives the same weights, see above). */
  tiktok?: number;
  x?: number;
  /** Accounts (both platforms) holding a blocking key ("handle:amy", "name:amylee", "link:..."). */
  keyCount?: (key: string) => number;
}

const DEFAULT_POPULATION = 100_000;
/** u floors for handles equal to everyday words and first names, and for very short handles. */
const COMMON_WORD_U = 0.2;
const SHORT_HANDLE_U = 0.02;
const SINGLE_WORD_NAME_U = 1e-3;
const POINTER_U = 1e-3;

function sizeOf(pop: Population): number {
  return Math.max(pop.tiktok ?? DEFAULT_POPULATION, pop.x ?? DEFAULT_POPULATION, 1);
}

/** The chance that two unrelated accounts both hold a value that `holders` accounts (both platforms) hold. */
function tfU(holders: number, n: number): number {
  return Math.max(1, holders / 2) / n;
}

/** u of handle agreement (exact or normalised): as rare as the handle, never rarer than its commonness allows. */
export function handleU(norm: string, pop: Population, key = `handle:${norm}`): number {
  const n = sizeOf(pop);
  let u = tfU(pop.keyCount?.(key) ?? 0, n);
  if (COMMON_HANDLES.has(norm)) u = Math.max(u, COMMON_WORD_U);
  else if (norm.length <= 4) u = Math.max(u, SHORT_HANDLE_U);
  return Math.min(u, 0.5);
}

function nameU(f: AccountFeatures, pop: Population): number {
  const n = sizeOf(pop);
  let u = tfU(pop.keyCount?.(f.nameKeyKey) ?? 0, n);
  if (f.nameTokens.length === 1) u = Math.max(u, COMMON_HANDLES.has(f.nameKey) ? COMMON_WORD_U / 4 : SINGLE_WORD_NAME_U);
  return Math.min(u, 0.5);
}

function linkU(f: AccountFeatures, pop: Population): number {
  return tfU(pop.keyCount?.(f.linkKey === '' ? 'link:' : f.linkKey) ?? 0, sizeOf(pop));
}

/** Accounts holding the rarest name word (3+ letters) the two names share; undefined when not counted. */
export function rarestSharedToken(t: AccountFeatures, x: AccountFeatures, pop: Population): number | undefined {
  if (!pop.keyCount) return undefined;
  let least: number | undefined;
  const words = t.allNameTokens;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.length < 3 || !x.allNameTokens.includes(w)) continue;
    const n = pop.keyCount(t.allNameTokenKeys[i]);
    if (n > 0 && (least === undefined || n < least)) least = n;
  }
  return least;
}

/**
 * u of names sharing a word: a common word ("sara", "music") is shared by strangers as often as
 * its holders are common, so term frequency weakens it; a rare word keeps the random-pair u rather
 * than a tiny term frequency, because a shared surname is also what relatives, teams and fan
 * accounts have, and the handle often repeats the same word (not independent evidence).
 */
function sharedTokenU(t: AccountFeatures, x: AccountFeatures, model: FSModel, pop: Population): number {
  // Words both handles spell out ("kitchen_by_uma" / "kitchenbyuma", names "Uma Valmond" / "Uma
  // Norski") were weighed with the handles: sharing them again in the names is the same evidence,
  // so the level weighs nothing (u = m). Not when the handles are exactly equal: then the question
  // is whether the other account is the owner or a stranger holding the handle (a squatter), and a
  // name that carries the handle's words ("mariastenby": "Maria" / "Maria Stenby") is evidence
  // for the owner that the handle alone does not give.
  if (t.exact !== x.exact && sharedWordsInHandles(t, x)) return model.m.DISPLAY_NAME[2];
  const base = model.u.DISPLAY_NAME[2];
  const least = rarestSharedToken(t, x, pop);
  return least === undefined ? base : Math.min(0.5, Math.max(base, tfU(least, sizeOf(pop))));
}

/** True when the names share words (3+ letters) and every one of them is inside both normalised handles. */
function sharedWordsInHandles(t: AccountFeatures, x: AccountFeatures): boolean {
  let any = false;
  for (const w of t.allNameTokens) {
    if (w.length < 3 || !x.allNameTokens.includes(w)) continue;
    if (!t.norm.includes(w) || !x.norm.includes(w)) return false;
    any = true;
  }
  return any;
}

/**
 * How often two different people with one name have handles agreeing at each USERNAME level
 * (exact, normalised, similar, shared words) when the handle is spelled from that name: namesakes
 * build their handles from the same few spellings of it (joined, with "_" or ".", an initial, a
 * number), so about one pair in fifty picks the identical spelling on the two platforms and one
 * in twenty a variant of it.
 */
const NAMESAKE_HANDLE_AGREEMENT = [0.02, 0.05, 0.05, 0.1];

/** What is left of a normalised handle once the words of the display name are taken out of it. */
function handleBeyondName(f: AccountFeatures): string {
  let rest = f.norm;
  for (const w of [...f.allNameTokens].sort((a, b) => b.length - a.length)) if (w.length >= 2) rest = rest.replace(w, '');
  return rest;
}

/** True when one of the two handles is the display name spelled out (its words, at most two letters besides). */
export function handleSpelledFromName(t: AccountFeatures, x: AccountFeatures): boolean {
  return handleBeyondName(t).length <= 2 || handleBeyondName(x).length <= 2;
}

/**
 * Expected holders (both platforms) of a whole name of two or more words, from how common its
 * words are: population x the product of each word's share of accounts. In a large population
 * whole names repeat although each holder count looks small (two holders: "only these two");
 * this is the name's frequency the population implies. Words too short to be counted count as
 * common (share 1). Undefined when word counts are not known.
 */
export function expectedNameHolders(f: AccountFeatures, pop: Population): number | undefined {
  if (!pop.keyCount || f.nameTokens.length < 2) return undefined;
  const total = Math.max(1, (pop.tiktok ?? DEFAULT_POPULATION) + (pop.x ?? DEFAULT_POPULATION));
  let expected = total;
  for (let i = 0; i < f.nameTokens.length; i++) {
    const held = f.nameTokens[i].length >= 3 ? pop.keyCount(f.nameTokenKeys[i]) : 0;
    expected *= held > 0 ? Math.min(1, held / total) : 1;
  }
  return expected;
}

/**
 * u of a handle agreeing at `level` (0-3) when the display names are equal and the handle is
 * spelled from the name. Fellegi-Sunter takes signals as independent, but such a handle is not:
 * two namesakes agree on it far more often than two random accounts. Given the names agree, the
 * handle's u is the chance that the name's other holders are namesakes with an agreeing handle:
 * the namesake agreement rate times the name's expected holders (from its words) over its
 * counted ones. In a small population or for a rare name that is below the handle's own u and
 * changes nothing; where whole names repeat, the handle stops doubling the name's evidence and
 * an exact handle with an equal name needs corroboration (a link, a pointer, a similar bio).
 */
export function handleGivenNameU(level: number, t: AccountFeatures, x: AccountFeatures, pop: Population, nameU: number): number {
  const expected = expectedNameHolders(t, pop);
  if (expected === undefined || level > 3 || !handleSpelledFromName(t, x)) return 0;
  // The chance that a random account of the other platform is a namesake, as the words imply
  // (no floor: a rare name's namesakes are few), against the name's u as counted.
  const namesakeU = expected / 2 / sizeOf(pop);
  return NAMESAKE_HANDLE_AGREEMENT[level] * Math.min(1, namesakeU / Math.max(nameU, 1e-12));
}

/** Accounts (both platforms) with this display name (decorations stripped); 0 when not counted. */
export function nameHolders(f: AccountFeatures, pop: Population): number {
  return pop.keyCount?.(f.nameKeyKey) ?? 0;
}

/**
 * u of the pair's level on a signal: term frequency for "same value" levels, the model's otherwise.
 * `x` (the X side's features) is needed for levels whose value is what the two share (a name word),
 * `levels` (the pair's other levels) where one signal depends on another (handleGivenNameU).
 */
export function levelU(
  signal: SignalName,
  level: number,
  t: AccountFeatures,
  model: FSModel,
  pop: Population,
  x?: AccountFeatures,
  levels?: Readonly<Record<SignalName, number>>,
): number {
  const u = independentU(signal, level, t, model, pop, x);
  // A handle spelled from an equal name depends on the name (handleGivenNameU).
  if (signal === 'USERNAME' && level <= 3 && levels?.DISPLAY_NAME === 0 && x) {
    return Math.min(0.5, Math.max(u, handleGivenNameU(level, t, x, pop, nameU(t, pop))));
  }
  return u;
}

function independentU(signal: SignalName, level: number, t: AccountFeatures, model: FSModel, pop: Population, x?: AccountFeatures): number {
  if (signal === 'USERNAME' && level <= 1) return handleU(t.norm, pop, t.handleKey === '' ? 'handle:' : t.handleKey);
  if (signal === 'DISPLAY_NAME' && level === 0) return nameU(t, pop);
  if (signal === 'DISPLAY_NAME' && level === 2 && x) return sharedTokenU(t, x, model, pop);
  if (signal === 'BIO_LINK' && level === 0) return linkU(t, pop);
  // A bio naming an account on the other platform names its owner's own account in nearly every
  // case (a friend's or a collaborator's is the exception, taken as 1 in 1,000): far rarer between
  // strangers than one in N.
  if (signal === 'PROFILE_LINK' && level === 0) return POINTER_U / sizeOf(pop);
  return model.u[signal][level];
}

/** log2 of the prior odds that two random accounts are one creator. */
export function priorWeight(model: FSModel, pop: Population): number {
  const lambda = Math.min(0.5, model.matchesPerAccount / sizeOf(pop));
  return Math.log2(lambda / (1 - lambda));
}

/** A pair compared and weighed: per signal its level, u and weight. */
export interface Weighed {
  comparison: Comparison;
  /** Per signal: u used (term frequency or model) and log2(m/u) (0 for neutral levels). */
  u: Record<SignalName, number>;
  weight: Record<SignalName, number>;
  /** Prior plus every weight: the pair's log2 odds. */
  total: number;
  probability: number;
}

export function isNeutral(signal: SignalName, level: number): boolean {
  return NEUTRAL[signal] === level;
}

/** Weighs a comparison with the model; `t` and `x` are the two sides' features. */
export function weigh(comparison: Comparison, t: AccountFeatures, model: FSModel, pop: Population, x?: AccountFeatures): Weighed {
  const u = {} as Record<SignalName, number>;
  const weight = {} as Record<SignalName, number>;
  let total = priorWeight(model, pop);
  for (const s of SIGNALS) {
    const level = comparison.levels[s];
    const us = levelU(s, level, t, model, pop, x, comparison.levels);
    u[s] = us;
    const w = isNeutral(s, level) ? 0 : Math.log2(Math.max(model.m[s][level], 1e-9) / Math.max(us, 1e-12));
    weight[s] = w;
    total += w;
  }
  return { comparison, u, weight, total, probability: probabilityOf(total) };
}

/** log2 odds to probability, without overflow. */
export function probabilityOf(log2Odds: number): number {
  if (log2Odds > 60) return 1;
  if (log2Odds < -60) return 0;
  const odds = 2 ** log2Odds;
  return odds / (1 + odds);
}

/** Compares and weighs one pair. */
export function weighPair(tiktok: MatchableAccount, x: MatchableAccount, model: FSModel, pop: Population): Weighed {
  return weigh(compareAccounts(tiktok, x), features(tiktok), model, pop, features(x));
}

/** The reasons a weighed pair carries (the contract's MatchReason), strongest signals first. */
export function reasonsOf(w: Weighed, t: AccountFeatures, pop: Population): MatchReason[] {
  const l = w.comparison.levels;
  const out: MatchReason[] = [];
  if (l.BIO_LINK === 0) out.push('BIOLINK_EXACT');
  if (l.BIO_LINK === 1) out.push('BIOLINK_DOMAIN');
  if (l.PROFILE_LINK === 0) out.push('PROFILE_LINK');
  if (l.USERNAME === 0) out.push('HANDLE_EXACT');
  if (l.USERNAME === 1) out.push('HANDLE_NORMALIZED');
  if (l.USERNAME <= 1 && handleU(t.norm, pop, t.handleKey === '' ? 'handle:' : t.handleKey) >= SHORT_HANDLE_U) out.push('COMMON_HANDLE');
  if (l.DISPLAY_NAME === 0) out.push('NAME_EXACT');
  return out;
}

export const LEVEL_NAMES = SIGNAL_LEVELS;
export type { Platform };
