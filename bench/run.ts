/**
 * `npm run bench`: runs every benchmark module in bench/ (each exports `run({ graph, log })`)
 * against one throwaway local Neo4j, prints their tables and writes bench/results/<name>.json.
 * Pass module names to run only those (`node dist/bench/run.js matching`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createDriver } from '../src/neo4j/driver';
import { GraphClient } from '../src/neo4j/graph-client';
import { startLocalNeo4j } from '../src/neo4j/local-server';
import { migrate } from '../src/neo4j/migrate';
import { projectRoot } from '../src/paths';

interface BenchModule {
  /**
   * neo4jUri: for modules that start API processes of their own against the bench's Neo4j;
   * neo4jPid: its JVM, for modules that report Neo4j's CPU time per request.
   */
  run(ctx: { graph: GraphClient; log: (line: string) => void; neo4jUri: string; neo4jPid: number }): Promise<unknown>;
}

/** APOC Core's jars (scripts/neo4j/apoc), fetched on first use: only the api bench's peer needs them. */
function apocPlugins(): string {
  const r = spawnSync(process.execPath, [join(projectRoot(), 'scripts', 'neo4j', 'apoc', 'build.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error('could not fetch APOC Core for the api bench (scripts/neo4j/apoc/build.mjs)');
  return r.stdout.trim().split('\n').pop() ?? '';
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const names = readdirSync(__dirname)
    .filter((f) => f.endsWith('.js') && f !== 'run.js')
    .map((f) => basename(f, '.js'))
    .filter((n) => only.length === 0 || only.includes(n))
    .sort();
  // BENCH_NEO4J_DIR keeps the store between runs (for iterating on one module whose world is
  // already loaded, e.g. BENCH_API_REUSE_WORLD); by default a throwaway one.
  const keep = process.env.BENCH_NEO4J_DIR;
  const dir = keep || mkdtempSync(join(tmpdir(), 'cg-bench-'));
  const plugins = names.includes('api') ? apocPlugins() : undefined;
  const neo = await startLocalNeo4j({ dir, port: 7790, heap: '2g', pageCacheMb: 1024, plugins });
  const graph = new GraphClient(createDriver({ uri: neo.uri }));
  const out = join(projectRoot(), 'bench', 'results');
  mkdirSync(out, { recursive: true });
  let failed = 0;
  try {
    await migrate(graph);
    for (const name of names) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(__dirname, `${name}.js`)) as Partial<BenchModule>;
      if (typeof mod.run !== 'function') continue;
      console.log(`\n=== bench: ${name}`);
      try {
        const result = await mod.run({ graph, log: (l) => console.log(l), neo4jUri: neo.uri, neo4jPid: neo.pid });
        writeFileSync(join(out, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
        console.log(`wrote bench/results/${name}.json`);
      } catch (e) {
        failed++;
        console.error(`bench ${name} failed:`, e);
      }
    }
  } finally {
    await graph.close();
    await neo.stop();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  if (failed > 0) process.exitCode = 1;
}

void main();
