/** Small helpers for matching tests that run against the graph. */
import { writeAccounts } from '../../../src/graph/accounts';
import { accountId, type AccountRecord, type Platform } from '../../../src/graph/model';
import type { MatchEventBus, MatchEventPayload } from '../../../src/matching/events';
import type { GraphClient } from '../../../src/neo4j/graph-client';

/** A bus that records what it publishes. */
export class RecordingBus implements MatchEventBus {
  events: MatchEventPayload[] = [];
  publishMatchEvent(e: MatchEventPayload): void {
    this.events.push(e);
  }
  take(): MatchEventPayload[] {
    const out = this.events;
    this.events = [];
    return out;
  }
}

let seq = 1000;

/** An account record; the platform user id is derived from the username unless given. */
export function account(platform: Platform, username: string, extra: Partial<AccountRecord> = {}): AccountRecord {
  return {
    platform,
    platformUserId: extra.platformUserId ?? `${username.replace(/[^a-z0-9]/gi, '')}${++seq}`,
    username,
    displayName: null,
    bio: null,
    bioLink: null,
    followers: 1000,
    fetchedAt: '2026-11-01T00:00:00.000Z',
    ...extra,
  };
}

export const idOf = (a: AccountRecord): string => accountId(a.platform, a.platformUserId);

export async function write(graph: GraphClient, ...accounts: AccountRecord[]): Promise<string[]> {
  await writeAccounts(graph, accounts);
  return accounts.map(idOf);
}

/** Creator id per account id. */
export async function creatorsOf(graph: GraphClient, ids: string[]): Promise<Record<string, string>> {
  const rows = await graph.runText(
    'UNWIND $ids AS id MATCH (c:Creator)-[:HAS_ACCOUNT]->(a:Account {id: id}) RETURN a.id AS id, c.id AS creator',
    { ids },
  );
  return Object.fromEntries(rows.map((r) => [r.id as string, r.creator as string]));
}

export interface StoredMatch {
  id: string;
  tiktokId: string;
  xId: string;
  status: string;
  score: number;
  reasons: string[];
  evidence: string;
}

export async function matchesIn(graph: GraphClient): Promise<Map<string, StoredMatch>> {
  const rows = await graph.runText(
    'MATCH (t:Account)-[m:MATCHED_TO]->(x:Account) RETURN m.id AS id, t.id AS tiktokId, x.id AS xId, m.status AS status, m.score AS score, m.reasons AS reasons, m.evidence AS evidence',
  );
  return new Map(rows.map((r) => [`${r.tiktokId}|${r.xId}`, r as unknown as StoredMatch]));
}

export async function count(graph: GraphClient, label: string): Promise<number> {
  const [row] = await graph.runText(`MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS n`, { label });
  return Number(row.n);
}
