/** The matcher: which model, its decision probabilities, the fixed-points weights, blocking. */
import { z } from 'zod';
import { int, type ConfigIssue } from './fields';

export const MatchingEnv = z.object({
  /** 'probabilistic' (Fellegi-Sunter, the default) or 'fixed' (the seed's points, for comparison). */
  MATCH_MODEL: z.enum(['probabilistic', 'fixed']).default('probabilistic'),
  /** Probabilistic: match probabilities at or above which a pair is auto-approved / sent to review. */
  MATCH_AUTO_PROBABILITY: z.coerce.number().min(0).max(1).default(0.97),
  MATCH_REVIEW_PROBABILITY: z.coerce.number().min(0).max(1).default(0.25),
  /**
   * Probabilistic: log2 odds by which the better of two candidates for one account must beat the
   * other to win outright; closer rivals both go to review. 0 lets the better one always win.
   */
  MATCH_CONFLICT_MARGIN_BITS: z.coerce.number().min(0).max(64).default(6),
  MATCH_WEIGHT_BIOLINK: int(0, 100).default(60),
  MATCH_WEIGHT_HANDLE: int(0, 100).default(30),
  MATCH_WEIGHT_NAME: int(0, 100).default(10),
  MATCH_AUTO_THRESHOLD: int(0, 200).default(60),
  MATCH_REVIEW_THRESHOLD: int(0, 200).default(30),
  /** A blocking key shared by more accounts than this is too common to pair on. */
  MATCH_MAX_BLOCK_SIZE: int(2, 100000).default(50),
});

export interface MatchingConfig {
  model: 'probabilistic' | 'fixed';
  autoProbability: number;
  reviewProbability: number;
  conflictMarginBits: number;
  weights: { bioLink: number; handle: number; name: number };
  autoThreshold: number;
  reviewThreshold: number;
  maxBlockSize: number;
}

/** The review bar may not sit above the auto bar (a pair would skip review on its way up). */
export function matchingIssue(e: z.infer<typeof MatchingEnv>): ConfigIssue | undefined {
  if (e.MATCH_REVIEW_PROBABILITY > e.MATCH_AUTO_PROBABILITY) {
    return { variable: 'MATCH_REVIEW_PROBABILITY', message: 'must not exceed MATCH_AUTO_PROBABILITY' };
  }
  if (e.MATCH_REVIEW_THRESHOLD > e.MATCH_AUTO_THRESHOLD) {
    return { variable: 'MATCH_REVIEW_THRESHOLD', message: 'must not exceed MATCH_AUTO_THRESHOLD' };
  }
  return undefined;
}

export const matchingConfig = (e: z.infer<typeof MatchingEnv>): MatchingConfig => ({
  model: e.MATCH_MODEL,
  autoProbability: e.MATCH_AUTO_PROBABILITY,
  reviewProbability: e.MATCH_REVIEW_PROBABILITY,
  conflictMarginBits: e.MATCH_CONFLICT_MARGIN_BITS,
  weights: { bioLink: e.MATCH_WEIGHT_BIOLINK, handle: e.MATCH_WEIGHT_HANDLE, name: e.MATCH_WEIGHT_NAME },
  autoThreshold: e.MATCH_AUTO_THRESHOLD,
  reviewThreshold: e.MATCH_REVIEW_THRESHOLD,
  maxBlockSize: e.MATCH_MAX_BLOCK_SIZE,
});
