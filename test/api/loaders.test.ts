/**
 * No N+1: the round trips of a list query must not grow with the number of creators listed.
 */
import { graphql, type GraphQLSchema } from 'graphql';
import { buildContext } from '../../src/api/context';
import { createPubSubHandle } from '../../src/api/pubsub';
import { buildApiSchema } from '../../src/api/schema';
import { loadConfig } from '../../src/config';
import { writeAccounts } from '../../src/graph/accounts';
import { writePosts } from '../../src/graph/posts';
import { silentLogger } from '../../src/log';
import { nullBus } from '../../src/matching/events';
import { writeMatches } from '../../src/matching/write';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { freshGraph } from '../support/graph';

const QUERY = `query($n: Int) { creators(first: $n) { totalCount nodes {
  id displayName accounts { id platform username followers }
  match { id status score reasons }
  posts(first: 5) { totalCount nodes { id text createdAt hashtags } }
} } }`;

describe('DataLoader batching', () => {
  let graph: GraphClient;
  let schema: GraphQLSchema;
  let creatorId: string;

  beforeAll(async () => {
    graph = await freshGraph();
    const now = Date.parse('2026-11-20T00:00:00Z');
    const fetchedAt = new Date(now).toISOString();
    const accounts = [];
    const posts = [];
    for (let i = 0; i < 60; i++) {
      accounts.push(
        { platform: 'TIKTOK' as const, platformUserId: `7000${i}`, username: `creator${i}tt`, displayName: `Creator ${i}`, followers: 1000 * (i + 1), fetchedAt },
        { platform: 'X' as const, platformUserId: `9000${i}`, username: `creator${i}x`, displayName: `Creator ${i}`, followers: 500 * (i + 1), fetchedAt },
      );
      for (let j = 0; j < 7; j++) {
        for (const [platform, uid] of [['TIKTOK', `7000${i}`], ['X', `9000${i}`]] as const) {
          posts.push({
            platform,
            platformPostId: `${uid}${j}`,
            authorPlatformUserId: uid,
            url: `https://example.test/${uid}/${j}`,
            text: `post ${j} #tag${j}`,
            createdAt: new Date(now - (i * 7 + j) * 3600_000).toISOString(),
            hashtags: [`tag${j}`],
            mentions: [],
            metrics: { likes: j, comments: 0, shares: 0 },
            fetchedAt,
          });
        }
      }
    }
    await writeAccounts(graph, accounts, { backfilled: true });
    await writePosts(graph, posts);
    await writeMatches(
      graph,
      nullBus,
      Array.from({ length: 60 }, (_, i) => ({
        tiktokAccountId: `tiktok:7000${i}`,
        xAccountId: `x:9000${i}`,
        score: 70,
        reasons: ['BIOLINK_EXACT' as const],
        evidence: [],
        status: 'AUTO' as const,
      })),
    );
    schema = await buildApiSchema(createPubSubHandle().pubSub);
    const [row] = await graph.runText('MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account {id: $a}) RETURN c.id AS id', { a: 'tiktok:70000' });
    creatorId = row.id as string;
  });
  afterAll(() => graph.close());

  async function roundTrips(n: number) {
    const ctx = buildContext({ config: loadConfig({}), graph, bus: nullBus, logger: silentLogger }, { name: 'test', role: 'viewer', via: 'key' });
    graph.resetStats();
    const res = await graphql({ schema, source: QUERY, variableValues: { n }, contextValue: ctx });
    expect(res.errors).toBeUndefined();
    const data = res.data as any;
    expect(data.creators.nodes).toHaveLength(n);
    for (const c of data.creators.nodes) {
      expect(c.accounts).toHaveLength(2);
      expect(c.match.status).toBe('AUTO');
      expect(c.posts.nodes).toHaveLength(5);
      expect(c.posts.totalCount).toBe(14);
    }
    return graph.roundTrips;
  }

  it('lists 50 creators with accounts, match and 5 posts each in a small constant number of round trips', async () => {
    const for50 = await roundTrips(50);
    const for5 = await roundTrips(5);
    process.stdout.write(`[loaders] Cypher round trips: 50 creators -> ${for50}, 5 creators -> ${for5}\n`);
    expect(for50).toBe(for5);
    expect(for50).toBeLessThanOrEqual(6);
  });

  it('creator(id) with its accounts and posts reads the creator and its accounts in one statement', async () => {
    const ctx = buildContext({ config: loadConfig({}), graph, bus: nullBus, logger: silentLogger }, { name: 'test', role: 'viewer', via: 'key' });
    graph.resetStats();
    const res = await graphql({
      schema,
      source: `{ creator(id: "${creatorId}") { id accounts { id platform } combinedReach { naive } posts(first: 3) { nodes { id } } } }`,
      contextValue: ctx,
    });
    expect(res.errors).toBeUndefined();
    const c = (res.data as any).creator;
    expect(c.id).toBe(creatorId);
    expect(c.accounts.map((a: { platform: string }) => a.platform)).toEqual(['TIKTOK', 'X']);
    expect(c.combinedReach.naive).toBeGreaterThan(0);
    expect(c.posts.nodes).toHaveLength(3);
    // creator + accounts in one, then the posts page and the joining match combinedReach asks for (4 before).
    expect(graph.roundTrips).toBe(3);
    const without = await graphql({ schema, source: `{ creator(id: "${creatorId}") { id displayName } }`, contextValue: buildContext({ config: loadConfig({}), graph, bus: nullBus, logger: silentLogger }, { name: 'test', role: 'viewer', via: 'key' }) });
    expect((without.data as any).creator.id).toBe(creatorId);
  });
});
