/**
 * What the api bench's queries cost Neo4j, statement by statement: ours (the statements our server
 * sends for each query, captured from the real resolvers) against the floor's hand-written ones.
 * For each: PROFILE's db hits and rows, and Neo4j's CPU per execution (the JVM's CPU time from
 * /proc, 8 at a time, over interleaved rounds after `BENCH_STATEMENTS_RUNS` uncounted: see costs), so a
 * change to a statement is measured on the database alone, without HTTP or GraphQL around it.
 *
 *   BENCH_NEO4J_DIR=<a store the api bench left (BENCH_API_REUSE_WORLD)> node dist/bench/api/statements.js
 *
 * BENCH_STATEMENTS_BASE=<git ref> also runs each of our statements as its file read at that ref
 * (with the same parameters), so a statement's change is measured before and after in one run.
 *
 * A tool for working on the statements, not a benchmark module: bench/api.ts is the comparison.
 */
import { graphql } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildContext } from '../../src/api/context';
import { createPubSubHandle } from '../../src/api/pubsub';
import { buildApiSchema } from '../../src/api/schema';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/log';
import { nullBus } from '../../src/matching/events';
import { createDriver } from '../../src/neo4j/driver';
import { GraphClient, type Params } from '../../src/neo4j/graph-client';
import { startLocalNeo4j } from '../../src/neo4j/local-server';
import { compactCypher } from '../../src/neo4j/cypher-text';
import { cypher } from '../../src/neo4j/queries';
import { projectRoot } from '../../src/paths';
import { OURS, type QueryName } from './queries';

const FLOOR: Record<QueryName, string> = {
  list: 'bench/api-creators-accounts',
  posts: 'bench/api-creators-accounts-posts',
  detail: 'bench/api-creator-detail',
};

function jvmCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

interface PlanNode {
  operatorType?: string;
  dbHits?: number;
  rows?: number;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

/** The plan as indented lines: operator, db hits, rows, details (BENCH_STATEMENTS_PLANS=1). */
function planLines(p: PlanNode, depth = 0): string[] {
  const args = (p.arguments ?? {}) as Record<string, unknown>;
  const details = depth === 0
    ? Object.entries(args).filter(([k]) => /runtime|planner|Memory|PipelineInfo|Time/i.test(k)).map(([k, v]) => `${k}=${String(v)}`).join(' ')
    : String(args.Details ?? '').slice(0, 160);
  return [
    `${'  '.repeat(depth)}${p.operatorType} dbHits=${p.dbHits ?? 0} rows=${p.rows ?? 0} ${details}`,
    ...(p.children ?? []).flatMap((c) => planLines(c, depth + 1)),
  ];
}
const hits = (p: PlanNode): number => (p.dbHits ?? 0) + (p.children ?? []).reduce((s, c) => s + hits(c), 0);

async function profile(driver: Driver, text: string, params: Params): Promise<{ dbHits: number; rows: number }> {
  const s = driver.session({ defaultAccessMode: 'READ' });
  try {
    const res = await s.run(`PROFILE ${text}`, params);
    const plan = res.summary.profile as unknown as PlanNode;
    if (process.env.BENCH_STATEMENTS_PLANS === '1') console.log(planLines(plan).join('\n'));
    return { dbHits: hits(plan), rows: res.records.length };
  } finally {
    await s.close();
  }
}

/** Runs `text` n times, `conc` at a time (params cycled). */
async function execute(driver: Driver, text: string, params: Params[], n: number, conc = 8): Promise<void> {
  let i = 0;
  const worker = async () => {
    while (i < n) {
      const p = params[i++ % params.length];
      const s = driver.session({ defaultAccessMode: 'READ' });
      try {
        await s.run(text, p);
      } finally {
        await s.close();
      }
    }
  };
  await Promise.all(Array.from({ length: conc }, worker));
}

const ROUNDS = 3;

/**
 * Neo4j CPU per execution of each statement: all of them first run `runs` times uncounted (a
 * fresh JVM compiles as it goes, which the first statement measured would otherwise pay), then
 * ROUNDS rounds, each running every statement `runs / ROUNDS` times in turn, so drift over the
 * run falls on all alike. The median round's figure.
 */
async function costs(driver: Driver, pid: number, statements: { text: string; params: Params[] }[], runs: number): Promise<number[]> {
  for (const st of statements) await execute(driver, st.text, st.params, runs);
  const per: number[][] = statements.map(() => []);
  const n = Math.max(1, Math.round(runs / ROUNDS));
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < statements.length; i++) {
      const before = jvmCpuMs(pid);
      await execute(driver, statements[i].text, statements[i].params, n);
      per[i].push((jvmCpuMs(pid) - before) / n);
    }
  }
  return per.map((xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]);
}

async function main(): Promise<void> {
  const dir = process.env.BENCH_NEO4J_DIR;
  if (!dir) throw new Error('BENCH_NEO4J_DIR: a store with the api bench world');
  const runs = Number(process.env.BENCH_STATEMENTS_RUNS || '2000');
  const only = (process.env.BENCH_API_QUERIES || 'list,detail').split(',') as QueryName[];
  // The api bench's store holds APOC Core in plugins/ (for its peer): Neo4j needs its jars on the classpath too.
  const apoc = join(projectRoot(), 'scripts', 'neo4j', 'target', 'apoc');
  const neo = await startLocalNeo4j({ dir, port: 7791, heap: '2g', pageCacheMb: 1024, plugins: existsSync(apoc) ? apoc : undefined });
  const driver = createDriver({ uri: neo.uri });
  const graph = new GraphClient(driver);
  try {
    const [{ ids }] = (await graph.read('bench/api-sample-creators', { step: neo4j.int(7), n: neo4j.int(50) })) as { ids: string[] }[];
    const schema = await buildApiSchema(createPubSubHandle().pubSub);
    for (const q of only) {
      // Our statements for this query, as the resolvers send them.
      const sent: { name: string; params: Params }[] = [];
      const stop = graph.observe((e) => sent.push({ name: e.name, params: e.params }));
      const ctx = buildContext({ config: loadConfig({ LOG_LEVEL: 'silent' }), graph, bus: nullBus, logger: silentLogger }, { name: 'bench', role: 'viewer', via: 'key' });
      const res = await graphql({ schema, source: OURS[q], variableValues: { id: ids[0] }, contextValue: ctx });
      stop();
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      const floorParams = (id: string): Params =>
        q === 'detail' ? { id, posts: neo4j.int(20) } : { first: neo4j.int(20), posts: neo4j.int(5) };
      const base = process.env.BENCH_STATEMENTS_BASE;
      const atBase = (name: string) =>
        compactCypher(execFileSync('git', ['show', `${base}:cypher/queries/${name}.cypher`], { cwd: projectRoot(), encoding: 'utf8' }));
      const rows: [string, string, Params[]][] = [
        ...sent.flatMap((s): [string, string, Params[]][] => {
          const params = q === 'detail' ? ids.map((id) => ({ ...s.params, id })) : [s.params];
          return [[`ours ${s.name}`, cypher(s.name), params], ...(base ? [[`ours@${base} ${s.name}`, atBase(s.name), params] as [string, string, Params[]]] : [])];
        }),
        [`floor ${FLOOR[q]}`, cypher(FLOOR[q]), q === 'detail' ? ids.map(floorParams) : [floorParams('')]],
      ];
      // BENCH_STATEMENTS_VARIANTS=<folder>: each <q>-*.cypher there, run with our first statement's parameters (trying rewrites).
      const variants = process.env.BENCH_STATEMENTS_VARIANTS;
      if (variants && sent.length) {
        for (const f of readdirSync(variants).filter((n) => n.startsWith(`${q}-`) && n.endsWith('.cypher')).sort()) {
          const params = q === 'detail' ? ids.map((id) => ({ ...sent[0].params, id })) : [sent[0].params];
          rows.push([`variant ${f}`, compactCypher(readFileSync(join(variants, f), 'utf8')), params]);
        }
      }
      const profiles: { dbHits: number; rows: number }[] = [];
      for (const [, text, params] of rows) profiles.push(await profile(driver, text, params[0]));
      const ms = await costs(driver, neo.pid, rows.map(([, text, params]) => ({ text, params })), runs);
      rows.forEach(([label], i) => {
        const p = profiles[i];
        console.log(
          `${q.padEnd(6)} ${label.padEnd(48)} db hits ${String(p.dbHits).padStart(6)}, rows ${String(p.rows).padStart(3)}, Neo4j CPU ${ms[i].toFixed(3)} ms/execution (median of ${ROUNDS} interleaved rounds of ${Math.round(runs / ROUNDS)}, 8 at a time, after ${runs} uncounted each)`,
        );
      });
    }
  } finally {
    await graph.close();
    await neo.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
