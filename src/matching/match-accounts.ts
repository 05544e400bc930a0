/**
 * One matching pass over a set of accounts held in memory: block, score candidate pairs, decide
 * statuses without AUTO conflicts, write. The fixture loader and tests use it; the scheduled
 * full run and the incremental matcher build on the same steps.
 */
import type { GraphClient } from '../neo4j/graph-client';
import { buildIndex, candidatePairs } from './blocking';
import type { MatchEventBus } from './events';
import type { MatchOptionsInput } from './options';
import { scorePair, type MatchableAccount, type ScoredPair } from './score';
import { writeMatches, type MatchRecord, type MatchWriteResult } from './write';

export interface MatchPassResult extends MatchWriteResult {
  candidatePairs: number;
  scored: ScoredPair[];
}

/** Keeps, per account, only its best AUTO pair; the other AUTO candidates of a contested account go to review. */
export function resolveAutoConflicts(pairs: ScoredPair[]): ScoredPair[] {
  const autoCount = new Map<string, number>();
  for (const p of pairs) {
    if (p.decision !== 'AUTO') continue;
    autoCount.set(p.tiktokId, (autoCount.get(p.tiktokId) ?? 0) + 1);
    autoCount.set(p.xId, (autoCount.get(p.xId) ?? 0) + 1);
  }
  return pairs.map((p) =>
    p.decision === 'AUTO' && ((autoCount.get(p.tiktokId) ?? 0) > 1 || (autoCount.get(p.xId) ?? 0) > 1)
      ? { ...p, decision: 'PENDING' as const }
      : p,
  );
}

export async function matchAccounts(
  graph: GraphClient,
  bus: MatchEventBus,
  accounts: MatchableAccount[],
  opts: MatchOptionsInput = {},
): Promise<MatchPassResult> {
  const index = buildIndex(accounts, opts);
  const scored: ScoredPair[] = [];
  let candidates = 0;
  for (const pair of candidatePairs(index)) {
    candidates++;
    scored.push(scorePair(pair.tiktok, pair.x, opts, { handleCount: (h) => index.handleCount(h) }));
  }
  const decided = resolveAutoConflicts(scored);
  const records: MatchRecord[] = decided
    .filter((p) => p.decision !== 'NONE')
    .map((p) => ({
      tiktokAccountId: p.tiktokId,
      xAccountId: p.xId,
      score: p.score,
      reasons: p.reasons,
      evidence: p.evidence.map((e) => ({ ...e, reason: e.reason ?? null })),
      status: p.decision as 'AUTO' | 'PENDING',
    }));
  const written = await writeMatches(graph, bus, records);
  return { ...written, candidatePairs: candidates, scored: decided };
}
