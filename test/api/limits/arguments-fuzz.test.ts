/**
 * Property-based fuzz (fast-check) of GraphQL arguments against the real server: hostile ints,
 * strings, cursors, ids and dates in the read API never produce an internal error or a leaked
 * message (Cypher, stack, path); each answer is data or a coded client error, and /healthz answers
 * after the run.
 */
import fc from 'fast-check';
import { gql, startTestApp, type TestApp } from '../../support/app';

jest.setTimeout(300_000);

const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED', 'NOT_IMPLEMENTED', 'TIMEOUT']);
const LEAK = /neo4j|cypher|MATCH \(|\bat .*\.(ts|js)\b|\/work\/|node_modules|stack/i;

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', "' OR 1=1 --", '"}) MATCH (n) DETACH DELETE n //', '\u0000', '%00', '../../etc/passwd', '$where', '${x}', 'a'.repeat(3000)),
  fc.integer().map((n) => Buffer.from(`o:${n}`).toString('base64url')),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map((n) => Buffer.from(`o:${n}`).toString('base64url')),
);
const hostileInt = fc.oneof(fc.integer(), fc.constantFrom(-1, 0, 1, 200, 201, 2 ** 31 - 1, -(2 ** 31)));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

describe('GraphQL arguments under fuzz', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  async function check(query: string, variables: Record<string, unknown>) {
    const res = await gql(app.url, query, variables);
    for (const e of res.errors ?? []) {
      const code = String(e.extensions?.code);
      // Echoing the caller's own input back is no leak: take it out before looking for server internals.
      let own = e.message;
      for (const v of Object.values(variables)) if (typeof v === 'string' && v) own = own.split(v.slice(0, 64)).join('<input>');
      const verdict = CLIENT_CODES.has(code) && !LEAK.test(own) ? 'client error' : `${code}: ${e.message}`;
      expect({ verdict, query: query.slice(0, 40), variables }).toEqual({ verdict: 'client error', query: query.slice(0, 40), variables });
    }
  }

  it('creators, matches, account, node and reviewQueue never fail inside', async () => {
    await fc.assert(
      fc.asyncProperty(
        maybe(hostileInt),
        maybe(hostileString),
        maybe(hostileString),
        maybe(hostileInt),
        maybe(fc.constantFrom('TIKTOK', 'X')),
        async (first, after, text, n, platform) => {
          await check(
            'query($first: Int, $after: String, $search: String, $reach: Int) { creators(first: $first, after: $after, filter: { search: $search, minCombinedReach: $reach }) { totalCount pageInfo { endCursor } nodes { id } } }',
            { first, after, search: text, reach: n },
          );
          await check('query($first: Int, $after: String, $min: Int) { matches(first: $first, after: $after, minScore: $min) { totalCount nodes { id } } reviewQueue(first: 5, after: $after) { totalCount } }', { first, after, min: n });
          await check('query($p: Platform!, $u: String!) { account(platform: $p, username: $u) { id } }', { p: platform ?? 'X', u: text ?? '' });
          await check('query($id: ID!) { node(id: $id) { id } creator(id: $id) { id } }', { id: text ?? after ?? '' });
          await check('query($id: ID!, $since: DateTime) { node(id: $id) { ... on Account { posts(first: 5, since: $since) { totalCount } } } }', { id: text ?? 'x', since: after });
        },
      ),
      { numRuns: 60 },
    );
    const health = await fetch(app.url.replace(/\/graphql$/, '/healthz'));
    expect(health.status).toBe(200);
  });
});
