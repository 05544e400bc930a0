/**
 * Learning the Fellegi-Sunter parameters from the accounts themselves, as Splink does:
 * - u of the levels not taken from term frequency, from random pairs (almost all unrelated);
 * - m and the prior by expectation-maximisation over the candidate pairs, no labels needed: each
 *   pass scores every pair with the current m, then sets m to the levels' shares among pairs
 *   weighted by their match probability;
 * - reviewers' decisions join in as pairs whose probability is known (approved 1, rejected 0),
 *   weighted above unlabelled pairs, so m moves towards what reviewers see.
 * Non-candidate pairs share no blocking key and would have a match probability of about zero,
 * so summing over the candidates is summing over all pairs.
 */
import { compareAccounts, features, SIGNAL_LEVELS, SIGNALS, type MatchableAccount, type SignalName } from './compare';
import { isNeutral, levelU, priorWeight, probabilityOf, type FSModel, type Population } from './fellegi-sunter';

/** A compared pair as EM needs it: levels and the u of each level for this pair. */
export interface TrainingVector {
  levels: Record<SignalName, number>;
  u: Record<SignalName, number>;
  /** A reviewer's decision: 1 same creator, 0 not. */
  label?: 0 | 1;
}

export interface EmOptions {
  /** At most this many passes. Default 40. */
  maxIterations?: number;
  /** Stop when no m moves by more than this. Default 1e-4. */
  tolerance?: number;
  /** How many unlabelled pairs one reviewer decision counts as. Default 5. */
  labelWeight?: number;
  /**
   * How many candidate pairs each unlabelled vector stands for, when EM runs on a sample of them:
   * the prior counts the expected matches of all candidates. Default 1.
   */
  sampleWeight?: number;
}

export interface EmResult {
  model: FSModel;
  iterations: number;
  converged: boolean;
  /** Largest change of any m in each pass. */
  deltas: number[];
}

/** A small deterministic generator (mulberry32): the same accounts always give the same u. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** u per level from `samples` random cross-platform pairs (add-half smoothing, so no level is 0). */
export function sampleU(tiktok: readonly MatchableAccount[], x: readonly MatchableAccount[], prior: FSModel, samples = 20_000): FSModel['u'] {
  if (tiktok.length === 0 || x.length === 0) return prior.u;
  const n = Math.min(samples, tiktok.length * x.length);
  const counts = Object.fromEntries(SIGNALS.map((s) => [s, new Array<number>(SIGNAL_LEVELS[s].length).fill(0)])) as Record<SignalName, number[]>;
  const next = rng(tiktok.length * 31 + x.length);
  for (let i = 0; i < n; i++) {
    const c = compareAccounts(tiktok[Math.floor(next() * tiktok.length)], x[Math.floor(next() * x.length)]);
    for (const s of SIGNALS) counts[s][c.levels[s]]++;
  }
  const u = {} as FSModel['u'];
  for (const s of SIGNALS) {
    const k = counts[s].length;
    u[s] = counts[s].map((c) => (c + 0.5) / (n + 0.5 * k));
  }
  return u;
}

/** The training vector of a pair under `model` and `pop` (u from term frequency where it applies). */
export function trainingVector(tiktok: MatchableAccount, x: MatchableAccount, model: FSModel, pop: Population, label?: 0 | 1): TrainingVector {
  const c = compareAccounts(tiktok, x);
  const t = features(tiktok);
  const xf = features(x);
  const u = {} as Record<SignalName, number>;
  for (const s of SIGNALS) u[s] = levelU(s, c.levels[s], t, model, pop, xf, c.levels);
  return label === undefined ? { levels: c.levels, u } : { levels: c.levels, u, label };
}

function logOdds(v: TrainingVector, m: FSModel['m'], prior: number): number {
  let total = prior;
  for (const s of SIGNALS) {
    const l = v.levels[s];
    if (!isNeutral(s, l)) total += Math.log2(Math.max(m[s][l], 1e-9) / Math.max(v.u[s], 1e-12));
  }
  return total;
}

/**
 * Estimates m (and the prior) by EM over the vectors, starting from `start`. `pop` gives the
 * population sizes the prior is relative to.
 */
export function estimateM(vectors: readonly TrainingVector[], start: FSModel, pop: Population, opts: EmOptions = {}): EmResult {
  const maxIterations = opts.maxIterations ?? 40;
  const tolerance = opts.tolerance ?? 1e-4;
  const labelWeight = opts.labelWeight ?? 5;
  const sampleWeight = opts.sampleWeight ?? 1;
  const smallest = Math.max(1, Math.min(pop.tiktok ?? 1, pop.x ?? 1));
  let model: FSModel = { m: cloneLevels(start.m), u: start.u, matchesPerAccount: start.matchesPerAccount };
  const deltas: number[] = [];
  if (vectors.length === 0) return { model, iterations: 0, converged: true, deltas };
  for (let it = 0; it < maxIterations; it++) {
    const prior = priorWeight(model, pop);
    const sums = Object.fromEntries(SIGNALS.map((s) => [s, new Array<number>(SIGNAL_LEVELS[s].length).fill(0)])) as Record<SignalName, number[]>;
    let total = 0;
    let expectedMatches = 0;
    for (const v of vectors) {
      const p = v.label !== undefined ? v.label : probabilityOf(logOdds(v, model.m, prior));
      const w = v.label !== undefined ? labelWeight : 1;
      expectedMatches += v.label !== undefined ? p : p * sampleWeight;
      total += p * w;
      for (const s of SIGNALS) sums[s][v.levels[s]] += p * w;
    }
    const m = {} as FSModel['m'];
    let delta = 0;
    for (const s of SIGNALS) {
      // One pseudo-pair of the starting m keeps a level nobody reached from collapsing to 0.
      m[s] = sums[s].map((x, l) => (x + start.m[s][l]) / (total + 1));
      for (let l = 0; l < m[s].length; l++) delta = Math.max(delta, Math.abs(m[s][l] - model.m[s][l]));
    }
    model = { m, u: model.u, matchesPerAccount: Math.max(1e-6, expectedMatches / smallest) };
    deltas.push(delta);
    if (delta < tolerance) return { model, iterations: it + 1, converged: true, deltas };
  }
  return { model, iterations: maxIterations, converged: false, deltas };
}

function cloneLevels(m: FSModel['m']): FSModel['m'] {
  return Object.fromEntries(SIGNALS.map((s) => [s, [...m[s]]])) as FSModel['m'];
}
