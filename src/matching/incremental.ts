/**
 * Incremental matching: the accounts ingestion has just written are scored against the graph at
 * once, through the blocking keys, without loading the population. Their keys are stored first
 * (so two new accounts in one batch find each other too), block sizes come from the graph (so
 * oversized keys and common handles are judged on the whole population, as in the full run), the
 * accounts sharing a pairing key are fetched by traversal and index lookups, and the pairs are
 * assigned against the stored decisions and written like a full run's. Stored matches of a
 * changed account that no longer share a key are rescored too, so a profile change is reflected
 * immediately rather than at the next weekly run. Pairs are scored with the model the last full
 * run learnt (model-store.ts), found through every key the full run blocks on, name and word keys
 * included (graph-keys.ts).
 */
import type { GraphClient } from '../neo4j/graph-client';
import { applyAssignments, type ApplyResult } from './apply';
import { assignStatuses } from './assign';
import { blockingKeys, BlockingIndex, candidatePairs, keyKind } from './blocking';
import type { MatchEventBus } from './events';
import { keyLookup, ownProfileKey, pointerTarget, storedKeys, syncBlockKeys, type MatchableRow } from './graph-keys';
import type { MatchOptions, MatchOptionsInput } from './options';
import { loadModel, type StoredModel } from './model-store';
import { cachedOptions, scorePair, type ScoreContext, type ScoredPair } from './score';
import { storedById, type StoredMatch } from './write';

export interface IncrementalOptions {
  matching?: MatchOptionsInput | MatchOptions;
  /** Time stamp written on changes (ISO). Default: now. */
  at?: string;
  /**
   * Probabilistic: the model to score with. Default: the one the last full run stored (loaded once
   * per chunk), or the configured parameters when none is stored; null: the configured parameters.
   */
  model?: StoredModel | null;
}

export interface IncrementalResult extends ApplyResult {
  /** Accounts asked for that exist in the graph. */
  accounts: number;
  /** Accounts of the other platform that share a key with them. */
  neighbours: number;
  candidatePairs: number;
  /** Pairs scored, including stored pairs rescored outside the candidates. */
  scored: number;
}

/** Accounts per call: bounds the size of the parameter lists sent to the graph. */
const CHUNK = 500;

/**
 * Scores the given accounts against the graph and writes the resulting matches. Safe to call with
 * any ids (unknown ones are ignored) and repeatedly (unchanged data writes nothing and emits no
 * event).
 */
export async function matchAccountsIncrementally(
  graph: GraphClient,
  bus: MatchEventBus,
  accountIds: readonly string[],
  options: IncrementalOptions = {},
): Promise<IncrementalResult> {
  let opts = options;
  const total: IncrementalResult = {
    accounts: 0, neighbours: 0, candidatePairs: 0, scored: 0,
    auto: 0, pending: 0, created: 0, changed: 0, unchanged: 0, merged: 0, split: 0, events: [],
  };
  const ids = [...new Set(accountIds)];
  // One model read for all chunks.
  if (opts.model === undefined && ids.length > CHUNK && cachedOptions(opts.matching).model === 'probabilistic') {
    opts = { ...opts, model: (await loadModel(graph)) ?? null };
  }
  for (let i = 0; i < ids.length; i += CHUNK) {
    const r = await matchChunk(graph, bus, ids.slice(i, i + CHUNK), opts);
    for (const k of ['accounts', 'neighbours', 'candidatePairs', 'scored', 'auto', 'pending', 'created', 'changed', 'unchanged', 'merged', 'split'] as const) {
      total[k] += r[k];
    }
    total.events.push(...r.events);
  }
  return total;
}

async function matchChunk(
  graph: GraphClient,
  bus: MatchEventBus,
  ids: string[],
  opts: IncrementalOptions,
): Promise<IncrementalResult> {
  const o = cachedOptions(opts.matching);
  const changed = await graph.read<MatchableRow>('matching/matchable-accounts-by-ids', { ids });
  // The last full run's learnt model, when scoring probabilistically (model-store.ts).
  const learnt = o.model === 'probabilistic' && opts.model !== null ? (opts.model ?? (await loadModel(graph))) : undefined;
  const keysOf = changed.map((a) => blockingKeys(a, o));
  await syncBlockKeys(graph, changed, o, (_, i) => keysOf[i]);

  // What to look up: handles by index, stored keys (and each account's own profile, which
  // pointers hold as a stored key) where they are stored, profile pointers' targets by username.
  const handles = new Set<string>();
  const keys = new Set<string>();
  const pointers = new Set<string>();
  changed.forEach((a, i) => {
    for (const k of keysOf[i]) if (keyKind(k) === 'handle') handles.add(k.slice('handle:'.length));
    for (const k of storedKeys(a, keysOf[i], o)) {
      keys.add(k);
      if (keyKind(k) === 'profile') pointers.add(k);
    }
    const own = ownProfileKey(a, keysOf[i]);
    if (own) keys.add(own);
  });
  const sizes = new Map<string, number>();
  const wordCap = o.maxTokenBlockSize;
  for (const r of await graph.read<{ key: string; size: number }>('matching/block-sizes', { handles: [...handles], ...keyLookup(keys, o), wordCap })) {
    sizes.set(r.key, r.size);
  }
  // A profile key is held by the pointers (stored) and by its target account (not stored).
  const population = (key: string): number => (sizes.get(key) ?? 0) + (keyKind(key) === 'profile' ? 1 : 0);
  const index = new BlockingIndex(o, population);
  for (const a of changed) index.add(a);

  const pairing = (k: string) => index.isPairing(k);
  const lookup = {
    handles: [...handles].filter((h) => pairing(`handle:${h}`)),
    ...keyLookup([...keys].filter(pairing), o),
    profiles: [...pointers].filter(pairing).map(pointerTarget),
  };
  const members = await graph.read<MatchableRow>('matching/block-members', lookup);
  const changedIds = new Set(changed.map((a) => a.id));
  let neighbours = 0;
  for (const m of members) {
    if (changedIds.has(m.id)) continue;
    if (index.add(m)) neighbours++;
  }

  const existing = await graph.read<StoredMatch>('matching/matches-of-accounts', {
    ids: index.accounts.map((a) => a.id),
  });
  // With a learnt model: its parameters and prior, and term frequencies from the graph's counts
  // of the changed accounts' keys (the side that agrees holds the same value, so those are the
  // counts scoring asks for), as the full run would score the pair. Without one: the defaults.
  const ctx: ScoreContext = { handleCount: index.handleCount };
  if (learnt) {
    ctx.model = learnt.model;
    ctx.population = learnt.population;
    ctx.keyCount = (k: string) => index.keyCount(k);
  }
  const storedPairs = new Set(existing.map((e) => `${e.tiktokId} ${e.xId}`));
  const toAssign: ScoredPair[] = [];
  const seen = new Set<string>();
  let candidates = 0;
  for (const c of candidatePairs(index)) {
    if (!changedIds.has(c.tiktok.id) && !changedIds.has(c.x.id)) continue;
    candidates++;
    const s = scorePair(c.tiktok, c.x, o, ctx);
    seen.add(`${s.tiktokId} ${s.xId}`);
    if (s.decision !== 'NONE' || storedPairs.has(`${s.tiktokId} ${s.xId}`)) toAssign.push(s);
  }

  // Stored matches of a changed account that blocking no longer pairs: rescore them as they are now.
  const stale = existing.filter(
    (e) => (changedIds.has(e.tiktokId) || changedIds.has(e.xId)) && !seen.has(`${e.tiktokId} ${e.xId}`),
  );
  if (stale.length > 0) {
    const known = new Map(index.accounts.map((a) => [a.id, a]));
    const missing = [...new Set(stale.flatMap((e) => [e.tiktokId, e.xId]))].filter((id) => !known.has(id));
    if (missing.length > 0) {
      for (const a of await graph.read<MatchableRow>('matching/matchable-accounts-by-ids', { ids: missing })) known.set(a.id, a);
    }
    for (const e of stale) {
      const t = known.get(e.tiktokId);
      const x = known.get(e.xId);
      if (t && x) toAssign.push(scorePair(t, x, o, ctx));
    }
  }

  const applied = await applyAssignments(graph, bus, assignStatuses(toAssign, existing, o.conflictMarginBits), opts.at, { stored: storedById(existing) });
  return { ...applied, accounts: changed.length, neighbours, candidatePairs: candidates, scored: toAssign.length };
}
