/**
 * A small simulated world behind the two provider simulators, the real clients wired to them with
 * raw staging on their onResponse hook, and helpers to read graph state for comparisons.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaging, type Staging } from '../../../src/ingest/staging';
import type { GraphClient } from '../../../src/neo4j/graph-client';
import { createProviderClients, type ProviderClients } from '../../../src/providers';
import { DEFAULT_TIKLIVE_KEY, DEFAULT_X_TOKEN, startSimulators, type Simulators } from '../../../src/simulators/start';
import { generateWorld, type World, type WorldOptions } from '../../../src/simulators/world';

export interface Harness {
  world: World;
  sims: Simulators;
  clients: ProviderClients;
  staging: Staging;
  dir: string;
  /** Moves the simulators' clock (epoch ms). */
  setSimNow(t: number): void;
  close(): Promise<void>;
}

export async function startHarness(worldOpts: WorldOptions, opts: { simNow?: number } = {}): Promise<Harness> {
  const world = generateWorld(worldOpts);
  let simNow = opts.simNow ?? world.now;
  const sims = await startSimulators(world, { clock: () => simNow });
  const dir = mkdtempSync(join(tmpdir(), 'cg-staging-'));
  const staging = createStaging({ dir, flushIntervalMs: 50 });
  const clients = createProviderClients({
    tiklive: { baseUrl: sims.tiklive.url, key: DEFAULT_TIKLIVE_KEY, requestsPerMinute: 600_000, monthlyCredits: 1_000_000 },
    x: { baseUrl: sims.x.url, bearerToken: DEFAULT_X_TOKEN },
    onResponse: staging.onResponse,
    // Retries happen (each quirky record's body is cut off once, so a page may need several), without real waiting.
    retry: { attempts: 10 },
    clock: { sleep: async () => {} },
  });
  return {
    world,
    sims,
    clients,
    staging,
    dir,
    setSimNow: (t) => {
      simNow = t;
    },
    close: async () => {
      await clients.close();
      await staging.close();
      await sims.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Counts = Record<string, number>;

/** Node counts per label set and relationship counts per type. */
export async function graphCounts(graph: GraphClient): Promise<Counts> {
  const nodes = await graph.runText('MATCH (n) UNWIND labels(n) AS l RETURN l AS k, count(*) AS c');
  const rels = await graph.runText('MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS c');
  const out: Counts = {};
  for (const r of [...nodes, ...rels]) out[r.k as string] = Number(r.c);
  return out;
}

/** A stable digest of the ingested facts (no write timestamps), for "nothing changed" checks. */
export async function graphFacts(graph: GraphClient): Promise<Record<string, unknown>> {
  const accounts = await graph.runText(
    `MATCH (a:Account) RETURN a.id AS id, a.username AS username, a.displayName AS displayName, a.bio AS bio,
       a.bioLink AS bioLink, a.followers AS followers, a.following AS following, a.hearts AS hearts,
       a.postCount AS postCount, a.verified AS verified, a.active AS active, toString(a.lastPostAt) AS lastPostAt
     ORDER BY id`,
  );
  const posts = await graph.runText(
    `MATCH (a:Account)-[:POSTED]->(p:Post)
     OPTIONAL MATCH (p)-[:TAGGED]->(h:Hashtag)
     WITH a, p, collect(h.tag) AS tags
     OPTIONAL MATCH (p)-[:MENTIONS]->(m:Account)
     WITH a, p, tags, collect(m.id) AS mentions
     OPTIONAL MATCH (p)-[x:AMPLIFIED]->(s:Post)
     RETURN p.id AS id, a.id AS author, p.url AS url, p.text AS text, toString(p.createdAt) AS createdAt,
       p.likes AS likes, p.comments AS comments, p.shares AS shares, p.views AS views, p.pinned AS pinned,
       coalesce(p.removed, false) AS removed,
       tags, mentions, [z IN collect([s.id, x.kind, x.lagSeconds]) WHERE z[0] IS NOT NULL] AS amps
     ORDER BY id`,
  );
  // Creator ids are minted at write time, so creators are compared by the accounts they hold.
  const creators = (
    await graph.runText(
      `MATCH (c:Creator)-[:HAS_ACCOUNT]->(a:Account) WITH c, collect(a.id) AS ids
       RETURN c.active AS active, c.reachHigh AS reach, ids AS accounts`,
    )
  ).sort((a, b) => JSON.stringify([...(a.accounts as string[])].sort()).localeCompare(JSON.stringify([...(b.accounts as string[])].sort())));
  const sortLists = (rows: Record<string, unknown>[]) =>
    rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? [...v].map((x) => JSON.stringify(x)).sort() : v]),
      ),
    );
  return { accounts, posts: sortLists(posts), creators: sortLists(creators) };
}
