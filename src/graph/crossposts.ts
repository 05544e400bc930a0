/**
 * The cross-post writes and the announcement claim on AMPLIFIED edges. What counts as a cross-post
 * is decided in analytics/crossposts.ts; this module only stores decisions (named, idempotent
 * statements), like the rest of the write path.
 */
import { randomUUID } from 'node:crypto';
import type { GraphClient } from '../neo4j/graph-client';
import { refreshChainRoots } from './chain-roots';
import type { AmplificationKind } from './model';

export type SettleAction = 'promote' | 'refresh' | 'demote' | 'remove';

/**
 * Link edges touching the posts follow the creators as they are now: LINK between one creator's
 * accounts -> CROSSPOST (confidence 1 for a reviewer's join, `machineJoinConfidence` otherwise);
 * CROSSPOST from a link whose accounts were split -> LINK; text cross-posts of split accounts go.
 */
export async function settleLinkCrossposts(
  graph: GraphClient,
  postIds: string[],
  machineJoinConfidence: number,
): Promise<Record<SettleAction, number>> {
  const out: Record<SettleAction, number> = { promote: 0, refresh: 0, demote: 0, remove: 0 };
  const rows = await graph.write<{ action: SettleAction; edges: number; posts: string[] }>('graph/settle-link-crossposts', {
    ids: postIds,
    machineJoinConfidence,
  });
  for (const r of rows) out[r.action] += r.edges;
  // A kind change leaves chains as they were; a removed edge cuts one.
  await refreshChainRoots(graph, rows.flatMap((r) => r.posts));
  return out;
}

export interface TextCrosspostRecord {
  amplifierId: string;
  sourceId: string;
  confidence: number;
  evidence: string[];
}

/** Writes text cross-posts where no edge joins the posts yet; returns those it created. */
export async function writeTextCrossposts(graph: GraphClient, rows: TextCrosspostRecord[]): Promise<{ amplifierId: string; sourceId: string }[]> {
  if (rows.length === 0) return [];
  const created = await graph.write<{ amplifierId: string; sourceId: string }>('graph/upsert-crossposts', { rows });
  await refreshChainRoots(graph, created.flatMap((e) => [e.amplifierId, e.sourceId]));
  return created;
}

export interface AnnouncedAmplification {
  amplifierId: string;
  sourceId: string;
  kind: AmplificationKind;
  lagSeconds: number;
  confidence: number;
  /** Canonical creators of both posts' authors. */
  creatorIds: string[];
}

const CLAIM_BATCH = 1000;

/** Marks the not yet announced edges touching the posts as announced and returns them. */
export async function claimNewAmplifications(graph: GraphClient, postIds: readonly string[]): Promise<AnnouncedAmplification[]> {
  const out: AnnouncedAmplification[] = [];
  const ids = [...new Set(postIds)];
  for (let i = 0; i < ids.length; i += CLAIM_BATCH) {
    out.push(
      ...(await graph.write<AnnouncedAmplification>('graph/claim-new-amplifications', { ids: ids.slice(i, i + CLAIM_BATCH), token: randomUUID() })),
    );
  }
  return out;
}
