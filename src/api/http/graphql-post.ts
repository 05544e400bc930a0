/**
 * The lean route for `POST /graphql`, the API's hot path: plain node:http, no express.
 *
 * Why: under load, express's router and request/response decoration, helmet's twelve header
 * middlewares and the express integration's copies cost more of our CPU per request than Apollo
 * itself (see the README's profile). This route runs the same gates in the same order (gates.ts:
 * credentials, rate limit, body-parser's JSON body with the same limit, depth and aliases), hands
 * the request to Apollo's `executeHTTPGraphQLRequest` as `@as-integrations/express5` does, and
 * answers as express's `res.send` would: the security headers (computed once, security-headers.ts),
 * Apollo's headers and status, Content-Length and the same weak ETag.
 *
 * Only an exact `POST <path>` (with or without a query string) takes this route; everything else
 * (GET, other methods, `/graphql/...` or differently cased paths express would also match) goes to
 * express, which runs the same gates (server.ts).
 */
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../auth/roles';
import { refusalBody, type Gates, type Refusal } from './gates';

type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

export interface GraphqlPostOptions<C extends BaseContext> {
  /** The GraphQL endpoint's path, e.g. '/graphql'. */
  path: string;
  gates: Gates;
  /** The JSON body parser express uses for the same path (body-parser's `json({ limit })`). */
  parseBody: NodeMiddleware;
  apollo: ApolloServer<C>;
  context(principal: Principal | null): Promise<C>;
  /** Sent on every answer, refusals included ([name, value] pairs, security-headers.ts). */
  securityHeaders: readonly [string, string][];
  /** Express's ETag function (`app.get('etag fn')`), so answers carry the ETag express would send. */
  etag?: (body: Buffer, encoding?: BufferEncoding) => string | undefined;
}

/** Returns a handler that answers `POST <path>` and returns true, or returns false for any other request. */
export function graphqlPostRoute<C extends BaseContext>(opts: GraphqlPostOptions<C>): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { path, gates, apollo } = opts;
  const withQuery = `${path}?`;

  /** Headers, status and body as express's res.send writes a string (Content-Length, ETag). */
  const send = (res: ServerResponse, status: number, headers: Iterable<[string, string]>, text: string) => {
    const body = Buffer.from(text, 'utf8');
    const out: string[] = [];
    for (const [k, v] of opts.securityHeaders) out.push(k, v);
    for (const [k, v] of headers) out.push(k, v);
    out.push('Content-Length', String(body.length));
    const tag = opts.etag?.(body);
    if (tag) out.push('ETag', tag);
    res.writeHead(status, out);
    res.end(body);
  };

  const refuse = (res: ServerResponse, r: Refusal) => {
    const headers: [string, string][] = Object.entries(r.headers ?? {});
    headers.push(['Content-Type', 'application/json; charset=utf-8']);
    send(res, r.status, headers, refusalBody(r));
  };

  const readBody = (req: IncomingMessage, res: ServerResponse) =>
    new Promise<unknown>((resolve, reject) => opts.parseBody(req, res, (err) => (err ? reject(err) : resolve((req as { body?: unknown }).body))));

  const answer = async (res: ServerResponse, out: HTTPGraphQLResponse) => {
    if (out.body.kind === 'complete') return send(res, out.status ?? 200, out.headers, out.body.string);
    // Incremental delivery (@defer): streamed as the express integration streams it.
    res.statusCode = out.status ?? 200;
    for (const [k, v] of opts.securityHeaders) res.setHeader(k, v);
    for (const [k, v] of out.headers) res.setHeader(k, v);
    for await (const chunk of out.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const serve = async (req: IncomingMessage, res: ServerResponse, search: string) => {
    try {
      const who = await gates.credentials(req.headers.authorization);
      if ('refusal' in who) return refuse(res, who.refusal);
      const limited = await gates.rate(who.principal, req.socket.remoteAddress);
      if (limited) return refuse(res, limited);
      const body = await readBody(req, res);
      const sent = (body as { query?: unknown } | undefined)?.query;
      // As express's `req.query.query` read it: a query given once in the URL.
      const inUrl = () => {
        const all = new URLSearchParams(search).getAll('query');
        return all.length === 1 ? all[0] : undefined;
      };
      const shape = gates.shape(typeof sent === 'string' ? sent : search ? inUrl() : undefined);
      if (shape) return refuse(res, shape);
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const out = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search, body },
        context: () => opts.context(who.principal),
      });
      await answer(res, out);
    } catch (err) {
      if (res.headersSent) return void res.destroy();
      refuse(res, gates.failure(err));
    }
  };

  return (req, res) => {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '';
    let search: string;
    if (url === path) search = '';
    else if (url.startsWith(withQuery)) {
      const hash = url.indexOf('#');
      search = url.slice(path.length, hash < 0 ? undefined : hash);
    } else return false;
    void serve(req, res, search);
    return true;
  };
}
