/**
 * What every resolver receives. Built once per HTTP request or per ws operation, so loaders
 * never share a cache across requests (no stale reads after a mutation in another request). A
 * subscription is one operation delivering many events: `freshLoaders` gives each event its own.
 */
import type { Config } from '../config';
import type { IngestionService } from '../ingest/runtime';
import type { Logger } from '../log';
import type { MatchEventBus } from '../matching/events';
import type { GraphClient } from '../neo4j/graph-client';
import type { Principal } from './auth/roles';
import type { ResolverCheck } from './limits/deadline';
import { createLoaders, type Loaders } from './loaders';

export interface Services {
  config: Config;
  graph: GraphClient;
  bus: MatchEventBus;
  logger: Logger;
  /** The ingestion lanes and tracking; absent when the process runs no ingestion. */
  ingestion?: IngestionService;
}

export interface Context extends Services {
  loaders: Loaders;
  /** The authenticated caller; null for a request without credentials (refused by every root field). */
  principal: Principal | null;
  /** Who is recorded on decisions: the key's name or the token's subject, never a header the caller writes. */
  actor: string;
  /**
   * When the request must have finished. Absent for subscriptions (they live as long as their
   * socket) and cleared for mutations once the operation is known (see limits/deadline.ts).
   */
  deadline?: { at: number; ms: number };
}

export function buildContext(services: Services, principal: Principal | null, opts: { deadlineMs?: number } = {}): Context {
  const ms = opts.deadlineMs;
  // Neo4j reads on behalf of this request are cut by the driver at the same deadline.
  const graph = ms !== undefined ? services.graph.bounded(() => ctx.deadline?.at) : services.graph;
  const ctx: Context = {
    ...services,
    graph,
    loaders: createLoaders(graph),
    principal,
    actor: principal?.name ?? 'anonymous',
    deadline: ms !== undefined ? { at: Date.now() + ms, ms } : undefined,
  };
  return ctx;
}

/**
 * Loaders per published event, shared by every subscription that resolves it. An event reaches
 * each subscriber as the same payload object (the pub/sub hands one object to all its listeners,
 * in process or as parsed once from Redis), so 1,000 subscribers of matchChanged read the match and
 * its accounts in one batch instead of 1,000. Sharing is safe across callers: loaders are built on
 * the graph alone and hold rows as stored; who may see what is decided per field, per caller, after
 * loading (auth checker, masking). Held weakly: gone with the event.
 */
const eventLoaders = new WeakMap<object, { graph: GraphClient; loaders: Loaders }>();

function loadersForEvent(event: unknown, graph: GraphClient): Loaders {
  if (typeof event !== 'object' || event === null) return createLoaders(graph);
  const shared = eventLoaders.get(event);
  if (shared && shared.graph === graph) return shared.loaders;
  const loaders = createLoaders(graph);
  eventLoaders.set(event, { graph, loaders });
  return loaders;
}

/**
 * Run before every resolver (schema.ts): a subscription's root field resolves once per event, so each event starts
 * with empty loaders. Otherwise the second event about a match would be answered from the cache the
 * first one filled (the match as it was before the change being announced). The loaders of one
 * event are shared by all its subscribers (loadersForEvent).
 */
export const freshLoaders: ResolverCheck = ({ root, context, info }) => {
  if (info.parentType.name === 'Subscription' && info.path.prev === undefined) context.loaders = loadersForEvent(root, context.graph);
};
