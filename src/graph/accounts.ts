/**
 * The Account aggregate: every write to Account nodes and their snapshots, and to the one
 * HAS_ACCOUNT each has (a new account gets a creator of its own). Batched `UNWIND ... MERGE` on
 * constrained keys, so writing the same records twice changes nothing. Callers (ingestion, replay,
 * the sample data, tests) hand over model records and decide *what* to write; this module owns
 * the write, the Account shape (shapes.ts) their mapping to node properties; it keeps the
 * creators' derived values in step.
 *
 * Deletion: a provider's report that an account is gone makes it inactive (`active: false`,
 * `deactivatedAt`), its posts leave analytics (`Post.removed`), and its creator is refreshed (a
 * creator with no active account left becomes inactive). A later fetch brings the account back.
 */
import { refreshChainRootsOfAccounts } from './chain-roots';
import type { GraphClient } from '../neo4j/graph-client';
import { chunks } from './batches';
import { refreshCreators } from './creators';
import { newCreatorId } from './ids';
import { accountId, type AccountRecord, type TrackingTier } from './model';
import { accountProps, snapshotProps } from './shapes';
import { recountTagHoursOf } from './trend-rollup';

export interface AccountWriteOptions {
  /** Flags for creators created by this write (existing creators keep theirs). */
  tracked?: boolean;
  tier?: TrackingTier;
  backfilled?: boolean;
  /** Recompute creators' derived values (reach, freshness). Default true. */
  refresh?: boolean;
}

export type GoneReason = 'NOT_FOUND' | 'SUSPENDED';

export interface Deactivation {
  /** "tiktok:<id>" / "x:<id>". */
  accountId: string;
  /** When the provider said so (ISO). */
  at: string;
  reason: GoneReason;
}

/**
 * Upserts accounts (and a snapshot per fetch), brings back deactivated ones fetched again, and
 * refreshes their creators; returns accountId -> creatorId.
 */
export async function writeAccounts(
  graph: GraphClient,
  accounts: AccountRecord[],
  opts: AccountWriteOptions = {},
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const batch of chunks(accounts)) {
    const rows = batch.map((a) => {
      const props = accountProps(a);
      return {
        id: accountId(a.platform, a.platformUserId),
        props,
        snapshot: snapshotProps(props),
        fetchedAt: a.fetchedAt,
        newCreatorId: newCreatorId(),
        tracked: opts.tracked ?? false,
        tier: opts.tier ?? null,
        backfilled: opts.backfilled ?? false,
      };
    });
    const res = await graph.write<{ accountId: string; creatorId: string }>('graph/upsert-accounts', { rows });
    for (const r of res) out.set(r.accountId, r.creatorId);
  }
  await reactivateAccounts(graph, [...out.keys()]);
  if (opts.refresh !== false) await refreshCreators(graph, [...new Set(out.values())]);
  return out;
}

/** Applies the reports; returns the ids of the accounts that are (now) inactive. Idempotent. */
export async function deactivateAccounts(graph: GraphClient, reports: Deactivation[]): Promise<string[]> {
  if (reports.length === 0) return [];
  const rows = reports.map((r) => ({ id: r.accountId, at: r.at, reason: r.reason }));
  const res = await graph.write<{ accountId: string; creatorId: string | null }>('graph/deactivate-accounts', { rows });
  const creators = [...new Set(res.map((r) => r.creatorId).filter((c): c is string => c !== null))];
  await refreshCreators(graph, creators);
  const ids = [...new Set(res.map((r) => r.accountId))];
  // Hourly hashtag volumes count active accounts only; chains leave inactive accounts' posts out.
  await recountTagHoursOf(graph, ids);
  await refreshChainRootsOfAccounts(graph, ids);
  return ids;
}

/** Accounts fetched after their deactivation are active again; returns the ids brought back. */
async function reactivateAccounts(graph: GraphClient, accountIds: string[]): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const res = await graph.write<{ accountId: string }>('graph/reactivate-accounts', { ids: accountIds });
  const back = res.map((r) => r.accountId);
  await recountTagHoursOf(graph, back);
  await refreshChainRootsOfAccounts(graph, back);
  return back;
}
