/**
 * Gives a test file the Neo4j server of its Jest worker, emptied and migrated. Files on one
 * worker run one after another, so clearing at the start of a file isolates it from the files
 * before; files on other workers use other servers.
 */
import { createDriver } from '../../src/neo4j/driver';
import { GraphClient } from '../../src/neo4j/graph-client';
import { migrate } from '../../src/neo4j/migrate';
import { wipeGraph } from '../../src/neo4j/wipe';

export function workerNeo4jUri(): string {
  const uris = (process.env.CG_TEST_NEO4J_URIS ?? '').split(',').filter(Boolean);
  if (uris.length === 0) throw new Error('no test Neo4j: run tests through jest (globalSetup starts it)');
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  return uris[(worker - 1) % uris.length];
}

export async function freshGraph(): Promise<GraphClient> {
  const graph = new GraphClient(createDriver({ uri: workerNeo4jUri() }));
  await clearGraph(graph);
  await migrate(graph);
  graph.resetStats();
  return graph;
}

export async function clearGraph(graph: GraphClient): Promise<void> {
  await wipeGraph(graph, 5000);
}

/**
 * For a test file whose tests each start from an empty graph: opens the worker's graph before the
 * file, clears it before each test, closes it after. Returns a getter (the graph exists only once
 * the file's tests run).
 */
export function graphPerTest(): () => GraphClient {
  let graph: GraphClient | undefined;
  beforeAll(async () => {
    graph = await freshGraph();
  });
  afterAll(async () => {
    await graph?.close();
  });
  beforeEach(async () => {
    await clearGraph(graph!);
  });
  return () => graph!;
}
