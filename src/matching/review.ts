/**
 * Reviewers' decisions: approve, reject, link. Human decisions win over the matcher: an approved
 * or linked pair becomes MANUAL (never undone by a rerun), a rejected pair stays REJECTED (never
 * relinked automatically), and rejecting a pair that had joined two accounts splits the creator.
 */
import { matchId, parseMatchId } from '../graph/ids';
import type { ReviewErrorCode } from '../error-codes';
import type { MatchStatus } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';
import { emitMatchEvents, makeEvent, type MatchEventBus, type MatchEventKind } from './events';
import { syncCreators } from '../graph/creators';
import { setMatchStatus, upsertMatches, type ChangeRow } from '../graph/matches';

export class ReviewError extends Error {
  constructor(
    readonly code: ReviewErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}

export interface ReviewContext {
  graph: GraphClient;
  bus: MatchEventBus;
  /** Who decided: the caller's identity from the request. */
  actor: string;
}

type StatusRow = ChangeRow;


async function decide(
  ctx: ReviewContext,
  id: string,
  status: MatchStatus,
  kind: MatchEventKind,
  note: string | null,
  addReason: string | null = null,
): Promise<StatusRow> {
  const pair = parseMatchId(id);
  if (!pair) throw new ReviewError('BAD_USER_INPUT', `"${id}" is not a match id`);
  const at = new Date().toISOString();
  const row = await setMatchStatus(ctx.graph, { id, status, actor: ctx.actor, note, at, addReason });
  if (!row) throw new ReviewError('NOT_FOUND', `no match with id "${id}"`);
  // Same creator bookkeeping as the matcher's writes: merge on joining, split on unjoining.
  await syncCreators(ctx.graph, [{ row, pair: { tiktokId: pair.tiktokAccountId, xId: pair.xAccountId } }]);
  await emitMatchEvents(ctx.graph, ctx.bus, [
    makeEvent({
      matchId: id,
      kind,
      previousStatus: row.previousStatus,
      previousScore: row.previousScore,
      status: row.status,
      score: row.score,
      at,
      actor: ctx.actor,
      note,
    }),
  ]);
  return row;
}

export function approveMatch(ctx: ReviewContext, id: string, note: string | null = null) {
  return decide(ctx, id, 'MANUAL', 'APPROVED', note);
}

export function rejectMatch(ctx: ReviewContext, id: string, note: string | null = null) {
  return decide(ctx, id, 'REJECTED', 'REJECTED', note);
}

/** Links two accounts (one per platform) as one creator; returns the match id. */
export async function linkAccounts(ctx: ReviewContext, accountIds: string[], note: string | null = null): Promise<string> {
  const ids = [...new Set(accountIds)];
  if (ids.length !== 2) throw new ReviewError('BAD_USER_INPUT', 'linkAccounts takes exactly two account ids, one per platform');
  const rows = await ctx.graph.read<{ id: string; exists: boolean; platform: string | null; joinedWith: string[] }>(
    'matching/account-pair',
    { ids },
  );
  const missing = rows.filter((r) => !r.exists).map((r) => r.id);
  if (missing.length > 0) throw new ReviewError('NOT_FOUND', `no account with id ${missing.map((m) => `"${m}"`).join(', ')}`);
  const tiktok = rows.find((r) => r.platform === 'TIKTOK');
  const x = rows.find((r) => r.platform === 'X');
  if (!tiktok || !x) throw new ReviewError('BAD_USER_INPUT', 'linkAccounts needs one TikTok and one X account');
  for (const [self, other] of [
    [tiktok, x],
    [x, tiktok],
  ]) {
    const conflict = self.joinedWith.filter((o) => o !== other.id);
    if (conflict.length > 0) {
      throw new ReviewError('CONFLICT', `${self.id} is already matched to ${conflict[0]}: reject that match first`);
    }
  }
  const id = matchId(tiktok.id, x.id);
  // Create the edge if the matcher never proposed this pair, then record the reviewer's decision.
  await upsertMatches(ctx.graph, [
    { id, tiktokId: tiktok.id, xId: x.id, score: 0, reasons: [], evidence: '[]', status: 'PENDING', at: new Date().toISOString(), keepScore: true },
  ]);
  await decide(ctx, id, 'MANUAL', 'LINKED', note, 'MANUAL_LINK');
  return id;
}
