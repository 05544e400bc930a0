/** The graph database: a configured server, or the local one started from Maven Central artifacts. */
import { z } from 'zod';
import { int, url } from './fields';

export const Neo4jEnv = z.object({
  NEO4J_URI: url(['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc']).optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  LOCAL_NEO4J_DIR: z.string().min(1).default('.neo4j-local'),
  LOCAL_NEO4J_PORT: int(1, 65535).default(7687),
  LOCAL_NEO4J_HEAP: z.string().regex(/^\d+[mg]$/, 'must look like 512m or 2g').default('1g'),
});

export interface Neo4jConfig {
  /** Unset: start the local Neo4j from Maven Central artifacts. */
  uri?: string;
  user: string;
  password?: string;
  database?: string;
  local: { dir: string; port: number; heap: string };
}

export const neo4jConfig = (e: z.infer<typeof Neo4jEnv>): Neo4jConfig => ({
  uri: e.NEO4J_URI,
  user: e.NEO4J_USER,
  password: e.NEO4J_PASSWORD,
  database: e.NEO4J_DATABASE,
  local: { dir: e.LOCAL_NEO4J_DIR, port: e.LOCAL_NEO4J_PORT, heap: e.LOCAL_NEO4J_HEAP },
});
