/**
 * Empties the database, for test files and benchmarks that own a throwaway server. Deletes in
 * batches (CALL ... IN TRANSACTIONS), which Neo4j only accepts in an auto-commit transaction, so
 * this is the one place that steps outside the managed transactions GraphClient uses.
 * Relationships go first: a batch of nodes deleted with DETACH would take every relationship of
 * its nodes along (a hashtag or an account can hold tens of thousands), which can exceed the
 * server's transaction memory; a batch of relationships is bounded.
 */
import neo4j from 'neo4j-driver';
import type { GraphClient } from './graph-client';

export async function wipeGraph(graph: GraphClient, batch = 10_000): Promise<void> {
  const session = graph.driver.session({ database: graph.database });
  try {
    const rows = { batch: neo4j.int(batch) };
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF $batch ROWS', rows);
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS', rows);
  } finally {
    await session.close();
  }
}
