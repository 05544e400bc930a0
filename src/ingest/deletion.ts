/**
 * Deletion: when a provider reports an account gone (X resource-not-found or suspended,
 * TikLiveAPI's "not found"), the account becomes inactive (`active: false`, `deactivatedAt`), its
 * posts leave analytics (`Post.removed`), and its creator's derived values are recomputed, so a
 * creator with no active account left becomes inactive too. A later successful fetch brings the
 * account back (see reactivateAccounts).
 *
 * Only a report about a user ID counts, or a suspension: a handle that is "not found" may simply
 * have been renamed, so callers look the account up by ID before concluding it is gone.
 */
import { refreshCreators } from '../graph/creators';
import { recountTagHoursOf } from '../graph/trend-rollup';
import type { GraphClient } from '../neo4j/graph-client';
import type { SyncErrorCode } from '../error-codes';

export type GoneReason = 'NOT_FOUND' | 'SUSPENDED';

export interface Deactivation {
  /** "tiktok:<id>" / "x:<id>". */
  accountId: string;
  /** When the provider said so (ISO). */
  at: string;
  reason: GoneReason;
}

/** Does this error code, about an entity looked up by `by`, prove the account is gone? */
export function goneReason(code: SyncErrorCode, by: 'id' | 'username'): GoneReason | undefined {
  if (code === 'SUSPENDED') return 'SUSPENDED';
  if (code === 'NOT_FOUND' && by === 'id') return 'NOT_FOUND';
  return undefined;
}

/** Applies the reports; returns the ids of the accounts that are (now) inactive. Idempotent. */
export async function deactivateAccounts(graph: GraphClient, reports: Deactivation[]): Promise<string[]> {
  if (reports.length === 0) return [];
  const rows = reports.map((r) => ({ id: r.accountId, at: r.at, reason: r.reason }));
  const res = await graph.write<{ accountId: string; creatorId: string | null }>('ingest/deactivate-accounts', { rows });
  const creators = [...new Set(res.map((r) => r.creatorId).filter((c): c is string => c !== null))];
  await refreshCreators(graph, creators);
  const ids = [...new Set(res.map((r) => r.accountId))];
  // Hourly hashtag volumes count active accounts only.
  await recountTagHoursOf(graph, ids);
  return ids;
}

/** Accounts fetched after their deactivation are active again; returns the ids brought back. */
export async function reactivateAccounts(graph: GraphClient, accountIds: string[]): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const res = await graph.write<{ accountId: string }>('ingest/reactivate-accounts', { ids: accountIds });
  const back = res.map((r) => r.accountId);
  await recountTagHoursOf(graph, back);
  return back;
}
