import { gql, startTestApp, type TestApp } from '../support/app';

describe('creators API over the sample graph', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers the issue query with accounts and an honest reach band', async () => {
    const res = await gql(
      app.url,
      `{ creators(first: 5) { totalCount nodes { id displayName accounts { platform username followers }
         combinedReach { low high label naive basis } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const conn = res.data.creators;
    expect(conn.totalCount).toBeGreaterThan(5);
    expect(conn.nodes).toHaveLength(5);
    for (const c of conn.nodes) {
      const sum = c.accounts.reduce((s: number, a: { followers: number }) => s + a.followers, 0);
      expect(c.combinedReach.naive).toBe(sum);
      expect(c.combinedReach.low).toBeLessThanOrEqual(c.combinedReach.high);
      expect(c.combinedReach.high).toBeLessThanOrEqual(sum);
    }
    // Ordered by combined reach, largest first, by default.
    const highs = conn.nodes.map((c: { combinedReach: { high: number } }) => c.combinedReach.high);
    expect([...highs].sort((a, b) => b - a)).toEqual(highs);
    const amy = conn.nodes.find((c: { displayName: string }) => c.displayName === 'Amy Chen');
    expect(amy.accounts.map((a: { platform: string }) => a.platform)).toEqual(['TIKTOK', 'X']);
    expect(amy.combinedReach.basis).toBe('SAME_USERNAME');
    // 812,000 + 41,200 less 15-25% of the smaller audience.
    expect(amy.combinedReach.low).toBe(812000 + 41200 - 10300);
    expect(amy.combinedReach.high).toBe(812000 + 41200 - 6180);
  });

  it('pages with cursors without gaps or repeats', async () => {
    const all = await gql(app.url, '{ creators(first: 50) { totalCount nodes { id } } }');
    const ids: string[] = all.data.creators.nodes.map((n: { id: string }) => n.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: any = await gql(
        app.url,
        'query($after: String) { creators(first: 3, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...page.data.creators.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.data.creators.pageInfo.hasNextPage) break;
      after = page.data.creators.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
  });

  it('filters by platforms, search and order', async () => {
    const both = await gql(
      app.url,
      '{ creators(filter: { platforms: [TIKTOK, X] }, orderBy: { field: X_FOLLOWERS }) { nodes { displayName accounts { platform followers } } } }',
    );
    const nodes = both.data.creators.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) expect(new Set(n.accounts.map((a: { platform: string }) => a.platform)).size).toBe(2);
    const xf = nodes.map((n: any) => n.accounts.find((a: any) => a.platform === 'X').followers);
    expect([...xf].sort((a: number, b: number) => b - a)).toEqual(xf);

    const search = await gql(app.url, '{ creators(filter: { search: "BEAUTYBY" }) { totalCount nodes { displayName } } }');
    expect(search.data.creators.nodes.map((n: any) => n.displayName)).toEqual(['Amy Chen']);
  });

  it('rejects an invalid argument with BAD_USER_INPUT and unknown ids with null', async () => {
    const bad = await gql(app.url, '{ creators(first: 1000) { totalCount } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await gql(app.url, '{ creators(after: "nope") { totalCount } }');
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await gql(app.url, '{ creator(id: "cr_missing") { id } account(platform: X, username: "nobody_here") { id } }');
    expect(missing.errors).toBeUndefined();
    expect(missing.data).toEqual({ creator: null, account: null });
  });

  it('resolves accounts, posts and amplifications through node() and account()', async () => {
    const res = await gql(
      app.url,
      `{ account(platform: TIKTOK, username: "@BeautyByAmy") { id profileUrl history { followers } creator { displayName }
          posts(first: 2) { totalCount nodes { id author { username } hashtags metrics { likes } engagement
            amplifiedBy { kind lagSeconds amplifier { platform url } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const a = res.data.account;
    expect(a.profileUrl).toBe('https://www.tiktok.com/@beautybyamy');
    expect(a.history).toEqual([{ followers: 812000 }]);
    expect(a.creator.displayName).toBe('Amy Chen');
    expect(a.posts.totalCount).toBe(6);
    const amplified = a.posts.nodes.flatMap((p: any) => p.amplifiedBy);
    expect(amplified.length).toBeGreaterThan(0);
    expect(amplified[0]).toMatchObject({ kind: 'CROSSPOST', lagSeconds: 3600, amplifier: { platform: 'X' } });

    const node = await gql(app.url, 'query($id: ID!) { node(id: $id) { __typename id ... on Account { username } } }', { id: a.id });
    expect(node.data.node).toEqual({ __typename: 'Account', id: a.id, username: 'beautybyamy' });
  });

  it('serves health and readiness', async () => {
    const base = app.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
