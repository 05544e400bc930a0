/**
 * One batch of model records written in dependency order, the step every source shares (the
 * ingestion lanes and replay): accounts (bringing back deactivated ones fetched again) -> posts of
 * known authors (counts the response left out keep their stored values) -> amplifications (edges
 * whose source is missing wait as pending; pending ones whose source just arrived are connected)
 * -> deactivations. Idempotent. The aggregates' own modules do the writing.
 */
import type { GraphClient } from '../neo4j/graph-client';
import { deactivateAccounts, writeAccounts, type AccountWriteOptions, type Deactivation } from './accounts';
import { accountId, type AccountRecord } from './model';
import { latestBy, writePostBatch, type PostWrite, type PostWriteOptions } from './posts';

export interface RecordBatch {
  accounts?: AccountRecord[];
  posts?: PostWrite[];
  /** Posts written only when their author is already in the graph (X referenced originals). */
  optionalPosts?: PostWrite[];
  deactivations?: Deactivation[];
}

export interface BatchSummary {
  accounts: string[];
  posts: number;
  amplifications: number;
  deactivated: string[];
  /** Posts left out because their author is not in the graph. */
  orphanPosts: string[];
  /** Ids of the posts written. */
  postIds: string[];
}

export async function writeBatch(
  graph: GraphClient,
  batch: RecordBatch,
  opts: AccountWriteOptions = {},
  postOpts: PostWriteOptions = {},
): Promise<BatchSummary> {
  const accounts = latestBy(batch.accounts ?? [], (a) => accountId(a.platform, a.platformUserId), (a) => a.fetchedAt);
  const written = accounts.length > 0 ? await writeAccounts(graph, accounts, opts) : new Map<string, string>();
  const posts = await writePostBatch(graph, batch.posts ?? [], batch.optionalPosts ?? [], postOpts);
  const deactivated = await deactivateAccounts(graph, batch.deactivations ?? []);
  return { accounts: [...written.keys()], ...posts, deactivated };
}
