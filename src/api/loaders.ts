/**
 * Per-request DataLoaders: every field that walks a relationship asks a loader, and each loader
 * answers all the keys asked for in one tick with one Cypher statement. A list of 50 creators with
 * their accounts, match and posts therefore costs a fixed handful of round trips, not 50 x N.
 * Loaders with arguments (a page of posts, a history range) key on the arguments too and batch
 * the keys that share them.
 */
import DataLoader from 'dataloader';
import { amplificationChains, type ChainOptions } from '../analytics/chains';
import * as read from '../graph/read';
import { accountsByBrands, brandsByIds } from '../graph/brands';
import { campaignsByIds, creatorsByCampaigns } from '../graph/campaigns';
import { coversColumns, type AccountColumnSet } from '../graph/account-columns';
import type { Platform } from '../graph/model';
import type { AccountRow } from '../graph/rows';
import type { GraphClient } from '../neo4j/graph-client';

/** A loader for keys that carry arguments: one statement per distinct argument set in a tick. */
function argLoader<A, V>(fetch: (ids: string[], args: A) => Promise<V[]>) {
  return new DataLoader<{ id: string; args: A }, V, string>(
    async (keys) => {
      const groups = new Map<string, { args: A; ids: string[] }>();
      for (const k of keys) {
        const sig = JSON.stringify(k.args);
        const g = groups.get(sig) ?? { args: k.args, ids: [] };
        g.ids.push(k.id);
        groups.set(sig, g);
      }
      const results = new Map<string, V>();
      await Promise.all(
        [...groups.entries()].map(async ([sig, g]) => {
          const ids = [...new Set(g.ids)];
          const values = await fetch(ids, g.args);
          ids.forEach((id, i) => results.set(`${sig}|${id}`, values[i]));
        }),
      );
      return keys.map((k) => results.get(`${JSON.stringify(k.args)}|${k.id}`) as V);
    },
    { cacheKeyFn: (k) => `${JSON.stringify(k.args)}|${k.id}` },
  );
}

/**
 * Each creator's accounts, read with the columns their readers need (graph/account-columns.ts). A
 * row is cached with the column set it was read with and serves only readers whose set it covers;
 * a reader needing more reads again (with both sets), so a narrow row never answers a wider
 * selection. Loads in one tick are one statement, read with the union of their sets.
 */
export class AccountsByCreatorLoader {
  private readonly cache = new Map<string, { columns: AccountColumnSet; rows: Promise<AccountRow[]> }>();
  private readonly batch: DataLoader<{ id: string; columns: AccountColumnSet }, AccountRow[], string>;

  constructor(g: GraphClient) {
    this.batch = new DataLoader(
      async (keys) => {
        let columns = 0;
        for (const k of keys) columns |= k.columns;
        const ids = [...new Set(keys.map((k) => k.id))];
        const rows = await read.accountsByCreators(g, ids, columns);
        const byId = new Map(ids.map((id, i) => [id, rows[i]]));
        return keys.map((k) => byId.get(k.id) as AccountRow[]);
      },
      // Caching is this class's (by column coverage); DataLoader only batches.
      { cache: false },
    );
  }

  load(id: string, columns: AccountColumnSet): Promise<AccountRow[]> {
    const hit = this.cache.get(id);
    if (hit && coversColumns(hit.columns, columns)) return hit.rows;
    const want = hit ? hit.columns | columns : columns;
    const rows = this.batch.load({ id, columns: want });
    this.cache.set(id, { columns: want, rows });
    return rows;
  }

  /** Rows a statement already read with `columns` (a root resolver's), unless wider ones are cached. */
  prime(id: string, columns: AccountColumnSet, rows: AccountRow[]): void {
    const hit = this.cache.get(id);
    if (hit && coversColumns(hit.columns, columns)) return;
    this.cache.set(id, { columns, rows: Promise.resolve(rows) });
  }
}

export function createLoaders(g: GraphClient) {
  return {
    creator: new DataLoader((ids: readonly string[]) => read.creatorsByIds(g, ids)),
    account: new DataLoader((ids: readonly string[]) => read.accountsByIds(g, ids)),
    accountsByCreator: new AccountsByCreatorLoader(g),
    creatorByAccount: new DataLoader((ids: readonly string[]) => read.creatorsByAccounts(g, ids)),
    joiningMatchByCreator: new DataLoader((ids: readonly string[]) => read.joiningMatchesByCreators(g, ids)),
    match: new DataLoader((ids: readonly string[]) => read.matchesByIds(g, ids)),
    matchEvents: new DataLoader((ids: readonly string[]) => read.matchEventsByMatches(g, ids)),
    post: new DataLoader((ids: readonly string[]) => read.postsByIds(g, ids)),
    hashtags: new DataLoader((ids: readonly string[]) => read.hashtagsByPosts(g, ids)),
    amplifications: new DataLoader((ids: readonly string[]) => read.amplificationsByPosts(g, ids)),
    postsByAccount: argLoader((ids, a: read.PostPageArgs) => read.postsByAccounts(g, ids, a)),
    postsByCreator: argLoader((ids, a: read.PostPageArgs & { platform: Platform | null }) =>
      read.postsByCreators(g, ids, a),
    ),
    /** Post totals, loaded only when a client selects totalCount. */
    postCountByAccount: argLoader((ids, a: read.PostRange) => read.postCountsByAccounts(g, ids, a)),
    postCountByCreator: argLoader((ids, a: read.PostRange & { platform: Platform | null }) => read.postCountsByCreators(g, ids, a)),
    brand: new DataLoader((ids: readonly string[]) => brandsByIds(g, ids)),
    accountsByBrand: new DataLoader((ids: readonly string[]) => accountsByBrands(g, ids)),
    campaign: new DataLoader((ids: readonly string[]) => campaignsByIds(g, ids)),
    creatorsByCampaign: new DataLoader((ids: readonly string[]) => creatorsByCampaigns(g, ids)),
    /** Creator.amplificationChains of every creator on the page, in one statement. */
    chainsByCreator: argLoader(async (ids, a: ChainOptions) => {
      const chains = await amplificationChains(g, ids.map((id) => ({ key: id, creatorIds: [id] })), a);
      return ids.map((id) => chains.get(id) ?? []);
    }),
    snapshots: argLoader((ids, a: { since: string | null; until: string | null }) =>
      read.snapshotsByAccounts(g, ids, a),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
