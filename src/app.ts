/**
 * Assembles the service in start-up order (Neo4j -> migrations -> sample data -> API) and takes
 * it down in reverse. Used by main.ts and by the tests, so tests run the real wiring.
 */
import type { Config } from './config';
import type { Logger } from './log';
import { buildApiSchema } from './api/schema';
import { createPubSubHandle } from './api/pubsub';
import { startApi, type RunningApi } from './api/server';
import { loadFixture } from './graph/fixture';
import { createDriver } from './neo4j/driver';
import { GraphClient } from './neo4j/graph-client';
import { startLocalNeo4j, type LocalNeo4j } from './neo4j/local-server';
import { migrate } from './neo4j/migrate';

export interface App {
  api: RunningApi;
  graph: GraphClient;
  local?: LocalNeo4j;
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

    if (config.seedOnStart) {
      const [{ creators }] = await graph.read<{ creators: number }>('graph/count-creators');
      if (creators === 0) {
        const counts = await loadFixture(graph, pubsub.bus, { matching: config.matching });
        logger.info(counts, 'empty graph: loaded the sample data');
      }
    }

    const schema = await buildApiSchema(pubsub.pubSub);
    const api = await startApi(
      schema,
      { config, graph, bus: pubsub.bus, logger },
      { port: config.port, host: config.host, ready: async () => migrated && (await graph.ping()) },
    );
    closers.push(async () => {
      migrated = false;
      await api.close();
    });
    return { api, graph, local, close: closeAll };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
