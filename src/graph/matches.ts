/**
 * The Match aggregate: MATCHED_TO edges (TikTok account -> X account), their MatchEvent history
 * and the record of each matching run. The matcher and the reviewers decide what a pair's score
 * and status should be; this module runs the writes. Every write returns the pair's status and
 * score before and after (`ChangeRow`), from which callers derive events and creator merges.
 */
import type { GraphClient } from '../neo4j/graph-client';
import { chunks, inLanes } from './batches';
import type { MatchEventRecord, MatchReason, MatchStatus } from './model';

/** A pair's status and score before and after a write. */
export interface ChangeRow {
  id: string;
  previousStatus: MatchStatus | null;
  previousScore: number | null;
  status: MatchStatus;
  score: number;
}

/** Two accounts, TikTok first. */
export interface Pair {
  tiktokId: string;
  xId: string;
  /** The reasons just written for the pair, if any: a merge then derives its creator in memory. */
  reasons?: MatchReason[];
}

/** One MATCHED_TO as written (evidence already serialised: relationship properties hold no maps). */
export interface MatchWrite {
  id: string;
  tiktokId: string;
  xId: string;
  score: number;
  reasons: MatchReason[];
  evidence: string;
  status: MatchStatus;
  at: string;
  /** Only ensure the edge exists, keeping a stored score (a reviewer's link). */
  keepScore?: boolean;
}

/** Pairs per statement: large enough to amortise the round trip, small enough for one transaction. */
export const MATCH_BATCH = 1000;
/** The nodes a match write locks: its two accounts (writes of one pair, or of pairs sharing an account, stay in one lane). */
const pairKeys = (r: { tiktokId: string; xId: string }): string[] => [r.tiktokId, r.xId];

/** Events per statement. */
const EVENT_BATCH = 1000;

/**
 * New edges for pairs that had none when the caller looked; returns the changes for the edges this
 * write created and, apart, the rows that gained an edge meanwhile (to go through upsertMatches).
 * `eventsOf` gives the events of a batch's created edges, recorded in the same transaction as the
 * edges (one commit per batch, and an edge never stands without its CREATED event); it may run
 * again when the transaction is retried, so it must only compute.
 */
export async function createMatches(
  graph: GraphClient,
  rows: MatchWrite[],
  eventsOf: (created: ChangeRow[]) => MatchEventRecord[] = () => [],
): Promise<{ created: ChangeRow[]; existing: MatchWrite[]; events: MatchEventRecord[] }> {
  const created: ChangeRow[] = [];
  const existing: MatchWrite[] = [];
  const events: MatchEventRecord[] = [];
  await inLanes(rows, pairKeys, MATCH_BATCH, async (batch) => {
    const done = await graph.writeTx(async (tx) => {
      const made = await tx.run<ChangeRow>('graph/create-matches', { rows: batch });
      const recorded = eventsOf(made);
      for (const part of chunks(recorded, EVENT_BATCH)) await tx.run('graph/record-match-events', { rows: part });
      return { made, recorded };
    });
    created.push(...done.made);
    events.push(...done.recorded);
    if (done.made.length < batch.length) {
      const ids = new Set(done.made.map((c) => c.id));
      for (const r of batch) if (!ids.has(r.id)) existing.push(r);
    }
  });
  return { created, existing, events };
}

/** Creates or updates edges; a stored MANUAL or REJECTED status is kept (see the Cypher). */
export async function upsertMatches(graph: GraphClient, rows: MatchWrite[]): Promise<ChangeRow[]> {
  const out: ChangeRow[] = [];
  await inLanes(rows, pairKeys, MATCH_BATCH, async (batch) => out.push(...(await graph.write<ChangeRow>('graph/upsert-matches', { rows: batch }))));
  return out;
}

/** Sends stored AUTO matches of these pairs back to review. */
export async function demoteMatches(graph: GraphClient, pairs: Pair[], at: string): Promise<ChangeRow[]> {
  const out: ChangeRow[] = [];
  for (const batch of chunks(pairs, MATCH_BATCH)) {
    out.push(...(await graph.write<ChangeRow>('graph/demote-matches', { rows: batch.map((d) => ({ ...d, at })) })));
  }
  return out;
}

/** A reviewer's decision on one match; undefined when there is no such match. */
export async function setMatchStatus(
  graph: GraphClient,
  decision: { id: string; status: MatchStatus; actor: string; note: string | null; at: string; addReason: string | null },
): Promise<ChangeRow | undefined> {
  const [row] = await graph.write<ChangeRow>('graph/set-match-status', decision);
  return row;
}

/** Records events in the graph (Match.history); publishing them is the caller's business. */
export async function recordMatchEvents(graph: GraphClient, events: MatchEventRecord[]): Promise<void> {
  for (const batch of chunks(events, EVENT_BATCH)) await graph.write('graph/record-match-events', { rows: batch });
}

/** The record of one full matching run (a MatchingRun node). */
export async function recordMatchingRun(graph: GraphClient, run: Record<string, unknown>): Promise<void> {
  await graph.write('graph/record-match-run', { run });
}
