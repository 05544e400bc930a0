/**
 * The matcher's blocking keys as stored on accounts (see matching/graph-keys.ts for which keys and
 * why): `Account.linkKey`, `Account.domainKey`, `Account.nameKey`, `Account.nameWords`, `Account.blockKeys`, and BlockKey nodes joined by
 * HAS_KEY. The matcher decides the keys; these run the writes.
 */
import type { GraphClient } from '../neo4j/graph-client';
import { chunks } from './batches';

/** One account's keys as stored: all of them, and split by where each lives. */
export interface BlockKeyRow {
  id: string;
  keys: string[];
  link: string | null;
  domain: string | null;
  /** The display-name key (probabilistic matching), an indexed property like link and domain. */
  name: string | null;
  /** Name and handle words, space-separated, under the full-text index account_name_words. */
  words: string | null;
  nodeKeys: string[];
}

/** Accounts per statement when syncing keys that may change edges (delete and merge). */
const SYNC_BATCH = 2000;
/** Accounts per statement on a first sync (plain creates), and keys per BlockKey merge. */
const FIRST_SYNC_BATCH = 2000;
const KEY_BATCH = 5000;

/**
 * Stores keys of accounts that never stored any: the BlockKey nodes set-wise, then the edges as
 * plain creates. Returns the rows another writer synced meanwhile (to go through writeBlockKeys).
 */
export async function createBlockKeys(graph: GraphClient, rows: BlockKeyRow[]): Promise<BlockKeyRow[]> {
  const distinct = [...new Set(rows.flatMap((r) => r.nodeKeys))];
  for (const keys of chunks(distinct, KEY_BATCH)) await graph.write('graph/merge-block-keys', { keys });
  const left: BlockKeyRow[] = [];
  for (const batch of chunks(rows, FIRST_SYNC_BATCH)) {
    const done = new Set((await graph.write<{ id: string }>('graph/create-block-keys', { rows: batch })).map((r) => r.id));
    for (const r of batch) if (!done.has(r.id)) left.push(r);
  }
  return left;
}

/** Replaces the stored keys of accounts (edges added and removed as needed). */
export async function writeBlockKeys(graph: GraphClient, rows: BlockKeyRow[]): Promise<void> {
  for (const batch of chunks(rows, SYNC_BATCH)) await graph.write('graph/sync-block-keys', { rows: batch });
}
