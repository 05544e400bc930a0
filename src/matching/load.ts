/**
 * A full run's load step: every account and every stored match, with the accounts indexed for
 * blocking as their rows arrive. Indexing (each account's features and blocking keys: Unicode
 * folding, URL parsing, bio scanning, hundreds of thousands of map entries) is the largest part of
 * planning; done while the server is still producing rows, it takes the time this thread would
 * otherwise spend waiting for them, and no row's driver record outlives its conversion.
 */
import type { GraphClient } from '../neo4j/graph-client';
import { BlockingIndex } from './blocking';
import type { MatchableRowWithCreator } from './graph-keys';
import type { MatchOptions } from './options';
import type { StoredMatch } from './write';

export interface LoadedAccounts {
  /** Every account row, in the order the server returned them. */
  accounts: MatchableRowWithCreator[];
  /** Every stored match. */
  existing: StoredMatch[];
  /** The accounts indexed with `opts` (planMatches takes it in place of the accounts). */
  index: BlockingIndex;
}

export async function loadAccounts(graph: GraphClient, opts: MatchOptions): Promise<LoadedAccounts> {
  let accounts: MatchableRowWithCreator[] = [];
  let index = new BlockingIndex(opts);
  const [existing] = await Promise.all([
    graph.read<StoredMatch>('matching/all-matches'),
    graph.readEach<MatchableRowWithCreator>(
      'matching/all-matchable-accounts',
      {},
      (row) => {
        accounts.push(row);
        index.add(row);
      },
      // A retried read starts over: so does the index.
      () => {
        accounts = [];
        index = new BlockingIndex(opts);
      },
    ),
  ]);
  return { accounts, existing, index };
}
