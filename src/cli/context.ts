/**
 * The CLI's wiring: the same configuration, Neo4j (the local one when NEO4J_URI is unset),
 * migrations and ingestion runtime as `npm start`, without the HTTP server or the schedule.
 */
import { rejoiningBus, watchAmplifications, type AmplificationWatch } from '../analytics/amplification-watch';
import type { Config } from '../config';
import { startSeededIngestion, type SeededIngestion } from '../seeding/ingestion';
import type { Logger } from '../log';
import { nullBus, type MatchEventBus } from '../matching/events';
import { matchAccountsIncrementally } from '../matching/incremental';
import { createDriver } from '../neo4j/driver';
import { GraphClient } from '../neo4j/graph-client';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j/local-server';
import { migrate } from '../neo4j/migrate';

export interface CliContext {
  config: Config;
  logger: Logger;
  graph: GraphClient;
  /** Cross-post upkeep (nobody listens for announcements in a CLI process). */
  amplifications: AmplificationWatch;
  /** Match events go nowhere live, but still have the cross-posts of their accounts revisited. */
  bus: MatchEventBus;
  /** Started on demand: replay and match need no providers. */
  ingestion(): Promise<SeededIngestion>;
  close(): Promise<void>;
}

export async function openCliContext(config: Config, logger: Logger): Promise<CliContext> {
  let local: LocalNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    local = await startLocalNeo4j({ ...config.neo4j.local, logger });
    uri = local.uri;
  }
  const graph = new GraphClient(createDriver({ uri, user: config.neo4j.user, password: config.neo4j.password }), config.neo4j.database);
  let runtime: Promise<SeededIngestion> | undefined;
  try {
    await graph.driver.verifyConnectivity({ database: config.neo4j.database });
    await migrate(graph, logger);
  } catch (err) {
    await graph.close();
    await local?.stop();
    throw err;
  }
  const amplifications = watchAmplifications(graph, () => undefined, logger);
  // No subscribers in a CLI process: events are recorded in the graph, nobody is listening live.
  const bus = rejoiningBus(nullBus, amplifications);
  return {
    config,
    logger,
    graph,
    amplifications,
    bus,
    ingestion: () =>
      (runtime ??= startSeededIngestion(config, {
        graph,
        bus,
        logger,
        schedule: false,
        onAccountsWritten: async (ids) => {
          await matchAccountsIncrementally(graph, bus, ids, { matching: config.matching }).catch((err: unknown) =>
            logger.warn({ err }, 'incremental matching failed'),
          );
        },
        onPostsWritten: (ids) => amplifications.postsWritten(ids),
      })),
    async close() {
      if (runtime) await (await runtime).close();
      await amplifications.idle();
      await graph.close();
      await local?.stop();
    },
  };
}
