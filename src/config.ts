/**
 * Every environment variable the service reads, validated in one place.
 *
 * `loadConfig()` is the only reader of `process.env`; everything else receives the resulting
 * `Config` object. An invalid value stops start-up with a message naming the variable, because a
 * service that starts with a typo in its rate limit fails much later and much less clearly.
 */
import { Cron } from 'croner';
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Who may do what: each role includes the ones before it. */
export const ROLES = ['viewer', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** One configured API key: only its SHA-256 is kept, so a heap dump or a log line never holds it. */
export interface ApiKeyEntry {
  role: Role;
  /** Recorded as the actor on what the key does (e.g. a reviewer's decisions). */
  name: string;
  hash: Buffer;
}

/** Shortest key accepted: a short key can be guessed within the rate limit. */
export const MIN_KEY_LENGTH = 16;

export const hashKey = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/**
 * Parses API_KEYS: comma-separated `role:key` or `role:name:key` (the name defaults to the role).
 * Throws a message naming the bad entry by position, never echoing the key.
 */
export function parseApiKeys(spec: string): ApiKeyEntry[] {
  const entries: ApiKeyEntry[] = [];
  const parts = spec.split(',').map((p) => p.trim()).filter(Boolean);
  parts.forEach((part, i) => {
    const bits = part.split(':');
    if (bits.length < 2 || bits.length > 3) throw new Error(`entry ${i + 1} must be role:key or role:name:key`);
    const role = bits[0].trim();
    if (!(ROLES as readonly string[]).includes(role)) throw new Error(`entry ${i + 1}: role must be one of ${ROLES.join(', ')}`);
    const key = bits[bits.length - 1];
    const name = bits.length === 3 ? bits[1].trim() : role;
    if (key.length < MIN_KEY_LENGTH) throw new Error(`entry ${i + 1}: key must be at least ${MIN_KEY_LENGTH} characters`);
    if (!name || name.length > 120) throw new Error(`entry ${i + 1}: name must be 1 to 120 characters`);
    entries.push({ role: role as Role, name, hash: hashKey(key) });
  });
  return entries;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max);
const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol.replace(':', ''));
    } catch {
      return false;
    }
  }, `must be a URL with scheme ${protocols.join(' or ')}`);
const cron = (fallback: string) =>
  z
    .string()
    .refine((v) => {
      try {
        new Cron(v, { paused: true, timezone: 'UTC' }).stop();
        return true;
      } catch {
        return false;
      }
    }, 'must be a cron expression (5 or 6 fields, croner syntax)')
    .default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: int(0, 65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  NEO4J_URI: url(['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc']).optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  LOCAL_NEO4J_DIR: z.string().min(1).default('.neo4j-local'),
  LOCAL_NEO4J_PORT: int(1, 65535).default(7687),
  LOCAL_NEO4J_HEAP: z.string().regex(/^\d+[mg]$/, 'must look like 512m or 2g').default('1g'),

  REDIS_URL: url(['redis', 'rediss']).optional(),

  TIKLIVEAPI_KEY: z.string().min(1).optional(),
  TIKLIVEAPI_BASE_URL: url(['http', 'https']).default('https://api.tikliveapi.com'),
  TIKLIVEAPI_REQUESTS_PER_MINUTE: int(1).default(200),
  TIKLIVEAPI_MONTHLY_CREDITS: int(0).default(150000),
  X_BEARER_TOKEN: z.string().min(1).optional(),
  X_API_BASE_URL: url(['http', 'https']).default('https://api.x.com'),
  PROVIDER_TIMEOUT_MS: int(100).default(15000),
  PROFILE_CACHE_HOURS: int(12, 24).default(24),

  STAGING_DIR: z.string().min(1).default('.staging'),
  BACKFILL_DAYS: int(1, 3650).default(30),
  /** Cron expressions (croner syntax) for the lanes' jobs. */
  SCHEDULE_PROFILES: cron('0 3 * * *'),
  SCHEDULE_POSTS_ACTIVE: cron('0 * * * *'),
  SCHEDULE_POSTS_LONG_TAIL: cron('30 4 * * *'),
  SCHEDULE_MATCHING: cron('0 5 * * 1'),
  /** Lane jobs each lane runs at once in this process. */
  INGEST_CONCURRENCY: int(1, 64).default(2),

  /** 'probabilistic' (Fellegi-Sunter, the default) or 'fixed' (the seed's points, for comparison). */
  MATCH_MODEL: z.enum(['probabilistic', 'fixed']).default('probabilistic'),
  /** Probabilistic: match probabilities at or above which a pair is auto-approved / sent to review. */
  MATCH_AUTO_PROBABILITY: z.coerce.number().min(0).max(1).default(0.97),
  MATCH_REVIEW_PROBABILITY: z.coerce.number().min(0).max(1).default(0.25),
  MATCH_WEIGHT_BIOLINK: int(0, 100).default(60),
  MATCH_WEIGHT_HANDLE: int(0, 100).default(30),
  MATCH_WEIGHT_NAME: int(0, 100).default(10),
  MATCH_AUTO_THRESHOLD: int(0, 200).default(60),
  MATCH_REVIEW_THRESHOLD: int(0, 200).default(30),
  /** A blocking key shared by more accounts than this is too common to pair on. */
  MATCH_MAX_BLOCK_SIZE: int(2, 100000).default(50),

  /** Hashtag trends (src/analytics/spikes.ts explains the method). */
  TREND_WINDOW_DAYS: int(1, 365).default(30),
  TREND_BASELINE_HOURS: int(6, 24 * 30).default(72),
  TREND_SPIKE_WINDOW_HOURS: int(1, 48).default(3),
  TREND_SPIKE_MIN_CREATORS: int(1).default(4),
  TREND_SPIKE_ALPHA: z.coerce.number().gt(0).lt(1).default(1e-6),
  TREND_SPIKE_K: z.coerce.number().min(0).max(100).default(3),
  TREND_RATE_FLOOR: z.coerce.number().min(0.0001).max(100).default(0.02),
  TREND_GAP_HOURS: int(0, 48).default(3),
  TREND_MIN_BASELINE_HOURS: int(1, 24 * 30).default(24),
  TREND_BOOTSTRAP_SAMPLES: int(20, 100000).default(400),
  TREND_INTERVAL_LEVEL: z.coerce.number().gt(0).lt(1).default(0.9),
  /** A tag is BOTH when the smaller platform holds at least this share of its volume. */
  TREND_SPILLOVER_MIN_SHARE: z.coerce.number().gt(0).max(0.5).default(0.1),
  /** trendSpike publishes spikes whose window ended at most this many hours before the ingest clock. */
  TREND_LIVE_MAX_AGE_HOURS: int(1, 24 * 30).default(24),

  /** Load the sample fixture (or the simulated world) at start when the graph is empty. */
  SEED_ON_START: bool.default(true),
  /**
   * Provider simulators: `auto` starts them when a provider key is unset (that lane then talks to
   * its simulator, and the simulated world is tracked on an empty graph); `true` always, `false` never.
   */
  SIMULATE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** How many creators the simulated world holds when the simulators run. */
  SIM_CREATORS: int(10).default(300),
  SIM_SEED: int(0).default(42),

  /** Prices, credit costs and tier limits for budgetProjection (dated JSON; default config/planning.json). */
  PLANNING_CONFIG: z.string().min(1).optional(),
  /** PostgreSQL warehouse for the cross_platform_creators export; unset: no upsert, no schedule. */
  WAREHOUSE_URL: url(['postgres', 'postgresql']).optional(),
  /** When the export runs (cron, UTC). */
  EXPORT_SCHEDULE: cron('0 6 * * *'),
  /** Also write CSV and Parquet files here on each scheduled export; unset: warehouse only. */
  EXPORT_DIR: z.string().min(1).optional(),
  /** `role:key` or `role:name:key`, comma-separated; roles viewer, reviewer, admin. */
  API_KEYS: z.string().optional(),
  /** Optional JWT bearer tokens from an identity provider, verified against its JWKS. */
  AUTH_JWKS_URL: url(['http', 'https']).optional(),
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  AUTH_JWT_ROLES_CLAIM: z.string().min(1).default('roles'),

  /** Refused before execution: selection depth, estimated cost (lists costed by `first`), aliases. */
  GRAPHQL_MAX_DEPTH: int(2, 100).default(12),
  GRAPHQL_MAX_COST: int(10).default(50000),
  GRAPHQL_MAX_ALIASES: int(0, 1000).default(30),
  /** Longest string any argument may carry (review notes, handles, filters). */
  GRAPHQL_MAX_STRING_LENGTH: int(1, 1_000_000).default(2000),
  /** A request's deadline: resolvers stop and Neo4j transactions are cut at this age. */
  REQUEST_TIMEOUT_MS: int(100, 600_000).default(15000),
  /** Defaults: on outside production. */
  GRAPHQL_INTROSPECTION: bool.optional(),
  PLAYGROUND: bool.optional(),
  /** Show error details (messages of unexpected errors, stack traces). Never in production. */
  DEV_ERRORS: bool.default(false),
  /** Requests per minute per API key (or per IP without one); shared through Redis with REDIS_URL. */
  RATE_LIMIT_PER_MINUTE: int(1).default(600),
  /** Origins allowed to open the graphql-ws socket besides the server's own; comma-separated. */
  ALLOWED_ORIGINS: z.string().optional(),
  WS_MAX_SUBSCRIPTIONS: int(1, 1000).default(20),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Neo4jConfig {
  /** Unset: start the local Neo4j from Maven Central artifacts. */
  uri?: string;
  user: string;
  password?: string;
  database?: string;
  local: { dir: string; port: number; heap: string };
}

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  neo4j: Neo4jConfig;
  redisUrl?: string;
  providers: {
    timeoutMs: number;
    profileCacheHours: number;
    tiklive: { key?: string; baseUrl: string; requestsPerMinute: number; monthlyCredits: number };
    x: { bearerToken?: string; baseUrl: string };
  };
  ingest: {
    stagingDir: string;
    backfillDays: number;
    schedule: { profiles: string; postsActive: string; postsLongTail: string; matching: string };
    concurrency: number;
  };
  matching: {
    model: 'probabilistic' | 'fixed';
    autoProbability: number;
    reviewProbability: number;
    weights: { bioLink: number; handle: number; name: number };
    autoThreshold: number;
    reviewThreshold: number;
    maxBlockSize: number;
  };
  trends: TrendConfig;
  seedOnStart: boolean;
  simulation: { mode: 'auto' | 'true' | 'false'; creators: number; seed: number };
  /** Path of the planning configuration; undefined: config/planning.json. */
  planningConfig?: string;
  export: { warehouseUrl?: string; schedule: string; dir?: string };
  auth: {
    keys: ApiKeyEntry[];
    jwt?: { jwksUrl: string; issuer?: string; audience?: string; rolesClaim: string };
  };
  api: {
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxStringLength: number;
    requestTimeoutMs: number;
    introspection: boolean;
    playground: boolean;
    devErrors: boolean;
    rateLimitPerMinute: number;
    allowedOrigins: string[];
    wsMaxSubscriptions: number;
  };
}

export interface TrendConfig {
  windowDays: number;
  /** Spike detection (src/analytics/spikes.ts explains the method). */
  spike: {
    /** Trailing hours the baseline is read from. */
    baselineHours: number;
    /** Hours summed by the test. */
    windowHours: number;
    /** Fewest distinct accounts in a window for a spike. */
    minCreators: number;
    /** Largest Poisson tail probability of the window sum that still counts as a spike. */
    alpha: number;
    /** Robust standard deviations (MAD) above the baseline median. */
    k: number;
    /** Lowest hourly rate assumed (a silent tag's baseline). */
    rateFloor: number;
    /** Quiet hours the onset walk and an episode may step over. */
    gapHours: number;
    /** Fewest observed hours a baseline needs (hours before the graph's data are not observed). */
    minBaselineHours: number;
  };
  bootstrapSamples: number;
  intervalLevel: number;
  spilloverMinShare: number;
  liveMaxAgeHours: number;
}

export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' +
        issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

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
  if (e.MATCH_REVIEW_PROBABILITY > e.MATCH_AUTO_PROBABILITY) {
    throw new ConfigError([
      { variable: 'MATCH_REVIEW_PROBABILITY', message: 'must not exceed MATCH_AUTO_PROBABILITY' },
    ]);
  }
  if (e.MATCH_REVIEW_THRESHOLD > e.MATCH_AUTO_THRESHOLD) {
    throw new ConfigError([
      { variable: 'MATCH_REVIEW_THRESHOLD', message: 'must not exceed MATCH_AUTO_THRESHOLD' },
    ]);
  }
  if (e.TREND_MIN_BASELINE_HOURS > e.TREND_BASELINE_HOURS) {
    throw new ConfigError([{ variable: 'TREND_MIN_BASELINE_HOURS', message: 'must not exceed TREND_BASELINE_HOURS' }]);
  }
  let keys: ApiKeyEntry[] = [];
  try {
    keys = parseApiKeys(e.API_KEYS ?? '');
  } catch (err) {
    throw new ConfigError([{ variable: 'API_KEYS', message: (err as Error).message }]);
  }
  const production = e.NODE_ENV === 'production';
  if (production && keys.length === 0 && !e.AUTH_JWKS_URL) {
    throw new ConfigError([
      {
        variable: 'API_KEYS',
        message:
          'required when NODE_ENV=production (or set AUTH_JWKS_URL): the API refuses to run open. ' +
          'Example: API_KEYS="admin:<long random key>,reviewer:<name>:<key>,viewer:<key>"',
      },
    ]);
  }
  if (production && e.DEV_ERRORS) {
    throw new ConfigError([{ variable: 'DEV_ERRORS', message: 'must not be set when NODE_ENV=production' }]);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      local: { dir: e.LOCAL_NEO4J_DIR, port: e.LOCAL_NEO4J_PORT, heap: e.LOCAL_NEO4J_HEAP },
    },
    redisUrl: e.REDIS_URL,
    providers: {
      timeoutMs: e.PROVIDER_TIMEOUT_MS,
      profileCacheHours: e.PROFILE_CACHE_HOURS,
      tiklive: {
        key: e.TIKLIVEAPI_KEY,
        baseUrl: e.TIKLIVEAPI_BASE_URL,
        requestsPerMinute: e.TIKLIVEAPI_REQUESTS_PER_MINUTE,
        monthlyCredits: e.TIKLIVEAPI_MONTHLY_CREDITS,
      },
      x: { bearerToken: e.X_BEARER_TOKEN, baseUrl: e.X_API_BASE_URL },
    },
    ingest: {
      stagingDir: e.STAGING_DIR,
      backfillDays: e.BACKFILL_DAYS,
      schedule: {
        profiles: e.SCHEDULE_PROFILES,
        postsActive: e.SCHEDULE_POSTS_ACTIVE,
        postsLongTail: e.SCHEDULE_POSTS_LONG_TAIL,
        matching: e.SCHEDULE_MATCHING,
      },
      concurrency: e.INGEST_CONCURRENCY,
    },
    matching: {
      model: e.MATCH_MODEL,
      autoProbability: e.MATCH_AUTO_PROBABILITY,
      reviewProbability: e.MATCH_REVIEW_PROBABILITY,
      weights: { bioLink: e.MATCH_WEIGHT_BIOLINK, handle: e.MATCH_WEIGHT_HANDLE, name: e.MATCH_WEIGHT_NAME },
      autoThreshold: e.MATCH_AUTO_THRESHOLD,
      reviewThreshold: e.MATCH_REVIEW_THRESHOLD,
      maxBlockSize: e.MATCH_MAX_BLOCK_SIZE,
    },
    trends: {
      windowDays: e.TREND_WINDOW_DAYS,
      spike: {
        baselineHours: e.TREND_BASELINE_HOURS,
        windowHours: e.TREND_SPIKE_WINDOW_HOURS,
        minCreators: e.TREND_SPIKE_MIN_CREATORS,
        alpha: e.TREND_SPIKE_ALPHA,
        k: e.TREND_SPIKE_K,
        rateFloor: e.TREND_RATE_FLOOR,
        gapHours: e.TREND_GAP_HOURS,
        minBaselineHours: e.TREND_MIN_BASELINE_HOURS,
      },
      bootstrapSamples: e.TREND_BOOTSTRAP_SAMPLES,
      intervalLevel: e.TREND_INTERVAL_LEVEL,
      spilloverMinShare: e.TREND_SPILLOVER_MIN_SHARE,
      liveMaxAgeHours: e.TREND_LIVE_MAX_AGE_HOURS,
    },
    seedOnStart: e.SEED_ON_START,
    simulation: { mode: e.SIMULATE, creators: e.SIM_CREATORS, seed: e.SIM_SEED },
    planningConfig: e.PLANNING_CONFIG,
    export: { warehouseUrl: e.WAREHOUSE_URL, schedule: e.EXPORT_SCHEDULE, dir: e.EXPORT_DIR },
    auth: {
      keys,
      jwt: e.AUTH_JWKS_URL
        ? { jwksUrl: e.AUTH_JWKS_URL, issuer: e.AUTH_JWT_ISSUER, audience: e.AUTH_JWT_AUDIENCE, rolesClaim: e.AUTH_JWT_ROLES_CLAIM }
        : undefined,
    },
    api: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxCost: e.GRAPHQL_MAX_COST,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxStringLength: e.GRAPHQL_MAX_STRING_LENGTH,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      introspection: e.GRAPHQL_INTROSPECTION ?? !production,
      playground: e.PLAYGROUND ?? !production,
      devErrors: e.DEV_ERRORS,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      allowedOrigins: (e.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean),
      wsMaxSubscriptions: e.WS_MAX_SUBSCRIPTIONS,
    },
  };
}
