/**
 * `npm start`: configuration -> Neo4j (local when NEO4J_URI is unset) -> migrations -> sample data
 * -> API, then (in the background) the graph views' statements planned. SIGTERM/SIGINT drain HTTP and ws, close the driver and stop the local Neo4j.
 */
import { config as loadDotenv } from 'dotenv';
import { planGraphViews } from './analytics/graph-view';
import { startApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';

async function main() {
  loadDotenv({ quiet: true });
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const t0 = Date.now();
  const app = await startApp(config, logger);
  logger.info({ url: app.api.url, ws: app.api.wsUrl, startMs: Date.now() - t0, neo4jStartMs: app.local?.startMs }, 'ready');
  // Warm-up, in the background: plan the graph explorer's statements now rather than on its first user.
  planGraphViews(app.graph).then(
    (ms) => logger.info({ ms }, 'warm-up: graph view statements planned'),
    (err: unknown) => logger.warn({ err }, 'warm-up: planning the graph view statements failed; the first views plan them'),
  );
  const page = (path: string) => app.api.url.replace(/\/graphql$/, path);
  process.stdout.write(`\nCreator Graph is up: open ${app.api.url} (playground), ${page('/review')} (review desk), ${page('/explore')} (graph explorer)\n`);
  if (app.api.demoKey) {
    // Printed, never logged: log lines are shipped and kept; this key only lives as long as this process.
    process.stdout.write(
      `No API_KEYS set: generated an admin key for this run (pre-filled in the pages):\n  Authorization: Bearer ${app.api.demoKey}\n`,
    );
  }
  process.stdout.write('\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
