/**
 * The full matching run: weekly on a schedule and on demand (the runMatching mutation). Loads
 * every account and every stored decision, blocks and scores in memory (plan.ts), writes what
 * changed, brings the stored blocking keys up to date for the incremental matcher, joins matched
 * pairs whose creators drifted apart, and records itself as a (:MatchingRun) node. On unchanged
 * data it writes no match, no key and no event.
 */
import { randomUUID } from 'node:crypto';
import { syncCreators } from '../graph/creators';
import { recordMatchingRun } from '../graph/matches';
import type { GraphClient } from '../neo4j/graph-client';
import { applyAssignments } from './apply';
import type { MatchEventBus } from './events';
import { creatorsOfRows, syncBlockKeys, type MatchableRow } from './graph-keys';
import type { MatchOptions, MatchOptionsInput } from './options';
import { storeModel } from './model-store';
import { loadAccounts } from './load';
import { planMatches, type MatchPlan } from './plan';
import { cachedOptions } from './score';
import { storedById, type BesideWrites } from './write';

/** The contract's MatchingRun, plus what the run did in detail. */
export interface MatchingRun {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  accountsConsidered: number;
  candidatePairs: number;
  /** Pairs AUTO / PENDING after the run (among those it scored or demoted). */
  auto: number;
  pending: number;
  /** Pairs written that did not change. */
  unchanged: number;
  durationMs: number;
  /** Matches created / changed (each with an event). */
  created: number;
  changed: number;
  /** Accounts whose stored blocking keys were rewritten. */
  keysSynced: number;
  /** Blocking keys too common to block on. */
  oversizedKeys: number;
  /** Creator merges and splits, including joins of matched pairs that had drifted apart. */
  merged: number;
  split: number;
  /**
   * Milliseconds per phase, for the benchmark and the logs. Keys are synced beside the match and
   * creator writes, so `keys` overlaps `write` (which includes it).
   */
  phases: { load: number; plan: number; write: number; keys: number; reconcile: number };
  /** The plan phase's steps (plan.ts MatchPlan.timings), for the benchmark: where the phase's time goes. */
  planSteps?: MatchPlan['timings'];
}

export interface RunOptions {
  matching?: MatchOptionsInput | MatchOptions;
  /** Time stamp written on changes (ISO). Default: now. */
  at?: string;
}

/** The statements a run's writes use, each with inputs that make it do nothing (see GraphClient.prepare). */
export const PREPARED: readonly { name: string; params: Record<string, unknown> }[] = [
  ...['graph/create-matches', 'graph/record-match-events', 'graph/upsert-matches', 'graph/demote-matches', 'graph/split-creators',
    'graph/merge-creator-groups', 'graph/set-creator-derived', 'graph/create-block-keys', 'graph/sync-block-keys'].map((name) => ({ name, params: { rows: [] } })),
  ...['graph/creators-of-accounts', 'graph/creator-reach-inputs'].map((name) => ({ name, params: { ids: [] } })),
  { name: 'graph/merge-block-keys', params: { keys: [] } },
];

const inFlight = new WeakMap<GraphClient, Promise<MatchingRun>>();

/**
 * Runs a full matching pass. One at a time per graph client: a call while a run is in progress
 * gets that run's result instead of starting a second pass over the same data.
 */
export function runMatching(graph: GraphClient, bus: MatchEventBus, opts: RunOptions = {}): Promise<MatchingRun> {
  const running = inFlight.get(graph);
  if (running) return running;
  const p = fullRun(graph, bus, opts).finally(() => inFlight.delete(graph));
  inFlight.set(graph, p);
  return p;
}

async function fullRun(graph: GraphClient, bus: MatchEventBus, opts: RunOptions): Promise<MatchingRun> {
  const o = cachedOptions(opts.matching);
  const startedAt = new Date();
  const at = opts.at ?? startedAt.toISOString();
  const t0 = performance.now();
  // The accounts are indexed for blocking as they load (load.ts): the plan starts from the index.
  const { accounts, existing, index } = await loadAccounts(graph, o);
  const t1 = performance.now();
  // The server is idle while the plan is computed (seconds, on this thread): it plans the write
  // statements meanwhile, so their first batches do not wait for it. The statements go out before
  // the plan blocks this thread (the event loop turns once), and nothing is written (prepare).
  const prepared = graph.prepare(PREPARED).catch(() => undefined);
  await new Promise((r) => setImmediate(r));
  const plan = planMatches(index, o, existing);
  await prepared;
  const t2 = performance.now();
  // The index holds the loaded rows themselves (ids are unique), with their keys already computed.
  // Keys are synced beside the match and creator writes: at once for accounts whose matches are
  // not written, the others' as those writes are done with them (see writeMatches' alongside).
  const indexed = plan.index.accounts as MatchableRow[];
  let keysSynced = 0;
  let keysMs = 0;
  const syncKeys = async (which: number[]) => {
    const k0 = performance.now();
    keysSynced += await syncBlockKeys(graph, which.map((i) => indexed[i]), o, (_, j) => plan.index.keysOf[which[j]]);
    keysMs += performance.now() - k0;
  };
  const position = new Map(indexed.map((a, i) => [a.id, i]));
  const alongside: BesideWrites = {
    start: (busy) => syncKeys(indexed.flatMap((a, i) => (busy.has(a.id) ? [] : [i]))),
    release: (ids) => syncKeys(ids.flatMap((id) => position.get(id) ?? [])),
  };
  const written = await applyAssignments(graph, bus, plan.assignments, at, { stored: storedById(existing), alongside, creators: creatorsOfRows(accounts) });
  const t3 = performance.now();
  const drifted = await graph.read<{ tiktokId: string; xId: string }>('matching/unjoined-matches');
  const rejoined = await syncCreators(
    graph,
    drifted.map((pair) => ({
      pair,
      row: { id: '', previousStatus: null, previousScore: null, status: 'AUTO', score: 0 },
    })),
  );
  // The silent re-joins publish no event, so the cross-posts of their accounts are revisited here.
  if (drifted.length > 0) bus.accountsRejoined?.(drifted.flatMap((p) => [p.tiktokId, p.xId]));
  const t5 = performance.now();
  const finishedAt = new Date();
  const run: MatchingRun = {
    id: `run_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    startedAt,
    finishedAt,
    accountsConsidered: accounts.length,
    candidatePairs: plan.candidateCount,
    auto: written.auto,
    pending: written.pending,
    unchanged: written.unchanged,
    durationMs: Math.round(finishedAt.getTime() - startedAt.getTime()),
    created: written.created,
    changed: written.changed,
    keysSynced,
    oversizedKeys: plan.oversized.length,
    merged: written.merged + rejoined.merged,
    split: written.split,
    phases: { load: t1 - t0, plan: t2 - t1, write: t3 - t2, keys: keysMs, reconcile: t5 - t3 },
    planSteps: plan.timings,
  };
  const { phases: _phases, planSteps: _steps, ...stored } = run;
  await recordMatchingRun(graph, { ...stored, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString() });
  // What this run learnt, for the incremental matcher between full runs (model-store.ts).
  if (plan.em && plan.population) {
    await storeModel(graph, {
      model: plan.em.model,
      population: plan.population,
      iterations: plan.em.iterations,
      converged: plan.em.converged,
      runId: run.id,
      learntAt: finishedAt.toISOString(),
    });
  }
  return run;
}
