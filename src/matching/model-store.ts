/**
 * The learnt model between runs. A full run learns m (EM) and u (random pairs) for its population
 * and stores them here with the population sizes; the incremental matcher, which sees a few new
 * accounts and their neighbours (no population to learn from), scores with what is stored: the
 * same parameters, the same prior, and term frequencies from the graph's key counts (block-sizes),
 * so a new pair scores as the weekly run would score it. Nothing stored (no full run yet): the
 * configured defaults.
 */
import { saveMatchingModel } from '../graph/matching-model';
import type { GraphClient } from '../neo4j/graph-client';
import { SIGNAL_LEVELS, SIGNALS, type SignalName } from './compare';
import type { FSModel } from './fellegi-sunter';

/** The one stored model's id. */
export const CURRENT_MODEL = 'current';

export interface StoredModel {
  model: FSModel;
  /** Accounts per platform when it was learnt: the prior and term frequencies are relative to them. */
  population: { tiktok: number; x: number };
  iterations: number;
  converged: boolean;
  runId: string | null;
  learntAt: string;
}

/** Stores the model a full run learnt. */
export async function storeModel(graph: GraphClient, s: StoredModel): Promise<void> {
  await saveMatchingModel(graph, {
    id: CURRENT_MODEL,
    m: JSON.stringify(s.model.m),
    u: JSON.stringify(s.model.u),
    matchesPerAccount: s.model.matchesPerAccount,
    tiktokAccounts: s.population.tiktok,
    xAccounts: s.population.x,
    iterations: s.iterations,
    converged: s.converged,
    runId: s.runId,
    learntAt: s.learntAt,
  });
}

/** Per signal, one probability per level, each in (0, 1]: anything else is not a usable model. */
function levels(raw: unknown): Record<SignalName, number[]> | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const out = {} as Record<SignalName, number[]>;
  for (const s of SIGNALS) {
    const v = (raw as Record<string, unknown>)[s];
    if (!Array.isArray(v) || v.length !== SIGNAL_LEVELS[s].length) return undefined;
    if (!v.every((p) => typeof p === 'number' && p > 0 && p <= 1)) return undefined;
    out[s] = v as number[];
  }
  return out;
}

/**
 * The stored model, or undefined when none is stored or it no longer fits the comparison levels
 * (a release that changed them): the incremental matcher then falls back to the defaults rather
 * than score with parameters of other levels.
 */
export async function loadModel(graph: GraphClient): Promise<StoredModel | undefined> {
  const [row] = await graph.read<{
    m: string; u: string; matchesPerAccount: number; tiktokAccounts: number; xAccounts: number;
    iterations: number; converged: boolean; runId: string | null; learntAt: string;
  }>('matching/load-model', { id: CURRENT_MODEL });
  if (!row) return undefined;
  let m: Record<SignalName, number[]> | undefined;
  let u: Record<SignalName, number[]> | undefined;
  try {
    m = levels(JSON.parse(row.m));
    u = levels(JSON.parse(row.u));
  } catch {
    return undefined;
  }
  if (!m || !u || !(row.matchesPerAccount > 0)) return undefined;
  return {
    model: { m, u, matchesPerAccount: Number(row.matchesPerAccount) },
    population: { tiktok: Number(row.tiktokAccounts), x: Number(row.xAccounts) },
    iterations: Number(row.iterations),
    converged: row.converged,
    runId: row.runId,
    learntAt: row.learntAt,
  };
}
