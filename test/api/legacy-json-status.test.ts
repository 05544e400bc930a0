/**
 * The legacy watershed (src/api/legacy-json-status.ts): parse, validation and variable-coercion
 * failures answer 200 to a client that accepts only application/json, and keep 400 for one that
 * names application/graphql-response+json; other statuses are untouched.
 */
import { as, startTestApp, type TestApp } from '../support/app';

jest.setTimeout(120_000);

describe('status codes for request errors by accepted media type', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  const post = (body: unknown, accept?: string) =>
    fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}), ...as('viewer') },
      body: JSON.stringify(body),
    });

  const cases: [string, unknown, string][] = [
    ['parse failure', { query: '{ creators(' }, 'GRAPHQL_PARSE_FAILED'],
    ['validation failure', { query: '{ noSuchField }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['variable coercion failure', { query: 'query($n: Int) { creators(first: $n) { totalCount } }', variables: { n: 'many' } }, 'BAD_USER_INPUT'],
  ];

  it.each(cases)('%s: 200 for application/json (or no Accept), 400 for graphql-response+json', async (_name, body, code) => {
    for (const accept of ['application/json', undefined]) {
      const res = await post(body, accept);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const json = (await res.json()) as any;
      expect(json.data).toBeUndefined();
      expect(json.errors[0].extensions.code).toBe(code);
    }
    const strict = await post(body, 'application/graphql-response+json');
    expect(strict.status).toBe(400);
    expect(strict.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    // Listing both leaves Apollo's negotiation and status alone.
    const both = await post(body, 'application/graphql-response+json, application/json;q=0.9');
    expect(both.status).toBe(400);
  });

  it('leaves our own refusals and malformed bodies as they were', async () => {
    const deep = `{ creators(first: 1) { nodes { ${'similar(first: 1) { creator { '.repeat(10)}id${' } }'.repeat(10)} } } }`;
    const legacy = await post({ query: deep }, 'application/json');
    const strict = await post({ query: deep }, 'application/graphql-response+json');
    expect(((await legacy.json()) as any).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(legacy.status).toBe(strict.status);
    expect(legacy.status).not.toBe(200);

    const bad = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...as('viewer') }, body: '{"query": ' });
    expect(bad.status).toBe(400);
  });
});
