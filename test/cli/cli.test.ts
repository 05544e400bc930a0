/**
 * The CLI in process, on the same wiring as `npm start`: backfill --world ingests the simulated
 * world through the lanes, ingest refreshes it, match runs the matcher (and its silent re-joins
 * revisit cross-posts), replay rebuilds the same graph from staging alone (cross-posts included);
 * bad usage exits 2 with the usage text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { detectCrosspostsOfAccounts } from '../../src/analytics/crossposts';
import { runCli } from '../../src/cli/main';
import { loadConfig, type Config } from '../../src/config';
import { silentLogger } from '../../src/log';
import { migrate } from '../../src/neo4j/migrate';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { clearGraph, freshGraph, workerNeo4jUri } from '../support/graph';

let graph: GraphClient;
let staging: string;
let config: Config;

function io() {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (d: Buffer) => (o += d.toString()));
  err.on('data', (d: Buffer) => (e += d.toString()));
  return { io: { out, err }, text: () => o, errors: () => e };
}

async function cli(args: string[]) {
  const c = io();
  const code = await runCli(args, c.io, { config, logger: silentLogger });
  const lines = c.text().trim().split('\n');
  const json = args.includes('--json') && code === 0 ? JSON.parse(lines[lines.length - 1]) : undefined;
  return { code, out: c.text(), err: c.errors(), json };
}

const count = async (q: string) => Number((await graph.runText(q))[0].n);

beforeAll(async () => {
  graph = await freshGraph();
  staging = mkdtempSync(join(tmpdir(), 'cg-cli-'));
  config = loadConfig({
    NEO4J_URI: workerNeo4jUri(),
    SIMULATE: 'true',
    SIM_CREATORS: '15',
    STAGING_DIR: staging,
    LOG_LEVEL: 'silent',
    TIKLIVEAPI_REQUESTS_PER_MINUTE: '100000',
  });
});

afterAll(async () => {
  await graph?.close();
  rmSync(staging, { recursive: true, force: true });
});

describe('cli', () => {
  it('backfill --world, ingest, match, then replay rebuilds the same accounts and posts from staging', async () => {
    const b = await cli(['backfill', '--world', '--days', '10', '--json']);
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/backfill tiktok: \d+\/\d+/); // progress without a terminal: plain lines
    const accounts = await count('MATCH (a:Account) RETURN count(a) AS n');
    const posts = await count('MATCH (p:Post) RETURN count(p) AS n');
    expect(b.json).toMatchObject({ command: 'backfill', 'accounts tracked': accounts, 'backfill failed': 0 });
    expect(b.json['backfill done']).toBe(b.json['backfill accounts']);
    expect(posts).toBeGreaterThan(0);
    expect(await count('MATCH (c:Creator {tracked: true, backfilled: false}) RETURN count(c) AS n')).toBe(0);

    const i = await cli(['ingest', '--posts-only', '--tiers', 'TIER1,ACTIVE', '--json']);
    expect(i.code).toBe(0);
    const activeAccounts = await count(
      "MATCH (c:Creator {tracked: true})-[:HAS_ACCOUNT]->(a:Account {active: true}) WHERE c.tier IN ['TIER1','ACTIVE'] RETURN count(a) AS n",
    );
    expect(i.json).toMatchObject({ 'profiles refreshed': 0, 'accounts with posts read': activeAccounts });
    // Per-item errors are the world's (protected timelines, malformed items), never a whole lane's.
    expect(i.json.errors).toBeLessThan(activeAccounts);

    const m = await cli(['match']);
    expect(m.code).toBe(0);
    expect(m.out).toMatch(/match: done\n\s+run id\s+\S+/);
    expect(m.out).toMatch(new RegExp(`accounts considered\\s+${accounts}\\b`));

    // Cross-posts are revisited after the full run's silent re-joins and after a replay, through
    // the lanes' own upkeep (ctx.amplifications), not only on match events and live syncs.
    const crossposts = () => count("MATCH ()-[x:AMPLIFIED {kind: 'CROSSPOST'}]->() RETURN count(x) AS n");
    const found = await crossposts();
    expect(found).toBeGreaterThan(0);
    const [pair] = await graph.runText(
      `MATCH (c:Creator)-[:HAS_ACCOUNT]->(t:TikTokAccount)-[m:MATCHED_TO]->(x:XAccount)<-[:HAS_ACCOUNT]-(c)
       WHERE m.status IN ['AUTO', 'MANUAL'] AND EXISTS { (x)-[:POSTED]->(:Post)-[:AMPLIFIED {kind: 'CROSSPOST'}]-(:Post) }
       RETURN t.id AS t, x.id AS x LIMIT 1`,
    );
    // The pair drifts apart by hand (the match unchanged) and its cross-posts are settled as a split's are.
    await graph.runText(
      `MATCH (c:Creator)-[h:HAS_ACCOUNT]->(x:Account {id: $x}) DELETE h
       WITH c, x CREATE (n:Creator) SET n = c {.*, id: 'cr_drifted'} CREATE (n)-[:HAS_ACCOUNT]->(x)`,
      { x: pair.x },
    );
    await detectCrosspostsOfAccounts(graph, [pair.t as string, pair.x as string]);
    expect(await crossposts()).toBeLessThan(found);
    expect((await cli(['match', '--json'])).code).toBe(0); // re-joins the pair without a match event
    expect(await count("MATCH (c:Creator {id: 'cr_drifted'}) RETURN count(c) AS n")).toBe(0);
    expect(await crossposts()).toBe(found);

    // Replay over the graph with the cross-posts gone: they come back as the lanes would find them.
    await graph.runText("MATCH ()-[x:AMPLIFIED {kind: 'CROSSPOST'}]->() DELETE x");
    expect((await cli(['replay', '--json'])).code).toBe(0);
    expect(await crossposts()).toBe(found);

    // Replay into an empty graph: the same accounts and posts, from the staged responses alone.
    await clearGraph(graph);
    await migrate(graph);
    const r = await cli(['replay', '--json']);
    expect(r.code).toBe(0);
    expect(r.json.exchanges).toBeGreaterThan(0);
    expect(await count('MATCH (a:Account) RETURN count(a) AS n')).toBe(accounts);
    expect(await count('MATCH (p:Post) RETURN count(p) AS n')).toBe(posts);
  });

  it('match --discover finds the X half of creators the graph only knows on TikTok', async () => {
    // Forget every X account (the graph from the replay above), so each creator is TikTok-only.
    await graph.runText('MATCH (x:XAccount) DETACH DELETE x');
    const m = await cli(['match', '--discover', '--json']);
    expect(m.code).toBe(0);
    expect(m.json['discovery: one-platform accounts']).toBeGreaterThan(0);
    expect(m.json['discovery: usernames looked up']).toBeGreaterThan(0);
    const found = m.json['discovery: accounts found'];
    expect(found).toBeGreaterThan(0);
    expect(await count('MATCH (x:XAccount) RETURN count(x) AS n')).toBe(found);
    // Found accounts are scored like any other: some join their TikTok creator again.
    expect(
      await count("MATCH (:TikTokAccount)-[m:MATCHED_TO]->(:XAccount) WHERE m.status = 'AUTO' RETURN count(m) AS n"),
    ).toBeGreaterThan(0);
  });

  it('exits 2 with the usage on bad usage, 0 on --help', async () => {
    expect((await cli([])).code).toBe(2);
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "frobnicate"[\s\S]*usage: npm run cli/);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/commands:[\s\S]*replay/);
    const bad = await cli(['ingest', '--platform', 'myspace']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--platform must be tiktok or x/);
  });
});
