/**
 * The matching run's load step alone: the benchmark's world (bench/matching.ts, same seed and
 * size) written to a fresh Neo4j as ingestion leaves it, then the full run's two reads
 * (matching/all-matchable-accounts and matching/all-matches) timed as a first run does them (cold:
 * the statements' first execution on a fresh server), then twice more (warm), each with the Node
 * CPU they took (decoding rows) beside the wall time. Not run by `npm run bench` (no `run`
 * export): the headline is bench/matching.ts.
 *
 * `npm run build:ts && node dist/bench/matching-load.js [accountsPerPlatform]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIndex } from '../src/matching/blocking';
import { loadAccounts } from '../src/matching/load';
import { cachedOptions, type MatchableAccount } from '../src/matching/score';
import { createDriver } from '../src/neo4j/driver';
import { GraphClient } from '../src/neo4j/graph-client';
import { startLocalNeo4j } from '../src/neo4j/local-server';
import { generateWorld } from '../src/simulators/world';
import { creatorsFor, loadWorld } from './matching';

async function main(): Promise<void> {
  const perPlatform = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-matching-load-'));
  const neo = await startLocalNeo4j({ dir, port: 7795, heap: '2g', pageCacheMb: 1024 });
  const graph = new GraphClient(createDriver({ uri: neo.uri }));
  try {
    const world = generateWorld({ creators: creatorsFor(perPlatform), accountsOnly: true, seed: 7 });
    const loaded = await loadWorld(graph, world);
    console.log(`world written: ${Math.round(loaded.accountsMs)} ms, keys ${Math.round(loaded.keysMs)} ms`);
    const opts = cachedOptions(undefined);
    // Alternating: the rows collected, then indexed (as runs did), and indexed as they arrive (load.ts).
    // --streamed-first: the indexed-as-they-arrive pass first (cold) instead.
    const first = process.argv.includes('--streamed-first') ? 0 : 1;
    for (let i = 0; i < 6; i++) {
      const streamed = i % 2 === first;
      const load = loadavg()[0];
      const cpu0 = process.cpuUsage();
      const t = performance.now();
      let n: number;
      let loadedMs: number;
      if (streamed) {
        const loaded = await loadAccounts(graph, opts);
        loadedMs = performance.now() - t;
        n = loaded.index.accounts.length;
      } else {
        const [accounts] = await Promise.all([graph.read<MatchableAccount>('matching/all-matchable-accounts'), graph.read('matching/all-matches')]);
        loadedMs = performance.now() - t;
        n = buildIndex(accounts, opts).accounts.length;
      }
      const ms = performance.now() - t;
      const cpu = process.cpuUsage(cpu0);
      console.log(
        `${i === 0 ? 'cold' : 'warm'}, ${streamed ? 'indexed as rows arrive' : 'read, then indexed'}: ${n} accounts; ` +
          `rows in ${Math.round(loadedMs)} ms, indexed by ${Math.round(ms)} ms; Node CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms (load avg ${load.toFixed(2)})`,
      );
    }
  } finally {
    await graph.close();
    await neo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
