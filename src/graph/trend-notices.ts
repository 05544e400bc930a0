/**
 * The claims behind the `trendSpike` subscription: each spike ("<platform>|<tag>|<onset epoch ms>")
 * is published once, by whichever process claims it first. The claim is a MERGE on a constrained
 * key, so it is atomic across the processes that share the graph. A write, so it lives here in
 * src/graph (analytics/live-spikes.ts decides which spikes are new and calls this).
 */
import type { GraphClient } from '../neo4j/graph-client';

/** Claims the given spike keys; returns those no one claimed before (in no particular order). */
export async function claimSpikeNotices(graph: GraphClient, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const claimed = await graph.write<{ key: string }>('graph/claim-spike-notices', { keys });
  return claimed.map((c) => c.key);
}
