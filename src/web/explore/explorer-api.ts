/**
 * What the explorer asks of the API: queries over HTTP (`requestGraphQL`) and the
 * `amplificationDetected` subscription over graphql-ws. The socket client is a function, so the
 * page can replace it when the user signs in with another key (graphql-ws reads credentials at connect).
 */
import type { Client } from 'graphql-ws';
import { GraphQLRequestError, requestGraphQL, type GraphQLErrorShape } from '../graphql-http';
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

export type LiveState = 'connecting' | 'connected' | 'closed';

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
      return opts.wsClient().subscribe<AmplificationData>(
        { query: AMPLIFICATION_SUBSCRIPTION },
        {
          next: (r) => {
            if (r.errors?.length) error(toRequestError(r.errors));
            else if (r.data) next(r.data.amplificationDetected);
          },
          error: (err) => error(toRequestError(err)),
          complete: () => undefined,
        },
      );
    },
    onConnection(listener) {
      const c = opts.wsClient();
      const offs = [c.on('connecting', () => listener('connecting')), c.on('connected', () => listener('connected')), c.on('closed', () => listener('closed'))];
      return () => offs.forEach((off) => off());
    },
  };
}
