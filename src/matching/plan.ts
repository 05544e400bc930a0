/**
 * The pure part of a matching pass in one call: index the accounts, score the candidate pairs
 * that blocking yields (with the index's handle counts feeding COMMON_HANDLE), and decide
 * statuses against the stored decisions (conflict-aware, reviewer decisions kept). A
 * database-backed run loads accounts and stored matches, calls this, and writes the assignments.
 */

import { assignStatuses, type Assignment, type ExistingMatch } from './assign';
import { buildIndex, candidatePairs, type OversizedKey } from './blocking';
import { cachedOptions, scorePair, type MatchableAccount, type ScoredPair } from './score';
import type { MatchOptions, MatchOptionsInput } from './options';

export interface MatchPlan {
  /** One per candidate pair scoring at or above the review threshold (decision AUTO or PENDING). */
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
}

/** Plans the matches between TikTok and X accounts, in memory; writes nothing. */
export function planMatches(
  accounts: Iterable<MatchableAccount>,
  opts?: MatchOptionsInput | MatchOptions,
  existing: Iterable<ExistingMatch> = [],
): MatchPlan {
  const o = cachedOptions(opts);
  const stored = [...existing];
  const storedPairs = new Set(stored.map((e) => `${e.tiktokId} ${e.xId}`));
  const index = buildIndex(accounts, o);
  const ctx = { handleCount: index.handleCount };
  const scored: ScoredPair[] = [];
  const toAssign: ScoredPair[] = [];
  let candidateCount = 0;
  for (const c of candidatePairs(index)) {
    candidateCount++;
    const s = scorePair(c.tiktok, c.x, o, ctx);
    if (s.decision !== 'NONE') {
      scored.push(s);
      toAssign.push(s);
    } else if (storedPairs.has(`${s.tiktokId} ${s.xId}`)) {
      // A stored machine match that no longer scores must be told so (status null).
      toAssign.push(s);
    }
  }
  return { scored, assignments: assignStatuses(toAssign, stored), oversized: index.oversizedKeys(), candidateCount };
}
