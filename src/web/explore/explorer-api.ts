/**
 * What the explorer asks of the API: queries over HTTP (`requestGraphQL`) and the
 * `amplificationDetected` subscription over graphql-ws. The socket client is a function, so the
 * page can replace it when the user signs in with another key (graphql-ws reads credentials at connect).
 */
import type { Client } from 'graphql-ws';
import { requestGraphQL, type GraphQLRequestError } from '../graphql-http';
import { onLiveState, subscribeLive, type LiveState } from '../graphql-live';
import {
  AMPLIFICATION_SUBSCRIPTION,
  CHAINS_QUERY,
  COMPETITOR_QUERY,
  CREATOR_QUERY,
  HASHTAGS_QUERY,
  NEIGHBORHOOD_QUERY,
  NODE_QUERY,
  SEARCH_QUERY,
  WHOAMI_QUERY,
  type AmplificationData,
  type AmplificationEvent,
  type Chain,
  type ChainsData,
  type CompetitorData,
  type CreatorData,
  type Graph,
  type HashtagsData,
  type NodeData,
  type SearchData,
} from './documents';

export type { LiveState } from '../graphql-live';

export interface ExplorerApi {
  neighborhood(id: string, depth: number, limit: number): Promise<Graph>;
  competitor(brandId: string, limit: number): Promise<CompetitorData>;
  search(text: string): Promise<SearchData>;
  hashtags(): Promise<HashtagsData['hashtagTrends']>;
  chains(of: string): Promise<Chain[]>;
  creator(id: string): Promise<CreatorData['creator']>;
  node(id: string): Promise<NodeData['node']>;
  /** Resolves when `key` is accepted (the page's sign-in); rejects with the API's code otherwise. */
  checkKey(key: string): Promise<void>;
  onAmplification(next: (e: AmplificationEvent) => void, error: (err: GraphQLRequestError) => void): () => void;
  onConnection(listener: (state: LiveState) => void): () => void;
}

export interface ExplorerApiOptions {
  graphqlUrl: string;
  headers: () => Record<string, string>;
  wsClient: () => Client;
  fetchImpl?: typeof fetch;
}

export function createExplorerApi(opts: ExplorerApiOptions): ExplorerApi {
  const request = <T>(query: string, variables: Record<string, unknown> = {}, headers = opts.headers()) =>
    requestGraphQL<T>({ url: opts.graphqlUrl, query, variables, headers, fetchImpl: opts.fetchImpl });
  return {
    async neighborhood(id, depth, limit) {
      return (await request<{ neighborhood: Graph }>(NEIGHBORHOOD_QUERY, { id, depth, limit })).neighborhood;
    },
    competitor: (brandId, limit) => request<CompetitorData>(COMPETITOR_QUERY, { brandId, limit }),
    search: (text) => request<SearchData>(SEARCH_QUERY, { search: text }),
    async hashtags() {
      return (await request<HashtagsData>(HASHTAGS_QUERY)).hashtagTrends;
    },
    async chains(of) {
      const vars = of.startsWith('cp_') ? { campaignId: of, first: 20 } : { creatorId: of, first: 20 };
      return (await request<ChainsData>(CHAINS_QUERY, vars)).amplificationChains;
    },
    async creator(id) {
      return (await request<CreatorData>(CREATOR_QUERY, { id })).creator;
    },
    async node(id) {
      return (await request<NodeData>(NODE_QUERY, { id })).node;
    },
    async checkKey(key) {
      await request(WHOAMI_QUERY, {}, key ? { authorization: `Bearer ${key}` } : {});
    },
    onAmplification(next, error) {
      return subscribeLive(opts.wsClient(), AMPLIFICATION_SUBSCRIPTION, (d: AmplificationData) => d.amplificationDetected, next, error);
    },
    onConnection(listener) {
      return onLiveState(opts.wsClient(), listener);
    },
  };
}
