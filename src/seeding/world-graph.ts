/**
 * Loads a simulated world straight into the graph through the write path (writeAccounts,
 * writePosts: the same statements and rollup the lanes use), skipping HTTP and the lanes, which
 * take minutes for a world large enough to score analytics. It loads what the lanes would see at
 * `world.now`: accounts that exist and are public then, and their posts up to `now`.
 */
import { writeAccounts } from '../graph/accounts';
import { writePosts } from '../graph/posts';
import type { GraphClient } from '../neo4j/graph-client';
import { accountRecord, postRecord } from '../simulators/records';
import { accountExistsAt, type World } from '../simulators/world';

export async function loadWorldIntoGraph(graph: GraphClient, world: World): Promise<{ accounts: number; posts: number }> {
  const fetchedAt = new Date(world.now).toISOString();
  const visible = [...world.tiktok.accounts, ...world.x.accounts].filter((a) => accountExistsAt(a, world.now) && !a.private);
  await writeAccounts(graph, visible.map((a) => accountRecord(a, fetchedAt)), { refresh: false });
  let posts = 0;
  for (const data of [world.tiktok, world.x]) {
    const records = [];
    for (const a of visible) {
      if (a.platform !== data.platform) continue;
      for (const p of data.postsByAuthor.get(a.id) ?? []) if (p.createdAt <= world.now) records.push(postRecord(p, a, fetchedAt));
    }
    // In slices, so a large world's posts are not one transaction's worth of rows.
    for (let i = 0; i < records.length; i += 5000) posts += await writePosts(graph, records.slice(i, i + 5000));
  }
  return { accounts: visible.length, posts };
}
