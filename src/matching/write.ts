/**
 * Decides what the matcher's scored pairs change in the graph: a pair whose stored edge already
 * says the same is skipped, a new pair is created, the rest upserted; stored AUTO matches with a
 * rival claim go back to review. The writes themselves are graph/matches.ts's, the creator merges
 * and splits that follow (a pair that becomes AUTO shares one creator, one that stops being AUTO
 * is split) graph/creators.ts's. Human decisions are never overwritten (see the Cypher), and only
 * real changes produce events, so a rerun on unchanged data is silent.
 */
import { joinAndSplit, refreshCreators, type AccountCreator } from '../graph/creators';
import { matchId } from '../graph/ids';
import { createMatches, demoteMatches, recordMatchEvents, upsertMatches, type ChangeRow, type MatchWrite, type Pair } from '../graph/matches';
import type { MatchReason, MatchStatus } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';
import { Concurrent } from '../neo4j/concurrent';
import { encodeEvidence, type MatchEvidenceRecord } from './evidence-codec';
import { makeEvent, type MatchEventBus, type MatchEventPayload } from './events';

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
  /** Accounts' creators as the caller read them (the full run, with the accounts): merges then read only the others. */
  creators?: ReadonlyMap<string, AccountCreator>;
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
  // Events still to record (those of created edges are recorded with the edges).
  const toRecord: MatchEventPayload[] = [];
  const collect = (rows: ChangeRow[], recorded?: ReadonlyMap<string, MatchEventPayload>) => {
    for (const c of rows) {
      const e = recorded?.get(c.id) ?? eventFor(c, at);
      if (e === null) {
        result.unchanged++;
        continue;
      }
      if (e.kind === 'CREATED') result.created++;
      else result.changed++;
      result.events.push(e);
      if (!recorded?.has(c.id)) toRecord.push(e);
      const pair = pairOf.get(c.id);
      if (pair) changes.push({ row: c, pair });
    }
  };
  const stored = opts.stored;
  const creates: MatchWrite[] = [];
  const upserts: MatchWrite[] = [];
  for (const m of matches) {
    const id = matchId(m.tiktokAccountId, m.xAccountId);
    const evidence = encodeEvidence(m.evidence);
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
    const made = await createMatches(graph, creates, (created) => created.flatMap((c) => eventFor(c, at) ?? []));
    collect(made.created, new Map(made.events.map((e) => [e.matchId, e])));
    // Pairs that gained an edge meanwhile go through the upsert.
    collect(await upsertMatches(graph, [...upserts, ...made.existing]));
    collect(await demoteMatches(graph, demote, at));
    if (toRecord.length > 0) next(() => recordMatchEvents(graph, toRecord));
    let moving: ReadonlySet<string> = busy;
    const synced = await joinAndSplit(graph, changes, (m) => {
      moving = m;
      if (side) next(() => side.release([...busy].filter((id) => !m.has(id))));
    }, opts.creators);
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
