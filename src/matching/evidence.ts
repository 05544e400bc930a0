/**
 * The evidence a scored pair carries: each compared signal, both platforms' values (raw and as
 * compared) and what it contributed. This is the contract's MatchEvidence, shared by both scorers
 * (score.ts) and everything that stores or shows a match's reasons.
 */
import type { MatchReason, Platform } from '../graph/model';

/** What an evidence item compared (the contract's MatchEvidence.signal). */
export type EvidenceSignal = 'BIO_LINK' | 'USERNAME' | 'DISPLAY_NAME' | 'BIO_TEXT' | 'PROFILE_LINK' | 'PRIOR';

/** One platform's side of a compared signal (the contract's PlatformValue). */
export interface PlatformValue {
  platform: Platform;
  /** As the provider returned it. */
  raw: string | null;
  /** As compared, after normalisation. */
  normalized: string | null;
}

/** One compared signal and what it contributed (the contract's MatchEvidence). */
export interface MatchEvidence {
  signal: EvidenceSignal;
  reason?: MatchReason;
  values: PlatformValue[];
  /** Points added to the score; negative for a penalty. Probabilistic: the match weight, rounded. */
  points: number;
  /** Probabilistic: the comparison level (e.g. EXACT, SIMILAR, DIFFERENT, MISSING). */
  level?: string;
  /** Probabilistic: log2(m / u), the Bayes factor in bits (0 for a missing value). */
  matchWeight?: number;
  m?: number;
  u?: number;
}
