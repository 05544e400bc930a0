/**
 * The Creator aggregate, all its upkeep in one place:
 * - derived values kept in step with the accounts and match: combined reach (for ordering and the
 *   minCombinedReach filter), per-platform followers, last post, search text and whether any
 *   account is still active. Computed in code (graph/reach.ts) so the API and the stored values
 *   use one formula; merges compute them in memory and set them in the merge statement itself.
 * - merges and splits: a pair that becomes joined (AUTO or MANUAL) shares one creator (the older
 *   id survives), a pair that stops being joined is split again.
 * - tracking flags (tracked, tier, backfill window) set by tracking and backfill.
 */
import type { GraphClient } from '../neo4j/graph-client';
import { chunks, inLanes } from './batches';
import { newCreatorId } from './ids';
import type { ChangeRow, Pair } from './matches';
import type { MatchReason, MatchStatus, Platform, TrackingTier } from './model';
import { derivedOrderKeys } from './order-keys';
import { combinedReach } from './reach';
import type { AccountKept, AccountProps } from './shapes';

/** One account of a creator, as its derived values need it. */
export type ReachInputAccount = Pick<AccountProps, 'platform' | 'followers' | 'usernameLower' | 'displayName'> &
  Pick<AccountKept, 'id' | 'active' | 'lastPostAt'>;

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

/** A creator's derived values with the order keys that follow from them (graph/order-keys.ts). */
export function withOrderKeys(id: string, d: CreatorDerived): CreatorDerived {
  const lastPostMs = d.lastPostAt ? Date.parse(d.lastPostAt) : 0;
  return { ...d, props: { ...d.props, ...derivedOrderKeys(id, { ...d.props, lastPostMs }) } };
}

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
    const rows = inputs.map((c) => ({ id: c.id, ...withOrderKeys(c.id, deriveCreator(c)) }));
    if (rows.length > 0) await graph.write('graph/set-creator-derived', { rows });
  }
}

export async function refreshAllCreators(graph: GraphClient): Promise<void> {
  const rows = await graph.read<{ id: string }>('graph/all-creator-ids');
  await refreshCreators(graph, rows.map((r) => r.id));
}

// ------------------------------------------------------------------ merges and splits

/** Accounts per creator lookup (a read). */
const CREATOR_BATCH = 10_000;
/** Creators folded per statement (measured: larger transactions are slower on a 2-core machine). */
const MERGE_BATCH = 1000;
/** Pairs split per statement. */
const SPLIT_BATCH = 1000;

const JOINED: ReadonlySet<MatchStatus | null> = new Set(['AUTO', 'MANUAL']);

/**
 * An account's creator as a merge needs it (creators-of-accounts; a full run reads the same with
 * the accounts, matching/all-matchable-accounts).
 */
export interface AccountCreator {
  accountId: string;
  creatorId: string;
  createdS: number | null;
  createdNs: number | null;
  accountCount: number;
  account: ReachInputAccount;
}

/** `a` was created no later than `b`, as the Cypher `a.createdAt <= b.createdAt` (null: false). */
function notNewer(a: AccountCreator, b: AccountCreator): boolean {
  if (a.createdS === null || b.createdS === null) return false;
  return a.createdS < b.createdS || (a.createdS === b.createdS && (a.createdNs ?? 0) <= (b.createdNs ?? 0));
}

/**
 * The survivors' derived values, for groups whose creators each held one account (all a first run
 * meets): the group's accounts and the reasons of its joins are then known without a read. Other
 * groups are refreshed from the graph afterwards.
 */
function deriveInMemory(
  joins: Pair[],
  creatorOf: ReadonlyMap<string, AccountCreator>,
  root: (id: string) => string,
  members: ReadonlyMap<string, string[]>,
): Map<string, CreatorDerived> {
  const single = new Map<string, ReachInputAccount>();
  for (const c of creatorOf.values()) if (c.accountCount === 1) single.set(c.creatorId, c.account);
  const reasons = new Map<string, Set<MatchReason> | null>();
  for (const p of joins) {
    const t = creatorOf.get(p.tiktokId);
    if (!t) continue;
    const keep = root(t.creatorId);
    const seen = reasons.get(keep);
    if (seen === null) continue;
    if (!p.reasons) reasons.set(keep, null);
    else if (seen) for (const r of p.reasons) seen.add(r);
    else reasons.set(keep, new Set(p.reasons));
  }
  const out = new Map<string, CreatorDerived>();
  for (const [keep, ids] of members) {
    const rs = reasons.get(keep);
    const accounts = ids.map((id) => single.get(id));
    if (!rs || accounts.some((a) => a === undefined)) continue;
    out.set(keep, withOrderKeys(keep, deriveCreator({ accounts: accounts as ReachInputAccount[], reasons: [...rs] })));
  }
  return out;
}

/**
 * Puts the accounts of each joined pair under one creator, planned in memory and applied in a few
 * statements. Pairs are taken in order, each as if merged on its own (the older creator survives,
 * ties to the TikTok side's), so the outcome is the pair-by-pair one; but each folded creator's
 * accounts move once, straight to the survivor of its group. Returns the surviving and the
 * deleted creator ids, and the survivors whose derived values the merge already set.
 */
async function mergeJoined(
  graph: GraphClient,
  joins: Pair[],
  onMoves: (moving: ReadonlySet<string>) => void,
  known?: ReadonlyMap<string, AccountCreator>,
): Promise<{ kept: Set<string>; gone: Set<string>; derived: Set<string> }> {
  const kept = new Set<string>();
  const gone = new Set<string>();
  const derivedSet = new Set<string>();
  if (joins.length === 0) {
    onMoves(new Set());
    return { kept, gone, derived: derivedSet };
  }
  const accountIds = [...new Set(joins.flatMap((p) => [p.tiktokId, p.xId]))];
  const creatorOf = new Map<string, AccountCreator>();
  // Facts the caller read earlier stand for accounts whose creator held them alone: splits (run
  // just before) only move accounts out of creators holding two or more. The rest are read now.
  const unknown: string[] = [];
  for (const id of accountIds) {
    const k = known?.get(id);
    if (k && k.accountCount === 1) creatorOf.set(id, k);
    else unknown.push(id);
  }
  const found = await inLanes(unknown, (id) => [id], CREATOR_BATCH, (ids) => graph.read<AccountCreator>('graph/creators-of-accounts', { ids }));
  for (const rows of found) for (const r of rows) if (!creatorOf.has(r.accountId)) creatorOf.set(r.accountId, r);
  const creator = new Map<string, AccountCreator>();
  for (const c of creatorOf.values()) creator.set(c.creatorId, c);
  // Folded creator -> the creator it was folded into, in merge order.
  const parent = new Map<string, string>();
  const order: string[] = [];
  const root = (id: string): string => {
    let r = id;
    for (let next = parent.get(r); next !== undefined; next = parent.get(r)) r = next;
    return r;
  };
  for (const p of joins) {
    const t = creatorOf.get(p.tiktokId);
    const x = creatorOf.get(p.xId);
    if (!t || !x) continue;
    const ct = root(t.creatorId);
    const cx = root(x.creatorId);
    if (ct === cx) continue;
    const [keep, fold] = notNewer(creator.get(ct)!, creator.get(cx)!) ? [ct, cx] : [cx, ct];
    parent.set(fold, keep);
    order.push(fold);
  }
  // Latest merge first, so a survivor takes flags (tier) from its nearest folds first.
  const rows: { goneId: string; keepId: string; previousId: string; derived?: CreatorDerived }[] = order.reverse().map((goneId) => {
    const keepId = root(goneId);
    // The account's last move in pair-by-pair order was out of the ancestor right below the survivor.
    let previousId = goneId;
    while (parent.get(previousId) !== keepId) previousId = parent.get(previousId)!;
    return { goneId, keepId, previousId };
  });
  const members = new Map<string, string[]>();
  for (const r of rows) {
    const ids = members.get(r.keepId);
    if (ids) ids.push(r.goneId);
    else members.set(r.keepId, [r.keepId, r.goneId]);
  }
  const derived = deriveInMemory(joins, creatorOf, root, members);
  // Each survivor's values ride on its group's last row; a group with a row that did nothing
  // (a creator gone meanwhile) is refreshed from the graph instead.
  const last = new Map<string, number>();
  rows.forEach((r, i) => last.set(r.keepId, i));
  for (const [keepId, i] of last) rows[i].derived = derived.get(keepId);
  // The accounts the merges will move (of folded creators: all of a one-account creator's; of
  // others, those known here).
  const accountsOf = new Map<string, string[]>();
  for (const c of creatorOf.values()) {
    const ids = accountsOf.get(c.creatorId);
    if (ids) ids.push(c.accountId);
    else accountsOf.set(c.creatorId, [c.accountId]);
  }
  onMoves(new Set(rows.flatMap((r) => accountsOf.get(r.goneId) ?? [])));
  const folded = new Set<string>();
  // A group's rows (one survivor) stay in one lane, in order; groups share no creator or account.
  await inLanes(rows, (r) => [r.keepId], MERGE_BATCH, async (batch) => {
    for (const r of await graph.write<{ creatorId: string; goneId: string }>('graph/merge-creator-groups', { rows: batch })) {
      kept.add(r.creatorId);
      gone.add(r.goneId);
      folded.add(r.goneId);
    }
  });
  const incomplete = new Set(rows.filter((r) => !folded.has(r.goneId)).map((r) => r.keepId));
  for (const id of gone) kept.delete(id);
  for (const id of kept) if (derived.has(id) && !incomplete.has(id)) derivedSet.add(id);
  if (known && incomplete.size > 0) {
    // Some facts the caller read went stale (a concurrent writer merged or split those creators
    // meanwhile): the pairs of those groups are merged again from what the graph holds now.
    const again = joins.filter((p) => {
      const t = creatorOf.get(p.tiktokId);
      return t !== undefined && incomplete.has(root(t.creatorId));
    });
    const retry = await mergeJoined(graph, again, () => undefined);
    for (const id of retry.gone) {
      gone.add(id);
      kept.delete(id);
    }
    for (const id of retry.kept) kept.add(id);
    for (const id of retry.derived) derivedSet.add(id);
  }
  return { kept, gone, derived: derivedSet };
}

/**
 * Merges the accounts of pairs that became joined and splits those that stopped being joined,
 * for status changes (`changes`, as returned by the upsert or demotion queries). Returns how many
 * merges and splits happened and the creators whose derived values are now stale.
 */
export async function joinAndSplit(
  graph: GraphClient,
  changes: { row: ChangeRow; pair: Pair }[],
  /** Told, once splits are done, which accounts the merges will move. */
  onMoves: (moving: ReadonlySet<string>) => void = () => undefined,
  /** Creators of accounts as the caller read them (see mergeJoined); the others are read here. */
  known?: ReadonlyMap<string, AccountCreator>,
): Promise<{ merged: number; split: number; touched: string[] }> {
  const joins: Pair[] = [];
  const splits: (Pair & { newId: string })[] = [];
  for (const { row, pair } of changes) {
    const was = JOINED.has(row.previousStatus);
    const now = JOINED.has(row.status);
    if (now && !was) joins.push(pair);
    else if (was && !now) splits.push({ ...pair, newId: newCreatorId() });
  }
  const touched = new Set<string>();
  let split = 0;
  for (const rows of chunks(splits, SPLIT_BATCH)) {
    const res = await graph.write<{ keptId: string; splitId: string }>('graph/split-creators', { rows });
    split += res.length;
    for (const r of res) touched.add(r.keptId).add(r.splitId);
  }
  const { kept, gone, derived } = await mergeJoined(graph, joins, onMoves, known);
  for (const id of kept) if (!derived.has(id)) touched.add(id);
  for (const id of gone) touched.delete(id);
  return { merged: gone.size, split, touched: [...touched] };
}

/**
 * Keeps creators in step with status changes (`changes`, as returned by the upsert or demotion
 * queries): merges the accounts of pairs that became joined, splits those that stopped being
 * joined, refreshes the creators' derived values. Returns how many merges and splits happened.
 */
export async function syncCreators(
  graph: GraphClient,
  changes: { row: ChangeRow; pair: Pair }[],
): Promise<{ merged: number; split: number }> {
  const { merged, split, touched } = await joinAndSplit(graph, changes);
  if (touched.length > 0) await refreshCreators(graph, touched);
  return { merged, split };
}

// ------------------------------------------------------------------ tracking flags

export interface CreatorTracking {
  tracked: boolean;
  tier?: TrackingTier | null;
  backfillDays?: number | null;
  displayName?: string | null;
}

/** Marks the creators of these accounts as tracked (or not); returns their ids. */
export async function setCreatorTracking(graph: GraphClient, accountIds: string[], t: CreatorTracking): Promise<string[]> {
  const rows = await graph.write<{ creatorId: string }>('graph/set-creator-tracking', {
    accountIds,
    tracked: t.tracked,
    tier: t.tier ?? null,
    backfillDays: t.backfillDays ?? null,
    displayName: t.displayName ?? null,
  });
  return rows.map((r) => r.creatorId);
}

/**
 * Records that these accounts' posts since `since` are loaded; returns their creators and whether
 * each creator's whole window is now in.
 */
export async function markBackfilled(graph: GraphClient, accountIds: string[], since: string, at: string): Promise<{ creatorId: string; done: boolean }[]> {
  return graph.write<{ creatorId: string; done: boolean }>('graph/mark-backfilled', { accountIds, since, at });
}

/** Recomputes the backfilled flag of these accounts' creators (after merges raced the marks). */
export async function settleBackfilled(graph: GraphClient, accountIds: string[]): Promise<{ creatorId: string; done: boolean }[]> {
  return graph.write<{ creatorId: string; done: boolean }>('graph/settle-backfilled', { accountIds });
}
