/**
 * The pure part of a matching pass in one call: index the accounts, score the candidate pairs
 * that blocking yields (with the index's handle counts feeding COMMON_HANDLE), and decide
 * statuses against the stored decisions (conflict-aware, reviewer decisions kept). A
 * database-backed run loads accounts and stored matches, calls this, and writes the assignments.
 */

import { assignStatuses, type Assignment, type ExistingMatch } from './assign';
import { BlockingIndex, buildIndex, candidatePairs, type CandidatePair, type OversizedKey } from './blocking';
import { estimateM, sampleU, trainingVector, type EmResult, type TrainingVector } from './estimate';
import type { FSModel } from './fellegi-sunter';
import { assessPair, cachedOptions, scoreKeptPair, type MatchableAccount, type ScoreContext, type ScoredPair } from './score';
import type { MatchOptions, MatchOptionsInput } from './options';

export interface MatchPlan {
  /**
   * One per pair scoring at or above the review threshold (decision AUTO or PENDING): candidate
   * pairs, and stored pairs rescored although they no longer share a key.
   */
  scored: ScoredPair[];
  /**
   * Statuses to store for those pairs, for stored pairs among the candidates that no longer
   * score (status null unless MANUAL), and for stored AUTO matches demoted by a conflict.
   */
  assignments: Assignment[];
  /** Blocking keys too common to block on. */
  oversized: OversizedKey[];
  /** How many candidate pairs were scored. */
  candidateCount: number;
  /** The blocking index built for the plan (accounts and their keys). */
  index: BlockingIndex;
  /** Probabilistic: the parameters the pairs were scored with, and how EM got there (absent when not learnt). */
  model?: FSModel;
  em?: EmResult;
  /** Probabilistic, large populations: accounts per platform the prior and term frequencies are relative to. */
  population?: { tiktok: number; x: number };
  /**
   * Milliseconds per step: indexing, listing the candidate pairs (when learning; otherwise they are
   * listed as they are scored), learning (u and EM), scoring the candidates, assigning.
   */
  timings?: { index: number; pairs: number; learn: number; score: number; assign: number };
}

/**
 * Learns the model for this population: u from random pairs, m (and the prior) by EM over the
 * candidate pairs, with the reviewers' decisions among `existing` as labelled pairs.
 */
export function learnModel(
  index: BlockingIndex,
  candidates: readonly CandidatePair[],
  existing: readonly ExistingMatch[],
  ctx: Required<Pick<ScoreContext, 'keyCount' | 'population'>>,
  opts: MatchOptions,
): EmResult {
  const tiktok = index.accounts.filter((a) => a.platform === 'TIKTOK');
  const x = index.accounts.filter((a) => a.platform === 'X');
  const start: FSModel = { ...opts.fsModel, u: sampleU(tiktok, x, opts.fsModel) };
  const pop = { ...ctx.population, keyCount: ctx.keyCount };
  // EM needs the shares of the levels, not every pair: past EM_SAMPLE candidates an evenly spread
  // sample of them (every k-th, so the same accounts give the same model) estimates the same m.
  const step = Math.max(1, Math.ceil(candidates.length / EM_SAMPLE));
  const vectors: TrainingVector[] = [];
  for (let i = 0; i < candidates.length; i += step) vectors.push(trainingVector(candidates[i].tiktok, candidates[i].x, start, pop));
  // Reviewers' decisions, if any (a first run has none: no map of 200,000 accounts for nothing).
  const labelled = existing.filter((e) => e.status === 'MANUAL' || e.status === 'REJECTED');
  const byId = labelled.length === 0 ? new Map<string, MatchableAccount>() : new Map(index.accounts.map((a) => [a.id, a]));
  for (const e of labelled) {
    const t = byId.get(e.tiktokId);
    const xa = byId.get(e.xId);
    if (t && xa) vectors.push(trainingVector(t, xa, start, pop, e.status === 'MANUAL' ? 1 : 0));
  }
  return estimateM(vectors, start, pop, { sampleWeight: step });
}

/** Candidate pairs EM learns from at most (see learnModel). */
export const EM_SAMPLE = 60_000;

/** Accounts per platform below which the model is not learnt from the data. */
export const MIN_LEARNING_ACCOUNTS = 200;

/**
 * Plans the matches between TikTok and X accounts, in memory; writes nothing. `accounts` may be
 * the accounts already indexed (a full run indexes them as they load: load.ts), with the same
 * options.
 */
export function planMatches(
  accounts: Iterable<MatchableAccount> | BlockingIndex,
  opts?: MatchOptionsInput | MatchOptions,
  existing: Iterable<ExistingMatch> = [],
): MatchPlan {
  const o = cachedOptions(opts);
  const stored = [...existing];
  // Stored pairs not yet met among the candidates; whatever is left after blocking is rescored
  // directly, so a stored match whose accounts no longer share a key is still reconsidered.
  const unseen = new Map(stored.map((e) => [`${e.tiktokId} ${e.xId}`, e]));
  const t0 = performance.now();
  const index = accounts instanceof BlockingIndex ? accounts : buildIndex(accounts, o);
  const t1 = performance.now();
  const ctx: ScoreContext = { handleCount: index.handleCount };
  let em: EmResult | undefined;
  let listing = 0;
  let candidates: Iterable<CandidatePair> = candidatePairs(index);
  if (o.model === 'probabilistic') {
    let tiktok = 0;
    for (const a of index.accounts) if (a.platform === 'TIKTOK') tiktok++;
    // Term frequencies and the prior are relative to the population; a handful of accounts is
    // no population, so small sets are scored as if drawn from the default one.
    const large = Math.min(tiktok, index.accounts.length - tiktok) >= MIN_LEARNING_ACCOUNTS;
    if (large) {
      ctx.population = { tiktok, x: index.accounts.length - tiktok };
      ctx.keyCount = (k: string) => index.keyCount(k);
    }
    // Learning needs a population: u from random pairs and m from a handful of candidates would
    // be noise, so small sets (a sample, a test) are scored with the configured parameters.
    if (o.learn && large && ctx.population && ctx.keyCount) {
      const l0 = performance.now();
      const list = [...candidates];
      candidates = list;
      listing = performance.now() - l0;
      em = learnModel(index, list, stored, { population: ctx.population, keyCount: ctx.keyCount }, o);
      ctx.model = em.model;
    }
  }
  const t2 = performance.now();
  const scored: ScoredPair[] = [];
  const toAssign: ScoredPair[] = [];
  let candidateCount = 0;
  for (const c of candidates) {
    candidateCount++;
    const wasStored = unseen.size > 0 && unseen.delete(`${c.tiktok.id} ${c.x.id}`);
    // Most candidates score nothing: their evidence is built only when they are kept or stored.
    const assessed = assessPair(c.tiktok, c.x, o, ctx);
    if (!wasStored && assessed.decision === 'NONE') continue;
    const s = scoreKeptPair(c.tiktok, c.x, o, ctx, assessed.weighed);
    if (s.decision !== 'NONE') {
      scored.push(s);
      toAssign.push(s);
    } else if (wasStored) {
      // A stored machine match that no longer scores must be told so (status null).
      toAssign.push(s);
    }
  }
  if (unseen.size > 0) {
    const byId = new Map(index.accounts.map((a) => [a.id, a]));
    for (const e of unseen.values()) {
      const t = byId.get(e.tiktokId);
      const x = byId.get(e.xId);
      if (!t || !x) continue;
      const s = scoreKeptPair(t, x, o, ctx);
      if (s.decision !== 'NONE') scored.push(s);
      toAssign.push(s);
    }
  }
  const t3 = performance.now();
  const assignments = assignStatuses(toAssign, stored, o.conflictMarginBits);
  const timings = { index: t1 - t0, pairs: listing, learn: t2 - t1 - listing, score: t3 - t2, assign: performance.now() - t3 };
  const plan: MatchPlan = { scored, assignments, oversized: index.oversizedKeys(), candidateCount, index, timings };
  if (ctx.model) plan.model = ctx.model;
  if (em) plan.em = em;
  if (ctx.population) plan.population = ctx.population;
  return plan;
}
