/**
 * Turns a batch of scored pairs into match statuses, conflict-aware: an account is never
 * AUTO-matched to two accounts on the other platform (rival AUTO candidates all go to review
 * instead), and human decisions stand: a REJECTED pair is never proposed again, a MANUAL link is
 * kept, and an account a reviewer has linked does not gain an automatic second partner.
 */

import type { MatchStatus } from '../graph/model';
import type { ScoredPair } from './score';

/** A status already stored for a pair. */
export interface ExistingMatch {
  tiktokId: string;
  xId: string;
  status: MatchStatus;
}

/** Why a pair got its status. */
export type AssignmentWhy =
  /** Score and reasons allow auto-approval and nothing conflicts. */
  | 'AUTO'
  /** Score in the review band. */
  | 'REVIEW_SCORE'
  /** Would be AUTO, but one of its accounts has another AUTO candidate or AUTO match. */
  | 'CONFLICT'
  /** Would be AUTO, but a reviewer linked one of its accounts to a different account. */
  | 'ACCOUNT_LINKED'
  /** A reviewer linked this pair: it stays MANUAL whatever the score. */
  | 'MANUAL_KEPT'
  /** A reviewer rejected this pair: not proposed again. */
  | 'REJECTED_BEFORE'
  /** Score below the review threshold. */
  | 'NO_MATCH';

export interface Assignment {
  tiktokId: string;
  xId: string;
  /** The status to store; null when the pair should not be (or no longer be) a match. */
  status: MatchStatus | null;
  previousStatus: MatchStatus | null;
  why: AssignmentWhy;
  /** The scored pair; absent for a stored AUTO match outside the batch demoted by a conflict. */
  pair?: ScoredPair;
  /** Ids of the accounts it conflicts with (other-platform partners of its accounts), sorted. */
  conflictsWith: string[];
}

function pairKey(tiktokId: string, xId: string): string {
  return `${tiktokId}\u0000${xId}`;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/**
 * Decides statuses for a batch of scored pairs. Pairs in the batch are decided afresh (a stored
 * AUTO or PENDING status is a machine decision and is recomputed) except where a reviewer has
 * spoken. Stored AUTO matches outside the batch count as claims on their accounts; when a batch
 * AUTO candidate collides with one, both go to PENDING and the stored one is returned too.
 * A pair appearing twice in the batch is decided on its higher score.
 * Returns one assignment per distinct batch pair, in batch order, then any demoted stored matches.
 */
export function assignStatuses(pairs: Iterable<ScoredPair>, existing: Iterable<ExistingMatch> = []): Assignment[] {
  const batch = new Map<string, ScoredPair>();
  for (const p of pairs) {
    const k = pairKey(p.tiktokId, p.xId);
    const prior = batch.get(k);
    if (!prior || p.score > prior.score) batch.set(k, p);
  }

  const stored = new Map<string, ExistingMatch>();
  for (const e of existing) stored.set(pairKey(e.tiktokId, e.xId), e);

  // Partners each account has through a reviewer's link, and through AUTO claims.
  const manualPartners = new Map<string, string[]>();
  const autoPartners = new Map<string, string[]>();
  const storedAutoOutside: ExistingMatch[] = [];
  for (const [k, e] of stored) {
    if (e.status === 'MANUAL') {
      push(manualPartners, e.tiktokId, e.xId);
      push(manualPartners, e.xId, e.tiktokId);
    } else if (e.status === 'AUTO' && !batch.has(k)) {
      storedAutoOutside.push(e);
      push(autoPartners, e.tiktokId, e.xId);
      push(autoPartners, e.xId, e.tiktokId);
    }
  }

  const out: Assignment[] = [];
  const autoCandidates: Assignment[] = [];
  // Probabilistic scoring: partners in the review band. An AUTO candidate with such a rival (the
  // squatter on the creator's handle against the real account with a closer name, say) goes to
  // review with it, so a reviewer picks; it is never linked beside it.
  const reviewPartners = new Map<string, string[]>();
  for (const [k, p] of batch) {
    const previousStatus = stored.get(k)?.status ?? null;
    const a: Assignment = { tiktokId: p.tiktokId, xId: p.xId, status: null, previousStatus, why: 'NO_MATCH', pair: p, conflictsWith: [] };
    if (previousStatus === 'REJECTED') a.why = 'REJECTED_BEFORE';
    else if (previousStatus === 'MANUAL') {
      a.status = 'MANUAL';
      a.why = 'MANUAL_KEPT';
    } else if (p.decision === 'PENDING') {
      a.status = 'PENDING';
      a.why = 'REVIEW_SCORE';
      if (p.probability !== undefined) {
        push(reviewPartners, p.tiktokId, p.xId);
        push(reviewPartners, p.xId, p.tiktokId);
      }
    } else if (p.decision === 'AUTO') {
      autoCandidates.push(a);
      push(autoPartners, p.tiktokId, p.xId);
      push(autoPartners, p.xId, p.tiktokId);
    }
    out.push(a);
  }

  const demotedStored = new Set<string>();
  for (const a of autoCandidates) {
    const linked = [
      ...(manualPartners.get(a.tiktokId) ?? []).filter((id) => id !== a.xId),
      ...(manualPartners.get(a.xId) ?? []).filter((id) => id !== a.tiktokId),
    ];
    const rivals = [
      ...(autoPartners.get(a.tiktokId) ?? []).filter((id) => id !== a.xId),
      ...(autoPartners.get(a.xId) ?? []).filter((id) => id !== a.tiktokId),
      ...(reviewPartners.get(a.tiktokId) ?? []),
      ...(reviewPartners.get(a.xId) ?? []),
    ];
    if (linked.length > 0) {
      a.status = 'PENDING';
      a.why = 'ACCOUNT_LINKED';
      a.conflictsWith = [...new Set(linked)].sort();
    } else if (rivals.length > 0) {
      a.status = 'PENDING';
      a.why = 'CONFLICT';
      a.conflictsWith = [...new Set(rivals)].sort();
      for (const e of storedAutoOutside) {
        if (e.tiktokId === a.tiktokId || e.xId === a.xId) demotedStored.add(pairKey(e.tiktokId, e.xId));
      }
    } else {
      a.status = 'AUTO';
      a.why = 'AUTO';
    }
  }

  for (const e of storedAutoOutside) {
    if (!demotedStored.has(pairKey(e.tiktokId, e.xId))) continue;
    const rivals = [
      ...(autoPartners.get(e.tiktokId) ?? []).filter((id) => id !== e.xId),
      ...(autoPartners.get(e.xId) ?? []).filter((id) => id !== e.tiktokId),
    ];
    out.push({ tiktokId: e.tiktokId, xId: e.xId, status: 'PENDING', previousStatus: 'AUTO', why: 'CONFLICT', conflictsWith: [...new Set(rivals)].sort() });
  }
  return out;
}
