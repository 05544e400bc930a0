/**
 * The matching model as stored: the one (:MatchingModel) node the full run writes after learning
 * (see matching/model-store.ts for what goes in it and why). Values arrive serialised; this only
 * runs the write.
 */
import type { GraphClient } from '../neo4j/graph-client';

/** The stored row: m and u as JSON (per signal, one number per comparison level). */
export interface MatchingModelRow {
  id: string;
  m: string;
  u: string;
  matchesPerAccount: number;
  tiktokAccounts: number;
  xAccounts: number;
  iterations: number;
  converged: boolean;
  runId: string | null;
  /** ISO time stamp. */
  learntAt: string;
}

/** Stores (replaces) the model under its id. */
export async function saveMatchingModel(graph: GraphClient, row: MatchingModelRow): Promise<void> {
  await graph.write('graph/save-matching-model', { row });
}
