/**
 * The summary each amplification chain's root carries (:ChainRoot, chainEngagement, chainReach,
 * chainCrossPlatform; cypher/queries/graph/refresh-chain-roots), kept by the write path so that
 * amplificationChains finds the best chains from an index instead of expanding every chain of the
 * graph before it keeps 20. Every write that changes a chain (a post's engagement, an edge written
 * or deleted, an account's posts removed or back) refreshes the roots of the posts it touched.
 */
import type { GraphClient } from '../neo4j/graph-client';

/** Posts kept per chain (root plus the earliest amplifiers): bounds one viral post's chain. */
export const MAX_CHAIN_POSTS = 200;

const BATCH = 500;

/** Recomputes the summary of every chain the posts belong to (and drops it from former roots). */
export async function refreshChainRoots(graph: GraphClient, postIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(postIds)];
  for (let i = 0; i < ids.length; i += BATCH) {
    await graph.write('graph/refresh-chain-roots', { ids: ids.slice(i, i + BATCH), maxPosts: MAX_CHAIN_POSTS - 1 });
  }
}

/** Chains through the posts of these accounts, after the accounts went inactive or came back. */
export async function refreshChainRootsOfAccounts(graph: GraphClient, accountIds: string[]): Promise<void> {
  if (accountIds.length === 0) return;
  const rows = await graph.read<{ id: string }>('graph/chain-posts-of-accounts', { ids: accountIds });
  await refreshChainRoots(graph, rows.map((r) => r.id));
}
