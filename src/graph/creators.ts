/**
 * Keeps Creator nodes' derived values in step with their accounts and match: combined reach
 * (for ordering and the minCombinedReach filter), per-platform followers, last post, search text
 * and whether any account is still active. Computed in code (analytics/reach) so the API and the
 * stored values use one formula.
 */
import { combinedReach } from '../analytics/reach';
import type { GraphClient } from '../neo4j/graph-client';
import type { MatchReason, Platform } from './model';

interface ReachInputRow {
  id: string;
  accounts: {
    id: string;
    platform: Platform;
    followers: number;
    usernameLower: string;
    active: boolean;
    lastPostAt: Date | null;
    displayName: string | null;
  }[];
  match: { reasons: MatchReason[] | null; status: string } | null;
}

/** Creators per statement. */
const REFRESH_BATCH = 1000;

function derived(c: ReachInputRow) {
  const reach = combinedReach(c.accounts, c.match?.reasons ?? []);
  const live = c.accounts.filter((a) => a.active !== false);
  const followersOn = (p: Platform) =>
    Math.max(0, ...live.filter((a) => a.platform === p).map((a) => a.followers ?? 0));
  const lastPost = live
    .map((a) => a.lastPostAt?.getTime() ?? 0)
    .reduce((m, t) => Math.max(m, t), 0);
  return {
    id: c.id,
    naive: reach.naive,
    low: reach.low,
    high: reach.high,
    tiktokFollowers: followersOn('TIKTOK'),
    xFollowers: followersOn('X'),
    platforms: [...new Set(live.map((a) => a.platform))].sort(),
    lastPostAt: lastPost > 0 ? new Date(lastPost).toISOString() : null,
    searchText: [...c.accounts.map((a) => a.usernameLower), ...c.accounts.map((a) => a.displayName ?? '')]
      .join(' ')
      .toLowerCase(),
    active: live.length > 0,
  };
}

export async function refreshCreators(graph: GraphClient, creatorIds: string[]): Promise<void> {
  for (let i = 0; i < creatorIds.length; i += REFRESH_BATCH) {
    const inputs = await graph.read<ReachInputRow>('graph/creator-reach-inputs', { ids: creatorIds.slice(i, i + REFRESH_BATCH) });
    const rows = inputs.map(derived);
    if (rows.length > 0) await graph.write('graph/set-creator-derived', { rows });
  }
}

export async function refreshAllCreators(graph: GraphClient): Promise<void> {
  const rows = await graph.read<{ id: string }>('graph/all-creator-ids');
  await refreshCreators(graph, rows.map((r) => r.id));
}
