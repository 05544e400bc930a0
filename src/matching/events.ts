/**
 * Match events: every status or score change is recorded in the graph (Match.history) and
 * published to subscribers (Subscription.matchChanged). The bus is an interface so the matcher
 * does not know whether events travel in process or through Redis.
 */
import { randomUUID } from 'node:crypto';
import type { GraphClient } from '../neo4j/graph-client';
import type { MatchEventRecord } from '../graph/model';
import { recordMatchEvents } from '../graph/matches';

// The event is a graph record (graph/model.ts); these names are the matcher's view of it.
export type { MatchEventKind } from '../graph/model';
export type MatchEventPayload = MatchEventRecord;

export interface MatchEventBus {
  publishMatchEvent(event: MatchEventPayload): void;
  /**
   * Accounts the full run put back under one creator without a match event (a join that drifted:
   * the match did not change, so nobody is told). Optional: only listeners that keep derived
   * facts per creator (the cross-post upkeep) need it.
   */
  accountsRejoined?(accountIds: string[]): void;
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

/** Records events in the graph, then publishes them; recording first means history never misses a published event. */
export async function emitMatchEvents(graph: GraphClient, bus: MatchEventBus, events: MatchEventPayload[]): Promise<void> {
  await recordMatchEvents(graph, events);
  for (const e of events) bus.publishMatchEvent(e);
}
