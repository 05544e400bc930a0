import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLRequestError, requestGraphQL, websocketUrl } from '../../src/web/graphql-http';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A one-route server on 127.0.0.1 whose answer each test sets. */
describe('requestGraphQL', () => {
  let server: Server;
  let url: string;
  let handler: Handler;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => handler(req, body, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  it('posts the query and variables as JSON and returns data', async () => {
    let seen: { method?: string; type?: string; auth?: string; body?: unknown } = {};
    handler = (req, body, res) => {
      seen = { method: req.method, type: req.headers['content-type'], auth: req.headers.authorization, body: JSON.parse(body) };
      json(res, 200, { data: { ok: 1 } });
    };
    const data = await requestGraphQL<{ ok: number }>({ url, query: 'query Q($a: Int) { ok }', variables: { a: 2 }, headers: { authorization: 'Bearer t' } });
    expect(data).toEqual({ ok: 1 });
    expect(seen).toEqual({ method: 'POST', type: 'application/json', auth: 'Bearer t', body: { query: 'query Q($a: Int) { ok }', variables: { a: 2 } } });
  });

  it('surfaces the GraphQL error code from extensions', async () => {
    handler = (_req, _body, res) =>
      json(res, 200, { data: null, errors: [{ message: 'Match m1 is already REJECTED', extensions: { code: 'MATCH_ALREADY_DECIDED' } }] });
    const err = await requestGraphQL({ url, query: '{ x }' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphQLRequestError);
    expect(err).toMatchObject({ code: 'MATCH_ALREADY_DECIDED', status: 200, message: 'Match m1 is already REJECTED' });
  });

  it('reads GraphQL errors from a 400 response too', async () => {
    handler = (_req, _body, res) => json(res, 400, { errors: [{ message: 'bad field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    await expect(requestGraphQL({ url, query: '{ x }' })).rejects.toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', status: 400 });
  });

  it('reports an HTTP failure without a GraphQL body', async () => {
    handler = (_req, _body, res) => res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
    await expect(requestGraphQL({ url, query: '{ x }' })).rejects.toMatchObject({ code: 'HTTP_502', status: 502 });
  });

  it('reports a response without data', async () => {
    handler = (_req, _body, res) => json(res, 200, {});
    await expect(requestGraphQL({ url, query: '{ x }' })).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('reports an unreachable server as NETWORK', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(requestGraphQL({ url: `http://127.0.0.1:${port}/graphql`, query: '{ x }' })).rejects.toMatchObject({ code: 'NETWORK' });
  });
});

describe('websocketUrl', () => {
  it('uses ws on http and wss on https, on the page host', () => {
    expect(websocketUrl({ protocol: 'http:', host: '127.0.0.1:4000' }, '/graphql')).toBe('ws://127.0.0.1:4000/graphql');
    expect(websocketUrl({ protocol: 'https:', host: 'cg.example' }, 'api/graphql')).toBe('wss://cg.example/api/graphql');
  });
});
