/**
 * Match events: every status or score change is recorded in the graph (Match.history) and
 * published to subscribers (Subscription.matchChanged). The bus is an interface so the matcher
 * does not know whether events travel in process or through Redis.
 */
import { randomUUID } from 'node:crypto';
import type { GraphClient } from '../neo4j/graph-client';
import type { MatchStatus } from '../graph/model';

export type MatchEventKind = 'CREATED' | 'SCORE_CHANGED' | 'APPROVED' | 'REJECTED' | 'LINKED';

export interface MatchEventPayload {
  id: string;
  matchId: string;
  kind: MatchEventKind;
  previousStatus: MatchStatus | null;
  previousScore: number | null;
  status: MatchStatus;
  score: number;
  at: string;
  actor: string | null;
  note: string | null;
}

export interface MatchEventBus {
  publishMatchEvent(event: MatchEventPayload): void;
}

/** A bus that drops events: for jobs that run without subscribers (benchmarks, replays). */
export const nullBus: MatchEventBus = { publishMatchEvent: () => undefined };

type EventInput = Omit<MatchEventPayload, 'id' | 'at' | 'actor' | 'note'> &
  Partial<Pick<MatchEventPayload, 'at' | 'actor' | 'note'>>;

export function makeEvent(e: EventInput): MatchEventPayload {
  return {
    id: `mev_${randomUUID()}`,
    at: e.at ?? new Date().toISOString(),
    actor: e.actor ?? null,
    note: e.note ?? null,
    matchId: e.matchId,
    kind: e.kind,
    previousStatus: e.previousStatus,
    previousScore: e.previousScore,
    status: e.status,
    score: e.score,
  };
}

/** Events per statement. */
const EVENT_BATCH = 1000;

/**
 * Records events in the graph (Match.history) without publishing them: for callers that record
 * alongside other writes and publish once everything is stored.
 */
export async function recordMatchEvents(graph: GraphClient, events: MatchEventPayload[]): Promise<void> {
  for (let i = 0; i < events.length; i += EVENT_BATCH) {
    await graph.write('matching/record-events', { rows: events.slice(i, i + EVENT_BATCH) });
  }
}

/** Records events in the graph, then publishes them; recording first means history never misses a published event. */
export async function emitMatchEvents(graph: GraphClient, bus: MatchEventBus, events: MatchEventPayload[]): Promise<void> {
  await recordMatchEvents(graph, events);
  for (const e of events) bus.publishMatchEvent(e);
}
