/**
 * The CLI's wiring: the same configuration, Neo4j (the local one when NEO4J_URI is unset),
 * migrations and ingestion runtime as `npm start`, without the HTTP server or the schedule.
 */
import type { Config } from '../config';
import { startSeededIngestion, type SeededIngestion } from '../seeding/ingestion';
import type { Logger } from '../log';
import { nullBus } from '../matching/events';
import { matchAccountsIncrementally } from '../matching/incremental';
import { createDriver } from '../neo4j/driver';
import { GraphClient } from '../neo4j/graph-client';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j/local-server';
import { migrate } from '../neo4j/migrate';

export interface CliContext {
  config: Config;
  logger: Logger;
  graph: GraphClient;
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
  return {
    config,
    logger,
    graph,
    ingestion: () =>
      (runtime ??= startSeededIngestion(config, {
        graph,
        // No subscribers in a CLI process: events are recorded in the graph, nobody is listening live.
        bus: nullBus,
        logger,
        schedule: false,
        onAccountsWritten: async (ids) => {
          await matchAccountsIncrementally(graph, nullBus, ids, { matching: config.matching }).catch((err: unknown) =>
            logger.warn({ err }, 'incremental matching failed'),
          );
        },
      })),
    async close() {
      if (runtime) await (await runtime).close();
      await graph.close();
      await local?.stop();
    },
  };
}
