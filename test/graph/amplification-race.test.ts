/**
 * An amplification whose source the other lane writes in the gap between our edge write (source
 * missing) and our park (source there, so nothing is parked) is still connected. The other lane
 * looked for waiting edges before we parked, so only our own write can connect it; this was the
 * cause of LINK edges occasionally missing after the lanes ran at once.
 */
import { writeBatch } from '../../src/graph/batch';
import type { AccountRecord, Platform } from '../../src/graph/model';
import type { PostWrite } from '../../src/graph/posts';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { graphPerTest } from '../support/graph';

const at = '2026-11-20T12:00:00.000Z';
const account = (platform: Platform, id: string): AccountRecord => ({ platform, platformUserId: id, username: `u${id}`, followers: 10, fetchedAt: at });

function post(platform: Platform, id: string, author: string, amplifies?: string): PostWrite {
  const pid = `${platform === 'X' ? 'x' : 'tiktok'}:${id}`;
  return {
    post: { platform, platformPostId: id, authorPlatformUserId: author, url: `https://example.test/${id}`, text: 'clip', createdAt: at, hashtags: [], mentions: [], metrics: { likes: 1, comments: 0, shares: 0 }, fetchedAt: at },
    metricsKnown: true,
    amplifications: amplifies ? [{ amplifierPostId: pid, sourcePostId: amplifies, kind: 'LINK', confidence: 1 }] : [],
  };
}

/** The graph as the X lane sees it: the TikTok lane writes `source` just before the X lane parks. */
function racing(graph: GraphClient, source: PostWrite): GraphClient {
  return new Proxy(graph, {
    get(target, key) {
      if (key === 'write') {
        return async (name: string, params: Record<string, unknown>) => {
          if (name === 'graph/stage-pending-amplifications') await writeBatch(graph, { posts: [source] });
          return target.write(name, params);
        };
      }
      const v = Reflect.get(target, key) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

const graph = graphPerTest();

it('connects a link whose source arrives between the edge write and the park', async () => {
  const g = graph();
  await writeBatch(g, { accounts: [account('TIKTOK', '1'), account('X', '2')] });
  await writeBatch(racing(g, post('TIKTOK', 'v1', '1')), { posts: [post('X', 's1', '2', 'tiktok:v1')] });
  const [r] = await g.runText(
    "RETURN COUNT { (:Post {id: 'x:s1'})-[:AMPLIFIED {kind: 'LINK'}]->(:Post {id: 'tiktok:v1'}) } AS edges, COUNT { (x:PendingAmplification) } AS parked",
  );
  expect({ edges: Number(r.edges), parked: Number(r.parked) }).toEqual({ edges: 1, parked: 0 });
});
