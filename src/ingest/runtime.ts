/**
 * Ingestion as one unit the API, the CLI and the benchmark start the same way: the provider
 * clients (every response staged raw before anything reads it), the two lanes, tracking and
 * backfill, and the schedule. Ingestion knows nothing of the simulated world: the app's seeding
 * (seeding/ingestion.ts) starts it and hands over a LaneRedirect (the stand-in providers'
 * addresses and keys, and their clock).
 *
 * Each lane gets its own IngestContext, so a redirected lane runs on the stand-ins' clock while a
 * lane with a real key runs on real time.
 */
import IORedis from 'ioredis';
import type { Config } from '../config';
import type { Platform } from '../graph/model';
import type { Logger } from '../log';
import type { GraphClient } from '../neo4j/graph-client';
import { createProviderClients, type OnResponse, type ProviderClients } from '../providers';
import type { PlatformSync } from './lane';
import { createLanes, type Lanes } from './lanes';
import { syncTikTokPosts, syncXPosts } from './post-sync';
import { syncTikTokProfiles, syncXProfiles } from './profile-sync';
import { type IngestContext } from './sync';
import { refreshPosts, refreshProfiles, startScheduler, type RefreshDeps, type Scheduler } from './schedule';
import { createStaging, type Staging } from './staging';
import { TrackingService, type LinkAccounts } from './tracking';

/** What the API needs from ingestion (Services.ingestion). */
export interface IngestionService {
  lanes: Lanes;
  tracking: TrackingService;
  /** The ingestion clock of each lane (the simulators' for a redirected lane). */
  now: Record<Platform, () => Date>;
}

export interface IngestRuntime extends IngestionService {
  clients: ProviderClients;
  staging?: Staging;
  scheduler?: Scheduler;
  close(): Promise<void>;
}

/** Lanes pointed at stand-in providers instead of the configured ones (the simulated world). */
export interface LaneRedirect {
  /** Which lanes are redirected. */
  simulated: Record<Platform, boolean>;
  /** The stand-ins' "now" (epoch ms), used as the redirected lanes' clock. */
  clock: () => number;
  /** Provider settings laid over the configured ones. */
  providers: { tiklive?: { baseUrl: string; key: string }; x?: { baseUrl: string; bearerToken: string } };
}

export interface IngestRuntimeOptions {
  graph: GraphClient;
  /** Joins a tracked creator's two accounts (the matcher's reviewer link, wired above ingestion). */
  link: LinkAccounts;
  logger: Logger;
  /** Start the cron / BullMQ schedule. Default true (only when some lane is configured). */
  schedule?: boolean;
  /** Stage raw responses under config.ingest.stagingDir. Default true. */
  stage?: boolean;
  /** The weekly matching run (the matcher's runMatching). Default: the job logs that none is wired. */
  runMatching?: () => Promise<unknown>;
  /** Incremental matching of written accounts. Default none. */
  onAccountsWritten?: (accountIds: string[]) => Promise<void>;
  /** Live trend spike check of the rollup hours a posts write touched. Default none. */
  onTagHoursWritten?: IngestContext['onTagHoursWritten'];
  /** After a posts sync writes posts (see IngestContext.onPostsWritten). Default none. */
  onPostsWritten?: (postIds: string[]) => Promise<void>;
  /** Counterpart discovery for creators tracked on one platform (see TrackingOptions.discover). Default none. */
  discover?: (accountIds: string[]) => Promise<unknown>;
  /** Lanes talking to stand-in providers (set by the app's seeding for the simulated world). */
  redirect?: LaneRedirect;
  /** Extra raw-exchange observer beside staging (the benchmark's HTTP timings). */
  onResponse?: OnResponse;
  /** Provider client overrides laid over the configuration (tests, the benchmark). */
  providers?: Partial<Parameters<typeof createProviderClients>[0]>;
}

export async function startIngestion(config: Config, opts: IngestRuntimeOptions): Promise<IngestRuntime> {
  const logger = opts.logger.child({ part: 'ingest' });
  const closers: [string, () => Promise<void>][] = [];
  const closeAll = async () => {
    for (const [step, c] of closers.reverse()) {
      logger.debug({ step }, 'ingest shutdown step');
      await c().catch((err) => logger.error({ err, step }, 'ingest shutdown step failed'));
    }
  };
  try {
    const redirect = opts.redirect;
    const staging = opts.stage === false ? undefined : createStaging({ dir: config.ingest.stagingDir, logger });
    if (staging) closers.push(['staging', () => staging.close()]);
    const observers = [staging?.onResponse, opts.onResponse].filter((f): f is OnResponse => !!f);

    const p = config.providers;
    const tikliveKey = redirect?.providers.tiklive?.key ?? opts.providers?.tiklive?.key ?? p.tiklive.key;
    const xToken = redirect?.providers.x?.bearerToken ?? opts.providers?.x?.bearerToken ?? p.x.bearerToken;
    // Shared limiters, credits and cache in Redis only matter when some lane can send requests.
    const redis =
      config.redisUrl && (tikliveKey || xToken) ? new IORedis(config.redisUrl, { maxRetriesPerRequest: 3 }) : undefined;
    if (redis) closers.push(['redis', async () => void (await redis.quit().catch(() => redis.disconnect()))]);

    const clients = createProviderClients({
      ...opts.providers,
      tiklive: {
        requestsPerMinute: p.tiklive.requestsPerMinute,
        monthlyCredits: p.tiklive.monthlyCredits,
        baseUrl: p.tiklive.baseUrl,
        key: p.tiklive.key,
        ...redirect?.providers.tiklive,
        ...opts.providers?.tiklive,
      },
      x: { baseUrl: p.x.baseUrl, bearerToken: p.x.bearerToken, ...redirect?.providers.x, ...opts.providers?.x },
      timeoutMs: p.timeoutMs,
      profileCacheHours: p.profileCacheHours,
      redis,
      logger,
      onResponse: observers.length === 0 ? undefined : async (raw) => {
        for (const o of observers) await o(raw);
      },
    });
    closers.push(['clients', () => clients.close()]);

    const simClock = redirect ? () => new Date(redirect.clock()) : undefined;
    const now: Record<Platform, () => Date> = {
      TIKTOK: (redirect?.simulated.TIKTOK && simClock) || (() => new Date()),
      X: (redirect?.simulated.X && simClock) || (() => new Date()),
    };
    const ctx = (platform: Platform): IngestContext => ({
      graph: opts.graph,
      clients,
      logger,
      now: now[platform],
      onAccountsWritten: opts.onAccountsWritten,
      onTagHoursWritten: opts.onTagHoursWritten,
      onPostsWritten: opts.onPostsWritten,
    });
    const tiktokCtx = ctx('TIKTOK');
    const xCtx = ctx('X');
    const sync: Record<Platform, PlatformSync> = {
      TIKTOK: {
        profiles: (refs, o) => syncTikTokProfiles(tiktokCtx, refs, o),
        posts: (ids, o) => syncTikTokPosts(tiktokCtx, ids, o),
      },
      X: {
        profiles: (refs, o) => syncXProfiles(xCtx, refs, o),
        posts: (ids, o) => syncXPosts(xCtx, ids, o),
      },
    };
    const lanes = createLanes({
      clients,
      sync,
      redisUrl: config.redisUrl,
      concurrency: config.ingest.concurrency,
      logger,
    });
    closers.push(['lanes', () => lanes.close()]);

    // Both lanes on one clock when simulated; with mixed lanes, tracking uses real time.
    const trackingNow = redirect?.simulated.TIKTOK && redirect.simulated.X && simClock ? simClock : () => new Date();
    const tracking = new TrackingService({
      graph: opts.graph,
      clients,
      lanes,
      link: opts.link,
      backfillDays: config.ingest.backfillDays,
      now: trackingNow,
      logger,
      discover: opts.discover,
    });
    closers.push(['tracking', async () => tracking.close()]);

    let scheduler: Scheduler | undefined;
    if (opts.schedule !== false && (clients.tiklive.configured || clients.x.configured)) {
      const deps: RefreshDeps = { graph: opts.graph, lanes, now: trackingNow, backfillDays: config.ingest.backfillDays, logger };
      scheduler = await startScheduler({
        cadences: config.ingest.schedule,
        redisUrl: config.redisUrl,
        logger,
        tasks: {
          profiles: async () => {
            const refreshed = await refreshProfiles(deps);
            const resumed = await tracking.resumeBackfills();
            return { ...refreshed, backfilled: resumed.done.length };
          },
          'posts-active': () => refreshPosts(deps, ['TIER1', 'ACTIVE']),
          'posts-long-tail': () => refreshPosts(deps, ['LONG_TAIL']),
          matching: async () => {
            if (!opts.runMatching) {
              logger.warn('scheduled matching run skipped: no matcher wired');
              return undefined;
            }
            return opts.runMatching();
          },
        },
      });
      closers.push(['schedule', () => scheduler!.stop()]);
    }

    return {
      clients,
      staging,
      lanes,
      tracking,
      scheduler,
      now,
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
