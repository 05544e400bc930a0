/**
 * Writes scored pairs to the graph as MATCHED_TO edges and keeps Creator nodes in step: a pair
 * that becomes AUTO shares one creator (the older id survives), a pair that stops being AUTO
 * splits it again. Human decisions are never overwritten (see the Cypher), and only real changes
 * produce events, so a rerun on unchanged data is silent. Everything is batched: a full run writes
 * tens of thousands of pairs.
 */
import { refreshCreators } from '../graph/creators';
import { matchId, newCreatorId } from '../graph/ids';
import type { MatchReason, MatchStatus } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';
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
  /**
   * Work to run once matches, creators and events are written, before the events are published
   * (the full run syncs blocking keys there). Default: none.
   */
  alongside?: () => Promise<unknown>;
}

interface CreatorOf {
  accountId: string;
  creatorId: string;
  createdS: number | null;
  createdNs: number | null;
}

/** `a` was created no later than `b`, as the Cypher `a.createdAt <= b.createdAt` (null: false). */
function notNewer(a: CreatorOf, b: CreatorOf): boolean {
  if (a.createdS === null || b.createdS === null) return false;
  return a.createdS < b.createdS || (a.createdS === b.createdS && (a.createdNs ?? 0) <= (b.createdNs ?? 0));
}

/**
 * Puts the accounts of each joined pair under one creator, planned in memory and applied in a few
 * statements. Pairs are taken in order, each as if merged on its own (the older creator survives,
 * ties to the TikTok side's), so the outcome is the pair-by-pair one; but each folded creator's
 * accounts move once, straight to the survivor of its group. Returns the surviving and the
 * deleted creator ids.
 */
async function mergeJoined(graph: GraphClient, joins: Pair[]): Promise<{ kept: Set<string>; gone: Set<string> }> {
  const kept = new Set<string>();
  const gone = new Set<string>();
  if (joins.length === 0) return { kept, gone };
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
  const rows = order.reverse().map((goneId) => {
    const keepId = root(goneId);
    // The account's last move in pair-by-pair order was out of the ancestor right below the survivor.
    let previousId = goneId;
    while (parent.get(previousId) !== keepId) previousId = parent.get(previousId)!;
    return { goneId, keepId, previousId };
  });
  for (const batch of chunks(rows, MERGE_BATCH)) {
    for (const r of await graph.write<{ creatorId: string; goneId: string }>('matching/merge-creator-groups', { rows: batch })) {
      kept.add(r.creatorId);
      gone.add(r.goneId);
    }
  }
  for (const id of gone) kept.delete(id);
  return { kept, gone };
}

/**
 * Merges the accounts of pairs that became joined and splits those that stopped being joined,
 * for status changes (`changes`, as returned by the upsert or demotion queries). Returns how many
 * merges and splits happened and the creators whose derived values are now stale.
 */
async function joinAndSplit(
  graph: GraphClient,
  changes: { row: ChangeRow; pair: Pair }[],
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
  const { kept, gone } = await mergeJoined(graph, joins);
  for (const id of kept) touched.add(id);
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
  let creates: Row[] = [];
  let upserts: Row[] = [];
  const flushCreates = async () => {
    const rows = creates;
    creates = [];
    if (rows.length === 0) return;
    const made = await graph.write<ChangeRow>('matching/create-matches', { rows });
    collect(made);
    // Pairs that gained an edge meanwhile go through the upsert.
    if (made.length < rows.length) {
      const done = new Set(made.map((c) => c.id));
      for (const r of rows) if (!done.has(r.id)) upserts.push(r);
    }
  };
  const flushUpserts = async () => {
    const rows = upserts;
    upserts = [];
    if (rows.length > 0) collect(await graph.write<ChangeRow>('matching/upsert-matches', { rows }));
  };
  for (const m of matches) {
    const id = matchId(m.tiktokAccountId, m.xAccountId);
    const evidence = JSON.stringify(m.evidence);
    const prior = stored?.get(id);
    if (prior && unchanged(prior, m, evidence)) {
      result.unchanged++;
      continue;
    }
    pairOf.set(id, { tiktokId: m.tiktokAccountId, xId: m.xAccountId });
    const row = { id, tiktokId: m.tiktokAccountId, xId: m.xAccountId, score: m.score, reasons: m.reasons, evidence, status: m.status, at };
    if (stored && !prior) {
      creates.push(row);
      if (creates.length >= BATCH) await flushCreates();
    } else {
      upserts.push(row);
    }
    if (upserts.length >= BATCH) await flushUpserts();
  }
  await flushCreates();
  await flushUpserts();
  for (const batch of chunks(demote)) {
    for (const d of batch) pairOf.set(matchId(d.tiktokId, d.xId), d);
    collect(await graph.write<ChangeRow>('matching/demote-matches', { rows: batch.map((d) => ({ ...d, at })) }));
  }
  // One statement at a time: on a two-core server concurrent bulk writes measured slower.
  const synced = await joinAndSplit(graph, changes);
  result.merged = synced.merged;
  result.split = synced.split;
  if (synced.touched.length > 0) await refreshCreators(graph, synced.touched);
  await recordMatchEvents(graph, result.events);
  await opts.alongside?.();
  for (const e of result.events) bus.publishMatchEvent(e);
  return result;
}
