/**
 * The API's security headers: helmet's, configured once here. Express runs the middleware on every
 * page and endpoint it serves; the lean GraphQL POST route (graphql-post.ts) sends the same headers
 * as a list computed once at start-up, because with this configuration they never depend on the
 * request (no CSP nonces, no per-request directives): running helmet's twelve middlewares per
 * request only rebuilt the same strings.
 */
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The API answers JSON: nothing in it may run or be framed. The pages send their own policy. */
export const apiHelmet = () =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
    // Served over plain HTTP locally; HSTS belongs to the TLS-terminating proxy in front.
    strictTransportSecurity: false,
  });

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * The headers a helmet middleware sets, as [name, value] pairs, recorded by running it once against
 * a stand-in response. Throws if the middleware does anything this cannot replay (asks for the
 * request, calls back asynchronously or with an error): then the headers are not static and must
 * not be precomputed.
 */
export function recordHeaders(middleware: Middleware): [string, string][] {
  const headers = new Map<string, [string, string]>();
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      if (typeof value !== 'string') throw new Error(`security header ${name} is not a plain string`);
      headers.set(name.toLowerCase(), [name, value]);
      return res;
    },
    // helmet removes X-Powered-By, which node:http never sends.
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  const req = new Proxy({} as IncomingMessage, {
    get(_t, key) {
      throw new Error(`security headers depend on the request (${String(key)}): they cannot be precomputed`);
    },
  });
  let done = false;
  middleware(req, res as unknown as ServerResponse, (err) => {
    if (err) throw err instanceof Error ? err : new Error(String(err));
    done = true;
  });
  if (!done) throw new Error('the security header middleware did not finish synchronously');
  return [...headers.values()];
}
