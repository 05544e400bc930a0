/**
 * No N+1: the round trips of a list query must not grow with the number of creators listed.
 */
import { graphql, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { POST_FIELD_KEYS } from '../../src/api/resolvers/post-page';
import { POST_KEYS } from '../../src/graph/read';
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
    // creator + accounts + its first page of posts in one, then the joining match combinedReach asks for (4 before, then 3).
    expect(graph.roundTrips).toBe(2);
    const without = await graphql({ schema, source: `{ creator(id: "${creatorId}") { id displayName } }`, contextValue: buildContext({ config: loadConfig({}), graph, bus: nullBus, logger: silentLogger }, { name: 'test', role: 'viewer', via: 'key' }) });
    expect((without.data as any).creator.id).toBe(creatorId);
  });

  const ctxOf = () => buildContext({ config: loadConfig({}), graph, bus: nullBus, logger: silentLogger }, { name: 'test', role: 'viewer', via: 'key' });
  const POSTS = `query($n: Int, $since: DateTime) { creators(first: $n) { nodes { id accounts { id
    posts(first: 3, since: $since) { pageInfo { hasNextPage endCursor } nodes { id text createdAt engagement author { id } } }
  } } } }`;

  it("a page with each account's first posts is one statement for any page size, and the same posts as the loader reads", async () => {
    const run = async (n: number, since: string | null) => {
      graph.resetStats();
      const res = await graphql({ schema, source: POSTS, variableValues: { n, since }, contextValue: ctxOf() });
      expect(res.errors).toBeUndefined();
      return { data: res.data as any, trips: graph.roundTrips };
    };
    const keys: unknown[] = [];
    const stop = graph.observe((e) => {
      if (e.params.keys) keys.push(e.params.keys);
    });
    const folded = await run(50, null);
    stop();
    // Only the selected post properties are read (text, createdAt, engagement; id and author always).
    expect(keys).toEqual([['text', 'createdAt', 'engagement']]);
    expect((await run(5, null)).trips).toBe(folded.trips);
    // The page, its accounts and their posts in one; author { id } reads the authors (one batched statement).
    expect(folded.trips).toBe(2);
    // A since the posts are all after: the same page, but not a plain first page, so the posts loader reads it.
    const loaded = await run(50, '2000-01-01T00:00:00Z');
    expect(loaded.trips).toBe(3);
    expect(folded.data).toEqual(loaded.data);
    const posts = folded.data.creators.nodes.flatMap((c: any) => c.accounts.map((a: any) => a.posts));
    expect(posts).toHaveLength(100);
    for (const p of posts) {
      expect(p.nodes).toHaveLength(3);
      expect(p.pageInfo.hasNextPage).toBe(true);
    }
    // The folded page's cursor pages on through the loader.
    const a = folded.data.creators.nodes[0].accounts[0];
    const next = await graphql({
      schema,
      source: `query($after: String) { node(id: "${a.id}") { ... on Account { posts(first: 10, after: $after) { nodes { id } } } } }`,
      variableValues: { after: a.posts.pageInfo.endCursor },
      contextValue: ctxOf(),
    });
    expect(next.errors).toBeUndefined();
    const rest = (next.data as any).node.posts.nodes.map((p: any) => p.id);
    expect(rest).toHaveLength(4);
    expect(rest.some((id: string) => a.posts.nodes.some((p: any) => p.id === id))).toBe(false);
  });

  it('selections asking for different post pages are each answered as asked', async () => {
    graph.resetStats();
    const res = await graphql({
      schema,
      source: `{ creators(first: 4) { nodes { accounts { a: posts(first: 2) { nodes { id } } b: posts(first: 4) { nodes { id } } } } } }`,
      contextValue: ctxOf(),
    });
    expect(res.errors).toBeUndefined();
    for (const c of (res.data as any).creators.nodes) {
      for (const acc of c.accounts) {
        expect(acc.a.nodes).toHaveLength(2);
        expect(acc.b.nodes).toHaveLength(4);
        expect(acc.b.nodes.slice(0, 2)).toEqual(acc.a.nodes);
      }
    }
  });

  it('knows which stored properties every Post field reads', async () => {
    const post = schema.getType('Post') as GraphQLObjectType;
    expect(Object.keys(post.getFields()).sort()).toEqual(Object.keys(POST_FIELD_KEYS).filter((k) => k !== '__typename').sort());
    for (const keys of Object.values(POST_FIELD_KEYS)) for (const k of keys) expect(POST_KEYS).toContain(k);
    // A metrics selection reads the counts, and the answer carries them.
    const res = await graphql({
      schema,
      source: `{ creators(first: 2) { nodes { accounts { posts(first: 2) { edges { cursor node { url metrics { likes views } } } } } } } }`,
      contextValue: ctxOf(),
    });
    expect(res.errors).toBeUndefined();
    const edges = (res.data as any).creators.nodes.flatMap((c: any) => c.accounts.flatMap((a: any) => a.posts.edges));
    expect(edges).toHaveLength(8);
    for (const e of edges) {
      expect(e.cursor).toEqual(expect.any(String));
      expect(e.node.url).toMatch(/^https:\/\/example\.test\//);
      expect(e.node.metrics.likes).toEqual(expect.any(Number));
      expect(e.node.metrics.views).toBeNull();
    }
  });
});
