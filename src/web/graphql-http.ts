/**
 * A minimal GraphQL-over-HTTP client for the review desk (the playground uses GraphiQL's own
 * fetcher). Every failure becomes a `GraphQLRequestError` with a machine-readable `code`: the first
 * GraphQL error's `extensions.code` when the server sent one, else NETWORK / HTTP_<status> /
 * BAD_RESPONSE, so the page can show the reviewer what went wrong and why.
 * Uses only `fetch`, which both browsers and Node 20 provide.
 */

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  constructor(
    message: string,
    /** extensions.code of the first GraphQL error, or NETWORK, HTTP_<status>, BAD_RESPONSE. */
    readonly code: string,
    /** HTTP status, when a response arrived. */
    readonly status?: number,
    /** Every GraphQL error the server returned. */
    readonly errors: readonly GraphQLErrorShape[] = [],
  ) {
    super(message);
  }
}

export interface GraphQLRequest {
  /** Endpoint URL or path (a path resolves against the page in a browser). */
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Extra headers, e.g. Authorization. */
  headers?: Record<string, string>;
  /** Defaults to the global fetch; injectable for tests. */
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
}

export async function requestGraphQL<T>(req: GraphQLRequest): Promise<T> {
  const doFetch = req.fetchImpl ?? fetch;
  let res: Response;
  try {
    res = await doFetch(req.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...req.headers,
      },
      body: JSON.stringify({ query: req.query, variables: req.variables ?? {} }),
      signal: req.signal,
    });
  } catch (err) {
    throw new GraphQLRequestError(`cannot reach the API: ${(err as Error).message}`, 'NETWORK');
  }
  const text = await res.text();
  let body: { data?: T | null; errors?: GraphQLErrorShape[] } | undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  if (errors.length > 0) {
    const first = errors[0];
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'GRAPHQL_ERROR';
    throw new GraphQLRequestError(errors.map((e) => e.message).join('; '), code, res.status, errors);
  }
  if (!res.ok) {
    throw new GraphQLRequestError(`the API answered HTTP ${res.status}: ${text.slice(0, 200)}`, `HTTP_${res.status}`, res.status);
  }
  if (!body || body.data == null) {
    throw new GraphQLRequestError('the API answered without data', 'BAD_RESPONSE', res.status);
  }
  return body.data;
}

/** The graphql-ws URL for an HTTP endpoint path on the page's own host (wss behind https). */
export function websocketUrl(location: { protocol: string; host: string }, path: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path.startsWith('/') ? path : `/${path}`}`;
}
