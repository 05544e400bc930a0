/**
 * Writes scored pairs to the graph as MATCHED_TO edges and keeps Creator nodes in step: an AUTO
 * pair shares one creator. Human decisions are never overwritten (see the Cypher), and only real
 * changes produce events, so a rerun on unchanged data is silent.
 */
import { refreshCreators } from '../graph/creators';
import { matchId } from '../graph/ids';
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
  /** AUTO or PENDING; pairs below the review threshold are not written. */
  status: Extract<MatchStatus, 'AUTO' | 'PENDING'>;
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
  events: MatchEventPayload[];
}

export async function writeMatches(
  graph: GraphClient,
  bus: MatchEventBus,
  matches: MatchRecord[],
  at = new Date().toISOString(),
): Promise<MatchWriteResult> {
  const result: MatchWriteResult = { created: 0, changed: 0, unchanged: 0, events: [] };
  const joins: { tiktokId: string; xId: string }[] = [];
  const byId = new Map(matches.map((m) => [matchId(m.tiktokAccountId, m.xAccountId), m]));
  for (let i = 0; i < matches.length; i += 500) {
    const rows = matches.slice(i, i + 500).map((m) => ({
      id: matchId(m.tiktokAccountId, m.xAccountId),
      tiktokId: m.tiktokAccountId,
      xId: m.xAccountId,
      score: m.score,
      reasons: m.reasons,
      evidence: JSON.stringify(m.evidence),
      status: m.status,
      at,
    }));
    const changes = await graph.write<ChangeRow>('matching/upsert-matches', { rows });
    for (const c of changes) {
      const kind =
        c.previousStatus === null
          ? 'CREATED'
          : c.previousStatus !== c.status || c.previousScore !== c.score
            ? 'SCORE_CHANGED'
            : null;
      if (kind === null) {
        result.unchanged++;
        continue;
      }
      if (kind === 'CREATED') result.created++;
      else result.changed++;
      result.events.push(
        makeEvent({
          matchId: c.id,
          kind,
          previousStatus: c.previousStatus,
          previousScore: c.previousScore,
          status: c.status,
          score: c.score,
          at,
          actor: 'matcher',
        }),
      );
      const m = byId.get(c.id);
      if (m && c.status === 'AUTO') joins.push({ tiktokId: m.tiktokAccountId, xId: m.xAccountId });
    }
  }
  const touched = new Set<string>();
  for (const j of joins) {
    const res = await graph.write<{ creatorId: string }>('matching/merge-creators', j);
    for (const r of res) touched.add(r.creatorId);
  }
  if (touched.size > 0) await refreshCreators(graph, [...touched]);
  await emitMatchEvents(graph, bus, result.events);
  return result;
}
