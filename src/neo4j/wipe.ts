/**
 * Empties the database, for test files and benchmarks that own a throwaway server. Deletes in
 * batches (CALL ... IN TRANSACTIONS), which Neo4j only accepts in an auto-commit transaction, so
 * this is the one place that steps outside the managed transactions GraphClient uses.
 */
import neo4j from 'neo4j-driver';
import type { GraphClient } from './graph-client';

export async function wipeGraph(graph: GraphClient, batch = 10_000): Promise<void> {
  const session = graph.driver.session({ database: graph.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS', { batch: neo4j.int(batch) });
  } finally {
    await session.close();
  }
}
