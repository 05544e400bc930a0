/**
 * Keyset pagination of creators, matches, the review queue and posts: paging through every order
 * in small pages returns each row once, in the order the stored values give (computed here from
 * the rows, independently of the order keys), also across ties and rows written between pages;
 * totalCount runs only when selected; bad cursors are BAD_USER_INPUT on `after`.
 */
import { graphql, type GraphQLSchema } from 'graphql';
import { buildContext } from '../../src/api/context';
import { encodeCursor } from '../../src/api/pagination';
import { createPubSubHandle } from '../../src/api/pubsub';
import { buildApiSchema } from '../../src/api/schema';
import { loadConfig } from '../../src/config';
import { writeAccounts } from '../../src/graph/accounts';
import type { AccountRecord, PostRecord } from '../../src/graph/model';
import { writePosts } from '../../src/graph/posts';
import { silentLogger } from '../../src/log';
import { nullBus } from '../../src/matching/events';
import { writeMatches } from '../../src/matching/write';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { freshGraph } from '../support/graph';

const NOW = Date.parse('2026-11-20T00:00:00Z');
const fetchedAt = new Date(NOW).toISOString();

/** 30 TikTok + 30 X accounts, each its own creator; followers repeat (ties), names repeat too. */
function accounts(): AccountRecord[] {
  const out: AccountRecord[] = [];
  for (let i = 0; i < 30; i++) {
    out.push({ platform: 'TIKTOK', platformUserId: `71${i}`, username: `tt${i}`, displayName: `Name ${i % 7}`, followers: 1000 * (i % 4), fetchedAt });
    out.push({ platform: 'X', platformUserId: `91${i}`, username: `xx${i}`, displayName: `Other ${i % 5}`, followers: 500 * (i % 3), fetchedAt });
  }
  return out;
}

function posts(): PostRecord[] {
  const out: PostRecord[] = [];
  // Account tt0 gets 13 posts, some at the same second (ties on createdAt); tt1..tt9 a post each.
  for (let j = 0; j < 13; j++) {
    const id = `80${j}`;
    out.push({
      platform: 'TIKTOK', platformPostId: id, authorPlatformUserId: '710', url: `https://example.test/${id}`, text: `post ${j}`,
      createdAt: new Date(NOW - Math.floor(j / 3) * 3600_000).toISOString(), hashtags: [], mentions: [], metrics: { likes: j, comments: 0, shares: 0 }, fetchedAt,
    });
  }
  for (let i = 1; i < 10; i++) {
    const id = `81${i}`;
    out.push({
      platform: 'TIKTOK', platformPostId: id, authorPlatformUserId: `71${i}`, url: `https://example.test/${id}`, text: `hello ${i}`,
      createdAt: new Date(NOW - (i % 3) * 86400_000).toISOString(), hashtags: [], mentions: [], metrics: { likes: 1, comments: 0, shares: 0 }, fetchedAt,
    });
  }
  return out;
}

interface Stored {
  id: string;
  reachHigh: number | null;
  tiktokFollowers: number | null;
  xFollowers: number | null;
  lastPostAt: number | null;
  name: string;
}

const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

describe('keyset pagination', () => {
  let graph: GraphClient;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    graph = await freshGraph();
    await writeAccounts(graph, accounts(), { backfilled: true });
    await writePosts(graph, posts());
    // Pending matches with tied scores (pairs stay separate creators: PENDING does not join).
    await writeMatches(
      graph,
      nullBus,
      Array.from({ length: 25 }, (_, i) => ({
        tiktokAccountId: `tiktok:71${i}`,
        xAccountId: `x:91${i}`,
        score: 50 + (i % 3) * 5,
        reasons: ['NAME_EXACT' as const],
        evidence: [],
        status: 'PENDING' as const,
      })),
    );
    schema = await buildApiSchema(createPubSubHandle().pubSub);
  });
  afterAll(() => graph.close());

  async function run(source: string, variableValues: Record<string, unknown> = {}) {
    const ctx = buildContext({ config: loadConfig({}), graph, bus: nullBus, logger: silentLogger }, { name: 'test', role: 'viewer', via: 'key' });
    const res = await graphql({ schema, source, variableValues, contextValue: ctx });
    return res as { data: any; errors?: readonly { message: string; extensions: Record<string, unknown> }[] };
  }

  async function stored(): Promise<Stored[]> {
    const rows = await graph.runText(
      `MATCH (c:Creator) WHERE c.active AND c.backfilled
       RETURN c.id AS id, c.reachHigh AS reachHigh, c.tiktokFollowers AS tiktokFollowers, c.xFollowers AS xFollowers,
              c.lastPostAt.epochMillis AS lastPostAt, c.displayNameLower AS name`,
    );
    return rows as unknown as Stored[];
  }

  async function pageAll(query: string, vars: Record<string, unknown>, path: (d: any) => any, first: number) {
    const ids: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 200; i++) {
      const res = await run(query, { ...vars, first, after });
      expect(res.errors).toBeUndefined();
      const conn = path(res.data);
      expect(conn.nodes.length).toBeLessThanOrEqual(first);
      ids.push(...conn.nodes.map((n: { id: string }) => n.id));
      if (!conn.pageInfo.hasNextPage) return ids;
      after = conn.pageInfo.endCursor;
    }
    throw new Error('did not reach the last page');
  }

  const CREATORS = `query($first: Int, $after: String, $order: CreatorOrder, $filter: CreatorFilter) {
    creators(first: $first, after: $after, orderBy: $order, filter: $filter) { nodes { id } pageInfo { hasNextPage endCursor } } }`;

  const value: Record<string, (s: Stored) => number | string> = {
    COMBINED_REACH: (s) => s.reachHigh ?? 0,
    TIKTOK_FOLLOWERS: (s) => s.tiktokFollowers ?? 0,
    X_FOLLOWERS: (s) => s.xFollowers ?? 0,
    LAST_POST_AT: (s) => s.lastPostAt ?? 0,
    DISPLAY_NAME: (s) => s.name,
  };

  it.each(Object.keys(value).flatMap((f) => [[f, 'DESC'], [f, 'ASC']]))('pages creators by %s %s, each once, in stored order with ties broken by id', async (field, direction) => {
    const all = await stored();
    expect(all.length).toBe(60);
    const sign = direction === 'ASC' ? 1 : -1;
    const expected = [...all].sort((a, b) => sign * (cmp(value[field](a), value[field](b)) || cmp(a.id, b.id))).map((s) => s.id);
    const ids = await pageAll(CREATORS, { order: { field, direction } }, (d) => d.creators, 7);
    expect(ids).toEqual(expected);
  });

  it('keeps filters while paging, and the tiktok order matches the followers written', async () => {
    const ids = await pageAll(CREATORS, { order: { field: 'TIKTOK_FOLLOWERS', direction: 'DESC' }, filter: { platforms: ['TIKTOK'] } }, (d) => d.creators, 4);
    const rows = await graph.runText('MATCH (c:Creator)-[:HAS_ACCOUNT]->(a:TikTokAccount) RETURN c.id AS id, a.followers AS f');
    const expected = rows.sort((a: any, b: any) => b.f - a.f || cmp(b.id, a.id)).map((r: any) => r.id);
    expect(ids).toEqual(expected);
    for (const direction of ['ASC', 'DESC']) {
      const sign = direction === 'ASC' ? 1 : -1;
      const rich = (await stored()).filter((s) => (s.reachHigh ?? 0) >= 1000);
      const expected = rich.sort((a, b) => sign * (cmp(a.reachHigh ?? 0, b.reachHigh ?? 0) || cmp(a.id, b.id))).map((s) => s.id);
      expect(expected.length).toBeGreaterThan(5);
      const got = await pageAll(CREATORS, { order: { field: 'COMBINED_REACH', direction }, filter: { minCombinedReach: 1000 } }, (d) => d.creators, 4);
      expect(got).toEqual(expected);
    }
    const search = await pageAll(CREATORS, { filter: { search: 'NAME 3' } }, (d) => d.creators, 2);
    const named = (await stored()).filter((s) => s.name === 'name 3');
    expect(new Set(search)).toEqual(new Set(named.map((s) => s.id)));
    expect(search).toHaveLength(named.length);
  });

  it('neither repeats nor skips when creators are written between pages', async () => {
    const first = await run(CREATORS, { first: 10, order: { field: 'DISPLAY_NAME', direction: 'ASC' } });
    const seen: string[] = first.data.creators.nodes.map((n: { id: string }) => n.id);
    // A creator sorting before the cursor and one after it.
    await writeAccounts(graph, [
      { platform: 'TIKTOK', platformUserId: '7999', username: 'aaa', displayName: 'Aaa First', followers: 1, fetchedAt },
      { platform: 'TIKTOK', platformUserId: '7998', username: 'zzz', displayName: 'Zzz Last', followers: 1, fetchedAt },
    ], { backfilled: true });
    try {
      let after = first.data.creators.pageInfo.endCursor;
      for (;;) {
        const page = await run(CREATORS, { first: 10, after, order: { field: 'DISPLAY_NAME', direction: 'ASC' } });
        seen.push(...page.data.creators.nodes.map((n: { id: string }) => n.id));
        if (!page.data.creators.pageInfo.hasNextPage) break;
        after = page.data.creators.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      const names = (await stored()).filter((s) => s.name === 'zzz last');
      expect(seen).toContain(names[0].id);
      expect(seen).toHaveLength(61);
    } finally {
      await graph.runText("MATCH (a:Account) WHERE a.id IN ['tiktok:7999', 'tiktok:7998'] OPTIONAL MATCH (c:Creator)-[:HAS_ACCOUNT]->(a) DETACH DELETE a, c");
    }
  });

  it('counts only when totalCount is selected, and counts the filtered set', async () => {
    graph.resetStats();
    await run('{ creators(first: 5) { nodes { id } } }');
    const without = graph.roundTrips;
    graph.resetStats();
    const res = await run('{ creators(first: 5, filter: { platforms: [X] }) { totalCount nodes { id } } }');
    expect(graph.roundTrips).toBe(without + 1);
    expect(res.data.creators.totalCount).toBe(30);
    const all = await run('{ creators(first: 1, filter: { active: null, includeUnbackfilled: true }) { totalCount } }');
    expect(all.data.creators.totalCount).toBe(60);
  });

  it('pages the review queue and matches by score then id, across tied scores', async () => {
    const rows = await graph.runText("MATCH ()-[m:MATCHED_TO]->() WHERE m.status = 'PENDING' RETURN m.id AS id, m.score AS score");
    const expected = rows.sort((a: any, b: any) => b.score - a.score || cmp(b.id, a.id)).map((r: any) => r.id);
    const QUEUE = 'query($first: Int, $after: String) { reviewQueue(first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }';
    expect(await pageAll(QUEUE, {}, (d) => d.reviewQueue, 4)).toEqual(expected);
    const MATCHES = 'query($first: Int, $after: String) { matches(first: $first, after: $after, minScore: 55) { nodes { id } pageInfo { hasNextPage endCursor } } }';
    const strong = rows.filter((r: any) => r.score >= 55).sort((a: any, b: any) => b.score - a.score || cmp(b.id, a.id)).map((r: any) => r.id);
    expect(await pageAll(MATCHES, {}, (d) => d.matches, 3)).toEqual(strong);
    const VALUE = 'query($first: Int, $after: String) { reviewQueue(first: $first, after: $after, order: EXPECTED_VALUE) { nodes { id } pageInfo { hasNextPage endCursor } } }';
    const byValue = await pageAll(VALUE, {}, (d) => d.reviewQueue, 4);
    expect([...byValue].sort()).toEqual([...expected].sort());
    const total = await run('{ reviewQueue(first: 1) { totalCount } matches { totalCount } }');
    expect(total.data.reviewQueue.totalCount).toBe(25);
    expect(total.data.matches.totalCount).toBe(25);
  });

  it("pages an account's posts newest first across equal times, with the total only when asked", async () => {
    const POSTS = `query($first: Int, $after: String) { account(platform: TIKTOK, username: "tt0") {
      posts(first: $first, after: $after) { nodes { id createdAt } pageInfo { hasNextPage endCursor } } } }`;
    const ids = await pageAll(POSTS, {}, (d) => d.account.posts, 2);
    const rows = await graph.runText("MATCH (:Account {id: 'tiktok:710'})-[:POSTED]->(p) RETURN p.id AS id, p.createdAt.epochMillis AS t");
    expect(ids).toEqual(rows.sort((a: any, b: any) => b.t - a.t || cmp(b.id, a.id)).map((r: any) => r.id));
    const total = await run('{ account(platform: TIKTOK, username: "tt0") { posts(first: 1) { totalCount } } }');
    expect(total.data.account.posts.totalCount).toBe(13);
    const creatorPosts = await run(`{ creators(first: 30, filter: { platforms: [TIKTOK] }) { nodes { posts(first: 1) { totalCount nodes { id } } } } }`);
    const counts = creatorPosts.data.creators.nodes.map((n: any) => n.posts.totalCount).sort((a: number, b: number) => b - a);
    expect(counts.slice(0, 10)).toEqual([13, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it.each([
    ['not base64', '%%%'],
    ['garbage', Buffer.from('hello').toString('base64url')],
    ['broken JSON', Buffer.from('k:[').toString('base64url')],
    ['another ordering', encodeCursor('creators:DISPLAY_NAME:ASC', ['nabc\u0001cr_1'])],
    ['a forged key', encodeCursor('creators:COMBINED_REACH:DESC', [{ $gt: 1 }])],
    ['a wrong-shaped key', encodeCursor('creators:COMBINED_REACH:DESC', ['12|cr_1'])],
    ['a huge cursor', 'A'.repeat(200_000)],
    ['an offset past the limit', Buffer.from('o:99999999').toString('base64url')],
  ])('rejects %s as BAD_USER_INPUT on after', async (_what, after) => {
    const res = await run('query($a: String) { creators(first: 5, after: $a) { nodes { id } } }', { a: after });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(res.errors?.[0].message).not.toMatch(/Neo|cypher|SKIP/i);
    const posts = await run('query($a: String) { account(platform: TIKTOK, username: "tt0") { posts(first: 5, after: $a) { nodes { id } } } }', { a: after });
    expect(posts.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const queue = await run('query($a: String) { reviewQueue(first: 5, after: $a) { nodes { id } } }', { a: after });
    expect(queue.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('still accepts an offset cursor issued before keyset pagination', async () => {
    const all = await run('{ creators(first: 12) { nodes { id } } }');
    const res = await run('query($a: String) { creators(first: 5, after: $a) { nodes { id } pageInfo { endCursor } } }', { a: Buffer.from('o:6').toString('base64url') });
    expect(res.data.creators.nodes.map((n: any) => n.id)).toEqual(all.data.creators.nodes.slice(7, 12).map((n: any) => n.id));
    // ...and hands out a keyset cursor from there on.
    expect(Buffer.from(res.data.creators.pageInfo.endCursor, 'base64url').toString()).toMatch(/^k:/);
  });
});
