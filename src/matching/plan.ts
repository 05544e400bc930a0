/**
 * The pure part of a matching pass in one call: index the accounts, score the candidate pairs
 * that blocking yields (with the index's handle counts feeding COMMON_HANDLE), and decide
 * statuses against the stored decisions (conflict-aware, reviewer decisions kept). A
 * database-backed run loads accounts and stored matches, calls this, and writes the assignments.
 */

import { assignStatuses, type Assignment, type ExistingMatch } from './assign';
import { buildIndex, candidatePairs, type BlockingIndex, type OversizedKey } from './blocking';
import { cachedOptions, scorePair, type MatchableAccount, type ScoredPair } from './score';
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
}

/** Plans the matches between TikTok and X accounts, in memory; writes nothing. */
export function planMatches(
  accounts: Iterable<MatchableAccount>,
  opts?: MatchOptionsInput | MatchOptions,
  existing: Iterable<ExistingMatch> = [],
): MatchPlan {
  const o = cachedOptions(opts);
  const stored = [...existing];
  // Stored pairs not yet met among the candidates; whatever is left after blocking is rescored
  // directly, so a stored match whose accounts no longer share a key is still reconsidered.
  const unseen = new Map(stored.map((e) => [`${e.tiktokId} ${e.xId}`, e]));
  const index = buildIndex(accounts, o);
  const ctx = { handleCount: index.handleCount };
  const scored: ScoredPair[] = [];
  const toAssign: ScoredPair[] = [];
  let candidateCount = 0;
  for (const c of candidatePairs(index)) {
    candidateCount++;
    const s = scorePair(c.tiktok, c.x, o, ctx);
    const wasStored = unseen.delete(`${s.tiktokId} ${s.xId}`);
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
      const s = scorePair(t, x, o, ctx);
      if (s.decision !== 'NONE') scored.push(s);
      toAssign.push(s);
    }
  }
  return { scored, assignments: assignStatuses(toAssign, stored), oversized: index.oversizedKeys(), candidateCount, index };
}
