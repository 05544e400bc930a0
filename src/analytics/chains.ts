/**
 * Amplification chains: a root post and everything that amplifies it, transitively (see
 * cypher/queries/analytics/amplification-chains). One statement answers a whole request, for any
 * number of groups (all chains, one creator, a campaign's posts), so a list of creators with
 * their chains costs one round trip through the loader, not one per creator or per chain.
 */
import { MAX_CHAIN_POSTS } from '../graph/chain-roots';
import type { AmplificationRow } from '../graph/rows';
import type { Platform } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';

/** The longest path followed from a root, in hops. */
export const MAX_CHAIN_DEPTH = 6;
/** Posts kept per chain (root plus the earliest amplifiers): bounds one viral post's chain. */
export { MAX_CHAIN_POSTS };
/** Chains one request may ask for. */
export const MAX_CHAINS = 100;

export interface ChainOptions {
  since: string | null;
  crossPlatformOnly: boolean;
  /** Hops on the longest path from the root (1: direct amplifiers only). */
  minDepth: number;
  first: number;
}

export interface ChainRow {
  key: string;
  rootId: string;
  /** Root first, then in time order. */
  postIds: string[];
  links: AmplificationRow[];
  depth: number;
  totalEngagement: number;
  platforms: Platform[];
  byPlatform: { platform: Platform; posts: number; engagement: number }[];
  spanSeconds: number;
  /** Canonical creators, in the order they joined the chain. */
  creatorIds: string[];
}

export interface ChainGroup {
  key: string;
  /** Chains some post of these creators is part of (null, with postIds null: every chain). */
  creatorIds: string[] | null;
  /** Chains one of these posts is part of (a campaign's posts, analytics/campaign-posts.ts). */
  postIds?: string[] | null;
}

/** The problem with the options, or null when they are usable. */
export function chainOptionsProblem(o: ChainOptions): string | null {
  if (!Number.isInteger(o.first) || o.first < 1 || o.first > MAX_CHAINS) return `first must be between 1 and ${MAX_CHAINS}`;
  if (!Number.isInteger(o.minDepth) || o.minDepth < 1 || o.minDepth > MAX_CHAIN_DEPTH) return `minDepth must be between 1 and ${MAX_CHAIN_DEPTH}`;
  return null;
}

export async function amplificationChains(graph: GraphClient, groups: ChainGroup[], o: ChainOptions): Promise<Map<string, ChainRow[]>> {
  const out = new Map<string, ChainRow[]>(groups.map((g) => [g.key, []]));
  if (groups.length === 0) return out;
  const rows = await graph.read<ChainRow & { creatorIds: (string | null)[] }>('analytics/amplification-chains', {
    groups: groups.map((g) => ({ key: g.key, creatorIds: g.creatorIds, postIds: g.postIds ?? null })),
    since: o.since,
    crossPlatformOnly: o.crossPlatformOnly,
    minDepth: o.minDepth,
    first: o.first,
    maxPosts: MAX_CHAIN_POSTS - 1,
  });
  for (const r of rows) {
    const creatorIds = [...new Set(r.creatorIds.filter((c): c is string => c !== null))];
    out.get(r.key)?.push({ ...r, creatorIds });
  }
  return out;
}
