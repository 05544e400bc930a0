/**
 * Turns a batch of scored pairs into match statuses, conflict-aware: an account is never
 * AUTO-matched to two accounts on the other platform. Probabilistic pairs resolve to the clearly
 * better candidate (by a margin in log2 odds; the rest are not proposed) and go to review only
 * when close; fixed-points rival AUTO candidates all go to review. Human decisions stand: a REJECTED pair is never proposed again, a MANUAL link is
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
  /** Would be AUTO, but one of its accounts has another AUTO candidate or AUTO match (or, probabilistic, a rival within the margin). */
  | 'CONFLICT'
  /** Probabilistic: one of its accounts has a clearly better candidate (by the conflict margin): not proposed. */
  | 'OUTRANKED'
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

/**
 * Default conflict margin: a candidate 6 bits (64 times) likelier than its rival wins outright.
 * The usual rivalry is a squatter or look-alike on the creator's handle against the real account
 * with a shared link or name, tens of bits apart; two accounts a few bits apart are left to a
 * reviewer.
 */
export const DEFAULT_CONFLICT_MARGIN_BITS = 6;

/**
 * Probabilistic pairs (those with log2 odds) that a rival clearly beats: one-to-one linking, the
 * way a reviewer would read it. Candidates are taken strongest first; the first to reach an
 * account holds it. A later candidate at least `margin` bits below a holder of one of its
 * accounts is outranked (returned with the holders that beat it); one within the margin contests
 * it, and is left for the review and AUTO rules (both go to review). Human decisions are
 * not candidates: a MANUAL link holds its accounts against any machine pair, a REJECTED pair
 * holds nothing.
 */
function outrankedPairs(batch: ReadonlyMap<string, ScoredPair>, stored: ReadonlyMap<string, ExistingMatch>, margin: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const candidates: [string, ScoredPair][] = [];
  for (const [k, p] of batch) {
    const s = stored.get(k)?.status;
    if (p.log2Odds === undefined || p.decision === 'NONE' || s === 'MANUAL' || s === 'REJECTED') continue;
    candidates.push([k, p]);
  }
  if (candidates.length === 0) return out;
  // Ties (common: pairs with the same levels and counts have the same odds) in key order, that is
  // by TikTok id, then X id; compared on the ids themselves, which are flat strings, rather than
  // on the concatenated keys, which string comparison walked piece by piece.
  candidates.sort((a, b) => b[1].log2Odds! - a[1].log2Odds! || byIds(a[1], b[1]));
  const holder = new Map<string, { id: string; odds: number }>();
  for (const [k, p] of candidates) {
    const odds = p.log2Odds!;
    const beaten: string[] = [];
    const ht = holder.get(p.tiktokId);
    const hx = holder.get(p.xId);
    if (ht && ht.odds >= odds + margin) beaten.push(ht.id);
    if (hx && hx.odds >= odds + margin) beaten.push(hx.id);
    if (beaten.length > 0) {
      out.set(k, beaten.sort());
      continue;
    }
    if (!ht) holder.set(p.tiktokId, { id: p.xId, odds });
    if (!hx) holder.set(p.xId, { id: p.tiktokId, odds });
  }
  return out;
}

/** The order of pairKey(a) and pairKey(b) (ids hold no NUL): TikTok id first, then X id. */
function byIds(a: ScoredPair, b: ScoredPair): number {
  if (a.tiktokId !== b.tiktokId) return a.tiktokId < b.tiktokId ? -1 : 1;
  return a.xId < b.xId ? -1 : 1;
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
export function assignStatuses(
  pairs: Iterable<ScoredPair>,
  existing: Iterable<ExistingMatch> = [],
  /** Probabilistic: log2 odds by which a candidate must beat a rival to win the conflict outright. */
  conflictMarginBits = DEFAULT_CONFLICT_MARGIN_BITS,
): Assignment[] {
  const batch = new Map<string, ScoredPair>();
  for (const p of pairs) {
    const k = pairKey(p.tiktokId, p.xId);
    const prior = batch.get(k);
    if (!prior || p.score > prior.score || (p.score === prior.score && (p.log2Odds ?? 0) > (prior.log2Odds ?? 0))) batch.set(k, p);
  }

  const stored = new Map<string, ExistingMatch>();
  for (const e of existing) stored.set(pairKey(e.tiktokId, e.xId), e);
  const outranked = outrankedPairs(batch, stored, conflictMarginBits);

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
    const winners = outranked.get(k);
    if (previousStatus === 'REJECTED') a.why = 'REJECTED_BEFORE';
    else if (previousStatus === 'MANUAL') {
      a.status = 'MANUAL';
      a.why = 'MANUAL_KEPT';
    } else if (winners) {
      a.why = 'OUTRANKED';
      a.conflictsWith = winners;
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
