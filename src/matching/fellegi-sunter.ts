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
    USERNAME: [0.54, 0.06, 0.18, 0.22],
    DISPLAY_NAME: [0.5, 0.28, 0.12, 0.06, 0.04],
    BIO_TEXT: [0.35, 0.2, 0.45, 0.0001],
  },
  u: {
    BIO_LINK: [1e-5, 2e-5, 0.3, 0.7],
    PROFILE_LINK: [1e-6, 0.06, 0.94],
    USERNAME: [1e-5, 1e-5, 0.004, 0.996],
    DISPLAY_NAME: [1e-5, 5e-4, 0.02, 0.975, 0.005],
    BIO_TEXT: [0.03, 0.08, 0.89, 0.0001],
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

function sizeOf(pop: Population): number {
  return Math.max(pop.tiktok ?? DEFAULT_POPULATION, pop.x ?? DEFAULT_POPULATION, 1);
}

/** The chance that two unrelated accounts both hold a value that `holders` accounts (both platforms) hold. */
function tfU(holders: number, n: number): number {
  return Math.max(1, holders / 2) / n;
}

/** u of handle agreement (exact or normalised): as rare as the handle, never rarer than its commonness allows. */
export function handleU(norm: string, pop: Population): number {
  const n = sizeOf(pop);
  let u = tfU(pop.keyCount?.(`handle:${norm}`) ?? 0, n);
  if (COMMON_HANDLES.has(norm)) u = Math.max(u, COMMON_WORD_U);
  else if (norm.length <= 4) u = Math.max(u, SHORT_HANDLE_U);
  return Math.min(u, 0.5);
}

function nameU(f: AccountFeatures, pop: Population): number {
  const n = sizeOf(pop);
  let u = tfU(pop.keyCount?.(`name:${f.nameKey}`) ?? 0, n);
  if (f.nameTokens.length === 1) u = Math.max(u, COMMON_HANDLES.has(f.nameKey) ? COMMON_WORD_U / 4 : SINGLE_WORD_NAME_U);
  return Math.min(u, 0.5);
}

function linkU(f: AccountFeatures, pop: Population): number {
  return tfU(pop.keyCount?.(`link:${f.link?.identifying ?? ''}`) ?? 0, sizeOf(pop));
}

/** u of the pair's level on a signal: term frequency for "same value" levels, the model's otherwise. */
export function levelU(signal: SignalName, level: number, t: AccountFeatures, model: FSModel, pop: Population): number {
  if (signal === 'USERNAME' && level <= 1) return handleU(t.norm, pop);
  if (signal === 'DISPLAY_NAME' && level === 0) return nameU(t, pop);
  if (signal === 'BIO_LINK' && level === 0) return linkU(t, pop);
  if (signal === 'PROFILE_LINK' && level === 0) return 1 / sizeOf(pop);
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

/** Weighs a comparison with the model; `t` is the TikTok side's features (the values are equal on agreement). */
export function weigh(comparison: Comparison, t: AccountFeatures, model: FSModel, pop: Population): Weighed {
  const u = {} as Record<SignalName, number>;
  const weight = {} as Record<SignalName, number>;
  let total = priorWeight(model, pop);
  for (const s of SIGNALS) {
    const level = comparison.levels[s];
    const us = levelU(s, level, t, model, pop);
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
  return weigh(compareAccounts(tiktok, x), features(tiktok), model, pop);
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
  if (l.USERNAME <= 1 && handleU(t.norm, pop) >= SHORT_HANDLE_U) out.push('COMMON_HANDLE');
  if (l.DISPLAY_NAME === 0) out.push('NAME_EXACT');
  return out;
}

export const LEVEL_NAMES = SIGNAL_LEVELS;
export type { Platform };
