/**
 * What the review desk needs from the API, over the two transports it uses: queries and mutations
 * over HTTP (`requestGraphQL`), the `matchChanged` subscription over graphql-ws. The graphql-ws
 * client is passed in so the page decides the socket URL and tests can supply their own.
 */
import type { Client } from 'graphql-ws';
import { GraphQLRequestError, requestGraphQL, type GraphQLErrorShape } from '../graphql-http';
import {
  APPROVE_MUTATION,
  MATCH_CHANGED_SUBSCRIPTION,
  QUEUE_SIZE,
  REJECT_MUTATION,
  REVIEW_QUEUE_QUERY,
  type ApproveData,
  type MatchChangedData,
  type MatchChangedEvent,
  type RejectData,
  type ReviewMatch,
  type ReviewQueueData,
} from './documents';

export type ConnectionState = 'connecting' | 'connected' | 'closed';

export interface ReviewDeskApi {
  /** The first `QUEUE_SIZE` PENDING matches, strongest first, and how many are pending in all. */
  loadQueue(): Promise<{ matches: ReviewMatch[]; totalCount: number }>;
  approve(id: string, note?: string): Promise<ReviewMatch>;
  reject(id: string, note?: string): Promise<ReviewMatch>;
  /** Subscribes to every match change; returns the unsubscribe function. */
  onMatchChanged(next: (event: MatchChangedEvent) => void, error: (err: GraphQLRequestError) => void): () => void;
  /** Reports the live connection's state; returns the function that stops reporting. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

export interface ReviewDeskApiOptions {
  /** The GraphQL HTTP endpoint (path or URL). */
  graphqlUrl: string;
  /** graphql-ws client on the same endpoint. */
  wsClient: Client;
  /** Extra request headers, read per request (e.g. Authorization from the page's token field). Default none. */
  headers?: () => Record<string, string>;
  /** Default: the global fetch. */
  fetchImpl?: typeof fetch;
}

/** A subscription error arrives as a GraphQL error list, a CloseEvent or an Error: one shape for the page. */
function toRequestError(err: unknown): GraphQLRequestError {
  if (err instanceof GraphQLRequestError) return err;
  if (Array.isArray(err) && err.length > 0) {
    const errors = err as GraphQLErrorShape[];
    const code = errors[0].extensions?.code;
    return new GraphQLRequestError(errors.map((e) => e.message).join('; '), typeof code === 'string' ? code : 'GRAPHQL_ERROR', undefined, errors);
  }
  if (err && typeof err === 'object' && 'code' in err && 'reason' in err) {
    const close = err as { code: number; reason: string };
    return new GraphQLRequestError(`live updates closed (${close.code}${close.reason ? `: ${close.reason}` : ''})`, 'SOCKET_CLOSED');
  }
  return new GraphQLRequestError(err instanceof Error ? err.message : String(err), 'NETWORK');
}

export function createReviewDeskApi(opts: ReviewDeskApiOptions): ReviewDeskApi {
  const request = <T>(query: string, variables: Record<string, unknown>) =>
    requestGraphQL<T>({ url: opts.graphqlUrl, query, variables, headers: opts.headers?.(), fetchImpl: opts.fetchImpl });

  return {
    async loadQueue() {
      const data = await request<ReviewQueueData>(REVIEW_QUEUE_QUERY, { first: QUEUE_SIZE });
      return { matches: data.reviewQueue.nodes, totalCount: data.reviewQueue.totalCount };
    },
    async approve(id, note) {
      return (await request<ApproveData>(APPROVE_MUTATION, { id, note: note || null })).approveMatch;
    },
    async reject(id, note) {
      return (await request<RejectData>(REJECT_MUTATION, { id, note: note || null })).rejectMatch;
    },
    onMatchChanged(next, error) {
      return opts.wsClient.subscribe<MatchChangedData>(
        { query: MATCH_CHANGED_SUBSCRIPTION },
        {
          next: (result) => {
            if (result.errors?.length) error(toRequestError(result.errors));
            else if (result.data) next(result.data.matchChanged);
          },
          error: (err) => error(toRequestError(err)),
          complete: () => undefined,
        },
      );
    },
    onConnection(listener) {
      const offs = [
        opts.wsClient.on('connecting', () => listener('connecting')),
        opts.wsClient.on('connected', () => listener('connected')),
        opts.wsClient.on('closed', () => listener('closed')),
      ];
      return () => offs.forEach((off) => off());
    },
  };
}
