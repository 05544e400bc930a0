/**
 * Assembles the service in start-up order (Neo4j -> migrations -> ingestion lanes -> sample data
 * or the simulated world -> API) and takes it down in reverse. Used by main.ts and by the tests,
 * so tests run the real wiring. Ingesting the simulated world runs in the background: the API
 * serves while it fills, with progress in `Query.ingestion`.
 */
import type { Config } from './config';
import type { Logger } from './log';
import { rejoiningBus, watchAmplifications, type AmplificationWatch } from './analytics/amplification-watch';
import { buildApiSchema } from './api/schema';
import { createPubSubHandle, TREND_SPIKE, type PubSub } from './api/pubsub';
import { newSpikes } from './analytics/live-spikes';
import { startApi, type RunningApi } from './api/server';
import { matchAccountsIncrementally } from './matching/incremental';
import { runMatching } from './matching/run';
import { discoverCounterparts } from './matching/discovery';
import { laneLookup } from './ingest/lookup';
import { createDriver } from './neo4j/driver';
import { GraphClient } from './neo4j/graph-client';
import { startLocalNeo4j, type LocalNeo4j } from './neo4j/local-server';
import { migrate } from './neo4j/migrate';
import { scheduleExport } from './warehouse/schedule';
import { startSeededIngestion, type SeededIngestion } from './seeding/ingestion';
import { loadSample } from './seeding/sample';

export interface App {
  api: RunningApi;
  graph: GraphClient;
  local?: LocalNeo4j;
  ingestion: SeededIngestion;
  /** Cross-post upkeep and amplification announcements (idle() for tests and the CLI). */
  amplifications: AmplificationWatch;
  /** The live events' pub/sub (subscriptions). */
  pubSub: PubSub;
  /** Background ingestion started at boot (world seed or pending backfills); settles, never rejects. */
  seeding: Promise<void>;
  close(): Promise<void>;
}

export async function startApp(config: Config, logger: Logger): Promise<App> {
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const c of closers.reverse()) {
      await c().catch((err) => logger.error({ err }, 'shutdown step failed'));
    }
  };
  try {
    let uri = config.neo4j.uri;
    let local: LocalNeo4j | undefined;
    if (!uri) {
      logger.info({ dir: config.neo4j.local.dir }, 'NEO4J_URI unset: starting the local Neo4j 5.26');
      local = await startLocalNeo4j({ ...config.neo4j.local, logger });
      closers.push(() => local!.stop());
      uri = local.uri;
    }
    const graph = new GraphClient(
      createDriver({ uri, user: config.neo4j.user, password: config.neo4j.password }),
      config.neo4j.database,
    );
    closers.push(() => graph.close());
    await graph.driver.verifyConnectivity({ database: config.neo4j.database });
    await migrate(graph, logger);
    let migrated = true;

    const pubsub = createPubSubHandle(config.redisUrl);
    closers.push(() => pubsub.close());
    const amplifications = watchAmplifications(graph, pubsub.publishAmplifications, logger);
    closers.push(() => amplifications.idle());
    // Every match change (matcher, reviewer) also revisits the cross-posts of its two accounts.
    const bus = rejoiningBus(pubsub.bus, amplifications);

    const matching = { matching: config.matching };
    let ingestion: SeededIngestion;
    ingestion = await startSeededIngestion(config, {
      graph,
      bus,
      logger,
      // The weekly run first looks for the missing half of one-platform creators, then rematches all.
      runMatching: async () => {
        await discoverCounterparts(graph, bus, laneLookup(ingestion.lanes), matching).catch((err: unknown) =>
          logger.warn({ err }, 'discovery failed; matching runs on what the graph has'),
        );
        return runMatching(graph, bus, matching);
      },
      // A creator tracked by one handle gets its other half looked for at once.
      discover: (accountIds) => discoverCounterparts(graph, bus, laneLookup(ingestion.lanes), { ...matching, accountIds }),
      // Every account the lanes write is scored against the graph at once; a failure there is
      // logged and left to the weekly run, never allowed to fail the lane job.
      onAccountsWritten: async (ids) => {
        await matchAccountsIncrementally(graph, bus, ids, matching).catch((err: unknown) =>
          logger.warn({ err, accounts: ids.length }, 'incremental matching failed; the weekly run will catch up'),
        );
      },
      // Posts written: their cross-posts found, their new AMPLIFIED edges announced.
      onPostsWritten: (ids) => amplifications.postsWritten(ids),
      // Newly ingested hours that complete a hashtag spike go out on trendSpike; a failure there
      // is logged, never allowed to fail the lane job.
      onTagHoursWritten: async (keys, now) => {
        try {
          for (const e of await newSpikes(graph, config.trends, keys, now)) pubsub.pubSub.publish(TREND_SPIKE, e);
        } catch (err) {
          logger.warn({ err, hours: keys.length }, 'live trend spike check failed');
        }
      },
    });
    closers.push(() => ingestion.close());

    let seeding: Promise<unknown> = Promise.resolve();
    const [{ creators }] = await graph.read<{ creators: number }>('graph/count-creators');
    if (config.seedOnStart && creators === 0 && ingestion.demo) {
      // The simulated world replaces the sample data: ingested through the real clients and lanes.
      seeding = ingestion.seedWorld().then((r) =>
        logger.info({ accounts: r.accounts.length, posts: r.backfill.posts, ms: r.backfill.elapsedMs }, 'simulated world ingested'),
      );
    } else if (config.seedOnStart && creators === 0) {
      const counts = await loadSample(graph, bus, { matching: config.matching });
      logger.info(counts, 'empty graph: loaded the sample data');
    } else if (ingestion.clients.tiklive.configured || ingestion.clients.x.configured) {
      seeding = ingestion.tracking.resumeBackfills();
    }
    const settled = seeding.then(
      () => undefined,
      (err: unknown) => logger.error({ err }, 'background ingestion at start failed'),
    );

    // The daily BI export into the warehouse (only with WAREHOUSE_URL).
    const exports = scheduleExport(graph, config, logger);
    if (exports) closers.push(async () => exports.stop());

    const schema = await buildApiSchema(pubsub.pubSub);
    const api = await startApi(
      schema,
      { config, graph, bus, logger, ingestion },
      { port: config.port, host: config.host, ready: async () => migrated && (await graph.ping()) },
    );
    closers.push(async () => {
      migrated = false;
      await api.close();
    });
    return { api, graph, local, ingestion, amplifications, pubSub: pubsub.pubSub, seeding: settled, close: closeAll };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
