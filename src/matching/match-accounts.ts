/**
 * One matching pass over a set of accounts held in memory (the sample fixture uses it): plan the
 * matches among them against the decisions already stored for them (a reviewer's REJECTED or
 * MANUAL stands, an account is never AUTO-matched twice), write, and store their blocking keys
 * so later incremental matching finds them.
 */
import type { GraphClient } from '../neo4j/graph-client';
import { applyAssignments, type ApplyResult } from './apply';
import type { MatchEventBus } from './events';
import { syncBlockKeys } from './graph-keys';
import type { MatchOptionsInput } from './options';
import { planMatches } from './plan';
import { cachedOptions, type MatchableAccount, type ScoredPair } from './score';
import { storedById, type StoredMatch } from './write';

export interface MatchPassResult extends ApplyResult {
  candidatePairs: number;
  /** Pairs scoring at or above the review threshold. */
  scored: ScoredPair[];
}

/** The accounts must already be in the graph (written with writeAccounts). */
export async function matchAccounts(
  graph: GraphClient,
  bus: MatchEventBus,
  accounts: MatchableAccount[],
  opts: MatchOptionsInput = {},
): Promise<MatchPassResult> {
  const o = cachedOptions(opts);
  const existing = await graph.read<StoredMatch>('matching/matches-of-accounts', { ids: accounts.map((a) => a.id) });
  const plan = planMatches(accounts, o, existing);
  const written = await applyAssignments(graph, bus, plan.assignments, undefined, { stored: storedById(existing) });
  // What is stored is not known here: every account goes through the general sync.
  await syncBlockKeys(graph, plan.index.accounts.map((a) => ({ ...a, blockKeys: undefined })), o, (_, i) => plan.index.keysOf[i]);
  return { ...written, candidatePairs: plan.candidateCount, scored: plan.scored };
}
