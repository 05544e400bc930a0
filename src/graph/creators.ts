/**
 * Keeps Creator nodes' derived values in step with their accounts and match: combined reach
 * (for ordering and the minCombinedReach filter), per-platform followers, last post, search text
 * and whether any account is still active. Computed in code (graph/reach.ts) so the API and the
 * stored values use one formula; the matcher computes them the same way for creators it merges
 * (deriveCreator), in the merge statement itself.
 */
import { combinedReach } from './reach';
import type { GraphClient } from '../neo4j/graph-client';
import type { MatchReason, Platform } from './model';

/** One account of a creator, as its derived values need it. */
export interface ReachInputAccount {
  id: string;
  platform: Platform;
  followers: number;
  usernameLower: string;
  active: boolean;
  lastPostAt: Date | null;
  displayName: string | null;
}

/** A creator's accounts and the reasons of the matches joining them. */
export interface ReachInputs {
  accounts: ReachInputAccount[];
  reasons: MatchReason[];
}

/** What a creator stores that is derived from its accounts (lastPostAt apart: Cypher makes it a datetime). */
export interface CreatorDerived {
  props: {
    reachNaive: number;
    reachLow: number;
    reachHigh: number;
    tiktokFollowers: number;
    xFollowers: number;
    platforms: Platform[];
    searchText: string;
    active: boolean;
  };
  lastPostAt: string | null;
}

/** Creators per statement. */
const REFRESH_BATCH = 1000;

export function deriveCreator(c: ReachInputs): CreatorDerived {
  // In id order, so the search text does not depend on the order the accounts were read in.
  const accounts = [...c.accounts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const reach = combinedReach(accounts, c.reasons);
  const live = accounts.filter((a) => a.active !== false);
  const followersOn = (p: Platform) =>
    Math.max(0, ...live.filter((a) => a.platform === p).map((a) => a.followers ?? 0));
  const lastPost = live
    .map((a) => a.lastPostAt?.getTime() ?? 0)
    .reduce((m, t) => Math.max(m, t), 0);
  return {
    props: {
      reachNaive: reach.naive,
      reachLow: reach.low,
      reachHigh: reach.high,
      tiktokFollowers: followersOn('TIKTOK'),
      xFollowers: followersOn('X'),
      platforms: [...new Set(live.map((a) => a.platform))].sort(),
      searchText: [...accounts.map((a) => a.usernameLower), ...accounts.map((a) => a.displayName ?? '')]
        .join(' ')
        .toLowerCase(),
      active: live.length > 0,
    },
    lastPostAt: lastPost > 0 ? new Date(lastPost).toISOString() : null,
  };
}

export async function refreshCreators(graph: GraphClient, creatorIds: string[]): Promise<void> {
  for (let i = 0; i < creatorIds.length; i += REFRESH_BATCH) {
    const inputs = await graph.read<ReachInputs & { id: string }>('graph/creator-reach-inputs', { ids: creatorIds.slice(i, i + REFRESH_BATCH) });
    const rows = inputs.map((c) => ({ id: c.id, ...deriveCreator(c) }));
    if (rows.length > 0) await graph.write('graph/set-creator-derived', { rows });
  }
}

export async function refreshAllCreators(graph: GraphClient): Promise<void> {
  const rows = await graph.read<{ id: string }>('graph/all-creator-ids');
  await refreshCreators(graph, rows.map((r) => r.id));
}
