/**
 * What the review desk needs from the API, over the two transports it uses: queries and mutations
 * over HTTP (`requestGraphQL`), the `matchChanged` subscription over graphql-ws. The graphql-ws
 * client is passed in so the page decides the socket URL and tests can supply their own.
 */
import type { Client } from 'graphql-ws';
import { requestGraphQL, type GraphQLRequestError } from '../graphql-http';
import { onLiveState, subscribeLive, type LiveState as ConnectionState } from '../graphql-live';
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

export type { LiveState as ConnectionState } from '../graphql-live';

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
      return subscribeLive(opts.wsClient, MATCH_CHANGED_SUBSCRIPTION, (d: MatchChangedData) => d.matchChanged, next, error);
    },
    onConnection(listener) {
      return onLiveState(opts.wsClient, listener);
    },
  };
}
