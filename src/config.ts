/**
 * Every environment variable the service reads, validated in one place.
 *
 * `loadConfig()` is the only reader of `process.env`; everything else receives the resulting
 * `Config` object. An invalid value stops start-up with a message naming the variable, because a
 * service that starts with a typo in its rate limit fails much later and much less clearly.
 *
 * Each area declares its variables, their checks and its part of `Config` in `config/<area>.ts`;
 * this file composes them into the one schema. A new setting goes into its area's section (a new
 * area gets a new section, spread into `EnvSchema` below).
 */
import { z } from 'zod';
import { ApiEnv, apiConfig, apiIssue, type ApiConfig } from './config/api';
import { AuthEnv, authConfig, type AuthConfig } from './config/auth';
import { ExportEnv, exportConfig, type ExportConfig } from './config/export';
import { ConfigError, type ConfigIssue } from './config/fields';
import { IngestEnv, ingestConfig, type IngestConfig } from './config/ingest';
import { MatchingEnv, matchingConfig, matchingIssue, type MatchingConfig } from './config/matching';
import { Neo4jEnv, neo4jConfig, type Neo4jConfig } from './config/neo4j';
import { SeedingEnv, simulationConfig, type SimulationConfig } from './config/seeding';
import { ProvidersEnv, providersConfig, type ProvidersConfig } from './config/providers';
import { ServiceEnv } from './config/service';
import { TrendsEnv, trendConfig, trendsIssue, type TrendConfig } from './config/trends';

export { ConfigError } from './config/fields';
export { ROLES, MIN_KEY_LENGTH, hashKey, parseApiKeys, type Role, type ApiKeyEntry } from './config/auth';
export type { Neo4jConfig } from './config/neo4j';
export type { TrendConfig } from './config/trends';

const EnvSchema = z.object({
  ...ServiceEnv.shape,
  ...Neo4jEnv.shape,
  ...ProvidersEnv.shape,
  ...IngestEnv.shape,
  ...MatchingEnv.shape,
  ...TrendsEnv.shape,
  ...SeedingEnv.shape,
  ...ExportEnv.shape,
  ...AuthEnv.shape,
  ...ApiEnv.shape,
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  neo4j: Neo4jConfig;
  redisUrl?: string;
  providers: ProvidersConfig;
  ingest: IngestConfig;
  matching: MatchingConfig;
  trends: TrendConfig;
  seedOnStart: boolean;
  simulation: SimulationConfig;
  /** Path of the planning configuration; undefined: config/planning.json. */
  planningConfig?: string;
  export: ExportConfig;
  auth: AuthConfig;
  api: ApiConfig;
}

const refuse = (issue: ConfigIssue | undefined): void => {
  if (issue) throw new ConfigError([issue]);
};

/** Reads and validates the environment. Empty strings count as unset, as shells tend to export them. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([k, v]) => k in EnvSchema.shape && v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  refuse(matchingIssue(e));
  refuse(trendsIssue(e));
  const auth = authConfig(e, production);
  if ('variable' in auth) throw new ConfigError([auth]);
  refuse(apiIssue(e, production));
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    neo4j: neo4jConfig(e),
    redisUrl: e.REDIS_URL,
    providers: providersConfig(e),
    ingest: ingestConfig(e),
    matching: matchingConfig(e),
    trends: trendConfig(e),
    seedOnStart: e.SEED_ON_START,
    simulation: simulationConfig(e),
    planningConfig: e.PLANNING_CONFIG,
    export: exportConfig(e),
    auth,
    api: apiConfig(e, production),
  };
}
