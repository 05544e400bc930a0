/**
 * One Account shape and one Post shape (graph/shapes.ts): the GraphQL types serve exactly the
 * declared properties (plus the fields resolvers compute from relationships, listed here), and the
 * write stores every declared property. A field added to the GraphQL type, or to the declaration,
 * and nowhere else fails here.
 */
import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { writeAccounts } from '../../src/graph/accounts';
import type { AccountRecord, PostRecord } from '../../src/graph/model';
import { writePosts } from '../../src/graph/posts';
import { creatorPage } from '../../src/graph/pages';
import { accountsByCreators, creatorsByIds, creatorWithAccounts, postsByAccounts, postsByCreators } from '../../src/graph/read';
import { ORDER_FIELDS } from '../../src/graph/order-keys';
import {
  ACCOUNT_KEPT_KEYS,
  ACCOUNT_LOOKUP_KEYS,
  ACCOUNT_PROPS,
  accountProps,
  POST_INTERNAL_KEYS,
  POST_KEPT_KEYS,
  POST_METRIC_KEYS,
  POST_PROPS,
  postProps,
  SNAPSHOT_KEYS,
} from '../../src/graph/shapes';
import { createPubSubHandle } from '../../src/api/pubsub';
import { buildApiSchema } from '../../src/api/schema';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { freshGraph } from '../support/graph';

/** GraphQL fields computed by resolvers from relationships or other fields, not stored on the node. */
const ACCOUNT_RESOLVED = ['creator', 'history', 'posts', 'profileUrl'];
const POST_RESOLVED = ['amplifiedBy', 'amplifies', 'author', 'hashtags', 'metrics'];
const CREATOR_RESOLVED = ['account', 'accounts', 'amplificationChains', 'combinedReach', 'match', 'posts', 'similar', 'stale'];

function fieldsOf(schema: GraphQLSchema, type: string): string[] {
  const t = schema.getType(type);
  if (!(t instanceof GraphQLObjectType)) throw new Error(`${type} is not an object type`);
  return Object.keys(t.getFields()).sort();
}

const sorted = (xs: readonly string[]) => [...xs].sort();
const without = (xs: readonly string[], drop: readonly string[]) => xs.filter((x) => !drop.includes(x));

describe('the Account and Post shapes', () => {
  let schema: GraphQLSchema;
  let graph: GraphClient;
  beforeAll(async () => {
    schema = await buildApiSchema(createPubSubHandle().pubSub);
    graph = await freshGraph();
  });
  afterAll(() => graph.close());

  it('the GraphQL Account type serves the declared account properties and nothing else', () => {
    const served = [...without(Object.keys(ACCOUNT_PROPS), ACCOUNT_LOOKUP_KEYS), ...ACCOUNT_KEPT_KEYS, ...ACCOUNT_RESOLVED];
    expect(fieldsOf(schema, 'Account')).toEqual(sorted(served));
    expect(fieldsOf(schema, 'AccountSnapshot')).toEqual(sorted(['at', ...SNAPSHOT_KEYS]));
  });

  it('the GraphQL Post type serves the declared post properties and nothing else', () => {
    const stored = without(Object.keys(POST_PROPS), [...POST_INTERNAL_KEYS, ...POST_METRIC_KEYS]);
    const served = [...stored, ...without(POST_KEPT_KEYS, ['authorId']), ...POST_RESOLVED];
    expect(fieldsOf(schema, 'Post')).toEqual(sorted(served));
    expect(fieldsOf(schema, 'PostMetrics')).toEqual(sorted(POST_METRIC_KEYS));
  });

  it('the writes store every declared property, as the declaration computes it', async () => {
    const fetchedAt = '2026-11-20T10:00:00.000Z';
    const account: AccountRecord = {
      platform: 'TIKTOK', platformUserId: '4242', username: 'Shape.Tester', displayName: 'Shape', bio: 'bio', bioLink: 'https://a.example/',
      avatarUrl: 'https://img.example/a.jpg', secUid: 'MS4w', verified: true, followers: 10, following: 2, hearts: 300, postCount: 7, fetchedAt,
    };
    const post: PostRecord = {
      platform: 'TIKTOK', platformPostId: '77', authorPlatformUserId: '4242', url: 'https://www.tiktok.com/@shape.tester/video/77', text: 'hi',
      createdAt: '2026-11-19T10:00:00.000Z', hashtags: [], mentions: [], metrics: { views: 5, likes: 4, comments: 3, shares: 2, bookmarks: 1 },
      pinned: true, fetchedAt,
    };
    await writeAccounts(graph, [account]);
    await writePosts(graph, [post]);
    const [row] = await graph.runText(
      'MATCH (a:Account {id: $a})-[:POSTED]->(p:Post {id: $p}) MATCH (a)-[:HAS_SNAPSHOT]->(s) RETURN properties(a) AS a, properties(p) AS p, properties(s) AS s',
      { a: 'tiktok:4242', p: 'tiktok:77' },
    );
    const nulls = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
    expect(row.a).toMatchObject(nulls(accountProps(account)));
    expect(row.p).toMatchObject(nulls(postProps(post)));
    expect(row.s).toMatchObject({ followers: 10, following: 2, hearts: 300, postCount: 7 });
  });

  it('the accounts reads project the served Account properties (they list them instead of reading them all)', async () => {
    const fetchedAt = '2026-11-20T10:00:00.000Z';
    await writeAccounts(graph, [{ platform: 'X', platformUserId: '4343', username: 'projected', followers: 1, fetchedAt }]);
    const [creator] = await graph.runText('MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account {id: $a}) RETURN c.id AS id', { a: 'x:4343' });
    const [accounts] = await accountsByCreators(graph, [creator.id as string]);
    expect(accounts).toHaveLength(1);
    // Plus usernameLower, a lookup key the reach band compares (graph/reach.ts).
    expect(sorted(Object.keys(accounts[0]))).toEqual(
      sorted([...without(Object.keys(ACCOUNT_PROPS), ACCOUNT_LOOKUP_KEYS), ...ACCOUNT_KEPT_KEYS, 'usernameLower']),
    );
    expect(accounts[0].fetchedAt).toEqual(new Date(fetchedAt));
    const found = await creatorWithAccounts(graph, creator.id as string);
    expect(found?.accounts).toEqual(accounts);
  });

  it("the API's creator, account and post reads return the served properties only, times as Dates", async () => {
    const fetchedAt = '2026-11-21T10:00:00.000Z';
    await writeAccounts(graph, [{ platform: 'TIKTOK', platformUserId: '4444', username: 'served.only', followers: 3, fetchedAt }]);
    await writePosts(
      graph,
      [1, 2, 3].map((i) => ({
        platform: 'TIKTOK' as const, platformPostId: `44${i}`, authorPlatformUserId: '4444', url: `https://www.tiktok.com/@served.only/video/44${i}`,
        text: `p${i}`, createdAt: `2026-11-2${i}T10:00:00.123Z`, hashtags: [], mentions: [], metrics: { likes: i, comments: 0, shares: 0 }, fetchedAt,
      })),
    );
    const [{ id }] = await graph.runText('MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account {id: $a}) RETURN c.id AS id', { a: 'tiktok:4444' });
    const creatorKeys = sorted(without(fieldsOf(schema, 'Creator'), CREATOR_RESOLVED));
    const accountKeys = sorted([...without(Object.keys(ACCOUNT_PROPS), ACCOUNT_LOOKUP_KEYS), ...ACCOUNT_KEPT_KEYS, 'usernameLower']);
    const postKeys = sorted([...without(Object.keys(POST_PROPS), POST_INTERNAL_KEYS), ...POST_KEPT_KEYS]);
    const newest = (p: { row: object; at: string }) => {
      expect(sorted(Object.keys(p.row))).toEqual(postKeys);
      expect(p.row).toMatchObject({ id: 'tiktok:443', authorId: 'tiktok:4444', createdAt: new Date('2026-11-23T10:00:00.123Z') });
      expect(new Date(p.at).getTime()).toBe(Date.parse('2026-11-23T10:00:00.123Z'));
    };

    const [creator] = await creatorsByIds(graph, [id as string]);
    expect(sorted(Object.keys(creator!))).toEqual(creatorKeys);
    expect(creator!.createdAt).toBeInstanceOf(Date);
    expect(creator!.lastPostAt).toEqual(new Date('2026-11-23T10:00:00.123Z'));
    const found = await creatorWithAccounts(graph, id as string, { take: 2 });
    expect(found!.creator).toEqual(creator);
    expect(sorted(Object.keys(found!.accounts[0]))).toEqual(accountKeys);
    expect(found!.accounts[0].fetchedAt).toEqual(new Date(fetchedAt));
    // Accounts come back as lists (graph/account-columns.ts): each value is the stored property of its name.
    const [stored] = await graph.runText('MATCH (a:Account {id: $a}) RETURN properties(a) AS p', { a: 'tiktok:4444' });
    const account = found!.accounts[0] as unknown as Record<string, unknown>;
    for (const k of accountKeys) expect([k, account[k]]).toEqual([k, (stored.p as Record<string, unknown>)[k] ?? null]);
    expect(account.lastPostAt).toEqual(new Date('2026-11-23T10:00:00.123Z'));
    expect(found!.posts).toHaveLength(2);
    newest(found!.posts![0]);
    const page = { since: null, until: null, afterAt: null, afterId: null, skip: 0, take: 2 };
    newest((await postsByAccounts(graph, ['tiktok:4444'], page))[0][0]);
    newest((await postsByCreators(graph, [id as string], { ...page, platform: null }))[0][0]);
    // A page reads only the keys asked for (the selected fields'), besides id, author and stored time.
    const [[some]] = await postsByAccounts(graph, ['tiktok:4444'], { ...page, keys: ['text', 'createdAt'] });
    expect(some.row).toEqual({ id: 'tiktok:443', authorId: 'tiktok:4444', text: 'p3', createdAt: new Date('2026-11-23T10:00:00.123Z') });

    // Every creator page statement (each order, both directions, and search) projects the same.
    const filters = { platforms: null, matchStatuses: null, minReach: null, active: null, tracked: null, includeUnbackfilled: true };
    for (const orderField of ORDER_FIELDS) {
      for (const direction of ['ASC', 'DESC'] as const) {
        for (const search of [null, 'served']) {
          const rows = await creatorPage(graph, { ...filters, search, orderField, direction, after: null, skip: 0, take: 100, withAccounts: true, postsTake: 2 });
          const r = rows.find((x) => x.row.id === id);
          expect(r).toBeDefined();
          expect(r!.row).toEqual(creator);
          expect(r!.accounts).toEqual(found!.accounts);
          expect(r!.accountPosts).toEqual([found!.posts]);
          const bare = await creatorPage(graph, { ...filters, search, orderField, direction, after: null, skip: 0, take: 100 });
          expect(bare.find((x) => x.row.id === id)).toMatchObject({ accounts: null, accountPosts: null });
        }
      }
    }
  });
});
