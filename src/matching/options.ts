/**
 * The knobs of cross-platform matching: signal weights, decision thresholds, what counts as a
 * common handle and how large a blocking key may grow. Defaults follow the seed article
 * (bio link 60, handle 30, name 10; auto-approve at 60 with a strong reason, review from 30).
 * Callers pass a partial object; `resolveMatchOptions` fills in the defaults and validates.
 */

import type { MatchReason } from '../graph/model';
import { COMMON_HANDLES } from './common-handles';
import { DEFAULT_FS_MODEL, type FSModel } from './fellegi-sunter';

/**
 * 'probabilistic': Fellegi-Sunter (fellegi-sunter.ts), the score is the match probability in
 * percent. 'fixed': the seed's fixed points (bio link 60, handle 30, name 10), kept for comparison.
 */
export type ScoringModel = 'probabilistic' | 'fixed';

export interface MatchWeights {
  /** Points for BIOLINK_EXACT and for each PROFILE_LINK direction. Default 60. */
  bioLink: number;
  /** Points for BIOLINK_DOMAIN (same registrable domain, different link). Default 30. */
  bioDomain: number;
  /** Points for HANDLE_EXACT. Default 30. */
  handle: number;
  /**
   * Points for HANDLE_NORMALIZED. Default 30, as in the seed (whose "handle" score compares
   * normalised handles); what separates it from HANDLE_EXACT is that it is not a strong reason.
   */
  handleNormalized: number;
  /** Points for NAME_EXACT. Default 10. */
  name: number;
  /** Points SUBTRACTED by COMMON_HANDLE when the equal handle is common. Default 20. */
  commonHandlePenalty: number;
}

export interface CommonHandleOptions {
  /** A normalised handle this long or shorter is common. Default 4. */
  maxShortLength: number;
  /**
   * A normalised handle held by at least this many accounts (both platforms together, as counted
   * by the blocking index) is common. Default 5.
   */
  minSharedAccounts: number;
  /** Normalised handles that are common words or first names. Default `COMMON_HANDLES`. */
  words: ReadonlySet<string>;
}

export interface MatchOptions {
  model: ScoringModel;
  /** Probabilistic: match probability at or above which a pair is auto-approved. Default 0.97. */
  autoProbability: number;
  /** Probabilistic: match probability at or above which a pair goes to review. Default 0.25. */
  reviewProbability: number;
  /** Probabilistic: starting (and fallback) parameters; a full run learns m from the data. */
  fsModel: FSModel;
  /**
   * Probabilistic: log2 odds by which the better of two candidates sharing an account must beat
   * the other to win outright (the other is not proposed); closer rivals both go to review.
   * Default 6 (64 times likelier).
   */
  conflictMarginBits: number;
  /** Probabilistic: learn m by EM on each full run (else `fsModel` as given). Default true. */
  learn: boolean;
  /**
   * A name or handle word held by at most this many accounts (both platforms) is a blocking key,
   * so pairs whose handles differ are still found; commoner words pair nothing. Default 12.
   */
  maxTokenBlockSize: number;
  weights: MatchWeights;
  /** Score at or above which a pair with a strong reason is auto-approved. Default 60. */
  autoThreshold: number;
  /** Score at or above which a pair goes to manual review. Default 30. */
  reviewThreshold: number;
  /**
   * Reasons that allow auto-approval. Default BIOLINK_EXACT, PROFILE_LINK, HANDLE_EXACT
   * (HANDLE_EXACT does not count when the handle is common).
   */
  strongReasons: readonly MatchReason[];
  commonHandle: CommonHandleOptions;
  /**
   * A blocking key shared by more accounts than this (both platforms together) is too common to
   * block on: it yields no candidate pairs and is reported instead. Default 50.
   */
  maxBlockSize: number;
  /** Normalised display names shorter than this are not used as blocking keys. Default 3. */
  minNameKeyLength: number;
}

export type MatchOptionsInput = {
  model?: ScoringModel;
  autoProbability?: number;
  reviewProbability?: number;
  fsModel?: FSModel;
  conflictMarginBits?: number;
  learn?: boolean;
  maxTokenBlockSize?: number;
  weights?: Partial<MatchWeights>;
  autoThreshold?: number;
  reviewThreshold?: number;
  strongReasons?: readonly MatchReason[];
  commonHandle?: Partial<CommonHandleOptions>;
  maxBlockSize?: number;
  minNameKeyLength?: number;
};

export const DEFAULT_MATCH_OPTIONS: MatchOptions = Object.freeze({
  model: 'probabilistic' as ScoringModel,
  autoProbability: 0.97,
  reviewProbability: 0.25,
  fsModel: DEFAULT_FS_MODEL,
  conflictMarginBits: 6,
  learn: true,
  maxTokenBlockSize: 12,
  weights: Object.freeze({
    bioLink: 60,
    bioDomain: 30,
    handle: 30,
    handleNormalized: 30,
    name: 10,
    commonHandlePenalty: 20,
  }),
  autoThreshold: 60,
  reviewThreshold: 30,
  strongReasons: Object.freeze(['BIOLINK_EXACT', 'PROFILE_LINK', 'HANDLE_EXACT'] as MatchReason[]),
  commonHandle: Object.freeze({ maxShortLength: 4, minSharedAccounts: 5, words: COMMON_HANDLES }),
  maxBlockSize: 50,
  minNameKeyLength: 3,
});

/** Thrown when matching options are inconsistent (e.g. review threshold above auto threshold). */
export class MatchOptionsError extends Error {
  override readonly name = 'MatchOptionsError';
}

function finite(name: string, v: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new MatchOptionsError(`${name} must be a finite number, got ${String(v)}`);
  return v;
}

/** Defaults filled in and checked; an already resolved object passes through unchanged in value. */
export function resolveMatchOptions(input: MatchOptionsInput = {}): MatchOptions {
  const d = DEFAULT_MATCH_OPTIONS;
  const weights: MatchWeights = { ...d.weights, ...input.weights };
  for (const [k, v] of Object.entries(weights)) {
    if (finite(`weights.${k}`, v) < 0) throw new MatchOptionsError(`weights.${k} must not be negative (a penalty is subtracted)`);
  }
  const opts: MatchOptions = {
    model: input.model ?? d.model,
    autoProbability: finite('autoProbability', input.autoProbability ?? d.autoProbability),
    reviewProbability: finite('reviewProbability', input.reviewProbability ?? d.reviewProbability),
    fsModel: input.fsModel ?? d.fsModel,
    conflictMarginBits: finite('conflictMarginBits', input.conflictMarginBits ?? d.conflictMarginBits),
    learn: input.learn ?? d.learn,
    maxTokenBlockSize: finite('maxTokenBlockSize', input.maxTokenBlockSize ?? d.maxTokenBlockSize),
    weights,
    autoThreshold: finite('autoThreshold', input.autoThreshold ?? d.autoThreshold),
    reviewThreshold: finite('reviewThreshold', input.reviewThreshold ?? d.reviewThreshold),
    strongReasons: input.strongReasons ?? d.strongReasons,
    commonHandle: { ...d.commonHandle, ...input.commonHandle },
    maxBlockSize: finite('maxBlockSize', input.maxBlockSize ?? d.maxBlockSize),
    minNameKeyLength: finite('minNameKeyLength', input.minNameKeyLength ?? d.minNameKeyLength),
  };
  if (opts.reviewThreshold > opts.autoThreshold) {
    throw new MatchOptionsError(`reviewThreshold (${opts.reviewThreshold}) must not exceed autoThreshold (${opts.autoThreshold})`);
  }
  if (opts.model !== 'probabilistic' && opts.model !== 'fixed') throw new MatchOptionsError(`model must be 'probabilistic' or 'fixed', got ${String(opts.model)}`);
  for (const k of ['autoProbability', 'reviewProbability'] as const) {
    if (opts[k] < 0 || opts[k] > 1) throw new MatchOptionsError(`${k} must be a probability (0..1), got ${opts[k]}`);
  }
  if (opts.reviewProbability > opts.autoProbability) {
    throw new MatchOptionsError(`reviewProbability (${opts.reviewProbability}) must not exceed autoProbability (${opts.autoProbability})`);
  }
  if (opts.maxBlockSize < 2) throw new MatchOptionsError('maxBlockSize must be at least 2 (one account per platform)');
  finite('commonHandle.maxShortLength', opts.commonHandle.maxShortLength);
  finite('commonHandle.minSharedAccounts', opts.commonHandle.minSharedAccounts);
  return opts;
}
