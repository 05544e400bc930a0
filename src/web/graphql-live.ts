/**
 * What the pages share about live updates over graphql-ws: one error shape for everything a
 * subscription can fail with, one subscribe that hands the page only the data it asked for, and
 * the socket's connection state as three words a status line can show.
 */
import type { Client } from 'graphql-ws';
import { GraphQLRequestError, type GraphQLErrorShape } from './graphql-http';

export type LiveState = 'connecting' | 'connected' | 'closed';

/**
 * A subscription error arrives as a GraphQL error list, a CloseEvent or an Error: one shape for the
 * page. A 4403 close is the server refusing the key, so it reads as FORBIDDEN, not as a network fault.
 */
export function toRequestError(err: unknown): GraphQLRequestError {
  if (err instanceof GraphQLRequestError) return err;
  if (Array.isArray(err) && err.length > 0) {
    const errors = err as GraphQLErrorShape[];
    const code = errors[0].extensions?.code;
    return new GraphQLRequestError(errors.map((e) => e.message).join('; '), typeof code === 'string' ? code : 'GRAPHQL_ERROR', undefined, errors);
  }
  if (err && typeof err === 'object' && 'code' in err && 'reason' in err) {
    const close = err as { code: number; reason: string };
    const code = close.code === 4403 ? 'FORBIDDEN' : 'SOCKET_CLOSED';
    return new GraphQLRequestError(`live updates closed (${close.code}${close.reason ? `: ${close.reason}` : ''})`, code);
  }
  return new GraphQLRequestError(err instanceof Error ? err.message : String(err), 'NETWORK');
}

/** Subscribes to `query` and hands `next` what `pick` takes from each result; errors in the page's shape. Returns the unsubscribe. */
export function subscribeLive<D, T>(client: Client, query: string, pick: (data: D) => T, next: (value: T) => void, error: (err: GraphQLRequestError) => void): () => void {
  return client.subscribe<D>(
    { query },
    {
      next: (r) => {
        if (r.errors?.length) error(toRequestError(r.errors));
        else if (r.data) next(pick(r.data));
      },
      error: (err) => error(toRequestError(err)),
      complete: () => undefined,
    },
  );
}

/** Calls `listener` as the socket connects, connects and closes. Returns the unlisten. */
export function onLiveState(client: Client, listener: (state: LiveState) => void): () => void {
  const offs = [client.on('connecting', () => listener('connecting')), client.on('connected', () => listener('connected')), client.on('closed', () => listener('closed'))];
  return () => offs.forEach((off) => off());
}
