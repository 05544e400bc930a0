/**
 * The accounts statements and the creator pages read the columns the GraphQL selection needs, not
 * all of them (graph/columns.ts, api/account-selection.ts, api/creator-selection.ts): an operation
 * in, the statements and their `accountKeys` / `creatorKeys` out; and a row read with fewer
 * columns never answers a selection that needs more, in the same request, whatever order the
 * fields resolve in.
 */
import { graphql, type GraphQLSchema } from 'graphql';
import { buildContext } from '../../src/api/context';
import { AccountsByCreatorLoader } from '../../src/api/loaders';
import { createPubSubHandle } from '../../src/api/pubsub';
import { buildApiSchema } from '../../src/api/schema';
import { loadConfig } from '../../src/config';
import { accountColumnSet, ALL_ACCOUNT_COLUMNS } from '../../src/graph/account-columns';
import { writeAccounts } from '../../src/graph/accounts';
import { silentLogger } from '../../src/log';
import { nullBus } from '../../src/matching/events';
import { writeMatches } from '../../src/matching/write';
import type { GraphClient, Params } from '../../src/neo4j/graph-client';
import { freshGraph } from '../support/graph';

const N = 4;
/** The order the statements return columns in (graph/account-columns.ts), written out. */
const ORDER = ['id', 'platform', 'platformUserId', 'username', 'usernameLower', 'displayName', 'bio', 'bioLink', 'avatarUrl', 'secUid', 'verified', 'followers', 'following', 'hearts', 'postCount', 'active', 'fetchedAt', 'lastPostAt', 'deactivatedAt'];

describe('account columns: the accounts statements read what the selection shows', () => {
  let graph: GraphClient;
  let schema: GraphQLSchema;
  let creatorId: string;
  /** Each account as stored, by id (the ground truth: read with properties(a), not the code under test). */
  const stored = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    graph = await freshGraph();
    const fetchedAt = '2026-11-20T10:00:00.000Z';
    const accounts = [];
    for (let i = 0; i < N; i++) {
      accounts.push(
        {
          platform: 'TIKTOK' as const, platformUserId: `81${i}`, username: `Cols${i}`, displayName: `Cols ${i}`, bio: `tiktok bio ${i}`,
          bioLink: `https://cols${i}.example`, avatarUrl: `https://img.example/${i}.png`, secUid: `sec${i}`, verified: i % 2 === 0,
          followers: 1000 * (i + 1), following: 10 + i, hearts: 5000 + i, postCount: 30 + i, fetchedAt,
        },
        {
          platform: 'X' as const, platformUserId: `82${i}`, username: `cols${i}`, displayName: `Cols ${i}`, bio: `x bio ${i}`,
          bioLink: `https://cols${i}.example`, verified: false, followers: 700 * (i + 1), following: 20 + i, postCount: 40 + i, fetchedAt,
        },
      );
    }
    await writeAccounts(graph, accounts, { backfilled: true });
    await writeMatches(
      graph,
      nullBus,
      Array.from({ length: N }, (_, i) => ({
        tiktokAccountId: `tiktok:81${i}`, xAccountId: `x:82${i}`, score: 80, reasons: ['BIOLINK_EXACT' as const], evidence: [], status: 'AUTO' as const,
      })),
    );
    schema = await buildApiSchema(createPubSubHandle().pubSub);
    const rows = await graph.runText('MATCH (c:Creator)-[:HAS_ACCOUNT]->(a:Account) RETURN c.id AS creator, a.id AS id, properties(a) AS a');
    for (const r of rows) stored.set(r.id as string, r.a as Record<string, unknown>);
    creatorId = rows.find((r) => r.id === 'tiktok:810')!.creator as string;
  });
  afterAll(() => graph.close());

  const ctx = () => buildContext({ config: loadConfig({}), graph, bus: nullBus, logger: silentLogger }, { name: 'test', role: 'viewer', via: 'key' });

  /** The operation's data and the statements it sent, with their parameters. */
  async function run(source: string, variableValues: Record<string, unknown> = {}) {
    const sent: { name: string; params: Params }[] = [];
    const stop = graph.observe((e) => sent.push({ name: e.name, params: e.params }));
    try {
      const res = await graphql({ schema, source, variableValues, contextValue: ctx() });
      expect(res.errors).toBeUndefined();
      return { data: res.data as any, sent };
    } finally {
      stop();
    }
  }
  const accountStatements = (sent: { name: string; params: Params }[]) =>
    sent.filter((s) => /creator-page|creator-with-accounts|accounts-by-creators/.test(s.name)).map((s) => ({ name: s.name, accountKeys: s.params.accountKeys, withAccounts: s.params.withAccounts }));

  /** The served value of a stored account property (times as ISO strings, absent as null). */
  const served = (id: string, key: string) => {
    const v = stored.get(id)![key];
    if (v === undefined || v === null) return null;
    return v instanceof Date ? v.toISOString() : v;
  };
  const expectStored = (row: object, keys: string[]) => {
    const a = row as Record<string, unknown>;
    // graphql() hands Date scalars back as Dates (JSON makes them ISO strings).
    for (const k of keys) {
      const v = a[k];
      expect([k, v instanceof Date ? v.toISOString() : v]).toEqual([k, served(a.id as string, k)]);
    }
  };

  describe('an operation in, the statement out', () => {
    it('a creators page showing four account fields reads those four columns (and id) with the page, in one statement', async () => {
      const { data, sent } = await run(`{ creators(first: ${N}) { nodes { id displayName accounts { id platform username followers } } } }`);
      expect(sent.map((s) => s.name)).toEqual(['read/creator-page-reach-desc']);
      expect(accountStatements(sent)).toEqual([{ name: 'read/creator-page-reach-desc', accountKeys: ['id', 'platform', 'username', 'followers'], withAccounts: true }]);
      expect(data.creators.nodes).toHaveLength(N);
      for (const c of data.creators.nodes) {
        expect(c.accounts.map((a: any) => a.platform)).toEqual(['TIKTOK', 'X']);
        for (const a of c.accounts) expectStored(a, ['platform', 'username', 'followers']);
      }
    });

    it('a page without account fields reads no accounts', async () => {
      const { sent } = await run(`{ creators(first: ${N}) { nodes { id displayName } } }`);
      expect(accountStatements(sent)).toEqual([{ name: 'read/creator-page-reach-desc', accountKeys: ['id'], withAccounts: false }]);
    });

    it('account(platform) reads its selection and the platform; combinedReach what the reach band compares; the page reads their union', async () => {
      const { data, sent } = await run(`{ creators(first: ${N}) { nodes { id account(platform: X) { bio } combinedReach { naive basis } } } }`);
      expect(accountStatements(sent)).toEqual([
        { name: 'read/creator-page-reach-desc', accountKeys: ['id', 'platform', 'usernameLower', 'bio', 'followers', 'active'], withAccounts: true },
      ]);
      // Served from the page's rows: only the joining match is read besides.
      expect(sent.map((s) => s.name)).toEqual(['read/creator-page-reach-desc', 'read/joining-matches-by-creators']);
      for (const c of data.creators.nodes) {
        expect(c.account.bio).toMatch(/^x bio \d$/);
        expect(c.combinedReach.basis).toBe('SAME_USERNAME');
      }
      const x = (n: number) => data.creators.nodes.find((c: any) => c.account.bio === `x bio ${n}`);
      // Followers of both platforms: 1000(n+1) + 700(n+1).
      for (let n = 0; n < N; n++) expect(x(n).combinedReach.naive).toBe(1700 * (n + 1));
    });

    it('profileUrl reads platform and username; fields served by their own loaders read no column', async () => {
      const { data, sent } = await run(`{ creators(first: 1) { nodes { accounts { profileUrl posts(first: 1) { totalCount } history { followers } creator { id } } } } }`);
      expect(accountStatements(sent)[0]).toEqual({ name: 'read/creator-page-reach-desc', accountKeys: ['id', 'platform', 'username'], withAccounts: true });
      const urls = data.creators.nodes[0].accounts.map((a: any) => a.profileUrl);
      expect(urls[0]).toMatch(/^https:\/\/www\.tiktok\.com\/@Cols\d$/);
      expect(urls[1]).toMatch(/^https:\/\/x\.com\/cols\d$/);
    });

    it('follows fragment spreads and inline fragments, on the page and on the accounts', async () => {
      const { sent } = await run(`
        query { creators(first: ${N}) { edges { node { ...C } } } }
        fragment C on Creator { ... on Creator { accounts { ...A } } }
        fragment A on Account { bio ... on Account { fetchedAt } }`);
      expect(accountStatements(sent)).toEqual([{ name: 'read/creator-page-reach-desc', accountKeys: ['id', 'bio', 'fetchedAt'], withAccounts: true }]);
    });

    it('creator(id) reads its accounts with the columns asked for, and only their ids when only its posts are asked for', async () => {
      const wide = await run(`query($id: ID!) { creator(id: $id) { accounts { id displayName verified lastPostAt } } }`, { id: creatorId });
      expect(accountStatements(wide.sent)).toEqual([{ name: 'read/creator-with-accounts', accountKeys: ['id', 'displayName', 'verified', 'lastPostAt'], withAccounts: undefined }]);
      for (const a of wide.data.creator.accounts) expectStored(a, ['displayName', 'verified', 'lastPostAt']);
      const posts = await run(`query($id: ID!) { creator(id: $id) { id posts(first: 2) { nodes { id } } } }`, { id: creatorId });
      expect(accountStatements(posts.sent)).toEqual([{ name: 'read/creator-with-accounts', accountKeys: ['id'], withAccounts: undefined }]);
      const none = await run(`query($id: ID!) { creator(id: $id) { id displayName } }`, { id: creatorId });
      expect(none.sent.map((s) => s.name)).toEqual(['read/creators-by-ids']);
    });
  });

  describe('creator columns of a creators page', () => {
    const CREATOR_FIELDS = ['displayName', 'active', 'tracked', 'tier', 'backfilled', 'lastPostAt', 'createdAt', 'updatedAt'];
    const creatorKeys = (sent: { name: string; params: Params }[]) => sent.filter((s) => s.name.startsWith('read/creator-page-')).map((s) => s.params.creatorKeys);

    it('reads the creator fields the page shows (stale reads lastPostAt; fields with loaders of their own read none)', async () => {
      expect(creatorKeys((await run(`{ creators(first: ${N}) { nodes { id displayName accounts { id } } } }`)).sent)).toEqual([['id', 'displayName']]);
      expect(creatorKeys((await run(`{ creators(first: ${N}) { edges { cursor node { stale match { id } } } } }`)).sent)).toEqual([['id', 'lastPostAt']]);
      expect(creatorKeys((await run(`{ creators(first: ${N}) { nodes { ...F } } } fragment F on Creator { ${CREATOR_FIELDS.join(' ')} }`)).sent)).toEqual([
        ['id', ...CREATOR_FIELDS],
      ]);
    });

    it('serves each field as stored, and a narrow page does not answer creator(id) asking for more in the same request', async () => {
      // Every served property set (the write path leaves tracked, tier and lastPostAt unset here).
      await graph.runText(
        `MATCH (c:Creator) SET c.tracked = c.id = $id, c.tier = CASE WHEN c.id = $id THEN 'TIER1' ELSE 'LONG_TAIL' END,
           c.lastPostAt = datetime('2026-11-19T08:00:00.123Z') - duration({hours: size(c.displayName)})`,
        { id: creatorId },
      );
      const stored = new Map(
        (await graph.runText('MATCH (c:Creator) RETURN c.id AS id, properties(c) AS c')).map((r) => [r.id as string, r.c as Record<string, unknown>]),
      );
      const value = (id: string, k: string) => {
        const v = stored.get(id)![k];
        return v instanceof Date ? v.toISOString() : (v ?? null);
      };
      const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
      const { data, sent } = await run(`query($id: ID!) { creators(first: ${N}) { nodes { id displayName } } creator(id: $id) { id ${CREATOR_FIELDS.join(' ')} } }`, { id: creatorId });
      expect(creatorKeys(sent)).toEqual([['id', 'displayName']]);
      for (const c of data.creators.nodes) expect(c.displayName).toBe(value(c.id, 'displayName'));
      for (const k of CREATOR_FIELDS) expect([k, norm(data.creator[k])]).toEqual([k, value(creatorId, k)]);
      expect(data.creator.tracked).toBe(true);
      expect(data.creator.createdAt).toBeInstanceOf(Date);
      // All creator fields on a page: as stored too.
      const all = await run(`{ creators(first: ${N}) { nodes { id ${CREATOR_FIELDS.join(' ')} } } }`);
      for (const c of all.data.creators.nodes) for (const k of CREATOR_FIELDS) expect([k, norm(c[k])]).toEqual([k, value(c.id, k)]);
    });
  });

  describe('a narrow row never answers a wider selection', () => {
    const ALL = ['platform', 'platformUserId', 'username', 'displayName', 'bio', 'bioLink', 'avatarUrl', 'secUid', 'verified', 'followers', 'following', 'hearts', 'postCount', 'lastPostAt', 'fetchedAt', 'active', 'deactivatedAt'];

    it('the page reads the union of two aliased selections of accounts, and each gets its fields', async () => {
      const { data, sent } = await run(`{ creators(first: ${N}) { nodes { narrow: accounts { id } wide: accounts { id ${ALL.join(' ')} } } } }`);
      expect(sent.map((s) => s.name)).toEqual(['read/creator-page-reach-desc']);
      for (const c of data.creators.nodes) {
        expect(c.narrow.map((a: any) => Object.keys(a))).toEqual([['id'], ['id']]);
        for (const a of c.wide) expectStored(a, ALL);
      }
    });

    it('accounts read narrow with the page, then asked for wide under the same creator further down, are read again, in one statement for the page', async () => {
      const { data, sent } = await run(
        `{ creators(first: ${N}) { nodes { id accounts { id creator { id accounts { id ${ALL.join(' ')} } } } } } }`,
      );
      expect(accountStatements(sent)).toEqual([
        { name: 'read/creator-page-reach-desc', accountKeys: ['id'], withAccounts: true },
        // Every column the wide selection shows (all but usernameLower, which is not served).
        { name: 'read/accounts-by-creators', accountKeys: ORDER.filter((k) => k !== 'usernameLower'), withAccounts: undefined },
      ]);
      for (const c of data.creators.nodes) {
        for (const a of c.accounts) {
          expect(a.creator.id).toBe(c.id);
          for (const w of a.creator.accounts) expectStored(w, ALL);
        }
      }
    });

    it('a wide selection after a narrow one under two root fields of one request gets every field', async () => {
      const { data } = await run(
        `query($id: ID!) { creators(first: ${N}) { nodes { id accounts { id } } } creator(id: $id) { account(platform: TIKTOK) { id ${ALL.join(' ')} } combinedReach { naive } } }`,
        { id: creatorId },
      );
      expect(data.creator.account.id).toBe('tiktok:810');
      expectStored(data.creator.account, ALL);
      expect(data.creator.combinedReach.naive).toBe(1700);
    });

    it('the loader: a narrow load and a wide one in one tick are one statement, a later narrow load is served from the wide rows, a wider one reads again', async () => {
      const loader = new AccountsByCreatorLoader(graph);
      const narrow = accountColumnSet(['platform']);
      const wide = accountColumnSet(['platform', 'bio', 'followers', 'fetchedAt']);
      graph.resetStats();
      const [a, b] = await Promise.all([loader.load(creatorId, narrow), loader.load(creatorId, wide)]);
      expect(graph.roundTrips).toBe(1);
      expect(a.map((r) => r.platform)).toEqual(['TIKTOK', 'X']);
      for (const r of b) expectStored(r, ['platform', 'bio', 'followers', 'fetchedAt']);
      await loader.load(creatorId, narrow);
      expect(graph.roundTrips).toBe(1);
      const all = await loader.load(creatorId, ALL_ACCOUNT_COLUMNS);
      expect(graph.roundTrips).toBe(2);
      for (const r of all) expect(Object.keys(r).sort()).toEqual(['id', 'usernameLower', ...ALL].sort());
      // Primed narrow rows do not replace wider ones, and do not answer a wider load.
      loader.prime(creatorId, narrow, [{ id: 'tiktok:810' } as never]);
      expect((await loader.load(creatorId, wide))[0].bio).toBe('tiktok bio 0');
      const fresh = new AccountsByCreatorLoader(graph);
      fresh.prime(creatorId, narrow, a);
      expect((await fresh.load(creatorId, wide))[0].bio).toBe('tiktok bio 0');
      expect(graph.roundTrips).toBe(3);
    });
  });
});
