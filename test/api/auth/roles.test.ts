/**
 * Auth and roles through the real server: every mutation with every role (a call built from the
 * schema, so a mutation added later is covered too), queries, wrong keys, the actor recorded on a
 * decision, graphql-ws credentials, and a JWT from an identity provider (a local JWKS).
 */
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import { createClient } from 'graphql-ws';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { createPubSubHandle } from '../../../src/api/pubsub';
import { buildApiSchema } from '../../../src/api/schema';
import { as, gql, startTestApp, TEST_API_KEYS, TEST_KEYS, TEST_REVIEWER_NAME, type TestApp } from '../../support/app';

jest.setTimeout(120_000);

/** The role each mutation needs; a mutation missing here is only checked to refuse anonymous and viewer callers. */
const REQUIRED: Record<string, 'reviewer' | 'admin'> = {
  approveMatch: 'reviewer',
  rejectMatch: 'reviewer',
  linkAccounts: 'reviewer',
  runMatching: 'admin',
  trackCreator: 'admin',
  untrackCreator: 'admin',
  refreshAccount: 'admin',
  createBrand: 'admin',
  createCampaign: 'admin',
  runExport: 'admin',
};
/** Mutations whose allowed call would have effects outside the test graph (files, a warehouse): only their refusals are checked. */
const REFUSALS_ONLY = new Set(['runExport']);
const RANK = { anonymous: -1, viewer: 0, reviewer: 1, admin: 2 } as const;
type Caller = keyof typeof RANK;
const headersOf = (c: Caller) => (c === 'anonymous' ? { authorization: '' } : as(c));

/** A literal of the type that parses and coerces: enough to reach the resolver and its role check. */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].name;
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  switch (named.name) {
    case 'Int':
    case 'Float':
      return '1';
    case 'Boolean':
      return 'true';
    case 'DateTime':
      return '"2026-01-01T00:00:00Z"';
    default:
      return '"auth-test-none"';
  }
}

describe('auth and roles', () => {
  let app: TestApp;
  let mutations: { name: string; doc: string }[];
  beforeAll(async () => {
    app = await startTestApp();
    const schema = await buildApiSchema(createPubSubHandle().pubSub);
    mutations = Object.values(schema.getMutationType()!.getFields()).map((f) => {
      const args = f.args.filter((a) => isNonNullType(a.type)).map((a) => `${a.name}: ${literal(a.type)}`);
      return { name: f.name, doc: `mutation { ${f.name}${args.length ? `(${args.join(', ')})` : ''} { __typename } }` };
    });
  });
  afterAll(() => app?.close());

  it('checks every mutation against every role', async () => {
    const seen: string[] = [];
    for (const m of mutations) {
      const required = REQUIRED[m.name];
      for (const caller of ['anonymous', 'viewer', 'reviewer', 'admin'] as Caller[]) {
        const allowed = required !== undefined && RANK[caller] >= RANK[required];
        // Allowed calls with outside effects, and callers above viewer on a mutation the table does not know, are not made.
        if (allowed && REFUSALS_ONLY.has(m.name)) continue;
        if (!required && caller !== 'anonymous' && caller !== 'viewer') continue;
        const res = await gql(app.url, m.doc, {}, headersOf(caller));
        const code = res.errors?.[0]?.extensions?.code;
        let expected: string | undefined;
        if (caller === 'anonymous') expected = 'UNAUTHENTICATED';
        else if (caller === 'viewer' || (required && RANK[caller] < RANK[required])) expected = 'FORBIDDEN';
        if (expected) expect({ m: m.name, caller, code }).toEqual({ m: m.name, caller, code: expected });
        else if (required) expect({ m: m.name, caller, code: code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'passed' }).toEqual({ m: m.name, caller, code: 'passed' });
        seen.push(`${m.name}:${caller}:${code ?? 'ok'}`);
      }
    }
    // Every mutation of the contract is in the table (a new one falls back to "admin" until annotated).
    for (const name of Object.keys(REQUIRED)) expect(mutations.map((m) => m.name)).toContain(name);
    console.log(`[auth] mutation x role outcomes:\n  ${seen.join('\n  ')}`);
  });

  it('lets any key read and no one without a key', async () => {
    const q = '{ creators(first: 1) { totalCount } }';
    expect((await gql(app.url, q, {}, as('viewer'))).errors).toBeUndefined();
    const anon = await gql(app.url, q, {}, { authorization: '' });
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anon.errors?.[0].message).toMatch(/Authorization: Bearer/);
  });

  it('refuses a wrong key with 401 and a JSON error, for any operation', async () => {
    for (const authorization of ['Bearer not-a-key-at-all-000', `Bearer ${TEST_KEYS.admin}x`, 'Basic abc']) {
      const res = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it("records the key's name as the reviewer, whatever X-User says", async () => {
    const queue = await gql(app.url, '{ reviewQueue(first: 1) { nodes { id } } }');
    const id = queue.data.reviewQueue.nodes[0].id;
    const res = await gql(app.url, 'mutation($id: ID!) { rejectMatch(id: $id, note: "auth test") { reviewedBy history { actor } } }', { id }, { ...as('reviewer'), 'x-user': 'mallory' });
    expect(res.errors).toBeUndefined();
    expect(res.data.rejectMatch.reviewedBy).toBe(TEST_REVIEWER_NAME);
    expect(res.data.rejectMatch.history.at(-1).actor).toBe(TEST_REVIEWER_NAME);
  });

  describe('graphql-ws credentials', () => {
    /** Resolves with the close code the server chose, or 'open' once a subscription is accepted. */
    function connect(connectionParams: Record<string, unknown> | undefined): Promise<number | 'open'> {
      return new Promise((resolve) => {
        const client = createClient({
          url: app.wsUrl,
          webSocketImpl: WebSocket,
          retryAttempts: 0,
          lazy: false,
          onNonLazyError: () => undefined, // the close code is what this test reads
          connectionParams,
          on: {
            connected: () => {
              resolve('open');
              void client.dispose();
            },
            closed: (e) => resolve((e as { code: number }).code),
          },
        });
      });
    }

    it('closes with 4403 for a wrong or missing key and accepts a right one', async () => {
      expect(await connect({ authorization: 'Bearer wrong-key-0000000000000' })).toBe(4403);
      expect(await connect(undefined)).toBe(4403);
      expect(await connect({ authorization: `Bearer ${TEST_KEYS.viewer}` })).toBe('open');
      expect(await connect({ authorization: TEST_KEYS.viewer })).toBe('open');
    });

    it('checks roles on ws operations as on HTTP', async () => {
      const client = createClient({ url: app.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${TEST_KEYS.viewer}` } });
      try {
        const result = await new Promise<any>((resolve, reject) => {
          client.subscribe({ query: 'mutation { runMatching { id } }' }, { next: resolve, error: reject, complete: () => undefined });
        });
        expect(result.errors[0].extensions.code).toBe('FORBIDDEN');
      } finally {
        await client.dispose();
      }
    });
  });
});

describe('JWT bearer tokens from an identity provider', () => {
  let app: TestApp;
  let jwks: Server;
  let sign: (claims: Record<string, unknown>, sub: string, audience?: string) => Promise<string>;
  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const port = (jwks.address() as AddressInfo).port;
    sign = (claims, sub, audience = 'creator-graph') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject(sub)
        .setIssuer('https://idp.test/')
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    app = await startTestApp({
      API_KEYS: TEST_API_KEYS,
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
      AUTH_JWT_ISSUER: 'https://idp.test/',
      AUTH_JWT_AUDIENCE: 'creator-graph',
    });
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((r) => jwks?.close(r));
  });

  it('takes the role from the roles claim and the actor from the subject', async () => {
    const reviewer = await sign({ roles: ['viewer', 'reviewer'] }, 'sam@agency.test');
    const queue = await gql(app.url, '{ reviewQueue(first: 1) { nodes { id } } }', {}, { authorization: `Bearer ${reviewer}` });
    expect(queue.errors).toBeUndefined();
    const id = queue.data.reviewQueue.nodes[0].id;
    const res = await gql(app.url, 'mutation($id: ID!) { approveMatch(id: $id) { reviewedBy } }', { id }, { authorization: `Bearer ${reviewer}` });
    expect(res.errors).toBeUndefined();
    expect(res.data.approveMatch.reviewedBy).toBe('sam@agency.test');
    const forbidden = await gql(app.url, 'mutation { runMatching { id } }', {}, { authorization: `Bearer ${reviewer}` });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a token with the wrong audience or no known role', async () => {
    for (const token of [await sign({ roles: ['admin'] }, 'eve', 'another-service'), await sign({ roles: ['superuser'] }, 'eve')]) {
      const res = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(res.status).toBe(401);
    }
  });
});
