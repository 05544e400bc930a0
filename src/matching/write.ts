/**
 * Writes scored pairs to the graph as MATCHED_TO edges and keeps Creator nodes in step: a pair
 * that becomes AUTO shares one creator (the older id survives), a pair that stops being AUTO
 * splits it again. Human decisions are never overwritten (see the Cypher), and only real changes
 * produce events, so a rerun on unchanged data is silent. Everything is batched: a full run writes
 * tens of thousands of pairs.
 */
import { deriveCreator, refreshCreators, type CreatorDerived, type ReachInputAccount } from '../graph/creators';
import { matchId, newCreatorId } from '../graph/ids';
import type { MatchReason, MatchStatus } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';
import { Concurrent } from '../neo4j/concurrent';
import { makeEvent, recordMatchEvents, type MatchEventBus, type MatchEventPayload } from './events';

export interface MatchEvidenceRecord {
  signal: string;
  reason?: MatchReason | null;
  values: { platform: 'TIKTOK' | 'X'; raw: string | null; normalized: string | null }[];
  points: number;
}

export interface MatchRecord {
  tiktokAccountId: string;
  xAccountId: string;
  score: number;
  reasons: MatchReason[];
  evidence: MatchEvidenceRecord[];
  /**
   * The matcher's status: AUTO or PENDING. MANUAL or REJECTED may be passed for a pair a reviewer
   * decided, to refresh its score and evidence; a stored MANUAL or REJECTED status is kept
   * whatever is passed.
   */
  status: MatchStatus;
}

interface ChangeRow {
  id: string;
  previousStatus: MatchStatus | null;
  previousScore: number | null;
  status: MatchStatus;
  score: number;
}

export interface MatchWriteResult {
  created: number;
  changed: number;
  unchanged: number;
  /** Creators that absorbed another (AUTO joins). */
  merged: number;
  /** Creators split back in two (AUTO matches that stopped being AUTO). */
  split: number;
  events: MatchEventPayload[];
}

/** Pairs per statement: large enough to amortise the round trip, small enough for one transaction. */
const BATCH = 1000;
/** Accounts per creator lookup (a read). */
const CREATOR_BATCH = 10_000;
/** Creators folded per statement (measured: larger transactions are slower on a 2-core machine). */
const MERGE_BATCH = 1000;

const JOINED: ReadonlySet<MatchStatus | null> = new Set(['AUTO', 'MANUAL']);

function* chunks<T>(items: T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

interface Pair {
  tiktokId: string;
  xId: string;
  /** The reasons just written for the pair, if any: a merge then derives its creator in memory. */
  reasons?: MatchReason[];
}

/** What is stored on a MATCHED_TO edge, as loaded before a write (all-matches, matches-of-accounts). */
export interface StoredMatch {
  tiktokId: string;
  xId: string;
  status: MatchStatus;
  score: number | null;
  reasons: MatchReason[] | null;
  evidence: string | null;
}

/** Stored matches by match id, for `WriteMatchesOptions.stored`. */
export function storedById(rows: Iterable<StoredMatch>): Map<string, StoredMatch> {
  const out = new Map<string, StoredMatch>();
  for (const r of rows) out.set(matchId(r.tiktokId, r.xId), r);
  return out;
}

export interface WriteMatchesOptions {
  /**
   * What is stored, by match id, loaded by the caller for (at least) every pair it writes. When
   * given, a pair whose stored status, score, reasons and evidence already equal what would be
   * written is skipped (counted unchanged), and a pair with nothing stored is created rather than
   * merged. Absent: every pair goes through the upsert, which compares in the graph.
   */
  stored?: ReadonlyMap<string, StoredMatch>;
  /** Writes on other accounts to run beside these (the full run syncs blocking keys there). Default: none. */
  alongside?: BesideWrites;
}

/**
 * Account writes that run beside writeMatches' own, in one stream of their own: on a two-core
 * server two streams measured close to the longer one alone. They must not write an account the
 * match and creator writes still lock, or the two would wait on (or deadlock over) each other's
 * locks; so they get accounts as they become free.
 */
export interface BesideWrites {
  /** Starts at once, with the accounts whose matches are about to be written (not free yet). */
  start(busy: ReadonlySet<string>): Promise<unknown>;
  /** Some of those accounts are free: called once or more, each after the previous work. */
  release(accountIds: string[]): Promise<unknown>;
}

interface CreatorOf {
  accountId: string;
  creatorId: string;
  createdS: number | null;
  createdNs: number | null;
  accountCount: number;
  account: ReachInputAccount;
}

/** `a` was created no later than `b`, as the Cypher `a.createdAt <= b.createdAt` (null: false). */
function notNewer(a: CreatorOf, b: CreatorOf): boolean {
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
  creatorOf: ReadonlyMap<string, CreatorOf>,
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
    out.set(keep, deriveCreator({ accounts: accounts as ReachInputAccount[], reasons: [...rs] }));
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
): Promise<{ kept: Set<string>; gone: Set<string>; derived: Set<string> }> {
  const kept = new Set<string>();
  const gone = new Set<string>();
  const derivedSet = new Set<string>();
  if (joins.length === 0) {
    onMoves(new Set());
    return { kept, gone, derived: derivedSet };
  }
  const accountIds = [...new Set(joins.flatMap((p) => [p.tiktokId, p.xId]))];
  const creatorOf = new Map<string, CreatorOf>();
  for (const ids of chunks(accountIds, CREATOR_BATCH)) {
    for (const r of await graph.read<CreatorOf>('matching/creators-of-accounts', { ids })) {
      if (!creatorOf.has(r.accountId)) creatorOf.set(r.accountId, r);
    }
  }
  const creator = new Map<string, CreatorOf>();
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
  for (const batch of chunks(rows, MERGE_BATCH)) {
    for (const r of await graph.write<{ creatorId: string; goneId: string }>('matching/merge-creator-groups', { rows: batch })) {
      kept.add(r.creatorId);
      gone.add(r.goneId);
      folded.add(r.goneId);
    }
  }
  const incomplete = new Set(rows.filter((r) => !folded.has(r.goneId)).map((r) => r.keepId));
  for (const id of gone) kept.delete(id);
  for (const id of kept) if (derived.has(id) && !incomplete.has(id)) derivedSet.add(id);
  return { kept, gone, derived: derivedSet };
}

/**
 * Merges the accounts of pairs that became joined and splits those that stopped being joined,
 * for status changes (`changes`, as returned by the upsert or demotion queries). Returns how many
 * merges and splits happened and the creators whose derived values are now stale.
 */
async function joinAndSplit(
  graph: GraphClient,
  changes: { row: ChangeRow; pair: Pair }[],
  /** Told, once splits are done, which accounts the merges will move. */
  onMoves: (moving: ReadonlySet<string>) => void = () => undefined,
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
  for (const rows of chunks(splits)) {
    const res = await graph.write<{ keptId: string; splitId: string }>('matching/split-creators', { rows });
    split += res.length;
    for (const r of res) touched.add(r.keptId).add(r.splitId);
  }
  const { kept, gone, derived } = await mergeJoined(graph, joins, onMoves);
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

function eventFor(c: ChangeRow, at: string): MatchEventPayload | null {
  const kind =
    c.previousStatus === null
      ? 'CREATED'
      : c.previousStatus !== c.status || c.previousScore !== c.score
        ? 'SCORE_CHANGED'
        : null;
  if (kind === null) return null;
  return makeEvent({
    matchId: c.id,
    kind,
    previousStatus: c.previousStatus,
    previousScore: c.previousScore,
    status: c.status,
    score: c.score,
    at,
    actor: 'matcher',
  });
}

function sameReasons(a: readonly string[] | null, b: readonly string[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when writing `m` (evidence already serialised) would leave the stored edge as it is. */
function unchanged(prior: StoredMatch, m: MatchRecord, evidence: string): boolean {
  const status = prior.status === 'MANUAL' || prior.status === 'REJECTED' ? prior.status : m.status;
  return prior.status === status && prior.score === m.score && prior.evidence === evidence && sameReasons(prior.reasons, m.reasons);
}

/**
 * Upserts matches, sends stored AUTO matches in `demote` back to review, keeps creators in step,
 * and records and publishes one event per real change.
 */
export async function writeMatches(
  graph: GraphClient,
  bus: MatchEventBus,
  matches: MatchRecord[],
  at = new Date().toISOString(),
  demote: Pair[] = [],
  opts: WriteMatchesOptions = {},
): Promise<MatchWriteResult> {
  const result: MatchWriteResult = { created: 0, changed: 0, unchanged: 0, merged: 0, split: 0, events: [] };
  const changes: { row: ChangeRow; pair: Pair }[] = [];
  const pairOf = new Map<string, Pair>();
  const collect = (rows: ChangeRow[]) => {
    for (const c of rows) {
      const e = eventFor(c, at);
      if (e === null) {
        result.unchanged++;
        continue;
      }
      if (e.kind === 'CREATED') result.created++;
      else result.changed++;
      result.events.push(e);
      const pair = pairOf.get(c.id);
      if (pair) changes.push({ row: c, pair });
    }
  };
  const stored = opts.stored;
  type Row = { id: string; tiktokId: string; xId: string; score: number; reasons: MatchReason[]; evidence: string; status: MatchStatus; at: string };
  const creates: Row[] = [];
  const upserts: Row[] = [];
  for (const m of matches) {
    const id = matchId(m.tiktokAccountId, m.xAccountId);
    const evidence = JSON.stringify(m.evidence);
    const prior = stored?.get(id);
    if (prior && unchanged(prior, m, evidence)) {
      result.unchanged++;
      continue;
    }
    pairOf.set(id, { tiktokId: m.tiktokAccountId, xId: m.xAccountId, reasons: m.reasons });
    const row = { id, tiktokId: m.tiktokAccountId, xId: m.xAccountId, score: m.score, reasons: m.reasons, evidence, status: m.status, at };
    (stored && !prior ? creates : upserts).push(row);
  }
  for (const d of demote) pairOf.set(matchId(d.tiktokId, d.xId), d);
  const busy = new Set<string>();
  for (const p of pairOf.values()) busy.add(p.tiktokId).add(p.xId);
  const side = opts.alongside;

  // Beside the match and creator writes, one stream of statements that lock none of the same
  // nodes: events, and the caller's account writes as accounts become free.
  const beside = new Concurrent();
  let lane = beside.start(() => side?.start(busy));
  // Each piece follows the previous one even when that failed (settled() reports the failure):
  // events must be recorded whatever became of the caller's work.
  const next = (work: () => Promise<unknown>) => {
    const previous = lane;
    lane = beside.start(async () => {
      await previous.catch(() => undefined);
      await work();
    });
  };
  try {
    for (const rows of chunks(creates)) {
      const made = await graph.write<ChangeRow>('matching/create-matches', { rows });
      collect(made);
      // Pairs that gained an edge meanwhile go through the upsert.
      if (made.length < rows.length) {
        const done = new Set(made.map((c) => c.id));
        for (const r of rows) if (!done.has(r.id)) upserts.push(r);
      }
    }
    for (const rows of chunks(upserts)) collect(await graph.write<ChangeRow>('matching/upsert-matches', { rows }));
    for (const batch of chunks(demote)) {
      collect(await graph.write<ChangeRow>('matching/demote-matches', { rows: batch.map((d) => ({ ...d, at })) }));
    }
    next(() => recordMatchEvents(graph, result.events));
    let moving: ReadonlySet<string> = busy;
    const synced = await joinAndSplit(graph, changes, (m) => {
      moving = m;
      if (side) next(() => side.release([...busy].filter((id) => !m.has(id))));
    });
    if (side) next(() => side.release([...moving].filter((id) => busy.has(id))));
    result.merged = synced.merged;
    result.split = synced.split;
    if (synced.touched.length > 0) await refreshCreators(graph, synced.touched);
  } catch (e) {
    // The caller hears of the first failure here, once nothing is left writing.
    await beside.settled().catch(() => undefined);
    throw e;
  }
  await beside.settled();
  for (const e of result.events) bus.publishMatchEvent(e);
  return result;
}
