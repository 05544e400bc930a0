/**
 * What the write path guarantees however many writers run at once: every account has exactly one
 * creator (one HAS_ACCOUNT), and no relationship is written twice between the same two nodes (so
 * one MATCHED_TO per pair). The concurrency test and the benchmarks check these after writing.
 */
import type { GraphClient } from '../neo4j/graph-client';

export interface InvariantReport {
  /** Accounts with no creator or more than one (at most `limit` listed). */
  accountsWithoutOneCreator: { accountId: string; n: number }[];
  /** Relationship types with duplicate copies between the same two nodes. */
  duplicateRelationships: { type: string; pairs: number; extra: number }[];
}

export async function checkInvariants(graph: GraphClient, limit = 20): Promise<InvariantReport> {
  const accountsWithoutOneCreator = await graph.read<{ accountId: string; n: number }>('graph/invariant-account-creators', { limit });
  const duplicateRelationships = await graph.read<{ type: string; pairs: number; extra: number }>('graph/invariant-duplicate-relationships');
  return { accountsWithoutOneCreator, duplicateRelationships };
}

/** True when the report shows no violation. */
export function invariantsHold(r: InvariantReport): boolean {
  return r.accountsWithoutOneCreator.length === 0 && r.duplicateRelationships.length === 0;
}
