/**
 * The lean POST route (src/api/http/graphql-post.ts) answers exactly as the express wiring it
 * bypasses: the same request sent to `/graphql` (lean) and to `/graphql/` (which only express's
 * mount matches, through the same gates and Apollo) gets the same status, headers (but Date) and
 * body, for answers and for every refusal the gates and Apollo make.
 */
import { gzipSync } from 'node:zlib';
import { as, startTestApp, type TestApp } from '../../support/app';

jest.setTimeout(120_000);

type Req = { headers?: Record<string, string>; body?: string | Buffer; search?: string };

const json = { 'content-type': 'application/json' };
const deep = `{ creators(first: 1) { nodes { ${'similar(first: 1) { creator { '.repeat(10)}id${' } }'.repeat(10)} } } }`;

const cases: [string, Req][] = [
  ['an ordinary query', { headers: { ...json, ...as('viewer') }, body: JSON.stringify({ query: '{ creators(first: 2) { totalCount nodes { id displayName } } }' }) }],
  ['variables and an operation name', { headers: { ...json, ...as('viewer') }, body: JSON.stringify({ query: 'query Q($n: Int) { creators(first: $n) { totalCount } }', variables: { n: 1 }, operationName: 'Q' }) }],
  ['a wrong key (401)', { headers: { ...json, authorization: 'Bearer not-a-key' }, body: '{"query":"{ __typename }"}' }],
  ['no credentials (refused field by field)', { headers: json, body: '{"query":"{ creators(first: 1) { totalCount } }"}' }],
  ['malformed JSON', { headers: { ...json, ...as('viewer') }, body: '{"query": ' }],
  ['an empty body', { headers: { ...json, ...as('viewer') }, body: '' }],
  ['a JSON array (batch)', { headers: { ...json, ...as('viewer') }, body: '[{"query":"{ __typename }"}]' }],
  ['a plain-text body (CSRF prevention)', { headers: { 'content-type': 'text/plain', ...as('viewer') }, body: '{"query":"{ __typename }"}' }],
  ['an unsupported charset (415)', { headers: { 'content-type': 'application/json; charset=latin1', ...as('viewer') }, body: '{"query":"{ __typename }"}' }],
  ['a body over the limit (413)', { headers: { ...json, ...as('viewer') }, body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` }) }],
  ['a gzip-encoded body', { headers: { ...json, 'content-encoding': 'gzip', ...as('viewer') }, body: gzipSync('{"query":"{ creators(first: 1) { totalCount } }"}') }],
  ['a query too deep', { headers: { ...json, ...as('viewer') }, body: JSON.stringify({ query: deep }) }],
  ['a query too deep in the URL only', { headers: { ...json, ...as('viewer') }, body: '{"variables":{}}', search: `?query=${encodeURIComponent(deep)}` }],
  ['variables as a string', { headers: { ...json, ...as('viewer') }, body: '{"query":"{ __typename }","variables":"{}"}' }],
  ['a parse failure, legacy JSON client', { headers: { ...json, accept: 'application/json', ...as('viewer') }, body: '{"query":"{ creators("}' }],
  ['a validation failure, graphql-response+json client', { headers: { ...json, accept: 'application/graphql-response+json', ...as('viewer') }, body: '{"query":"{ noSuchField }"}' }],
  ['an Accept the API cannot serve (406)', { headers: { ...json, accept: 'text/csv', ...as('viewer') }, body: '{"query":"{ __typename }"}' }],
];

describe('POST /graphql: the lean route and the express wiring answer alike', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  const send = async (url: string, r: Req) => {
    const res = await fetch(`${url}${r.search ?? ''}`, { method: 'POST', headers: r.headers, body: r.body });
    const headers = [...res.headers].filter(([k]) => k !== 'date' && k !== 'keep-alive' && k !== 'connection').sort();
    return { status: res.status, headers, body: await res.text() };
  };

  it.each(cases)('%s', async (_name, r) => {
    const lean = await send(app.url, r);
    const viaExpress = await send(`${app.url}/`, r);
    expect(lean).toEqual(viaExpress);
    // Every answer carries the security headers, refusals included.
    expect(Object.fromEntries(lean.headers)).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });
    expect(lean.body).not.toMatch(/<html|node_modules/i);
  });

  it('rate-limits both alike, with Retry-After', async () => {
    const key = `lean-rate-key-${Date.now()}`;
    const limited = await startTestApp({ API_KEYS: `viewer:lean-rate:${key}`, RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const r: Req = { headers: { ...json, authorization: `Bearer ${key}` }, body: '{"query":"{ __typename }"}' };
      expect((await send(limited.url, r)).status).toBe(200);
      expect((await send(`${limited.url}/`, r)).status).toBe(200);
      const lean = await send(limited.url, r);
      const viaExpress = await send(`${limited.url}/`, r);
      for (const x of [lean, viaExpress]) {
        expect(x.status).toBe(429);
        expect(JSON.parse(x.body).errors[0].extensions.code).toBe('RATE_LIMITED');
        expect(Number(Object.fromEntries(x.headers)['retry-after'])).toBeGreaterThan(0);
      }
      const names = (x: { headers: [string, string][] }) => x.headers.map(([k]) => k);
      expect(names(lean)).toEqual(names(viaExpress));
    } finally {
      await limited.close();
    }
  });
});
