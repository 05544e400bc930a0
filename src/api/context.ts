/**
 * What every resolver receives. Built once per HTTP request or per ws operation, so loaders
 * never share a cache across requests (no stale reads after a mutation in another request).
 */
import type { Config } from '../config';
import type { IngestionService } from '../ingest/runtime';
import type { Logger } from '../log';
import type { MatchEventBus } from '../matching/events';
import type { GraphClient } from '../neo4j/graph-client';
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
  /** The caller, from the X-User header until the API's auth lands; recorded on review decisions. */
  actor: string;
}

export function buildContext(services: Services, actor: string | undefined): Context {
  const clean = (actor ?? '').trim().slice(0, 120);
  return { ...services, loaders: createLoaders(services.graph), actor: clean || 'anonymous' };
}
