/**
 * The hostile requests from issue 12, against the real server: each is refused before it runs,
 * /healthz answers throughout, and the process's memory ends near where it started. Timings are
 * printed, never asserted (the machine is shared).
 */
import { as, gql, startTestApp, type TestApp } from '../../support/app';

jest.setTimeout(120_000);

/** `creators(first: 200) { nodes { accounts { creator { accounts { ... } } } } }`, `levels` pairs deep. */
function nested(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `accounts { id creator { ${inner} } }`;
  return `{ creators(first: 200) { nodes { ${inner} } } }`;
}

const aliases = (n: number, fields = 'id displayName') =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: creators(first: 200) { nodes { ${fields} } }`).join(' ')} }`;
/** The request: 500 aliases of a list field, 75 KB. */
const ALIASES_75KB = aliases(500, 'id displayName combinedReach tier accounts { id platform username displayName followers verified profileUrl }');

describe('hostile requests', () => {
  let app: TestApp;
  let base: string;
  const timings: string[] = [];
  beforeAll(async () => {
    app = await startTestApp();
    base = app.url.replace(/\/graphql$/, '');
    // Disclosed warm-up of the test's own HTTP client, not the server: undici compiles its
    // WebAssembly HTTP parser on its first request, in this process, which the server shares; the
    // attack timings below would otherwise include it. The server's own start-up warm-up is
    // warmQueryChecks (src/api/limits/query-limits.ts), run by startApi as under `npm start`.
    await (await fetch(`${base}/healthz`)).arrayBuffer();
  });
  afterAll(async () => {
    console.log(`[attacks] outcome and time of each:\n  ${timings.join('\n  ')}`);
    await app?.close();
  });

  /** Runs `attack` while polling /healthz; returns the attack's body and the slowest health answer. */
  async function underWatch(name: string, attack: () => Promise<any>) {
    let stop = false;
    let slowest = 0;
    let healthy = 0;
    const watcher = (async () => {
      while (!stop) {
        const t = performance.now();
        const res = await fetch(`${base}/healthz`);
        slowest = Math.max(slowest, performance.now() - t);
        if (res.ok) healthy++;
        await res.arrayBuffer();
      }
    })();
    const t0 = performance.now();
    const body = await attack();
    const ms = performance.now() - t0;
    stop = true;
    await watcher;
    const e = body.errors?.[0];
    timings.push(`${name}: ${e?.extensions?.code ?? 'answered'} ${e?.extensions?.reason ?? ''} in ${ms.toFixed(1)} ms (${body.bytes} bytes); /healthz ${healthy} answers, slowest ${slowest.toFixed(1)} ms`);
    expect(healthy).toBeGreaterThan(0);
    return body;
  }

  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const text = JSON.stringify({ query, variables });
    const res = await gql(app.url, query, variables);
    return { ...res, bytes: text.length };
  };

  it('refuses the 20-level nesting, the 10- and 12-level ones and 500 aliases before running them, memory back near the start', async () => {
    const rssBefore = process.memoryUsage().rss;
    const deep = await underWatch('20 levels (950-byte class)', () => post(nested(20)));
    expect(deep.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'depth', limit: 12 });
    expect(deep.errors[0].message).toMatch(/depth is \d+, the limit is 12/);
    expect(deep.data).toBeUndefined();

    for (const levels of [10, 12]) {
      const mid = await underWatch(`${levels} levels`, () => post(nested(levels)));
      expect(mid.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(['depth', 'cost']).toContain(mid.errors[0].extensions.reason);
    }
    const many = await underWatch('500 aliases (28 KB)', () => post(aliases(500)));
    expect(many.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'aliases', limit: 30, actual: 500 });
    expect(ALIASES_75KB.length).toBeGreaterThan(75_000);
    const large = await underWatch('500 aliases (75 KB)', () => post(ALIASES_75KB));
    expect(large.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'aliases', limit: 30, actual: 500 });

    // Costed by `first`: 20 aliases each asking 200 creators with their accounts' posts is refused on cost.
    const costly = await underWatch('cost: 20 x creators(200) x posts(200)', () =>
      post(`{ ${Array.from({ length: 20 }, (_, i) => `c${i}: creators(first: 200) { nodes { accounts { posts(first: 200) { nodes { id } } } } }`).join(' ')} }`),
    );
    expect(costly.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'cost', limit: 50000 });
    expect(costly.errors[0].message).toMatch(/estimated cost is \d+, the limit is 50000/);

    const rssAfter = process.memoryUsage().rss;
    timings.push(`rss before ${(rssBefore / 2 ** 20).toFixed(0)} MB, after ${(rssAfter / 2 ** 20).toFixed(0)} MB`);
    expect(rssAfter - rssBefore).toBeLessThan(100 * 2 ** 20);
  });

  it('still answers an ordinary query of the same shape within the limits', async () => {
    const ok = await post(nested(3).replace('first: 200', 'first: 5'));
    expect(ok.errors).toBeUndefined();
    expect(ok.data.creators.nodes.length).toBeGreaterThan(0);
  });

  it('bounds cursors and string arguments', async () => {
    const far = Buffer.from('o:99999999').toString('base64url');
    const cursor = await underWatch('huge cursor offset', () => post('query($a: String) { creators(first: 5, after: $a) { totalCount } }', { a: far }));
    expect(cursor.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(cursor.errors[0].message).not.toMatch(/Neo|SKIP|cypher/i);

    const queue = await gql(app.url, '{ reviewQueue(first: 1) { nodes { id } } }');
    const id = queue.data.reviewQueue.nodes[0].id;
    const note = 'x'.repeat(900_000);
    const long = await underWatch('900,000-character review note', async () => ({
      ...(await gql(app.url, 'mutation($id: ID!, $n: String) { rejectMatch(id: $id, note: $n) { id } }', { id, n: note }, as('reviewer'))),
      bytes: note.length,
    }));
    expect(long.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(long.errors[0].message).toMatch(/900000 characters long; the limit is 2000/);
    const after = await gql(app.url, 'query($id: ID!) { node(id: $id) { ... on Match { status reviewNote } } }', { id });
    expect(after.data.node).toEqual({ status: 'PENDING', reviewNote: null });
  });

  it('answers oversized and malformed bodies with JSON, not an HTML page', async () => {
    const big = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...as('viewer') }, body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(2_000_000)}` }) });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toMatch(/json/);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');

    const bad = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...as('viewer') }, body: '{"query": "{ __typename }"' });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(JSON.parse(text).errors[0].message).toMatch(/not valid JSON/);
    expect(text).not.toMatch(/<html|at .*\.js|node_modules/i);
  });

  it('sends security headers and no X-Powered-By', async () => {
    const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...as('viewer') }, body: '{"query":"{ __typename }"}' });
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    for (const page of ['/review', '/playground']) {
      const p = await fetch(`${base}${page}`);
      expect(p.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    }
  });
});

describe('configurable surface', () => {
  it('turns introspection and the playground off when asked (the production default)', async () => {
    const app = await startTestApp({ GRAPHQL_INTROSPECTION: 'false', PLAYGROUND: 'false' });
    try {
      const res = await gql(app.url, '{ __schema { queryType { name } } }');
      expect(res.errors?.[0].message).toMatch(/introspection/i);
      const page = await fetch(app.url.replace(/\/graphql$/, '/playground'));
      expect(page.status).toBe(404);
      expect((await gql(app.url, '{ creators(first: 1) { totalCount } }')).errors).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('rate-limits per key with a JSON 429 and Retry-After, shared between instances through Redis', async () => {
    const REDIS_URL = process.env.CG_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    // A key name of its own: the counters in the shared Redis start at zero.
    const name = `iss12-rate-${Date.now()}`;
    const key = `rate-test-key-${Date.now()}`;
    const env = { API_KEYS: `viewer:${name}:${key}`, RATE_LIMIT_PER_MINUTE: '5', REDIS_URL };
    const a = await startTestApp(env);
    const b = await startTestApp(env);
    try {
      const ask = (url: string) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: '{"query":"{ __typename }"}' });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await ask(a.url)).status);
      for (let i = 0; i < 2; i++) statuses.push((await ask(b.url)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      const refused = await ask(b.url);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await b.close();
      await a.close();
    }
  });
});
