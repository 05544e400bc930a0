/**
 * Turns status assignments (assign.ts) into graph writes, the step shared by the full run, the
 * incremental matcher and the in-memory pass. A machine match is never dropped silently: a stored
 * AUTO or PENDING pair that no longer scores keeps its edge with the new score and goes to (or
 * stays in) review, where a reviewer can reject it; the score change is an event like any other.
 */
import type { MatchStatus } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';
import type { Assignment } from './assign';
import type { MatchEventBus } from './events';
import type { ScoredPair } from './score';
import { writeMatches, type MatchRecord, type MatchWriteResult, type WriteMatchesOptions } from './write';

export interface ApplyResult extends MatchWriteResult {
  /** Pairs assigned AUTO / PENDING by this step. */
  auto: number;
  pending: number;
}

function record(p: ScoredPair, status: MatchStatus): MatchRecord {
  return {
    tiktokAccountId: p.tiktokId,
    xAccountId: p.xId,
    score: p.score,
    reasons: p.reasons,
    evidence: p.evidence.map((e) => ({ ...e, reason: e.reason ?? null })),
    status,
  };
}

/** The status to write for an assignment, or null when nothing is stored for it. */
function statusToWrite(a: Assignment): MatchStatus | null {
  if (a.status !== null) return a.status;
  // Reviewer decisions are kept by the upsert; passing them refreshes score and evidence.
  if (a.previousStatus === 'REJECTED' || a.previousStatus === 'MANUAL') return a.previousStatus;
  // A machine match whose evidence went away goes to review rather than vanishing.
  if (a.previousStatus === 'AUTO' || a.previousStatus === 'PENDING') return 'PENDING';
  return null;
}

export async function applyAssignments(
  graph: GraphClient,
  bus: MatchEventBus,
  assignments: readonly Assignment[],
  at = new Date().toISOString(),
  /** What is stored for the pairs (unchanged ones are skipped), work to run alongside: see writeMatches. */
  opts: WriteMatchesOptions = {},
): Promise<ApplyResult> {
  const records: MatchRecord[] = [];
  const demote: { tiktokId: string; xId: string }[] = [];
  let auto = 0;
  let pending = 0;
  for (const a of assignments) {
    const status = statusToWrite(a);
    if (status === 'AUTO') auto++;
    else if (status === 'PENDING') pending++;
    if (status === null) continue;
    if (a.pair) records.push(record(a.pair, status));
    else if (status === 'PENDING' && a.previousStatus === 'AUTO') demote.push({ tiktokId: a.tiktokId, xId: a.xId });
  }
  const written = await writeMatches(graph, bus, records, at, demote, opts);
  return { ...written, auto, pending };
}
