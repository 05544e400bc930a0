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
import { emitMatchEvents, makeEvent, type MatchEventBus, type MatchEventPayload } from './events';

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

const JOINED: ReadonlySet<MatchStatus | null> = new Set(['AUTO', 'MANUAL']);

function* chunks<T>(items: T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

interface Pair {
  tiktokId: string;
  xId: string;
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
  const joins: Pair[] = [];
  const splits: (Pair & { newId: string })[] = [];
  for (const { row, pair } of changes) {
    const was = JOINED.has(row.previousStatus);
    const now = JOINED.has(row.status);
    if (now && !was) joins.push(pair);
    else if (was && !now) splits.push({ ...pair, newId: newCreatorId() });
  }
  const touched = new Set<string>();
  let merged = 0;
  let split = 0;
  for (const rows of chunks(splits)) {
    const res = await graph.write<{ keptId: string; splitId: string }>('matching/split-creators', { rows });
    split += res.length;
    for (const r of res) touched.add(r.keptId).add(r.splitId);
  }
  for (const rows of chunks(joins)) {
    const res = await graph.write<{ creatorId: string; goneId: string }>('matching/merge-creators', { rows });
    merged += res.length;
    for (const r of res) {
      touched.add(r.creatorId);
      touched.delete(r.goneId);
    }
  }
  if (touched.size > 0) await refreshCreators(graph, [...touched]);
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
  for (const batch of chunks(matches)) {
    const rows = batch.map((m) => {
      const id = matchId(m.tiktokAccountId, m.xAccountId);
      pairOf.set(id, { tiktokId: m.tiktokAccountId, xId: m.xAccountId });
      return {
        id,
        tiktokId: m.tiktokAccountId,
        xId: m.xAccountId,
        score: m.score,
        reasons: m.reasons,
        evidence: JSON.stringify(m.evidence),
        status: m.status,
        at,
      };
    });
    collect(await graph.write<ChangeRow>('matching/upsert-matches', { rows }));
  }
  for (const batch of chunks(demote)) {
    for (const d of batch) pairOf.set(matchId(d.tiktokId, d.xId), d);
    collect(await graph.write<ChangeRow>('matching/demote-matches', { rows: batch.map((d) => ({ ...d, at })) }));
  }
  const synced = await syncCreators(graph, changes);
  result.merged = synced.merged;
  result.split = synced.split;
  await emitMatchEvents(graph, bus, result.events);
  return result;
}
