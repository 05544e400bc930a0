/**
 * Matching quality on a simulated world, in memory: plan the matches (blocking, scoring, conflict
 * resolution, exactly as a full run does before writing) and compare the statuses with the
 * world's ground truth. Recall is over ALL true pairs, not only those blocking can find.
 */
import type { MatchOptionsInput } from '../../../src/matching/options';
import { planMatches } from '../../../src/matching/plan';
import { matchableAccounts } from '../../../src/simulators/records';
import { generateWorld } from '../../../src/simulators/world';

export interface WorldQuality {
  seed: number;
  truePairs: number;
  auto: number;
  pending: number;
  autoPrecision: number;
  /** AUTO true pairs / all true pairs. */
  autoRecall: number;
  /** AUTO or PENDING true pairs / all true pairs. */
  foundRecall: number;
  /** Share of the review queue (PENDING) that is a true pair. */
  queuePrecision: number;
  squattersAuto: number;
  collisionsAuto: number;
}

export function worldQuality(seed: number, creators: number, opts: MatchOptionsInput = {}): WorldQuality {
  const world = generateWorld({ creators, accountsOnly: true, seed });
  const plan = planMatches(matchableAccounts(world), opts);
  const key = (t: string, x: string) => `${t}|${x}`;
  const truth = new Set(world.truth.pairs.map((p) => key(`tiktok:${p.tiktokUserId}`, `x:${p.xUserId}`)));
  const status = new Map<string, string>();
  for (const a of plan.assignments) if (a.status) status.set(key(a.tiktokId, a.xId), a.status);
  let auto = 0;
  let autoTrue = 0;
  let pending = 0;
  let pendingTrue = 0;
  for (const [k, s] of status) {
    if (s === 'AUTO') {
      auto++;
      if (truth.has(k)) autoTrue++;
    } else if (s === 'PENDING') {
      pending++;
      if (truth.has(k)) pendingTrue++;
    }
  }
  const collisionStatus = (reason?: string) =>
    world.truth.collisions.filter(
      (c) => (!reason || c.reason === reason) && status.get(key(`tiktok:${c.tiktokUserId}`, `x:${c.xUserId}`)) === 'AUTO',
    ).length;
  return {
    seed,
    truePairs: truth.size,
    auto,
    pending,
    autoPrecision: auto === 0 ? 1 : autoTrue / auto,
    autoRecall: autoTrue / truth.size,
    foundRecall: (autoTrue + pendingTrue) / truth.size,
    queuePrecision: pending === 0 ? 1 : pendingTrue / pending,
    squattersAuto: collisionStatus('SQUATTER'),
    collisionsAuto: collisionStatus(),
  };
}
